import { wgetHealthcheck } from './healthchecks';
import { ContainerSpec, ImageFacts } from './spec';

/** cAdvisor's HTTP port. */
export const CADVISOR_PORT = 8080;

/** ghcr.io/google/cadvisor at its pinned tag. */
export const CADVISOR_IMAGE_FACTS: ImageFacts = {
  repository: 'ghcr.io/google/cadvisor',
  tag: 'v0.60.5',
  source: 'google/cadvisor tag v0.60.5 (44b8e306, 2026-07-11); .github/workflows/publish-container.yml pushes ghcr.io/google/cadvisor with v-prefixed semver tags; deploy/Dockerfile: alpine 3.23 base; /usr/bin/cadvisor; ENTRYPOINT ["/usr/bin/entrypoint.sh"] = exec cadvisor -logtostderr "$@"; no USER (root); HEALTHCHECK wget --spider http://localhost:8080/healthz',
  user: { uid: 0, gid: 0 },
  entrypoint: ['/usr/bin/entrypoint.sh'],
  binaries: ['/usr/bin/cadvisor', '/usr/bin/entrypoint.sh', '/usr/bin/healthcheck.sh', '/bin/busybox', '/bin/sh', '/usr/bin/wget'],
  ownedPaths: {},
};

/** Options of {@link cadvisorSpec}. */
export interface CadvisorSpecOptions {
  readonly image: string;
  readonly memoryMb: number;
}

/**
 * cAdvisor for per-container metrics. Exceptions: it reads Docker's state and the host's cgroups through read-only
 * bind mounts, and runs as the image's root user because those directories are root-owned. Every capability stays
 * dropped.
 */
export function cadvisorSpec(options: CadvisorSpecOptions): ContainerSpec {
  return {
    name: 'cadvisor',
    imageKey: 'cadvisor',
    image: options.image,
    command: ['--docker_only=true', '--housekeeping_interval=30s', '--store_container_labels=false'],
    ports: [{ port: CADVISOR_PORT }],
    hostMounts: [
      { hostPath: '/', containerPath: '/rootfs', readOnly: true, reason: "the host's filesystems, for container filesystem usage" },
      { hostPath: '/var/run', containerPath: '/var/run', readOnly: true, reason: 'the Docker socket, to name containers' },
      { hostPath: '/sys', containerPath: '/sys', readOnly: true, reason: "the host's cgroups: every container's CPU, memory and I/O" },
      { hostPath: '/var/lib/docker', containerPath: '/var/lib/docker', readOnly: true, reason: "Docker's container state and layers" },
      { hostPath: '/dev/disk', containerPath: '/dev/disk', readOnly: true, reason: 'disk identities for per-device I/O' },
    ],
    capabilities: [],
    writablePaths: [],
    tmpfs: {},
    healthcheck: wgetHealthcheck(CADVISOR_PORT, '/healthz'),
    networks: 'monitoring',
    memoryMb: options.memoryMb,
    exceptions: ["runs as the image's root user: Docker's state and the cgroup hierarchy are root-owned"],
  };
}
