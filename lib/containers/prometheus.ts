import { wgetHealthcheck } from './healthchecks';
import { ContainerSpec, Deferred, DockerSocketMount, ImageFacts } from './spec';

/** Prometheus' HTTP port (UI, API, /metrics). */
export const PROMETHEUS_PORT = 9090;
/** Where Prometheus keeps its TSDB (the image's WORKDIR, owned by nobody). */
export const PROMETHEUS_DATA_DIR = '/prometheus';

/** prom/prometheus at its pinned tag. */
export const PROMETHEUS_IMAGE_FACTS: ImageFacts = {
  repository: 'prom/prometheus',
  tag: 'v3.13.3',
  source: 'tag: github.com/prometheus/prometheus/releases v3.13.3 (2026-09-07), the current LTS line (prometheus/docs docs/introduction/release-cycle.md: 3.13 supported to 2027-07-31). Dockerfile read at v3.13.2 (bb5dff00): FROM quay.io/prometheus/busybox; COPY prometheus, promtool to /bin; chown -R nobody:nobody /etc/prometheus /prometheus; chmod g+w /prometheus; USER nobody; WORKDIR /prometheus; ENTRYPOINT ["/bin/prometheus"]',
  user: { uid: 65534, gid: 65534 },
  entrypoint: ['/bin/prometheus'],
  binaries: ['/bin/prometheus', '/bin/promtool', '/bin/busybox', '/bin/sh', '/bin/wget'],
  ownedPaths: { '/prometheus': { uid: 65534, gid: 65534, mode: 0o775 }, '/etc/prometheus': { uid: 65534, gid: 65534, mode: 0o755 } },
  configFlag: '--config.file',
};

/** Options of {@link prometheusSpec}. */
export interface PrometheusSpecOptions {
  readonly image: string;
  readonly memoryMb: number;
  /** Command-line flags (rendered from the environment at synth). */
  readonly flags: Deferred<readonly string[]>;
  /** The Docker socket, for `docker_sd_configs` jobs (resolved at synth). @default - none */
  readonly dockerSocket?: Deferred<DockerSocketMount | undefined>;
}

/**
 * The environment's Prometheus server: scrapes every job, evaluates the rules, sends alerts to Alertmanager. Its
 * TSDB lives on a data volume with `prevent_destroy`; it joins the attached networks to reach the services.
 */
export function prometheusSpec(options: PrometheusSpecOptions): ContainerSpec {
  return {
    name: 'prometheus',
    imageKey: 'prometheus',
    image: options.image,
    command: options.flags,
    ports: [{ port: PROMETHEUS_PORT, publishAs: 'prometheus' }],
    dataVolume: { path: PROMETHEUS_DATA_DIR, suffix: 'data', preventDestroy: true },
    configComponent: 'prometheus',
    hostMounts: [],
    dockerSocket: options.dockerSocket,
    capabilities: [],
    writablePaths: [PROMETHEUS_DATA_DIR],
    tmpfs: {},
    healthcheck: wgetHealthcheck(PROMETHEUS_PORT, '/-/healthy'),
    networks: 'monitoring-and-attached',
    memoryMb: options.memoryMb,
    exceptions: [],
  };
}
