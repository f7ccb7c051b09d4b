import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { PrometheusAlertManagerDefinition } from '@cdktf/provider-aws/lib/prometheus-alert-manager-definition';
import { PrometheusWorkspace } from '@cdktf/provider-aws/lib/prometheus-workspace';
import { ProdStack } from '../../../stacks/prod';

// A reviewed snapshot: a pull request that changes what `prod` deploys shows the change here.
describe('the prod stack', () => {
  const stack = new ProdStack(Testing.app(), 'prod');
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);

  test('cdk.tf.json', () => {
    expect(json).toMatchSnapshot();
  });

  test.each(Object.keys(stack.aws.renderedFiles()))('rendered AWS file %s', (file) => {
    expect(stack.aws.renderedFiles()[file]).toMatchSnapshot();
  });

  test('state in S3, encrypted and locked, with a relative key', () => {
    expect(json.terraform.backend.s3).toEqual({
      bucket: 'example-monitoring-terraform-state',
      key: 'cdktf-monitoring/prod.tfstate',
      region: 'eu-west-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  test('AMP, AMG and one agent per named host', () => {
    expect(synthesized).toHaveResourceWithProperties(PrometheusWorkspace, { alias: 'prod-monitoring' });
    expect(synthesized).toHaveResource(PrometheusAlertManagerDefinition);
    expect(Object.keys(json.resource.aws_grafana_workspace)).toHaveLength(1);
    expect(json.provider.docker.map((p: any) => p.host)).toEqual(['ssh://deploy@app-1.prod.example.internal', 'ssh://deploy@app-2.prod.example.internal']);
    expect(Object.keys(json.resource.aws_prometheus_rule_group_namespace.monitoring_aws_amp_rules_FC214920.for_each)).toEqual(['api-health', 'host', 'slo-api-availability']);
  });

  test('the same definition as dev with prod thresholds: alert names, groups and receivers', () => {
    const files = stack.aws.renderedFiles();
    expect(files['aws/amp/rules/api-health.yml']).toMatch(/alert: ApiDown[\s\S]*for: 3m[\s\S]*alert: ApiHighErrorRatio[\s\S]*> 0\.02\n/);
    expect(files['aws/amp/rules/host.yml']).toContain('alert: HostDiskAlmostFull');
    expect(Object.keys(json.resource.aws_sns_topic.monitoring_aws_sns_topic_D8C35675.for_each)).toEqual(['oncall', 'team']);
  });

  test('cdktf synth writes the AWS files next to the environment files', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-prod-'));
    const app = new App({ outdir });
    new ProdStack(app, 'prod');
    app.synth();
    const rendered = path.join(outdir, 'stacks/prod/rendered/monitoring');
    expect(fs.existsSync(path.join(rendered, 'prometheus/rules/api-health.yml'))).toBe(true);
    expect(fs.readFileSync(path.join(rendered, 'aws/amp/alertmanager.yml'), 'utf8')).toContain('sns_configs:');
    expect(fs.existsSync(path.join(rendered, 'aws/agents/app-2/prometheus.yml'))).toBe(true);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
