import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { invalid } from '../../model/errors';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, labelOption, metricOption, regexOption, startDashboard } from './options';
import { PackDataSource, stat, table, timeseries, worseAbove } from './panels';
import { Selector, by, legendOf, re } from './selector';
import { byVariable, labelValuesVariable } from './variables';

/** Tool (function) calls an AI agent makes, e.g. `tool_executions_total{tool_name, status}`. */
export interface ToolMetrics {
  /** The counter of tool executions. @default "tool_executions_total" */
  readonly executionsMetric?: string;
  /** The tool execution duration histogram (without `_bucket`); `false` leaves its panel out. @default "tool_execution_duration_seconds" */
  readonly durationMetric?: string | false;
  /** The label with the tool name. @default "tool_name" */
  readonly nameLabel?: string;
  /** The label with the outcome. @default "status" */
  readonly statusLabel?: string;
  /** Outcomes counted as failures (a regex). @default "error|failed|failure" */
  readonly errorStatus?: string;
}

/** Options of the AI/LLM usage dashboard ({@link aiUsage}). */
export interface AiUsageDashboardOptions extends DashboardPackOptions {
  /** The job of the service that calls the models. @default - no job matcher */
  readonly job?: string;
  /** The counter of model requests. @default "ai_requests_total" */
  readonly requestsMetric?: string;
  /** The request duration histogram (without `_bucket`); `false` leaves latency panels out. @default "ai_request_duration_seconds" */
  readonly durationMetric?: string | false;
  /** The counter of tokens; `false` leaves token panels out. @default "ai_tokens_used_total" */
  readonly tokensMetric?: string | false;
  /** The label with the model name. @default "model" */
  readonly modelLabel?: string;
  /** The label with the provider (`openai`, `anthropic`, …); adds per-provider panels. @default - no per-provider panels */
  readonly providerLabel?: string;
  /** The label of `tokensMetric` that tells prompt from completion tokens; adds a per-type panel. @default - no per-type panel */
  readonly tokenTypeLabel?: string;
  /**
   * A separate counter of failed requests (`ai_errors_total`). Without it, failures are the requests whose
   * `statusLabel` matches `errorStatus`.
   * @default - failures are counted from `requestsMetric`
   */
  readonly errorsMetric?: string;
  /** The label of `errorsMetric` with the kind of error (`rate_limit`, `timeout`, …). @default - no per-type panel */
  readonly errorTypeLabel?: string;
  /** The outcome label of `requestsMetric`, when there is no `errorsMetric`. @default "status" */
  readonly statusLabel?: string;
  /** Outcomes counted as failures (a regex), when there is no `errorsMetric`. @default "error|failed|failure" */
  readonly errorStatus?: string;
  /** The latency objective in seconds: p95 turns orange above it, red above twice it. @default 5 */
  readonly latencyObjectiveSeconds?: number;
  /** Adds a row for tool calls. @default - no tool row */
  readonly tools?: ToolMetrics;
}

const WHERE = 'presets.dashboards.aiUsage';

/**
 * AI/LLM usage: requests by model (and provider), tokens (per second, per request, by type), latency percentiles
 * by model, error ratio and errors by type, usage per model over the time range, and optionally tool calls, for the
 * models chosen in the `model` variable.
 */
export function aiUsage(options: AiUsageDashboardOptions = {}): DashboardBuilder {
  const job = jobOption(options.job, undefined, WHERE);
  const requests = metricOption(options.requestsMetric, 'ai_requests_total', WHERE, 'requestsMetric');
  const duration = options.durationMetric === false ? undefined : metricOption(options.durationMetric, 'ai_request_duration_seconds', WHERE, 'durationMetric');
  const tokens = options.tokensMetric === false ? undefined : metricOption(options.tokensMetric, 'ai_tokens_used_total', WHERE, 'tokensMetric');
  const model = labelOption(options.modelLabel, 'model', WHERE, 'modelLabel');
  const provider = options.providerLabel === undefined ? undefined : labelOption(options.providerLabel, '', WHERE, 'providerLabel');
  const tokenType = options.tokenTypeLabel === undefined ? undefined : labelOption(options.tokenTypeLabel, '', WHERE, 'tokenTypeLabel');
  const errorsMetric = options.errorsMetric === undefined ? undefined : metricOption(options.errorsMetric, '', WHERE, 'errorsMetric');
  const errorType = options.errorTypeLabel === undefined ? undefined : labelOption(options.errorTypeLabel, '', WHERE, 'errorTypeLabel');
  if (errorType !== undefined && errorsMetric === undefined) {
    throw invalid(WHERE, 'errorTypeLabel', errorType, 'errorsMetric to be set too (the label belongs to the errors counter)');
  }
  const status = labelOption(options.statusLabel, 'status', WHERE, 'statusLabel');
  const errorStatus = regexOption(options.errorStatus, 'error|failed|failure', WHERE, 'errorStatus');
  const objective = options.latencyObjectiveSeconds ?? 5;
  if (typeof objective !== 'number' || !(objective > 0)) throw invalid(WHERE, 'latencyObjectiveSeconds', objective, 'a number of seconds above 0');

  const base = Selector.of(job, options.selector, WHERE);
  const { dashboard, ds } = startDashboard(options, {
    where: WHERE,
    name: 'ai-usage',
    title: job !== undefined ? `AI usage: ${job}` : 'AI usage',
    dataSourceType: 'prometheus',
    job,
    tags: ['ai', 'llm'],
  });
  dashboard.withVariable(labelValuesVariable(ds, 'model', 'Model', base.of(requests), model));

  const sel = base.and(byVariable(model, 'model'));
  const sumRate = (metric: string, labels: Array<string | undefined>, ...more: string[]) =>
    `sum ${by(...labels)}(rate(${sel.of(metric, ...more)}[$__rate_interval]))`;
  const failures = (labels: Array<string | undefined>) => (errorsMetric ? sumRate(errorsMetric, labels) : sumRate(requests, labels, re(status, errorStatus)));
  const errorRatio = (labels: Array<string | undefined>) => `${failures(labels)} / ${sumRate(requests, labels)}`;
  const quantile = (q: number, labels: Array<string | undefined>) =>
    `histogram_quantile(${q}, sum ${by(...labels, 'le')}(rate(${sel.of(`${duration}_bucket`)}[$__rate_interval])))`;
  const byModel = `{{${model}}}`;

  const grid = new PackGrid().row('Overview');
  grid.addEvenly(
    [
      stat(ds, { title: 'Requests', unit: 'reqps' }, { expr: sumRate(requests, []) }),
      stat(ds, { title: 'Error ratio', unit: 'percentunit', thresholds: worseAbove(0.02, 0.05) }, { expr: errorRatio([]) }),
      ...(duration ? [stat(ds, { title: 'p95 latency', unit: 's', thresholds: worseAbove(objective, objective * 2) }, { expr: quantile(0.95, []) })] : []),
      ...(tokens
        ? [
            stat(ds, { title: 'Tokens (time range)', unit: 'short' }, { expr: `sum(increase(${sel.of(tokens)}[$__range]))`, instant: true }),
            stat(ds, { title: 'Tokens per request', unit: 'short', decimals: 0 }, { expr: `sum(rate(${sel.of(tokens)}[$__range])) / sum(rate(${sel.of(requests)}[$__range]))`, instant: true }),
          ]
        : []),
      stat(ds, { title: 'Models in use', unit: 'short' }, { expr: `count(count by (${model}) (${sel.of(requests)}))`, instant: true }),
    ],
    4,
  );

  grid.row('Requests');
  grid.add(timeseries(ds, { title: 'Requests by model', unit: 'reqps' }, [{ expr: sumRate(requests, [model]), legend: byModel }]), provider ? 12 : 24, 8);
  if (provider) {
    grid.add(timeseries(ds, { title: 'Requests by provider', unit: 'reqps' }, [{ expr: sumRate(requests, [provider]), legend: `{{${provider}}}` }]), 12, 8);
  }

  if (tokens) {
    grid.row('Tokens');
    const width = tokenType ? 8 : 12;
    grid.add(timeseries(ds, { title: 'Tokens per second by model', unit: 'short', stacked: true }, [{ expr: sumRate(tokens, [model]), legend: byModel }]), width, 8);
    if (tokenType) {
      grid.add(timeseries(ds, { title: `Tokens per second by ${tokenType}`, unit: 'short', stacked: true }, [{ expr: sumRate(tokens, [tokenType]), legend: `{{${tokenType}}}` }]), width, 8);
    }
    grid.add(timeseries(ds, { title: 'Tokens per request by model', unit: 'short' }, [{ expr: `${sumRate(tokens, [model])} / ${sumRate(requests, [model])}`, legend: byModel }]), width, 8);
  }

  if (duration) {
    grid.row('Latency');
    grid.add(
      timeseries(ds, { title: 'Latency percentiles', unit: 's', thresholds: worseAbove(objective, objective * 2) }, [
        { expr: quantile(0.5, []), legend: 'p50' },
        { expr: quantile(0.95, []), legend: 'p95' },
        { expr: quantile(0.99, []), legend: 'p99' },
      ]),
      12,
      8,
    );
    grid.add(timeseries(ds, { title: 'p95 latency by model', unit: 's' }, [{ expr: quantile(0.95, [model]), legend: byModel }]), 12, 8);
  }

  grid.row('Errors');
  grid.add(timeseries(ds, { title: 'Error ratio by model', unit: 'percentunit', min: 0, thresholds: worseAbove(0.02, 0.05) }, [{ expr: errorRatio([model]), legend: byModel }]), 12, 8);
  grid.add(
    errorType
      ? timeseries(ds, { title: `Errors by ${errorType}`, unit: 'reqps' }, [{ expr: failures([model, errorType]), legend: legendOf('errors', model, errorType) }])
      : timeseries(ds, { title: 'Errors per second by model', unit: 'reqps' }, [{ expr: failures([model]), legend: byModel }]),
    12,
    8,
  );

  grid.row('Usage over the time range');
  grid.add(
    table(ds, { title: 'Usage by model', unit: 'short' }, [
      { expr: `sum by (${model}) (increase(${sel.of(requests)}[$__range]))` },
      ...(tokens ? [{ expr: `sum by (${model}) (increase(${sel.of(tokens)}[$__range]))` }] : []),
    ]),
    24,
    8,
  );

  if (options.tools !== undefined) addTools(grid, ds, base, options.tools);
  return grid.addTo(dashboard);
}

function addTools(grid: PackGrid, ds: PackDataSource, sel: Selector, tools: ToolMetrics): void {
  if (tools === null || typeof tools !== 'object') throw invalid(WHERE, 'tools', tools, 'an object such as {} or { executionsMetric: "tool_executions_total" }');
  const executions = metricOption(tools.executionsMetric, 'tool_executions_total', WHERE, 'tools.executionsMetric');
  const duration = tools.durationMetric === false ? undefined : metricOption(tools.durationMetric, 'tool_execution_duration_seconds', WHERE, 'tools.durationMetric');
  const name = labelOption(tools.nameLabel, 'tool_name', WHERE, 'tools.nameLabel');
  const status = labelOption(tools.statusLabel, 'status', WHERE, 'tools.statusLabel');
  const errorStatus = regexOption(tools.errorStatus, 'error|failed|failure', WHERE, 'tools.errorStatus');
  const sumRate = (metric: string, ...more: string[]) => `sum by (${name}) (rate(${sel.of(metric, ...more)}[$__rate_interval]))`;
  const legend = `{{${name}}}`;
  grid.row('Tools');
  const panels = [
    timeseries(ds, { title: 'Most used tools', unit: 'ops' }, [{ expr: `topk(10, ${sumRate(executions)})`, legend }]),
    timeseries(ds, { title: 'Tool failure ratio', unit: 'percentunit', min: 0, thresholds: worseAbove(0.05, 0.1) }, [
      { expr: `${sumRate(executions, re(status, errorStatus))} / ${sumRate(executions)}`, legend },
    ]),
    ...(duration
      ? [
          timeseries(ds, { title: 'Tool duration p95', unit: 's' }, [
            { expr: `histogram_quantile(0.95, sum by (${name}, le) (rate(${sel.of(`${duration}_bucket`)}[$__rate_interval])))`, legend },
          ]),
        ]
      : []),
  ];
  grid.addEvenly(panels, 8);
}
