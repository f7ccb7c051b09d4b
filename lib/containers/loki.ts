import { CONFIG_ROOT } from '../model/layout';
import { LokiSettingsModel } from '../model/logs/loki-settings';
import { LOG_STACK_VERSIONS } from '../model/logs/versions';
import { commandHealthcheck } from './healthchecks';
import { ContainerSpec, ImageFacts } from './spec';

/** grafana/loki at its pinned tag. */
export const LOKI_IMAGE_FACTS: ImageFacts = {
  repository: 'grafana/loki',
  tag: LOG_STACK_VERSIONS.loki,
  source: 'tag: 3.7.8 (grafana/loki v3.7.8 release notes); cmd/loki/Dockerfile read at v3.7.6 (5003600d), unchanged within the 3.7 line: distroless static base; loki at /usr/bin/loki; mkdir /loki owned 10001:10001; USER 10001; ENTRYPOINT ["/usr/bin/loki"]',
  user: { uid: 10001, gid: 10001 },
  entrypoint: ['/usr/bin/loki'],
  binaries: ['/usr/bin/loki'],
  ownedPaths: { '/loki': { uid: 10001, gid: 10001, mode: 0o755 } },
  configFlag: '-config.file',
};

/** Options of {@link lokiSpec}. */
export interface LokiSpecOptions {
  readonly image: string;
  readonly memoryMb: number;
  readonly settings: LokiSettingsModel;
}

/**
 * Loki as a single binary: chunks and index on a data volume with `prevent_destroy`, its config (and LogQL rule
 * files) read-only from the config volume. The image is distroless, so the health check is `loki -health`.
 */
export function lokiSpec(options: LokiSpecOptions): ContainerSpec {
  const { settings } = options;
  return {
    name: 'loki',
    imageKey: 'loki',
    image: options.image,
    command: [`-config.file=${CONFIG_ROOT}/loki.yaml`],
    ports: [{ port: settings.httpPort, publishAs: 'loki' }],
    dataVolume: { path: settings.dataDir, suffix: 'data', preventDestroy: true },
    configComponent: 'loki',
    hostMounts: [],
    capabilities: [],
    writablePaths: [settings.dataDir, '/tmp'],
    tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
    healthcheck: commandHealthcheck(['/usr/bin/loki', '-health', `-health.url=http://127.0.0.1:${settings.httpPort}/ready`]),
    networks: 'monitoring',
    memoryMb: options.memoryMb,
    exceptions: [],
  };
}
