/**
 * Example for seed 001 (AI Chat Application in production: a Python backend with AI, PostgreSQL and Redis, alerts
 * routed to the team by email and Slack, to on-call by PagerDuty, and to infrastructure), written as constructs.
 * Run `CHECKPOINT_DISABLE=1 npx cdktf synth` in this folder.
 *
 * Corrected from the guide:
 * - Literal smtp_auth_password, Slack api_url and PagerDuty service_key in alertmanager.yml: Secret.fromVariable, read from files.
 * - service_key is PagerDuty's retired Events API v1 key: an Events API v2 routing key.
 * - The route to `team-infrastructure`, which was never declared: declared; it takes every alert labelled team=infrastructure.
 * - Only HighCPUUsage reached infrastructure: the host and container packs carry team=infrastructure, so memory and disk do too.
 * - Critical alerts matched `continue: true` and then nothing, so they skipped the team channel: a catch-all route sends them there.
 * - Slack used templates "slack.title"/"slack.text" that were never defined: they are defined here.
 * - HighErrorRate ("above 10%") compared rate(http_5xx_errors_total) with 0.1 errors/s: the share of 5xx in http_requests_total.
 * - metric_relabel_configs kept only http_requests_total, dropping the histograms and AI metrics alerts and dashboards use: removed.
 * - AIServiceDown watched job "ai-service", which nothing scrapes: the backend exports ai_*, so the AI pack watches the backend.
 * - AI errors are a separate counter (ai_errors_total), which no pack expects: a custom AlertGroup divides it by ai_requests_total.
 * - ai_response_time_seconds was listed with a `quantile` label (a summary) but queried as histogram buckets: used as a histogram.
 * - pg_* and redis_* metrics were listed but nothing exported them: postgres-exporter and redis-exporter.
 * - /health/detailed answers 200 even when a dependency is down: the probe also requires "status": "healthy" in the body.
 * - DiskSpaceCritical counted tmpfs and overlay mounts: the host pack leaves them out.
 * - Fluentd, Elasticsearch and Kibana: Loki and Alloy read the same JSON log files, with the same timestamp format.
 * - Jaeger's traces had no place in Grafana: a Jaeger data source, linked to the logs in Loki.
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
  JaegerDataSource,
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

/** The backend's scrape job. */
export const BACKEND_JOB = 'aichat-backend';

const SMTP = {
  from: 'alerts@aichatapp.com',
  smarthost: 'smtp.company.com:587',
  authUsername: 'alerts',
  authPassword: Secret.fromVariable('smtp_password'),
  subject: '[AI Chat {{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.severity }})',
} as const;

const SLACK_TEMPLATES =
  '{{ define "slack.title" }}[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.alertname }}{{ end }}\n' +
  '{{ define "slack.text" }}{{ range .Alerts }}*{{ .Annotations.summary }}*\n{{ .Annotations.description }}\nRunbook: {{ .Annotations.runbook_url }}\n{{ end }}{{ end }}\n';

/** The production environment of the AI Chat Application, on a Docker host whose services share the `aichat` network. */
export class AiChatStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'aichat',
      target: new DockerHostTarget({ attachNetworks: ['aichat'] }),
      prometheus: { retention: Duration.days(30), externalLabels: { stage: 'production' } },
    });
    this.monitoring = monitoring;

    // What Prometheus scrapes.
    new ServiceScrape(monitoring, 'backend', { jobName: BACKEND_JOB, targets: ['backend:8000'], interval: Duration.seconds(10) });
    new ServiceScrape(monitoring, 'postgres', {
      exporter: Exporter.postgres({ address: 'postgres:5432', database: 'aichat', user: 'postgres_exporter', password: Secret.fromVariable('postgres_exporter_password') }),
    });
    new ServiceScrape(monitoring, 'redis', { exporter: Exporter.redis({ address: 'redis:6379', password: Secret.fromVariable('redis_password') }) });
    new ServiceScrape(monitoring, 'health', {
      jobName: 'backend-health',
      exporter: Exporter.blackbox({
        urls: ['http://backend:8000/health', 'http://backend:8000/health/detailed'],
        module: { name: 'http_healthy', http: { validStatusCodes: [200], failIfBodyNotMatchesRegexp: ['"status":\\s*"healthy"'] } },
      }),
    });

    // Alerts: rule packs with the guide's thresholds, and one custom group where no pack fits.
    const packs = rules.rulePacks({ runbookUrlPattern: 'https://runbooks.aichatapp.com/alerts/{{alert}}', labels: { team: 'ai-chat' } });
    new AlertGroup(monitoring, 'application', packs.serviceHealth({
      job: BACKEND_JOB,
      statusLabel: 'status', // http_requests_total{method, endpoint, status}
      overrides: {
        ServiceHighErrorRatio: { threshold: 0.1, for: '2m' },
        ServiceHighLatencyP95: { threshold: 2, for: '5m' },
      },
    }));
    new AlertGroup(monitoring, 'ai', packs.aiServices({
      job: BACKEND_JOB,
      latencyHistogram: 'ai_response_time_seconds',
      overrides: {
        AiServiceDown: { disabled: true }, // the backend's ServiceTargetDown covers it: one process serves both
        AiHighErrorRatio: { disabled: true }, // failures are ai_errors_total, not a status of ai_requests_total: see ai-errors
        AiCacheHitRatioLow: { disabled: true }, // no cache_operations_total
        AiToolFailureRatioHigh: { disabled: true }, // no tool executions
      },
    }));
    new AlertGroup(monitoring, 'ai-errors', {
      rules: [
        {
          alert: 'AiErrorRatioHigh',
          expr:
            'sum by (job, model) (rate(ai_errors_total{job="aichat-backend"}[5m]))\n/\nsum by (job, model) (rate(ai_requests_total{job="aichat-backend"}[5m]))\n> 0.1\n' +
            'and\nsum by (job, model) (rate(ai_requests_total{job="aichat-backend"}[5m])) > 0.05',
          for: Duration.minutes(5),
          severity: Severity.CRITICAL,
          labels: { team: 'ai-chat' },
          summary: '{{ $labels.model }}: {{ $value | humanizePercentage }} of AI requests fail',
          description: '{{ $value | humanizePercentage }} of the requests of {{ $labels.job }} to {{ $labels.model }} failed over the last 5m (ai_errors_total by error_type says why: rate limits, timeouts).',
          runbookUrl: 'https://runbooks.aichatapp.com/alerts/AiErrorRatioHigh',
        },
      ],
      tests: [
        {
          name: '2 errors/s out of 10 requests/s fire; 0.5/s do not; an idle model stays quiet',
          interval: '1m',
          inputSeries: [
            { series: 'ai_requests_total{job="aichat-backend", instance="backend:8000", model="gpt-4"}', values: '0+600x20' },
            { series: 'ai_errors_total{job="aichat-backend", instance="backend:8000", model="gpt-4", error_type="rate_limit"}', values: '0+120x20' },
            { series: 'ai_requests_total{job="aichat-backend", instance="backend:8000", model="gpt-3.5"}', values: '0+600x20' },
            { series: 'ai_errors_total{job="aichat-backend", instance="backend:8000", model="gpt-3.5", error_type="timeout"}', values: '0+30x20' },
            { series: 'ai_requests_total{job="aichat-backend", instance="backend:8000", model="idle"}', values: '0+1x20' },
            { series: 'ai_errors_total{job="aichat-backend", instance="backend:8000", model="idle", error_type="timeout"}', values: '0+1x20' },
          ],
          alertRuleTests: [
            { evalTime: '3m', alertname: 'AiErrorRatioHigh' },
            {
              evalTime: '15m',
              alertname: 'AiErrorRatioHigh',
              expAlerts: [
                {
                  expLabels: { job: 'aichat-backend', model: 'gpt-4', severity: 'critical', team: 'ai-chat' },
                  expAnnotations: {
                    summary: 'gpt-4: 20% of AI requests fail',
                    description:
                      '20% of the requests of aichat-backend to gpt-4 failed over the last 5m (ai_errors_total by error_type says why: rate limits, timeouts).',
                    runbook_url: 'https://runbooks.aichatapp.com/alerts/AiErrorRatioHigh',
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    new AlertGroup(monitoring, 'postgres-health', packs.postgres({ job: 'postgres' }));
    new AlertGroup(monitoring, 'redis-health', packs.redis({ job: 'redis' }));
    new AlertGroup(monitoring, 'health-probes', packs.httpProbes({ job: 'backend-health' }));
    new AlertGroup(monitoring, 'host', packs.host({
      labels: { team: 'infrastructure' },
      overrides: {
        HostHighCpuUsage: { threshold: 0.9, for: '5m', severity: Severity.CRITICAL },
        HostHighMemoryUsage: { threshold: 0.9, for: '5m', severity: Severity.CRITICAL },
        HostDiskAlmostFull: { threshold: 0.1, for: '5m', severity: Severity.CRITICAL },
      },
    }));
    new AlertGroup(monitoring, 'containers', packs.containers({ labels: { team: 'infrastructure' } }));

    // Routing: the team by email and Slack; critical alerts also page on-call; infrastructure alerts go to infrastructure.
    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.of('team-ai-chat', [
          Receiver.integration.email({ ...SMTP, to: 'ai-chat-team@company.com' }),
          Receiver.integration.slack({
            apiUrl: Secret.fromVariable('slack_webhook_url'),
            channel: '#ai-chat-alerts',
            title: '{{ template "slack.title" . }}',
            text: '{{ template "slack.text" . }}',
            sendResolved: true,
          }),
        ]),
        Receiver.of('team-ai-chat-urgent', [
          Receiver.integration.email({ ...SMTP, to: 'ai-chat-urgent@company.com' }),
          Receiver.integration.pagerduty({ routingKey: Secret.fromVariable('pagerduty_routing_key'), severity: '{{ .CommonLabels.severity }}' }),
        ]),
        Receiver.email('team-infrastructure', { ...SMTP, to: 'infrastructure@company.com' }),
      ],
      route: { receiver: 'team-ai-chat', groupBy: ['alertname', 'severity'], groupWait: '30s', groupInterval: '5m', repeatInterval: '4h' },
      routes: [
        { matchers: { severity: 'critical' }, receiver: 'team-ai-chat-urgent', continue: true },
        { matchers: { team: 'infrastructure' }, receiver: 'team-infrastructure' },
        { receiver: 'team-ai-chat' },
      ],
      inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['job', 'instance'] }],
      templates: { slack: SLACK_TEMPLATES },
      expectations: [
        { labels: { alertname: 'ServiceHighErrorRatio', severity: 'critical', team: 'ai-chat', job: BACKEND_JOB }, receivers: ['team-ai-chat-urgent', 'team-ai-chat'] },
        { labels: { alertname: 'ServiceHighLatencyP95', severity: 'warning', team: 'ai-chat', job: BACKEND_JOB }, receivers: ['team-ai-chat'] },
        { labels: { alertname: 'HostHighCpuUsage', severity: 'critical', team: 'infrastructure', job: 'node' }, receivers: ['team-ai-chat-urgent', 'team-infrastructure'] },
        { labels: { alertname: 'ContainerRestarting', severity: 'warning', team: 'infrastructure', job: 'cadvisor' }, receivers: ['team-infrastructure'] },
      ],
    });

    // Dashboards: the guide's application overview, system resources and AI services dashboards, and the databases.
    new GrafanaDashboard(monitoring, 'application-dashboard', {
      dashboard: dashboards.red({ job: BACKEND_JOB, title: 'AI Chat Application Overview', statusLabel: 'status', routeLabel: 'endpoint', latencyObjectiveSeconds: 2, errorRatioThreshold: 0.1 }),
      folder: 'AI Chat',
    });
    new GrafanaDashboard(monitoring, 'ai-dashboard', {
      dashboard: dashboards.aiUsage({
        job: BACKEND_JOB,
        title: 'AI Services Monitoring',
        durationMetric: 'ai_response_time_seconds',
        errorsMetric: 'ai_errors_total',
        errorTypeLabel: 'error_type',
      }),
      folder: 'AI Chat',
    });
    new GrafanaDashboard(monitoring, 'system-resources', { dashboard: dashboards.host({ title: 'System Resources' }), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'containers-dashboard', { dashboard: dashboards.containers({}), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'database', {
      dashboard: dashboards.postgres({ clientQueries: { durationMetric: 'db_query_duration_seconds', job: BACKEND_JOB, groupBy: 'query_type' } }),
      folder: 'Infrastructure',
    });
    new GrafanaDashboard(monitoring, 'cache', { dashboard: dashboards.redis({}), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'probes', { dashboard: dashboards.blackbox({ job: 'backend-health' }), folder: 'Infrastructure' });

    // Logs: Loki instead of Fluentd and Elasticsearch; the backend's JSON log files, as Fluentd tailed them.
    new LogPipeline(monitoring, 'logs', {
      sources: [
        LogSource.files({
          name: 'aichat',
          paths: ['/var/log/aichat/*.log'],
          labels: { service: 'aichat-backend', environment: 'production' },
          stages: [
            LogStage.json({ expressions: { level: 'level', logger: 'logger', timestamp: 'timestamp' } }),
            LogStage.timestamp({ source: 'timestamp', format: '2006-01-02 15:04:05' }), // Fluentd's %Y-%m-%d %H:%M:%S
            LogStage.labels(['level', 'logger']), // not user_id or conversation_id: one stream per user would swamp Loki
          ],
        }),
      ],
      loki: { retention: Duration.days(30) },
    });

    // Traces: the backend exports spans to Jaeger (the guide's JaegerExporter); Grafana gets Jaeger's query service as a
    // data source, and a span opens the backend's log lines of its trace in Loki.
    new JaegerDataSource(monitoring, 'jaeger', { url: 'http://jaeger:16686', logsDataSourceUid: 'loki' });
  }
}

if (require.main === module) {
  const app = new App();
  new AiChatStack(app, 'aichat');
  app.synth();
}
