import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Debian package that provides each tool the oracle tests run. */
const PACKAGE: Record<string, string> = {
  promtool: 'prometheus',
  prometheus: 'prometheus',
  amtool: 'prometheus-alertmanager',
  'prometheus-alertmanager': 'prometheus-alertmanager',
  'prometheus-node-exporter': 'prometheus-node-exporter',
  'prometheus-blackbox-exporter': 'prometheus-blackbox-exporter',
};

/** Returns the tool's path, or throws an error that says how to install it (the test fails, it is never skipped). */
export function requireTool(tool: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  const where = found.stdout.trim();
  if (found.status !== 0 || where === '') {
    throw new Error(`${tool} is not installed; install it with: sudo apt-get install -y ${PACKAGE[tool] ?? tool} (or run npm test, which installs it)`);
  }
  return where;
}

/** Result of running a tool. */
export interface ToolResult {
  readonly status: number | null;
  readonly output: string;
}

/** Runs a tool (bounded to 60 s) and returns its exit status and combined output. */
export function runTool(tool: string, args: readonly string[], cwd?: string): ToolResult {
  const bin = requireTool(tool);
  const result = spawnSync(bin, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** Writes `files` (relative path → content) into a fresh temporary directory and returns it. */
export function writeTempFiles(files: Readonly<Record<string, string>>, prefix = 'cdktf-monitoring-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return dir;
}
