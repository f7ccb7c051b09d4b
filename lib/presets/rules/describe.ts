import { Duration } from '../../model/duration';
import { humanizeDuration } from './go-format';

/**
 * Formats thresholds for alert descriptions, the way the alert's own values are printed.
 */

/** A ratio as a percentage: `0.05` → `5%`. */
export function percent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(6))}%`;
}

/** Seconds as Prometheus' humanizeDuration prints them: `0.5` → `500ms`, `90` → `1m 30s`. */
export function seconds(value: number): string {
  return humanizeDuration(value);
}

/** A plain number without float noise: `0.30000000000000004` → `0.3`. */
export function plain(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** A duration for prose: `5m`, or `at once` for zero. */
export function holdTime(d: Duration): string {
  return d.toMilliseconds() === 0 ? 'at once' : `for ${d.toPrometheus()}`;
}

/** ` (model {{ $labels.model }})` for the `groupBy` labels other than `job`, so alert texts follow the grouping. */
export function groupText(groupBy: readonly string[]): string {
  const parts = groupBy.filter((l) => l !== 'job').map((l) => `${l.replace(/_/g, ' ')} {{ $labels.${l} }}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
