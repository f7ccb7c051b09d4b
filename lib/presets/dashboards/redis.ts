import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { invalid } from '../../model/errors';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, labelOption, metricOption, startDashboard } from './options';
import { PackDataSource, UP_DOWN, gauge, stat, timeseries, worseAbove, worseBelow } from './panels';
import { Selector, by, eq, legendOf } from './selector';
import { byVariable, labelValuesVariable } from './variables';

/**
 * Cache metrics the application exports itself: a hit-ratio gauge (`cache_hit_rate{cache_type}`) or a counter of
 * cache operations labelled hit/miss (`cache_operations_total{result}`).
 */
export interface ApplicationCacheMetrics {
  /** A gauge holding the hit ratio from 0 to 1. @default - not shown */
  readonly hitRatioMetric?: string;
  /** A counter of cache lookups with a result label. @default - not shown */
  readonly operationsMetric?: string;
  /** The result label of `operationsMetric`. @default "result" */
  readonly resultLabel?: string;
  /** The result value of a hit. @default "hit" */
  readonly hitValue?: string;
  /** The result value of a miss. @default "miss" */
  readonly missValue?: string;
  /** A label that splits the panels, e.g. `cache_type`. @default - no split */
  readonly groupBy?: string;
  /** The application's job. @default - no job matcher */
  readonly job?: string;
}

/** Options of the Redis and cache dashboard ({@link redis}). */
export interface RedisDashboardOptions extends DashboardPackOptions {
  /** The redis_exporter job. @default "redis" */
  readonly job?: string;
  /** Adds a row with the application's own cache metrics. @default - no such row */
  readonly applicationCache?: ApplicationCacheMetrics;
}

const WHERE = 'presets.dashboards.redis';

/**
 * Redis from redis_exporter, as a cache: availability, memory against `maxmemory` and fragmentation, hit ratio,
 * hits and misses, expired and evicted keys, keys per database, commands (top commands, latency per command),
 * clients, rejected connections and network; optionally the application's own cache hit ratio.
 */
export function redis(options: RedisDashboardOptions = {}): DashboardBuilder {
  const job = jobOption(options.job, 'redis', WHERE);
  const base = Selector.of(job, options.selector, WHERE);
  const { dashboard, ds } = startDashboard(options, {
    where: WHERE,
    name: 'redis',
    title: job === 'redis' ? 'Redis and cache' : `Redis and cache: ${job}`,
    dataSourceType: 'prometheus',
    job,
    defaultJob: 'redis',
    tags: ['cache', 'redis'],
  });
  dashboard.withVariable(labelValuesVariable(ds, 'instance', 'Instance', base.of('redis_up'), 'instance'));

  const sel = base.and(byVariable('instance'));
  const rate = (metric: string) => `rate(${sel.of(metric)}[$__rate_interval])`;
  const hits = `sum(${rate('redis_keyspace_hits_total')})`;
  const misses = `sum(${rate('redis_keyspace_misses_total')})`;

  const grid = new PackGrid().row('Overview');
  grid.addEvenly(
    [
      stat(ds, { title: 'Redis', unit: 'none', valueText: UP_DOWN, thresholds: [{ value: null, color: 'red' }, { value: 1, color: 'green' }] }, { expr: `min(${sel.of('redis_up')})` }),
      stat(ds, { title: 'Uptime', unit: 's' }, { expr: `min(${sel.of('redis_uptime_in_seconds')})`, instant: true }),
      stat(ds, { title: 'Clients', unit: 'short' }, { expr: `sum(${sel.of('redis_connected_clients')})` }),
      gauge(ds, { title: 'Memory of maxmemory', unit: 'percentunit', min: 0, max: 1, thresholds: worseAbove(0.8, 0.9), description: 'Only when maxmemory is set.' }, {
        expr: `sum(${sel.of('redis_memory_used_bytes')}) / sum(${sel.of('redis_memory_max_bytes')} > 0)`,
      }),
      stat(ds, { title: 'Hit ratio', unit: 'percentunit', thresholds: worseBelow(0.5, 0.8) }, { expr: `${hits} / (${hits} + ${misses})` }),
      stat(ds, { title: 'Keys', unit: 'short' }, { expr: `sum(${sel.of('redis_db_keys')})` }),
    ],
    4,
  );

  grid.row('Memory');
  grid.add(
    timeseries(ds, { title: 'Memory used', unit: 'bytes', min: 0 }, [
      { expr: sel.of('redis_memory_used_bytes'), legend: '{{instance}} used' },
      { expr: `${sel.of('redis_memory_max_bytes')} > 0`, legend: '{{instance}} maxmemory' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Memory fragmentation ratio', unit: 'short', thresholds: worseAbove(1.5, 2), description: 'RSS / used memory; above 1.5 much memory is fragmented.' }, [
      { expr: sel.of('redis_mem_fragmentation_ratio'), legend: '{{instance}}' },
    ]),
    12,
    8,
  );

  grid.row('Cache effectiveness');
  grid.add(
    timeseries(ds, { title: 'Hits and misses', unit: 'ops' }, [
      { expr: hits, legend: 'hits' },
      { expr: misses, legend: 'misses' },
    ]),
    12,
    8,
  );
  grid.add(timeseries(ds, { title: 'Hit ratio', unit: 'percentunit', min: 0, max: 1, thresholds: worseBelow(0.5, 0.8) }, [{ expr: `${hits} / (${hits} + ${misses})`, legend: 'hit ratio' }]), 12, 8);
  grid.add(
    timeseries(ds, { title: 'Expired and evicted keys', unit: 'ops', description: 'Evictions mean maxmemory is reached and keys are dropped before they expire.' }, [
      { expr: `sum(${rate('redis_expired_keys_total')})`, legend: 'expired' },
      { expr: `sum(${rate('redis_evicted_keys_total')})`, legend: 'evicted' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Keys by database', unit: 'short' }, [
      { expr: `sum by (db) (${sel.of('redis_db_keys')})`, legend: '{{db}} keys' },
      { expr: `sum by (db) (${sel.of('redis_db_keys_expiring')})`, legend: '{{db}} with expiry' },
    ]),
    12,
    8,
  );

  grid.row('Commands and clients');
  grid.add(timeseries(ds, { title: 'Commands per second', unit: 'ops' }, [{ expr: `sum by (instance) (${rate('redis_commands_processed_total')})`, legend: '{{instance}}' }]), 8, 8);
  grid.add(timeseries(ds, { title: 'Top commands', unit: 'ops' }, [{ expr: `topk(10, sum by (cmd) (${rate('redis_commands_total')}))`, legend: '{{cmd}}' }]), 8, 8);
  grid.add(
    timeseries(ds, { title: 'Average latency by command', unit: 's' }, [
      { expr: `sum by (cmd) (${rate('redis_commands_duration_seconds_total')}) / sum by (cmd) (${rate('redis_commands_total')})`, legend: '{{cmd}}' },
    ]),
    8,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Clients', unit: 'short' }, [
      { expr: `sum(${sel.of('redis_connected_clients')})`, legend: 'connected' },
      { expr: `sum(${sel.of('redis_blocked_clients')})`, legend: 'blocked' },
    ]),
    8,
    8,
  );
  grid.add(timeseries(ds, { title: 'Rejected connections', unit: 'ops', description: 'Connections refused because maxclients is reached.' }, [{ expr: `sum(${rate('redis_rejected_connections_total')})`, legend: 'rejected' }]), 8, 8);
  grid.add(
    timeseries(ds, { title: 'Network', unit: 'Bps' }, [
      { expr: `sum(${rate('redis_net_input_bytes_total')})`, legend: 'in' },
      { expr: `sum(${rate('redis_net_output_bytes_total')})`, legend: 'out' },
    ]),
    8,
    8,
  );

  if (options.applicationCache !== undefined) addApplicationCache(grid, ds, options.applicationCache);
  return grid.addTo(dashboard);
}

function addApplicationCache(grid: PackGrid, ds: PackDataSource, cache: ApplicationCacheMetrics): void {
  const field = 'applicationCache';
  if (cache === null || typeof cache !== 'object' || (cache.hitRatioMetric === undefined && cache.operationsMetric === undefined)) {
    throw invalid(WHERE, field, cache, 'an object with hitRatioMetric (a 0–1 gauge) or operationsMetric (a counter with a hit/miss label), or both');
  }
  const group = cache.groupBy === undefined ? undefined : labelOption(cache.groupBy, '', WHERE, `${field}.groupBy`);
  const sel = Selector.of(jobOption(cache.job, undefined, WHERE, `${field}.job`), undefined, WHERE);
  const legend = legendOf('hit ratio', group);
  grid.row('Application cache');
  const panels: Array<ReturnType<typeof timeseries>> = [];
  if (cache.hitRatioMetric !== undefined) {
    const metric = metricOption(cache.hitRatioMetric, '', WHERE, `${field}.hitRatioMetric`);
    panels.push(
      timeseries(ds, { title: `Hit ratio (${metric})`, unit: 'percentunit', min: 0, max: 1, thresholds: worseBelow(0.5, 0.8) }, [
        { expr: `avg ${by(group)}(${sel.of(metric)})`, legend },
      ]),
    );
  }
  if (cache.operationsMetric !== undefined) {
    const metric = metricOption(cache.operationsMetric, '', WHERE, `${field}.operationsMetric`);
    const result = labelOption(cache.resultLabel, 'result', WHERE, `${field}.resultLabel`);
    const hit = cache.hitValue ?? 'hit';
    const miss = cache.missValue ?? 'miss';
    for (const [name, value] of [['hitValue', hit], ['missValue', miss]] as const) {
      if (typeof value !== 'string' || value === '') throw invalid(WHERE, `${field}.${name}`, value, `the non-empty value of ${result} that marks a ${name === 'hitValue' ? 'hit' : 'miss'}`);
    }
    const sumRate = (value: string) => `sum ${by(group)}(rate(${sel.of(metric, eq(result, value))}[$__rate_interval]))`;
    panels.push(
      timeseries(ds, { title: `Hit ratio (${metric})`, unit: 'percentunit', min: 0, max: 1, thresholds: worseBelow(0.5, 0.8) }, [
        { expr: `${sumRate(hit)} / (${sumRate(hit)} + ${sumRate(miss)})`, legend },
      ]),
      timeseries(ds, { title: 'Cache lookups', unit: 'ops' }, [
        { expr: sumRate(hit), legend: legendOf('hits', group) + (group ? ' hits' : '') },
        { expr: sumRate(miss), legend: legendOf('misses', group) + (group ? ' misses' : '') },
      ]),
    );
  }
  grid.addEvenly(panels, 8);
}
