import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { invalid } from '../../model/errors';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, labelOption, metricOption, regexOption, startDashboard } from './options';
import { UP_DOWN, stat, table, timeseries, worseAbove } from './panels';
import { Selector, by, legendOf, re } from './selector';

/** Options of the service RED dashboard ({@link red}). */
export interface RedDashboardOptions extends DashboardPackOptions {
  /** The Prometheus job of the service. @default - no job matcher: every series of the metrics */
  readonly job?: string;
  /** The request counter. @default "http_requests_total" */
  readonly requestsMetric?: string;
  /** The request duration histogram (without `_bucket`). @default "http_request_duration_seconds" */
  readonly durationMetric?: string;
  /**
   * The label with the HTTP status code: `code` (Go's promhttp), `status_code` (prom-client, many Python apps)
   * or `status`.
   * @default "code"
   */
  readonly statusLabel?: string;
  /** Status codes counted as server errors (a regex). @default "5.." */
  readonly serverErrorStatus?: string;
  /** Status codes counted as client errors (a regex). @default "4.." */
  readonly clientErrorStatus?: string;
  /** The label with the route or endpoint (`route`, `endpoint`, `handler`); adds per-route panels. @default - no per-route panels */
  readonly routeLabel?: string;
  /** A label that splits every graph, e.g. `service` or `job` for a dashboard over several services. @default - no split */
  readonly groupBy?: string;
  /** The gauge of requests in flight (active connections); `false` leaves its panels out. @default "active_connections" */
  readonly inFlightMetric?: string | false;
  /** The latency objective in seconds: p95 turns orange above it, red above twice it. @default 1 */
  readonly latencyObjectiveSeconds?: number;
  /** The server-error ratio that turns red (0.05 = 5 %); orange from half of it. @default 0.05 */
  readonly errorRatioThreshold?: number;
}

const WHERE = 'presets.dashboards.red';

/**
 * A service's RED dashboard (rate, errors, duration): request rate by status (and route), server and client error
 * ratios (a ratio of requests, not errors per second), p50/p95/p99 latency from the duration histogram, average
 * latency, requests in flight and scrape health.
 *
 * ```ts
 * new GrafanaDashboard(monitoring, 'api', { dashboard: presets.dashboards.red({ job: 'api', statusLabel: 'status_code' }) });
 * ```
 */
export function red(options: RedDashboardOptions = {}): DashboardBuilder {
  const job = jobOption(options.job, undefined, WHERE);
  const requests = metricOption(options.requestsMetric, 'http_requests_total', WHERE, 'requestsMetric');
  const duration = metricOption(options.durationMetric, 'http_request_duration_seconds', WHERE, 'durationMetric');
  const status = labelOption(options.statusLabel, 'code', WHERE, 'statusLabel');
  const serverErrors = regexOption(options.serverErrorStatus, '5..', WHERE, 'serverErrorStatus');
  const clientErrors = regexOption(options.clientErrorStatus, '4..', WHERE, 'clientErrorStatus');
  const route = options.routeLabel === undefined ? undefined : labelOption(options.routeLabel, '', WHERE, 'routeLabel');
  const group = options.groupBy === undefined ? undefined : labelOption(options.groupBy, '', WHERE, 'groupBy');
  const inFlight = options.inFlightMetric === false ? undefined : metricOption(options.inFlightMetric, 'active_connections', WHERE, 'inFlightMetric');
  const objective = options.latencyObjectiveSeconds ?? 1;
  if (typeof objective !== 'number' || !(objective > 0)) throw invalid(WHERE, 'latencyObjectiveSeconds', objective, 'a number of seconds above 0');
  const errorThreshold = options.errorRatioThreshold ?? 0.05;
  if (typeof errorThreshold !== 'number' || !(errorThreshold > 0 && errorThreshold <= 1)) {
    throw invalid(WHERE, 'errorRatioThreshold', errorThreshold, 'a ratio above 0 and at most 1 (0.05 = 5 %)');
  }

  const sel = Selector.of(job, options.selector, WHERE);
  const { dashboard, ds } = startDashboard(options, {
    where: WHERE,
    name: 'red',
    title: job !== undefined ? `Service ${job}: requests, errors, latency` : 'Service: requests, errors, latency',
    dataSourceType: 'prometheus',
    job,
    tags: ['service', 'red'],
  });

  const rate = (metric: string, ...more: string[]) => `rate(${sel.of(metric, ...more)}[$__rate_interval])`;
  const sumRate = (labels: Array<string | undefined>, ...more: string[]) => `sum ${by(...labels)}(${rate(requests, ...more)})`;
  const ratio = (labels: Array<string | undefined>, codes: string) => `${sumRate(labels, re(status, codes))} / ${sumRate(labels)}`;
  const quantile = (q: number, labels: Array<string | undefined>, range = '$__rate_interval') =>
    `histogram_quantile(${q}, sum ${by(...labels, 'le')}(rate(${sel.of(`${duration}_bucket`)}[${range}])))`;
  const legend = (suffix: string) => (group ? `{{${group}}} ${suffix}` : suffix);

  const grid = new PackGrid().row('Overview');
  const overview = [
    stat(ds, { title: 'Request rate', unit: 'reqps' }, { expr: sumRate([]) }),
    stat(ds, { title: 'Server error ratio', unit: 'percentunit', thresholds: worseAbove(errorThreshold / 2, errorThreshold), description: `Share of requests answered with ${status}=~"${serverErrors}".` }, { expr: ratio([], serverErrors) }),
    stat(ds, { title: 'Client error ratio', unit: 'percentunit', description: `Share of requests answered with ${status}=~"${clientErrors}".` }, { expr: ratio([], clientErrors) }),
    stat(ds, { title: 'p95 latency', unit: 's', thresholds: worseAbove(objective, objective * 2) }, { expr: quantile(0.95, []) }),
    ...(inFlight ? [stat(ds, { title: 'In flight', unit: 'short', description: `${inFlight}: requests or connections being served now.` }, { expr: `sum(${sel.of(inFlight)})` })] : []),
    stat(ds, { title: 'Targets up', unit: 'none', description: 'Scrape targets of the service that answer (up == 1) out of all.', thresholds: [{ value: null, color: 'red' }, { value: 1, color: 'green' }] }, { expr: `sum(${sel.of('up')})` }),
  ];
  grid.addEvenly(overview, 4);

  grid.row('Traffic');
  grid.add(
    timeseries(ds, { title: 'Requests per second by status', unit: 'reqps' }, [{ expr: sumRate([group, status]), legend: legendOf('requests', group, status) }]),
    route ? 12 : 24,
    8,
  );
  if (route) {
    grid.add(timeseries(ds, { title: `Requests per second by ${route}`, unit: 'reqps' }, [{ expr: sumRate([group, route]), legend: legendOf('requests', group, route) }]), 12, 8);
  }

  grid.row('Errors');
  grid.add(
    timeseries(ds, { title: 'Error ratio', unit: 'percentunit', min: 0, thresholds: worseAbove(errorThreshold / 2, errorThreshold), description: 'Errors as a share of all requests.' }, [
      { expr: ratio([group], serverErrors), legend: legend(`server errors (${serverErrors})`) },
      { expr: ratio([group], clientErrors), legend: legend(`client errors (${clientErrors})`) },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Errors per second by status', unit: 'reqps' }, [
      { expr: sumRate([group, status], re(status, `${serverErrors}|${clientErrors}`)), legend: legendOf('errors', group, status) },
    ]),
    12,
    8,
  );
  if (route) {
    grid.add(timeseries(ds, { title: `Server error ratio by ${route}`, unit: 'percentunit', min: 0 }, [{ expr: ratio([route], serverErrors), legend: `{{${route}}}` }]), 12, 8);
    grid.add(
      table(ds, { title: `Most server errors by ${route} (time range)`, unit: 'short' }, [
        { expr: `topk(10, sum ${by(route)}(increase(${sel.of(requests, re(status, serverErrors))}[$__range])))` },
      ]),
      12,
      8,
    );
  }

  grid.row('Latency');
  grid.add(
    timeseries(ds, { title: 'Latency percentiles', unit: 's', thresholds: worseAbove(objective, objective * 2) }, [
      { expr: quantile(0.5, [group]), legend: legend('p50') },
      { expr: quantile(0.95, [group]), legend: legend('p95') },
      { expr: quantile(0.99, [group]), legend: legend('p99') },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Average latency', unit: 's' }, [
      {
        expr: `sum ${by(group)}(rate(${sel.of(`${duration}_sum`)}[$__rate_interval])) / sum ${by(group)}(rate(${sel.of(`${duration}_count`)}[$__rate_interval]))`,
        legend: legend('average'),
      },
    ]),
    12,
    8,
  );
  if (route) {
    grid.add(timeseries(ds, { title: `p95 latency by ${route}`, unit: 's' }, [{ expr: quantile(0.95, [route]), legend: `{{${route}}}` }]), 12, 8);
    grid.add(table(ds, { title: `Slowest by ${route} (p95 over the time range)`, unit: 's' }, [{ expr: `topk(10, ${quantile(0.95, [route], '$__range')})` }]), 12, 8);
  }

  grid.row('Saturation');
  if (inFlight) {
    grid.add(timeseries(ds, { title: 'In flight', unit: 'short', description: `${inFlight} by instance.` }, [{ expr: `sum ${by(group, 'instance')}(${sel.of(inFlight)})`, legend: legendOf('in flight', group, 'instance') }]), 12, 8);
  }
  grid.add(
    timeseries(ds, { title: 'Scrape targets up', unit: 'none', min: 0, max: 1, valueText: UP_DOWN }, [{ expr: sel.of('up'), legend: '{{instance}}' }]),
    inFlight ? 12 : 24,
    8,
  );

  return grid.addTo(dashboard);
}
