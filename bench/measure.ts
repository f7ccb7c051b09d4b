import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { ChildMode, ChildRequest, ChildResult } from './child';
import type { BenchTarget } from './environment';
import { compareOutputs, fixtureFromOutput, outputBytes } from './fixture';

/** The programs measured for each size and target: the library, the bare cdktf program and the physical floor. */
export const MODES = ['library', 'bare', 'floor'] as const;
export type Mode = (typeof MODES)[number];

/** The bare cdktf program of a target: typed provider classes for the Docker host, the generic one elsewhere. */
export function bareModeOf(target: BenchTarget): ChildMode {
  return target === 'docker' ? 'bare' : 'bare-generic';
}

/** One measured run of one program. */
export interface RunResult extends ChildResult {
  /** Wall time of the child process, spawn to exit, minus reading the fixture (baselines). */
  readonly wallMs: number;
  /** Building plus synthesizing: the program's own work, without Node start-up and module loading. */
  readonly workMs: number;
}

/** Everything measured for one size. */
export interface SizeResult {
  readonly services: number;
  readonly target: BenchTarget;
  readonly runs: Record<Mode, RunResult[]>;
  readonly outputBytes: number;
  readonly renderedFiles: number;
  /** Library output equals itself across runs (byte for byte). */
  readonly deterministic: string;
  /** The bare program's output compared with the library's. */
  readonly bareMatches: string;
  /** The floor's output compared with the library's. */
  readonly floorMatches: string;
}

export interface MeasureOptions {
  readonly childJs: string;
  readonly env: NodeJS.ProcessEnv;
  readonly workDir: string;
  readonly runs: number;
  /** Service-health rules: the rule-pack library's (`preset`, when it exists) or the benchmark's own. */
  readonly rules: 'preset' | 'bench';
  readonly target: BenchTarget;
  readonly log: (line: string) => void;
  /** Extra node flags for the library child (e.g. --cpu-prof). */
  readonly nodeFlags?: readonly string[];
}

/** Runs one program in a fresh Node process and returns what it reports, with the wall time seen from outside. */
export function runChild(
  opts: Pick<MeasureOptions, 'childJs' | 'env' | 'nodeFlags' | 'rules' | 'target'>,
  mode: ChildMode,
  services: number,
  outdir: string,
  fixture?: string,
): RunResult {
  fs.rmSync(outdir, { recursive: true, force: true });
  const request: ChildRequest = { mode, services, outdir, fixture, rules: opts.rules, target: opts.target };
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...(opts.nodeFlags ?? []), opts.childJs, JSON.stringify(request)], {
    env: opts.env,
    cwd: path.dirname(outdir),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`${mode} with ${services} services failed (exit ${child.status ?? child.signal}):\n${child.stderr}`);
  }
  const line = child.stdout.trim().split('\n').pop() ?? '';
  const result = JSON.parse(line) as ChildResult;
  return { ...result, wallMs: elapsedMs - result.prepMs, workMs: result.buildMs + result.synthMs };
}

/**
 * Measures one size: a warm-up library run (its output becomes the baselines' fixture and the reference for
 * the output checks), then `runs` rounds in which library, bare cdktf and floor each run once, in rotating order,
 * so that all three see the same machine noise.
 */
export function measureSize(services: number, opts: MeasureOptions): SizeResult {
  const dir = path.join(opts.workDir, `${opts.target}-${services}`);
  fs.mkdirSync(dir, { recursive: true });
  const reference = path.join(dir, 'reference');
  runChild(opts, 'library', services, reference);
  const fixture = fixtureFromOutput(reference);
  const fixtureFile = path.join(dir, 'fixture.json');
  fs.writeFileSync(fixtureFile, JSON.stringify(fixture));

  const runs: Record<Mode, RunResult[]> = { library: [], bare: [], floor: [] };
  const checks: Record<Mode, string> = { library: 'identical', bare: '', floor: '' };
  for (let r = 0; r < opts.runs; r++) {
    const order = MODES.map((_, i) => MODES[(i + r) % MODES.length]);
    for (const mode of order) {
      const outdir = path.join(dir, `${mode}-${r}`);
      const childMode: ChildMode = mode === 'bare' ? bareModeOf(opts.target) : mode;
      const result = runChild(opts, childMode, services, outdir, mode === 'library' ? undefined : fixtureFile);
      runs[mode].push(result);
      const check = compareOutputs(reference, outdir);
      if (mode === 'library') {
        if (check !== 'identical') checks.library = `run ${r}: ${check}`;
      } else if (r === 0) {
        checks[mode] = check;
      }
      fs.rmSync(outdir, { recursive: true, force: true });
    }
    const lib = runs.library[r];
    opts.log(
      `  ${opts.target} ${services} services, round ${r + 1}/${opts.runs}: library ${fmtS(lib.wallMs)}, bare ${fmtS(runs.bare[r].wallMs)}, ` +
        `floor ${fmtS(runs.floor[r].wallMs)}`,
    );
  }
  const result: SizeResult = {
    services,
    target: opts.target,
    runs,
    outputBytes: outputBytes(reference),
    renderedFiles: Object.keys(fixture.rendered).length,
    deterministic: checks.library,
    bareMatches: checks.bare,
    floorMatches: checks.floor,
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

function fmtS(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
