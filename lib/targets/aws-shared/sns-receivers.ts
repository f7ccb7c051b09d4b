import { MonitoringConfigError, showValue } from '../../model/errors';
import { parseMailAddressList } from '../../model/email-address';
import { Integration, Receiver } from '../../model/receivers';
import type { AwsTargetKind } from './messages';

/** One SNS subscription a receiver maps to. */
export interface SnsSubscriptionPlan {
  /** SNS protocol. */
  readonly protocol: 'email' | 'https';
  /** The address or URL. */
  readonly endpoint: string;
}

/** How one receiver is delivered on AMP: through one SNS topic. */
export interface SnsReceiverPlan {
  readonly receiver: string;
  /** The topic this target creates. @default - none (an existing topic, or a receiver that discards) */
  readonly topicName?: string;
  /** An existing topic given in `existingTopics`. @default - none */
  readonly existingTopicArn?: string;
  readonly subscriptions: readonly SnsSubscriptionPlan[];
  /** The SNS subject (email subscribers see it), from an email integration's `subject`. @default - Alertmanager's */
  readonly subject?: string;
  /** Whether resolved alerts are sent too (true when any integration would send them). */
  readonly sendResolved: boolean;
  /** True for `Receiver.discard(...)`: no topic, no sns_configs. */
  readonly discards: boolean;
  /** Integration fields SNS cannot carry, for a warning. */
  readonly dropped: readonly string[];
}

const SNS_ONLY =
  "an integration Amazon Managed Service for Prometheus can deliver: AMP's Alertmanager sends only to Amazon SNS " +
  '(email and https webhook integrations become SNS subscriptions)';

/** How to reach each other integration through SNS. */
const THROUGH_SNS: Readonly<Record<string, string>> = {
  slack:
    'for Slack, create an AWS Chatbot (Amazon Q Developer in chat applications) Slack channel configuration subscribed to an SNS topic, ' +
    'and pass that topic as existingTopics: { "<receiver>": "arn:aws:sns:..." } on the <target>',
  pagerduty:
    "for PagerDuty, use PagerDuty's Amazon SNS integration: subscribe its HTTPS endpoint (https://events.pagerduty.com/integration/<key>/enqueue) " +
    'to an SNS topic passed in existingTopics, or declare it as Receiver.webhook with that https URL',
  opsgenie:
    "for Opsgenie, use Opsgenie's Amazon SNS integration: subscribe its HTTPS endpoint to an SNS topic passed in existingTopics, " +
    'or declare it as Receiver.webhook with that https URL',
  msteams:
    'for Microsoft Teams, create an AWS Chatbot (Amazon Q Developer in chat applications) Teams channel configuration subscribed to an SNS ' +
    'topic, and pass that topic as existingTopics',
  sns:
    'an sns integration publishes to its own topic, and on AMP each receiver has one topic: make it the receiver\'s only integration ' +
    '(its topicArn then is the receiver\'s topic), or pass the topic as existingTopics: { "<receiver>": "arn:aws:sns:..." }',
  victorops:
    'for Splunk On-Call (VictorOps), subscribe the https endpoint of its Amazon CloudWatch (SNS) integration to an SNS topic passed as ' +
    'existingTopics: { "<receiver>": "arn:aws:sns:..." }',
};

/** Integrations with no AWS-native path: relay through an https endpoint (an SNS HTTPS subscription) or a topic of your own. */
const RELAY_ONLY = ['discord', 'telegram', 'webex', 'mattermost', 'rocketchat', 'wechat', 'pushover', 'incidentio', 'jira'];
for (const type of RELAY_ONLY) {
  (THROUGH_SNS as Record<string, string>)[type] =
    `AWS has no SNS path to ${type}: declare an https endpoint that relays to it as Receiver.webhook (it becomes an SNS HTTPS subscription), ` +
    'or subscribe what delivers it to an SNS topic passed in existingTopics: { "<receiver>": "arn:aws:sns:..." }';
}

/** SNS topic names: 1–256 letters, digits, `-` and `_` (SNS CreateTopic API reference). */
export function topicNameFor(environment: string, receiver: string): string {
  return `${environment}-alerts-${receiver.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 256);
}

function unsupported(where: string, field: string, value: string, hint: string): MonitoringConfigError {
  return new MonitoringConfigError(where, field, `got ${showValue(value)}, expected ${SNS_ONLY}; ${hint}`);
}

function resolvesByDefault(integration: Integration): boolean {
  // Alertmanager's defaults: webhook sends resolved notifications, email does not.
  return integration.type === 'webhook';
}

/**
 * Maps a receiver to SNS. `where` names the AlertRouting that declared it. A receiver given in `existingTopics`
 * keeps its integrations out of AMP entirely (whatever subscribes to that topic delivers). `target` is named in hints.
 */
export function planSnsReceiver(
  receiver: Receiver,
  where: string,
  environment: string,
  existingTopicArn?: string,
  target: AwsTargetKind = 'AwsManagedTarget',
): SnsReceiverPlan {
  const problems: MonitoringConfigError[] = [];
  const plan = planReceiver(receiver, where, environment, existingTopicArn, problems, target);
  if (problems.length > 0) throw problems[0];
  return plan;
}

/** Every integration of `receiver` that SNS cannot deliver, each with its own error (none when all can be delivered). */
export function snsReceiverProblems(
  receiver: Receiver,
  where: string,
  environment: string,
  existingTopicArn?: string,
  target: AwsTargetKind = 'AwsManagedTarget',
): MonitoringConfigError[] {
  const problems: MonitoringConfigError[] = [];
  planReceiver(receiver, where, environment, existingTopicArn, problems, target);
  return problems;
}

function planReceiver(
  receiver: Receiver,
  where: string,
  environment: string,
  existingTopicArn: string | undefined,
  problems: MonitoringConfigError[],
  target: AwsTargetKind,
): SnsReceiverPlan {
  const here = `${where}, receiver ${receiver.name}`;
  if (existingTopicArn !== undefined) {
    return { receiver: receiver.name, existingTopicArn, subscriptions: [], sendResolved: true, discards: false, dropped: [] };
  }
  if (receiver.discards) {
    return { receiver: receiver.name, subscriptions: [], sendResolved: false, discards: true, dropped: [] };
  }
  // A receiver that only publishes to one SNS topic (literal ARN) uses that topic, as AMP's sns_configs do.
  const only = receiver.integrations.length === 1 ? receiver.integrations[0] : undefined;
  if (only?.type === 'sns' && only.options.topicArn?.startsWith('arn:') && !only.options.topicArn.includes('{{')) {
    return { receiver: receiver.name, existingTopicArn: only.options.topicArn, subscriptions: [], sendResolved: only.options.sendResolved ?? true, discards: false, dropped: [] };
  }
  const subscriptions: SnsSubscriptionPlan[] = [];
  const dropped: string[] = [];
  let subject: string | undefined;
  receiver.integrations.forEach((integration, i) => {
    try {
      planIntegration(integration, i);
    } catch (e) {
      if (!(e instanceof MonitoringConfigError)) throw e;
      problems.push(e);
    }
  });
  function planIntegration(integration: Integration, i: number): void {
    const field = `integrations[${i}]`;
    switch (integration.type) {
      case 'webhook': {
        const o = integration.options;
        if (typeof o.url !== 'string') {
          // An SNS subscription endpoint is a plain attribute of the topic subscription: there is no file to read it from.
          throw new MonitoringConfigError(
            here,
            `${field}.url`,
            'got a Secret, expected a plain https URL: on AMP a webhook becomes an SNS HTTPS subscription whose endpoint is visible to anyone who can read the topic; deliver a secret URL through a topic passed in existingTopics',
          );
        }
        if (!o.url.startsWith('https://')) {
          throw unsupported(here, `${field}.url`, o.url, 'use an https:// endpoint: AMP webhooks go through SNS HTTPS subscriptions, and plain http would carry alerts unencrypted');
        }
        if (o.auth !== undefined) {
          throw new MonitoringConfigError(
            here,
            `${field}.auth`,
            'got credentials for the webhook, expected none: SNS HTTPS subscriptions cannot send an Authorization header; ' +
              'have the endpoint verify the SNS message signature instead, or deliver through a topic passed in existingTopics',
          );
        }
        if (o.maxAlerts !== undefined) dropped.push(`${field}.maxAlerts`);
        subscriptions.push({ protocol: 'https', endpoint: o.url });
        break;
      }
      case 'email': {
        const o = integration.options;
        // An SNS email subscription takes the bare address; display names ("Ops" <ops@example.com>) stay with Alertmanager.
        for (const { address } of parseMailAddressList(o.to) ?? []) subscriptions.push({ protocol: 'email', endpoint: address });
        if (o.subject !== undefined) subject = subject ?? o.subject;
        for (const key of ['html', 'text', 'authPassword'] as const) if (o[key] !== undefined) dropped.push(`${field}.${key}`);
        break;
      }
      default: {
        const type = (integration as { type: string }).type;
        const hint = THROUGH_SNS[type] ?? 'deliver it through an SNS topic passed in existingTopics';
        throw unsupported(here, field, type, hint.replace(/"<receiver>"/g, JSON.stringify(receiver.name)).replace('<target>', target));
      }
    }
  }
  const unique = subscriptions.filter((s, i) => subscriptions.findIndex((t) => t.protocol === s.protocol && t.endpoint === s.endpoint) === i);
  return {
    receiver: receiver.name,
    topicName: topicNameFor(environment, receiver.name),
    subscriptions: unique,
    subject,
    sendResolved: receiver.integrations.some((i) => i.options.sendResolved ?? resolvesByDefault(i)),
    discards: false,
    dropped,
  };
}
