import { Token } from 'cdktf';
import { DockerSocketMount } from '../../containers/spec';
import { invalid } from '../../model/errors';
import { CONFIG_ROOT } from '../../model/layout';
import { ScrapeJobModel } from '../../model/scrape';

/** Where the Docker host's Prometheus finds the Docker socket: `DockerHostTargetProps.dockerSocket`. */
export interface DockerSocketAccess {
  /**
   * The group id that owns the Docker socket on the host (`stat -c %g /var/run/docker.sock`; the `docker` group that
   * dockerd gives its socket). Prometheus runs as `nobody` (65534) and joins this group (`group_add`) to connect.
   * A number, or a Terraform number reference (`new TerraformVariable(...).numberValue`).
   * @default - required when a ServiceScrape uses Discovery.docker() with a unix:// socket
   */
  readonly groupId?: number;
  /** The socket's path on the Docker host. @default "/var/run/docker.sock" */
  readonly hostPath?: string;
}

/** What the Docker host's Prometheus needs for the environment's discovery jobs. */
export interface DockerDiscoveryNeeds {
  /** The socket mount, when a job discovers containers through a unix socket and the group is known. */
  readonly socket?: DockerSocketMount;
  /** Host directories of user-managed `Discovery.files({ paths })`, bind-mounted read-only at the same path. */
  readonly fileDirs: readonly string[];
  /** Why the environment cannot run on this host (reported at synth). */
  readonly problems: readonly string[];
}

const WHERE = 'DockerHostTarget';
/** Why Prometheus gets the socket: the exception's reason, shown in the container table. */
export const SOCKET_REASON = 'docker_sd_configs: Prometheus lists containers through the Docker API to find the ones to scrape';

/** Validates `dockerSocket` where it is given. */
export function checkDockerSocketAccess(access: DockerSocketAccess | undefined): void {
  if (access === undefined) return;
  if (access === null || typeof access !== 'object') throw invalid(WHERE, 'dockerSocket', access, 'an object { groupId, hostPath }');
  const id = access.groupId;
  if (id !== undefined && !Token.isUnresolved(id) && (!Number.isInteger(id) || id < 0)) {
    throw invalid(WHERE, 'dockerSocket.groupId', id, 'the numeric group id of the Docker socket on the host (stat -c %g /var/run/docker.sock), e.g. 999');
  }
  if (id === 0) {
    throw invalid(WHERE, 'dockerSocket.groupId', id, 'the socket\'s own group, not 0 (root\'s group also reads the secret files of the container)');
  }
  const path = access.hostPath;
  if (path !== undefined && (typeof path !== 'string' || !/^\/\S+$/.test(path))) throw invalid(WHERE, 'dockerSocket.hostPath', path, 'an absolute path such as "/var/run/docker.sock"');
}

/** What the environment's discovery jobs need from the Docker host, and what it cannot give. */
export function dockerDiscoveryNeeds(jobs: readonly ScrapeJobModel[], access: DockerSocketAccess | undefined, where = WHERE): DockerDiscoveryNeeds {
  const problems: string[] = [];
  const sockets = new Map<string, string>();
  const fileDirs = new Set<string>();
  for (const job of jobs) {
    (job.discovery ?? []).forEach((d, i) => {
      const field = `discovery[${i}]`;
      if (d.kind === 'kubernetes') {
        problems.push(
          invalid(job.declaredBy, `${field} (kubernetes)`, d.role, 'a discovery a Docker host can run: kubernetes_sd_configs discovers inside a Kubernetes cluster; ' +
            'scrape it with an AwsManagedTarget eksScrapers entry (AMP\'s managed collector), or use Discovery.docker/files/dns/http here').message,
        );
      } else if (d.kind === 'docker' && d.host.startsWith('unix://')) {
        sockets.set(d.host.slice('unix://'.length), job.declaredBy);
      } else if (d.kind === 'file') {
        for (const path of d.paths ?? []) {
          const dir = path.slice(0, path.lastIndexOf('/')) || '/';
          if (dir === CONFIG_ROOT || dir.startsWith(`${CONFIG_ROOT}/`) || dir === '/') {
            problems.push(invalid(job.declaredBy, `${field} (file).paths`, path, `a file outside ${CONFIG_ROOT}/ and not in / (its directory is mounted read-only from the host at the same path)`).message);
          } else fileDirs.add(dir);
        }
      }
    });
  }
  let socket: DockerSocketMount | undefined;
  if (sockets.size > 1) {
    problems.push(invalid(where, 'dockerSocket', [...sockets.keys()], 'one Docker socket path for every Discovery.docker() job of the environment').message);
  } else if (sockets.size === 1) {
    const [containerPath, declaredBy] = [...sockets.entries()][0];
    if (access?.groupId === undefined) {
      problems.push(
        `${where}, dockerSocket.groupId: is required: ${declaredBy} discovers containers through unix://${containerPath}, which Prometheus (user nobody, 65534) ` +
          'can open only as a member of the socket\'s group; set dockerSocket: { groupId: <gid> } with the output of `stat -c %g /var/run/docker.sock` on the Docker host ' +
          '(a TerraformVariable\'s numberValue works), or point Discovery.docker({ host }) at a Docker API proxy ("tcp://docker-socket-proxy:2375")',
      );
    } else {
      socket = { hostPath: access.hostPath ?? '/var/run/docker.sock', containerPath, groupId: access.groupId, reason: SOCKET_REASON };
    }
  }
  return { socket, fileDirs: [...fileDirs].sort(), problems };
}
