import { Fn, LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import {
  AlertGroup,
  AlertRouting,
  DockerHostTarget,
  Duration,
  GrafanaDashboard,
  GrafanaDataSource,
  GrafanaTarget,
  MonitoringStack,
  Receiver,
  Secret,
  ServiceScrape,
  Severity,
} from '../lib';

/** The data source the dashboard names: the uid GrafanaTarget (and the Docker host's Grafana) give Prometheus. */
const PROMETHEUS = { type: 'prometheus', uid: 'prometheus' };

/** The staging API dashboard: targets up, request rate (from the recording rule) and 5xx ratio. */
export function stagingApiDashboard(): DashboardBuilder {
  const query = (expr: string, legend: string) => new DataqueryBuilder().expr(expr).legendFormat(legend);
  return new DashboardBuilder('Staging API')
    .tags(['api', 'red', 'staging'])
    .refresh('1m')
    .time({ from: 'now-6h', to: 'now' })
    .withRow(new RowBuilder('Traffic'))
    .withPanel(
      new StatPanel().title('Targets up').datasource(PROMETHEUS).unit('none').height(8).span(6)
        .withTarget(query('sum(up{job="api"})', 'up')),
    )
    .withPanel(
      new TimeseriesPanel().title('Requests per second').datasource(PROMETHEUS).unit('reqps').height(8).span(18)
        .withTarget(query('job:http_requests:rate5m{job="api"}', '{{job}}')),
    )
    .withPanel(
      new TimeseriesPanel().title('5xx error ratio').datasource(PROMETHEUS).unit('percentunit').height(8).span(24)
        .withTarget(query('sum(rate(http_requests_total{job="api",code=~"5.."}[$__rate_interval])) / sum(rate(http_requests_total{job="api"}[$__rate_interval]))', 'error ratio')),
    );
}

/** Where the staging Grafana and the Docker host's services are reached. */
export interface StagingStackProps {
  /**
   * The existing Grafana (self-hosted, Grafana Cloud or Amazon Managed Grafana).
   * @default - the Terraform variable `grafana_url`
   */
  readonly grafanaUrl?: string;
  /**
   * The Docker host's Prometheus as the Grafana server reaches it: Prometheus listens on 127.0.0.1 only, so this is
   * a TLS reverse proxy with basic auth in front of it (user `grafana`, password `TF_VAR_staging_proxy_password`).
   * @default - the Terraform variable `staging_prometheus_proxy_url`
   */
  readonly prometheusUrl?: string;
  /**
   * The Docker host's Alertmanager behind the same proxy.
   * @default - the Terraform variable `staging_alertmanager_proxy_url`
   */
  readonly alertmanagerUrl?: string;
}

/**
 * The `staging` environment: Prometheus and Alertmanager on a Docker host (no Grafana there), and dashboards,
 * Grafana-managed alerts and routing on an existing Grafana, in one MonitoringStack with two targets.
 *
 * Secrets, all sensitive Terraform variables: `grafana_auth` (a service account token with the Admin role, which
 * creating data sources needs), `staging_proxy_password` and `staging_slack_webhook_url`.
 */
export class StagingStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string, props: StagingStackProps = {}) {
    super(scope, id);
    // A relative state path keeps cdk.tf.json identical in every checkout.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });

    const url = (name: string, description: string) => {
      const variable = new TerraformVariable(this, `variable-${name}`, { type: 'string', nullable: false, description });
      variable.overrideLogicalId(name);
      variable.addValidation({
        condition: Fn.can(Fn.regex('^https?://', variable.stringValue)),
        errorMessage: `${name} must be an http:// or https:// URL.`,
      });
      return variable.stringValue;
    };
    const proxyAuth = { username: 'grafana', password: Secret.fromVariable('staging_proxy_password') };

    const monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'staging',
      targets: [
        new DockerHostTarget({ grafana: false, attachNetworks: ['app'] }),
        new GrafanaTarget({
          url: props.grafanaUrl ?? url('grafana_url', 'Root URL of the existing Grafana, e.g. https://example.grafana.net'),
          auth: Secret.fromVariable('grafana_auth'),
          dataSources: {
            prometheus: GrafanaDataSource.prometheus({
              url: props.prometheusUrl ?? url('staging_prometheus_proxy_url', "The staging Prometheus behind the TLS proxy, as Grafana's server reaches it"),
              basicAuth: proxyAuth,
            }),
            alertmanager: GrafanaDataSource.alertmanager({
              url: props.alertmanagerUrl ?? url('staging_alertmanager_proxy_url', "The staging Alertmanager behind the TLS proxy, as Grafana's server reaches it"),
              basicAuth: proxyAuth,
            }),
          },
          manage: { dashboards: true, alertRules: true, routing: true },
        }),
      ],
      // Grafana evaluates rule groups on a 10s tick: 30s fits both Prometheus and Grafana.
      prometheus: { evaluationInterval: Duration.seconds(30) },
    });
    this.monitoring = monitoring;

    new ServiceScrape(monitoring, 'api', { targets: ['api:8000'], labels: { team: 'platform' } });

    new AlertGroup(monitoring, 'api-health', {
      rules: [
        {
          alert: 'ApiDown',
          expr: 'up{job="api"} == 0',
          for: Duration.minutes(2),
          severity: Severity.CRITICAL,
          summary: 'API target {{ $labels.instance }} is down',
          description: 'Prometheus has not scraped {{ $labels.instance }} of job {{ $labels.job }} for 2 minutes.',
        },
        {
          alert: 'ApiHighErrorRatio',
          // A ratio of 5xx to all requests: "above 5 %" means 0.05 of requests, not 0.05 errors per second.
          expr: 'sum by (job) (rate(http_requests_total{job="api",code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total{job="api"}[5m])) > 0.05',
          for: Duration.minutes(5),
          severity: Severity.WARNING,
          summary: 'More than 5% of API requests fail',
          description: '{{ $value | humanizePercentage }} of requests to {{ $labels.job }} returned 5xx over the last 5 minutes.',
        },
        // Stays on Prometheus; dashboards and alerts read the recorded series from it.
        { record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))' },
      ],
    });
    new AlertGroup(monitoring, 'host', {
      rules: [
        {
          alert: 'HostDiskAlmostFull',
          expr: '(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay"}) < 0.10',
          for: Duration.minutes(10),
          severity: Severity.WARNING,
          summary: 'Less than 10% disk space left on {{ $labels.mountpoint }}',
        },
      ],
    });

    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.slack('staging-slack', { apiUrl: Secret.fromVariable('staging_slack_webhook_url'), channel: '#alerts-staging', sendResolved: true }),
        Receiver.discard('staging-discard-info'),
      ],
      route: { receiver: 'staging-slack', groupBy: ['alertname', 'job'] },
      routes: [
        { matchers: { severity: 'critical' }, receiver: 'staging-slack', repeatInterval: Duration.hours(1) },
        { matchers: { severity: 'warning' }, receiver: 'staging-slack', muteTimeIntervals: ['staging-maintenance'] },
        { matchers: { severity: 'info' }, receiver: 'staging-discard-info' },
      ],
      expectations: [
        { labels: { severity: 'critical', job: 'api' }, receivers: ['staging-slack'] },
        { labels: { severity: 'info', job: 'api' }, receivers: ['staging-discard-info'] },
      ],
      // Staging is redeployed on Sunday nights; warnings then are expected.
      timeIntervals: [
        { name: 'staging-maintenance', periods: [{ weekdays: ['sunday'], times: [{ start: '01:00', end: '04:00' }], location: 'Europe/Berlin' }] },
      ],
    });

    new GrafanaDashboard(monitoring, 'api-dashboard', { dashboard: stagingApiDashboard(), uid: 'staging-api', folder: 'Services' });
  }
}
