import { CONFIG_ROOT } from '../model/layout';
import { ExporterDeployment } from '../model/exporters';
import { wgetHealthcheck } from './healthchecks';
import { ContainerSpec, ImageFacts, ImageKey } from './spec';

/** quay.io/prometheuscommunity/postgres-exporter at its pinned tag. */
export const POSTGRES_EXPORTER_IMAGE_FACTS: ImageFacts = {
  repository: 'quay.io/prometheuscommunity/postgres-exporter',
  tag: 'v0.20.1',
  source: 'prometheus-community/postgres_exporter tag v0.20.1 (867fbcac, 2026-07-07), Dockerfile: FROM quay.io/prometheus/busybox; COPY postgres_exporter /bin/postgres_exporter; USER nobody; ENTRYPOINT ["/bin/postgres_exporter"]',
  user: { uid: 65534, gid: 65534 },
  entrypoint: ['/bin/postgres_exporter'],
  binaries: ['/bin/postgres_exporter', '/bin/busybox', '/bin/sh', '/bin/wget'],
  ownedPaths: {},
};

/** oliver006/redis_exporter (alpine variant, which has wget) at its pinned tag. */
export const REDIS_EXPORTER_IMAGE_FACTS: ImageFacts = {
  repository: 'oliver006/redis_exporter',
  tag: 'v1.88.0-alpine',
  source: 'oliver006/redis_exporter tag v1.88.0 (16db88a0, 2026-07-23); .github/workflows/release.yml pushes <tag>-alpine; Dockerfile alpine target: FROM alpine:3.24; COPY redis_exporter /redis_exporter; USER 59000:59000; ENTRYPOINT ["/redis_exporter"]',
  user: { uid: 59000, gid: 59000 },
  entrypoint: ['/redis_exporter'],
  binaries: ['/redis_exporter', '/bin/busybox', '/bin/sh', '/usr/bin/wget'],
  ownedPaths: {},
};

/** prom/blackbox-exporter at its pinned tag. */
export const BLACKBOX_EXPORTER_IMAGE_FACTS: ImageFacts = {
  repository: 'prom/blackbox-exporter',
  tag: 'v0.28.0',
  source: 'prometheus/blackbox_exporter tag v0.28.0 (5a059bee, 2025-12-04), the line Debian ships and the end-to-end test runs; Dockerfile: FROM quay.io/prometheus/busybox; COPY blackbox_exporter /bin/blackbox_exporter; no USER (root); ENTRYPOINT ["/bin/blackbox_exporter"]',
  user: { uid: 0, gid: 0 },
  entrypoint: ['/bin/blackbox_exporter'],
  binaries: ['/bin/blackbox_exporter', '/bin/busybox', '/bin/sh', '/bin/wget'],
  ownedPaths: {},
  configFlag: '--config.file',
};

/** The image key of an exporter kind. */
export function exporterImageKey(kind: ExporterDeployment['kind']): ImageKey {
  return kind === 'postgres' ? 'postgresExporter' : kind === 'redis' ? 'redisExporter' : 'blackboxExporter';
}

/** Options of {@link exporterSpec}. */
export interface ExporterSpecOptions {
  readonly deployment: ExporterDeployment;
  readonly image: string;
  readonly memoryMb: number;
}

/**
 * An exporter next to Prometheus, on the monitoring network (alias = its name, its scrape target) and the attached
 * networks where the database or the probed services live. Health checks hit a page that does not query the
 * backend: the landing page of postgres_exporter, redis_exporter's /health, blackbox' /-/healthy. blackbox-exporter's
 * image runs as root; it needs no privilege for HTTP probes, so it runs as nobody.
 */
export function exporterSpec(options: ExporterSpecOptions): ContainerSpec {
  const { deployment } = options;
  const blackbox = deployment.kind === 'blackbox';
  const healthPath = deployment.kind === 'postgres' ? '/' : deployment.kind === 'redis' ? '/health' : '/-/healthy';
  const env = Object.keys(deployment.environment).sort().map((k) => `${k}=${deployment.environment[k]}`);
  return {
    name: deployment.name,
    imageKey: exporterImageKey(deployment.kind),
    image: options.image,
    user: blackbox ? '65534:65534' : undefined,
    command: blackbox
      ? [`--config.file=${CONFIG_ROOT}/blackbox.yml`, `--web.listen-address=:${deployment.port}`]
      : deployment.args.length > 0 ? [...deployment.args] : undefined,
    env: env.length > 0 ? env : undefined,
    ports: [{ port: deployment.port }],
    configComponent: blackbox ? 'blackbox' : deployment.secretFiles.length > 0 ? 'exporters' : undefined,
    hostMounts: [],
    capabilities: [],
    writablePaths: [],
    tmpfs: {},
    healthcheck: wgetHealthcheck(deployment.port, healthPath),
    networks: 'monitoring-and-attached',
    memoryMb: options.memoryMb,
    exceptions: [],
  };
}
