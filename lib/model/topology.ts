/**
 * What an environment's targets run, as plain data for the overview page: the containers of each Docker host with
 * their networks and published ports, and the managed services (AWS, an existing Grafana). Each target reports what it
 * runs ({@link TargetTopology}, read by the target from the resources it created in its engine); the constructs layer
 * puts the reports together (`lib/constructs/environment-topology.ts`). Engine-free here.
 */

/** A port published on the host: `hostIp:hostPort` reaches `port` in the container. */
export interface PublishedPortInfo {
  /** The host address it is bound to, e.g. `127.0.0.1`. */
  readonly hostIp: string;
  /** The port on the host. */
  readonly hostPort: number;
  /** The port in the container. */
  readonly port: number;
}

/** One long-running container. */
export interface ContainerInfo {
  /** The container's name, e.g. `dev-prometheus`. */
  readonly name: string;
  /** Its name on the monitoring network (the spec name), e.g. `prometheus`; what scrape targets use. */
  readonly alias: string;
  /** The image reference. @default - unknown */
  readonly image?: string;
  /** Networks it joins, by name. */
  readonly networks: readonly string[];
  /** Ports published on the host. */
  readonly published: readonly PublishedPortInfo[];
}

/** A Docker engine and what runs on it. */
export interface DockerHostInfo {
  /** A short id, unique in the environment (`docker`, `agent-app-1`). */
  readonly id: string;
  /** The engine's address (`ssh://deploy@app-1`), or undefined for the local engine. */
  readonly engine?: string;
  /** A name for people, e.g. `app-1`. @default - the local Docker host */
  readonly label?: string;
  readonly containers: readonly ContainerInfo[];
  /** Networks created on this host, by name. */
  readonly createdNetworks: readonly string[];
  /** Config-loader containers: created, never started, they only carry files into config volumes. */
  readonly loaders: number;
}

/** The kinds of managed services the overview draws. */
export type ManagedServiceKind =
  | 'amp-workspace'
  | 'amp-alertmanager'
  | 'amp-scraper'
  | 'sns-topic'
  | 'managed-grafana'
  | 'log-group'
  | 'grafana-api';

/** A service a cloud provider or an existing installation runs, managed through its API. */
export interface ManagedServiceInfo {
  /** Unique in the environment. */
  readonly id: string;
  /** What kind of service it is, e.g. `amp-workspace`. */
  readonly kind: ManagedServiceKind;
  /** Its name for people. */
  readonly title: string;
  /** Details lines (name, region, counts). @default [] */
  readonly details?: readonly string[];
}

/** A Docker engine as one target reports it: the environment gives it its id (`docker`, `docker-2`, or the alias). */
export interface TargetDockerHost {
  /** The name the target gives this engine (its provider alias, e.g. `agent-app-1`). @default - the environment numbers it: `docker`, `docker-2`, ... */
  readonly alias?: string;
  /** The engine's address (`ssh://deploy@app-1`). @default - the local engine */
  readonly engine?: string;
  /** A name for people, e.g. `app-1`. @default - the local Docker host */
  readonly label?: string;
  /** Its long-running containers. */
  readonly containers: readonly ContainerInfo[];
  /** Networks created on this host, by name. */
  readonly createdNetworks: readonly string[];
  /** Config-loader containers: created, never started, they only carry files into config volumes. */
  readonly loaders: number;
}

/** What one target runs, as it reports it for the overview page. */
export interface TargetTopology {
  /** The Docker engines it runs containers on. */
  readonly hosts: readonly TargetDockerHost[];
  /** The managed services it provisions. */
  readonly services: readonly ManagedServiceInfo[];
}

/** Everything the targets run. */
export interface EnvironmentTopology {
  /** Kinds of the targets, in order (`DockerHostTarget`, `AwsManagedTarget`, `GrafanaTarget`). */
  readonly targetKinds: readonly string[];
  readonly hosts: readonly DockerHostInfo[];
  readonly services: readonly ManagedServiceInfo[];
}

/** An environment without targets' details: only the model is drawn. */
export const EMPTY_TOPOLOGY: EnvironmentTopology = { targetKinds: [], hosts: [], services: [] };
