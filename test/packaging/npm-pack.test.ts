import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  MAIN_TS, MODULE_SETTINGS, MONITORING_TS, SNAPSHOT_TEST_TS, TEMPLATE_CDKTF_JSON, TEMPLATE_DEV_DEPENDENCIES, TEMPLATE_JEST_CONFIG,
  TEMPLATE_JEST_SETUP, TEMPLATE_TSCONFIG, templateDrift,
} from './cdktf-init-app';
import { ENV, ROOT, run } from './pack';

// The cdktf CLI is installed globally in a user's setup; here the repo's own copy stands in for it.
const CDKTF = path.join(ROOT, 'node_modules/cdktf-cli/bundle/bin/cdktf');

/**
 * Packs the library the way it is published and installs it into an app made from `cdktf init --template=typescript`
 * (its tsconfig, jest config and cdktf.json; see cdktf-init-app.ts), as a user's IaC repo would. Under each module
 * setting a cdktf or AWS CDK app uses, the app type-checks without --transpile-only; under the template's own and
 * node16 it also synthesizes through the cdktf CLI and runs a snapshot test with ts-jest.
 */
describe('packaging', () => {
  test('the template facts this test writes are the installed cdktf-cli template', () => {
    expect(templateDrift(ROOT)).toEqual([]);
  });

  test('npm pack → install into a cdktf init app without warnings → type-check, synth and jest per module setting', () => {
    run('npm', ['run', 'build', '--silent'], ROOT);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-pack-'));
    try {
      const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', env: ENV }).trim().split('\n').pop()!;
      const contents = run('tar', ['-tzf', path.join(work, tarball)], work);
      for (const file of ['index.js', 'index.d.ts', 'targets/aws/index.js', 'targets/aws/index.d.ts', 'aws-cdk.js', 'aws-cdk.d.ts', 'cdktn.js', 'cdktn.d.ts']) {
        expect(contents).toContain(`package/dist/lib/${file}`);
      }
      for (const file of ['index.d.ts', 'aws.d.ts', 'aws-cdk.d.ts', 'cdktn.d.ts', 'foundation-sdk.d.ts']) expect(contents).toContain(`package/dist/node10/${file}`); // typesVersions
      expect(contents).not.toMatch(/package\/(test|stacks|bench|examples|scripts)\//);
      // @internal members (the model's methods that add to it) are stripped from the published declarations
      expect(fs.readFileSync(path.join(ROOT, 'dist/lib/model/environment.d.ts'), 'utf8')).not.toMatch(/addScrapeJob|addRuleGroup|setLogs/);

      const app = path.join(work, 'app');
      fs.mkdirSync(path.join(app, '__tests__'), { recursive: true });
      fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'user-iac', private: true, version: '1.0.0' }));
      // One install, as a user runs it after `cdktf init`: what the template installs (at the versions this repo
      // tests with) plus the library and its peers. Every `npm warn` fails the test: there is none to expect.
      const timings: string[] = [];
      const timed = <T>(label: string, step: () => T): T => {
        const start = Date.now();
        const value = step();
        timings.push(`${label} ${((Date.now() - start) / 1000).toFixed(1)} s`);
        return value;
      };
      const dev = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies as Record<string, string>;
      const packages = [
        path.join(work, tarball),
        ...['cdktf', 'constructs', '@cdktf/provider-docker', '@cdktf/provider-random', ...TEMPLATE_DEV_DEPENDENCIES].map((name) => `${name}@${dev[name]}`),
      ];
      const install = timed('npm install', () => run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn', ...packages], app));
      expect(install.split('\n').filter((line) => /npm warn/i.test(line))).toEqual([]);
      // exactly one copy of cdktf in the user's tree: the library brings none of its own
      expect(fs.existsSync(path.join(app, 'node_modules/cdktf-monitoring/node_modules/cdktf'))).toBe(false);

      fs.writeFileSync(path.join(app, 'monitoring.ts'), MONITORING_TS);
      fs.writeFileSync(path.join(app, 'main.ts'), MAIN_TS);
      fs.writeFileSync(path.join(app, 'cdktf.json'), JSON.stringify(TEMPLATE_CDKTF_JSON, null, 2));
      fs.writeFileSync(path.join(app, 'jest.config.js'), `module.exports = ${JSON.stringify(TEMPLATE_JEST_CONFIG, null, 2)};\n`);
      fs.writeFileSync(path.join(app, 'setup.js'), TEMPLATE_JEST_SETUP);
      fs.writeFileSync(path.join(app, '__tests__/main-test.ts'), SNAPSHOT_TEST_TS);

      // The shipped declarations check on their own, without skipLibCheck: stripping @internal members broke nothing
      // (a class still implements its interfaces, no type names a stripped member).
      fs.writeFileSync(path.join(app, 'tsconfig.dts.json'), JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: 'node16', moduleResolution: 'node16', target: 'ES2022', types: [] },
        files: ['node_modules/cdktf-monitoring/dist/lib/index.d.ts'],
      }));
      timed('declarations tsc', () => run(process.execPath, [path.join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.dts.json'], app));

      const results: string[] = [];
      let snapshotsWritten = false;
      for (const setting of MODULE_SETTINGS) {
        const tsconfig = { ...TEMPLATE_TSCONFIG, compilerOptions: { ...TEMPLATE_TSCONFIG.compilerOptions, ...setting.options } };
        fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
        timed(`${setting.name} tsc`, () => run(process.execPath, [path.join(app, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json'], app));
        if (!setting.full) {
          results.push(`${setting.name}: type-check ok`);
          continue;
        }
        fs.rmSync(path.join(app, 'cdktf.out'), { recursive: true, force: true });
        timed(`${setting.name} cdktf synth`, () => run(process.execPath, [CDKTF, 'synth'], app));
        const tf = JSON.parse(fs.readFileSync(path.join(app, 'cdktf.out/stacks/ops/cdk.tf.json'), 'utf8'));
        expect(Object.keys(tf.resource.docker_container).length).toBeGreaterThanOrEqual(5);
        const rendered = path.join(app, 'cdktf.out/stacks/ops/rendered/monitoring');
        expect(fs.readFileSync(path.join(rendered, 'prometheus/prometheus.yml'), 'utf8')).toContain('job_name: web');
        expect(fs.existsSync(path.join(rendered, 'prometheus/rules/web-slo.yml'))).toBe(true);
        // The first run writes the snapshots, as a user's first run does; every later run (the other setting
        // included) must match them with --ci, which writes nothing.
        const jestArgs = [path.join(app, 'node_modules/jest/bin/jest.js'), '--cacheDirectory', path.join(work, 'jest-cache'), snapshotsWritten ? '--ci' : '--ci=false'];
        const jest = timed(`${setting.name} jest`, () => run(process.execPath, jestArgs, app));
        snapshotsWritten = true;
        expect(jest).not.toMatch(/ts-jest\[[^\]]*\] \(WARN\)|TS151002/);
        expect(jest).toMatch(/Tests:\s+1 passed, 1 total/);
        results.push(`${setting.name}: type-check ok, synth ok, jest ok`);
      }
      expect(fs.readdirSync(path.join(app, '__tests__/__snapshots__'))).toEqual(['main-test.ts.snap']);
            console.log(`packaging matrix:\n${results.join('\n')}\ntimings: ${timings.join(', ')}`);

      // The AWS entry point without its optional peer says what to install.
      const aws = spawnSync(process.execPath, ['-e', 'require("cdktf-monitoring/aws")'], { cwd: app, encoding: 'utf8', env: ENV });
      expect(aws.status).not.toBe(0);
      expect(aws.stderr).toContain('cdktf-monitoring/aws needs the package @cdktf/provider-aws (^21.0.0');
      expect(aws.stderr).toContain('npm install @cdktf/provider-aws@^21.0.0');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 600_000);
});
