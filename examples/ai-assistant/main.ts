/**
 * Example for seed 002 (AI Assistant System: a FastAPI app with tools and caches, PostgreSQL, Redis, node-exporter and
 * cAdvisor in one docker-compose stack), written as constructs. Run `CHECKPOINT_DISABLE=1 npx cdktf synth` in this folder.
 *
 * Corrected from the guide:
 * - postgres:5432 and redis:6379 were scraped directly (no /metrics there): postgres-exporter and redis-exporter now.
 * - HighErrorRate divided rate(5xx) by rate(all) series by series: each 5xx series matched only itself, so any 5xx read 100 %. Summed by job first.
 * - ToolExecutionFailure compared a per-second failure rate with 0.1 and printed it as a percentage: the share of failed executions per tool.
 * - histogram_quantile over raw buckets without `sum by (le)`: the pack's latency rules aggregate first.
 * - DiskSpaceLow counted tmpfs and overlay mounts: the host pack leaves them out.
 * - The email receiver had `subject`/`body` (amtool rejects them): typed `subject` and `text`.
 * - The Slack api_url was the placeholder YOUR_SLACK_WEBHOOK_URL in the file: Secret.fromVariable.
 * - The receiver that mails and posts to Slack was named "web.hook": named for what it is.
 * - The inhibit rule required equal `dev`, a label no alert has, and alertname: equal job and instance.
 * - group_interval 10s re-notified every 10 seconds: 5m.
 * - Scraping every 5s with the global 10s timeout: the timeout is kept under the interval.
 * - Grafana admin/admin, every port on 0.0.0.0, latest images, lifecycle API on: generated password, 127.0.0.1, pinned, off.
 * - node-exporter and cAdvisor were extra compose services with published ports: the Docker host target runs and scrapes them.
 * - "ELK stack or similar" for the structlog JSON output: Loki and Alloy read the containers' JSON logs.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
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
  ServiceScrape,
  Severity,
} from '../../lib';

/** The application's scrape job. */
export const APP_JOB = 'ai-assistant';

/** The AI Assistant System on a Docker host whose compose services share the `ai-assistant` network. */
export class AiAssistantStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'assistant',
      // node-exporter (job `node`) and cAdvisor (job `cadvisor`) are part of the target.
      target: new DockerHostTarget({ attachNetworks: ['ai-assistant'] }),
      prometheus: { retention: Duration.hours(200) }, // the guide's --storage.tsdb.retention.time=200h
    });
    this.monitoring = monitoring;

    // What Prometheus scrapes.
    new ServiceScrape(monitoring, 'app', { jobName: APP_JOB, targets: ['app:8000'], interval: Duration.seconds(5), timeout: Duration.seconds(4) });
    new ServiceScrape(monitoring, 'postgres', {
      exporter: Exporter.postgres({ address: 'postgres:5432', database: 'ai_assistant', user: 'postgres_exporter', password: Secret.fromVariable('postgres_exporter_password') }),
    });
    new ServiceScrape(monitoring, 'redis', { exporter: Exporter.redis({ address: 'redis:6379', password: Secret.fromVariable('redis_password') }) });

    // Alerts: the rule packs, with the guide's thresholds where they differ.
    const packs = rules.rulePacks({ runbookUrlPattern: 'https://runbooks.example.com/ai-assistant/{{alert}}', labels: { team: 'ai-assistant' } });
    new AlertGroup(monitoring, 'app-health', packs.serviceHealth({
      job: APP_JOB,
      statusLabel: 'status_code', // REQUEST_COUNT labels: method, endpoint, status_code
      overrides: {
        ServiceHighErrorRatio: { threshold: 0.1, for: '5m' },
        ServiceHighLatencyP95: { threshold: 1, for: '5m' },
      },
    }));
    new AlertGroup(monitoring, 'tools', packs.aiServices({
      job: APP_JOB,
      overrides: {
        AiToolFailureRatioHigh: { threshold: 0.1, for: '2m' }, // the guide's ToolExecutionFailure
        // The app exports tool metrics only: no model requests, tokens or cache-operation counters.
        AiServiceDown: { disabled: true }, // ServiceTargetDown of app-health covers it
        AiHighErrorRatio: { disabled: true },
        AiGenerationSlow: { disabled: true },
        AiTokenUsageHigh: { disabled: true },
        AiCacheHitRatioLow: { disabled: true }, // cache_hit_rate is a gauge: see the cache group
      },
    }));
    // The app publishes its cache hit rate as a gauge per cache_type, which no pack reads.
    new AlertGroup(monitoring, 'cache', {
      rules: [
        {
          alert: 'CacheHitRateLow',
          expr: 'avg_over_time(cache_hit_rate{job="ai-assistant"}[15m]) < 0.5',
          for: Duration.minutes(15),
          severity: Severity.WARNING,
          labels: { team: 'ai-assistant' },
          summary: 'Cache {{ $labels.cache_type }} hits only {{ $value | humanizePercentage }} of lookups',
          description: 'The {{ $labels.cache_type }} cache of {{ $labels.job }} has averaged a {{ $value | humanizePercentage }} hit rate over 15m: more requests reach tools and models.',
          runbookUrl: 'https://runbooks.example.com/ai-assistant/CacheHitRateLow',
        },
      ],
      tests: [
        {
          name: 'a cache hitting 30 % fires after 15m; one hitting 90 % does not',
          interval: '1m',
          inputSeries: [
            { series: 'cache_hit_rate{job="ai-assistant", instance="app:8000", cache_type="tool_results"}', values: '0.3x40' },
            { series: 'cache_hit_rate{job="ai-assistant", instance="app:8000", cache_type="embeddings"}', values: '0.9x40' },
          ],
          alertRuleTests: [
            { evalTime: '10m', alertname: 'CacheHitRateLow' },
            {
              evalTime: '35m',
              alertname: 'CacheHitRateLow',
              expAlerts: [
                {
                  expLabels: { job: 'ai-assistant', instance: 'app:8000', cache_type: 'tool_results', severity: 'warning', team: 'ai-assistant' },
                  expAnnotations: {
                    summary: 'Cache tool_results hits only 30% of lookups',
                    description: 'The tool_results cache of ai-assistant has averaged a 30% hit rate over 15m: more requests reach tools and models.',
                    runbook_url: 'https://runbooks.example.com/ai-assistant/CacheHitRateLow',
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    new AlertGroup(monitoring, 'host', packs.host({
      overrides: {
        HostHighMemoryUsage: { threshold: 0.9, for: '5m' },
        HostDiskAlmostFull: { threshold: 0.1, for: '5m', severity: Severity.CRITICAL },
      },
    }));
    new AlertGroup(monitoring, 'containers', packs.containers());
    new AlertGroup(monitoring, 'postgres-health', packs.postgres({ job: 'postgres' }));
    new AlertGroup(monitoring, 'redis-health', packs.redis({ job: 'redis' }));

    // Routing: one team receiver, by email and Slack, as in the guide.
    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.of('ai-assistant-team', [
          Receiver.integration.email({
            to: 'admin@example.com',
            from: 'alerts@example.com',
            smarthost: 'smtp.example.com:587',
            authUsername: 'alerts@example.com',
            authPassword: Secret.fromVariable('smtp_password'),
            subject: '[AI Assistant Alert] {{ .GroupLabels.alertname }}',
            text: '{{ range .Alerts }}Alert: {{ .Annotations.summary }}\nDescription: {{ .Annotations.description }}\n\n{{ end }}',
          }),
          Receiver.integration.slack({
            apiUrl: Secret.fromVariable('slack_webhook_url'),
            channel: '#alerts',
            title: 'AI Assistant Alert: {{ .CommonLabels.alertname }}',
            text: '{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}',
            sendResolved: true,
          }),
        ]),
      ],
      route: { receiver: 'ai-assistant-team', groupBy: ['alertname', 'job'], groupWait: '10s', groupInterval: '5m', repeatInterval: '1h' },
      inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['job', 'instance'] }],
      expectations: [
        { labels: { alertname: 'ServiceHighErrorRatio', severity: 'critical', job: APP_JOB }, receivers: ['ai-assistant-team'] },
        { labels: { alertname: 'AiToolFailureRatioHigh', severity: 'warning', job: APP_JOB, tool_name: 'web_search' }, receivers: ['ai-assistant-team'] },
      ],
    });

    // Dashboards: the guide's application and system dashboards.
    new GrafanaDashboard(monitoring, 'application', {
      dashboard: dashboards.red({ job: APP_JOB, title: 'AI Assistant', statusLabel: 'status_code', routeLabel: 'endpoint', latencyObjectiveSeconds: 1, errorRatioThreshold: 0.1 }),
      folder: 'AI Assistant',
    });
    new GrafanaDashboard(monitoring, 'cache-dashboard', {
      dashboard: dashboards.redis({ title: 'Cache performance', applicationCache: { hitRatioMetric: 'cache_hit_rate', groupBy: 'cache_type', job: APP_JOB } }),
      folder: 'AI Assistant',
    });
    new GrafanaDashboard(monitoring, 'system', { dashboard: dashboards.host({ title: 'System' }), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'containers-dashboard', { dashboard: dashboards.containers({}), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'database', { dashboard: dashboards.postgres({}), folder: 'Infrastructure' });

    // Logs: Loki instead of ELK. structlog renders JSON lines with `level` and an ISO `timestamp`.
    new LogPipeline(monitoring, 'logs', {
      sources: [
        LogSource.dockerContainers({
          stages: [
            LogStage.json({ expressions: { level: 'level', timestamp: 'timestamp' } }),
            LogStage.timestamp({ source: 'timestamp', format: 'RFC3339Nano', actionOnFailure: 'skip' }),
            LogStage.labels(['level']),
          ],
        }),
      ],
      loki: { retention: Duration.days(14) },
    });
  }
}

if (require.main === module) {
  const app = new App();
  new AiAssistantStack(app, 'assistant');
  app.synth();
}
