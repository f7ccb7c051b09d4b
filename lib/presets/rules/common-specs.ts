import { Duration } from '../../model/duration';
import { Severity } from '../../model/severity';
import { holdTime } from './describe';
import { AlertSpec, RuleSettings, ThresholdSpec } from './pack-builder';
import { by, groupLabels, Scope } from './scope';
import { gauge, num, ramp } from './series';

/**
 * Rule specs several packs share: a scrape target that is down, a failure ratio of a counter split by a status
 * label, and a latency quantile from a histogram. Each comes with its generated test data.
 */

/** Options of {@link targetDownSpec}. */
export interface TargetDownOptions<Name extends string> {
  readonly alert: Name;
  readonly scope: Scope;
  /** What the target is, as the summary starts: `node-exporter`, `Service`. */
  readonly what: string;
  readonly severity: Severity;
  readonly for: Duration;
  /** The `instance` label of the test series. */
  readonly instance: string;
  /** A sentence appended to the description. */
  readonly consequence: string;
}

/** `up == 0` for a job: the target could not be scraped. */
export function targetDownSpec<Name extends string>(o: TargetDownOptions<Name>): AlertSpec<Name> {
  return {
    alert: o.alert,
    severity: o.severity,
    for: o.for,
    expr: () => `${o.scope.selector('up')} == 0`,
    summary: () => `${o.what} target {{ $labels.instance }} of job {{ $labels.job }} is down`,
    description: (s) =>
      `Prometheus could not scrape {{ $labels.instance }} (job {{ $labels.job }}) ${holdTime(s.for)}. ${o.consequence}`,
    test: {
      warmup: Duration.minutes(0),
      firing: (ctx) => ({
        series: [{ series: o.scope.series('up', { instance: o.instance }), values: gauge(0, ctx.steps) }],
        alerts: [{ labels: { ...o.scope.labels, instance: o.instance }, value: 0 }],
      }),
      quiet: (ctx) => [{ name: 'target up', series: [{ series: o.scope.series('up', { instance: o.instance }), values: gauge(1, ctx.steps) }] }],
    },
  };
}

/** Options of {@link failureRatioSpec}. */
export interface FailureRatioOptions<Name extends string> {
  readonly alert: Name;
  readonly severity: Severity;
  readonly for: Duration;
  readonly threshold: ThresholdSpec;
  readonly scope: Scope;
  readonly groupBy: readonly string[];
  /** The counter of all events, e.g. `http_requests_total`. */
  readonly metric: string;
  /** The label that tells failures from successes, e.g. `status_code`. */
  readonly statusLabel: string;
  /** A regular expression matching failure values of `statusLabel`. */
  readonly failureRegex: string;
  /** A failure value for the test data. */
  readonly failureSample: string;
  /** A success value for the test data (not matched by `failureRegex`). */
  readonly successSample: string;
  /** Below this many events per second the rule stays quiet. */
  readonly minRate: number;
  /** The rate window, e.g. `5m`. */
  readonly window: Duration;
  readonly instance: string;
  readonly summary: (s: RuleSettings) => string;
  readonly description: (s: RuleSettings) => string;
  /**
   * A counter of failures of its own (e.g. `http_requests_failed_total`): failures are its rate, not the events whose
   * `statusLabel` matches `failureRegex` (those four fields are then unused).
   */
  readonly failureMetric?: string;
}

/** Events per 1m step of the firing data: well above the minimum rate. */
function busyPerStep(minRate: number): number {
  return 60 * Math.max(10, Math.ceil(minRate * 2));
}

/** The share of failures in all events is above the threshold, with enough traffic to mean something. */
export function failureRatioSpec<Name extends string>(o: FailureRatioOptions<Name>): AlertSpec<Name> {
  const window = o.window.toPrometheus();
  const grouping = by(o.groupBy);
  const all = `sum ${grouping} (rate(${o.scope.selector(o.metric)}[${window}]))`;
  const failed =
    o.failureMetric === undefined
      ? `sum ${grouping} (rate(${o.scope.selector(o.metric, `${o.statusLabel}=~${JSON.stringify(o.failureRegex)}`)}[${window}]))`
      : `sum ${grouping} (rate(${o.scope.selector(o.failureMetric)}[${window}]))`;
  const output = groupLabels(o.scope, o.groupBy);
  const seriesOf = (status: string): string => o.scope.series(o.metric, { ...output, instance: o.instance, [o.statusLabel]: status });
  const counted = (metric: string): string => o.scope.series(metric, { ...output, instance: o.instance });
  const data = (ok: number, bad: number, steps: number) =>
    o.failureMetric === undefined
      ? [
          { series: seriesOf(o.successSample), values: ramp(ok, steps) },
          { series: seriesOf(o.failureSample), values: ramp(bad, steps) },
        ]
      : [
          // the requests counter counts every request, failed or not
          { series: counted(o.metric), values: ramp(ok + bad, steps) },
          { series: counted(o.failureMetric), values: ramp(bad, steps) },
        ];
  return {
    alert: o.alert,
    severity: o.severity,
    for: o.for,
    threshold: o.threshold,
    expr: (s) => `(\n  ${failed}\n/\n  ${all}\n) > ${num(s.threshold)}\nand\n  ${all} > ${num(o.minRate)}`,
    summary: o.summary,
    description: o.description,
    test: {
      warmup: o.window,
      firing: (ctx) => {
        const total = busyPerStep(o.minRate);
        const bad = 2 * ctx.threshold < 1 ? Math.min(total, Math.ceil(total * 2 * ctx.threshold)) : total - Math.floor((total * (1 - ctx.threshold)) / 2);
        return { series: data(total - bad, bad, ctx.steps), alerts: [{ labels: output, value: bad / total }] };
      },
      quiet: (ctx) => {
        const total = busyPerStep(o.minRate);
        const bad = Math.floor((total * ctx.threshold) / 2);
        const quiet = [{ name: 'failure ratio below the threshold', series: data(total - bad, bad, ctx.steps) }];
        if (o.minRate > 0) quiet.push({ name: 'every event fails but traffic is below the minimum rate', series: data(0, o.minRate * 30, ctx.steps) });
        return quiet;
      },
    },
  };
}

/** Options of {@link latencySpec}. */
export interface LatencyOptions<Name extends string> {
  readonly alert: Name;
  /** The quantile, e.g. 0.95. */
  readonly quantile: number;
  readonly severity: Severity;
  readonly for: Duration;
  /** Threshold in seconds. */
  readonly threshold: ThresholdSpec;
  readonly scope: Scope;
  readonly groupBy: readonly string[];
  /** The histogram's base name, e.g. `http_request_duration_seconds`. */
  readonly histogram: string;
  readonly minRate: number;
  readonly window: Duration;
  readonly instance: string;
  readonly summary: (s: RuleSettings) => string;
  readonly description: (s: RuleSettings) => string;
}

/** A latency quantile computed from histogram buckets is above the threshold, with enough traffic to mean something. */
export function latencySpec<Name extends string>(o: LatencyOptions<Name>): AlertSpec<Name> {
  const window = o.window.toPrometheus();
  const output = groupLabels(o.scope, o.groupBy);
  const quantile = `histogram_quantile(${num(o.quantile)}, sum ${by([...o.groupBy, 'le'])} (rate(${o.scope.selector(`${o.histogram}_bucket`)}[${window}])))`;
  const traffic = `sum ${by(o.groupBy)} (rate(${o.scope.selector(`${o.histogram}_count`)}[${window}]))`;
  /** Buckets around the threshold; `slowest` observations per step land in (2t, 4t], the rest in (0, t/4]. */
  const data = (t: number, fast: number, slow: number, steps: number) => {
    const bounds = [t / 4, t / 2, t, 2 * t, 4 * t];
    const labels = { ...output, instance: o.instance };
    return [
      ...bounds.map((le, i) => ({
        series: o.scope.series(`${o.histogram}_bucket`, { ...labels, le: num(le) }),
        values: ramp(fast + (i === bounds.length - 1 ? slow : 0), steps),
      })),
      { series: o.scope.series(`${o.histogram}_bucket`, { ...labels, le: '+Inf' }), values: ramp(fast + slow, steps) },
      { series: o.scope.series(`${o.histogram}_count`, labels), values: ramp(fast + slow, steps) },
    ];
  };
  return {
    alert: o.alert,
    severity: o.severity,
    for: o.for,
    threshold: o.threshold,
    expr: (s) => `${quantile} > ${num(s.threshold)}\nand\n${traffic} > ${num(o.minRate)}`,
    summary: o.summary,
    description: o.description,
    test: {
      warmup: o.window,
      firing: (ctx) => ({
        series: data(ctx.threshold, 0, busyPerStep(o.minRate), ctx.steps),
        alerts: [{ labels: output, value: 2 * ctx.threshold + 2 * ctx.threshold * o.quantile }],
      }),
      quiet: (ctx) => {
        const quiet = [{ name: 'fast responses', series: data(ctx.threshold, busyPerStep(o.minRate), 0, ctx.steps) }];
        if (o.minRate > 0) quiet.push({ name: 'slow responses but traffic below the minimum rate', series: data(ctx.threshold, 0, o.minRate * 30, ctx.steps) });
        return quiet;
      },
    },
  };
}
