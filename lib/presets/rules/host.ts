import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { targetDownSpec } from './common-specs';
import { percent, plain } from './describe';
import { buildScopedPack, JobsOptions } from './jobs';
import { AlertSpec } from './pack-builder';
import { Scope, ScopeOptions } from './scope';
import { gauge, num, ramp } from './series';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link host}. */
export type HostRuleName =
  | 'HostExporterDown'
  | 'HostHighCpuUsage'
  | 'HostHighMemoryUsage'
  | 'HostDiskAlmostFull'
  | 'HostDiskFillingUp'
  | 'HostHighLoad';

/** Config of {@link host}. */
export interface HostConfig extends RulePackOptions<HostRuleName>, ScopeOptions, JobsOptions<HostRuleName> {
  /**
   * File system types left out of the disk rules (pseudo and read-only image file systems).
   * @default ['tmpfs', 'ramfs', 'devtmpfs', 'squashfs', 'overlay', 'nsfs', 'autofs', 'fuse.lxcfs']
   */
  readonly excludedFsTypes?: readonly string[];
}

const WHERE = 'presets.host';
const DEFAULT_EXCLUDED = ['tmpfs', 'ramfs', 'devtmpfs', 'squashfs', 'overlay', 'nsfs', 'autofs', 'fuse.lxcfs'];
const INSTANCE = 'host-1:9100';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Host alerts from node-exporter 1.x: exporter down, CPU, memory, disk space, disk filling up (predicted with
 * `predict_linear`) and load per CPU.
 *
 * | rule | threshold (override `threshold`) | for | severity |
 * |---|---|---|---|
 * | HostExporterDown | – | 5m | warning |
 * | HostHighCpuUsage | busy share of all CPUs, 0.9 | 15m | warning |
 * | HostHighMemoryUsage | used share of memory (MemAvailable), 0.9 | 15m | warning |
 * | HostDiskAlmostFull | free share of a file system, below 0.1 | 15m | warning |
 * | HostDiskFillingUp | hours until full at the 6h trend, 24 (only while less than 40% is free) | 1h | warning |
 * | HostHighLoad | 15-minute load average per CPU, 2 | 15m | warning |
 */
export function host(config: HostConfig): RulePack {
  if (config === null || typeof config !== 'object') throw invalid(WHERE, 'config', config, 'a config object with at least runbookUrlPattern');
  const makeSpecs = (scope: Scope): AlertSpec<HostRuleName>[] => {
    const excluded = config.excludedFsTypes ?? DEFAULT_EXCLUDED;
    if (!Array.isArray(excluded) || excluded.some((t) => typeof t !== 'string' || t === '')) {
      throw invalid(WHERE, 'excludedFsTypes', excluded, 'a list of file system type names, e.g. ["tmpfs", "overlay"]');
    }
    const fsType = ['ext4', 'xfs', 'btrfs', 'zfs', 'vfat'].find((t) => !excluded.includes(t)) ?? 'ext4';
    const fsMatchers = excluded.length > 0 ? [`fstype!~${JSON.stringify(excluded.map(escapeRegex).join('|'))}`, 'mountpoint!=""'] : ['mountpoint!=""'];
    const fs = (metric: string): string => scope.selector(metric, ...fsMatchers);
    const fsLabels = { instance: INSTANCE, device: '/dev/sda1', fstype: fsType, mountpoint: '/' };
    const fsAlert = { ...scope.labels, ...fsLabels };
    const idle = scope.selector('node_cpu_seconds_total', 'mode="idle"');
    const cpuSeries = (idlePerStep: number, steps: number) =>
      ['0', '1'].map((cpu) => ({ series: scope.series('node_cpu_seconds_total', { instance: INSTANCE, cpu, mode: 'idle' }), values: ramp(idlePerStep, steps) }));
    const disk = (avail: string, size: number, steps: number) => [
      { series: scope.series('node_filesystem_avail_bytes', fsLabels), values: avail },
      { series: scope.series('node_filesystem_size_bytes', fsLabels), values: gauge(size, steps) },
      { series: scope.series('node_filesystem_readonly', fsLabels), values: gauge(0, steps) },
    ];
    const memory = (usedShare: number, steps: number) => [
      { series: scope.series('node_memory_MemTotal_bytes', { instance: INSTANCE }), values: gauge(16000, steps) },
      { series: scope.series('node_memory_MemAvailable_bytes', { instance: INSTANCE }), values: gauge(Math.round(16000 * (1 - usedShare)), steps) },
    ];
    const hostAlert = { ...scope.labels, instance: INSTANCE };

    const specs: AlertSpec<HostRuleName>[] = [
      targetDownSpec({
        alert: 'HostExporterDown',
        scope,
        what: 'node-exporter',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        instance: INSTANCE,
        consequence: 'The host may be down; while node-exporter is not scraped no other host alert can fire for it.',
      }),
      {
        alert: 'HostHighCpuUsage',
        severity: Severity.WARNING,
        for: Duration.minutes(15),
        threshold: { default: 0.9, kind: 'ratio' },
        expr: (s) => `1 - avg without (cpu, mode) (rate(${idle}[5m])) > ${num(s.threshold)}`,
        summary: () => 'Host {{ $labels.instance }} CPU is {{ $value | humanizePercentage }} busy',
        description: (s) =>
          `The CPUs of {{ $labels.instance }} have been more than ${percent(s.threshold)} busy for ${s.for.toPrometheus()} ` +
          '(now {{ $value | humanizePercentage }}). Work queues up and latency grows; find the busy process or add capacity.',
        test: {
          warmup: Duration.minutes(5),
          // Idle seconds per CPU per 60s step: 60 × (1 − busy share).
          firing: (ctx) => {
            const idlePerStep = Math.floor(60 * (1 - (1 + ctx.threshold) / 2) * 1000) / 1000;
            return { series: cpuSeries(idlePerStep, ctx.steps), alerts: [{ labels: hostAlert, value: 1 - idlePerStep / 60 }] };
          },
          quiet: (ctx) => [{ name: 'CPUs mostly idle', series: cpuSeries(60 * (1 - ctx.threshold / 2), ctx.steps) }],
        },
      },
      {
        alert: 'HostHighMemoryUsage',
        severity: Severity.WARNING,
        for: Duration.minutes(15),
        threshold: { default: 0.9, kind: 'ratio' },
        expr: (s) =>
          `1 - ${scope.selector('node_memory_MemAvailable_bytes')} / ${scope.selector('node_memory_MemTotal_bytes')} > ${num(s.threshold)}`,
        summary: () => 'Host {{ $labels.instance }} memory is {{ $value | humanizePercentage }} used',
        description: (s) =>
          `Less than ${percent(1 - s.threshold)} of the memory of {{ $labels.instance }} has been available for ${s.for.toPrometheus()} ` +
          '(used: {{ $value | humanizePercentage }}). The kernel may start killing processes; find what grew.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => {
            const used = (1 + ctx.threshold) / 2;
            return { series: memory(used, ctx.steps), alerts: [{ labels: hostAlert, value: 1 - Math.round(16000 * (1 - used)) / 16000 }] };
          },
          quiet: (ctx) => [{ name: 'memory available', series: memory(ctx.threshold / 2, ctx.steps) }],
        },
      },
      {
        alert: 'HostDiskAlmostFull',
        severity: Severity.WARNING,
        for: Duration.minutes(15),
        threshold: { default: 0.1, kind: 'ratio' },
        expr: (s) =>
          `${fs('node_filesystem_avail_bytes')} / ${fs('node_filesystem_size_bytes')} < ${num(s.threshold)}\n` +
          `and\n${fs('node_filesystem_readonly')} == 0`,
        summary: () => 'Disk {{ $labels.mountpoint }} on {{ $labels.instance }} is almost full ({{ $value | humanizePercentage }} free)',
        description: (s) =>
          `Only {{ $value | humanizePercentage }} of the file system {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} is free, ` +
          `below the ${percent(s.threshold)} threshold. Writes will fail when it is full; delete or move data, or grow the disk.`,
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => {
            const avail = Math.floor((100000 * ctx.threshold) / 2);
            return { series: disk(gauge(avail, ctx.steps), 100000, ctx.steps), alerts: [{ labels: fsAlert, value: avail / 100000 }] };
          },
          quiet: (ctx) => [{ name: 'enough free space', series: disk(gauge(Math.ceil(100000 * Math.min(0.99, ctx.threshold * 2)), ctx.steps), 100000, ctx.steps) }],
        },
      },
      {
        alert: 'HostDiskFillingUp',
        severity: Severity.WARNING,
        for: Duration.hours(1),
        threshold: { default: 24, kind: 'positive' },
        expr: (s) =>
          `(\n  ${fs('node_filesystem_avail_bytes')} / ${fs('node_filesystem_size_bytes')} < 0.4\n)\n` +
          `and\n(\n  predict_linear(${fs('node_filesystem_avail_bytes')}[6h], ${num(s.threshold)} * 3600) < 0\n)\n` +
          `and\n${fs('node_filesystem_readonly')} == 0`,
        summary: (s) => `Disk {{ $labels.mountpoint }} on {{ $labels.instance }} will be full within ${plain(s.threshold)} hours`,
        description: (s) =>
          `At the rate of the last 6 hours the file system {{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} ` +
          `runs out of space within ${plain(s.threshold)} hours; {{ $value | humanizePercentage }} is still free. Find what writes, or grow the disk.`,
        test: {
          interval: Duration.minutes(5),
          warmup: Duration.minutes(10),
          // Free space falls by `drop` per 5m step; at the evaluation time half the prediction horizon's drop is left.
          firing: (ctx) => {
            const drop = 100;
            const evalSteps = ctx.steps - 1;
            const left = Math.ceil((drop / ctx.intervalSeconds) * ctx.threshold * 3600 / 2);
            const start = left + drop * evalSteps;
            const size = Math.ceil(start / 0.3);
            return { series: disk(ramp(-drop, ctx.steps, start), size, ctx.steps), alerts: [{ labels: fsAlert, value: left / size }] };
          },
          quiet: (ctx) => [
            { name: 'little free space but not shrinking', series: disk(gauge(30000, ctx.steps), 100000, ctx.steps) },
            { name: 'shrinking but more than 40% free', series: disk(ramp(-Math.floor(30000 / ctx.steps), ctx.steps, 90000), 100000, ctx.steps) },
          ],
        },
      },
      {
        alert: 'HostHighLoad',
        severity: Severity.WARNING,
        for: Duration.minutes(15),
        threshold: { default: 2, kind: 'positive' },
        expr: (s) => `${scope.selector('node_load15')} / count without (cpu, mode) (${idle}) > ${num(s.threshold)}`,
        summary: () => 'Host {{ $labels.instance }} load is {{ $value | humanize }} per CPU',
        description: (s) =>
          `The 15-minute load average of {{ $labels.instance }} has been above ${plain(s.threshold)} per CPU for ${s.for.toPrometheus()} ` +
          '(now {{ $value | humanize }}). Processes wait for CPU or I/O; look for runaway processes or slow disks.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => ({
            series: [...cpuSeries(1, ctx.steps), { series: scope.series('node_load15', { instance: INSTANCE }), values: gauge(3 * ctx.threshold, ctx.steps) }],
            alerts: [{ labels: hostAlert, value: (3 * ctx.threshold) / 2 }],
          }),
          quiet: (ctx) => [
            { name: 'load below the threshold', series: [...cpuSeries(1, ctx.steps), { series: scope.series('node_load15', { instance: INSTANCE }), values: gauge(ctx.threshold, ctx.steps) }] },
          ],
        },
      },
    ];
    return specs;
  };
  return buildScopedPack(makeSpecs, config, 'node', WHERE);
}
