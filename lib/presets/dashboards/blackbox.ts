import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { invalid } from '../../model/errors';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, startDashboard } from './options';
import { UP_DOWN, stat, table, timeseries, worseBelow } from './panels';
import { Selector } from './selector';
import { byVariable, labelValuesVariable } from './variables';

/** Options of the blackbox probes dashboard ({@link blackbox}). */
export interface BlackboxDashboardOptions extends DashboardPackOptions {
  /** The blackbox_exporter probe job. @default "blackbox" */
  readonly job?: string;
  /** Certificates expiring within this many days show orange. @default 14 */
  readonly certificateWarningDays?: number;
  /** Certificates expiring within this many days show red. @default 7 */
  readonly certificateCriticalDays?: number;
}

const WHERE = 'presets.dashboards.blackbox';
const DAY = 86400;

/**
 * Blackbox probes (health endpoints, TLS sites): which targets answer, availability over the time range, probe
 * duration and its HTTP phases, HTTP status codes, DNS lookup time, and days until TLS certificates expire, for the
 * targets chosen in the `instance` variable.
 */
export function blackbox(options: BlackboxDashboardOptions = {}): DashboardBuilder {
  const job = jobOption(options.job, 'blackbox', WHERE);
  const warnDays = options.certificateWarningDays ?? 14;
  const critDays = options.certificateCriticalDays ?? 7;
  for (const [field, value] of [['certificateWarningDays', warnDays], ['certificateCriticalDays', critDays]] as const) {
    if (typeof value !== 'number' || !(value > 0)) throw invalid(WHERE, field, value, 'a number of days above 0');
  }
  if (critDays > warnDays) throw invalid(WHERE, 'certificateCriticalDays', critDays, `at most certificateWarningDays (${warnDays})`);
  const base = Selector.of(job, options.selector, WHERE);
  const { dashboard, ds } = startDashboard(options, {
    where: WHERE,
    name: 'blackbox',
    title: job === 'blackbox' ? 'Probes' : `Probes: ${job}`,
    dataSourceType: 'prometheus',
    job,
    defaultJob: 'blackbox',
    tags: ['blackbox', 'probes'],
  });
  dashboard.withVariable(labelValuesVariable(ds, 'instance', 'Target', base.of('probe_success'), 'instance'));

  const sel = base.and(byVariable('instance'));
  const success = sel.of('probe_success');
  const expiry = `${sel.of('probe_ssl_earliest_cert_expiry')} - time()`;
  const certificate = worseBelow(critDays * DAY, warnDays * DAY);

  const grid = new PackGrid().row('Overview');
  grid.addEvenly(
    [
      stat(ds, { title: 'Targets up', unit: 'short', thresholds: [{ value: null, color: 'green' }] }, { expr: `sum(${success})` }),
      stat(ds, { title: 'Targets down', unit: 'short', thresholds: [{ value: null, color: 'green' }, { value: 1, color: 'red' }] }, { expr: `count(${success} == 0) or vector(0)` }),
      stat(ds, { title: 'Availability (time range)', unit: 'percentunit', decimals: 3, thresholds: worseBelow(0.99, 0.999) }, {
        expr: `avg(avg_over_time(${success}[$__range]))`,
        instant: true,
      }),
      stat(ds, { title: 'Average probe duration', unit: 's' }, { expr: `avg(${sel.of('probe_duration_seconds')})` }),
      stat(ds, { title: 'Soonest certificate expiry', unit: 's', thresholds: certificate }, { expr: `min(${expiry})`, instant: true }),
    ],
    4,
  );

  grid.row('Status');
  grid.add(table(ds, { title: 'Probe status', unit: 'none', valueText: UP_DOWN }, [{ expr: success }]), 12, 8);
  grid.add(table(ds, { title: 'Certificate expires in', unit: 's', thresholds: certificate }, [{ expr: expiry }]), 12, 8);

  grid.row('Probes over time');
  grid.add(timeseries(ds, { title: 'Probe success', unit: 'none', min: 0, max: 1, valueText: UP_DOWN }, [{ expr: success, legend: '{{instance}}' }]), 12, 8);
  grid.add(timeseries(ds, { title: 'Probe duration', unit: 's' }, [{ expr: sel.of('probe_duration_seconds'), legend: '{{instance}}' }]), 12, 8);
  grid.add(
    timeseries(ds, { title: 'HTTP phases', unit: 's', stacked: true, description: 'resolve, connect, tls, processing, transfer' }, [
      { expr: `sum by (instance, phase) (${sel.of('probe_http_duration_seconds')})`, legend: '{{instance}} {{phase}}' },
    ]),
    12,
    8,
  );
  grid.add(timeseries(ds, { title: 'HTTP status code', unit: 'none' }, [{ expr: sel.of('probe_http_status_code'), legend: '{{instance}}' }]), 12, 8);
  grid.add(timeseries(ds, { title: 'DNS lookup', unit: 's' }, [{ expr: sel.of('probe_dns_lookup_time_seconds'), legend: '{{instance}}' }]), 12, 8);
  grid.add(timeseries(ds, { title: 'Certificate expires in', unit: 's', thresholds: certificate }, [{ expr: expiry, legend: '{{instance}}' }]), 12, 8);

  return grid.addTo(dashboard);
}
