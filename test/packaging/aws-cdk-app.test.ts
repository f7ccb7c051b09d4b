import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENV, packStaged, ROOT, run } from './pack';

// The AWS CDK CLI is installed in a user's app; here the repo's own copy stands in for it (as the cdktf CLI does in
// npm-pack.test.ts).
const CDK = path.join(ROOT, 'node_modules/aws-cdk/bin/cdk');
/** The `cdk init app --language=typescript` template of the installed CLI. */
const TEMPLATE = path.join(ROOT, 'node_modules/aws-cdk/lib/init-templates/app/typescript');
const version = (name: string): string => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/** Offline: no AWS account, no version check, no notices, no telemetry. */
const CDK_ENV: NodeJS.ProcessEnv = {
  ...ENV,
  CDK_DISABLE_VERSION_CHECK: '1',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};
for (const key of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete CDK_ENV[key];

const STACK_TS = `import * as cdk from 'aws-cdk-lib/core';
import { Construct } from 'constructs';
import { AlertGroup, AlertRouting, AwsCdkTarget, Duration, MonitoringStack, Receiver, Severity } from 'cdktf-monitoring/aws-cdk';

export class OpsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const monitoring = new MonitoringStack(this, 'monitoring', { environment: 'ops', target: new AwsCdkTarget({ region: 'eu-west-1' }) });
    new AlertGroup(monitoring, 'web-health', {
      rules: [{ alert: 'WebDown', expr: 'up{job="web"} == 0', for: Duration.minutes(2), severity: Severity.CRITICAL, summary: 'web is down' }],
    });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.email('team', { to: 'team@example.com', from: 'alerts@example.com', smarthost: 'smtp.example.com:587' })],
      route: { receiver: 'team' },
    });
  }
}
`;

const APP_TS = `#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib/core';
import { OpsStack } from '../lib/ops-stack';

const app = new cdk.App();
new OpsStack(app, 'OpsStack');
`;

/** Every installed copy of `name` under `dir`'s node_modules, as paths relative to `dir`. */
function copiesOf(dir: string, name: string): string[] {
  const found: string[] = [];
  const walk = (modules: string) => {
    if (!fs.existsSync(modules)) return;
    for (const entry of fs.readdirSync(modules)) {
      const pkgs = entry.startsWith('@') ? fs.readdirSync(path.join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
      for (const pkg of pkgs) {
        const at = path.join(modules, pkg);
        if (pkg === name) found.push(path.relative(dir, at));
        walk(path.join(at, 'node_modules'));
      }
    }
  };
  walk(path.join(dir, 'node_modules'));
  return found;
}

/**
 * A plain AWS CDK app, made as `cdk init app --language=typescript` makes it (its tsconfig and layout), with aws-cdk-lib
 * and constructs from the npm registry and no cdktf: installs the packed library, imports `cdktf-monitoring/aws-cdk`,
 * type-checks and synthesizes.
 */
describe('packaging: a plain AWS CDK app', () => {
  test('npm pack → install beside aws-cdk-lib and constructs → no cdktf, one constructs → type-check → cdk synth', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-pack-cdk-'));
    try {
      const tarball = packStaged(work);
      const app = path.join(work, 'app');
      fs.mkdirSync(path.join(app, 'bin'), { recursive: true });
      fs.mkdirSync(path.join(app, 'lib'), { recursive: true });
      fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'ops-cdk', private: true, version: '0.1.0' }));
      // What the template installs for building (aws-cdk-lib, constructs, typescript, @types/node), at the versions this
      // repo tests with; the template's TypeScript 7 and its jest and tsx are not needed to type-check and synthesize.
      const packages = [tarball, ...['aws-cdk-lib', 'constructs', 'typescript', '@types/node'].map((name) => `${name}@${version(name)}`)];
      const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn', ...packages], app);
      expect(install.split('\n').filter((line) => /npm warn/i.test(line))).toEqual([]);

      // Neither cdktf nor a Terraform provider came with the library, and the app keeps one constructs.
      expect(copiesOf(app, 'cdktf')).toEqual([]);
      expect(copiesOf(app, 'cdktf-cli')).toEqual([]);
      expect(fs.readdirSync(path.join(app, 'node_modules')).filter((d) => d === '@cdktf')).toEqual([]);
      expect(copiesOf(app, 'constructs')).toEqual(['node_modules/constructs']);

      // The template's tsconfig (NodeNext, strict), with only the types installed here.
      const tsconfig = JSON.parse(fs.readFileSync(path.join(TEMPLATE, 'tsconfig.json'), 'utf8'));
      tsconfig.compilerOptions.types = ['node'];
      fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
      fs.writeFileSync(path.join(app, 'lib/ops-stack.ts'), STACK_TS);
      fs.writeFileSync(path.join(app, 'bin/ops.ts'), APP_TS);
      const tsc = path.join(app, 'node_modules/typescript/bin/tsc');
      run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
      run(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', 'build', '--inlineSourceMap', 'false', '--inlineSources', 'false'], app);
      fs.writeFileSync(path.join(app, 'cdk.json'), JSON.stringify({ app: 'node build/bin/ops.js' }, null, 2));

      run(process.execPath, [CDK, 'synth', '--no-notices', '--no-lookups', '--quiet'], app, 240_000, CDK_ENV);
      const template = JSON.parse(fs.readFileSync(path.join(app, 'cdk.out/OpsStack.template.json'), 'utf8'));
      const types = Object.values<{ Type: string; Properties: Record<string, unknown> }>(template.Resources).map((r) => r.Type);
      expect(types).toEqual(expect.arrayContaining(['AWS::APS::Workspace', 'AWS::APS::RuleGroupsNamespace', 'AWS::SNS::Topic']));
      expect(JSON.stringify(template)).toContain('alert: WebDown');

      // The cdktf entry point, imported by mistake, says what to import instead.
      const root = spawnSync(process.execPath, ['-e', 'require("cdktf-monitoring")'], { cwd: app, encoding: 'utf8', env: ENV });
      expect(root.status).not.toBe(0);
      expect(root.stderr).toContain("In an AWS CDK app, import 'cdktf-monitoring/aws-cdk' instead");
      // The cdktn entry point loads without cdktn; its engine says what to install when used.
      const cdktn = spawnSync(process.execPath, ['-e', 'require("cdktf-monitoring/cdktn").CDKTN_ENGINE.lazyString(() => "")'], { cwd: app, encoding: 'utf8', env: ENV });
      expect(cdktn.status).not.toBe(0);
      expect(cdktn.stderr).toContain('CDKTN_ENGINE needs the package cdktn (^0.24.0, CDK Terrain), which is not installed');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 600_000);
});
