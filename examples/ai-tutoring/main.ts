/**
 * Example for seed 003 (AI Tutoring Platform: Node services with /health and /metrics, an AI service calling OpenAI,
 * PostgreSQL and Redis, Prometheus, Grafana and Alertmanager in docker-compose), written as constructs.
 * Run `CHECKPOINT_DISABLE=1 npx cdktf synth` in this folder. Sentry (error tracking) stays as it is: it is not part of this stack.
 *
 * Corrected from the guide:
 * - alertmanager.yml had a receiver and no `route` (amtool rejects it): a root route to it; critical alerts re-sent hourly.
 * - The email receiver had no smarthost or from, and there was no global SMTP: both set, password from a variable, a subject.
 * - The seven alerts were names and thresholds over `your_metric > threshold`: each is a tested rule, from a pack or written out.
 * - pg_stat_database_numbackends and redis_up need exporters the guide never ran: postgres-exporter and redis-exporter.
 * - LowCacheHitRate and SlowDatabaseQueries had no expression: hits over hits + misses of cache_operations_total with a
 *   traffic guard, and the p95 of db_query_duration_seconds summed by (job, service, le).
 * - /health reports failing dependencies in its body: the probe requires "status": "healthy", not just a 2xx.
 * - prometheus.io/* annotations do nothing without Kubernetes service discovery (and the stack runs on Compose): static
 *   targets, one job with a `service` label per target.
 * - Grafana admin/admin, its data source and dashboard imported by hand: a generated password, both provisioned, ports on 127.0.0.1.
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
  MonitoringStack,
  Receiver,
  rules,
  Secret,
  ServiceScrape,
  Severity,
} from '../../lib';

/**
 * The platform's services and their ports. auth-service:3001 is the one the guide names; ai-service:3002, the service
 * exporting ai_generation_* and openai_*, is assumed. Add the platform's other services here.
 */
export const SERVICES: Readonly<Record<string, number>> = {
  'auth-service': 3001,
  'ai-service': 3002,
};

/** The scrape job of all services. */
export const SERVICES_JOB = 'tutoring-services';

/** The service that calls OpenAI. */
export const AI_SERVICE = 'ai-service';

const RUNBOOKS = 'https://runbooks.example.com/tutoring/{{alert}}';

/** The AI Tutoring Platform on a Docker host whose compose services share the `tutoring` network. */
export class AiTutoringStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'tutoring',
      target: new DockerHostTarget({ attachNetworks: ['tutoring'] }),
      prometheus: { retention: Duration.days(15) },
    });
    this.monitoring = monitoring;
    const packs = rules.rulePacks({ runbookUrlPattern: RUNBOOKS, labels: { team: 'tutoring' } });

    // One scrape job for every service; the `service` label (from the target's host name) tells them apart. The
    // serviceHealth pack gives ServiceDown, HighErrorRate (5 %) and HighResponseTime (p95, 2s) per service.
    new ServiceScrape(monitoring, 'services', {
      jobName: SERVICES_JOB,
      targets: Object.entries(SERVICES).map(([service, port]) => `${service}:${port}`),
      relabelConfigs: [{ sourceLabels: ['__address__'], regex: '([^:]+):\\d+', targetLabel: 'service', replacement: '$1' }],
    });
    new AlertGroup(monitoring, 'services-health', packs.serviceHealth({
      job: SERVICES_JOB,
      groupBy: ['job', 'service'],
      overrides: { ServiceHighErrorRatio: { threshold: 0.05 }, ServiceHighLatencyP95: { threshold: 2, for: '5m' } },
    }));
    new ServiceScrape(monitoring, 'health', {
      jobName: 'service-health',
      exporter: Exporter.blackbox({
        urls: Object.entries(SERVICES).map(([service, port]) => `http://${service}:${port}/health`),
        module: { name: 'http_healthy', http: { validStatusCodes: [200], failIfBodyNotMatchesRegexp: ['"status":\\s*"healthy"'] } },
      }),
    });
    new ServiceScrape(monitoring, 'postgres', {
      exporter: Exporter.postgres({ address: 'postgres:5432', database: 'tutoring', user: 'postgres_exporter', password: Secret.fromVariable('postgres_exporter_password') }),
    });
    new ServiceScrape(monitoring, 'redis', { exporter: Exporter.redis({ address: 'redis:6379', password: Secret.fromVariable('redis_password') }) });

    // AIGenerationSlow (p95 above 5s) from the AI pack, on the guide's metric names.
    new AlertGroup(monitoring, 'ai', packs.aiServices({
      job: SERVICES_JOB,
      matchers: { service: AI_SERVICE },
      requestsMetric: 'ai_generation_total',
      latencyHistogram: 'ai_generation_duration_seconds',
      tokensMetric: 'openai_tokens_used_total',
      overrides: {
        AiGenerationSlow: { threshold: 5 },
        AiServiceDown: { disabled: true }, // ServiceTargetDown covers it
        AiHighErrorRatio: { disabled: true }, // ai_generation_total has no documented status label
        AiCacheHitRatioLow: { disabled: true }, // every service caches: see service-internals
        AiToolFailureRatioHigh: { disabled: true }, // no tools
      },
    }));
    new AlertGroup(monitoring, 'host', packs.host({ overrides: { HostHighMemoryUsage: { threshold: 0.9, for: '5m' } } }));
    new AlertGroup(monitoring, 'containers', packs.containers());
    new AlertGroup(monitoring, 'postgres-health', packs.postgres({ job: 'postgres' }));
    new AlertGroup(monitoring, 'redis-health', packs.redis({ job: 'redis' }));
    new AlertGroup(monitoring, 'health-probes', packs.httpProbes({ job: 'service-health' }));

    // SlowDatabaseQueries and LowCacheHitRate: the services' own metrics, which no pack reads.
    new AlertGroup(monitoring, 'service-internals', {
      rules: [
        {
          alert: 'SlowDatabaseQueries',
          expr:
            'histogram_quantile(0.95, sum by (job, service, le) (rate(db_query_duration_seconds_bucket{job="tutoring-services"}[5m]))) > 1\n' +
            'and\nsum by (job, service) (rate(db_query_duration_seconds_count{job="tutoring-services"}[5m])) > 0.1',
          for: Duration.minutes(5),
          severity: Severity.WARNING,
          labels: { team: 'tutoring' },
          summary: '{{ $labels.service }}: p95 database query time is {{ $value | humanizeDuration }}',
          description: '95% of the database queries of {{ $labels.service }} took up to {{ $value | humanizeDuration }} over 5m, above 1s. Check slow query logs and locks.',
          runbookUrl: 'https://runbooks.example.com/tutoring/SlowDatabaseQueries',
        },
        {
          alert: 'LowCacheHitRate',
          expr:
            'sum by (job, service) (rate(cache_operations_total{job="tutoring-services",result="hit"}[15m]))\n/\n' +
            'sum by (job, service) (rate(cache_operations_total{job="tutoring-services",result=~"hit|miss"}[15m]))\n< 0.5\n' +
            'and\nsum by (job, service) (rate(cache_operations_total{job="tutoring-services",result=~"hit|miss"}[15m])) > 0.1',
          for: Duration.minutes(15),
          severity: Severity.WARNING,
          labels: { team: 'tutoring' },
          summary: '{{ $labels.service }}: cache hit rate is {{ $value | humanizePercentage }}',
          description: 'Only {{ $value | humanizePercentage }} of the cache lookups of {{ $labels.service }} hit over 15m, below 50%. More work reaches the database and the AI provider.',
          runbookUrl: 'https://runbooks.example.com/tutoring/LowCacheHitRate',
        },
      ],
      tests: [
        {
          name: 'slow queries fire on a busy service, not on an idle one',
          interval: '1m',
          inputSeries: [
            // auth-service: 1 query/s, every one between 1s and 2.5s.
            { series: 'db_query_duration_seconds_bucket{job="tutoring-services", instance="auth-service:3001", service="auth-service", le="1"}', values: '0x20' },
            { series: 'db_query_duration_seconds_bucket{job="tutoring-services", instance="auth-service:3001", service="auth-service", le="2.5"}', values: '0+60x20' },
            { series: 'db_query_duration_seconds_bucket{job="tutoring-services", instance="auth-service:3001", service="auth-service", le="+Inf"}', values: '0+60x20' },
            { series: 'db_query_duration_seconds_count{job="tutoring-services", instance="auth-service:3001", service="auth-service"}', values: '0+60x20' },
            // ai-service: as slow, but one query a minute.
            { series: 'db_query_duration_seconds_bucket{job="tutoring-services", instance="ai-service:3002", service="ai-service", le="1"}', values: '0x20' },
            { series: 'db_query_duration_seconds_bucket{job="tutoring-services", instance="ai-service:3002", service="ai-service", le="2.5"}', values: '0+1x20' },
            { series: 'db_query_duration_seconds_bucket{job="tutoring-services", instance="ai-service:3002", service="ai-service", le="+Inf"}', values: '0+1x20' },
            { series: 'db_query_duration_seconds_count{job="tutoring-services", instance="ai-service:3002", service="ai-service"}', values: '0+1x20' },
          ],
          alertRuleTests: [
            { evalTime: '3m', alertname: 'SlowDatabaseQueries' },
            {
              evalTime: '15m',
              alertname: 'SlowDatabaseQueries',
              expAlerts: [
                {
                  expLabels: { job: SERVICES_JOB, service: 'auth-service', severity: 'warning', team: 'tutoring' },
                  expAnnotations: {
                    summary: 'auth-service: p95 database query time is 2.425s',
                    description: '95% of the database queries of auth-service took up to 2.425s over 5m, above 1s. Check slow query logs and locks.',
                    runbook_url: 'https://runbooks.example.com/tutoring/SlowDatabaseQueries',
                  },
                },
              ],
            },
          ],
        },
        {
          name: 'a low hit ratio fires on a busy cache, not on a good or an idle one',
          interval: '1m',
          inputSeries: [
            { series: 'cache_operations_total{job="tutoring-services", instance="auth-service:3001", service="auth-service", result="hit"}', values: '0+30x40' },
            { series: 'cache_operations_total{job="tutoring-services", instance="auth-service:3001", service="auth-service", result="miss"}', values: '0+90x40' },
            { series: 'cache_operations_total{job="tutoring-services", instance="ai-service:3002", service="ai-service", result="hit"}', values: '0+110x40' },
            { series: 'cache_operations_total{job="tutoring-services", instance="ai-service:3002", service="ai-service", result="miss"}', values: '0+10x40' },
            // an idle cache: a 25 % hit ratio, but one lookup every 15s
            { series: 'cache_operations_total{job="tutoring-services", instance="quiz-service:3003", service="quiz-service", result="hit"}', values: '0+1x40' },
            { series: 'cache_operations_total{job="tutoring-services", instance="quiz-service:3003", service="quiz-service", result="miss"}', values: '0+3x40' },
          ],
          alertRuleTests: [
            { evalTime: '10m', alertname: 'LowCacheHitRate' },
            {
              evalTime: '35m',
              alertname: 'LowCacheHitRate',
              expAlerts: [
                {
                  expLabels: { job: SERVICES_JOB, service: 'auth-service', severity: 'warning', team: 'tutoring' },
                  expAnnotations: {
                    summary: 'auth-service: cache hit rate is 25%',
                    description: 'Only 25% of the cache lookups of auth-service hit over 15m, below 50%. More work reaches the database and the AI provider.',
                    runbook_url: 'https://runbooks.example.com/tutoring/LowCacheHitRate',
                  },
                },
              ],
            },
          ],
        },
      ],
    });

    // Routing: the team's email, as in the guide, now with a route; critical alerts are repeated every hour.
    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.email('email', {
          to: 'team@example.com',
          from: 'alertmanager@example.com',
          smarthost: 'smtp.example.com:587',
          authUsername: 'alertmanager@example.com',
          authPassword: Secret.fromVariable('smtp_password'),
          subject: '[Tutoring {{ .Status | toUpper }}] {{ .CommonLabels.alertname }}',
        }),
      ],
      route: { receiver: 'email', groupBy: ['alertname', 'job'], repeatInterval: '4h' },
      routes: [{ matchers: { severity: 'critical' }, receiver: 'email', repeatInterval: '1h' }],
      inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['job', 'instance'] }],
      expectations: [
        { labels: { alertname: 'ServiceTargetDown', severity: 'critical', job: SERVICES_JOB, service: 'auth-service' }, receivers: ['email'] },
        { labels: { alertname: 'LowCacheHitRate', severity: 'warning', job: SERVICES_JOB, service: 'auth-service' }, receivers: ['email'] },
      ],
    });

    // Dashboards: RED over every service (the guide's "focus on key metrics"), AI, databases, cache, hosts, probes.
    new GrafanaDashboard(monitoring, 'services-dashboard', {
      dashboard: dashboards.red({ job: SERVICES_JOB, title: 'Tutoring services (RED)', groupBy: 'service', latencyObjectiveSeconds: 2 }),
      folder: 'Tutoring',
    });
    new GrafanaDashboard(monitoring, 'ai-generation', {
      dashboard: dashboards.aiUsage({
        job: SERVICES_JOB,
        selector: { service: AI_SERVICE },
        title: 'AI generation',
        requestsMetric: 'ai_generation_total',
        durationMetric: 'ai_generation_duration_seconds',
        tokensMetric: 'openai_tokens_used_total',
        latencyObjectiveSeconds: 5,
      }),
      folder: 'Tutoring',
    });
    new GrafanaDashboard(monitoring, 'database', {
      dashboard: dashboards.postgres({ clientQueries: { durationMetric: 'db_query_duration_seconds', job: SERVICES_JOB, groupBy: 'service' } }),
      folder: 'Infrastructure',
    });
    new GrafanaDashboard(monitoring, 'cache', {
      dashboard: dashboards.redis({ applicationCache: { operationsMetric: 'cache_operations_total', resultLabel: 'result', job: SERVICES_JOB, groupBy: 'service' } }),
      folder: 'Infrastructure',
    });
    new GrafanaDashboard(monitoring, 'host-dashboard', { dashboard: dashboards.host({}), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'containers-dashboard', { dashboard: dashboards.containers({}), folder: 'Infrastructure' });
    new GrafanaDashboard(monitoring, 'probes', { dashboard: dashboards.blackbox({ job: 'service-health' }), folder: 'Infrastructure' });
  }
}

if (require.main === module) {
  const app = new App();
  new AiTutoringStack(app, 'tutoring');
  app.synth();
}
