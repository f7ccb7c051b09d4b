import { invalid, MonitoringConfigError } from '../../model/errors';
import { closestKey } from '../../import/messages';
import { labelOption, labelValueRegex, metricOption, regexOption } from './scope';

/**
 * The metric shape of an HTTP service, as the packs' options give it: which counter counts requests, how failures
 * are told apart (a status label matched by a regex, or a counter of errors of its own), and the latency histogram.
 */
export interface HttpShapeOptions {
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
   * A counter of failed requests of its own (e.g. `http_requests_failed_total`), for services that count errors
   * apart instead of labelling requests by status: the error ratio is then `rate(errorsMetric) / rate(requestsMetric)`.
   * Not together with `statusLabel`, `errorStatusRegex` or `errorStatusExample`.
   * @default - errors are the requests whose `statusLabel` matches `errorStatusRegex`
   */
  readonly errorsMetric?: string;
}

/** How failures are counted: by a status label, or by a counter of their own. */
export type FailureShape =
  | { readonly kind: 'status'; readonly statusLabel: string; readonly regex: string; readonly failureSample: string; readonly successSample: string }
  | { readonly kind: 'counter'; readonly metric: string };

/** The checked metric shape. */
export interface HttpShape {
  readonly requests: string;
  readonly histogram: string;
  readonly failures: FailureShape;
}

/** Checks the shape options of an HTTP pack. */
export function httpShape(options: HttpShapeOptions, where: string): HttpShape {
  const requests = metricOption(options.requestsMetric, 'http_requests_total', where, 'requestsMetric');
  const histogram = metricOption(options.durationHistogram, 'http_request_duration_seconds', where, 'durationHistogram');
  if (options.errorsMetric !== undefined) {
    const metric = metricOption(options.errorsMetric, '', where, 'errorsMetric');
    if (metric === requests) throw invalid(where, 'errorsMetric', metric, `a counter of failed requests other than requestsMetric (${JSON.stringify(requests)})`);
    for (const key of ['statusLabel', 'errorStatusRegex', 'errorStatusExample'] as const) {
      if (options[key] !== undefined) {
        throw invalid(where, key, options[key], 'nothing: with errorsMetric the errors come from that counter, not from a status label');
      }
    }
    return { requests, histogram, failures: { kind: 'counter', metric } };
  }
  const statusLabel = labelOption(options.statusLabel, 'status_code', where, 'statusLabel');
  const errors = regexOption(options.errorStatusRegex, '5..', options.errorStatusExample, ['500', '503', '5xx', 'error'], where, 'errorStatusRegex', 'errorStatusExample');
  return {
    requests,
    histogram,
    failures: {
      kind: 'status',
      statusLabel,
      regex: errors.regex,
      failureSample: errors.sample,
      successSample: ['200', 'success', 'ok'].find((v) => !labelValueRegex(errors.regex).test(v)) ?? '200',
    },
  };
}

/**
 * Refuses a config key the pack does not have (a misspelt shape option would otherwise be ignored and the pack
 * would watch the wrong metric), with the closest known key.
 */
export function checkKnownOptions(config: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(config)) {
    if (known.includes(key)) continue;
    const guess = closestKey(key, known);
    throw new MonitoringConfigError(
      where,
      key,
      `is not an option of this pack${guess === undefined ? '' : ` (did you mean \`${guess}\`?)`}; expected one of ${known.map((k) => `\`${k}\``).join(', ')}`,
    );
  }
}
