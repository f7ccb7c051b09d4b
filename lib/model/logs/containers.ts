import { coveringDirs, globBaseDir } from './glob';
import { LogPipelineModel } from './pipeline';

/** A host path the agent container needs, with the reason it is an exception to "no host mounts". */
export interface LogHostMount {
  readonly hostPath: string;
  readonly containerPath: string;
  readonly readOnly: boolean;
  /** Why the mount exists, for the code comment / documentation next to it. */
  readonly reason: string;
}

/** The Docker socket: the one host mount a Docker container source needs. */
export const DOCKER_SOCKET_MOUNT: LogHostMount = {
  hostPath: '/var/run/docker.sock',
  containerPath: '/var/run/docker.sock',
  readOnly: true,
  reason:
    'Exception: the log agent lists containers and reads their logs through the Docker API (Alloy discovery.docker and ' +
    'loki.source.docker, Promtail docker_sd_configs). The socket is mounted read-only, but note that read-only does not ' +
    'restrict the API itself: whoever can connect to the socket controls the Docker host. To narrow it, run a Docker API ' +
    'proxy that allows only GET /containers and /containers/{id}/logs and set dockerHost to it (tcp://...).',
};

/** Promtail's HTTP port, written into its config. */
export const PROMTAIL_HTTP_PORT = 9080;
/** Promtail's positions file, written into its config; its directory is the data volume. */
export const PROMTAIL_POSITIONS_FILE = '/var/lib/promtail/positions.yaml';

/**
 * The host mounts the agent needs for a pipeline: the Docker socket when a Docker source talks to it, and each file
 * source's directory, read-only at the same path (so the `filename` label shows the host path).
 */
export function agentHostMounts(pipeline: LogPipelineModel): LogHostMount[] {
  const sockets = new Map<string, LogHostMount>();
  const dirs = new Map<string, string>();
  for (const source of pipeline.sources) {
    if (source.kind === 'docker') {
      if (source.dockerHost.startsWith('unix://')) {
        const socket = source.dockerHost.slice('unix://'.length);
        sockets.set(socket, { ...DOCKER_SOCKET_MOUNT, hostPath: socket, containerPath: socket });
      }
      continue;
    }
    for (const glob of source.paths) {
      const dir = globBaseDir(glob);
      if (!dirs.has(dir)) dirs.set(dir, `Exception: file source "${source.name}" reads ${glob} on the host; its directory is mounted read-only.`);
    }
  }
  const fileMounts = coveringDirs([...dirs.keys()]).map((dir) => ({ hostPath: dir, containerPath: dir, readOnly: true, reason: dirs.get(dir) as string }));
  return [...[...sockets.keys()].sort().map((k) => sockets.get(k) as LogHostMount), ...fileMounts];
}
