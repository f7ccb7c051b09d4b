import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { ProdStack } from '../../stacks/prod';
import { CfnTemplate, cfnText, normalizeTopicArns, terraformText } from '../helpers/cloudformation-text';
import { runTool, writeTempFiles } from '../helpers/tools';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/aws-cdk');
const STACK = 'prod-monitoring';

/**
 * `npx cdk synth` as a user runs it in examples/aws-cdk, offline: no AWS account (credentials and the instance metadata
 * service out of reach), no version check, no notices, no telemetry, no context lookups.
 */
function cdkSynth(outdir: string): string {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  for (const key of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete env[key];
  const result = spawnSync('npx', ['--no-install', 'cdk', 'synth', '--no-notices', '--no-lookups', '--quiet', '--output', outdir], {
    cwd: EXAMPLE,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`cdk synth failed with ${result.status ?? result.signal}:\n${output}`);
  return output;
}

/** The resources of one CloudFormation type, by logical id. */
function resourcesOf(template: CfnTemplate, type: string): [string, Record<string, any>][] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}

describe('example: the prod monitoring as an AWS CDK app (examples/aws-cdk)', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-awscdk-example-'));
  let output = '';
  let template: CfnTemplate;
  // The cdktf prod stack, from the same definition and settings: what its Terraform carries.
  const prodJson = JSON.parse(Testing.synth(new ProdStack(Testing.app(), 'prod')));

  beforeAll(() => {
    output = cdkSynth(outdir);
    template = JSON.parse(fs.readFileSync(path.join(outdir, `${STACK}.template.json`), 'utf8'));
  }, 240_000);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('npx cdk synth writes the template offline; its one warning says where the dashboards went', () => {
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
    expect(output).not.toMatch(/error/i);
    // the host rules' unscraped-job warning is acknowledged in app.ts (agents outside the app scrape node-exporter)
    const warnings = output.split('\n').filter((line) => /^WARNING /.test(line));
    expect(warnings).toEqual([expect.stringContaining('AwsCdkTarget prod-monitoring/monitoring/aws: 2 dashboard(s) declared')]);
    expect(warnings[0]).toContain('cdk.out/prod-monitoring.rendered/monitoring/aws/grafana/dashboards/');
    for (const file of ['Services/sample-api.json', 'Infrastructure/prod-host.json']) {
      expect(fs.existsSync(path.join(outdir, 'prod-monitoring.rendered/monitoring/aws/grafana/dashboards', file))).toBe(true);
    }
  });

  test('template (reviewed snapshot)', () => {
    expect(template).toMatchSnapshot();
  });

  test("every rule namespace carries the cdktf prod stack's rule file, byte for byte", () => {
    const tf = Object.values<any>(prodJson.resource.aws_prometheus_rule_group_namespace);
    expect(tf).toHaveLength(1); // one resource with for_each over the groups
    const expected = Object.fromEntries(Object.entries<any>(tf[0].for_each).map(([name, v]) => [name, terraformText(v.data)]));
    const actual = Object.fromEntries(resourcesOf(template, 'AWS::APS::RuleGroupsNamespace').map(([, p]) => [cfnText(p.Name), cfnText(p.Data)]));
    expect(Object.keys(actual).sort()).toEqual(['api-health', 'host', 'slo-api-availability']);
    expect(actual).toEqual(expected);
  });

  test("the alert manager definition is the cdktf prod stack's, but for how each engine spells a topic ARN", () => {
    const workspaces = resourcesOf(template, 'AWS::APS::Workspace');
    expect(workspaces).toHaveLength(1);
    const actual = cfnText(workspaces[0][1].AlertManagerDefinition);
    const expected = terraformText(Object.values<any>(prodJson.resource.aws_prometheus_alert_manager_definition)[0].definition);
    expect(normalizeTopicArns(actual, template)).toBe(normalizeTopicArns(expected));
    // the receivers deliver to the two topics, named the same in both engines
    expect(normalizeTopicArns(actual, template).match(/<sns:[^>]+>/g)).toEqual(['<sns:prod-alerts-oncall>', '<sns:prod-alerts-team>']);
  });

  test('promtool accepts every rule namespace and amtool the alertmanager_config, as extracted from the template', () => {
    const files: Record<string, string> = {};
    for (const [, p] of resourcesOf(template, 'AWS::APS::RuleGroupsNamespace')) files[`rules/${cfnText(p.Name)}.yml`] = cfnText(p.Data);
    const definition = parse(normalizeTopicArns(cfnText(resourcesOf(template, 'AWS::APS::Workspace')[0][1].AlertManagerDefinition), template));
    // amtool needs an ARN where the template has a reference resolved at deploy time
    files['alertmanager.yml'] = definition.alertmanager_config.replace(/<sns:([^>]+)>/g, 'arn:aws:sns:eu-west-1:123456789012:$1');
    const dir = writeTempFiles(files, 'cm-awscdk-oracle-');
    try {
      const rules = runTool('promtool', ['check', 'rules', ...Object.keys(files).filter((f) => f.startsWith('rules/')).map((f) => path.join(dir, f))]);
      expect(rules.output).not.toContain('FAILED');
      expect(rules.status).toBe(0);
      const am = runTool('amtool', ['check-config', path.join(dir, 'alertmanager.yml')]);
      expect(am.output).toContain('SUCCESS');
      expect(am.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
