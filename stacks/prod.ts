import { S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Duration, MonitoringStack, Receiver } from '../lib';
// A subpath of its own (not the package index): @cdktf/provider-aws is an optional peer dependency.
import { AgentCredentials, AwsManagedTarget, PrometheusAgentHostOptions } from '../lib/targets/aws';
import { GrafanaDataSource, GrafanaTarget } from '../lib';
import { defineMonitoring, EnvironmentSettings, prometheusSettings } from './monitoring-definition';

/** Where prod runs and who is told. The defaults are placeholders of the reference deployment. */
export interface ProdStackProps {
  /** AWS region of the AMP and AMG workspaces. @default "eu-west-1" */
  readonly region?: string;
  /** The Docker hosts that run a Prometheus agent. @default - app-1 and app-2 over ssh as user deploy */
  readonly hosts?: readonly PrometheusAgentHostOptions[];
  /** Address of the on-call mailbox (critical alerts). @default "oncall@example.com" */
  readonly oncallEmail?: string;
  /** HTTPS endpoint of the incident tool (critical alerts), subscribed to SNS. @default "https://incidents.example.com/hooks/alertmanager" */
  readonly incidentWebhookUrl?: string;
  /** Address of the team mailbox (everything else). @default "platform-team@example.com" */
  readonly teamEmail?: string;
  /** S3 bucket of the Terraform state (create it first, versioned, with public access blocked). @default "example-monitoring-terraform-state" */
  readonly stateBucket?: string;
  /** Region of the state bucket. @default - the region of the workspaces */
  readonly stateRegion?: string;
}

/** The `prod` settings of the shared monitoring definition. */
export function prodSettings(props: ProdStackProps = {}): EnvironmentSettings {
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

/** The reference fleet: two application hosts reached over ssh, the sample API on their `app` network. */
const DEFAULT_HOSTS: readonly PrometheusAgentHostOptions[] = [
  { name: 'app-1', dockerHost: 'ssh://deploy@app-1.prod.example.internal', attachNetworks: ['app'] },
  { name: 'app-2', dockerHost: 'ssh://deploy@app-2.prod.example.internal', attachNetworks: ['app'] },
];

/**
 * The `prod` environment: the same monitoring as `dev` (stacks/monitoring-definition.ts) on AWS managed services.
 * Amazon Managed Service for Prometheus evaluates the rules and routes alerts through SNS, Amazon Managed Grafana
 * shows the data, and a Prometheus agent on each named host scrapes it and remote-writes with SigV4.
 *
 * State lives in S3, not on a laptop: it holds the agents' IAM access key and the Grafana service account token,
 * so it has to be encrypted, access-controlled, shared by the team and locked (`use_lockfile`, Terraform ≥ 1.10).
 */
export class ProdStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;
  /** The AWS target: `grafanaEndpoint`/`grafanaToken` for a GrafanaTarget, `renderedFiles()` for CI. */
  public readonly aws: AwsManagedTarget;

  constructor(scope: Construct, id: string, props: ProdStackProps = {}) {
    super(scope, id);
    const region = props.region ?? 'eu-west-1';
    new S3Backend(this, {
      bucket: props.stateBucket ?? 'example-monitoring-terraform-state',
      key: `cdktf-monitoring/${id}.tfstate`,
      region: props.stateRegion ?? region,
      encrypt: true,
    });
    this.addOverride('terraform.backend.s3.use_lockfile', true);

    this.aws = new AwsManagedTarget({
      region,
      tags: { team: 'platform' },
      logRetentionDays: 90,
      agents: props.hosts ?? DEFAULT_HOSTS,
      // One IAM user per environment, allowed only aps:RemoteWrite on this workspace; its key reaches the agents as
      // a credentials file. Hosts on EC2 can use AgentCredentials.instanceRole() instead.
      agentCredentials: AgentCredentials.iamUser(),
    });
    const settings = prodSettings(props);
    // Dashboards go into Amazon Managed Grafana through the grafana provider, with the workspace's URL and a service
    // account token created in this stack. Its data source reads AMP with the workspace's IAM role (SigV4).
    const grafana = new GrafanaTarget({
      url: this.aws.grafanaEndpoint,
      auth: this.aws.grafanaToken,
      dataSources: {
        // the core Prometheus plugin with SigV4, so the shared dashboards (data source type `prometheus`) work unchanged
        prometheus: GrafanaDataSource.amazonPrometheus({ url: this.aws.prometheusEndpoint, region, authType: 'ec2_iam_role', plugin: 'prometheus' }),
      },
    });
    this.monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'prod',
      targets: [this.aws, grafana],
      prometheus: prometheusSettings(settings),
    });
    defineMonitoring(this.monitoring, settings);
  }
}
