import { App, Stack } from 'aws-cdk-lib';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { AwsManagedTarget } from '../../../lib/targets/aws';
import { AwsCdkTarget } from '../../../lib/targets/aws-cdk';
import { AlertGroup, AlertRouting, Exporter, LogPipeline, LogSource, MonitoringStack, MonitoringStackProps, Receiver, Secret, ServiceScrape } from '../../../lib';
import type { AwsTargetKind } from '../../../lib/targets/aws-shared/messages';
import { messageOf } from '../../helpers/errors';
import { awsEnvironment } from '../aws/helpers';
import { awsCdkEnvironment, cdkSynthError } from './helpers';

/** The props both AWS targets take, for the cases below. */
interface SharedProps {
  readonly workspaceAlias?: string;
  readonly existingTopics?: Readonly<Record<string, string>>;
  readonly quotas?: { readonly rulesPerWorkspace?: number; readonly routingTreeNodes?: number; readonly ruleGroupNamespaceBytes?: number; readonly alertManagerDefinitionBytes?: number };
}

/** One AWS target in a test environment: construct paths `test/monitoring/...` on both engines. */
interface AwsTargetUnderTest {
  readonly kind: AwsTargetKind;
  environment(target?: SharedProps, props?: Partial<MonitoringStackProps>): { monitoring: MonitoringStack; synthError(): string };
}

const TARGETS: readonly AwsTargetUnderTest[] = [
  {
    kind: 'AwsManagedTarget',
    environment: (target = {}, props = {}) => {
      const { stack, monitoring } = awsEnvironment(target, props);
      return {
        monitoring,
        synthError: () => messageOf(() => Testing.synth(stack, true)),
      };
    },
  },
  {
    kind: 'AwsCdkTarget',
    environment: (target = {}, props = {}) => {
      const { app, monitoring } = awsCdkEnvironment(target, props);
      return { monitoring, synthError: () => cdkSynthError(app) };
    },
  },
];

const SLACK = Receiver.slack('chat', { apiUrl: Secret.fromVariable('slack_url'), channel: '#alerts' });
const TEAM = Receiver.email('team', { to: 't@example.com', from: 'a@example.com', smarthost: 'smtp:25' });

/**
 * The messages of an error: a synth validation error lists one per line as `[path] message` (the same format on cdktf
 * and aws-cdk-lib, each adding its own header and footer); any other error is one message.
 */
function messagesOf(error: string): string[] {
  const listed = error.split('\n').filter((line) => /^\s+\[[^\]]+\] /.test(line));
  return listed.length > 0 ? listed.map((line) => line.trim()) : [error];
}

/** Each bad input: what it does to an environment, and (part of) the message it gets, the target's kind filled in. */
interface BadInputCase {
  readonly name: string;
  readonly run: (t: AwsTargetUnderTest) => string;
  readonly expected: (kind: AwsTargetKind) => string;
  /** Text the message starts with (before a value that varies, e.g. a size). @default - none */
  readonly head?: string;
  /** Text after the target's kind. @default - none */
  readonly tail?: string;
}

const CASES: readonly BadInputCase[] = [
  ...[
    { exporter: () => Exporter.postgres({ address: 'postgres:5432', database: 'app', user: 'exporter', password: Secret.fromVariable('pg') }), kind: 'postgres', port: 9187 },
    { exporter: () => Exporter.redis({ address: 'redis:6379' }), kind: 'redis', port: 9121 },
    { exporter: () => Exporter.blackbox({ urls: ['https://api.example.com/health'] }), kind: 'blackbox', port: 9115 },
  ].map(({ exporter, kind: exporterKind, port }) => ({
    name: `a Docker exporter (${exporterKind}) through ServiceScrape`,
    run: (t: AwsTargetUnderTest) => messageOf(() => new ServiceScrape(t.environment().monitoring, exporterKind, { exporter: exporter() })),
    expected: () => `ServiceScrape test/monitoring/${exporterKind}, exporter: got "${exporterKind} exporter \\"`,
    tail: `does not deploy exporters. Run ${exporterKind}-exporter next to its service (on an agent host or in the cluster) and scrape it with targets: ["<host>:${port}"]`,
  })),
  {
    name: 'a receiver SNS cannot reach (Slack)',
    run: (t) => {
      const env = t.environment();
      new AlertRouting(env.monitoring, 'routing', { receivers: [SLACK], route: { receiver: 'chat' } });
      return env.synthError();
    },
    expected: (kind) =>
      "[test/monitoring/aws] AlertRouting test/monitoring/routing, receiver chat, integrations[0]: got \"slack\", expected an integration Amazon Managed Service for Prometheus can deliver: AMP's Alertmanager sends only to Amazon SNS " +
      '(email and https webhook integrations become SNS subscriptions); for Slack, create an AWS Chatbot (Amazon Q Developer in chat applications) Slack channel configuration ' +
      `subscribed to an SNS topic, and pass that topic as existingTopics: { "chat": "arn:aws:sns:..." } on the ${kind}`,
  },
  {
    name: 'AMP quotas exceeded: rules per workspace and routing tree nodes',
    run: (t) => {
      const env = t.environment({ quotas: { rulesPerWorkspace: 1, routingTreeNodes: 2 } });
      new AlertGroup(env.monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0' }, { alert: 'B', expr: 'up == 0' }] });
      new AlertRouting(env.monitoring, 'routing', { receivers: [TEAM], route: { receiver: 'team', routes: [{ matchers: { a: 'b' } }, { matchers: { c: 'd' } }] } });
      return env.synthError();
    },
    expected: (kind) =>
      `[test/monitoring/aws] ${kind} test/monitoring/aws, rules (all AlertGroups): got 2, expected at most 1 (AMP quota "Rules per workspace"); split the configuration, ` +
      `or raise the quota in Service Quotas and set quotas on the ${kind} to the new value`,
  },
  {
    name: 'AMP quotas exceeded: the size of a rule groups namespace file',
    run: (t) => {
      const env = t.environment({ quotas: { ruleGroupNamespaceBytes: 200 } });
      new AlertGroup(env.monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0', description: 'x'.repeat(300) }] });
      return env.synthError();
    },
    expected: () => 'bytes, expected at most 200 bytes (AMP quota "Rule group namespace definition file size", not adjustable); split it into smaller pieces',
    head: 'AlertGroup test/monitoring/g, rules (AMP rule groups namespace file): got ',
  },
  {
    name: 'a rule groups namespace name AMP refuses',
    run: (t) => {
      const env = t.environment();
      new AlertGroup(env.monitoring, 'api', { groupName: 'api:health', rules: [{ alert: 'ApiDown', expr: 'up == 0' }] });
      return env.synthError();
    },
    expected: () => 'AlertGroup test/monitoring/api, name (AMP rule groups namespace): got "api:health", expected 1 to 64 characters of letters, digits, "-", "." and "_"',
  },
  {
    name: 'an existing topic for a receiver nobody declared',
    run: (t) => {
      const env = t.environment({ existingTopics: { chats: 'arn:aws:sns:eu-west-1:123456789012:chat' } });
      new AlertRouting(env.monitoring, 'routing', { receivers: [TEAM], route: { receiver: 'team' } });
      return env.synthError();
    },
    expected: (kind) => `${kind} test/monitoring/aws, existingTopics key: got "chats", expected the name of a declared receiver (declared: "team")`,
  },
  {
    name: 'a LogPipeline (AWS runs no Loki)',
    run: (t) => messageOf(() => new LogPipeline(t.environment().monitoring, 'logs', { sources: [LogSource.dockerContainers()] })),
    expected: (kind) => `LogPipeline test/monitoring/logs, sources: is declared in environment "prod", but ${kind} runs no Loki`,
  },
  {
    name: 'a workspace alias AMP refuses',
    run: (t) => messageOf(() => t.environment({ workspaceAlias: 'prod monitoring #1' })),
    expected: (kind) => `${kind} test/monitoring/aws, workspaceAlias: got "prod monitoring #1", expected 1 to 100 characters of letters, digits, spaces and _ . : / = + - @`,
  },
];

describe.each(CASES)('bad input on both AWS targets: $name', (c) => {
  const messages = TARGETS.map((t) => ({ kind: t.kind, message: c.run(t) }));

  test.each(messages)('$kind: the message names the construct, the field, the value and what is expected', ({ kind, message }) => {
    expect(message).toContain(c.expected(kind));
    if (c.head) expect(message).toContain(c.head);
    if (c.tail) expect(message).toContain(`${kind} ${c.tail}`);
  });

  test('the same messages on both, but for the target named', () => {
    const [cdktf, cdk] = messages.map(({ message }) => messagesOf(message));
    expect(cdktf.length).toBeGreaterThan(0);
    expect(cdk.map((m) => m.split('AwsCdkTarget').join('AwsManagedTarget'))).toEqual(cdktf);
  });
});

describe('an output of an AWS target read before the target is bound', () => {
  const expected = (kind: string) =>
    `${kind}, prometheusEndpoint: is only known once the target is given to a MonitoringStack; expected the ${kind} in the target(s) of a MonitoringStack before synth`;

  test('AwsManagedTarget: a clear error when the token is resolved, not a TypeError', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const target = new AwsManagedTarget({ region: 'eu-west-1' });
    new TerraformOutput(stack, 'endpoint', { value: target.prometheusEndpoint });
    expect(messageOf(() => Testing.synth(stack))).toContain(expected('AwsManagedTarget'));
  });

  test('AwsCdkTarget: the same message', () => {
    const stack = new Stack(new App(), 'test', { env: { region: 'eu-west-1' } });
    const target = new AwsCdkTarget();
    expect(messageOf(() => stack.resolve(target.prometheusEndpoint))).toContain(expected('AwsCdkTarget'));
  });
});
