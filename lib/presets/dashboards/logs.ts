import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { GRAFANA_UID } from '../../model/dashboard';
import { invalid } from '../../model/errors';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, labelOption, regexOption, startDashboard } from './options';
import { elasticsearchLogs, logs as logsPanel, stat, table, timeseries, worseAbove } from './panels';
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
  /**
   * Logs in Elasticsearch too (an `ElasticsearchDataSource`): a row of logs panels against it.
   * @default - none
   */
  readonly elasticsearch?: ElasticsearchLogsOptions;
  /**
   * The Loki panels. Turn them off for an environment whose logs are only in Elasticsearch (no LogPipeline).
   * @default true
   */
  readonly loki?: boolean;
}

/** The Elasticsearch part of the logs dashboard. */
export interface ElasticsearchLogsOptions {
  /** The uid of the Elasticsearch data source, e.g. `elasticsearchDataSource.uid`. */
  readonly dataSourceUid: string;
  /** The Lucene query of the documents to show, e.g. `service:dev-pynode`. @default "*" */
  readonly query?: string;
  /**
   * The field with the log level: with it, a second panel shows the lines at an error level.
   * @default - no error-lines panel
   */
  readonly levelField?: string;
  /** Level values counted as errors, for `levelField`. @default ['error', 'ERROR', 'critical', 'CRITICAL', 'fatal', 'FATAL'] */
  readonly errorLevels?: readonly string[];
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
  const es = options.elasticsearch === undefined ? undefined : elasticsearchOptions(options.elasticsearch);
  if (options.loki !== undefined && typeof options.loki !== 'boolean') throw invalid(WHERE, 'loki', options.loki, 'true or false');
  if (options.loki === false) {
    if (es === undefined) throw invalid(WHERE, 'loki', false, 'true, or an elasticsearch data source to show instead');
    const { dashboard } = startDashboard(options, { where: WHERE, name: 'logs', title: 'Logs', dataSourceType: 'loki', tags: ['logs', 'elasticsearch'] });
    return elasticsearchRows(new PackGrid(), es).addTo(dashboard);
  }

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

  if (es !== undefined) elasticsearchRows(grid, es);
  return grid.addTo(dashboard);
}

interface CheckedElasticsearch {
  readonly uid: string;
  readonly query: string;
  readonly errors?: string;
}

function elasticsearchOptions(es: ElasticsearchLogsOptions): CheckedElasticsearch {
  if (es === null || typeof es !== 'object') throw invalid(WHERE, 'elasticsearch', es, '{ dataSourceUid, query?, levelField? }');
  if (typeof es.dataSourceUid !== 'string' || !GRAFANA_UID.test(es.dataSourceUid)) {
    throw invalid(WHERE, 'elasticsearch.dataSourceUid', es.dataSourceUid, 'the uid of an ElasticsearchDataSource, e.g. elasticsearch.uid');
  }
  const query = es.query ?? '*';
  if (typeof query !== 'string' || query.trim() === '') throw invalid(WHERE, 'elasticsearch.query', query, 'a Lucene query such as "*" or "service:api"');
  if (es.levelField === undefined) return { uid: es.dataSourceUid, query };
  if (typeof es.levelField !== 'string' || !/^[A-Za-z_@][\w.@-]*$/.test(es.levelField)) {
    throw invalid(WHERE, 'elasticsearch.levelField', es.levelField, 'a field name such as "level" or "fields.level"');
  }
  const levels = es.errorLevels ?? ['error', 'ERROR', 'critical', 'CRITICAL', 'fatal', 'FATAL'];
  if (!Array.isArray(levels) || levels.length === 0 || levels.some((l) => typeof l !== 'string' || !/^[\w-]+$/.test(l))) {
    throw invalid(WHERE, 'elasticsearch.errorLevels', levels, 'a non-empty list of level values (letters, digits, "_", "-")');
  }
  // Lucene: a field matching any of the values; the field name's dots and @ need no escaping in a field position.
  const errors = `${query === '*' ? '' : `(${query}) AND `}${es.levelField}:(${levels.join(' OR ')})`;
  return { uid: es.dataSourceUid, query, errors };
}

/** The Elasticsearch row: error lines (with a level field) and all lines of the query. */
function elasticsearchRows(grid: PackGrid, es: CheckedElasticsearch): PackGrid {
  grid.row('Elasticsearch');
  if (es.errors !== undefined) {
    grid.add(elasticsearchLogs(es.uid, 'Error lines (Elasticsearch)', es.errors, `Documents matching ${es.errors}`), 24, 10);
  }
  grid.add(elasticsearchLogs(es.uid, 'Log lines (Elasticsearch)', es.query, `Documents matching ${es.query}`), 24, 12);
  return grid;
}
