// Loads no IaC engine: the AWS CDK app imports this file too.
import { Duration, Receiver } from '../lib/core';
import type { EnvironmentSettings } from './monitoring-definition';

/** Who is told in `prod`. The defaults are placeholders of the reference deployment. */
export interface ProdSettingsProps {
  /** Address of the on-call mailbox (critical alerts). @default "oncall@example.com" */
  readonly oncallEmail?: string;
  /** HTTPS endpoint of the incident tool (critical alerts), subscribed to SNS. @default "https://incidents.example.com/hooks/alertmanager" */
  readonly incidentWebhookUrl?: string;
  /** Address of the team mailbox (everything else). @default "platform-team@example.com" */
  readonly teamEmail?: string;
}

/**
 * The `prod` settings of the shared monitoring definition, for the cdktf `prod` stack (stacks/prod.ts) and the AWS CDK
 * app (examples/aws-cdk): the same thresholds, receivers and routing, so both carry the same rule and Alertmanager text.
 */
export function prodSettings(props: ProdSettingsProps = {}): EnvironmentSettings {
  // AMP delivers only through SNS: email and https webhooks become SNS subscriptions (SMTP fields are not used on AWS).
  const from = 'alertmanager@example.com';
  const smarthost = 'smtp.example.com:587';
  return {
    apiTargets: ['api:8000'],
    thresholds: {
      apiDownFor: Duration.minutes(3),
      apiErrorRatio: 0.02,
      apiErrorRatioFor: Duration.minutes(10),
      host: { HostDiskAlmostFull: { threshold: 0.15 } },
      apiAvailability: 0.999,
    },
    runbookUrlPattern: 'https://runbooks.example.com/prod/{{alert}}',
    receivers: [
      Receiver.of('oncall', [
        Receiver.integration.webhook({ url: props.incidentWebhookUrl ?? 'https://incidents.example.com/hooks/alertmanager', sendResolved: true }),
        Receiver.integration.email({ to: props.oncallEmail ?? 'oncall@example.com', from, smarthost, subject: '[prod] {{ .CommonLabels.alertname }}' }),
      ]),
      Receiver.email('team', { to: props.teamEmail ?? 'platform-team@example.com', from, smarthost, sendResolved: true }),
    ],
    routing: { defaultReceiver: 'team', criticalReceiver: 'oncall', groupWait: Duration.seconds(30), criticalRepeatInterval: Duration.hours(1) },
    retention: Duration.days(90),
    // AMP evaluates rule groups without an `interval` every minute; saying so keeps the model and the rendered files honest.
    evaluationInterval: Duration.minutes(1),
  };
}
