import { CONFIG_ROOT } from '../model/layout';
import { LogHostMount, PROMTAIL_HTTP_PORT } from '../model/logs/containers';
import { LOG_STACK_VERSIONS } from '../model/logs/versions';
import { bashHttpHealthcheck } from './healthchecks';
import { CapabilitySpec, ContainerSpec, ImageFacts } from './spec';

export { PROMTAIL_HTTP_PORT };

/** Alloy's HTTP port (UI, /metrics, /-/ready). */
export const ALLOY_HTTP_PORT = 12345;
/**
 * Alloy's storage (positions of files and containers, WAL). Not /var/lib/alloy: the image creates that owned by
 * 473:473 with mode 0770 but runs as root, and root without capabilities cannot enter it. A fresh volume at a path the
 * image does not have is owned by root, so the agent can write it with every capability dropped.
 */
export const ALLOY_DATA_DIR = '/var/lib/monitoring-alloy';
/** Promtail's state: its positions file. */
export const PROMTAIL_DATA_DIR = '/var/lib/promtail';

/** grafana/alloy at its pinned tag. */
export const ALLOY_IMAGE_FACTS: ImageFacts = {
  repository: 'grafana/alloy',
  tag: `v${LOG_STACK_VERSIONS.alloy}`,
  source: 'tag: v1.21.2 (2026-10-22, grafana/alloy releases). Dockerfile read at v1.18.1 (6012ec4a) and at HEAD 2026-08-21 (only a /var/lib/alloy/supervisor directory added): ubuntu base; useradd --uid 473 alloy; mkdir -p /var/lib/alloy/data; chown -R alloy:alloy /var/lib/alloy; chmod -R 770 /var/lib/alloy; no USER (root); ENTRYPOINT ["/bin/alloy"]',
  user: { uid: 0, gid: 0 },
  entrypoint: ['/bin/alloy'],
  binaries: ['/bin/alloy', '/bin/bash', '/usr/bin/bash', '/usr/bin/head', '/usr/bin/grep'],
  ownedPaths: { '/var/lib/alloy': { uid: 473, gid: 473, mode: 0o770 }, '/var/lib/alloy/data': { uid: 473, gid: 473, mode: 0o770 } },
};

/** grafana/promtail at its pinned tag (end of life). */
export const PROMTAIL_IMAGE_FACTS: ImageFacts = {
  repository: 'grafana/promtail',
  tag: LOG_STACK_VERSIONS.promtail,
  source: 'grafana/loki clients/cmd/promtail/Dockerfile at v3.6.11: debian/ubuntu base with bash; promtail at /usr/bin/promtail; no USER (root); ENTRYPOINT ["/usr/bin/promtail"]',
  user: { uid: 0, gid: 0 },
  entrypoint: ['/usr/bin/promtail'],
  binaries: ['/usr/bin/promtail', '/bin/bash', '/usr/bin/bash', '/usr/bin/head', '/usr/bin/grep'],
  ownedPaths: {},
  configFlag: '-config.file',
  endOfLife: '2026-03-02',
};

/**
 * Root without capabilities cannot read another user's 0640 log files (syslog:adm, nginx's www-data:adm), so an
 * agent with file sources gets CAP_DAC_READ_SEARCH: it may read any file and list any directory, and nothing else.
 */
export const READ_LOG_FILES: CapabilitySpec = {
  name: 'DAC_READ_SEARCH',
  reason: "file log sources: read log files owned by other users (e.g. 0640 syslog:adm) on the host's read-only mounts",
};

/** Options of the log agent specs. */
export interface LogAgentSpecOptions {
  readonly image: string;
  readonly memoryMb: number;
  /** Host mounts the pipeline's sources need (Docker socket, log directories), each with its reason. */
  readonly hostMounts: readonly LogHostMount[];
  /** Whether a source reads files from the host (then the agent may read other users' files). */
  readonly readsFiles: boolean;
}

function agentSpec(kind: 'alloy' | 'promtail', options: LogAgentSpecOptions, command: string[], port: number, healthPath: string, dataDir: string): ContainerSpec {
  return {
    name: kind,
    imageKey: kind,
    image: options.image,
    command,
    ports: [{ port }],
    dataVolume: { path: dataDir, suffix: 'data', preventDestroy: false },
    configComponent: kind,
    hostMounts: options.hostMounts.map((m) => ({ hostPath: m.hostPath, containerPath: m.containerPath, readOnly: m.readOnly, reason: m.reason })),
    capabilities: options.readsFiles ? [READ_LOG_FILES] : [],
    writablePaths: [dataDir, '/tmp'],
    tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
    healthcheck: bashHttpHealthcheck(port, healthPath),
    networks: 'monitoring',
    memoryMb: options.memoryMb,
    exceptions: ["runs as the image's root user, to reach the Docker socket and the mounted log directories"],
  };
}

/** Grafana Alloy: `alloy run`, with its storage on a volume. */
export function alloySpec(options: LogAgentSpecOptions): ContainerSpec {
  return agentSpec(
    'alloy',
    options,
    ['run', `--server.http.listen-addr=0.0.0.0:${ALLOY_HTTP_PORT}`, `--storage.path=${ALLOY_DATA_DIR}`, `${CONFIG_ROOT}/config.alloy`],
    ALLOY_HTTP_PORT,
    '/-/ready',
    ALLOY_DATA_DIR,
  );
}

/**
 * Promtail, for teams that still run it (end of life since 2026-03-02). Its /ready answers 503 until it has a target,
 * so the health check asks /metrics, which answers as soon as the server is up.
 */
export function promtailSpec(options: LogAgentSpecOptions): ContainerSpec {
  return agentSpec('promtail', options, [`-config.file=${CONFIG_ROOT}/config.yml`], PROMTAIL_HTTP_PORT, '/metrics', PROMTAIL_DATA_DIR);
}
