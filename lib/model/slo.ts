import { Duration } from './duration';
import { invalid } from './errors';
import { prometheusFloatLabel } from './float-label';
import { checkLabelName, METRIC_NAME } from './names';
import { checkPromQL, isPlainSelector } from './promql';
import { AlertingRuleDefinition, RecordingRuleDefinition, RuleDefinition } from './rules';
import { checkSeverity, Severity } from './severity';

/**
 * How "bad events / all events" is measured. Each factory takes PromQL selectors; the library builds the
 * error-ratio expression for every window the burn-rate alerts need.
 */
export class SloIndicator {
  /**
   * Availability from counters: `errors` are bad events, `total` all events (both counter selectors), e.g.
   * `{ errors: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}' }`.
   */
  public static availability(options: { readonly errors: string; readonly total: string }): SloIndicator {
    return new SloIndicator('availability', options.total, (w) => `sum(rate(${options.errors}[${w}])) / sum(rate(${options.total}[${w}]))`, [options.errors, options.total], undefined, [
      { field: 'indicator.errors', text: options.errors, role: 'counter' },
      { field: 'indicator.total', text: options.total, role: 'counter' },
    ]);
  }

  /**
   * Latency from a histogram: requests slower than `threshold` seconds are bad. `threshold` must be one of the
   * histogram's bucket boundaries (`le` values), e.g. `{ histogram: 'http_request_duration_seconds', selector: '{job="api"}', threshold: 0.3 }`.
   */
  public static latency(options: { readonly histogram: string; readonly selector?: string; readonly threshold: number }): SloIndicator {
    const sel = options.selector ?? '';
    const inner = sel.replace(/^\{|\}$/g, '');
    // Prometheus 3 writes bucket bounds as float strings: a threshold of 1 is le="1.0".
    const bucket = `${options.histogram}_bucket{${inner ? `${inner},` : ''}le="${prometheusFloatLabel(options.threshold)}"}`;
    const count = `${options.histogram}_count${sel}`;
    return new SloIndicator(
      'latency',
      count,
      (w) => `1 - (sum(rate(${bucket}[${w}])) / sum(rate(${count}[${w}])))`,
      [bucket, count],
      options.threshold,
      [
        { field: 'indicator.histogram', text: options.histogram, role: 'histogram' },
        { field: 'indicator.selector', text: sel, role: 'labels' },
      ],
    );
  }

  /** Availability from blackbox probes: the share of failed probes, e.g. `{ selector: '{job="api-probe"}' }`. */
  public static probe(options: { readonly selector: string }): SloIndicator {
    const series = `probe_success${options.selector}`;
    return new SloIndicator('probe', undefined, (w) => `1 - avg(avg_over_time(${series}[${w}]))`, [series], undefined, [
      { field: 'indicator.selector', text: options.selector, role: 'labels' },
    ]);
  }

  private constructor(
    /** The indicator kind. */
    public readonly kind: 'availability' | 'latency' | 'probe',
    /** The counter of all events (for the minimum-traffic guard); undefined for probes. */
    public readonly totalSelector: string | undefined,
    /** The error ratio over a window. */
    public readonly errorRatio: (window: string) => string,
    /** The selectors, for validation. */
    public readonly selectors: readonly string[],
    /** The latency threshold in seconds, for descriptions. @default - none (availability and probe indicators) */
    public readonly threshold?: number,
    /** The inputs as given, for validation: what each field must be. @default [] */
    public readonly inputs: readonly SloIndicatorInput[] = [],
  ) {}
}

/** One input of an SLO indicator and what it must be. */
export interface SloIndicatorInput {
  /** The prop, e.g. `indicator.errors`. */
  readonly field: string;
  /** The text given for it. */
  readonly text: string;
  /** `counter`: a counter selector (the indicator takes its rate); `histogram`: a histogram's base name; `labels`: `{...}` or nothing. */
  readonly role: 'counter' | 'histogram' | 'labels';
}

/**
 * Checks one indicator input for what it is: the indicator wraps counters in `rate(...[window])` and appends
 * `_bucket`/`_count` and matchers itself, so an input that is already an expression would render as
 * `rate(rate(...)[5m])` or not parse.
 */
function checkIndicatorInput(input: SloIndicatorInput, where: string): void {
  const { field, text, role } = input;
  if (role === 'histogram') {
    if (typeof text !== 'string' || !METRIC_NAME.test(text) || /_(bucket|count|sum)$/.test(text)) {
      throw invalid(where, field, text, 'the histogram\'s base name, e.g. "http_request_duration_seconds" (without _bucket, _count or _sum and without matchers; put matchers in `selector`)');
    }
    return;
  }
  if (role === 'labels') {
    if (text === '') return;
    if (typeof text !== 'string' || !/^\{.*\}$/s.test(text.trim())) {
      throw invalid(where, field, text, 'label matchers only, e.g. \'{job="api"}\' (the indicator adds the metric name)');
    }
    checkPromQL(`up${text}`, where, field);
    return;
  }
  checkPromQL(text, where, field);
  if (!isPlainSelector(text)) {
    throw invalid(
      where,
      field,
      text,
      'a counter selector such as \'http_requests_total{job="api",code=~"5.."}\': the indicator takes the rate itself ' +
        `(sum(rate(<selector>[<window>])) for each window), so an expression here would become rate(${text.trim()}[5m]), which Prometheus refuses or which means something else`,
    );
  }
}

/** One multiwindow burn-rate alert condition (SRE workbook, chapter 5). */
export interface BurnRateWindow {
  readonly long: string;
  readonly short: string;
  readonly factor: number;
}

/** The SRE workbook's windows for a 30-day SLO: 2% and 5% of the budget page, 10% and 100% ticket. */
export const PAGE_WINDOWS: readonly BurnRateWindow[] = [
  { long: '1h', short: '5m', factor: 14.4 },
  { long: '6h', short: '30m', factor: 6 },
];
/** Slow burns: a ticket, not a page. */
export const TICKET_WINDOWS: readonly BurnRateWindow[] = [
  { long: '1d', short: '2h', factor: 3 },
  { long: '3d', short: '6h', factor: 1 },
];

/** Input of {@link buildSloRules}. */
export interface SloInput {
  /** SLO name, the `slo` label of every recorded series and alert. */
  readonly name: string;
  /** The service, the `service` label of the alerts. */
  readonly service: string;
  /** Target as a fraction of good events, e.g. 0.999. */
  readonly objective: number;
  readonly indicator: SloIndicator;
  /** Events per second below which nothing pages (a quiet service must not page on one failed request). */
  readonly minimumEventsPerSecond: number;
  readonly pageSeverity: Severity;
  readonly ticketSeverity: Severity;
  readonly runbookUrl?: string;
}

const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];

/** Rounds away binary noise: 14.4 × 0.001 renders as 0.0144, not 0.014400000000000001. */
export function tidy(n: number): string {
  return String(Number(n.toPrecision(10)));
}

/** Validates SLO input. */
export function checkSlo(input: SloInput, where: string): void {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]*$/.test(input.name)) throw invalid(where, 'name', input.name, 'a name of letters, digits, "_" and "-"');
  checkLabelName('service', where, 'service');
  if (typeof input.service !== 'string' || input.service === '') throw invalid(where, 'service', input.service, 'a non-empty service name');
  if (typeof input.objective !== 'number' || !(input.objective > 0 && input.objective < 1)) {
    throw invalid(where, 'objective', input.objective, 'a fraction between 0 and 1 such as 0.999 (99.9%)');
  }
  checkSeverity(input.pageSeverity, where, 'pageSeverity');
  checkSeverity(input.ticketSeverity, where, 'ticketSeverity');
  if (!(input.indicator instanceof SloIndicator)) {
    throw invalid(where, 'indicator', input.indicator, 'an SloIndicator such as SloIndicator.availability({ errors, total })');
  }
  for (const indicatorInput of input.indicator.inputs) checkIndicatorInput(indicatorInput, where);
  for (const [i, selector] of input.indicator.selectors.entries()) checkPromQL(selector, where, `indicator selector ${i + 1}`);
  if (input.indicator.threshold !== undefined && !(input.indicator.threshold > 0 && Number.isFinite(input.indicator.threshold))) {
    throw invalid(where, 'indicator.threshold', input.indicator.threshold, 'a finite bucket boundary in seconds > 0 (every request is faster than +Inf)');
  }
  if (typeof input.minimumEventsPerSecond !== 'number' || !Number.isFinite(input.minimumEventsPerSecond) || input.minimumEventsPerSecond < 0) {
    throw invalid(where, 'minimumEventsPerSecond', input.minimumEventsPerSecond, 'a finite number ≥ 0 (events per second; 0 turns the minimum-traffic guard off)');
  }
}

/**
 * The recording rules (error ratio per window, event rate) and the two multiwindow multi-burn-rate alerts of an
 * SLO: `<Name>ErrorBudgetBurn` pages on fast burns (1h/5m at 14.4×, 6h/30m at 6×) and tickets on slow burns
 * (1d/2h at 3×, 3d/6h at 1×).
 */
export function buildSloRules(input: SloInput): RuleDefinition[] {
  const sel = `{slo="${input.name}"}`;
  const budget = 1 - input.objective;
  const recordings: RecordingRuleDefinition[] = WINDOWS.map((w) => ({
    record: `slo:sli_error:ratio_rate${w}`,
    expr: input.indicator.errorRatio(w),
    labels: { slo: input.name, service: input.service },
  }));
  if (input.indicator.totalSelector) {
    recordings.push({
      record: 'slo:sli_events:rate1h',
      expr: `sum(rate(${input.indicator.totalSelector}[1h]))`,
      labels: { slo: input.name, service: input.service },
    });
  }
  const guard = input.indicator.totalSelector && input.minimumEventsPerSecond > 0
    ? `\nand on (slo) slo:sli_events:rate1h${sel} >= ${tidy(input.minimumEventsPerSecond)}`
    : '';
  const condition = (windows: readonly BurnRateWindow[]) =>
    windows
      .map((w) => `(\n  slo:sli_error:ratio_rate${w.long}${sel} > ${tidy(w.factor * budget)}\n  and\n  slo:sli_error:ratio_rate${w.short}${sel} > ${tidy(w.factor * budget)}\n)`)
      .join('\nor\n');
  const percent = `${tidy(input.objective * 100)}%`;
  const what = input.indicator.kind === 'latency' ? `requests faster than ${input.indicator.threshold}s` : 'successful events';
  const alert = (kind: 'page' | 'ticket'): AlertingRuleDefinition => ({
    alert: `${pascal(input.name)}ErrorBudget${kind === 'page' ? 'FastBurn' : 'SlowBurn'}`,
    expr: `(\n${condition(kind === 'page' ? PAGE_WINDOWS : TICKET_WINDOWS)}\n)${guard}`,
    for: kind === 'page' ? Duration.minutes(2) : Duration.minutes(15),
    severity: kind === 'page' ? input.pageSeverity : input.ticketSeverity,
    labels: { slo: input.name, service: input.service },
    summary: `${input.service} burns its error budget ${kind === 'page' ? 'fast' : 'slowly'} (SLO ${input.name}: ${percent} ${what})`,
    description:
      kind === 'page'
        ? `At the current error rate the 30-day budget of ${input.name} is gone in days, not weeks. Error ratio over the long window: {{ $value | humanizePercentage }}.`
        : `The error budget of ${input.name} is being spent faster than it refills; look at it this week.`,
    runbookUrl: input.runbookUrl,
  });
  return [...recordings, alert('page'), alert('ticket')];
}

function pascal(name: string): string {
  return name.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join('');
}
