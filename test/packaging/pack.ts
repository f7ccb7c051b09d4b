import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { node10Declarations } from '../../scripts/node10-types';

export const ROOT = path.resolve(__dirname, '../..');
export const ENV = { ...process.env, CHECKPOINT_DISABLE: '1' };

/** Runs a command; on failure the error carries its output. Returns stdout and stderr together. */
export function run(cmd: string, args: readonly string[], cwd: string, timeout = 240_000, env: NodeJS.ProcessEnv = ENV): string {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, env });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed with ${result.status ?? result.signal}:\n${output}`);
  return output;
}

/**
 * Builds and packs the library the way `npm run build` + `npm pack` publish it, in a staging directory under `work`
 * (package.json, README.md and a fresh dist/ with the node10 declarations), so that it never writes the checkout's
 * dist/ while another packaging test builds there. Returns the tarball's path.
 */
export function packStaged(work: string): string {
  const stage = path.join(work, 'stage');
  fs.mkdirSync(stage, { recursive: true });
  for (const file of ['package.json', 'README.md']) fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
  run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', path.join(stage, 'dist')], ROOT);
  const node10 = path.join(stage, 'dist/node10');
  fs.mkdirSync(node10, { recursive: true });
  for (const [file, text] of Object.entries(node10Declarations())) fs.writeFileSync(path.join(node10, file), text);
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], stage).trim().split('\n').pop()!;
  return path.join(work, tarball);
}
