import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { failureRatioSpec, latencySpec, targetDownSpec } from './common-specs';
import { groupText, percent, plain, seconds } from './describe';
import { buildScopedPack, JobsOptions } from './jobs';
import { AlertSpec } from './pack-builder';
import { by, checkGroupBy, groupLabels, labelOption, labelValueRegex, metricOption, rateOption, regexOption, Scope, ScopeOptions } from './scope';
import { num, ramp } from './series';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link aiServices}. */
export type AiServicesRuleName =
  | 'AiServiceDown'
  | 'AiHighErrorRatio'
  | 'AiGenerationSlow'
  | 'AiTokenUsageHigh'
  | 'AiCacheHitRatioLow'
  | 'AiToolFailureRatioHigh';

/** Config of {@link aiServices}. The metric and label names default to the ones the seeds' services export. */
export interface AiServicesConfig extends RulePackOptions<AiServicesRuleName>, ScopeOptions, JobsOptions<AiServicesRuleName> {
  /**
   * Labels that tell one model apart in the request, latency and token rules; must include `job`.
   * @default ['job', 'model']
   */
  readonly groupBy?: readonly string[];
  /**
   * Counter of model requests, with a status label.
   * @default 'ai_requests_total'
   */
  readonly requestsMetric?: string;
  /**
   * The status label of `requestsMetric`.
   * @default 'status'
   */
  readonly statusLabel?: string;
  /**
   * Regular expression matching failed request statuses.
   * @default 'error|failed|failure|timeout'
   */
  readonly errorStatusRegex?: string;
  /**
   * A status `errorStatusRegex` matches, used by the generated tests.
   * @default - the first of error, failed, failure, timeout that matches
   */
  readonly errorStatusExample?: string;
  /**
   * Histogram of generation (request) durations in seconds, base name.
   * @default 'ai_request_duration_seconds'
   */
  readonly latencyHistogram?: string;
  /**
   * Counter of tokens used.
   * @default 'ai_tokens_used_total'
   */
  readonly tokensMetric?: string;
  /**
   * Counter of cache lookups, with a result label.
   * @default 'cache_operations_total'
   */
  readonly cacheMetric?: string;
  /**
   * The label of `cacheMetric` that says hit or miss.
   * @default 'result'
   */
  readonly cacheResultLabel?: string;
  /**
   * The value of `cacheResultLabel` for a hit.
   * @default 'hit'
   */
  readonly cacheHitValue?: string;
  /**
   * The value of `cacheResultLabel` for a miss.
   * @default 'miss'
   */
  readonly cacheMissValue?: string;
  /**
   * Labels that tell one cache apart; must include `job`.
   * @default ['job']
   */
  readonly cacheGroupBy?: readonly string[];
  /**
   * Counter of tool executions, with a status label.
   * @default 'tool_executions_total'
   */
  readonly toolExecutionsMetric?: string;
  /**
   * Labels that tell one tool apart; must include `job`.
   * @default ['job', 'tool_name']
   */
  readonly toolGroupBy?: readonly string[];
  /**
   * The status label of `toolExecutionsMetric`.
   * @default 'status'
   */
  readonly toolStatusLabel?: string;
  /**
   * Regular expression matching failed tool executions.
   * @default 'error|failed|failure|timeout'
   */
  readonly toolErrorStatusRegex?: string;
  /**
   * A status `toolErrorStatusRegex` matches, used by the generated tests.
   * @default - the first of error, failed, failure, timeout that matches
   */
  readonly toolErrorStatusExample?: string;
  /**
   * Below this many requests (or cache lookups, or tool executions) per second the ratio and latency rules stay
   * quiet.
   * @default 0.05
   */
  readonly minRequestsPerSecond?: number;
}

const WHERE = 'presets.aiServices';
const FAILURES = 'error|failed|failure|timeout';
const FAILURE_SAMPLES = ['error', 'failed', 'failure', 'timeout'];
const SUCCESS_SAMPLES = ['success', 'ok', '200'];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function successSample(regex: string): string {
  return SUCCESS_SAMPLES.find((v) => !labelValueRegex(regex).test(v)) ?? 'success';
}

/**
 * Alerts for AI/LLM services: service down, error ratio of model requests, generation latency (p95), token
 * usage per hour, cache hit ratio, and tool-execution failure ratio.
 *
 * | rule | threshold (override `threshold`) | for | severity |
 * |---|---|---|---|
 * | AiServiceDown | – | 1m | critical |
 * | AiHighErrorRatio | share of failed requests, 0.1 | 5m | critical |
 * | AiGenerationSlow | p95 generation time in seconds, 10 | 10m | warning |
 * | AiTokenUsageHigh | tokens per hour and model, 1000000 | – | warning |
 * | AiCacheHitRatioLow | cache hit ratio over 15m, below 0.5 | 15m | warning |
 * | AiToolFailureRatioHigh | share of failed tool executions, 0.1 | 5m | warning |
 */
export function aiServices(config: AiServicesConfig): RulePack {
  if (config === null || typeof config !== 'object') throw invalid(WHERE, 'config', config, 'a config object with at least runbookUrlPattern');
  const makeSpecs = (scope: Scope): AlertSpec<AiServicesRuleName>[] => {
    const groupBy = checkGroupBy(config.groupBy, ['job', 'model'], WHERE, 'groupBy');
    const cacheGroupBy = checkGroupBy(config.cacheGroupBy, ['job'], WHERE, 'cacheGroupBy');
    const toolGroupBy = checkGroupBy(config.toolGroupBy, ['job', 'tool_name'], WHERE, 'toolGroupBy');
    const requests = metricOption(config.requestsMetric, 'ai_requests_total', WHERE, 'requestsMetric');
    const statusLabel = labelOption(config.statusLabel, 'status', WHERE, 'statusLabel');
    const errors = regexOption(config.errorStatusRegex, FAILURES, config.errorStatusExample, FAILURE_SAMPLES, WHERE, 'errorStatusRegex', 'errorStatusExample');
    const histogram = metricOption(config.latencyHistogram, 'ai_request_duration_seconds', WHERE, 'latencyHistogram');
    const tokens = metricOption(config.tokensMetric, 'ai_tokens_used_total', WHERE, 'tokensMetric');
    const cache = metricOption(config.cacheMetric, 'cache_operations_total', WHERE, 'cacheMetric');
    const resultLabel = labelOption(config.cacheResultLabel, 'result', WHERE, 'cacheResultLabel');
    const hit = config.cacheHitValue ?? 'hit';
    const miss = config.cacheMissValue ?? 'miss';
    for (const [field, value] of [['cacheHitValue', hit], ['cacheMissValue', miss]] as const) {
      if (typeof value !== 'string' || value === '') throw invalid(WHERE, field, value, 'a non-empty label value');
    }
    if (hit === miss) throw invalid(WHERE, 'cacheMissValue', miss, 'a value different from cacheHitValue');
    const tools = metricOption(config.toolExecutionsMetric, 'tool_executions_total', WHERE, 'toolExecutionsMetric');
    const toolStatusLabel = labelOption(config.toolStatusLabel, 'status', WHERE, 'toolStatusLabel');
    const toolErrors = regexOption(config.toolErrorStatusRegex, FAILURES, config.toolErrorStatusExample, FAILURE_SAMPLES, WHERE, 'toolErrorStatusRegex', 'toolErrorStatusExample');
    const minRate = rateOption(config.minRequestsPerSecond, 0.05, WHERE, 'minRequestsPerSecond');
    const instance = `${scope.job}-1:8000`;
    const perModel = groupText(groupBy);
    const perTool = groupText(toolGroupBy);
    const perCache = groupText(cacheGroupBy);

    const modelLabels = groupLabels(scope, groupBy);
    const tokenSeries = (perStep: number, steps: number) => {
      const prompt = Math.floor(perStep / 2);
      return [
        { series: scope.series(tokens, { ...modelLabels, instance, token_type: 'prompt' }), values: ramp(prompt, steps) },
        { series: scope.series(tokens, { ...modelLabels, instance, token_type: 'completion' }), values: ramp(perStep - prompt, steps) },
      ];
    };

    const cacheLabels = groupLabels(scope, cacheGroupBy);
    const cacheLookups = `${resultLabel}=~${JSON.stringify(`${escapeRegex(hit)}|${escapeRegex(miss)}`)}`;
    const cacheAll = `sum ${by(cacheGroupBy)} (rate(${scope.selector(cache, cacheLookups)}[15m]))`;
    const cacheHits = `sum ${by(cacheGroupBy)} (rate(${scope.selector(cache, `${resultLabel}=${JSON.stringify(hit)}`)}[15m]))`;
    const cacheSeries = (hits: number, misses: number, steps: number) => [
      { series: scope.series(cache, { ...cacheLabels, instance, [resultLabel]: hit }), values: ramp(hits, steps) },
      { series: scope.series(cache, { ...cacheLabels, instance, [resultLabel]: miss }), values: ramp(misses, steps) },
    ];
    const busy = 60 * Math.max(10, Math.ceil(minRate * 2));

    const specs: AlertSpec<AiServicesRuleName>[] = [
      targetDownSpec({
        alert: 'AiServiceDown',
        scope,
        what: 'AI service',
        severity: Severity.CRITICAL,
        for: Duration.minutes(1),
        instance,
        consequence: 'Features that need the model fail; its other alerts cannot fire while it is not scraped.',
      }),
      failureRatioSpec({
        alert: 'AiHighErrorRatio',
        severity: Severity.CRITICAL,
        for: Duration.minutes(5),
        threshold: { default: 0.1, kind: 'ratio' },
        scope,
        groupBy,
        metric: requests,
        statusLabel,
        failureRegex: errors.regex,
        failureSample: errors.sample,
        successSample: successSample(errors.regex),
        minRate,
        window: Duration.minutes(5),
        instance,
        summary: () => `{{ $labels.job }}${perModel}: {{ $value | humanizePercentage }} of model requests fail`,
        description: (s) =>
          `{{ $value | humanizePercentage }} of the model requests of {{ $labels.job }}${perModel} over the last 5m failed ` +
          `(${statusLabel} matching ${JSON.stringify(errors.regex)}), above ${percent(s.threshold)} for ${s.for.toPrometheus()}. ` +
          'Check the provider\'s status, rate limits and API keys.',
      }),
      latencySpec({
        alert: 'AiGenerationSlow',
        quantile: 0.95,
        severity: Severity.WARNING,
        for: Duration.minutes(10),
        threshold: { default: 10, kind: 'positive' },
        scope,
        groupBy,
        histogram,
        minRate,
        window: Duration.minutes(5),
        instance,
        summary: () => `{{ $labels.job }}${perModel}: p95 generation time is {{ $value | humanizeDuration }}`,
        description: (s) =>
          `95% of the generations of {{ $labels.job }}${perModel} took up to {{ $value | humanizeDuration }} over the last 5m, ` +
          `above ${seconds(s.threshold)} for ${s.for.toPrometheus()}. Users wait; check the provider's latency, prompt sizes and retries.`,
      }),
      {
        alert: 'AiTokenUsageHigh',
        severity: Severity.WARNING,
        threshold: { default: 1000000, kind: 'positive' },
        expr: (s) => `sum ${by(groupBy)} (increase(${scope.selector(tokens)}[1h])) > ${num(s.threshold)}`,
        summary: () => `{{ $labels.job }}${perModel} used {{ $value | humanize }} tokens in an hour`,
        description: (s) =>
          `{{ $labels.job }}${perModel} used {{ $value | humanize }} tokens in the last hour, more than the budget of ${plain(s.threshold)} per hour. ` +
          'Costs grow; look for retry loops, oversized prompts or abuse.',
        test: {
          warmup: Duration.hours(1),
          firing: (ctx) => {
            const perStep = Math.ceil((2 * ctx.threshold) / 60);
            return { series: tokenSeries(perStep, ctx.steps), alerts: [{ labels: modelLabels, value: 60 * perStep }] };
          },
          quiet: (ctx) => [{ name: 'usage within the budget', series: tokenSeries(Math.floor(ctx.threshold / 2 / 60), ctx.steps) }],
        },
      },
      {
        alert: 'AiCacheHitRatioLow',
        severity: Severity.WARNING,
        for: Duration.minutes(15),
        threshold: { default: 0.5, kind: 'ratio' },
        expr: (s) => `${cacheHits}\n/\n${cacheAll}\n< ${num(s.threshold)}\nand\n${cacheAll} > ${num(minRate)}`,
        summary: () => `{{ $labels.job }}${perCache}: cache hit ratio is {{ $value | humanizePercentage }}`,
        description: (s) =>
          `Only {{ $value | humanizePercentage }} of the cache lookups of {{ $labels.job }}${perCache} over the last 15m were hits, below ${percent(s.threshold)} ` +
          `for ${s.for.toPrometheus()}. More requests reach the model, which costs time and tokens; check cache keys and expiry.`,
        test: {
          warmup: Duration.minutes(15),
          firing: (ctx) => {
            const hits = Math.floor((busy * ctx.threshold) / 2);
            return { series: cacheSeries(hits, busy - hits, ctx.steps), alerts: [{ labels: cacheLabels, value: hits / busy }] };
          },
          quiet: (ctx) => {
            const hits = busy - Math.floor((busy * (1 - ctx.threshold)) / 2);
            const quiet = [{ name: 'most lookups hit', series: cacheSeries(hits, busy - hits, ctx.steps) }];
            if (minRate > 0) quiet.push({ name: 'every lookup misses but traffic is below the minimum', series: cacheSeries(0, minRate * 30, ctx.steps) });
            return quiet;
          },
        },
      },
      failureRatioSpec({
        alert: 'AiToolFailureRatioHigh',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        threshold: { default: 0.1, kind: 'ratio' },
        scope,
        groupBy: toolGroupBy,
        metric: tools,
        statusLabel: toolStatusLabel,
        failureRegex: toolErrors.regex,
        failureSample: toolErrors.sample,
        successSample: successSample(toolErrors.regex),
        minRate,
        window: Duration.minutes(5),
        instance,
        summary: () => `{{ $labels.job }}${perTool}: {{ $value | humanizePercentage }} of tool executions fail`,
        description: (s) =>
          `{{ $value | humanizePercentage }} of the tool executions of {{ $labels.job }}${perTool} over the last 5m failed, ` +
          `above ${percent(s.threshold)} for ${s.for.toPrometheus()}. Answers that need the tool degrade; check the tool's backend and inputs.`,
      }),
    ];
    return specs;
  };
  return buildScopedPack(makeSpecs, config, 'ai-service', WHERE);
}
