import { isIP } from 'net';
import { Token } from 'cdktf';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DEFAULT_IMAGES, DEFAULT_MEMORY_MB, IMAGE_KEYS, isPinned } from '../../containers/images';
import { ImageKey } from '../../containers/spec';
import { invalid } from '../../model/errors';
import { checkPrometheus3Image } from '../../model/image-lines';
import { checkDockerSocketAccess, DockerSocketAccess } from './docker-discovery';

/** Host ports the UIs and APIs are published on. `false` publishes nothing. */
export interface DockerHostPorts {
  /** Loki's port on the host (when a LogPipeline exists). @default 3100 */
  readonly loki?: number | false;
  /** Prometheus' port on the host. @default 9090 */
  readonly prometheus?: number | false;
  /** Alertmanager's port on the host. @default 9093 */
  readonly alertmanager?: number | false;
  /** Grafana's port on the host. @default 3000 */
  readonly grafana?: number | false;
}

/**
 * The scrape jobs a Docker host adds on its own, by job name. `false` leaves a job out of prometheus.yml (the
 * container still runs). A ServiceScrape with the same job name (e.g. a `prometheus` job imported from your
 * prometheus.yml) replaces the built-in one without this; a warning at synth says so.
 */
export interface DockerHostBuiltInJobs {
  /** Job `prometheus`: Prometheus scraping itself (`localhost:9090`). @default true */
  readonly prometheus?: boolean;
  /** Job `alertmanager` (`alertmanager:9093`). @default true */
  readonly alertmanager?: boolean;
  /** Job `grafana` (`grafana:3000`), when Grafana runs on the host. @default true */
  readonly grafana?: boolean;
  /** Job `node` (`node-exporter:9100`), when node-exporter runs. @default true */
  readonly node?: boolean;
  /** Job `cadvisor` (`cadvisor:8080`), when cAdvisor runs. @default true */
  readonly cadvisor?: boolean;
  /** Job `loki`, when a LogPipeline runs Loki. @default true */
  readonly loki?: boolean;
  /** Job `alloy` or `promtail` (the log agent), when a LogPipeline runs one. @default true */
  readonly logAgent?: boolean;
}

/** The keys of {@link DockerHostBuiltInJobs}. */
export const BUILT_IN_JOB_KEYS = ['prometheus', 'alertmanager', 'grafana', 'node', 'cadvisor', 'loki', 'logAgent'] as const;

/** Props of {@link DockerHostTarget}. */
export interface DockerHostTargetProps {
  /**
   * Docker networks Prometheus joins so it reaches your services by name (e.g. `api:8000`); Alertmanager and the
   * exporters join them too, to reach webhook receivers, databases and probed endpoints. A name, a network's name
   * reference, or a `Network` of the same stack (the containers are then created after it).
   * @default []
   */
  readonly attachNetworks?: readonly (string | Network)[];
  /**
   * Host address ports are published on: an IPv4 or IPv6 address. Keep loopback and put a reverse proxy with TLS in
   * front to open them.
   * @default "127.0.0.1"
   */
  readonly bindAddress?: string;
  /** Host ports. @default - Prometheus 9090, Alertmanager 9093, Grafana 3000, Loki 3100 */
  readonly hostPorts?: DockerHostPorts;
  /** Image overrides (pinned tags or digests only), by component. @default - DEFAULT_IMAGES */
  readonly images?: Partial<Record<ImageKey, string>>;
  /** Memory limits in MiB, by component. @default - DEFAULT_MEMORY_MB */
  readonly memoryMb?: Partial<Record<ImageKey, number>>;
  /**
   * Run Grafana on the host. Turn it off when dashboards live in an existing Grafana (`GrafanaTarget`).
   * @default true
   */
  readonly grafana?: boolean;
  /**
   * Grafana-managed alerting: Grafana evaluates the environment's alerting rules (provisioned from files, converted
   * like Grafana's own importer does) and sends them to the environment's Alertmanager, so routing stays in
   * alertmanager.yml. Prometheus keeps evaluating the rules for its UI and recording rules, but sends no alerts.
   * @default false (Prometheus evaluates and sends alerts)
   */
  readonly grafanaManagedAlerts?: boolean;
  /**
   * Memory limits of the log containers in MiB (same as `memoryMb.loki` and `memoryMb.alloy`/`promtail`).
   * @default - Loki 1024, agent 256
   */
  readonly logMemoryMb?: { readonly loki?: number; readonly agent?: number };
  /** Run node-exporter for host metrics. @default true */
  readonly nodeExporter?: boolean;
  /** Run cAdvisor for container metrics. @default true */
  readonly cadvisor?: boolean;
  /**
   * Turns built-in scrape jobs off, e.g. `{ node: false }` when your own job scrapes node-exporter under another name.
   * @default - every built-in job of a component that runs
   */
  readonly builtInJobs?: DockerHostBuiltInJobs;
  /**
   * The Docker socket, for ServiceScrapes with `Discovery.docker()`: it is mounted read-only into Prometheus (an
   * exception, only when such a job exists), which joins the socket's group to open it.
   * @default - no socket; required (its groupId) once a job discovers containers through a unix:// socket
   */
  readonly dockerSocket?: DockerSocketAccess;
  /** The Docker provider to use. @default - the stack's existing DockerProvider, else a new one for the local Docker socket */
  readonly provider?: DockerProvider;
}

/** Validated settings of a Docker host. */
export interface DockerHostSettings {
  readonly images: Readonly<Record<ImageKey, string>>;
  readonly memory: Readonly<Record<ImageKey, number>>;
  readonly bindAddress: string;
}

const WHERE = 'DockerHostTarget';

/** Checks the props a DockerHostTarget is given, and returns the images and memory limits with defaults filled in. */
export function validateDockerHostProps(props: DockerHostTargetProps): DockerHostSettings {
  for (const key of Object.keys(props.images ?? {})) {
    if (!(IMAGE_KEYS as readonly string[]).includes(key)) throw invalid(WHERE, 'images', key, `a component of ${IMAGE_KEYS.join(', ')}`);
  }
  for (const key of Object.keys(props.memoryMb ?? {})) {
    if (!(IMAGE_KEYS as readonly string[]).includes(key)) throw invalid(WHERE, 'memoryMb', key, `a component of ${IMAGE_KEYS.join(', ')}`);
  }
  const images = { ...DEFAULT_IMAGES, ...(props.images ?? {}) };
  for (const [component, image] of Object.entries(images)) {
    if (typeof image !== 'string' || !isPinned(image)) {
      throw invalid(WHERE, `images.${component}`, image, 'a pinned image: a tag other than "latest" (e.g. "prom/prometheus:v3.13.3") or a @sha256 digest');
    }
    if (component === 'prometheus') checkPrometheus3Image(image, WHERE, 'images.prometheus');
  }
  const memory = {
    ...DEFAULT_MEMORY_MB,
    ...(props.logMemoryMb?.loki !== undefined ? { loki: props.logMemoryMb.loki } : {}),
    ...(props.logMemoryMb?.agent !== undefined ? { alloy: props.logMemoryMb.agent, promtail: props.logMemoryMb.agent } : {}),
    ...(props.memoryMb ?? {}),
  };
  for (const [component, mb] of Object.entries(memory)) {
    if (!Number.isInteger(mb) || mb < 16) throw invalid(WHERE, `memoryMb.${component}`, mb, 'a whole number of MiB ≥ 16');
  }
  const bindAddress = props.bindAddress ?? '127.0.0.1';
  if (typeof bindAddress !== 'string' || isIP(bindAddress) === 0) {
    throw invalid(WHERE, 'bindAddress', bindAddress, 'an IP address such as "127.0.0.1" (IPv4 or IPv6; not a host name)');
  }
  for (const [component, port] of Object.entries(props.hostPorts ?? {})) {
    if (port !== false && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      throw invalid(WHERE, `hostPorts.${component}`, port, 'a port between 1 and 65535, or false');
    }
  }
  if (props.grafanaManagedAlerts && props.grafana === false) {
    throw invalid(WHERE, 'grafanaManagedAlerts', true, 'a Grafana on the host (grafana: true) to evaluate the rules, or a GrafanaTarget with manage.alertRules for an existing Grafana');
  }
  if (props.builtInJobs !== undefined) {
    if (props.builtInJobs === null || typeof props.builtInJobs !== 'object' || Array.isArray(props.builtInJobs)) {
      throw invalid(WHERE, 'builtInJobs', props.builtInJobs, `an object such as { node: false } with keys ${BUILT_IN_JOB_KEYS.join(', ')}`);
    }
    for (const [key, value] of Object.entries(props.builtInJobs)) {
      if (!(BUILT_IN_JOB_KEYS as readonly string[]).includes(key)) throw invalid(WHERE, 'builtInJobs', key, `one of ${BUILT_IN_JOB_KEYS.join(', ')}`);
      if (typeof value !== 'boolean') throw invalid(WHERE, `builtInJobs.${key}`, value, 'true or false');
    }
  }
  checkDockerSocketAccess(props.dockerSocket);
  (props.attachNetworks ?? []).forEach((network, i) => {
    if (network instanceof Network) return;
    if (typeof network === 'string' && Token.isUnresolved(network)) return;
    if (typeof network !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(network)) {
      throw invalid(WHERE, `attachNetworks[${i}]`, network, 'the name of a Docker network, its name reference, or a docker Network');
    }
  });
  return { images, memory, bindAddress };
}
