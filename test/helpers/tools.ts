import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The tool cache filled by scripts/tools.sh (Debian packages unpacked, never installed). */
export const TOOLS_DIR = path.resolve(__dirname, '../../.tools');

/**
 * Tools in the cache, by the names scripts/tools.sh links in .tools/bin: the current lines (promtool and Prometheus
 * 3.x, amtool and Alertmanager >= 0.33, the exporters) and one older line checked deliberately (amtool-0.25).
 */
export const TOOLS = [
  'promtool',
  'prometheus',
  'amtool',
  'alertmanager',
  'node_exporter',
  'blackbox_exporter',
  'postgres_exporter',
  'redis_exporter',
  'busybox',
  'amtool-0.25',
] as const;

/**
 * Returns the tool's absolute path in the cache, or throws an error that says how to fill it (the test fails, it is
 * never skipped). Takes a string because routing tests come from the library as plain commands (`amtool …`).
 */
export function requireTool(tool: string, toolsDir = TOOLS_DIR): string {
  if (!(TOOLS as readonly string[]).includes(tool)) throw new Error(`${tool} is not a tool of the cache; scripts/tools.sh links: ${TOOLS.join(', ')}`);
  const bin = path.join(toolsDir, 'bin', tool);
  if (!fs.existsSync(bin)) {
    throw new Error(`${tool} is missing from the tool cache (${bin}); fill it with: bash scripts/tools.sh (npm test runs it)`);
  }
  return bin;
}

/** The Debian versions in the cache (.tools/versions.json), keyed by package. */
export function toolVersions(): Record<string, string> {
  const file = path.join(TOOLS_DIR, 'versions.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing; fill the tool cache with: bash scripts/tools.sh`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
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
