/**
 * Puts together what an environment's targets run, for the overview page: each target reports its own Docker hosts and
 * managed services ({@link IMonitoringTarget.topology}, read from the resources it created in its engine); here the
 * hosts get their ids, in target order, and an existing Grafana reached through its API is added.
 */
import { DockerHostInfo, EnvironmentTopology, ManagedServiceInfo, TargetTopology } from '../model/topology';
import type { IMonitoringTarget } from './target';

/** Builds the topology of an environment from its targets' reports. */
export function environmentTopology(targets: readonly IMonitoringTarget[]): EnvironmentTopology {
  const reports = targets.map((t) => t.topology?.()).filter((r): r is TargetTopology => r !== undefined);
  const hosts: DockerHostInfo[] = reports
    .flatMap((r) => r.hosts)
    .map((h, i) => ({
      id: h.alias ?? (i === 0 ? 'docker' : `docker-${i + 1}`),
      engine: h.engine,
      label: h.label,
      containers: h.containers,
      createdNetworks: h.createdNetworks,
      loaders: h.loaders,
    }));
  const services: ManagedServiceInfo[] = reports.flatMap((r) => r.services);
  const targetKinds = targets.map((t) => t.kind);
  if (targetKinds.includes('GrafanaTarget')) {
    services.push({ id: 'grafana-api', kind: 'grafana-api', title: 'Grafana (GrafanaTarget)', details: ['dashboards, folders, data sources', 'alert rules, routing: as managed'] });
  }
  return { targetKinds, hosts, services };
}
