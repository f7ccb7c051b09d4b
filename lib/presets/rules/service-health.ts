import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { failureRatioSpec, latencySpec, targetDownSpec } from './common-specs';
import { groupText, percent, seconds } from './describe';
import { buildPack } from './pack-builder';
import { checkGroupBy, labelOption, labelValueRegex, metricOption, rateOption, regexOption, Scope } from './scope';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link serviceHealth}. */
export type ServiceHealthRuleName = 'ServiceTargetDown' | 'ServiceHighErrorRatio' | 'ServiceHighLatencyP95' | 'ServiceHighLatencyP99';

/** Config of {@link serviceHealth}. */
export interface ServiceHealthConfig extends RulePackOptions<ServiceHealthRuleName> {
  /** The service's scrape job, e.g. `api`. */
  readonly job: string;
  /**
   * Extra label matchers (equality) for every expression, e.g. `{ environment: 'prod' }`.
   * @default {}
   */
  readonly matchers?: Readonly<Record<string, string>>;
  /**
   * Labels that tell one service apart in the error ratio and latency rules; must include `job`.
   * @default ['job']
   */
  readonly groupBy?: readonly string[];
  /**
   * Counter of handled requests.
   * @default 'http_requests_total'
   */
  readonly requestsMetric?: string;
  /**
   * Histogram of request durations in seconds (base name, without `_bucket`).
   * @default 'http_request_duration_seconds'
   */
  readonly durationHistogram?: string;
  /**
   * The label of `requestsMetric` that holds the HTTP status (`status` in some client libraries).
   * @default 'status_code'
   */
  readonly statusLabel?: string;
  /**
   * Regular expression matching the status values counted as errors.
   * @default '5..'
   */
  readonly errorStatusRegex?: string;
  /**
   * A status value `errorStatusRegex` matches, used by the generated tests.
   * @default - the first of 500, 503, 5xx, error that matches
   */
  readonly errorStatusExample?: string;
  /**
   * Below this many requests per second the error ratio and latency rules stay quiet, so one failed request
   * on an idle service pages nobody.
   * @default 0.1
   */
  readonly minRequestsPerSecond?: number;
}

const WHERE = 'presets.serviceHealth';
const WINDOW = Duration.minutes(5);

/**
 * RED alerts for an HTTP service: target down, 5xx error **ratio** (not a raw rate), p95 and p99 latency from
 * the request duration histogram.
 *
 * | rule | threshold (override `threshold`) | for | severity |
 * |---|---|---|---|
 * | ServiceTargetDown | – | 2m | critical |
 * | ServiceHighErrorRatio | share of 5xx responses, 0.05 | 5m | critical |
 * | ServiceHighLatencyP95 | p95 in seconds, 1 | 10m | warning |
 * | ServiceHighLatencyP99 | p99 in seconds, 2.5 | 10m | warning |
 */
export function serviceHealth(config: ServiceHealthConfig): RulePack {
  if (config === null || typeof config !== 'object') throw invalid(WHERE, 'config', config, 'a config object with at least job and runbookUrlPattern');
  if (config.job === undefined) throw invalid(WHERE, 'job', config.job, 'the scrape job of the service, e.g. "api"');
  const scope = Scope.of(config, '', WHERE);
  const groupBy = checkGroupBy(config.groupBy, ['job'], WHERE, 'groupBy');
  const requests = metricOption(config.requestsMetric, 'http_requests_total', WHERE, 'requestsMetric');
  const histogram = metricOption(config.durationHistogram, 'http_request_duration_seconds', WHERE, 'durationHistogram');
  const statusLabel = labelOption(config.statusLabel, 'status_code', WHERE, 'statusLabel');
  const errors = regexOption(config.errorStatusRegex, '5..', config.errorStatusExample, ['500', '503', '5xx', 'error'], WHERE, 'errorStatusRegex', 'errorStatusExample');
  const minRate = rateOption(config.minRequestsPerSecond, 0.1, WHERE, 'minRequestsPerSecond');
  const instance = `${scope.job}-1:8000`;
  const group = groupText(groupBy);
  const latency = (alert: 'ServiceHighLatencyP95' | 'ServiceHighLatencyP99', quantile: number, name: string, threshold: number) =>
    latencySpec({
      alert,
      quantile,
      severity: Severity.WARNING,
      for: Duration.minutes(10),
      threshold: { default: threshold, kind: 'positive' },
      scope,
      groupBy,
      histogram,
      minRate,
      window: WINDOW,
      instance,
      summary: () => `{{ $labels.job }}${group} responds slowly: ${name} latency {{ $value | humanizeDuration }}`,
      description: (s) =>
        `The ${name} latency of {{ $labels.job }}${group} has been above ${seconds(s.threshold)} for ${s.for.toPrometheus()} ` +
        `(now {{ $value | humanizeDuration }}, from ${histogram} over ${WINDOW.toPrometheus()}). Users wait; check slow dependencies and saturation.`,
    });
  return buildPack<ServiceHealthRuleName>(
    [
      targetDownSpec({
        alert: 'ServiceTargetDown',
        scope,
        what: 'Service',
        severity: Severity.CRITICAL,
        for: Duration.minutes(2),
        instance,
        consequence: 'The service is down or its metrics endpoint is unreachable; its other alerts cannot fire while it is not scraped.',
      }),
      failureRatioSpec({
        alert: 'ServiceHighErrorRatio',
        severity: Severity.CRITICAL,
        for: Duration.minutes(5),
        threshold: { default: 0.05, kind: 'ratio' },
        scope,
        groupBy,
        metric: requests,
        statusLabel,
        failureRegex: errors.regex,
        failureSample: errors.sample,
        successSample: ['200', 'success', 'ok'].find((v) => !labelValueRegex(errors.regex).test(v)) ?? '200',
        minRate,
        window: WINDOW,
        instance,
        summary: () => `{{ $labels.job }}${group} fails {{ $value | humanizePercentage }} of requests`,
        description: (s) =>
          `{{ $value | humanizePercentage }} of the requests to {{ $labels.job }}${group} over the last ${WINDOW.toPrometheus()} ended with a status matching ` +
          `${JSON.stringify(errors.regex)}, above the ${percent(s.threshold)} threshold for ${s.for.toPrometheus()}.`,
      }),
      latency('ServiceHighLatencyP95', 0.95, 'p95', 1),
      latency('ServiceHighLatencyP99', 0.99, 'p99', 2.5),
    ],
    config,
    WHERE,
  );
}
