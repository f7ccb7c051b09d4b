import { Duration } from '../../model/duration';

/**
 * A duration in Go's `time.ParseDuration` syntax (h, m, s, ms; no d, w or y): `30d` → `720h`, `90s` → `1m30s`.
 * Alloy's `duration` type and Promtail's Go durations (drop `older_than`, multiline `max_wait_time`) only take this
 * syntax, and Loki's Prometheus-style durations accept it too, so every log config uses it.
 */
export function goDuration(duration: Duration): string {
  let rest = duration.toMilliseconds();
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, size] of [['h', 3600000], ['m', 60000], ['s', 1000], ['ms', 1]] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}

/**
 * A byte size both agents parse as powers of 1024: `8KB`, `1MB` or `100B`. Alloy's `units.ParseBase2Bytes` reads KB as
 * 1024 and needs a unit; Promtail's `flagext.ByteSize` (c2h5oh/datasize) reads kb as 1024 and knows no `KiB`.
 */
export function byteSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024}KB`;
  return `${bytes}B`;
}
