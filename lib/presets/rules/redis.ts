import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { targetDownSpec } from './common-specs';
import { percent, plain } from './describe';
import { buildScopedPack, JobsOptions } from './jobs';
import { AlertSpec } from './pack-builder';
import { rateOption, Scope, ScopeOptions } from './scope';
import { gauge, num, ramp } from './series';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link redis}. */
export type RedisRuleName = 'RedisExporterDown' | 'RedisDown' | 'RedisMemoryNearMax' | 'RedisRejectedConnections' | 'RedisLowHitRatio';

/** Config of {@link redis}. */
export interface RedisConfig extends RulePackOptions<RedisRuleName>, ScopeOptions, JobsOptions<RedisRuleName> {
  /**
   * Below this many key lookups (hits + misses) per second the hit ratio rule stays quiet.
   * @default 1
   */
  readonly minLookupsPerSecond?: number;
}

const WHERE = 'presets.redis';
const INSTANCE = 'redis-exporter:9121';

/**
 * Redis alerts from redis_exporter 1.x: exporter down, Redis down, memory near `maxmemory` (only where a
 * `maxmemory` is set), rejected connections, and a low keyspace hit ratio.
 *
 * | rule | threshold (override `threshold`) | for | severity |
 * |---|---|---|---|
 * | RedisExporterDown | – | 5m | warning |
 * | RedisDown | – | 1m | critical |
 * | RedisMemoryNearMax | used share of maxmemory, 0.9 | 5m | warning |
 * | RedisRejectedConnections | rejected connections in 5 minutes, more than 0 | – | warning |
 * | RedisLowHitRatio | keyspace hit ratio over 15m, below 0.5 | 15m | warning |
 */
export function redis(config: RedisConfig): RulePack {
  if (config === null || typeof config !== 'object') throw invalid(WHERE, 'config', config, 'a config object with at least runbookUrlPattern');
  const makeSpecs = (scope: Scope): AlertSpec<RedisRuleName>[] => {
    const minLookups = rateOption(config.minLookupsPerSecond, 1, WHERE, 'minLookupsPerSecond');
    const target = { ...scope.labels, instance: INSTANCE };
    const s = (metric: string): string => scope.series(metric, { instance: INSTANCE });
    const memory = (used: number, max: number, steps: number) => [
      { series: s('redis_memory_used_bytes'), values: gauge(used, steps) },
      { series: s('redis_memory_max_bytes'), values: gauge(max, steps) },
    ];
    const lookups = (hits: number, misses: number, steps: number) => [
      { series: s('redis_keyspace_hits_total'), values: ramp(hits, steps) },
      { series: s('redis_keyspace_misses_total'), values: ramp(misses, steps) },
    ];
    const hits = `rate(${scope.selector('redis_keyspace_hits_total')}[15m])`;
    const all = `(${hits} + rate(${scope.selector('redis_keyspace_misses_total')}[15m]))`;
    const busy = 60 * Math.max(10, Math.ceil(minLookups * 2));

    const specs: AlertSpec<RedisRuleName>[] = [
      targetDownSpec({
        alert: 'RedisExporterDown',
        scope,
        what: 'redis-exporter',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        instance: INSTANCE,
        consequence: 'No Redis metrics are collected, so no other Redis alert can fire.',
      }),
      {
        alert: 'RedisDown',
        severity: Severity.CRITICAL,
        for: Duration.minutes(1),
        expr: () => `${scope.selector('redis_up')} == 0`,
        summary: () => 'Redis behind {{ $labels.instance }} is down',
        description: (st) =>
          `redis-exporter {{ $labels.instance }} has not been able to reach its Redis server for ${st.for.toPrometheus()}. ` +
          'Caches and queues on it are unavailable; check the server and the exporter\'s address and password.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => ({ series: [{ series: s('redis_up'), values: gauge(0, ctx.steps) }], alerts: [{ labels: target, value: 0 }] }),
          quiet: (ctx) => [{ name: 'Redis reachable', series: [{ series: s('redis_up'), values: gauge(1, ctx.steps) }] }],
        },
      },
      {
        alert: 'RedisMemoryNearMax',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        threshold: { default: 0.9, kind: 'ratio' },
        expr: (st) => `${scope.selector('redis_memory_used_bytes')} / (${scope.selector('redis_memory_max_bytes')} > 0) > ${num(st.threshold)}`,
        summary: () => 'Redis {{ $labels.instance }} uses {{ $value | humanizePercentage }} of maxmemory',
        description: (st) =>
          `Redis behind {{ $labels.instance }} has used more than ${percent(st.threshold)} of its maxmemory for ${st.for.toPrometheus()} ` +
          '(now {{ $value | humanizePercentage }}). At the limit it evicts keys or refuses writes, depending on maxmemory-policy.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => {
            const used = Math.round(1000000 * ((1 + ctx.threshold) / 2));
            return { series: memory(used, 1000000, ctx.steps), alerts: [{ labels: target, value: used / 1000000 }] };
          },
          quiet: (ctx) => [
            { name: 'memory well below maxmemory', series: memory(Math.round(1000000 * (ctx.threshold / 2)), 1000000, ctx.steps) },
            { name: 'no maxmemory set (0)', series: memory(5000000, 0, ctx.steps) },
          ],
        },
      },
      {
        alert: 'RedisRejectedConnections',
        severity: Severity.WARNING,
        threshold: { default: 0, kind: 'wholeNumber' },
        expr: (st) => `increase(${scope.selector('redis_rejected_connections_total')}[5m]) > ${num(st.threshold)}`,
        summary: () => 'Redis {{ $labels.instance }} rejected {{ $value | humanize }} connections',
        description: (st) =>
          `Redis behind {{ $labels.instance }} rejected {{ $value | humanize }} client connections in the last 5 minutes (more than ${plain(st.threshold)}), ` +
          'because maxclients was reached. Clients fail to connect; look for connection leaks or raise maxclients.',
        test: {
          warmup: Duration.minutes(5),
          firing: (ctx) => {
            const perStep = Math.floor(ctx.threshold / 5) + 1;
            return {
              series: [{ series: s('redis_rejected_connections_total'), values: ramp(perStep, ctx.steps, 7) }],
              alerts: [{ labels: target, value: 5 * perStep }],
            };
          },
          quiet: (ctx) => [{ name: 'no new rejections', series: [{ series: s('redis_rejected_connections_total'), values: gauge(7, ctx.steps) }] }],
        },
      },
      {
        alert: 'RedisLowHitRatio',
        severity: Severity.WARNING,
        for: Duration.minutes(15),
        threshold: { default: 0.5, kind: 'ratio' },
        expr: (st) => `${hits}\n/\n${all}\n< ${num(st.threshold)}\nand\n${all} > ${num(minLookups)}`,
        summary: () => 'Redis {{ $labels.instance }} hit ratio is {{ $value | humanizePercentage }}',
        description: (st) =>
          `Only {{ $value | humanizePercentage }} of the key lookups on {{ $labels.instance }} over the last 15m found their key, below ${percent(st.threshold)} ` +
          `for ${st.for.toPrometheus()}. If Redis is a cache, keys expire or are evicted too early, or the application reads keys it never writes.`,
        test: {
          warmup: Duration.minutes(15),
          firing: (ctx) => {
            const h = Math.floor((busy * ctx.threshold) / 2);
            return { series: lookups(h, busy - h, ctx.steps), alerts: [{ labels: target, value: h / busy }] };
          },
          quiet: (ctx) => {
            const h = busy - Math.floor((busy * (1 - ctx.threshold)) / 2);
            const quiet = [{ name: 'most lookups hit', series: lookups(h, busy - h, ctx.steps) }];
            if (minLookups > 0) quiet.push({ name: 'every lookup misses but traffic is below the minimum', series: lookups(0, minLookups * 30, ctx.steps) });
            return quiet;
          },
        },
      },
    ];
    return specs;
  };
  return buildScopedPack(makeSpecs, config, 'redis', WHERE);
}
