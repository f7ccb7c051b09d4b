/**
 * Containers as data: every program the Docker targets run is one plain {@link ContainerSpec}, built by a function in
 * a file of its own next to the {@link ImageFacts} of its pinned image. The Docker target turns specs into
 * kreuzwerker/docker resources, the deploy test applies them to a real engine, and the facts test checks each spec
 * against its image. No IaC engine is imported here.
 */
import { Component } from '../model/layout';

/** A value known now, or only when the environment is complete (resolved at synth). */
export type Deferred<T> = T | (() => T);

/** Resolves a {@link Deferred} value. */
export function resolveDeferred<T>(value: Deferred<T>): T {
  return typeof value === 'function' ? (value as () => T)() : value;
}

/** A Docker healthcheck. Durations are Docker duration strings (`10s`). */
export interface HealthcheckSpec {
  /** `['CMD', program, ...args]`: the program must exist in the image (see {@link ImageFacts.binaries}). */
  readonly test: readonly string[];
  readonly interval: string;
  readonly timeout: string;
  readonly retries: number;
  readonly startPeriod: string;
}

/** A named volume that keeps state across container replacements. */
export interface DataVolumeSpec {
  /** Where the program writes it. */
  readonly path: string;
  /** Volume name suffix after `<env>-<container>-`, e.g. `data`. */
  readonly suffix: string;
  /** True for data worth keeping (TSDB, silences, dashboards' state): `prevent_destroy`. */
  readonly preventDestroy: boolean;
}

/** A bind mount of a host path: always an exception, with its reason. */
export interface HostMountSpec {
  readonly hostPath: string;
  readonly containerPath: string;
  readonly readOnly: boolean;
  /** Mount propagation, e.g. `rslave` for a host root that has submounts. @default - Docker's (rprivate) */
  readonly propagation?: 'rslave' | 'rprivate';
  /** Why the container needs it. */
  readonly reason: string;
}

/**
 * The Docker socket mounted read-only into a container that asks the Docker API (Prometheus' `docker_sd_configs`):
 * an exception, present only when a job discovers containers. The program runs as a non-root user and reads the
 * socket (`root:<docker group> 0660` as dockerd creates it) as a member of the socket's group (`group_add`).
 * Read-only applies to the socket file, not to the API: whoever can connect can call every endpoint, so point
 * `Discovery.docker({ host })` at a read-only Docker API proxy where that matters.
 */
export interface DockerSocketMount {
  /** The socket on the Docker host. */
  readonly hostPath: string;
  /** Where the program finds it (the path of `unix://...` in its config). */
  readonly containerPath: string;
  /** The socket's group id on the host (or a Terraform number reference), joined with `group_add`. */
  readonly groupId: number | string;
  /** Why the container needs it. */
  readonly reason: string;
}

/** A Linux capability added back after `drop ALL`, with its reason. */
export interface CapabilitySpec {
  readonly name: string;
  readonly reason: string;
}

/** A port the program listens on inside the container. */
export interface PortSpec {
  /** The port inside the container. */
  readonly port: number;
  /** Key of the host-port setting that publishes it (`DockerHostPorts`); unset: never published. */
  readonly publishAs?: 'prometheus' | 'alertmanager' | 'grafana' | 'loki';
}

/** One program run as a container. */
export interface ContainerSpec {
  /** Container name within its environment (`<env>-<name>`) and its alias on the monitoring network. */
  readonly name: string;
  /** The key of its image in the image overrides and in {@link IMAGE_FACTS}. */
  readonly imageKey: ImageKey;
  /** The pinned image reference. */
  readonly image: string;
  /**
   * `uid:gid` the program runs as; unset keeps the image's user (see its facts). Set where the image's user is root
   * and the program does not need it.
   */
  readonly user?: string;
  /** Arguments after the image's entrypoint. */
  readonly command?: Deferred<readonly string[]>;
  /** Environment variables (never secrets: those are files). */
  readonly env?: readonly string[];
  /** The port it serves HTTP on (health, metrics, API). */
  readonly ports: readonly PortSpec[];
  /** State that survives replacement. */
  readonly dataVolume?: DataVolumeSpec;
  /**
   * The component whose rendered files (and secret files) it reads, mounted read-only at `CONFIG_ROOT` from a volume
   * named after a hash of the files. Unset: the container reads no rendered file.
   */
  readonly configComponent?: Component;
  /** Host bind mounts, each an exception with its reason. */
  readonly hostMounts: readonly HostMountSpec[];
  /** The Docker socket, when the program discovers containers (resolved at synth). @default - none */
  readonly dockerSocket?: Deferred<DockerSocketMount | undefined>;
  /** Capabilities added back after `drop ALL`, each with its reason. */
  readonly capabilities: readonly CapabilitySpec[];
  /** Paths the program writes: each must be a data volume or a tmpfs (the root filesystem is read-only). */
  readonly writablePaths: readonly string[];
  /** tmpfs mounts: path → mount options. */
  readonly tmpfs: Readonly<Record<string, string>>;
  readonly healthcheck: HealthcheckSpec;
  /** Which networks it joins: the monitoring network only, or also the networks the user attaches. */
  readonly networks: 'monitoring' | 'monitoring-and-attached';
  /** Memory limit in MiB. */
  readonly memoryMb: number;
  /** Exceptions to the hardening defaults not covered by host mounts and capabilities, each with its reason. */
  readonly exceptions: readonly string[];
}

/** The images the Docker targets run, by key (the keys of `DockerHostTargetProps.images`). */
export type ImageKey =
  | 'prometheus'
  | 'alertmanager'
  | 'grafana'
  | 'nodeExporter'
  | 'cadvisor'
  | 'postgresExporter'
  | 'redisExporter'
  | 'blackboxExporter'
  | 'loki'
  | 'alloy'
  | 'promtail';

/** A path the image creates, with its owner and mode: what a fresh volume mounted there starts with. */
export interface OwnedPath {
  readonly uid: number;
  readonly gid: number;
  /** Octal mode, e.g. `0o755`. */
  readonly mode: number;
}

/**
 * What an image at its pinned tag is, taken from its Dockerfile or build source (cited in `source`). Specs are
 * checked against these facts: the user can write every writable path, the healthcheck program exists, the config
 * is where the program reads it.
 */
export interface ImageFacts {
  /** Repository without tag. */
  readonly repository: string;
  /** The pinned tag. */
  readonly tag: string;
  /** Where each fact comes from (repository, path, tag). */
  readonly source: string;
  /** The user the image runs as. */
  readonly user: { readonly uid: number; readonly gid: number };
  /** The image's entrypoint. */
  readonly entrypoint: readonly string[];
  /** Programs on the image's PATH, by absolute path (the healthcheck's program must be one). */
  readonly binaries: readonly string[];
  /** Directories the image creates with their owner and mode (copied into a fresh volume mounted there). */
  readonly ownedPaths: Readonly<Record<string, OwnedPath>>;
  /** The flag (or environment variable) that tells the program where its config is. */
  readonly configFlag?: string;
  /** When the project marks the program end of life. */
  readonly endOfLife?: string;
}

/** The default `PATH` lookup: `/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`. */
export const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Where a program named in a healthcheck resolves in an image, or undefined when it is not there. */
export function resolveProgram(program: string, facts: ImageFacts): string | undefined {
  if (program.startsWith('/')) return facts.binaries.includes(program) ? program : undefined;
  return DEFAULT_PATH.map((dir) => `${dir}/${program}`).find((p) => facts.binaries.includes(p));
}
