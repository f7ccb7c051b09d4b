import * as fs from 'fs';
import type { BenchTarget } from './environment';
import type { Fixture } from './fixture';

/** The programs a child can run: the library, the typed bare cdktf program (Docker), the generic one, the floor. */
export type ChildMode = 'library' | 'bare' | 'bare-generic' | 'floor';

/** What the parent asks a child to do (one JSON argument). */
export interface ChildRequest {
  readonly mode: ChildMode;
  readonly services: number;
  readonly outdir: string;
  /** The baselines' pre-rendered strings (not for `library`). */
  readonly fixture?: string;
  /** Service-health rules of the library run. */
  readonly rules: 'preset' | 'bench';
  /** The target the library synthesizes for. */
  readonly target: BenchTarget;
}

/** What one child process reports on stdout (one JSON line). */
export interface ChildResult {
  readonly mode: ChildMode;
  readonly services: number;
  /** Reading the fixture (baselines only); excluded from their wall time. */
  readonly prepMs: number;
  /** Loading the program's modules (cdktf, providers, the library). */
  readonly loadMs: number;
  /** Building the construct tree (or the JSON object). */
  readonly buildMs: number;
  /** `app.synth()`: validation, rendering, token resolution, writing. */
  readonly synthMs: number;
  /** CPU time of the whole process (user + system, all threads), minus reading the fixture. */
  readonly cpuMs: number;
  /** Peak resident set size of the child, in KiB (`process.resourceUsage().maxRSS`). */
  readonly maxRssKb: number;
  /** The service-health rules the library run used (`preset` or `bench`); empty for the baselines. */
  readonly rules: string;
}

/** Loads a module when the mode needs it, so each mode pays only for what it loads (timed as `loadMs`). */
function load<T>(id: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id) as T;
}

/** One measured program run, in a fresh process: `node child.js '<ChildRequest as JSON>'`. */
function main(): void {
  const request = JSON.parse(process.argv[2]) as ChildRequest;
  const { mode, services, outdir } = request;
  let rules = '';
  let prepMs = 0;
  let fixture: Fixture | undefined;
  let prepCpu = 0;
  if (mode !== 'library') {
    const t = performance.now();
    const c = process.cpuUsage();
    fixture = JSON.parse(fs.readFileSync(request.fixture!, 'utf8')) as Fixture;
    const used = process.cpuUsage(c);
    prepCpu = (used.user + used.system) / 1000;
    prepMs = performance.now() - t;
  }
  const t0 = performance.now();
  let t1: number;
  let t2: number;
  if (mode === 'library') {
    const { App } = load<typeof import('cdktf')>('cdktf');
    const { BenchStack } = load<typeof import('./environment')>('./environment');
    const { STACK_ID } = load<typeof import('./fixture')>('./fixture');
    t1 = performance.now();
    const app = new App({ outdir });
    rules = new BenchStack(app, STACK_ID, services, { rules: request.rules, target: request.target }).rules;
    t2 = performance.now();
    app.synth();
  } else if (mode === 'bare') {
    const { bareProgram, synthBare } = load<typeof import('./bare')>('./bare');
    t1 = performance.now();
    const app = bareProgram(outdir, fixture!);
    t2 = performance.now();
    synthBare(app, outdir, fixture!);
  } else if (mode === 'bare-generic') {
    const { genericBareProgram, synthGenericBare } = load<typeof import('./bare-generic')>('./bare-generic');
    t1 = performance.now();
    const app = genericBareProgram(outdir, fixture!);
    t2 = performance.now();
    synthGenericBare(app, outdir, fixture!);
  } else if (mode === 'floor') {
    const { floorProgram } = load<typeof import('./floor')>('./floor');
    t1 = performance.now();
    t2 = t1;
    floorProgram(outdir, fixture!);
  } else {
    throw new Error(`unknown mode ${String(mode)}`);
  }
  const t3 = performance.now();
  const cpu = process.cpuUsage();
  const result: ChildResult = {
    mode,
    services,
    prepMs,
    loadMs: t1 - t0,
    buildMs: t2 - t1,
    synthMs: t3 - t2,
    cpuMs: (cpu.user + cpu.system) / 1000 - prepCpu,
    maxRssKb: process.resourceUsage().maxRSS,
    rules,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) main();
