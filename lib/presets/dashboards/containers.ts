import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PackGrid } from './grid';
import { DashboardPackOptions, jobOption, labelOption, startDashboard } from './options';
import { stat, table, timeseries, worseAbove } from './panels';
import { Selector, neq } from './selector';
import { byVariable, labelValuesVariable } from './variables';

/** Options of the containers dashboard ({@link containers}). */
export interface ContainersDashboardOptions extends DashboardPackOptions {
  /** The cAdvisor job. @default "cadvisor" (the job DockerHostTarget scrapes cAdvisor as) */
  readonly job?: string;
  /** The label with the container name (cAdvisor on Docker: `name`; Kubernetes: `container`). @default "name" */
  readonly containerLabel?: string;
}

const WHERE = 'presets.dashboards.containers';

/**
 * Per-container resources from cAdvisor: CPU (and throttling), memory (working set, share of the limit), network
 * and disk I/O, uptime, restarts and OOM kills, for the containers chosen in the `container` variable. cAdvisor has
 * no restart counter: a restart shows as a change of `container_start_time_seconds`.
 */
export function containers(options: ContainersDashboardOptions = {}): DashboardBuilder {
  const job = jobOption(options.job, 'cadvisor', WHERE);
  const name = labelOption(options.containerLabel, 'name', WHERE, 'containerLabel');
  // cAdvisor also reports cgroups that are no container (the host, systemd slices); they have no name.
  const base = Selector.of(job, options.selector, WHERE).and(neq(name, ''));
  const { dashboard, ds } = startDashboard(options, {
    where: WHERE,
    name: 'containers',
    title: job === 'cadvisor' ? 'Containers' : `Containers: ${job}`,
    dataSourceType: 'prometheus',
    job,
    defaultJob: 'cadvisor',
    tags: ['containers', 'cadvisor'],
  });
  dashboard.withVariable(labelValuesVariable(ds, 'container', 'Container', base.of('container_start_time_seconds'), name));

  const sel = base.and(byVariable(name, 'container'));
  const rate = (metric: string) => `rate(${sel.of(metric)}[$__rate_interval])`;
  const perContainer = (expr: string) => `sum by (${name}) (${expr})`;
  const legend = `{{${name}}}`;

  const grid = new PackGrid().row('Overview');
  grid.addEvenly(
    [
      stat(ds, { title: 'Containers', unit: 'short' }, { expr: `count(count by (${name}) (${sel.of('container_start_time_seconds')}))` }),
      stat(ds, { title: 'CPU in use', unit: 'percentunit', description: '1 = 100 % = one full core.' }, { expr: `sum(${rate('container_cpu_usage_seconds_total')})` }),
      stat(ds, { title: 'Memory in use', unit: 'bytes', description: 'Working set: memory the kernel cannot reclaim.' }, { expr: `sum(${sel.of('container_memory_working_set_bytes')})` }),
      stat(ds, { title: 'Network in + out', unit: 'Bps' }, {
        expr: `sum(${rate('container_network_receive_bytes_total')}) + sum(${rate('container_network_transmit_bytes_total')})`,
      }),
      stat(ds, { title: 'Restarts (time range)', unit: 'short', thresholds: worseAbove(1, 3) }, {
        expr: `sum(changes(${sel.of('container_start_time_seconds')}[$__range]))`,
        instant: true,
      }),
    ],
    4,
  );

  grid.row('CPU and memory');
  grid.add(
    timeseries(ds, { title: 'CPU by container', unit: 'percentunit', min: 0, description: '1 = 100 % = one full core.' }, [
      { expr: perContainer(rate('container_cpu_usage_seconds_total')), legend },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'CPU throttled', unit: 'percentunit', min: 0, description: 'Share of time the container waited because of its CPU limit.' }, [
      { expr: perContainer(rate('container_cpu_cfs_throttled_seconds_total')), legend },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Memory by container (working set)', unit: 'bytes', min: 0 }, [{ expr: perContainer(sel.of('container_memory_working_set_bytes')), legend }]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Memory of limit', unit: 'percentunit', min: 0, max: 1, thresholds: worseAbove(0.8, 0.9), description: 'Containers with a memory limit only.' }, [
      { expr: `${perContainer(sel.of('container_memory_working_set_bytes'))} / ${perContainer(`${sel.of('container_spec_memory_limit_bytes')} > 0`)}`, legend },
    ]),
    12,
    8,
  );

  grid.row('Network and disk');
  grid.add(
    timeseries(ds, { title: 'Network traffic', unit: 'Bps' }, [
      { expr: perContainer(rate('container_network_receive_bytes_total')), legend: `${legend} in` },
      { expr: perContainer(rate('container_network_transmit_bytes_total')), legend: `${legend} out` },
    ]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Disk I/O', unit: 'Bps' }, [
      { expr: perContainer(rate('container_fs_reads_bytes_total')), legend: `${legend} read` },
      { expr: perContainer(rate('container_fs_writes_bytes_total')), legend: `${legend} write` },
    ]),
    12,
    8,
  );

  grid.row('Health');
  grid.add(
    table(ds, { title: 'Uptime', unit: 's' }, [{ expr: `time() - max by (${name}, image) (${sel.of('container_start_time_seconds')})` }]),
    12,
    8,
  );
  grid.add(
    timeseries(ds, { title: 'Restarts and OOM kills (last hour)', unit: 'short', min: 0, bars: true }, [
      { expr: perContainer(`changes(${sel.of('container_start_time_seconds')}[1h])`), legend: `${legend} restarts` },
      { expr: perContainer(`increase(${sel.of('container_oom_events_total')}[1h])`), legend: `${legend} OOM kills` },
    ]),
    12,
    8,
  );

  return grid.addTo(dashboard);
}
