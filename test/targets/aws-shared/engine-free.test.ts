import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const ENGINE = /^((cdktf|cdktn|aws-cdk-lib)(\/|$)|@cdktf\/|@cdktn\/)/;

/** Every module specifier a TypeScript file imports or re-exports (type-only imports included). */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?(?:from\s*)?['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** The engine packages `entry` reaches through its relative imports, with the file that imports each. */
function enginesReachedFrom(entryDir: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const queue = fs.readdirSync(entryDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(entryDir, f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of specifiers(file)) {
      if (ENGINE.test(spec)) found.push(`${path.relative(ROOT, file)} imports ${spec}`);
      if (spec.startsWith('.')) {
        const base = path.resolve(path.dirname(file), spec);
        const next = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
        if (next) queue.push(next);
      }
    }
  }
  return found.sort();
}

describe('the parts both AWS targets share import no IaC engine', () => {
  test('lib/targets/aws-shared reaches no cdktf, cdktn or aws-cdk-lib module, directly or through what it imports', () => {
    expect(enginesReachedFrom(path.join(ROOT, 'lib/targets/aws-shared'))).toEqual([]);
  });

  test('the scan finds an engine import where there is one (lib/targets/aws imports cdktf)', () => {
    expect(enginesReachedFrom(path.join(ROOT, 'lib/targets/aws'))).toEqual(expect.arrayContaining([expect.stringMatching(/ imports cdktf$/)]));
  });

  test('loading the AWS CDK target loads no cdktf or @cdktf module', () => {
    const script =
      "require('./lib/targets/aws-cdk');" +
      "console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules[\\\\/](cdktf|@cdktf)[\\\\/]/.test(k))));";
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(result.stdout.trim())).toEqual([]);
  });
});
