import { DockerApi, DockerApiError } from './docker-api';
import { tarArchive } from './tar';

/**
 * `docker_container` as kreuzwerker/docker v3.6.2 applies it. Citations are `file:line` in
 * internal/provider/ of that tag (read with `git show v3.6.2:internal/provider/<file>`):
 * F = resource_docker_container_funcs.go, S = resource_docker_container.go (schema),
 * T = resource_docker_container_structures.go.
 */

/** Every attribute (and nested attribute) of docker_container the applier maps; anything else fails the test. */
export const CONTAINER_ATTRIBUTES: Readonly<Record<string, readonly string[] | true>> = {
  name: true,
  image: true,
  command: true,
  entrypoint: true,
  env: true,
  user: true,
  group_add: true,
  working_dir: true,
  hostname: true,
  read_only: true,
  tmpfs: true,
  volumes: ['volume_name', 'host_path', 'container_path', 'read_only', 'from_container'],
  mounts: ['type', 'source', 'target', 'read_only', 'bind_options', 'bind_options.propagation'],
  capabilities: ['add', 'drop'],
  security_opts: true,
  memory: true,
  restart: true,
  max_retry_count: true,
  log_driver: true,
  log_opts: true,
  healthcheck: ['test', 'interval', 'timeout', 'start_period', 'start_interval', 'retries'],
  ports: ['internal', 'external', 'ip', 'protocol'],
  network_mode: true,
  networks_advanced: ['name', 'aliases', 'ipv4_address', 'ipv6_address'],
  upload: ['file', 'content', 'content_base64', 'executable', 'permissions'],
  labels: ['label', 'value'],
  start: true,
  must_run: true,
  wait: true,
  wait_timeout: true,
  destroy_grace_seconds: true,
  remove_volumes: true,
  stop_signal: true,
  stop_timeout: true,
  init: true,
};

/**
 * Top-level attributes that are not ForceNew in the schema (S: rm 45, start 60, wait 67, wait_timeout 74,
 * must_run 110, restart 218, max_retry_count 226, remove_volumes 244, tmpfs 456, destroy_grace_seconds 666,
 * memory 681, memory_swap 688, cpu_shares 704, cpu_set 711, healthcheck 849, init 930, ...): a change to any other
 * attribute replaces the container.
 */
export const CONTAINER_IN_PLACE = new Set([
  'rm', 'start', 'wait', 'wait_timeout', 'attach', 'logs', 'must_run', 'restart', 'max_retry_count', 'remove_volumes', 'tmpfs',
  'destroy_grace_seconds', 'memory', 'memory_swap', 'cpu_shares', 'cpu_set', 'healthcheck', 'container_read_refresh_timeout_milliseconds',
  'init', 'cpu_period', 'cpu_quota',
]);

/** Deviations from the provider that keep the test on this machine; each is listed in the test's report. */
export interface ContainerDeviations {
  /**
   * Publish every port on 127.0.0.1 with an ephemeral host port (the engine picks it) instead of the configured
   * external port, so the test never collides with a port in use on the machine.
   */
  readonly ephemeralHostPorts: boolean;
  /**
   * Stop waiting at the first `unhealthy` status instead of polling until `wait_timeout` (the provider keeps
   * polling; both end in a failed apply), to keep the test within its time bound.
   */
  readonly failFastUnhealthy: boolean;
}

/** A Terraform block given as an object or a one-element list (both are valid in Terraform JSON). */
function block(value: any): any | undefined {
  return Array.isArray(value) ? value[0] : value ?? undefined;
}

function list<T = any>(value: any): T[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/** Go's time.ParseDuration for the forms a healthcheck uses (`10s`, `1m30s`, `500ms`), in nanoseconds. */
export function parseGoDuration(text: string): number {
  if (text === '0' || text === '') return 0;
  const unit: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * unit[m[2]];
    consumed = re.lastIndex;
  }
  if (consumed !== text.length) throw new Error(`not a Go duration: ${JSON.stringify(text)}`);
  return Math.round(total);
}

/** The request that creates a container: the body of `POST /containers/create?name=…`. */
export function containerCreateRequest(c: any, deviations: ContainerDeviations): { name: string; body: any } {
  // F:64-72 Config: image, hostname, domainname, tty, stdin, stop signal/timeout.
  const config: any = { Image: c.image, Hostname: c.hostname ?? '', Domainname: '', Tty: false, OpenStdin: false, StopSignal: c.stop_signal ?? '' };
  if (c.stop_timeout !== undefined) config.StopTimeout = c.stop_timeout; // F:58-62
  if (c.env?.length) config.Env = [...c.env]; // F:74-76
  if (c.command?.length) {
    // F:78-85: empty arguments are refused.
    if (c.command.some((a: string) => a === '')) throw new Error('values for command may not be empty');
    config.Cmd = [...c.command];
  }
  if (c.entrypoint?.length) config.Entrypoint = [...c.entrypoint]; // F:87-89
  if (c.user) config.User = c.user; // F:91-93
  // F:95-103, T:138-168 ports: exposed ports and bindings; S:483-505 defaults ip 0.0.0.0, protocol tcp.
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of list(c.ports)) {
    const key = `${p.internal}/${p.protocol ?? 'tcp'}`;
    exposed[key] = {};
    // Test deviation (ephemeralHostPorts): loopback and a port the engine picks.
    const binding = deviations.ephemeralHostPorts
      ? { HostIp: '127.0.0.1', HostPort: '' }
      : { HostIp: p.ip ?? '0.0.0.0', HostPort: p.external === undefined ? '' : String(p.external) };
    (bindings[key] ??= []).push(binding);
  }
  if (Object.keys(exposed).length > 0) config.ExposedPorts = exposed;
  if (c.working_dir) config.WorkingDir = c.working_dir; // F:104-106
  // F:116-128, T:199-234 volumes: a named volume or host path becomes a bind "src:dst:rw|ro", plus Config.Volumes.
  const volumes: Record<string, object> = {};
  const binds: string[] = [];
  const volumesFrom: string[] = [];
  for (const v of list(c.volumes)) {
    const source = v.volume_name || v.host_path || '';
    if (!v.from_container && !v.container_path) throw new Error('volume entry without container path or source container');
    if (v.from_container && v.container_path) throw new Error('both a container and a path specified in a volume entry');
    if (v.from_container) volumesFrom.push(v.from_container);
    else {
      volumes[v.container_path] = {};
      if (source) binds.push(`${source}:${v.container_path}:${v.read_only ? 'ro' : 'rw'}`);
    }
  }
  if (Object.keys(volumes).length > 0) config.Volumes = volumes;
  // F:130-132 labels (a set of {label, value}).
  if (list(c.labels).length > 0) config.Labels = Object.fromEntries(list(c.labels).map((l) => [l.label, l.value]));
  // F:134-159 healthcheck: durations parsed with time.ParseDuration (nanoseconds in the API); S:863-899 defaults "0s", 0.
  const hc = block(c.healthcheck);
  if (hc) {
    config.Healthcheck = {
      Test: [...(hc.test ?? [])],
      Interval: parseGoDuration(hc.interval ?? '0s'),
      Timeout: parseGoDuration(hc.timeout ?? '0s'),
      StartPeriod: parseGoDuration(hc.start_period ?? '0s'),
      Retries: hc.retries ?? 0,
    };
    // F:151-153 StartInterval exists from API 1.44; the 1.41 engine has no such field.
    if (hc.start_interval && parseGoDuration(hc.start_interval) > 0) config.Healthcheck.StartInterval = parseGoDuration(hc.start_interval);
  }
  // F:161-243 mounts: type, target, source, read_only; bind_options.propagation for binds.
  const mounts = list(c.mounts).map((m) => {
    const mount: any = { Type: m.type, Target: m.target, Source: m.source ?? '' };
    if (m.read_only !== undefined) mount.ReadOnly = m.read_only;
    const bind = block(m.bind_options);
    if (m.type === 'bind' && bind) mount.BindOptions = { Propagation: bind.propagation ?? '' };
    return mount;
  });
  // F:245-259 HostConfig.
  const host: any = {
    Privileged: false,
    PublishAllPorts: false,
    RestartPolicy: { Name: c.restart ?? 'no', MaximumRetryCount: c.max_retry_count ?? 0 }, // S:221 default "no"
    Runtime: '',
    Mounts: mounts,
    AutoRemove: false,
    ReadonlyRootfs: c.read_only ?? false,
    LogConfig: { Type: c.log_driver ?? '' },
  };
  if (c.tmpfs && Object.keys(c.tmpfs).length > 0) host.Tmpfs = { ...c.tmpfs }; // F:261-263
  if (Object.keys(bindings).length > 0) host.PortBindings = bindings; // F:265-267
  if (binds.length > 0) host.Binds = binds; // F:271-273
  if (volumesFrom.length > 0) host.VolumesFrom = volumesFrom; // F:274-276
  const caps = block(c.capabilities);
  if (caps) {
    // F:281-288 the first capabilities block: add and drop sets.
    host.CapAdd = [...(caps.add ?? [])];
    host.CapDrop = [...(caps.drop ?? [])];
  }
  if (c.security_opts?.length) host.SecurityOpt = [...c.security_opts]; // F:306-308
  if (c.memory) host.Memory = c.memory * 1024 * 1024; // F:310-312 MiB → bytes
  if (c.log_opts && Object.keys(c.log_opts).length > 0) host.LogConfig.Config = { ...c.log_opts }; // F:355-357
  host.NetworkMode = c.network_mode ?? 'bridge'; // F:360-362, S:738 default "bridge"
  if (c.group_add?.length) host.GroupAdd = [...c.group_add]; // F:377-379
  host.Init = c.init ?? false; // F:410-411
  // F:359, F:420 an empty NetworkingConfig: networks_advanced are connected after create.
  return { name: c.name, body: { ...config, HostConfig: host, NetworkingConfig: {} } };
}

/** The one-entry tar of an upload, as F:456-525 builds it: entry name = `file`, mode from `permissions`/`executable`. */
export function uploadArchive(u: any): Buffer {
  const set = [u.content, u.content_base64].filter((v) => v !== undefined && v !== '');
  // F:464-477 exactly one of content, content_base64 (or source) must be set.
  if (set.length !== 1) throw new Error(`error with upload content: exactly one of 'content', 'content_base64' must be set (${u.file})`);
  const content = u.content !== undefined && u.content !== '' ? Buffer.from(u.content, 'utf8') : Buffer.from(u.content_base64, 'base64');
  // F:500-509 permissions (octal string) wins, else 0744 when executable, else 0644.
  const mode = u.permissions ? parseInt(u.permissions, 8) : u.executable ? 0o744 : 0o644;
  // F:510-515 header: Name, Mode, Size, ModTime (uid/gid 0: Go's zero values).
  return tarArchive([{ name: u.file, type: 'file', content, mode }]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What creating a container did, for the test's report. */
export interface CreatedContainer {
  readonly id: string;
  readonly name: string;
  readonly started: boolean;
  readonly waitedMs?: number;
}

/** Creates a container exactly in the provider's order: create, connect networks, upload, start, wait, read. */
export async function createContainer(api: DockerApi, c: any, deviations: ContainerDeviations): Promise<CreatedContainer> {
  // F:54-57 the image must exist locally (findImage pulls otherwise; no registry is reachable here).
  await api.json('GET', `/images/${encodeURIComponent(c.image)}/json`).catch((e) => {
    throw new Error(`Unable to create container with image ${c.image}: ${(e as Error).message}`);
  });
  const { name, body } = containerCreateRequest(c, deviations);
  let id: string;
  try {
    // F:420-422
    id = (await api.json('POST', '/containers/create', { query: { name }, body })).Id;
  } catch (e) {
    throw new Error(`${name}: Unable to create container: ${(e as Error).message}`);
  }
  // F:427-454 networks_advanced: disconnect the default bridge (ignoring "not connected"), connect each network with
  // its aliases and IPAM addresses.
  const networks = list(c.networks_advanced);
  if (networks.length > 0) {
    await api.raw('POST', '/networks/bridge/disconnect', { body: { Container: id, Force: false } }).catch((e) => {
      if (!/is not connected to the network bridge/.test((e as Error).message)) throw new Error(`${name}: Unable to disconnect the default network: ${(e as Error).message}`);
    });
    for (const n of networks) {
      const endpoint = { Aliases: n.aliases ? [...n.aliases] : undefined, IPAMConfig: { IPv4Address: n.ipv4_address ?? '', IPv6Address: n.ipv6_address ?? '' } };
      await api.raw('POST', `/networks/${encodeURIComponent(n.name)}/connect`, { body: { Container: id, EndpointConfig: endpoint } }).catch((e) => {
        throw new Error(`${name}: Unable to connect to network '${n.name}': ${(e as Error).message}`);
      });
    }
  }
  // F:456-533 each upload: its own one-entry tar, extracted at "/" (CopyToContainer with default options, which the
  // Docker client sends as noOverwriteDirNonDir=true).
  for (const u of list(c.upload)) {
    await api.raw('PUT', `/containers/${id}/archive`, { query: { path: '/', noOverwriteDirNonDir: 'true' }, body: uploadArchive(u) }).catch((e) => {
      throw new Error(`${name}: Unable to upload volume content: ${(e as Error).message}`);
    });
  }
  // F:535-540 start unless start = false (S:63 default true).
  const start = c.start ?? true;
  let waitedMs: number | undefined;
  const startedAt = Date.now();
  if (start) {
    await api.raw('POST', `/containers/${id}/start`).catch((e) => {
      throw new Error(`${name}: Unable to start container: ${(e as Error).message}`);
    });
    // F:542-580 wait: poll inspect every second until Health.Status is healthy, for wait_timeout seconds (S:77 default 60).
    if (c.wait) {
      const timeoutMs = (c.wait_timeout ?? 60) * 1000;
      for (;;) {
        const info = await api.json('GET', `/containers/${id}/json`);
        const health = info.State?.Health;
        if (!health) throw new Error(`${name}: you have supplied a 'wait' argument, but the container does not have a healthcheck defined`);
        if (health.Status === 'healthy') break;
        if (deviations.failFastUnhealthy && health.Status === 'unhealthy') {
          const last = health.Log?.[health.Log.length - 1];
          throw new Error(`${name}: container failed to be in healthy state (unhealthy; last check exit ${last?.ExitCode}: ${String(last?.Output ?? '').trim()})`);
        }
        if (Date.now() - startedAt > timeoutMs) throw new Error(`${name}: container failed to be in healthy state (still ${health.Status} after wait_timeout ${timeoutMs / 1000}s)`);
        await sleep(1000);
      }
      waitedMs = Date.now() - startedAt;
    }
  }
  // F:634-692 read: wait up to container_read_refresh_timeout_milliseconds (15 s) for "running" (or not running with
  // must_run = false); a container that exited after start is deleted and the apply fails.
  const mustRun = c.must_run ?? true;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const info = await api.json('GET', `/containers/${id}/json`);
    if (info.State.Running || !mustRun) break;
    if (start && info.State.FinishedAt && Date.parse(info.State.FinishedAt) >= startedAt - 1000) {
      const logs = await containerLogs(api, id);
      await deleteContainer(api, id, c);
      throw new Error(`${name}: container exited immediately (exit ${info.State.ExitCode}); last log lines:\n${logs}`);
    }
    if (Date.now() > deadline) {
      await deleteContainer(api, id, c);
      throw new Error(`${name}: container failed to be in running state`);
    }
    await sleep(100);
  }
  return { id, name, started: start, waitedMs };
}

/** The provider's in-place update (F:881-927): restart policy and resources when one of them changed. */
export async function updateContainer(api: DockerApi, id: string, c: any): Promise<void> {
  const body: any = {
    RestartPolicy: { Name: c.restart ?? 'no', MaximumRetryCount: c.max_retry_count ?? 0 },
    CpuShares: c.cpu_shares ?? 0,
    Memory: (c.memory ?? 0) * 1024 * 1024,
    CpusetCpus: c.cpu_set ?? '',
  };
  await api.json('POST', `/containers/${id}/update`, { body });
}

/** Deletes a container as F:929-977 does: stop with destroy_grace_seconds, force-remove, wait until gone. */
export async function deleteContainer(api: DockerApi, id: string, c: any): Promise<void> {
  const timeout = c.destroy_grace_seconds > 0 ? c.destroy_grace_seconds : 0;
  await api.raw('POST', `/containers/${id}/stop`, { query: { t: timeout }, timeoutMs: (timeout + 30) * 1000 }).catch((e) => {
    if (!(e instanceof DockerApiError && e.status === 404)) throw new Error(`Error stopping container ${id}: ${(e as Error).message}`);
  });
  // S:247 remove_volumes defaults to true (anonymous volumes only); Force: true.
  await api.raw('DELETE', `/containers/${id}`, { query: { v: c.remove_volumes ?? true, force: true } }).catch((e) => {
    if (!/No such container|is already in progress/.test((e as Error).message)) throw new Error(`Error deleting container ${id}: ${(e as Error).message}`);
  });
  await api.raw('POST', `/containers/${id}/wait`, { query: { condition: 'not-running' } }).catch((e) => {
    if (!/No such container|is already in progress/.test((e as Error).message)) throw e;
  });
}

/** The last lines of a container's output (json-file logs; multiplexed frames). */
export async function containerLogs(api: DockerApi, id: string, tail = 30): Promise<string> {
  try {
    const { body } = await api.raw('GET', `/containers/${id}/logs`, { query: { stdout: true, stderr: true, tail } });
    let out = '';
    for (let i = 0; i + 8 <= body.length; ) {
      const size = body.readUInt32BE(i + 4);
      out += body.subarray(i + 8, i + 8 + size).toString();
      i += 8 + size;
    }
    return out.trim();
  } catch (e) {
    return `(no logs: ${(e as Error).message})`;
  }
}
