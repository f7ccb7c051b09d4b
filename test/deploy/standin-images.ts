import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { IMAGE_FACTS } from '../../lib/containers/images';
import { ImageFacts, ImageKey } from '../../lib/containers/spec';
import { DockerApi } from './docker-api';
import { Rootfs } from './rootfs';

/** The tool cache filled by scripts/tools.sh (Debian binaries, unpacked). */
export const TOOLS_DIR = path.resolve(__dirname, '../../.tools');

/** The components that have a Debian build, so the deploy test runs a stand-in of their image. */
export type StandinKey = Extract<ImageKey, 'prometheus' | 'alertmanager' | 'nodeExporter' | 'blackboxExporter' | 'postgresExporter' | 'redisExporter'>;

/**
 * What the official image has beyond its {@link ImageFacts}, from its Dockerfile at the tag the Debian binary is
 * (read with `git show <tag>:Dockerfile`):
 * - prometheus/prometheus v3.5.3: WORKDIR /prometheus, VOLUME ["/prometheus"], EXPOSE 9090,
 *   CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"];
 * - prometheus/alertmanager v0.33.1: WORKDIR /alertmanager, VOLUME ["/alertmanager"], EXPOSE 9093,
 *   CMD ["--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/alertmanager"];
 * - prometheus/node_exporter v1.11.1: EXPOSE 9100, no CMD;
 * - prometheus/blackbox_exporter v0.28.0: EXPOSE 9115, COPY blackbox.yml /etc/blackbox_exporter/config.yml,
 *   CMD ["--config.file=/etc/blackbox_exporter/config.yml"];
 * - prometheus-community/postgres_exporter v0.19.1: EXPOSE 9187, no CMD;
 * - oliver006/redis_exporter v1.86.0 docker/Dockerfile, alpine stage: EXPOSE 9121, no CMD.
 * Every busybox-based image (`FROM quay.io/prometheus/busybox`, prometheus/busybox glibc/Dockerfile) has busybox
 * with its applets in /bin, glibc, /etc/nsswitch.conf; alpine has busybox too. `debian` is the binary in the tool
 * cache and its package; `data` are files the Debian build reads at Debian's paths (a stand-in detail).
 */
const OFFICIAL: Record<StandinKey, {
  readonly tool: string;
  readonly debian: string;
  readonly workdir?: string;
  readonly volumes?: readonly string[];
  readonly expose: number;
  readonly cmd?: readonly string[];
  readonly files?: Readonly<Record<string, string>>;
  readonly data?: Readonly<Record<string, string>>;
}> = {
  prometheus: {
    tool: 'prometheus',
    debian: 'prometheus',
    workdir: '/prometheus',
    volumes: ['/prometheus'],
    expose: 9090,
    cmd: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'],
    files: { '/etc/prometheus/prometheus.yml': 'root/etc/prometheus/prometheus.yml' },
    data: { '/usr/share/prometheus/web': 'root/usr/share/prometheus/web' },
  },
  alertmanager: {
    tool: 'alertmanager',
    debian: 'prometheus-alertmanager',
    workdir: '/alertmanager',
    volumes: ['/alertmanager'],
    expose: 9093,
    cmd: ['--config.file=/etc/alertmanager/alertmanager.yml', '--storage.path=/alertmanager'],
    files: { '/etc/alertmanager/alertmanager.yml': 'root/etc/prometheus/alertmanager.yml' },
    data: { '/usr/share/prometheus/alertmanager': 'root/usr/share/prometheus/alertmanager' },
  },
  nodeExporter: { tool: 'node_exporter', debian: 'prometheus-node-exporter', expose: 9100 },
  blackboxExporter: {
    tool: 'blackbox_exporter',
    debian: 'prometheus-blackbox-exporter',
    expose: 9115,
    cmd: ['--config.file=/etc/blackbox_exporter/config.yml'],
    files: { '/etc/blackbox_exporter/config.yml': 'root/etc/prometheus/blackbox.yml' },
  },
  postgresExporter: { tool: 'postgres_exporter', debian: 'prometheus-postgres-exporter', expose: 9187 },
  redisExporter: { tool: 'redis_exporter', debian: 'prometheus-redis-exporter', expose: 9121 },
};

/** Binaries named in image facts that the tool cache has (other than the entrypoint and busybox applets). */
const EXTRA_TOOLS: Readonly<Record<string, string>> = { promtool: 'promtool', amtool: 'amtool' };

/** busybox's /etc/passwd and /etc/group entries the images rely on (root, nobody). */
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n';
const GROUP = 'root:x:0:\nnobody:x:65534:\n';
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The stand-in images, by what they stand in for. */
export interface StandinImages {
  /** Stand-ins of the official images, by image key: pass as `DockerHostTargetProps.images`. */
  readonly components: Readonly<Record<StandinKey, string>>;
  /** busybox alone: the probe that queries containers from inside the engine. */
  readonly probe: string;
  /** A webhook receiver: busybox httpd on :8080 storing each POST to /cgi-bin/alerts under /data. */
  readonly webhook: string;
  /** The sample app `api`: /metrics and /health on :8000 (busybox nc). */
  readonly api: string;
  /** Versions of the Debian packages the stand-ins were built from. */
  readonly versions: Readonly<Record<string, string>>;
}

/** The absolute path of a tool in the cache, or an error telling how to fill the cache. */
export function requireCachedTool(tool: string): string {
  const bin = path.join(TOOLS_DIR, 'bin', tool);
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run bash scripts/tools.sh (it fetches Debian's binaries into .tools/)`);
  return fs.realpathSync(bin);
}

function debianVersions(): Record<string, string> {
  const file = path.join(TOOLS_DIR, 'versions.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run bash scripts/tools.sh`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The upstream part of a Debian version: `1:1.38.0-3+b1` → `1.38.0`, `3.5.3+ds1-6` → `3.5.3`. */
export function upstreamVersion(debian: string): string {
  return debian.replace(/^\d+:/, '').replace(/[-+~].*$/, '');
}

function busyboxApplets(busybox: string): string[] {
  const list = spawnSync(busybox, ['--list'], { encoding: 'utf8' });
  if (list.status !== 0) throw new Error(`${busybox} --list failed: ${list.stderr}`);
  return list.stdout.split('\n').filter((a) => a && a !== 'busybox');
}

/** The busybox base every stand-in starts from: busybox and its applets in /bin, users, nsswitch, /tmp. */
function busyboxBase(busybox: string, applets: readonly string[]): Rootfs {
  const fsroot = new Rootfs();
  fsroot.program('/bin/busybox', busybox);
  for (const applet of applets) fsroot.symlink(`/bin/${applet}`, 'busybox');
  return fsroot
    .file('/etc/passwd', PASSWD)
    .file('/etc/group', GROUP)
    .file('/etc/nsswitch.conf', 'hosts: files dns\nnetworks: files\n')
    .dir('/tmp', { mode: 0o1777 })
    .dir('/root', { mode: 0o700 })
    .dir('/home');
}

/** Imports a rootfs as an image (`POST /images/create?fromSrc=-`) with Dockerfile-like `changes`. */
async function importImage(api: DockerApi, tag: string, fsroot: Rootfs, changes: readonly string[]): Promise<string> {
  const [repo, version] = tag.split(':');
  await api.jsonStream('POST', '/images/create', { query: { fromSrc: '-', repo, tag: version, changes: [`ENV ${PATH_ENV}`, ...changes] }, body: fsroot.tar(), timeoutMs: 300_000 });
  return tag;
}

/** Stand-in of one official image, from its facts: user, entrypoint, owned paths and binaries. */
async function componentImage(api: DockerApi, key: StandinKey, facts: ImageFacts, version: string, busybox: string, applets: readonly string[]): Promise<string> {
  const official = OFFICIAL[key];
  const fsroot = busyboxBase(busybox, applets);
  const entrypoint = facts.entrypoint[0];
  fsroot.program(entrypoint, requireCachedTool(official.tool));
  for (const binary of facts.binaries) {
    if (fsroot.has(binary)) continue;
    const name = path.posix.basename(binary);
    if (EXTRA_TOOLS[name]) fsroot.program(binary, requireCachedTool(EXTRA_TOOLS[name]));
    else if (applets.includes(name)) fsroot.symlink(binary, '/bin/busybox');
    else throw new Error(`stand-in ${key}: no Debian build of ${binary} (named in its image facts)`);
  }
  for (const [file, source] of Object.entries(official.files ?? {})) fsroot.copy(file, path.join(TOOLS_DIR, source), { mode: 0o644 });
  for (const [dir, source] of Object.entries(official.data ?? {})) fsroot.copyTree(dir, path.join(TOOLS_DIR, source));
  // After the files: the Dockerfiles chown these trees (e.g. /etc/prometheus) once everything is in place.
  for (const [dir, own] of Object.entries(facts.ownedPaths)) fsroot.dir(dir, own);
  const tag = `standin/${facts.repository.split('/').pop()}:${version}`;
  return importImage(api, tag, fsroot, [
    `USER ${facts.user.uid}:${facts.user.gid}`,
    `ENTRYPOINT ${JSON.stringify(facts.entrypoint)}`,
    ...(official.cmd ? [`CMD ${JSON.stringify(official.cmd)}`] : []),
    ...(official.workdir ? [`WORKDIR ${official.workdir}`] : []),
    ...(official.volumes ? [`VOLUME ${JSON.stringify(official.volumes)}`] : []),
    `EXPOSE ${official.expose}/tcp`,
  ]);
}

/** The webhook receiver's CGI script: stores the request body as one file per POST. */
const WEBHOOK_CGI = `#!/bin/sh
f=/data/$(date +%s)-$$
head -c "\${CONTENT_LENGTH:-0}" > "$f.tmp" && mv "$f.tmp" "$f.json"
printf 'Content-Type: text/plain\\r\\n\\r\\nok\\n'
`;

/** The sample api's connection handler (busybox nc -ll -e): /metrics with a Prometheus content type, /health. */
const API_HANDLER = `#!/bin/sh
cr=$(printf '\\r')
read -r method target rest
while IFS= read -r line; do line=\${line%$cr}; [ -z "$line" ] && break; done
case "$target" in
  /metrics) f=/www/metrics; t='text/plain; version=0.0.4; charset=utf-8' ;;
  /health) f=/www/health; t='text/plain' ;;
  *) printf 'HTTP/1.0 404 Not Found\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n'; exit 0 ;;
esac
printf 'HTTP/1.0 200 OK\\r\\nContent-Type: %s\\r\\nContent-Length: %s\\r\\nConnection: close\\r\\n\\r\\n' "$t" "$(wc -c < "$f")"
cat "$f"
`;
const API_METRICS = '# HELP http_requests_total Requests served.\n# TYPE http_requests_total counter\nhttp_requests_total{code="200"} 100\n';

/**
 * Builds every stand-in image `FROM scratch` (imported rootfs tars) from the Debian binaries in the tool cache, each
 * with the official image's user, entrypoint, owned paths and binaries taken from its {@link IMAGE_FACTS}.
 */
export async function buildStandinImages(api: DockerApi): Promise<StandinImages> {
  const versions = debianVersions();
  const busybox = requireCachedTool('busybox');
  const applets = busyboxApplets(busybox);
  const bbVersion = upstreamVersion(versions['busybox-static'] ?? '0');
  const components = {} as Record<StandinKey, string>;
  const usedVersions: Record<string, string> = { 'busybox-static': versions['busybox-static'] };
  for (const key of Object.keys(OFFICIAL) as StandinKey[]) {
    const debian = OFFICIAL[key].debian;
    if (!versions[debian]) throw new Error(`${debian} is not in ${TOOLS_DIR}/versions.json: run bash scripts/tools.sh`);
    usedVersions[debian] = versions[debian];
    components[key] = await componentImage(api, key, IMAGE_FACTS[key], upstreamVersion(versions[debian]), busybox, applets);
  }
  const probe = await importImage(api, `standin/busybox:${bbVersion}`, busyboxBase(busybox, applets), ['CMD ["sleep", "3600"]']);
  const webhook = await importImage(
    api,
    `standin/webhook:${bbVersion}`,
    busyboxBase(busybox, applets).file('/www/cgi-bin/alerts', WEBHOOK_CGI, { mode: 0o755 }).dir('/data', { uid: 65534, gid: 65534, mode: 0o755 }),
    ['USER 65534:65534', 'ENTRYPOINT ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]', 'EXPOSE 8080/tcp'],
  );
  const apiImage = await importImage(
    api,
    `standin/api:${bbVersion}`,
    busyboxBase(busybox, applets).file('/bin/api-handler', API_HANDLER, { mode: 0o755 }).file('/www/metrics', API_METRICS).file('/www/health', 'ok\n'),
    ['USER 65534:65534', 'ENTRYPOINT ["/bin/busybox", "nc", "-ll", "-p", "8000", "-e", "/bin/api-handler"]', 'EXPOSE 8000/tcp'],
  );
  return { components, probe, webhook, api: apiImage, versions: usedVersions };
}
