import { Testing } from 'cdktf';
import { AlertGroup, AlertRouting, Exporter, Receiver, Secret, ServiceScrape } from '../../../lib';
import { AgentCredentials, AwsManagedTarget } from '../../../lib/targets/aws';
import { awsEnvironment } from './helpers';
import { bindTarget } from '../../helpers/stacks';

/** Synthesizes with validations and returns the error message (or fails). */
function synthError(stack: Parameters<typeof Testing.synth>[0]): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth succeeded, expected a validation error');
}

const SLACK = Receiver.slack('chat', { apiUrl: Secret.fromVariable('slack_url'), channel: '#alerts' });

describe('AwsManagedTarget: bad input', () => {
  test('a receiver AMP cannot deliver to (Slack) says how to reach it through SNS', () => {
    const { stack, monitoring } = awsEnvironment();
    new AlertRouting(monitoring, 'routing', { receivers: [SLACK], route: { receiver: 'chat' } });
    const message = synthError(stack);
    expect(message).toContain(
      "AlertRouting test/monitoring/routing, receiver chat, integrations[0]: got \"slack\", expected an integration Amazon Managed Service for Prometheus can deliver: AMP's Alertmanager sends only to Amazon SNS",
    );
    expect(message).toContain('for Slack, create an AWS Chatbot (Amazon Q Developer in chat applications) Slack channel configuration subscribed to an SNS topic');
    expect(message).toContain('existingTopics');
  });

  test('PagerDuty directly and a plain http webhook are refused too, each with its way through SNS', () => {
    const { stack, monitoring } = awsEnvironment();
    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.pagerduty('pager', { routingKey: Secret.fromVariable('pd_key') }),
        Receiver.webhook('hook', { url: 'http://hooks.example.com/alerts' }),
      ],
      route: { receiver: 'pager', routes: [{ receiver: 'hook' }] },
    });
    const message = synthError(stack);
    expect(message).toContain('receiver pager, integrations[0]: got "pagerduty"');
    expect(message).toContain("PagerDuty's Amazon SNS integration");
    expect(message).toContain('receiver hook, integrations[0].url: got "http://hooks.example.com/alerts", expected an integration Amazon Managed Service for Prometheus can deliver');
    expect(message).toContain('use an https:// endpoint');
  });

  test('a webhook with credentials is refused: SNS cannot send an Authorization header', () => {
    const { stack, monitoring } = awsEnvironment();
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('hook', { url: 'https://hooks.example.com/alerts', auth: { bearerToken: Secret.fromVariable('hook_token') } })],
      route: { receiver: 'hook' },
    });
    expect(synthError(stack)).toContain('AlertRouting test/monitoring/routing, receiver hook, integrations[0].auth: got credentials for the webhook, expected none');
  });

  test('a Prometheus 2.x agent image: the agents run with 3.x flags (--agent)', () => {
    expect(() => bindTarget(new AwsManagedTarget({ region: 'eu-west-1', agentImages: { prometheus: 'prom/prometheus:v2.55.1' } }))).toThrow(
      'AwsManagedTarget of MonitoringStack test/monitoring, agentImages.prometheus: got "prom/prometheus:v2.55.1", expected a Prometheus 3.x image (e.g. "prom/prometheus:v3.13.3")',
    );
  });

  test('a workspace alias with invalid characters', () => {
    expect(() => awsEnvironment({ workspaceAlias: 'prod monitoring #1' })).toThrow(
      'AwsManagedTarget test/monitoring/aws, workspaceAlias: got "prod monitoring #1", expected 1 to 100 characters of letters, digits, spaces and _ . : / = + - @',
    );
    expect(() => awsEnvironment({ workspaceAlias: ' prod' })).toThrow('workspaceAlias: got " prod", expected 1 to 100 characters');
    expect(() => awsEnvironment({ workspaceAlias: 'x'.repeat(101) })).toThrow('workspaceAlias: got "xxxx');
  });

  test('an agent without remote_write credentials', () => {
    expect(() => awsEnvironment({ agents: [{ name: 'app-1', dockerHost: 'ssh://deploy@app-1' }] })).toThrow(
      'AwsManagedTarget test/monitoring/aws, agents[0] (app-1).credentials: is required: expected AgentCredentials.instanceRole() (an EC2 instance role that allows aps:RemoteWrite), ' +
        'AgentCredentials.fromVariables({ accessKeyIdVariable, secretAccessKeyVariable }) or AgentCredentials.iamUser()',
    );
  });

  test('a rule group namespace name AMP rejects', () => {
    const { stack, monitoring } = awsEnvironment();
    new AlertGroup(monitoring, 'api', { groupName: 'api:health', rules: [{ alert: 'ApiDown', expr: 'up == 0' }] });
    expect(synthError(stack)).toContain(
      'AlertGroup test/monitoring/api, name (AMP rule groups namespace): got "api:health", expected 1 to 64 characters of letters, digits, "-", "." and "_", starting with a letter or digit',
    );
  });

  test('an EKS scraper without subnets', () => {
    expect(() => awsEnvironment({ eksScrapers: [{ name: 'main', clusterArn: 'arn:aws:eks:eu-west-1:123456789012:cluster/main', subnetIds: [] }] })).toThrow(
      'AwsManagedTarget test/monitoring/aws, eksScrapers[0] (main).subnetIds: got [], expected 1 to 5 subnet ids of the cluster\'s VPC ("subnet-...")',
    );
  });

  test('more: region, tcp:// without TLS, unknown existing topic receiver, retention beyond AMP, exporters, scraper jobs with secret files', () => {
    expect(() => bindTarget(new AwsManagedTarget({ region: 'Ireland' }))).toThrow('AwsManagedTarget of MonitoringStack test/monitoring, region: got "Ireland", expected an AWS region such as "eu-west-1"');
    expect(() => awsEnvironment({ agents: [{ name: 'a', dockerHost: 'tcp://a:2376' }], agentCredentials: AgentCredentials.iamUser() })).toThrow(
      'agents[0] (a).certPath: got nothing, expected a directory with ca.pem, cert.pem and key.pem',
    );
    expect(() => awsEnvironment({}, { prometheus: { retention: '5y' } })).toThrow(
      'MonitoringStack test/monitoring, prometheus.retention: got "5y", expected between 1 and 1095 days on Amazon Managed Service for Prometheus',
    );
    const topics = awsEnvironment({ existingTopics: { chats: 'arn:aws:sns:eu-west-1:123456789012:chat' } });
    new AlertRouting(topics.monitoring, 'routing', { receivers: [SLACK], route: { receiver: 'chat' } });
    expect(synthError(topics.stack)).toContain('AwsManagedTarget test/monitoring/aws, existingTopics key: got "chats", expected the name of a declared receiver (declared: "chat")');
    const exporter = awsEnvironment();
    expect(() => new ServiceScrape(exporter.monitoring, 'redis', { exporter: Exporter.redis({ address: 'redis:6379' }) })).toThrow(
      'ServiceScrape test/monitoring/redis, exporter: got "redis exporter',
    );
    const scraper = awsEnvironment({ eksScrapers: [{ name: 'main', clusterArn: 'arn:aws:eks:eu-west-1:123456789012:cluster/main', subnetIds: ['subnet-1'] }] });
    new ServiceScrape(scraper.monitoring, 'api', { targets: ['api:8000'], bearerToken: Secret.fromVariable('token') });
    expect(synthError(scraper.stack)).toContain('ServiceScrape test/monitoring/api, bearerToken: is set, but job "api" is scraped by the AMP managed scraper "main"');
  });

  test('AMP quotas: rules per workspace and routing tree nodes, with the quota named', () => {
    const { stack, monitoring } = awsEnvironment({ quotas: { rulesPerWorkspace: 1, routingTreeNodes: 2 } });
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0' }, { alert: 'B', expr: 'up == 0' }] });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.email('team', { to: 't@example.com', from: 'a@example.com', smarthost: 'smtp:25' })],
      route: { receiver: 'team', routes: [{ matchers: { a: 'b' } }, { matchers: { c: 'd' } }] },
    });
    const message = synthError(stack);
    expect(message).toContain('AwsManagedTarget test/monitoring/aws, rules (all AlertGroups): got 2, expected at most 1 (AMP quota "Rules per workspace")');
    expect(message).toContain('routes (routing tree nodes): got 3, expected at most 2 (AMP quota "Nodes in alert manager routing tree")');
  });

  test('AMP quotas: the size of a rule groups namespace file and of the alert manager definition', () => {
    const { stack, monitoring } = awsEnvironment({ quotas: { ruleGroupNamespaceBytes: 200, alertManagerDefinitionBytes: 300 } });
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0', description: 'x'.repeat(300) }] });
    new AlertRouting(monitoring, 'routing', { receivers: [Receiver.email('team', { to: 't@example.com', from: 'a@example.com', smarthost: 'smtp:25' })], route: { receiver: 'team' } });
    const message = synthError(stack);
    expect(message).toMatch(/AlertGroup test\/monitoring\/g, rules \(AMP rule groups namespace file\): got \d+ bytes, expected at most 200 bytes \(AMP quota "Rule group namespace definition file size", not adjustable\)/);
    expect(message).toMatch(/AwsManagedTarget test\/monitoring\/aws, alert manager definition: got \d+ bytes, expected at most 300 bytes/);
  });
});
