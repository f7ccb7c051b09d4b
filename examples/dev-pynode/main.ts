/**
 * Example for seed 000 (Dev-PyNode: a Node backend with PostgreSQL, Redis, MinIO and AI metrics, monitored by a
 * hand-written docker-compose stack), written as constructs. Run `CHECKPOINT_DISABLE=1 npx cdktf synth` in this folder.
 *
 * Corrected from the guide:
 * - postgres:5432 and redis:6379 were scraped directly (no /metrics there): postgres-exporter and redis-exporter now.
 * - minio:9000/metrics does not exist: MinIO is scraped at /minio/v2/metrics/cluster with a bearer token from a file, and its /minio/health/live is probed.
 * - HighErrorRate compared a per-second rate with 0.1, on a `status` label prom-client does not set: a 5xx ratio on `status_code`.
 * - histogram_quantile over raw buckets without `sum by (le)`: the pack's latency rules aggregate first.
 * - DatabaseConnectionsHigh compared an absolute 80 connections: 80 % of PostgreSQL's max_connections.
 * - RedisMemoryHigh divided by maxmemory even when unset (0) and printed a ratio as "%": only where maxmemory is set.
 * - AIServiceDown watched job "ai-service", which nothing scrapes: the backend exports the ai_* metrics, so the AI pack watches it.
 * - The email receiver had `subject`/`body` (amtool rejects them) and no route: typed `subject`, critical alerts reach it.
 * - SMTP smarthost localhost:587 is the Alertmanager container itself: a real relay, password from a variable.
 * - group_interval 10s re-notified every 10 seconds: 5m; alerts grouped by alertname and job.
 * - Grafana admin/admin123 on 0.0.0.0:3001, latest images, Prometheus lifecycle API on: generated password, 127.0.0.1,
 *   pinned images, lifecycle API off.
 * - ELK (Logstash grok for "TIMESTAMP LEVEL msg" on JSON lines): Loki and Alloy, the JSON fields parsed as JSON.
 * - winston writes error.log and combined.log, so shipping both doubles every error: only combined.log is shipped.
 * - "Include runbook links" was a guideline only: every rule carries a runbook_url.
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
} from '../../lib';

/** The backend's scrape job: its prom-client registry serves HTTP, database and AI metrics. */
export const BACKEND_JOB = 'dev-pynode';

/** The Dev-PyNode environment on the Docker host whose compose services share the `dev-pynode` network. */
export class DevPyNodeStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'pynode',
      target: new DockerHostTarget({ attachNetworks: ['dev-pynode'] }),
      prometheus: { retention: Duration.hours(200) }, // the guide's --storage.tsdb.retention.time=200h
    });
    this.monitoring = monitoring;

    // What Prometheus scrapes.
    new ServiceScrape(monitoring, 'backend', { jobName: BACKEND_JOB, targets: ['backend:3000'], interval: Duration.seconds(30) });
    new ServiceScrape(monitoring, 'postgres', {
      exporter: Exporter.postgres({
        address: 'postgres:5432',
        database: 'dev_pynode',
        user: 'postgres_exporter', // a role with pg_monitor, not the application's owner
        password: Secret.fromVariable('postgres_exporter_password'),
      }),
    });
    new ServiceScrape(monitoring, 'redis', { exporter: Exporter.redis({ address: 'redis:6379', password: Secret.fromVariable('redis_password') }) });
    // MinIO's metrics need a bearer token (`mc admin prometheus generate`); it reaches Prometheus as a file.
    new ServiceScrape(monitoring, 'minio', {
      targets: ['minio:9000'],
      metricsPath: '/minio/v2/metrics/cluster',
      bearerToken: Secret.fromVariable('minio_prometheus_token'),
    });
    // Health endpoints, probed from outside: the backend's /health answers 503 when PostgreSQL, Redis or MinIO is
    // unreachable; MinIO's own liveness endpoint needs no credentials.
    new ServiceScrape(monitoring, 'health', {
      jobName: 'health-probes',
      exporter: Exporter.blackbox({
        urls: ['http://backend:3000/health', 'http://minio:9000/minio/health/live'],
        module: { name: 'http_200', http: { validStatusCodes: [200] } },
      }),
    });

    // Alerts: the rule packs, tuned to the guide's thresholds where they differ from the packs' defaults.
    const packs = rules.rulePacks({ runbookUrlPattern: 'https://runbooks.dev-pynode.com/alerts/{{alert}}', labels: { team: 'dev-pynode' } });
    new AlertGroup(monitoring, 'backend-alerts', packs.serviceHealth({
      job: BACKEND_JOB,
      statusLabel: 'status_code', // prom-client's labelNames: ['method', 'route', 'status_code']
      overrides: {
        ServiceHighErrorRatio: { threshold: 0.1, for: '5m' }, // the guide's 0.1, now 10 % of requests
        ServiceHighLatencyP95: { threshold: 2, for: '5m' },
      },
    }));
    new AlertGroup(monitoring, 'ai', packs.aiServices({
      job: BACKEND_JOB,
      groupBy: ['job', 'model', 'provider'],
      overrides: {
        AiServiceDown: { disabled: true }, // the backend's ServiceTargetDown covers it: one process serves both
        AiCacheHitRatioLow: { disabled: true }, // the backend exports no cache_operations_total
        AiToolFailureRatioHigh: { disabled: true }, // nor tool executions
      },
    }));
    new AlertGroup(monitoring, 'postgres-health', packs.postgres({ job: 'postgres', overrides: { PostgresTooManyConnections: { threshold: 0.8, for: '2m' } } }));
    new AlertGroup(monitoring, 'redis-health', packs.redis({ job: 'redis', overrides: { RedisMemoryNearMax: { threshold: 0.8 } } }));
    new AlertGroup(monitoring, 'health-probes', packs.httpProbes({ job: 'health-probes' }));
    new AlertGroup(monitoring, 'containers', packs.containers()); // the guide's "container restart counts", CPU, memory
    new AlertGroup(monitoring, 'host', packs.host());

    // Routing: everything to the team's webhook; critical alerts also by email.
    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.webhook('web.hook', { url: 'http://webhook:5001/' }),
        Receiver.email('email', {
          to: 'admin@dev-pynode.com',
          from: 'alerts@dev-pynode.com',
          smarthost: 'smtp.dev-pynode.com:587',
          authUsername: 'alerts@dev-pynode.com',
          authPassword: Secret.fromVariable('smtp_password'),
          subject: 'Dev-PyNode Alert: {{ .GroupLabels.alertname }}',
          text: '{{ range .Alerts }}Alert: {{ .Annotations.summary }}\nDescription: {{ .Annotations.description }}\nRunbook: {{ .Annotations.runbook_url }}\n\n{{ end }}',
        }),
      ],
      route: { receiver: 'web.hook', groupBy: ['alertname', 'job'], groupWait: '10s', groupInterval: '5m', repeatInterval: '1h' },
      routes: [{ matchers: { severity: 'critical' }, receiver: 'email', continue: true }, { receiver: 'web.hook' }],
      inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['job', 'instance'] }],
      expectations: [
        { labels: { severity: 'critical', job: BACKEND_JOB, alertname: 'ServiceTargetDown' }, receivers: ['email', 'web.hook'] },
        { labels: { severity: 'warning', job: 'redis', alertname: 'RedisMemoryNearMax' }, receivers: ['web.hook'] },
      ],
    });

    // Dashboards: the guide's application, infrastructure and database dashboards, as typed packs.
    new GrafanaDashboard(monitoring, 'application', {
      dashboard: dashboards.red({ job: BACKEND_JOB, title: 'Dev-PyNode Application', statusLabel: 'status_code', routeLabel: 'route', latencyObjectiveSeconds: 2, errorRatioThreshold: 0.1 }),
      folder: 'Dev-PyNode',
    });
    new GrafanaDashboard(monitoring, 'ai-usage', {
      dashboard: dashboards.aiUsage({ job: BACKEND_JOB, title: 'Dev-PyNode AI usage', providerLabel: 'provider', tokenTypeLabel: 'token_type' }),
      folder: 'Dev-PyNode',
    });
    new GrafanaDashboard(monitoring, 'database', {
      dashboard: dashboards.postgres({ clientQueries: { durationMetric: 'database_query_duration_seconds', job: BACKEND_JOB, groupBy: 'query_type' } }),
      folder: 'Infrastructure',
    });
    new GrafanaDashboard(monitoring, 'cache', { dashboard: dashboards.redis({}), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'containers-dashboard', { dashboard: dashboards.containers({}), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'host-dashboard', { dashboard: dashboards.host({}), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'probes', { dashboard: dashboards.blackbox({ job: 'health-probes' }), folder: 'Infrastructure' });

    // Logs: Loki instead of the guide's ELK stack. winston's JSON file (mounted from the backend's logs/ directory).
    new LogPipeline(monitoring, 'logs', {
      sources: [
        LogSource.files({
          name: 'backend',
          paths: ['/srv/dev-pynode/logs/combined.log'],
          labels: { service: 'dev-pynode-backend' },
          stages: [
            LogStage.json({ expressions: { level: 'level', timestamp: 'timestamp' } }),
            LogStage.timestamp({ source: 'timestamp', format: 'RFC3339' }),
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
  new DevPyNodeStack(app, 'pynode');
  app.synth();
}
