import { CONFIG_ROOT } from '../model/layout';
import { wgetHealthcheck } from './healthchecks';
import { ContainerSpec, ImageFacts } from './spec';

/** Alertmanager's HTTP port. */
export const ALERTMANAGER_PORT = 9093;
/** Where Alertmanager keeps silences and the notification log (the image's WORKDIR, owned by nobody). */
export const ALERTMANAGER_DATA_DIR = '/alertmanager';

/** prom/alertmanager at its pinned tag. */
export const ALERTMANAGER_IMAGE_FACTS: ImageFacts = {
  repository: 'prom/alertmanager',
  tag: 'v0.35.1',
  source: 'tag: v0.35.1 (2026-11-24, pkg.go.dev module versions of github.com/prometheus/alertmanager). Dockerfile read at v0.34.0 (085f0ef7): FROM quay.io/prometheus/busybox; COPY amtool, alertmanager to /bin; mkdir -p /alertmanager; chown -R nobody:nobody /etc/alertmanager /alertmanager; chmod -R g+w /alertmanager; USER nobody; WORKDIR /alertmanager; ENTRYPOINT ["/bin/alertmanager"]',
  user: { uid: 65534, gid: 65534 },
  entrypoint: ['/bin/alertmanager'],
  binaries: ['/bin/alertmanager', '/bin/amtool', '/bin/busybox', '/bin/sh', '/bin/wget'],
  ownedPaths: { '/alertmanager': { uid: 65534, gid: 65534, mode: 0o775 }, '/etc/alertmanager': { uid: 65534, gid: 65534, mode: 0o755 } },
  configFlag: '--config.file',
};

/** Options of {@link alertmanagerSpec}. */
export interface AlertmanagerSpecOptions {
  readonly image: string;
  readonly memoryMb: number;
}

/**
 * A single Alertmanager: silences and the notification log on a data volume with `prevent_destroy`; the gossip
 * cluster listener is off (one instance). It joins the attached networks, where webhook receivers often live.
 */
export function alertmanagerSpec(options: AlertmanagerSpecOptions): ContainerSpec {
  return {
    name: 'alertmanager',
    imageKey: 'alertmanager',
    image: options.image,
    command: [
      `--config.file=${CONFIG_ROOT}/alertmanager.yml`,
      `--storage.path=${ALERTMANAGER_DATA_DIR}`,
      `--web.listen-address=:${ALERTMANAGER_PORT}`,
      '--cluster.listen-address=',
    ],
    ports: [{ port: ALERTMANAGER_PORT, publishAs: 'alertmanager' }],
    dataVolume: { path: ALERTMANAGER_DATA_DIR, suffix: 'data', preventDestroy: true },
    configComponent: 'alertmanager',
    hostMounts: [],
    capabilities: [],
    writablePaths: [ALERTMANAGER_DATA_DIR],
    tmpfs: {},
    healthcheck: wgetHealthcheck(ALERTMANAGER_PORT, '/-/healthy'),
    networks: 'monitoring-and-attached',
    memoryMb: options.memoryMb,
    exceptions: [],
  };
}
