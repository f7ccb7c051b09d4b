import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/** Every file under `dir`, relative path → bytes. */
function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Runs the app the way `cdktf synth` does (the command from cdktf.json) from `cwd`, writing to `outdir`. */
function synthFrom(cwd: string, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  execFileSync(process.execPath, ['--require', 'ts-node/register/transpile-only', path.join(ROOT, 'stacks/main.ts')], {
    cwd,
    env: { ...process.env, CDKTF_OUTDIR: outdir, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), NODE_PATH: path.join(ROOT, 'node_modules'), CHECKPOINT_DISABLE: '1' },
    timeout: 120_000,
  });
}

/**
 * Runs the AWS CDK example (examples/aws-cdk/app.ts, what its cdk.json runs) from `cwd`, writing to `outdir`, with the
 * context of its cdk.json as the CDK CLI passes it (CDK_CONTEXT_JSON).
 */
function synthAwsCdkFrom(cwd: string, outdir: string): void {
  fs.mkdirSync(outdir, { recursive: true });
  const context = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/aws-cdk/cdk.json'), 'utf8')).context;
  execFileSync(process.execPath, ['--require', 'ts-node/register/transpile-only', path.join(ROOT, 'examples/aws-cdk/app.ts')], {
    cwd,
    env: {
      ...process.env,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify(context),
      TS_NODE_PROJECT: path.join(ROOT, 'examples/aws-cdk/tsconfig.json'),
      NODE_PATH: path.join(ROOT, 'node_modules'),
    },
    timeout: 120_000,
  });
}

describe('determinism', () => {
  test('two synths from two different working directories give byte-identical output', () => {
    const first = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-det-a-'));
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-det-b-'));
    synthFrom(ROOT, path.join(first, 'out'));
    synthFrom(second, path.join(second, 'elsewhere', 'out'));
    const a = readTree(path.join(first, 'out'));
    const b = readTree(path.join(second, 'elsewhere', 'out'));
    expect(Object.keys(a)).toContain('stacks/dev/cdk.tf.json');
    expect(Object.keys(a)).toContain('stacks/dev/rendered/monitoring/prometheus/prometheus.yml');
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const file of Object.keys(a)) expect({ file, content: b[file] }).toEqual({ file, content: a[file] });
    // no absolute paths of either working directory leak into the output
    for (const content of Object.values(a)) {
      expect(content).not.toContain(first);
      expect(content).not.toContain(ROOT);
    }
  });

  test('the AWS CDK app: two synths from two working directories give byte-identical templates and rendered files', () => {
    const first = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-det-cdk-a-'));
    const second = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-det-cdk-b-'));
    try {
      synthAwsCdkFrom(path.join(ROOT, 'examples/aws-cdk'), path.join(first, 'cdk.out'));
      synthAwsCdkFrom(second, path.join(second, 'elsewhere', 'cdk.out'));
      const a = readTree(path.join(first, 'cdk.out'));
      const b = readTree(path.join(second, 'elsewhere', 'cdk.out'));
      expect(Object.keys(a)).toContain('prod-monitoring.template.json');
      expect(Object.keys(a).some((file) => file.startsWith('prod-monitoring.rendered/'))).toBe(true);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const file of Object.keys(a)) expect({ file, content: b[file] }).toEqual({ file, content: a[file] });
      for (const content of Object.values(a)) {
        expect(content).not.toContain(first);
        expect(content).not.toContain(ROOT);
      }
    } finally {
      fs.rmSync(first, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  });
});
