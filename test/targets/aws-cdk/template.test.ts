import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { AlertGroup, AlertRouting, dashboards, Duration, GrafanaDashboard, MonitoringStack, Receiver, Severity } from '../../../lib';
import { renderRuleFile } from '../../../lib/render/rule-file';
import { AwsCdkTarget } from '../../../lib/targets/aws-cdk';
import { messageOf } from '../../helpers/errors';
import { awsCdkEnvironment, cfnText, resourcesOfType, tempOutdir } from './helpers';

const KMS = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const CLUSTER = 'arn:aws:eks:eu-west-1:123456789012:cluster/main';

/** The logical id of the only resource of `type`. */
function onlyId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0];
}

describe('AwsCdkTarget: the CloudFormation template', () => {
  const { app, stack, monitoring, aws } = awsCdkEnvironment(
    { tags: { team: 'platform' }, kmsKeyArn: KMS, logRetentionDays: 90, eksScrapers: [{ name: 'main', clusterArn: CLUSTER, subnetIds: ['subnet-0abc'], securityGroupIds: ['sg-0abc'] }] },
    { prometheus: { retention: Duration.days(120) } },
  );
  // Declared after the target was bound: the per-group and per-receiver resources are created at synth.
  const group = new AlertGroup(monitoring, 'api-health', {
    rules: [{ alert: 'ApiDown', expr: 'up{job="api"} == 0', for: '2m', severity: Severity.CRITICAL, summary: 'Down since ${x}' }],
  });
  new AlertGroup(monitoring, 'host', { rules: [{ alert: 'HostDown', expr: 'up{job="node"} == 0' }] });
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
  new GrafanaDashboard(monitoring, 'red', { dashboard: dashboards.red({ job: 'api' }) });
  const template = Template.fromStack(stack);
  const workspaceId = onlyId(template, 'AWS::APS::Workspace');
  const logGroupId = onlyId(template, 'AWS::Logs::LogGroup');
  const tags = [
    { Key: 'environment', Value: 'prod' },
    { Key: 'managed-by', Value: 'cdktf-monitoring' },
    { Key: 'team', Value: 'platform' },
  ];

  test('one AMP workspace: alias, KMS key, Name tag, logging and query logging to the log group, retention', () => {
    template.resourceCountIs('AWS::APS::Workspace', 1);
    template.hasResourceProperties('AWS::APS::Workspace', {
      Alias: 'prod-monitoring',
      KmsKeyArn: KMS,
      Tags: Match.arrayWith([{ Key: 'Name', Value: 'prod-monitoring' }]),
      LoggingConfiguration: { LogGroupArn: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
      QueryLoggingConfiguration: { Destinations: [{ CloudWatchLogs: { LogGroupArn: { 'Fn::GetAtt': [logGroupId, 'Arn'] } }, Filters: { QspThreshold: 1000000 } }] },
      WorkspaceConfiguration: { RetentionPeriodInDays: 120 },
    });
    const workspaceTags = resourcesOfType(template, 'AWS::APS::Workspace')[workspaceId].Properties.Tags as { Key: string }[];
    expect(workspaceTags).toEqual(expect.arrayContaining([...tags, { Key: 'Name', Value: 'prod-monitoring' }]));
    expect(workspaceTags).toHaveLength(4);
  });

  test('the CloudWatch log group under /aws/vendedlogs/ with its retention', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/vendedlogs/prometheus/prod', RetentionInDays: 90, Tags: tags });
  });

  test('one rule groups namespace per AlertGroup, its data the rule file unescaped (CloudFormation strings do not interpolate)', () => {
    template.resourceCountIs('AWS::APS::RuleGroupsNamespace', 2);
    template.hasResourceProperties('AWS::APS::RuleGroupsNamespace', {
      Name: 'api-health',
      Data: renderRuleFile(group.group),
      Workspace: { 'Fn::GetAtt': [workspaceId, 'Arn'] },
      Tags: tags,
    });
    expect(renderRuleFile(group.group)).toContain('Down since ${x}');
  });

  test('an SNS topic per receiver that delivers, a policy letting only this workspace publish, a subscription per address or endpoint', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'prod-alerts-oncall', Tags: tags });
    const topicId = onlyId(template, 'AWS::SNS::Topic');
    template.resourceCountIs('AWS::SNS::TopicPolicy', 1);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'aps.amazonaws.com' },
            Action: ['sns:Publish', 'sns:GetTopicAttributes'],
            Resource: { Ref: topicId },
            Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [workspaceId, 'Arn'] } }, StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ],
      },
    });
    template.resourceCountIs('AWS::SNS::Subscription', 3);
    for (const [Protocol, Endpoint] of [['https', 'https://incidents.example.com/hook'], ['email', 'a@example.com'], ['email', 'b@example.com']]) {
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol, Endpoint, TopicArn: { Ref: topicId } });
    }
  });

  test('the alert manager definition is the rendered file, with real topic ARNs; the workspace is created after the topics', () => {
    const workspace = resourcesOfType(template, 'AWS::APS::Workspace')[workspaceId];
    expect(cfnText(workspace.Properties.AlertManagerDefinition)).toBe(aws.renderedFiles()['aws/amp/alert-manager-definition.yml']);
    expect(aws.renderedFiles()['aws/amp/alertmanager.yml']).toContain('topic_arn: arn:aws:sns:eu-west-1:ACCOUNT_ID:prod-alerts-oncall');
    expect(workspace.DependsOn).toEqual([onlyId(template, 'AWS::SNS::Topic')]);
  });

  test('an AMP managed scraper per EKS cluster, writing to the workspace', () => {
    template.resourceCountIs('AWS::APS::Scraper', 1);
    template.hasResourceProperties('AWS::APS::Scraper', {
      Alias: 'prod-main',
      Source: { EksConfiguration: { ClusterArn: CLUSTER, SubnetIds: ['subnet-0abc'], SecurityGroupIds: ['sg-0abc'] } },
      Destination: { AmpConfiguration: { WorkspaceArn: { 'Fn::GetAtt': [workspaceId, 'Arn'] } } },
      ScrapeConfiguration: { ConfigurationBlob: Buffer.from(aws.renderedFiles()['aws/scrapers/main/scrape-configuration.yml']).toString('base64') },
    });
  });

  test('Amazon Managed Grafana with its own role, assumable by grafana.amazonaws.com from this account, allowed to query the workspace', () => {
    template.resourceCountIs('AWS::Grafana::Workspace', 1);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.resourceCountIs('AWS::IAM::RolePolicy', 1);
    const roleId = onlyId(template, 'AWS::IAM::Role');
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'prod-managed-grafana',
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'grafana.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })],
      },
    });
    template.hasResourceProperties('AWS::IAM::RolePolicy', {
      RoleName: { Ref: roleId },
      PolicyDocument: {
        Statement: [{ Sid: 'QueryThisWorkspace', Effect: 'Allow', Action: ['aps:QueryMetrics', 'aps:GetSeries', 'aps:GetLabels', 'aps:GetMetricMetadata'], Resource: { 'Fn::GetAtt': [workspaceId, 'Arn'] } }],
      },
    });
    template.hasResourceProperties('AWS::Grafana::Workspace', {
      Name: 'prod-monitoring',
      AccountAccessType: 'CURRENT_ACCOUNT',
      AuthenticationProviders: ['AWS_SSO'],
      PermissionType: 'CUSTOMER_MANAGED',
      RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
      DataSources: ['PROMETHEUS'],
      GrafanaVersion: '10.4',
      PluginAdminEnabled: false,
    });
  });

  test('outputs: workspace id, remote_write and query URLs, Grafana URL', () => {
    template.hasOutput('*', { Value: { 'Fn::GetAtt': [workspaceId, 'WorkspaceId'] } });
    template.hasOutput('*', { Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [workspaceId, 'PrometheusEndpoint'] }, 'api/v1/remote_write']] } });
    template.hasOutput('*', { Value: { 'Fn::GetAtt': [workspaceId, 'PrometheusEndpoint'] } });
    template.hasOutput('*', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [onlyId(template, 'AWS::Grafana::Workspace'), 'Endpoint'] }]] } });
    expect(stack.resolve(aws.prometheusEndpoint)).toEqual({ 'Fn::GetAtt': [workspaceId, 'PrometheusEndpoint'] });
    expect(stack.resolve(aws.workspaceArn)).toEqual({ 'Fn::GetAtt': [workspaceId, 'Arn'] });
  });

  test('a dashboard is a warning (no CloudFormation resource) and a JSON file among the rendered files', () => {
    Annotations.fromStack(stack).hasWarning(
      '/test/monitoring/aws',
      Match.stringLikeRegexp('^AwsCdkTarget test/monitoring/aws: 1 dashboard\\(s\\) declared, but CloudFormation has no resource for Grafana dashboards'),
    );
    const dashboardFiles = Object.keys(aws.renderedFiles()).filter((f) => f.startsWith('aws/grafana/dashboards/'));
    expect(dashboardFiles).toHaveLength(1);
    expect(JSON.parse(aws.renderedFiles()[dashboardFiles[0]]).title).toEqual(expect.any(String));
  });

  test('the rendered files are written to cdk.out/<artifact>.rendered/<MonitoringStack id>/', () => {
    const assembly = app.synth();
    const dir = path.join(assembly.directory, 'test.rendered', 'monitoring');
    for (const [file, text] of Object.entries(aws.renderedFiles())) expect({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }).toEqual({ file, text });
  });
});

describe('AwsCdkTarget: options', () => {
  test('grafana: false creates no Grafana workspace and no role; queryLogThreshold: false no query logging', () => {
    const { stack } = awsCdkEnvironment({ grafana: false, queryLogThreshold: false });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Grafana::Workspace', 0);
    template.resourceCountIs('AWS::IAM::Role', 0);
    template.hasResourceProperties('AWS::APS::Workspace', { QueryLoggingConfiguration: Match.absent() });
  });

  test('existingTopics: no topic of ours; the given ARN (a token too) goes into the definition', () => {
    const app = new App({ outdir: tempOutdir() });
    const stack = new Stack(app, 'test', { env: { region: 'eu-west-1', account: '123456789012' } });
    const chatbot = new CfnTopic(stack, 'chatbot', { topicName: 'chatbot' });
    const monitoring = new MonitoringStack(stack, 'monitoring', {
      environment: 'prod',
      target: new AwsCdkTarget({ existingTopics: { chat: chatbot.ref, pager: 'arn:aws:sns:eu-west-1:123456789012:pager' } }),
    });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('chat', { url: 'https://hooks.example.com/x' }), Receiver.webhook('pager', { url: 'https://hooks.example.com/y' })],
      route: { receiver: 'chat', routes: [{ matchers: { severity: 'critical' }, receiver: 'pager' }] },
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SNS::Topic', 1); // the user's own
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    const definition = JSON.stringify(Object.values(resourcesOfType(template, 'AWS::APS::Workspace'))[0].Properties.AlertManagerDefinition);
    expect(definition).toContain('{"Ref":"chatbot"}');
    expect(definition).toContain('topic_arn: arn:aws:sns:eu-west-1:123456789012:pager');
  });

  test('region: the stack\'s by default; required for an environment-agnostic stack; refused when it contradicts the stack', () => {
    const agnostic = awsCdkEnvironment({ region: 'us-east-2' }, {}, {});
    Template.fromStack(agnostic.stack).hasResourceProperties('AWS::APS::Workspace', { AlertManagerDefinition: Match.anyValue() });
    expect(agnostic.aws.renderedFiles()['aws/amp/alertmanager.yml']).not.toContain('region:'); // no receivers yet
    new AlertRouting(agnostic.monitoring, 'routing', { receivers: [Receiver.webhook('hook', { url: 'https://h.example.com' })], route: { receiver: 'hook' } });
    expect(agnostic.aws.renderedFiles()['aws/amp/alertmanager.yml']).toContain('region: us-east-2');
    // Deploying the environment-agnostic stack to another region fails in CloudFormation, before any resource is made.
    const rules = Template.fromStack(awsCdkEnvironment({ region: 'us-east-2' }, {}, {}).stack).toJSON().Rules ?? {};
    const regionRules = Object.entries(rules).filter(([id]) => id.includes('deployregion')).map(([, rule]) => rule);
    expect(regionRules).toEqual([
      {
        Assertions: [{ Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-2'] }, AssertDescription: expect.stringContaining('deploy this stack to us-east-2') }],
      },
    ]);
    expect(Object.keys(Template.fromStack(awsCdkEnvironment().stack).toJSON().Rules ?? {}).filter((id) => id.includes('deployregion'))).toEqual([]);
    expect(messageOf(() => awsCdkEnvironment({}, {}, {}))).toBe(
      'AwsCdkTarget test/monitoring/aws, region: is required: stack test is environment-agnostic (no env.region), and the rendered Alertmanager configuration ' +
        'needs the region as its SigV4 region; expected the region the stack deploys to, e.g. region: "eu-west-1", or env: { region } on the Stack',
    );
    expect(messageOf(() => awsCdkEnvironment({ region: 'us-east-1' }))).toBe(
      'AwsCdkTarget test/monitoring/aws, region: got "us-east-1", expected the region of stack test ("eu-west-1"), where its resources are created',
    );
  });

  test('outside an aws-cdk-lib Stack: a clear error that names the cdktf target', () => {
    expect(messageOf(() => new MonitoringStack(new App({ outdir: tempOutdir() }), 'monitoring', { environment: 'prod', target: new AwsCdkTarget() }))).toBe(
      'AwsCdkTarget monitoring/aws, scope: is not inside an aws-cdk-lib Stack; expected the MonitoringStack inside a Stack of an AWS CDK app (new Stack(app, "prod")). ' +
        'In a CDK for Terraform app, use AwsManagedTarget from cdktf-monitoring/aws',
    );
  });

  test('the same program gives the same template and rendered files in any output directory', () => {
    const build = () => {
      const env = awsCdkEnvironment();
      new AlertGroup(env.monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0' }] });
      new AlertRouting(env.monitoring, 'routing', { receivers: [Receiver.webhook('hook', { url: 'https://h.example.com' })], route: { receiver: 'hook' } });
      const assembly = env.app.synth();
      const dir = path.join(assembly.directory, 'test.rendered');
      const files = (fs.readdirSync(dir, { recursive: true }) as string[]).sort().map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f), 'utf8') : '']);
      return { template: fs.readFileSync(path.join(assembly.directory, 'test.template.json'), 'utf8'), files, outdir: assembly.directory };
    };
    const a = build();
    const b = build();
    expect(a.outdir).not.toBe(b.outdir);
    expect(b.template).toBe(a.template);
    expect(b.files).toEqual(a.files);
    expect(a.template).not.toContain(a.outdir);
  });
});

describe('AwsCdkTarget on the engine seam', () => {
  test('the MonitoringStack runs on AWS_CDK_ENGINE: its own rendered files and the target\'s land in cdk.out/<artifact>.rendered/<id>/', () => {
    const { app, monitoring, aws } = awsCdkEnvironment();
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0' }] });
    new AlertRouting(monitoring, 'routing', { receivers: [Receiver.webhook('hook', { url: 'https://h.example.com' })], route: { receiver: 'hook' } });
    expect(monitoring.engine).toBe(aws.engine);
    expect(aws.engine.name).toBe('aws-cdk');
    const dir = path.join(app.synth().directory, 'test.rendered', 'monitoring');
    const expected = { ...monitoring.renderedFiles(), ...aws.renderedFiles() };
    expect(Object.keys(monitoring.renderedFiles())).toEqual(expect.arrayContaining(['prometheus/rules/g.yml', 'alertmanager/alertmanager.yml']));
    for (const [file, text] of Object.entries(expected)) expect({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }).toEqual({ file, text });
  });

  test('the overview reports the AWS services the target runs, with the cdktf target\'s wording', () => {
    const { monitoring, aws } = awsCdkEnvironment({ eksScrapers: [{ name: 'main', clusterArn: CLUSTER, subnetIds: ['subnet-0abc'] }] });
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0' }] });
    new AlertRouting(monitoring, 'routing', { receivers: [Receiver.email('team', { to: 't@example.com', from: 'a@example.com', smarthost: 'smtp:25' })], route: { receiver: 'team' } });
    expect(aws.topology()).toEqual({
      hosts: [],
      services: [
        { id: 'amp-workspace', kind: 'amp-workspace', title: 'Amazon Managed Prometheus', details: ['workspace prod-monitoring', '1 rule group namespace'] },
        { id: 'amp-am-alertmanager', kind: 'amp-alertmanager', title: 'AMP alert manager', details: ['routes alerts to Amazon SNS'] },
        { id: 'amp-scraper-prod-main', kind: 'amp-scraper', title: 'AMP managed scraper', details: ['prod-main'] },
        { id: 'sns-topic-team', kind: 'sns-topic', title: 'Amazon SNS topic', details: ['prod-alerts-team', 'subscriptions: email'] },
        { id: 'amg-workspace', kind: 'managed-grafana', title: 'Amazon Managed Grafana', details: ['prod-monitoring'] },
        { id: 'logs-logs', kind: 'log-group', title: 'CloudWatch Logs', details: ['/aws/vendedlogs/prometheus/prod'] },
      ],
    });
    expect(Object.keys(monitoring.renderedFiles()).some((f) => f.startsWith('overview'))).toBe(true);
  });
});
