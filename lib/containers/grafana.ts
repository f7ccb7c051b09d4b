import { CONFIG_ROOT } from '../model/layout';
import { wgetHealthcheck } from './healthchecks';
import { ContainerSpec, ImageFacts } from './spec';

/** Grafana's HTTP port. */
export const GRAFANA_PORT = 3000;
/** Grafana's data directory (sqlite database, plugins): the image's GF_PATHS_DATA. */
export const GRAFANA_DATA_DIR = '/var/lib/grafana';

/** grafana/grafana at its pinned tag. */
export const GRAFANA_IMAGE_FACTS: ImageFacts = {
  repository: 'grafana/grafana',
  tag: '13.3.2',
  source: 'tag: 13.3.2 (2026-11; seen in registry-driven bumps, e.g. dockette/grafana release 2026.11.28, and 13.2.0 in renovate PRs; upstream repo too large to fetch here). Dockerfile (upstream multi-target, read from 2026 forks; the default tag is the alpine target): alpine base with wget; GF_PATHS_DATA=/var/lib/grafana, GF_PATHS_PROVISIONING=/etc/grafana/provisioning; GF_UID=472, GF_GID=0; mkdir and chown -R grafana:root, chmod -R 777 the data, logs and plugins paths; USER 472; ENTRYPOINT ["/run.sh"]',
  user: { uid: 472, gid: 0 },
  entrypoint: ['/run.sh'],
  binaries: ['/run.sh', '/usr/share/grafana/bin/grafana', '/bin/busybox', '/bin/sh', '/usr/bin/wget'],
  ownedPaths: {
    '/var/lib/grafana': { uid: 472, gid: 0, mode: 0o777 },
    '/var/log/grafana': { uid: 472, gid: 0, mode: 0o777 },
    '/etc/grafana/provisioning': { uid: 472, gid: 0, mode: 0o777 },
  },
  configFlag: 'GF_PATHS_PROVISIONING',
};

/** Options of {@link grafanaSpec}. */
export interface GrafanaSpecOptions {
  readonly image: string;
  readonly memoryMb: number;
  /** The admin user's name. */
  readonly adminUser: string;
  /** The file the admin password is read from. */
  readonly adminPasswordFile: string;
}

/**
 * Grafana with its admin password from a file, sign-up, anonymous access, Gravatar and phoning home off, and
 * provisioning (data sources, dashboards, alerting) read from the config volume.
 */
export function grafanaSpec(options: GrafanaSpecOptions): ContainerSpec {
  return {
    name: 'grafana',
    imageKey: 'grafana',
    image: options.image,
    env: [
      `GF_SECURITY_ADMIN_USER=${options.adminUser}`,
      `GF_SECURITY_ADMIN_PASSWORD__FILE=${options.adminPasswordFile}`,
      'GF_USERS_ALLOW_SIGN_UP=false',
      'GF_AUTH_ANONYMOUS_ENABLED=false',
      'GF_SECURITY_DISABLE_GRAVATAR=true',
      'GF_ANALYTICS_REPORTING_ENABLED=false',
      'GF_ANALYTICS_CHECK_FOR_UPDATES=false',
      `GF_PATHS_PROVISIONING=${CONFIG_ROOT}/provisioning`,
      // Log to the console only: the root filesystem is read-only, and Docker keeps (and rotates) the logs.
      'GF_LOG_MODE=console',
    ],
    ports: [{ port: GRAFANA_PORT, publishAs: 'grafana' }],
    dataVolume: { path: GRAFANA_DATA_DIR, suffix: 'data', preventDestroy: true },
    configComponent: 'grafana',
    hostMounts: [],
    capabilities: [],
    writablePaths: [GRAFANA_DATA_DIR, '/tmp'],
    tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
    healthcheck: wgetHealthcheck(GRAFANA_PORT, '/api/health'),
    networks: 'monitoring',
    memoryMb: options.memoryMb,
    exceptions: [],
  };
}
