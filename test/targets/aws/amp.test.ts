import { Testing } from 'cdktf';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { PrometheusAlertManagerDefinition } from '@cdktf/provider-aws/lib/prometheus-alert-manager-definition';
import { PrometheusRuleGroupNamespace } from '@cdktf/provider-aws/lib/prometheus-rule-group-namespace';
import { PrometheusWorkspace } from '@cdktf/provider-aws/lib/prometheus-workspace';
import { PrometheusWorkspaceConfiguration } from '@cdktf/provider-aws/lib/prometheus-workspace-configuration';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { AlertGroup, AlertRouting, Duration, Receiver, Secret, Severity } from '../../../lib';
import { renderRuleFile } from '../../../lib/render/rule-file';
import { awsEnvironment, onlyResource } from './helpers';

describe('AwsManagedTarget: the AMP workspace', () => {
  const { stack, monitoring, aws } = awsEnvironment(
    { tags: { team: 'platform' }, kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', logRetentionDays: 90 },
    { prometheus: { retention: Duration.days(120) } },
  );
  const group = new AlertGroup(monitoring, 'api-health', {
    rules: [{ alert: 'ApiDown', expr: 'up{job="api"} == 0', for: '2m', severity: Severity.CRITICAL, summary: 'Down since ${x}' }],
  });
  new AlertRouting(monitoring, 'routing', {
    receivers: [
      Receiver.of('oncall', [
        Receiver.integration.webhook({ url: 'https://incidents.example.com/hook', sendResolved: true }),
        Receiver.integration.email({ to: 'a@example.com, b@example.com', from: 'am@example.com', smarthost: 'smtp.example.com:587' }),
      ]),
      Receiver.discard('null'),
    ],
    route: { receiver: 'oncall', routes: [{ matchers: { severity: 'info' }, receiver: 'null' }] },
  });
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);

  test('a workspace per environment with alias, tags, KMS key and logs to a CloudWatch log group with retention', () => {
    expect(synthesized).toHaveResourceWithProperties(PrometheusWorkspace, {
      alias: 'prod-monitoring',
      kms_key_arn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      tags: { Name: 'prod-monitoring', environment: 'prod', 'managed-by': 'cdktf-monitoring', team: 'platform' },
      logging_configuration: { log_group_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.\S+\.arn\}:\*$/) },
    });
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, { name: '/aws/vendedlogs/prometheus/prod', retention_in_days: 90 });
  });

  test("the environment's retention becomes the workspace's retention period", () => {
    expect(synthesized).toHaveResourceWithProperties(PrometheusWorkspaceConfiguration, { retention_period_in_days: 120 });
  });

  test('each AlertGroup is a rule groups namespace whose data is the rule file the Docker host renders, escaped for Terraform', () => {
    const rules = onlyResource(json, PrometheusRuleGroupNamespace.tfResourceType);
    expect(rules).toMatchObject({ name: '${each.key}', data: '${each.value.data}' });
    expect(Object.keys(rules.for_each)).toEqual(['api-health']);
    expect(rules.for_each['api-health'].data).toBe(renderRuleFile(group.group).replace('${x}', () => '$${x}'));
    expect(aws.renderedFiles()['aws/amp/rules/api-health.yml']).toBe(monitoring.renderedFiles()['prometheus/rules/api-health.yml']);
  });

  test('each receiver gets an SNS topic, a policy letting only this workspace publish, and a subscription per address or https endpoint', () => {
    const topics = onlyResource(json, SnsTopic.tfResourceType);
    expect(topics.for_each).toEqual({ oncall: { name: 'prod-alerts-oncall' } });
    const policy = onlyResource(json, 'aws_sns_topic_policy');
    expect(policy.policy).toContain('"Service" = "aps.amazonaws.com"');
    expect(policy.policy).toContain('"aws:SourceArn" = aws_prometheus_workspace.');
    expect(policy.policy).toContain('"aws:SourceAccount" = data.aws_caller_identity.');
    expect(policy.policy).toContain('"sns:Publish"');
    const subscriptions = onlyResource(json, SnsTopicSubscription.tfResourceType);
    expect(Object.values(subscriptions.for_each)).toEqual([
      { topic_name: 'prod-alerts-oncall', protocol: 'email', endpoint: 'a@example.com' },
      { topic_name: 'prod-alerts-oncall', protocol: 'email', endpoint: 'b@example.com' },
      { topic_name: 'prod-alerts-oncall', protocol: 'https', endpoint: 'https://incidents.example.com/hook' },
    ]);
    expect(subscriptions.depends_on).toEqual([expect.stringMatching(/^aws_sns_topic\./)]);
  });

  test('the alert manager definition wraps alertmanager_config, delivers through sns_configs, and is created after the topics', () => {
    const definition = onlyResource(json, PrometheusAlertManagerDefinition.tfResourceType);
    expect(definition.depends_on).toEqual([expect.stringMatching(/^aws_sns_topic\./), expect.stringMatching(/^aws_sns_topic_policy\./)]);
    const text: string = definition.definition;
    expect(text).toMatch(/^# Alert manager definition[^\n]*\n#[^\n]*\nalertmanager_config: \|\n/);
    expect(text).toContain(
      'topic_arn: arn:${data.aws_partition.monitoring_aws_partition_B14E6C74.partition}:sns:eu-west-1:${data.aws_caller_identity.monitoring_aws_account_88A210C2.account_id}:prod-alerts-oncall',
    );
    expect(text).toContain('sigv4:\n            region: eu-west-1');
    expect(text).not.toMatch(/webhook_configs|email_configs/);
    expect(aws.renderedFiles()['aws/amp/alertmanager.yml']).toContain('  - name: "null"\n');
  });

  test('outputs the workspace id and endpoints', () => {
    expect(Object.keys(json.output).sort()).toEqual(['amp_query_url', 'amp_remote_write_url', 'amp_workspace_id', 'grafana_service_account_token', 'grafana_url']);
  });
});

describe('AwsManagedTarget: content is read at synth', () => {
  test('rule groups and receivers declared after the target still land (and routing can reuse an existing SNS topic)', () => {
    const { stack, monitoring } = awsEnvironment({ existingTopics: { chat: 'arn:aws:sns:eu-west-1:123456789012:chatbot-alerts' } });
    new AlertRouting(monitoring, 'routing', { receivers: [Receiver.email('team', { to: 't@example.com', from: 'a@example.com', smarthost: 'smtp:25' })], route: { receiver: 'team' } });
    const late = new AlertRouting(monitoring, 'late');
    late.addReceiver(Receiver.slack('chat', { apiUrl: Secret.fromVariable('slack_url') }));
    new AlertGroup(monitoring, 'late-group', { rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(onlyResource(json, PrometheusRuleGroupNamespace.tfResourceType).for_each)).toEqual(['late-group']);
    expect(onlyResource(json, SnsTopic.tfResourceType).for_each).toEqual({ team: { name: 'prod-alerts-team' } });
    expect(onlyResource(json, PrometheusAlertManagerDefinition.tfResourceType).definition).toContain('topic_arn: arn:aws:sns:eu-west-1:123456789012:chatbot-alerts');
  });
});

describe('AwsManagedTarget: query logging', () => {
  test('expensive queries are logged to the workspace log group; the threshold is configurable and can be turned off', () => {
    const on = awsEnvironment({ queryLogThreshold: 250_000 });
    const json = JSON.parse(Testing.synth(on.stack, true));
    const logging = Object.values(json.resource.aws_prometheus_query_logging_configuration as Record<string, any>);
    expect(logging).toHaveLength(1);
    expect(logging[0].destination).toEqual([
      { cloudwatch_logs: [{ log_group_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.\S+\.arn\}:\*$/) }], filters: [{ qsp_threshold: 250000 }] },
    ]);
    const off = awsEnvironment({ queryLogThreshold: false });
    expect(JSON.parse(Testing.synth(off.stack, true)).resource.aws_prometheus_query_logging_configuration).toBeUndefined();
  });

  test('a bad threshold is refused', () => {
    expect(() => awsEnvironment({ queryLogThreshold: -1 })).toThrow(
      'AwsManagedTarget of MonitoringStack test/monitoring, queryLogThreshold: got -1, expected a whole number of query samples processed (e.g. 1000000), or false for no query logging',
    );
  });
});
