import { ContainerConfig } from '@cdktf/provider-docker/lib/container';
import { httpHealthcheck } from './hardening';

/** node-exporter's port. */
export const NODE_EXPORTER_PORT = 9100;

/**
 * The node-exporter settings every Docker host uses (the monitoring host and each Prometheus agent host).
 * Exception: node-exporter reads the host's /proc, /sys and root filesystem through read-only bind mounts; that is
 * what it measures. It stays off the host network, so its network metrics are those of its own container.
 */
export function nodeExporterSettings(): Pick<ContainerConfig, 'command' | 'volumes' | 'healthcheck'> {
  return {
    command: [
      '--path.procfs=/host/proc',
      '--path.sysfs=/host/sys',
      '--path.rootfs=/host/root',
      '--collector.filesystem.mount-points-exclude=^/(dev|proc|sys|run|var/lib/docker/.+)($|/)',
    ],
    volumes: [
      { hostPath: '/proc', containerPath: '/host/proc', readOnly: true },
      { hostPath: '/sys', containerPath: '/host/sys', readOnly: true },
      { hostPath: '/', containerPath: '/host/root', readOnly: true },
    ],
    healthcheck: httpHealthcheck(`http://127.0.0.1:${NODE_EXPORTER_PORT}/metrics`),
  };
}
