import { ChildProcess, spawn } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import { requireTool, TOOLS_DIR } from './tools';

/**
 * Debian's Alertmanager reads its default templates from /usr/share/prometheus/alertmanager (a Debian patch; upstream
 * embeds them), and the tool cache is unpacked, not installed. Such a tool runs in a private mount namespace where
 * the cache's usr/share is laid over /usr/share (a read-only overlay): the machine's file system is never changed,
 * and it works for any user (a user namespace maps them to root inside). unshare and sh exec, so the PID that
 * ProcessGroup stops is the tool's own.
 */
const READS_USR_SHARE = new Set(['alertmanager']);

/** The command that starts `tool` from the cache with `args`. */
export function toolCommand(tool: string, args: readonly string[]): [string, string[]] {
  const bin = requireTool(tool);
  if (!READS_USR_SHARE.has(tool)) return [bin, [...args]];
  const share = path.join(TOOLS_DIR, 'root/usr/share');
  const script = 'mount -t overlay overlay -o "lowerdir=$0:/usr/share" /usr/share && exec "$@"';
  return ['unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, share, bin, ...args]];
}

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Processes a test started; stops exactly those PIDs, never anything found by name. */
export class ProcessGroup {
  private readonly children: { name: string; child: ChildProcess; output: string[] }[] = [];

  /** Starts `tool` with `args`, keeping the last lines of its output for failure messages. */
  public start(tool: string, args: readonly string[]): ChildProcess {
    const [file, argv] = toolCommand(tool, args);
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(...chunk.toString().split('\n'));
      if (output.length > 200) output.splice(0, output.length - 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.children.push({ name: tool, child, output });
    return child;
  }

  /** The recent output of every process, for a failing assertion's message. */
  public logs(): string {
    return this.children.map((c) => `--- ${c.name} (pid ${c.child.pid}, exit ${c.child.exitCode})\n${c.output.slice(-30).join('\n')}`).join('\n');
  }

  /** Stops every started process: SIGTERM, then SIGKILL after `graceMs`. Resolves when all have exited. */
  public async stopAll(graceMs = 5000): Promise<void> {
    await Promise.all(
      this.children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, describe?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}\n${describe?.() ?? ''}`);
}

/** GETs JSON from a loopback URL. */
export async function getJson(url: string): Promise<any> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
