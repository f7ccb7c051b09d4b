import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DockerApi } from './docker-api';

/** The install line printed when Debian's Docker engine is missing and cannot be installed here. */
export const DOCKER_INSTALL_LINE = 'sudo apt-get install -y docker.io';

/** Finds Debian's dockerd; as root on a Debian machine, installs `docker.io` when it is missing. */
export function requireDockerd(): string {
  const find = () => {
    const found = spawnSync('sh', ['-c', 'command -v dockerd || ls /usr/sbin/dockerd 2>/dev/null'], { encoding: 'utf8' });
    return found.stdout.trim().split('\n')[0] || undefined;
  };
  let dockerd = find();
  if (!dockerd && process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 300_000 });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'docker.io'], { encoding: 'utf8', env, timeout: 600_000 });
    if (install.status !== 0) throw new Error(`installing docker.io failed (${install.status}): ${install.stderr}\ninstall it with: ${DOCKER_INSTALL_LINE}`);
    dockerd = find();
  }
  if (!dockerd) throw new Error(`Docker engine (dockerd) is not installed; install it with: ${DOCKER_INSTALL_LINE}`);
  return dockerd;
}

/**
 * A private Docker engine for one test: Debian's dockerd on its own socket, with its data root and exec root in a
 * temporary folder, no iptables rules, no masquerading and no default bridge, so no container is routed off the
 * machine. Every container, network, volume and image lives in that data root; {@link stop} removes them all, stops
 * the engine by its PID and deletes the folder.
 */
export class PrivateEngine {
  /** The engine's API client. */
  public readonly api: DockerApi;
  private constructor(
    public readonly dir: string,
    private readonly child: ChildProcess,
    private readonly logFile: string,
  ) {
    this.api = new DockerApi(path.join(dir, 'docker.sock'));
  }

  /** Starts the engine and waits until it answers `/_ping` (at most `timeoutMs`). */
  public static async start(timeoutMs = 60_000): Promise<PrivateEngine> {
    const dockerd = requireDockerd();
    if (process.getuid?.() !== 0) throw new Error('the deploy test starts a Docker engine and must run as root');
    // Short folder name: containerd's sockets live under the exec root, and unix socket paths are limited to 108 bytes.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-dk-'));
    const logFile = path.join(dir, 'dockerd.log');
    const log = fs.openSync(logFile, 'a');
    const args = [
      `--host=unix://${path.join(dir, 'docker.sock')}`,
      `--data-root=${path.join(dir, 'data')}`,
      `--exec-root=${path.join(dir, 'exec')}`,
      `--pidfile=${path.join(dir, 'docker.pid')}`,
      // Keep every packet on the machine: no NAT rules, no masquerading, no default bridge (the test creates its
      // networks as internal networks).
      '--iptables=false',
      '--ip-masq=false',
      '--bridge=none',
      '--ip-forward=false',
    ];
    // dockerd runs in a mount namespace of its own whose mounts are shared, as / is on a systemd host: a bind with
    // rslave propagation (node-exporter's host root) needs a shared or slave source, and this machine's / may be a
    // private mount. unshare execs dockerd, so the PID is dockerd's; its mounts vanish with the namespace.
    const unshare = spawnSync('sh', ['-c', 'command -v unshare'], { encoding: 'utf8' }).stdout.trim();
    if (!unshare) throw new Error('unshare (util-linux) is needed to start the Docker engine; install it with: sudo apt-get install -y util-linux');
    const child = spawn(unshare, ['--mount', '--propagation', 'shared', '--', dockerd, ...args], { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const engine = new PrivateEngine(dir, child, logFile);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        const tail = engine.logTail();
        await engine.stop();
        throw new Error(`dockerd exited (${child.exitCode ?? child.signalCode}) while starting:\n${tail}`);
      }
      try {
        await engine.api.raw('GET', '/_ping', { timeoutMs: 2000 });
        return engine;
      } catch {
        if (Date.now() > deadline) {
          const tail = engine.logTail();
          await engine.stop();
          throw new Error(`dockerd did not answer within ${timeoutMs} ms:\n${tail}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** The engine's PID (the process this test started). */
  public get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last lines of dockerd's log, for failure messages. */
  public logTail(lines = 40): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** Removes every container, network, volume and image in the engine (all of them were created by this test). */
  public async removeEverything(): Promise<string[]> {
    const problems: string[] = [];
    const attempt = async (what: string, f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (e) {
        problems.push(`${what}: ${(e as Error).message}`);
      }
    };
    const containers: any[] = await this.api.json('GET', '/containers/json', { query: { all: true } }).catch(() => []);
    await Promise.all(containers.map((c) => attempt(`container ${c.Names?.[0]}`, () => this.api.raw('DELETE', `/containers/${c.Id}`, { query: { force: true, v: true } }))));
    const networks: any[] = await this.api.json('GET', '/networks').catch(() => []);
    for (const n of networks.filter((n) => !['none', 'host', 'bridge'].includes(n.Name))) {
      await attempt(`network ${n.Name}`, () => this.api.raw('DELETE', `/networks/${n.Id}`));
    }
    const volumes: any = await this.api.json('GET', '/volumes').catch(() => ({ Volumes: [] }));
    for (const v of volumes.Volumes ?? []) await attempt(`volume ${v.Name}`, () => this.api.raw('DELETE', `/volumes/${v.Name}`, { query: { force: true } }));
    const images: any[] = await this.api.json('GET', '/images/json', { query: { all: true } }).catch(() => []);
    for (const i of images) await attempt(`image ${i.RepoTags?.[0] ?? i.Id}`, () => this.api.raw('DELETE', `/images/${i.Id}`, { query: { force: true, noprune: false } }).catch((e) => {
      // an image already removed as the parent of another is fine
      if (!/No such image/.test(String(e.message))) throw e;
    }));
    return problems;
  }

  /**
   * Removes everything, stops dockerd by its PID (SIGTERM, then SIGKILL after `graceMs`), unmounts what it left
   * mounted under its folder, and deletes the folder. Returns what could not be removed (empty when clean).
   */
  public async stop(graceMs = 15_000): Promise<string[]> {
    let problems: string[] = [];
    if (this.child.exitCode === null && this.child.signalCode === null) {
      problems = await this.removeEverything().catch((e) => [`cleanup: ${(e as Error).message}`]);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        this.child.kill('SIGTERM');
      });
    }
    // Mounts left under the folder (overlay layers, netns files): deepest first.
    const mounts = fs
      .readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((l) => l.split(' ')[4])
      .filter((m): m is string => !!m && (m === this.dir || m.startsWith(`${this.dir}/`)))
      .sort((a, b) => b.length - a.length);
    for (const m of mounts) spawnSync('umount', ['-l', m]);
    fs.rmSync(this.dir, { recursive: true, force: true });
    return problems;
  }
}
