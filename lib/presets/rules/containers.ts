import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { targetDownSpec } from './common-specs';
import { percent, plain } from './describe';
import { buildScopedPack, JobsOptions } from './jobs';
import { AlertSpec, RuleSettings } from './pack-builder';
import { Scope, ScopeOptions } from './scope';
import { gauge, num, ramp } from './series';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link containers}. */
export type ContainersRuleName = 'CadvisorDown' | 'ContainerHighCpuUsage' | 'ContainerHighMemoryUsage' | 'ContainerRestarting';

/** Config of {@link containers}. */
export interface ContainersConfig extends RulePackOptions<ContainersRuleName>, ScopeOptions, JobsOptions<ContainersRuleName> {}

const WHERE = 'presets.containers';
const INSTANCE = 'cadvisor:8080';
const RESTART_WINDOW_SECONDS = 900;
/** Divisors of a minute, largest first. */
const MINUTE_DIVISORS = [60, 30, 20, 15, 12, 10, 6, 5, 4, 3, 2, 1];

/**
 * Container alerts from cAdvisor: cAdvisor down, CPU and memory near the container's limits, restart loops.
 * Containers without a CPU or memory limit are left out of the limit rules (there is nothing to be near).
 *
 * | rule | threshold (override `threshold`) | for | severity |
 * |---|---|---|---|
 * | CadvisorDown | – | 5m | warning |
 * | ContainerHighCpuUsage | share of the CPU limit (quota/period), 0.9 | 15m | warning |
 * | ContainerHighMemoryUsage | working set as share of the memory limit, 0.9 | 10m | warning |
 * | ContainerRestarting | restarts within 15 minutes, more than 2 | – | warning |
 */
export function containers(config: ContainersConfig): RulePack {
  if (config === null || typeof config !== 'object') throw invalid(WHERE, 'config', config, 'a config object with at least runbookUrlPattern');
  const makeSpecs = (scope: Scope): AlertSpec<ContainersRuleName>[] => {
    const sel = (metric: string): string => scope.selector(metric, 'name!=""');
    const container = { instance: INSTANCE, id: '/docker/3f2a9c1b', image: 'example/app:1.4.2', name: 'app' };
    const alertLabels = { ...scope.labels, ...container };
    const cpu = (share: number, steps: number, quota = 50000) => [
      { series: scope.series('container_cpu_usage_seconds_total', { ...container, cpu: 'total' }), values: ramp(Math.round(30 * share * 1000) / 1000, steps) },
      { series: scope.series('container_spec_cpu_quota', container), values: gauge(quota, steps) },
      { series: scope.series('container_spec_cpu_period', container), values: gauge(100000, steps) },
    ];
    const memory = (workingSet: number, limit: number, steps: number) => [
      { series: scope.series('container_memory_working_set_bytes', container), values: gauge(workingSet, steps) },
      { series: scope.series('container_spec_memory_limit_bytes', container), values: gauge(limit, steps) },
    ];
    const startTime = (values: string) => [{ series: scope.series('container_start_time_seconds', container), values }];
    // The restart test counts samples, so the count must not depend on when promtool evaluates. Samples come at a
    // divisor of 60 s with more than `threshold + 1` of them in 15 minutes, and the check time is a whole minute: an
    // evaluation time for every evaluation interval that divides a minute (15s, 30s, 1m).
    const restartInterval = (t: number): Duration => Duration.seconds(MINUTE_DIVISORS.find((d) => d < RESTART_WINDOW_SECONDS / (t + 1)) ?? 1);
    const restartWarmup = (s: RuleSettings, interval: Duration): Duration => {
      const offset = (s.for.toSeconds() + interval.toSeconds()) % 60;
      return Duration.seconds(RESTART_WINDOW_SECONDS + (offset === 0 ? 0 : 60 - offset));
    };

    const specs: AlertSpec<ContainersRuleName>[] = [
      targetDownSpec({
        alert: 'CadvisorDown',
        scope,
        what: 'cAdvisor',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        instance: INSTANCE,
        consequence: 'No container metrics are collected, so no other container alert can fire.',
      }),
      {
        alert: 'ContainerHighCpuUsage',
        severity: Severity.WARNING,
        for: Duration.minutes(15),
        threshold: { default: 0.9, kind: 'ratio' },
        expr: (s) =>
          `sum without (cpu) (rate(${sel('container_cpu_usage_seconds_total')}[5m]))\n/\n` +
          `((${sel('container_spec_cpu_quota')} > 0) / ${sel('container_spec_cpu_period')})\n` +
          `> ${num(s.threshold)}`,
        summary: () => 'Container {{ $labels.name }} uses {{ $value | humanizePercentage }} of its CPU limit',
        description: (s) =>
          `Container {{ $labels.name }} ({{ $labels.image }}) has used more than ${percent(s.threshold)} of its CPU limit for ${s.for.toPrometheus()} ` +
          '(now {{ $value | humanizePercentage }}). It is being throttled; raise the limit or find the hot path.',
        test: {
          warmup: Duration.minutes(5),
          // The limit is 0.5 CPU: CPU seconds per 60s step = 30 × share.
          firing: (ctx) => {
            const share = Math.round(30 * ((1 + ctx.threshold) / 2) * 1000) / 1000 / 30;
            return { series: cpu(share, ctx.steps), alerts: [{ labels: alertLabels, value: share }] };
          },
          quiet: (ctx) => [
            { name: 'well below the CPU limit', series: cpu(ctx.threshold / 2, ctx.steps) },
            { name: 'busy but no CPU limit set (quota -1)', series: cpu(2, ctx.steps, -1) },
          ],
        },
      },
      {
        alert: 'ContainerHighMemoryUsage',
        severity: Severity.WARNING,
        for: Duration.minutes(10),
        threshold: { default: 0.9, kind: 'ratio' },
        expr: (s) => `${sel('container_memory_working_set_bytes')} / (${sel('container_spec_memory_limit_bytes')} > 0) > ${num(s.threshold)}`,
        summary: () => 'Container {{ $labels.name }} uses {{ $value | humanizePercentage }} of its memory limit',
        description: (s) =>
          `The working set of container {{ $labels.name }} ({{ $labels.image }}) has been above ${percent(s.threshold)} of its memory limit ` +
          `for ${s.for.toPrometheus()} (now {{ $value | humanizePercentage }}). The kernel kills it when it reaches the limit; raise the limit or find the leak.`,
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => {
            const ws = Math.round(1000000 * ((1 + ctx.threshold) / 2));
            return { series: memory(ws, 1000000, ctx.steps), alerts: [{ labels: alertLabels, value: ws / 1000000 }] };
          },
          quiet: (ctx) => [
            { name: 'well below the memory limit', series: memory(Math.round(1000000 * (ctx.threshold / 2)), 1000000, ctx.steps) },
            { name: 'no memory limit set', series: memory(1000000, 0, ctx.steps) },
          ],
        },
      },
      {
        alert: 'ContainerRestarting',
        severity: Severity.WARNING,
        threshold: { default: 2, kind: 'wholeNumber' },
        expr: (s) => `changes(${sel('container_start_time_seconds')}[15m]) > ${num(s.threshold)}`,
        summary: () => 'Container {{ $labels.name }} restarted {{ $value }} times in 15 minutes',
        description: (s) =>
          `Container {{ $labels.name }} ({{ $labels.image }}) restarted {{ $value }} times in the last 15 minutes (more than ${plain(s.threshold)}). ` +
          'It is probably crash-looping; read its logs from before the restarts.',
        test: {
          interval: (s) => restartInterval(s.threshold),
          warmup: restartWarmup,
          // The container restarts before every sample: its start time moves on each step.
          firing: (ctx) => {
            let samples = 0;
            for (let k = 0; k <= ctx.steps; k++) {
              const at = k * ctx.intervalSeconds;
              // Prometheus 3 range selectors are left-open: a sample exactly 15m before the evaluation is not in [15m].
              if (at > ctx.evalSeconds - RESTART_WINDOW_SECONDS && at <= ctx.evalSeconds) samples++;
            }
            return { series: startTime(ramp(ctx.intervalSeconds, ctx.steps, 1000)), alerts: [{ labels: alertLabels, value: samples - 1 }] };
          },
          quiet: (ctx) => {
            const quiet = [{ name: 'running steadily', series: startTime(gauge(1000, ctx.steps)) }];
            const half = Math.floor(ctx.steps / 2);
            if (ctx.threshold >= 1) quiet.push({ name: 'one restart', series: startTime(`${gauge(1000, half)} ${gauge(5000, ctx.steps - half - 1)}`) });
            return quiet;
          },
        },
      },
    ];
    return specs;
  };
  return buildScopedPack(makeSpecs, config, 'cadvisor', WHERE);
}
