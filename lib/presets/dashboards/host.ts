import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, regexOption, startDashboard } from './options';
import { gauge, stat, table, timeseries, worseAbove } from './panels';
import { Selector, nre } from './selector';
import { byVariable, labelValuesVariable } from './variables';

/** Options of the host dashboard ({@link host}). */
export interface HostDashboardOptions extends DashboardPackOptions {
  /** The node-exporter job. @default "node" (the job DockerHostTarget scrapes node-exporter as) */
  readonly job?: string;
  /** Filesystem types left out of disk panels (a regex). @default "tmpfs|devtmpfs|overlay|squashfs|nsfs|ramfs|fuse.lxcfs" */
  readonly excludedFsTypes?: string;
  /** Network devices left out of network panels (a regex). @default "lo|veth.*|docker.*|br-.*" */
  readonly excludedNetworkDevices?: string;
}

const WHERE = 'presets.dashboards.host';

/**
 * Host resources from node-exporter: CPU (busy, by mode, load), memory (used, swap, major faults), disks (space,
 * throughput, IOPS, utilization) and network (traffic, packets, errors and drops, TCP connections), for the
 * instances chosen in the `instance` variable.
 */
export function host(options: HostDashboardOptions = {}): DashboardBuilder {
  const job = jobOption(options.job, 'node', WHERE);
  const fsTypes = regexOption(options.excludedFsTypes, 'tmpfs|devtmpfs|overlay|squashfs|nsfs|ramfs|fuse.lxcfs', WHERE, 'excludedFsTypes');
  const devices = regexOption(options.excludedNetworkDevices, 'lo|veth.*|docker.*|br-.*', WHERE, 'excludedNetworkDevices');
  const base = Selector.of(job, options.selector, WHERE);
  const { dashboard, ds } = startDashboard(options, {
    where: WHERE,
    name: 'host',
    title: job === 'node' ? 'Hosts' : `Hosts: ${job}`,
    dataSourceType: 'prometheus',
    job,
    defaultJob: 'node',
    tags: ['host', 'node-exporter'],
  });
  dashboard.withVariable(labelValuesVariable(ds, 'instance', 'Instance', base.of('node_uname_info'), 'instance'));

  const sel = base.and(byVariable('instance'));
  const fs = sel.and(nre('fstype', fsTypes));
  const net = sel.and(nre('device', devices));
  const idle = sel.of('node_cpu_seconds_total', 'mode="idle"');
  const rate = (metric: string, s: Selector = sel) => `rate(${s.of(metric)}[$__rate_interval])`;

  const grid = new PackGrid().row('Overview');
  grid.addEvenly(
    [
      gauge(ds, { title: 'CPU busy', unit: 'percent', min: 0, max: 100, thresholds: worseAbove(80, 90) }, { expr: `100 * (1 - avg(rate(${idle}[$__rate_interval])))` }),
      gauge(ds, { title: 'Memory used', unit: 'percent', min: 0, max: 100, thresholds: worseAbove(85, 90) }, {
        expr: `100 * (1 - sum(${sel.of('node_memory_MemAvailable_bytes')}) / sum(${sel.of('node_memory_MemTotal_bytes')}))`,
      }),
      gauge(ds, { title: 'Fullest filesystem', unit: 'percent', min: 0, max: 100, thresholds: worseAbove(80, 90) }, {
        expr: `100 * max(1 - ${fs.of('node_filesystem_avail_bytes')} / ${fs.of('node_filesystem_size_bytes')})`,
      }),
      stat(ds, { title: 'Load (1m) per core', unit: 'short', decimals: 2, thresholds: worseAbove(0.8, 1.5) }, { expr: `sum(${sel.of('node_load1')}) / count(${idle})` }),
      stat(ds, { title: 'CPU cores', unit: 'short' }, { expr: `count(${idle})`, instant: true }),
      stat(ds, { title: 'Uptime (shortest)', unit: 's' }, { expr: `min(time() - ${sel.of('node_boot_time_seconds')})`, instant: true }),
    ],
    5,
  );

  grid.row('CPU');
  grid.add(
    timeseries(ds, { title: 'CPU busy by instance', unit: 'percent', min: 0, max: 100, thresholds: worseAbove(80, 90) }, [
      { expr: `100 * (1 - avg by (instance) (rate(${idle}[$__rate_interval])))`, legend: '{{instance}}' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'CPU by mode', unit: 'percentunit', min: 0, stacked: true, description: 'Share of all cores spent in each mode except idle.' }, [
      { expr: `sum by (mode) (${rate('node_cpu_seconds_total', sel.and('mode!="idle"'))}) / scalar(count(${idle}))`, legend: '{{mode}}' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Load average', unit: 'short' }, [
      { expr: sel.of('node_load1'), legend: '{{instance}} 1m' },
      { expr: sel.of('node_load5'), legend: '{{instance}} 5m' },
      { expr: sel.of('node_load15'), legend: '{{instance}} 15m' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Processes', unit: 'short' }, [
      { expr: sel.of('node_procs_running'), legend: '{{instance}} running' },
      { expr: sel.of('node_procs_blocked'), legend: '{{instance}} blocked' },
    ]),
    12,
    8,
  );

  grid.row('Memory');
  grid.add(
    timeseries(ds, { title: 'Memory', unit: 'bytes', min: 0 }, [
      { expr: `${sel.of('node_memory_MemTotal_bytes')} - ${sel.of('node_memory_MemAvailable_bytes')}`, legend: '{{instance}} used' },
      { expr: sel.of('node_memory_MemTotal_bytes'), legend: '{{instance}} total' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Memory used', unit: 'percent', min: 0, max: 100, thresholds: worseAbove(85, 90) }, [
      { expr: `100 * (1 - ${sel.of('node_memory_MemAvailable_bytes')} / ${sel.of('node_memory_MemTotal_bytes')})`, legend: '{{instance}}' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Swap used', unit: 'bytes', min: 0 }, [
      { expr: `${sel.of('node_memory_SwapTotal_bytes')} - ${sel.of('node_memory_SwapFree_bytes')}`, legend: '{{instance}}' },
    ]),
    12,
    8,
  );
  grid.add(timeseries(ds, { title: 'Major page faults', unit: 'ops' }, [{ expr: rate('node_vmstat_pgmajfault'), legend: '{{instance}}' }]), 12, 8);

  grid.row('Disk');
  grid.add(
    timeseries(ds, { title: 'Filesystem used', unit: 'percent', min: 0, max: 100, thresholds: worseAbove(80, 90) }, [
      { expr: `100 * (1 - ${fs.of('node_filesystem_avail_bytes')} / ${fs.of('node_filesystem_size_bytes')})`, legend: '{{instance}} {{mountpoint}}' },
    ]),
    12,
    8,
  );
  grid.add(table(ds, { title: 'Free space by filesystem', unit: 'bytes' }, [{ expr: fs.of('node_filesystem_avail_bytes') }]), 12, 8);
  grid.add(
    timeseries(ds, { title: 'Disk throughput', unit: 'Bps' }, [
      { expr: `sum by (instance, device) (${rate('node_disk_read_bytes_total')})`, legend: '{{instance}} {{device}} read' },
      { expr: `sum by (instance, device) (${rate('node_disk_written_bytes_total')})`, legend: '{{instance}} {{device}} write' },
    ]),
    8,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Disk IOPS', unit: 'iops' }, [
      { expr: `sum by (instance, device) (${rate('node_disk_reads_completed_total')})`, legend: '{{instance}} {{device}} reads' },
      { expr: `sum by (instance, device) (${rate('node_disk_writes_completed_total')})`, legend: '{{instance}} {{device}} writes' },
    ]),
    8,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Disk busy', unit: 'percentunit', min: 0, max: 1, description: 'Share of time the device was busy with I/O.' }, [
      { expr: rate('node_disk_io_time_seconds_total'), legend: '{{instance}} {{device}}' },
    ]),
    8,
    8,
  );

  grid.row('Network');
  grid.add(
    timeseries(ds, { title: 'Network traffic', unit: 'Bps' }, [
      { expr: `sum by (instance, device) (${rate('node_network_receive_bytes_total', net)})`, legend: '{{instance}} {{device}} in' },
      { expr: `sum by (instance, device) (${rate('node_network_transmit_bytes_total', net)})`, legend: '{{instance}} {{device}} out' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Packets', unit: 'pps' }, [
      { expr: `sum by (instance, device) (${rate('node_network_receive_packets_total', net)})`, legend: '{{instance}} {{device}} in' },
      { expr: `sum by (instance, device) (${rate('node_network_transmit_packets_total', net)})`, legend: '{{instance}} {{device}} out' },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Network errors and drops', unit: 'pps' }, [
      { expr: `sum by (instance) (${rate('node_network_receive_errs_total', net)})`, legend: '{{instance}} receive errors' },
      { expr: `sum by (instance) (${rate('node_network_transmit_errs_total', net)})`, legend: '{{instance}} transmit errors' },
      { expr: `sum by (instance) (${rate('node_network_receive_drop_total', net)})`, legend: '{{instance}} receive drops' },
      { expr: `sum by (instance) (${rate('node_network_transmit_drop_total', net)})`, legend: '{{instance}} transmit drops' },
    ]),
    12,
    8,
  );
  grid.add(timeseries(ds, { title: 'TCP connections established', unit: 'short' }, [{ expr: sel.of('node_netstat_Tcp_CurrEstab'), legend: '{{instance}}' }]), 12, 8);

  return grid.addTo(dashboard);
}
