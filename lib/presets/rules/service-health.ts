import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { failureRatioSpec, latencySpec, targetDownSpec } from './common-specs';
import { groupText, percent, seconds } from './describe';
import { checkKnownOptions, httpShape, HttpShape, HttpShapeOptions } from './http-shape';
import { buildJobsPack, isMultiJob, JobsOptions } from './jobs';
import { AlertSpec, buildPack } from './pack-builder';
import { checkGroupBy, rateOption, Scope } from './scope';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link serviceHealth}. */
export type ServiceHealthRuleName = 'ServiceTargetDown' | 'ServiceHighErrorRatio' | 'ServiceHighLatencyP95' | 'ServiceHighLatencyP99';

/** Config of {@link serviceHealth}. */
export interface ServiceHealthConfig extends RulePackOptions<ServiceHealthRuleName>, JobsOptions<ServiceHealthRuleName>, HttpShapeOptions {
  /**
   * The service's scrape job, e.g. `api`.
   * @default - none: give `job`, `jobs` (several services in one pack) or `selector`
   */
  readonly job?: string;
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
   * Below this many requests per second the error ratio and latency rules stay quiet, so one failed request
   * on an idle service pages nobody.
   * @default 0.1
   */
  readonly minRequestsPerSecond?: number;
}

const SERVICE_HEALTH_OPTIONS: readonly string[] = [
  'runbookUrlPattern', 'labels', 'overrides', 'job', 'jobs', 'selector', 'jobOverrides', 'exampleJob', 'matchers', 'groupBy',
  'requestsMetric', 'durationHistogram', 'statusLabel', 'errorStatusRegex', 'errorStatusExample', 'errorsMetric', 'minRequestsPerSecond',
];

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
  checkKnownOptions(config, SERVICE_HEALTH_OPTIONS, WHERE);
  const groupBy = checkGroupBy(config.groupBy, ['job'], WHERE, 'groupBy');
  const shape = httpShape(config, WHERE);
  const minRate = rateOption(config.minRequestsPerSecond, 0.1, WHERE, 'minRequestsPerSecond');
  const specs = (scope: Scope) => serviceHealthSpecs(scope, groupBy, shape, minRate);
  if (isMultiJob(config)) return buildJobsPack<ServiceHealthRuleName>(specs, config, WHERE);
  if (config.job === undefined) throw invalid(WHERE, 'job', config.job, 'the scrape job of the service, e.g. "api" (or `jobs`, or a `selector`)');
  return buildPack<ServiceHealthRuleName>(specs(Scope.of(config, '', WHERE)), config, WHERE);
}

/** The rule specs of {@link serviceHealth} for one scope. */
function serviceHealthSpecs(scope: Scope, groupBy: readonly string[], shape: HttpShape, minRate: number): AlertSpec<ServiceHealthRuleName>[] {
  const { histogram, failures } = shape;
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
  return [
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
      metric: shape.requests,
      ...(failures.kind === 'status'
        ? { statusLabel: failures.statusLabel, failureRegex: failures.regex, failureSample: failures.failureSample, successSample: failures.successSample }
        : { statusLabel: '', failureRegex: '', failureSample: '', successSample: '', failureMetric: failures.metric }),
      minRate,
      window: WINDOW,
      instance,
      summary: () => `{{ $labels.job }}${group} fails {{ $value | humanizePercentage }} of requests`,
      description: (s) =>
        `{{ $value | humanizePercentage }} of the requests to {{ $labels.job }}${group} over the last ${WINDOW.toPrometheus()} ` +
        (failures.kind === 'status' ? `ended with a status matching ${JSON.stringify(failures.regex)}` : `were counted in ${failures.metric}`) +
        `, above the ${percent(s.threshold)} threshold for ${s.for.toPrometheus()}.`,
    }),
    latency('ServiceHighLatencyP95', 0.95, 'p95', 1),
    latency('ServiceHighLatencyP99', 0.99, 'p99', 2.5),
  ];
}
