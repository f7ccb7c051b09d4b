import { coveringDirs, globBaseDir } from './glob';
import { LokiSettingsModel } from './loki-settings';
import { LogPipelineModel } from './pipeline';
import { LOG_STACK_IMAGES } from './versions';

/** A host path the agent container needs, with the reason it is an exception to "no host mounts". */
export interface LogHostMount {
  readonly hostPath: string;
  readonly containerPath: string;
  readonly readOnly: boolean;
  /** Why the mount exists, for the code comment / documentation next to it. */
  readonly reason: string;
}

/** What a Docker target needs to run one of the log containers. */
export interface LogContainerSpec {
  /** Pinned image. */
  readonly image: string;
  /** Arguments after the image's entrypoint. */
  readonly command: readonly string[];
  /** Where the rendered config file is mounted (read-only). */
  readonly configPath: string;
  /** Directory for state that must survive restarts: mount a named volume here. */
  readonly dataPath: string;
  /** The HTTP port inside the container (publish on 127.0.0.1 only, if at all). */
  readonly httpPort: number;
  /** Docker healthcheck `test`, for images without curl or wget. */
  readonly healthcheck: readonly string[];
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

/** Loki 3.7 in its distroless image (user 10001); `loki -health` polls /ready. */
export function lokiContainer(settings: LokiSettingsModel): LogContainerSpec {
  return {
    image: LOG_STACK_IMAGES.loki,
    command: ['-config.file=/etc/loki/loki.yaml'],
    configPath: '/etc/loki/loki.yaml',
    dataPath: settings.dataDir,
    httpPort: settings.httpPort,
    healthcheck: ['CMD', '/usr/bin/loki', '-health', `-health.url=http://127.0.0.1:${settings.httpPort}/ready`],
  };
}

/** Probe an HTTP path with bash's /dev/tcp: the Alloy and Promtail images (Ubuntu) have bash but neither curl nor wget. */
function bashProbe(port: number, path: string): string[] {
  return [
    'CMD',
    'bash',
    '-c',
    `exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET ${path} HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '`,
  ];
}

/** Alloy's HTTP port (UI, /metrics, /-/ready). */
export const ALLOY_HTTP_PORT = 12345;

/** Grafana Alloy: `alloy run`, with its storage (positions of files and containers) on a volume. */
export function alloyContainer(): LogContainerSpec {
  return {
    image: LOG_STACK_IMAGES.alloy,
    command: ['run', `--server.http.listen-addr=0.0.0.0:${ALLOY_HTTP_PORT}`, '--storage.path=/var/lib/alloy/data', '/etc/alloy/config.alloy'],
    configPath: '/etc/alloy/config.alloy',
    dataPath: '/var/lib/alloy/data',
    httpPort: ALLOY_HTTP_PORT,
    healthcheck: bashProbe(ALLOY_HTTP_PORT, '/-/ready'),
  };
}

/** Promtail's HTTP port, written into its config. */
export const PROMTAIL_HTTP_PORT = 9080;
/** Promtail's positions file, written into its config; its directory is the data volume. */
export const PROMTAIL_POSITIONS_FILE = '/var/lib/promtail/positions.yaml';

/** Promtail (end of life since March 2026), for teams that still run it. */
export function promtailContainer(): LogContainerSpec {
  return {
    image: LOG_STACK_IMAGES.promtail,
    command: ['-config.file=/etc/promtail/config.yml'],
    configPath: '/etc/promtail/config.yml',
    dataPath: '/var/lib/promtail',
    httpPort: PROMTAIL_HTTP_PORT,
    healthcheck: bashProbe(PROMTAIL_HTTP_PORT, '/ready'),
  };
}

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
