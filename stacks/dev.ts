import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AlertGroup,
  AlertRouting,
  dashboards,
  DockerHostTarget,
  Duration,
  Exporter,
  GrafanaDashboard,
  LogPipeline,
  LogSource,
  LogStage,
  MonitoringStack,
  Receiver,
  rules,
  Secret,
  ServiceLevelObjective,
  ServiceScrape,
  Severity,
  SloIndicator,
} from '../lib';

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
}

/**
 * The `dev` environment: the whole monitoring stack on one Docker host, scraping the sample app `api` on the
 * `app` network, with host and container metrics, API alerts routed to a webhook, and one dashboard.
 */
export class DevStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string, props: DevStackProps = {}) {
    super(scope, id);
    // A relative state path keeps cdk.tf.json identical in every checkout.
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });

    const monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'dev',
      target: new DockerHostTarget({ attachNetworks: ['app'] }),
      prometheus: {
        retention: Duration.days(7),
        scrapeInterval: props.scrapeInterval,
        scrapeTimeout: props.scrapeInterval && Duration.seconds(Math.min(10, props.scrapeInterval.toSeconds())),
        evaluationInterval: props.evaluationInterval,
      },
    });
    this.monitoring = monitoring;

    new ServiceScrape(monitoring, 'api', { targets: ['api:8000'], labels: { team: 'platform' } });
    // PostgreSQL and Redis have no /metrics endpoint: their exporters run next to Prometheus.
    new ServiceScrape(monitoring, 'postgres', {
      exporter: Exporter.postgres({ address: 'postgres:5432', database: 'app', user: 'postgres_exporter', password: Secret.fromVariable('postgres_exporter_password') }),
    });
    new ServiceScrape(monitoring, 'redis', { exporter: Exporter.redis({ address: 'redis:6379', password: Secret.fromVariable('redis_password') }) });
    new ServiceScrape(monitoring, 'api-probe', { exporter: Exporter.blackbox({ urls: [props.healthUrl ?? 'http://api:8000/health'] }) });

    new AlertGroup(monitoring, 'api-health', {
      rules: [
        {
          alert: 'ApiDown',
          expr: 'up{job="api"} == 0',
          for: props.apiDownFor ?? Duration.minutes(2),
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
        { record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))' },
      ],
      // Alert unit tests, run by `promtool test rules` (rendered to tests/api-health.test.yml).
      tests: [
        {
          name: 'ApiDown fires once the target is down for longer than `for`',
          interval: '1m',
          inputSeries: [{ series: 'up{job="api", instance="api:8000"}', values: '1 1 0x10' }],
          alertRuleTests: [
            { evalTime: '1m', alertname: 'ApiDown' },
            {
              evalTime: '10m',
              alertname: 'ApiDown',
              expAlerts: [
                {
                  expLabels: { job: 'api', instance: 'api:8000', severity: 'critical' },
                  expAnnotations: {
                    summary: 'API target api:8000 is down',
                    description: 'Prometheus has not scraped api:8000 of job api for 2 minutes.',
                  },
                },
              ],
            },
          ],
        },
        {
          name: 'ApiHighErrorRatio compares a ratio: 10 errors/s out of 1000 requests/s (1%) do not fire, 100/s (10%) do',
          interval: '1m',
          inputSeries: [
            { series: 'http_requests_total{job="api", code="200"}', values: '0+59400x20' },
            { series: 'http_requests_total{job="api", code="500"}', values: '0+600x10 6000+6000x10' },
          ],
          alertRuleTests: [
            { evalTime: '9m', alertname: 'ApiHighErrorRatio' },
            {
              evalTime: '20m',
              alertname: 'ApiHighErrorRatio',
              expAlerts: [
                {
                  expLabels: { job: 'api', severity: 'warning' },
                  expAnnotations: {
                    summary: 'More than 5% of API requests fail',
                    description: '9.174% of requests to api returned 5xx over the last 5 minutes.',
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    // Rule packs: typed configs, one runbook pattern for the environment, each rule tested with promtool.
    const packs = rules.rulePacks({ runbookUrlPattern: 'https://runbooks.example.com/dev/{{alert}}', labels: { team: 'platform' } });
    new AlertGroup(monitoring, 'host', packs.host({ job: 'node' }));
    new AlertGroup(monitoring, 'containers', packs.containers({ job: 'cadvisor' }));
    new AlertGroup(monitoring, 'postgres-health', packs.postgres({ job: 'postgres' }));
    new AlertGroup(monitoring, 'redis-health', packs.redis({ job: 'redis' }));
    new AlertGroup(monitoring, 'api-probes', packs.httpProbes({ job: 'api-probe' }));
    new ServiceLevelObjective(monitoring, 'api-availability', {
      service: 'api',
      objective: 0.995,
      indicator: SloIndicator.availability({ errors: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}' }),
    });

    // Logs: every container's output into Loki through Alloy; JSON lines parsed for level and service.
    new LogPipeline(monitoring, 'logs', {
      sources: [
        LogSource.dockerContainers({
          stages: [
            LogStage.json({ expressions: { level: 'level', message: 'message' } }),
            LogStage.labels(['level']),
          ],
        }),
      ],
      loki: { retention: Duration.days(14) },
    });
    new AlertGroup(monitoring, 'api-logs', {
      evaluator: 'loki',
      rules: [
        {
          alert: 'ApiErrorLogBurst',
          expr: 'sum by (service) (count_over_time({service="api", level="error"}[5m])) > 20',
          for: Duration.minutes(5),
          severity: Severity.WARNING,
          summary: 'The API logs more than 20 errors in 5 minutes',
          description: '{{ $value }} error lines from {{ $labels.service }} in the last 5 minutes.',
        },
      ],
    });

    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('webhook', { url: props.webhookUrl ?? 'http://alert-webhook:8080/alerts', sendResolved: true })],
      route: { receiver: 'webhook', groupBy: ['alertname', 'job'], groupWait: props.groupWait ?? Duration.seconds(10) },
      routes: [{ matchers: { severity: 'critical' }, receiver: 'webhook', repeatInterval: Duration.hours(1) }],
      inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['job'] }],
      expectations: [{ labels: { severity: 'critical', job: 'api' }, receivers: ['webhook'] }],
    });

    new GrafanaDashboard(monitoring, 'api-dashboard', {
      dashboard: dashboards.red({ job: 'api', title: 'Sample API', statusLabel: 'code', errorRatioThreshold: 0.05 }),
      uid: 'sample-api',
      folder: 'Services',
    });
    new GrafanaDashboard(monitoring, 'host-dashboard', { dashboard: dashboards.host({}), uid: 'dev-host', folder: 'Infrastructure' });
  }
}
