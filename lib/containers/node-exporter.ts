import { wgetHealthcheck } from './healthchecks';
import { ContainerSpec, ImageFacts } from './spec';

/** node-exporter's port. */
export const NODE_EXPORTER_PORT = 9100;

/** prom/node-exporter at its pinned tag. */
export const NODE_EXPORTER_IMAGE_FACTS: ImageFacts = {
  repository: 'prom/node-exporter',
  tag: 'v1.12.1',
  source: 'prometheus/node_exporter tag v1.12.1 (6044da78, 2026-07-14), Dockerfile: FROM quay.io/prometheus/busybox; COPY node_exporter /bin/node_exporter; USER nobody; ENTRYPOINT ["/bin/node_exporter"]',
  user: { uid: 65534, gid: 65534 },
  entrypoint: ['/bin/node_exporter'],
  binaries: ['/bin/node_exporter', '/bin/busybox', '/bin/sh', '/bin/wget'],
  ownedPaths: {},
};

/** Options of {@link nodeExporterSpec}. */
export interface NodeExporterSpecOptions {
  readonly image: string;
  readonly memoryMb: number;
}

/**
 * node-exporter for the host's metrics. Exception: it reads the host's /proc, /sys and root filesystem through
 * read-only bind mounts, which is what it measures; the root is mounted `rslave` so filesystems the host mounts later
 * (and their free space) are seen too, as node_exporter's README recommends. It stays off the host network, so its
 * network metrics are those of its own container. Its health check fetches the landing page, not /metrics.
 */
export function nodeExporterSpec(options: NodeExporterSpecOptions): ContainerSpec {
  return {
    name: 'node-exporter',
    imageKey: 'nodeExporter',
    image: options.image,
    command: [
      '--path.procfs=/host/proc',
      '--path.sysfs=/host/sys',
      '--path.rootfs=/host/root',
      '--collector.filesystem.mount-points-exclude=^/(dev|proc|sys|run|var/lib/docker/.+)($|/)',
    ],
    ports: [{ port: NODE_EXPORTER_PORT }],
    hostMounts: [
      { hostPath: '/proc', containerPath: '/host/proc', readOnly: true, reason: 'host process and kernel statistics (node_exporter --path.procfs)' },
      { hostPath: '/sys', containerPath: '/host/sys', readOnly: true, reason: 'host devices, hardware sensors and cgroups (node_exporter --path.sysfs)' },
      { hostPath: '/', containerPath: '/host/root', readOnly: true, propagation: 'rslave', reason: 'host filesystems and their usage (node_exporter --path.rootfs)' },
    ],
    capabilities: [],
    writablePaths: [],
    tmpfs: {},
    healthcheck: wgetHealthcheck(NODE_EXPORTER_PORT, '/'),
    networks: 'monitoring',
    memoryMb: options.memoryMb,
    exceptions: [],
  };
}
