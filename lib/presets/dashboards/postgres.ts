import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { invalid } from '../../model/errors';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, labelOption, metricOption, startDashboard } from './options';
import { PackDataSource, UP_DOWN, gauge, stat, table, timeseries, worseAbove, worseBelow } from './panels';
import { Selector, by, legendOf } from './selector';
import { byVariable, labelValuesVariable } from './variables';

/** Database queries as the application measures them (a histogram such as `db_query_duration_seconds`). */
export interface ClientQueryMetrics {
  /** The query duration histogram, without `_bucket`. */
  readonly durationMetric: string;
  /** The application's job. @default - no job matcher */
  readonly job?: string;
  /** A label that splits the panels, e.g. `operation`, `query_type` or `table`. @default - no split */
  readonly groupBy?: string;
}

/** Options of the PostgreSQL dashboard ({@link postgres}). */
export interface PostgresDashboardOptions extends DashboardPackOptions {
  /** The postgres_exporter job. @default "postgres" */
  readonly job?: string;
  /** Adds a row with query latency and rate as the application sees them. @default - no such row */
  readonly clientQueries?: ClientQueryMetrics;
}

const WHERE = 'presets.dashboards.postgres';

/**
 * PostgreSQL from postgres_exporter: availability, connections (by state and database, share of
 * `max_connections`), transactions and rows, cache hit ratio and block I/O time, locks, deadlocks and the longest
 * transaction, database and table sizes, replication lag; optionally query latency seen by the application.
 */
export function postgres(options: PostgresDashboardOptions = {}): DashboardBuilder {
  const job = jobOption(options.job, 'postgres', WHERE);
  const base = Selector.of(job, options.selector, WHERE);
  const { dashboard, ds } = startDashboard(options, {
    where: WHERE,
    name: 'postgres',
    title: job === 'postgres' ? 'PostgreSQL' : `PostgreSQL: ${job}`,
    dataSourceType: 'prometheus',
    job,
    defaultJob: 'postgres',
    tags: ['database', 'postgres'],
  });
  dashboard.withVariable(labelValuesVariable(ds, 'datname', 'Database', base.of('pg_stat_database_numbackends'), 'datname'));

  const db = base.and(byVariable('datname'));
  const rate = (metric: string) => `rate(${db.of(metric)}[$__rate_interval])`;
  const hitRatio = (labels: string[]) =>
    `sum ${by(...labels)}(${rate('pg_stat_database_blks_hit')}) / (sum ${by(...labels)}(${rate('pg_stat_database_blks_hit')}) + sum ${by(...labels)}(${rate('pg_stat_database_blks_read')}))`;

  const grid = new PackGrid().row('Overview');
  grid.addEvenly(
    [
      stat(ds, { title: 'PostgreSQL', unit: 'none', valueText: UP_DOWN, thresholds: [{ value: null, color: 'red' }, { value: 1, color: 'green' }] }, { expr: `min(${base.of('pg_up')})` }),
      stat(ds, { title: 'Connections', unit: 'short' }, { expr: `sum(${db.of('pg_stat_database_numbackends')})` }),
      gauge(ds, { title: 'Connections of max_connections', unit: 'percentunit', min: 0, max: 1, thresholds: worseAbove(0.7, 0.85) }, {
        expr: `sum(${base.of('pg_stat_database_numbackends')}) / max(${base.of('pg_settings_max_connections')})`,
      }),
      stat(ds, { title: 'Database size', unit: 'bytes' }, { expr: `sum(${db.of('pg_database_size_bytes')})` }),
      stat(ds, { title: 'Cache hit ratio', unit: 'percentunit', thresholds: worseBelow(0.9, 0.99) }, { expr: hitRatio([]) }),
      stat(ds, { title: 'Longest transaction', unit: 's', thresholds: worseAbove(60, 300) }, { expr: `max(${db.of('pg_stat_activity_max_tx_duration')})` }),
    ],
    4,
  );

  grid.row('Connections');
  grid.add(
    timeseries(ds, { title: 'Connections by state', unit: 'short', stacked: true, description: 'active, idle, idle in transaction, …' }, [
      { expr: `sum by (state) (${db.of('pg_stat_activity_count')})`, legend: '{{state}}' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Connections by database', unit: 'short', min: 0 }, [
      { expr: `sum by (datname) (${db.of('pg_stat_database_numbackends')})`, legend: '{{datname}}' },
      { expr: `max(${base.of('pg_settings_max_connections')})`, legend: 'max_connections' },
    ]),
    12,
    8,
  );

  grid.row('Query performance');
  grid.add(
    timeseries(ds, { title: 'Transactions', unit: 'ops' }, [
      { expr: `sum by (datname) (${rate('pg_stat_database_xact_commit')})`, legend: '{{datname}} commits' },
      { expr: `sum by (datname) (${rate('pg_stat_database_xact_rollback')})`, legend: '{{datname}} rollbacks' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(
      ds,
      { title: 'Rows per second', unit: 'short' },
      ['returned', 'fetched', 'inserted', 'updated', 'deleted'].map((kind) => ({ expr: `sum(${rate(`pg_stat_database_tup_${kind}`)})`, legend: kind })),
    ),
    12,
    8,
  );
  grid.add(timeseries(ds, { title: 'Cache hit ratio by database', unit: 'percentunit', max: 1, thresholds: worseBelow(0.9, 0.99) }, [{ expr: hitRatio(['datname']), legend: '{{datname}}' }]), 12, 8);
  grid.add(
    timeseries(ds, { title: 'Block I/O time', unit: 'ms', description: 'Milliseconds per second spent reading and writing blocks (needs track_io_timing).' }, [
      { expr: `sum by (datname) (${rate('pg_stat_database_blk_read_time')})`, legend: '{{datname}} read' },
      { expr: `sum by (datname) (${rate('pg_stat_database_blk_write_time')})`, legend: '{{datname}} write' },
    ]),
    12,
    8,
  );

  grid.row('Locks');
  grid.add(timeseries(ds, { title: 'Locks by mode', unit: 'short', stacked: true }, [{ expr: `sum by (mode) (${db.of('pg_locks_count')})`, legend: '{{mode}}' }]), 8, 8);
  grid.add(
    timeseries(ds, { title: 'Deadlocks and conflicts', unit: 'ops' }, [
      { expr: `sum by (datname) (${rate('pg_stat_database_deadlocks')})`, legend: '{{datname}} deadlocks' },
      { expr: `sum by (datname) (${rate('pg_stat_database_conflicts')})`, legend: '{{datname}} conflicts' },
    ]),
    8,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Longest transaction', unit: 's', thresholds: worseAbove(60, 300) }, [
      { expr: `max by (datname) (${db.of('pg_stat_activity_max_tx_duration')})`, legend: '{{datname}}' },
    ]),
    8,
    8,
  );

  grid.row('Size');
  grid.add(timeseries(ds, { title: 'Database size', unit: 'bytes' }, [{ expr: db.of('pg_database_size_bytes'), legend: '{{datname}}' }]), 12, 8);
  grid.add(table(ds, { title: 'Largest tables by live rows', unit: 'short' }, [{ expr: `topk(10, ${db.of('pg_stat_user_tables_n_live_tup')})` }]), 12, 8);

  grid.row('Replication');
  grid.add(
    stat(ds, { title: 'Role', unit: 'none', valueText: { 0: { text: 'primary', color: 'blue' }, 1: { text: 'replica', color: 'purple' } } }, {
      expr: `max(${base.of('pg_replication_is_replica')})`,
    }),
    6,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Replication lag', unit: 's', min: 0, thresholds: worseAbove(30, 300), description: 'On replicas: time since the last replayed transaction.' }, [
      { expr: base.of('pg_replication_lag_seconds'), legend: '{{instance}}' },
    ]),
    18,
    8,
  );

  if (options.clientQueries !== undefined) addClientQueries(grid, ds, options);
  return grid.addTo(dashboard);
}

function addClientQueries(grid: PackGrid, ds: PackDataSource, options: PostgresDashboardOptions): void {
  const client = options.clientQueries;
  if (client === null || typeof client !== 'object') throw invalid(WHERE, 'clientQueries', client, 'an object such as { durationMetric: "db_query_duration_seconds" }');
  const metric = metricOption(client.durationMetric, '', WHERE, 'clientQueries.durationMetric');
  const group = client.groupBy === undefined ? undefined : labelOption(client.groupBy, '', WHERE, 'clientQueries.groupBy');
  const sel = Selector.of(jobOption(client.job, undefined, WHERE, 'clientQueries.job'), undefined, WHERE);
  grid.row('Queries seen by the application');
  grid.add(
    timeseries(ds, { title: 'Query latency p95', unit: 's', thresholds: worseAbove(0.5, 1) }, [
      { expr: `histogram_quantile(0.95, sum ${by(group, 'le')}(rate(${sel.of(`${metric}_bucket`)}[$__rate_interval])))`, legend: legendOf('p95', group) },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Queries per second', unit: 'ops' }, [
      { expr: `sum ${by(group)}(rate(${sel.of(`${metric}_count`)}[$__rate_interval]))`, legend: legendOf('queries', group) },
    ]),
    12,
    8,
  );
}
