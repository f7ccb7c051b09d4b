import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });

/**
 * Packs the library the way it is published and uses it from a separate folder, like a user's IaC repo:
 * npm install of the tarball (with cdktf, constructs and the providers as the user's own dependencies),
 * a TypeScript app type-checked against the shipped declarations, then synthesized.
 */
describe('packaging', () => {
  test('npm pack → install in a separate app → type-check → synth', () => {
    run('npm', ['run', 'build', '--silent'], ROOT);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-pack-'));
    const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], ROOT).trim().split('\n').pop()!;
    const contents = run('tar', ['-tzf', path.join(work, tarball)], work);
    expect(contents).toContain('package/dist/lib/index.js');
    expect(contents).toContain('package/dist/lib/index.d.ts');
    expect(contents).toContain('package/dist/lib/targets/aws/index.js'); // the `cdktf-monitoring/aws` subpath
    expect(contents).not.toMatch(/package\/(test|stacks|bench)\//);

    const app = path.join(work, 'app');
    fs.mkdirSync(app);
    const versions = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies;
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'user-iac', private: true, version: '1.0.0' }));
    run(
      'npm',
      [
        'install', '--prefer-offline', '--no-audit', '--no-fund', '--silent',
        path.join(work, tarball),
        `cdktf@${versions.cdktf}`, `constructs@${versions.constructs}`,
        `@cdktf/provider-docker@${versions['@cdktf/provider-docker']}`, `@cdktf/provider-random@${versions['@cdktf/provider-random']}`,
      ],
      app,
    );
    fs.writeFileSync(
      path.join(app, 'main.ts'),
      `import { App, TerraformStack } from 'cdktf';
import { AlertGroup, AlertRouting, DockerHostTarget, Duration, MonitoringStack, Receiver, ServiceScrape, Severity } from 'cdktf-monitoring';

const app = new App();
const stack = new TerraformStack(app, 'ops');
const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'ops', target: new DockerHostTarget() });
new ServiceScrape(monitoring, 'web', { targets: ['web:9000'], interval: Duration.seconds(30) });
new AlertGroup(monitoring, 'web-health', { rules: [{ alert: 'WebDown', expr: 'up{job="web"} == 0', for: Duration.minutes(1), severity: Severity.CRITICAL }] });
new AlertRouting(monitoring, 'routing', { receivers: [Receiver.webhook('hook', { url: 'http://hook:8080/' })], route: { receiver: 'hook' } });
app.synth();
`,
    );
    fs.writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true, outDir: 'out', types: [] }, files: ['main.ts'] }),
    );
    run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
    // exactly one copy of cdktf in the user's tree: the library brings none of its own
    expect(fs.existsSync(path.join(app, 'node_modules/cdktf-monitoring/node_modules/cdktf'))).toBe(false);
    run(process.execPath, ['out/main.js'], app);
    const tf = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out/stacks/ops/cdk.tf.json'), 'utf8'));
    expect(Object.keys(tf.resource.docker_container)).toHaveLength(5);
    expect(fs.readFileSync(path.join(app, 'cdktf.out/stacks/ops/rendered/monitoring/prometheus/prometheus.yml'), 'utf8')).toContain('job_name: web');
    fs.rmSync(work, { recursive: true, force: true });
  }, 300_000);
});
