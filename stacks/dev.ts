import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DockerHostTarget, DockerHostTargetProps, Duration, MonitoringStack, Receiver, Secret } from '../lib';
import { defineMonitoring, EnvironmentSettings, prometheusSettings } from './monitoring-definition';

/** Settings that differ between environments or runs (the loopback end-to-end test tightens the timing). */
export interface DevStackProps {
  /** Where the `webhook` receiver posts alerts. @default "http://alert-webhook:8080/alerts" */
  readonly webhookUrl?: string;
  /** Scrape interval. @default 15s */
  readonly scrapeInterval?: Duration;
  /** Rule evaluation interval. @default 15s */
  readonly evaluationInterval?: Duration;
  /** How long the API must be down before ApiDown fires. @default 2m */
  readonly apiDownFor?: Duration;
  /** Alertmanager's wait before the first notification of a group. @default 10s */
  readonly groupWait?: Duration;
  /** The health endpoint blackbox-exporter probes. @default "http://api:8000/health" */
  readonly healthUrl?: string;
  /**
   * Image overrides for the Docker host (pinned tags or digests); the deploy test passes its stand-in images here.
   * @default - DEFAULT_IMAGES
   */
  readonly images?: DockerHostTargetProps['images'];
}

/** The `dev` settings of the shared monitoring definition (stacks/monitoring-definition.ts). */
export function devSettings(props: DevStackProps = {}): EnvironmentSettings {
  return {
    apiTargets: ['api:8000'],
    thresholds: {
      apiDownFor: props.apiDownFor ?? Duration.minutes(2),
      apiErrorRatio: 0.05,
      apiErrorRatioFor: Duration.minutes(5),
    },
    runbookUrlPattern: 'https://runbooks.example.com/dev/{{alert}}',
    receivers: [Receiver.webhook('webhook', { url: props.webhookUrl ?? 'http://alert-webhook:8080/alerts', sendResolved: true })],
    routing: {
      defaultReceiver: 'webhook',
      criticalReceiver: 'webhook',
      groupWait: props.groupWait ?? Duration.seconds(10),
      criticalRepeatInterval: Duration.hours(1),
    },
    retention: Duration.days(7),
    scrapeInterval: props.scrapeInterval,
    evaluationInterval: props.evaluationInterval,
    // The Docker host runs these exporters next to Prometheus, on the `app` network where the services live.
    exporters: {
      postgres: { address: 'postgres:5432', database: 'app', user: 'postgres_exporter', password: Secret.fromVariable('postgres_exporter_password') },
      redis: { address: 'redis:6379', password: Secret.fromVariable('redis_password') },
      healthUrls: [props.healthUrl ?? 'http://api:8000/health'],
    },
    // cAdvisor, Loki and Alloy run on the Docker host.
    containerMetrics: true,
    logs: { retention: Duration.days(14) },
  };
}

/**
 * The `dev` environment: the whole monitoring stack on one Docker host, scraping the sample app `api` on the
 * `app` network, with host and container metrics, exporters, logs, API alerts routed to a webhook, and dashboards.
 * What is monitored is shared with `prod` (stacks/monitoring-definition.ts); only the settings differ.
 */
export class DevStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string, props: DevStackProps = {}) {
    super(scope, id);
    // A relative state path keeps cdk.tf.json identical in every checkout.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });

    const settings = devSettings(props);
    this.monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'dev',
      target: new DockerHostTarget({ attachNetworks: ['app'], images: props.images }),
      prometheus: prometheusSettings(settings),
    });
    defineMonitoring(this.monitoring, settings);
  }
}
