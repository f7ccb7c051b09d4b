import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { targetDownSpec } from './common-specs';
import { percent, plain, seconds } from './describe';
import { buildScopedPack, JobsOptions } from './jobs';
import { AlertSpec } from './pack-builder';
import { by, Scope, ScopeOptions } from './scope';
import { gauge, num, ramp } from './series';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link postgres}. */
export type PostgresRuleName =
  | 'PostgresExporterDown'
  | 'PostgresDown'
  | 'PostgresTooManyConnections'
  | 'PostgresDeadlocks'
  | 'PostgresReplicationLag'
  | 'PostgresSlowQueries';

/** Config of {@link postgres}. */
export interface PostgresConfig extends RulePackOptions<PostgresRuleName>, ScopeOptions, JobsOptions<PostgresRuleName> {}

const WHERE = 'presets.postgres';
const INSTANCE = 'postgres-exporter:9187';

/**
 * PostgreSQL alerts from postgres_exporter 0.15+ (default collectors): exporter down, database down,
 * connections near `max_connections`, deadlocks, replication lag on replicas, and long-running active queries.
 *
 * | rule | threshold (override `threshold`) | for | severity |
 * |---|---|---|---|
 * | PostgresExporterDown | – | 5m | warning |
 * | PostgresDown | – | 1m | critical |
 * | PostgresTooManyConnections | share of max_connections in use, 0.8 | 5m | warning |
 * | PostgresDeadlocks | deadlocks in 5 minutes, more than 0 | – | warning |
 * | PostgresReplicationLag | replica lag in seconds, 60 | 5m | warning |
 * | PostgresSlowQueries | age in seconds of the oldest active transaction, 300 | 2m | warning |
 */
export function postgres(config: PostgresConfig): RulePack {
  if (config === null || typeof config !== 'object') throw invalid(WHERE, 'config', config, 'a config object with at least runbookUrlPattern');
  const makeSpecs = (scope: Scope): AlertSpec<PostgresRuleName>[] => {
    const target = { ...scope.labels, instance: INSTANCE };
    const db = { ...target, datname: 'app' };
    const s = (metric: string, extra: Record<string, string> = {}): string => scope.series(metric, { instance: INSTANCE, ...extra });
    const connections = (used: number, steps: number) => {
      const active = Math.floor(used * 0.3);
      return [
        { series: s('pg_stat_activity_count', { datname: 'app', state: 'active' }), values: gauge(active, steps) },
        { series: s('pg_stat_activity_count', { datname: 'app', state: 'idle' }), values: gauge(used - active, steps) },
        { series: s('pg_settings_max_connections'), values: gauge(100, steps) },
      ];
    };
    const replication = (lag: number, replica: number, steps: number) => [
      { series: s('pg_replication_lag_seconds'), values: gauge(lag, steps) },
      { series: s('pg_replication_is_replica'), values: gauge(replica, steps) },
    ];
    const activity = (active: number, idleInTx: number, steps: number) => [
      { series: s('pg_stat_activity_max_tx_duration', { datname: 'app', state: 'active' }), values: gauge(active, steps) },
      { series: s('pg_stat_activity_max_tx_duration', { datname: 'app', state: 'idle' }), values: gauge(idleInTx, steps) },
    ];

    const specs: AlertSpec<PostgresRuleName>[] = [
      targetDownSpec({
        alert: 'PostgresExporterDown',
        scope,
        what: 'postgres-exporter',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        instance: INSTANCE,
        consequence: 'No PostgreSQL metrics are collected, so no other PostgreSQL alert can fire.',
      }),
      {
        alert: 'PostgresDown',
        severity: Severity.CRITICAL,
        for: Duration.minutes(1),
        expr: () => `${scope.selector('pg_up')} == 0`,
        summary: () => 'PostgreSQL behind {{ $labels.instance }} is down',
        description: (st) =>
          `postgres-exporter {{ $labels.instance }} has not been able to connect to its PostgreSQL server for ${st.for.toPrometheus()}. ` +
          'Applications using it fail; check the server, its logs and the exporter\'s connection settings.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => ({ series: [{ series: s('pg_up'), values: gauge(0, ctx.steps) }], alerts: [{ labels: target, value: 0 }] }),
          quiet: (ctx) => [{ name: 'database reachable', series: [{ series: s('pg_up'), values: gauge(1, ctx.steps) }] }],
        },
      },
      {
        alert: 'PostgresTooManyConnections',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        threshold: { default: 0.8, kind: 'ratio' },
        expr: (st) =>
          `sum ${by(scope.targetLabels())} (${scope.selector('pg_stat_activity_count')})\n/\n` +
          `max ${by(scope.targetLabels())} (${scope.selector('pg_settings_max_connections')})\n> ${num(st.threshold)}`,
        summary: () => 'PostgreSQL {{ $labels.instance }} uses {{ $value | humanizePercentage }} of max_connections',
        description: (st) =>
          `More than ${percent(st.threshold)} of max_connections on {{ $labels.instance }} have been in use for ${st.for.toPrometheus()} ` +
          '(now {{ $value | humanizePercentage }}). New connections will be refused when none are left; check for connection leaks or add a pooler.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => {
            const used = Math.floor(100 * ctx.threshold) + 1 + Math.floor((100 - Math.floor(100 * ctx.threshold) - 1) / 2);
            return { series: connections(used, ctx.steps), alerts: [{ labels: target, value: used / 100 }] };
          },
          quiet: (ctx) => [{ name: 'few connections', series: connections(Math.floor((100 * ctx.threshold) / 2), ctx.steps) }],
        },
      },
      {
        alert: 'PostgresDeadlocks',
        severity: Severity.WARNING,
        threshold: { default: 0, kind: 'wholeNumber' },
        expr: (st) =>
          `sum ${by(scope.targetLabels('datname'))} (increase(${scope.selector('pg_stat_database_deadlocks', 'datname!~"template.*"')}[5m])) > ${num(st.threshold)}`,
        summary: () => 'Deadlocks in PostgreSQL database {{ $labels.datname }}',
        description: (st) =>
          `{{ $value | humanize }} transactions in database {{ $labels.datname }} on {{ $labels.instance }} were aborted by deadlocks in the last 5 minutes ` +
          `(more than ${plain(st.threshold)}). Transactions lock rows in different orders; the PostgreSQL log names the statements.`,
        test: {
          warmup: Duration.minutes(5),
          firing: (ctx) => {
            const perStep = Math.floor(ctx.threshold / 5) + 1;
            return {
              series: [{ series: s('pg_stat_database_deadlocks', { datname: 'app', datid: '16384' }), values: ramp(perStep, ctx.steps, 3) }],
              alerts: [{ labels: db, value: 5 * perStep }],
            };
          },
          quiet: (ctx) => [
            { name: 'no new deadlocks', series: [{ series: s('pg_stat_database_deadlocks', { datname: 'app', datid: '16384' }), values: gauge(3, ctx.steps) }] },
            { name: 'deadlocks only in a template database', series: [{ series: s('pg_stat_database_deadlocks', { datname: 'template1', datid: '1' }), values: ramp(5, ctx.steps) }] },
          ],
        },
      },
      {
        alert: 'PostgresReplicationLag',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        threshold: { default: 60, kind: 'positive' },
        expr: (st) => `${scope.selector('pg_replication_lag_seconds')} > ${num(st.threshold)}\nand\n${scope.selector('pg_replication_is_replica')} == 1`,
        summary: () => 'PostgreSQL replica {{ $labels.instance }} lags {{ $value | humanizeDuration }} behind',
        description: (st) =>
          `The replica behind {{ $labels.instance }} has replayed nothing newer than ${seconds(st.threshold)} ago for ${st.for.toPrometheus()} ` +
          '(now {{ $value | humanizeDuration }}). Reads from it are stale and a failover would lose data. On a primary without writes this lag grows too.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => ({ series: replication(2 * ctx.threshold, 1, ctx.steps), alerts: [{ labels: target, value: 2 * ctx.threshold }] }),
          quiet: (ctx) => [
            { name: 'replica keeps up', series: replication(ctx.threshold / 2, 1, ctx.steps) },
            { name: 'not a replica', series: replication(2 * ctx.threshold, 0, ctx.steps) },
          ],
        },
      },
      {
        alert: 'PostgresSlowQueries',
        severity: Severity.WARNING,
        for: Duration.minutes(2),
        threshold: { default: 300, kind: 'positive' },
        expr: (st) =>
          `max ${by(scope.targetLabels('datname'))} (${scope.selector('pg_stat_activity_max_tx_duration', 'state="active"')}) > ${num(st.threshold)}`,
        summary: () => 'A query in PostgreSQL database {{ $labels.datname }} has run for {{ $value | humanizeDuration }}',
        description: (st) =>
          `An active transaction in database {{ $labels.datname }} on {{ $labels.instance }} has been running for more than ${seconds(st.threshold)} ` +
          '(now {{ $value | humanizeDuration }}). Long queries hold locks and block vacuum; find it in pg_stat_activity.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => ({ series: activity(2 * ctx.threshold, 0, ctx.steps), alerts: [{ labels: db, value: 2 * ctx.threshold }] }),
          quiet: (ctx) => [
            { name: 'short queries', series: activity(ctx.threshold / 2, 0, ctx.steps) },
            { name: 'only idle connections are old', series: activity(0, 2 * ctx.threshold, ctx.steps) },
          ],
        },
      },
    ];
    return specs;
  };
  return buildScopedPack(makeSpecs, config, 'postgres', WHERE);
}
