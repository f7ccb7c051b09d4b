import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { invalid } from '../../model/errors';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, labelOption, regexOption, startDashboard } from './options';
import { logs as logsPanel, stat, table, timeseries, worseAbove } from './panels';
import { Selector, re } from './selector';
import { byVariable, labelValuesVariable, textVariable } from './variables';

/** Where the log level of a line is found. */
export type LogLevelSource = 'label' | 'json' | 'logfmt';

/** Options of the Loki logs dashboard ({@link logs}). */
export interface LogsDashboardOptions extends DashboardPackOptions {
  /** The `job` stream label to select. @default - no job matcher: every stream with a service label */
  readonly job?: string;
  /** The stream label that names the service (`service`, `container`, `compose_service`). @default "service" */
  readonly serviceLabel?: string;
  /** The label (or JSON/logfmt field) with the log level. @default "level" */
  readonly levelLabel?: string;
  /**
   * Where the level is: a stream label (Promtail/Alloy set it), or a field parsed from JSON or logfmt lines.
   * @default "label"
   */
  readonly levelFrom?: LogLevelSource;
  /** Levels counted as errors (a regex, case-insensitive). @default "error|err|critical|crit|fatal|panic|emerg|alert" */
  readonly errorLevels?: string;
}

const WHERE = 'presets.dashboards.logs';
const LEVEL_SOURCES: readonly LogLevelSource[] = ['label', 'json', 'logfmt'];

/**
 * Logs in Loki: log volume by level and by service, error lines by service, the services with most errors, and
 * the error lines themselves (filtered by the `service` and `search` variables); all lines in a collapsed row.
 */
export function logs(options: LogsDashboardOptions = {}): DashboardBuilder {
  const job = jobOption(options.job, undefined, WHERE);
  const service = labelOption(options.serviceLabel, 'service', WHERE, 'serviceLabel');
  const level = labelOption(options.levelLabel, 'level', WHERE, 'levelLabel');
  const levelFrom = options.levelFrom ?? 'label';
  if (!LEVEL_SOURCES.includes(levelFrom)) throw invalid(WHERE, 'levelFrom', levelFrom, `one of ${LEVEL_SOURCES.map((s) => `"${s}"`).join(', ')}`);
  const errorLevels = `(?i)(${regexOption(options.errorLevels, 'error|err|critical|crit|fatal|panic|emerg|alert', WHERE, 'errorLevels')})`;

  let base = Selector.of(job, options.selector, WHERE);
  // Loki needs one matcher that does not match the empty string.
  if (base.braces() === '') base = base.and(re(service, '.+'));
  const { dashboard, ds } = startDashboard(options, {
    where: WHERE,
    name: 'logs',
    title: job !== undefined ? `Logs: ${job}` : 'Logs',
    dataSourceType: 'loki',
    job,
    tags: ['logs', 'loki'],
  });
  dashboard.withVariable(labelValuesVariable(ds, 'service', 'Service', base.braces(), service)).withVariable(textVariable('search', 'Search'));

  const streams = base.and(byVariable(service, 'service'));
  const parser = levelFrom === 'label' ? '' : ` | ${levelFrom} | __error__=""`;
  const all = `${streams.braces()}${parser}`;
  const errors = levelFrom === 'label' ? streams.braces(re(level, errorLevels)) : `${all} | ${re(level, errorLevels)}`;
  const count = (selection: string, range: string) => `count_over_time(${selection} [${range}])`;
  const search = '|~ "(?i)$search"';

  const grid = new PackGrid().row('Overview');
  grid.addEvenly(
    [
      stat(ds, { title: 'Log lines (time range)', unit: 'short' }, { expr: `sum(${count(streams.braces(), '$__range')})`, instant: true }),
      stat(ds, { title: 'Error lines (time range)', unit: 'short', thresholds: [{ value: null, color: 'green' }, { value: 1, color: 'red' }] }, {
        expr: `sum(${count(errors, '$__range')})`,
        instant: true,
      }),
      stat(ds, { title: 'Error share', unit: 'percentunit', thresholds: worseAbove(0.01, 0.05) }, {
        expr: `sum(${count(errors, '$__range')}) / sum(${count(streams.braces(), '$__range')})`,
        instant: true,
      }),
      stat(ds, { title: 'Services logging', unit: 'short' }, { expr: `count(sum by (${service}) (${count(streams.braces(), '$__range')}))`, instant: true }),
    ],
    4,
  );

  grid.row('Volume');
  grid.add(
    timeseries(ds, { title: 'Log lines by level', unit: 'short', bars: true, stacked: true }, [{ expr: `sum by (${level}) (${count(all, '$__interval')})`, legend: `{{${level}}}` }]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Log lines by service', unit: 'short', bars: true, stacked: true }, [
      { expr: `sum by (${service}) (${count(streams.braces(), '$__interval')})`, legend: `{{${service}}}` },
    ]),
    12,
    8,
  );

  grid.row('Errors');
  grid.add(
    timeseries(ds, { title: 'Error lines by service', unit: 'short', bars: true, stacked: true }, [{ expr: `sum by (${service}) (${count(errors, '$__interval')})`, legend: `{{${service}}}` }]),
    12,
    8,
  );
  grid.add(table(ds, { title: 'Services with most error lines', unit: 'short' }, [{ expr: `topk(10, sum by (${service}) (${count(errors, '$__range')}))` }]), 12, 8);
  grid.add(logsPanel(ds, 'Error lines', `${errors} ${search}`, 'Lines at an error level; the Search box filters them (a case-insensitive regex).'), 24, 10);

  grid.row('All log lines', true);
  grid.add(logsPanel(ds, 'Log lines', `${streams.braces()} ${search}`), 24, 12);

  return grid.addTo(dashboard);
}
