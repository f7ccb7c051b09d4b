import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { median } from './report';

/** Wall times of one command run several times. */
export interface CommandTiming {
  readonly command: string;
  readonly runsMs: number[];
  readonly medianMs: number;
  readonly ok: boolean;
}

function timeCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, logFile: string): { ms: number; ok: boolean } {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60 * 60 * 1000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n${child.stdout ?? ''}\n${child.stderr ?? ''}`);
  return { ms, ok: child.status === 0 };
}

/**
 * Cold start of the README's synth command for the dev stack: `npx cdktf synth` in the repository, each run into
 * a fresh, empty output directory (the same as a clean cdktf.out, without touching the checkout's own), so every
 * run transpiles the TypeScript app again (ts-node). Also times the app command alone (what cdktf runs, from
 * cdktf.json) to separate the CLI's own start-up from the app.
 */
export function coldSynth(root: string, workDir: string, runs: number, env: NodeJS.ProcessEnv): CommandTiming[] {
  const cdktfJson = JSON.parse(fs.readFileSync(path.join(root, 'cdktf.json'), 'utf8')) as { app: string };
  const results: CommandTiming[] = [];
  const cli: number[] = [];
  const app: number[] = [];
  let ok = true;
  let appOk = true;
  for (let r = 0; r < runs; r++) {
    const out = path.join(workDir, `cold-${r}`);
    fs.rmSync(out, { recursive: true, force: true });
    const a = timeCommand('npx', ['cdktf', 'synth', '--output', out], root, env, path.join(workDir, `cold-${r}.log`));
    cli.push(a.ms);
    ok &&= a.ok && fs.existsSync(path.join(out, 'stacks', 'dev', 'cdk.tf.json'));
    fs.rmSync(out, { recursive: true, force: true });
    const [cmd, ...args] = cdktfJson.app.split(/\s+/);
    const b = timeCommand(cmd, args, root, { ...env, CDKTF_OUTDIR: out }, path.join(workDir, `app-${r}.log`));
    app.push(b.ms);
    appOk &&= b.ok && fs.existsSync(path.join(out, 'stacks', 'dev', 'cdk.tf.json'));
    fs.rmSync(out, { recursive: true, force: true });
  }
  results.push({ command: 'npx cdktf synth (dev stack, clean output dir)', runsMs: cli, medianMs: median(cli), ok });
  results.push({ command: `${cdktfJson.app} (the app alone, as cdktf.json runs it)`, runsMs: app, medianMs: median(app), ok: appOk });
  return results;
}

/** The whole test suite (`npm test`: type check plus every jest test, oracles and loopback end to end), once. */
export function suite(root: string, workDir: string, env: NodeJS.ProcessEnv): CommandTiming & { log: string } {
  const log = path.join(workDir, 'suite.log');
  const { ms, ok } = timeCommand('npm', ['test'], root, env, log);
  return { command: 'npm test', runsMs: [ms], medianMs: ms, ok, log };
}
