// The engine-neutral API only: the cdktf stacks and the AWS CDK app (examples/aws-cdk) share this definition.
import {
  AlertGroup,
  AlertRouting,
  dashboards,
  Duration,
  Exporter,
  GrafanaDashboard,
  LogPipeline,
  LogSource,
  LogStage,
  MonitoringConfigError,
  MonitoringStack,
  Receiver,
  rules,
  ServiceLevelObjective,
  ServiceScrape,
  Severity,
  SloIndicator,
} from '../lib/core';
import type { PostgresExporterOptions, PrometheusSettings, RedisExporterOptions, RuleTestCase } from '../lib/core';

/** Alert thresholds that differ between environments. */
export interface AlertThresholds {
  /** How long the API must be down before ApiDown fires. */
  readonly apiDownFor: Duration;
  /**
   * Share of 5xx responses above which ApiHighErrorRatio fires, as a ratio (0.05 is 5 % of requests). Between 0.011
   * and 0.07: the rule's unit test plants 1 % and 9.2 % error traffic on either side of it.
   */
  readonly apiErrorRatio: number;
  /** How long the error ratio must stay above the threshold. */
  readonly apiErrorRatioFor: Duration;
  /**
   * Overrides of the host rule pack (HostDiskAlmostFull, HostMemoryLow, ...): thresholds and `for` per rule.
   * @default - the pack's thresholds (HostDiskAlmostFull below 10 % free for 15m, ...)
   */
  readonly host?: rules.RuleOverrides<rules.HostRuleName>;
  /** The API availability objective (the SLO's target ratio of non-5xx responses). @default 0.995 */
  readonly apiAvailability?: number;
}

/** Where alerts go. Both names must be receivers of {@link EnvironmentSettings.receivers}. */
export interface RoutingSettings {
  /** Receiver of everything not critical. */
  readonly defaultReceiver: string;
  /** Receiver of `severity="critical"` alerts. */
  readonly criticalReceiver: string;
  /** Wait before the first notification of a new group. */
  readonly groupWait: Duration;
  /** How often a still-firing critical alert is re-sent. */
  readonly criticalRepeatInterval: Duration;
}

/**
 * Exporters run next to Prometheus, with their rule packs. The Docker host deploys them; AwsManagedTarget does not
 * (yet), so an AWS environment leaves this out and scrapes exporters that already run next to their services.
 */
export interface ExporterSettings {
  /** postgres-exporter for the app database (job `postgres`). @default - none */
  readonly postgres?: PostgresExporterOptions;
  /** redis-exporter for the app cache (job `redis`). @default - none */
  readonly redis?: RedisExporterOptions;
  /** Health endpoints probed by blackbox-exporter (job `api-probe`). @default - none */
  readonly healthUrls?: readonly string[];
}

/** Everything that differs between environments; what is monitored is shared ({@link defineMonitoring}). */
export interface EnvironmentSettings {
  /** `host:port` of the sample API's /metrics endpoints. */
  readonly apiTargets: readonly string[];
  readonly thresholds: AlertThresholds;
  /** The environment's receivers (a Docker host delivers webhooks directly; AWS delivers through SNS). */
  readonly receivers: readonly Receiver[];
  readonly routing: RoutingSettings;
  /** How long samples are kept (Prometheus on the host, or the AMP workspace). */
  readonly retention: Duration;
  /** Scrape interval. @default 15s */
  readonly scrapeInterval?: Duration;
  /** Rule evaluation interval. @default 15s */
  readonly evaluationInterval?: Duration;
  /** Runbook URL pattern of the rule packs, e.g. `https://runbooks.example.com/dev/{{alert}}`. */
  readonly runbookUrlPattern: string;
  /** Exporters deployed with the monitoring, and their rule packs. @default - none */
  readonly exporters?: ExporterSettings;
  /** Container metrics (cAdvisor, as on the Docker host) and their rule pack. @default false */
  readonly containerMetrics?: boolean;
  /**
   * Container logs into Loki and a LogQL alert on error bursts. The Docker host runs Loki; AWS does not.
   * @default - no log pipeline
   */
  readonly logs?: { readonly retention: Duration };
}

/** What {@link defineMonitoring} created. */
export interface DefinedMonitoring {
  readonly api: ServiceScrape;
  readonly apiHealth: AlertGroup;
  readonly host: AlertGroup;
  readonly apiAvailability: ServiceLevelObjective;
  readonly routing: AlertRouting;
}

/** The API dashboard (RED: rate, errors, duration) of the sample app. */
export function apiDashboard(errorRatioThreshold = 0.05) {
  return dashboards.red({ job: 'api', title: 'Sample API', statusLabel: 'code', errorRatioThreshold });
}

/** The Prometheus settings of an environment, for its MonitoringStack. */
export function prometheusSettings(settings: EnvironmentSettings): PrometheusSettings {
  return {
    retention: settings.retention,
    scrapeInterval: settings.scrapeInterval,
    scrapeTimeout: settings.scrapeInterval && Duration.seconds(Math.min(10, settings.scrapeInterval.toSeconds())),
    evaluationInterval: settings.evaluationInterval,
  };
}

/** "2 minutes", "90 seconds", "1 hour": a duration for alert text. */
function humanize(duration: Duration): string {
  const s = duration.toSeconds();
  const [n, unit] = s > 0 && s % 3600 === 0 ? [s / 3600, 'hour'] : s > 0 && s % 60 === 0 ? [s / 60, 'minute'] : [s, 'second'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A ratio as a percentage for alert text: 0.05 → "5%". */
function percent(ratio: number): string {
  return `${Math.round(ratio * 10000) / 100}%`;
}

function minutes(duration: Duration): number {
  return Math.ceil(duration.toSeconds() / 60);
}

function checkRatio(value: number, field: string, min: number, max: number, why: string): void {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw new MonitoringConfigError('EnvironmentSettings', field, `got ${JSON.stringify(value)}, expected a ratio between ${min} and ${max} (${why})`);
  }
}

/** promtool unit tests of the api-health rules, with evaluation times that follow the thresholds. */
function apiHealthTests(t: AlertThresholds): RuleTestCase[] {
  // ApiDown: the target goes down at 2m; the alert fires `for` later.
  const downAt = Math.max(10, minutes(t.apiDownFor) + 3);
  // ApiHighErrorRatio: errors jump from 1 % to 9.2 % at 11m; any threshold up to 7 % is crossed by 15m.
  const errorsAt = Math.max(20, 15 + minutes(t.apiErrorRatioFor));
  return [
    {
      name: 'ApiDown fires once the target is down for longer than `for`',
      interval: '1m',
      inputSeries: [{ series: 'up{job="api", instance="api:8000"}', values: `1 1 0x${downAt}` }],
      alertRuleTests: [
        { evalTime: '1m', alertname: 'ApiDown' },
        {
          evalTime: `${downAt}m`,
          alertname: 'ApiDown',
          expAlerts: [
            {
              expLabels: { job: 'api', instance: 'api:8000', severity: 'critical' },
              expAnnotations: {
                summary: 'API target api:8000 is down',
                description: `Prometheus has not scraped api:8000 of job api for ${humanize(t.apiDownFor)}.`,
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
        { series: 'http_requests_total{job="api", code="200"}', values: `0+59400x${errorsAt}` },
        { series: 'http_requests_total{job="api", code="500"}', values: `0+600x10 6000+6000x${errorsAt - 10}` },
      ],
      alertRuleTests: [
        { evalTime: '9m', alertname: 'ApiHighErrorRatio' },
        {
          evalTime: `${errorsAt}m`,
          alertname: 'ApiHighErrorRatio',
          expAlerts: [
            {
              expLabels: { job: 'api', severity: 'warning' },
              expAnnotations: {
                summary: `More than ${percent(t.apiErrorRatio)} of API requests fail`,
                description: '9.174% of requests to api returned 5xx over the last 5 minutes.',
              },
            },
          ],
        },
      ],
    },
  ];
}

/**
 * What to monitor, the same in every environment: the sample API (scrape, availability and error-ratio alerts with
 * their unit tests, an availability SLO, a RED dashboard), the hosts (rule pack and dashboard), and the routing of
 * critical and other alerts. Thresholds, receivers, retention, exporters, container metrics and logs come from
 * `settings`.
 */
export function defineMonitoring(monitoring: MonitoringStack, settings: EnvironmentSettings): DefinedMonitoring {
  const t = settings.thresholds;
  checkRatio(t.apiErrorRatio, 'thresholds.apiErrorRatio', 0.011, 0.07, 'the unit test of ApiHighErrorRatio plants 1 % and 9.2 % error traffic');

  const api = new ServiceScrape(monitoring, 'api', { targets: [...settings.apiTargets], labels: { team: 'platform' } });
  const exporters = settings.exporters ?? {};
  // PostgreSQL and Redis have no /metrics endpoint: their exporters run next to Prometheus.
  if (exporters.postgres) new ServiceScrape(monitoring, 'postgres', { exporter: Exporter.postgres(exporters.postgres) });
  if (exporters.redis) new ServiceScrape(monitoring, 'redis', { exporter: Exporter.redis(exporters.redis) });
  if (exporters.healthUrls) new ServiceScrape(monitoring, 'api-probe', { exporter: Exporter.blackbox({ urls: [...exporters.healthUrls] }) });

  const apiHealth = new AlertGroup(monitoring, 'api-health', {
    rules: [
      {
        alert: 'ApiDown',
        expr: 'up{job="api"} == 0',
        for: t.apiDownFor,
        severity: Severity.CRITICAL,
        summary: 'API target {{ $labels.instance }} is down',
        description: `Prometheus has not scraped {{ $labels.instance }} of job {{ $labels.job }} for ${humanize(t.apiDownFor)}.`,
      },
      {
        alert: 'ApiHighErrorRatio',
        // A ratio of 5xx to all requests: "above 5 %" means 0.05 of requests, not 0.05 errors per second.
        expr: `sum by (job) (rate(http_requests_total{job="api",code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total{job="api"}[5m])) > ${t.apiErrorRatio}`,
        for: t.apiErrorRatioFor,
        severity: Severity.WARNING,
        summary: `More than ${percent(t.apiErrorRatio)} of API requests fail`,
        description: '{{ $value | humanizePercentage }} of requests to {{ $labels.job }} returned 5xx over the last 5 minutes.',
      },
      { record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))' },
    ],
    // Alert unit tests, run by `promtool test rules` (rendered to tests/api-health.test.yml).
    tests: apiHealthTests(t),
  });
  // Rule packs: typed configs, one runbook pattern for the environment, each rule tested with promtool.
  const packs = rules.rulePacks({ runbookUrlPattern: settings.runbookUrlPattern, labels: { team: 'platform' } });
  const host = new AlertGroup(monitoring, 'host', packs.host(t.host ? { job: 'node', overrides: t.host } : { job: 'node' }));
  if (settings.containerMetrics) new AlertGroup(monitoring, 'containers', packs.containers({ job: 'cadvisor' }));
  if (exporters.postgres) new AlertGroup(monitoring, 'postgres-health', packs.postgres({ job: 'postgres' }));
  if (exporters.redis) new AlertGroup(monitoring, 'redis-health', packs.redis({ job: 'redis' }));
  if (exporters.healthUrls) new AlertGroup(monitoring, 'api-probes', packs.httpProbes({ job: 'api-probe' }));
  const apiAvailability = new ServiceLevelObjective(monitoring, 'api-availability', {
    service: 'api',
    objective: t.apiAvailability ?? 0.995,
    indicator: SloIndicator.availability({ errors: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}' }),
  });

  if (settings.logs) {
    // Logs: every container's output into Loki through Alloy; JSON lines parsed for level and service.
    new LogPipeline(monitoring, 'logs', {
      sources: [
        LogSource.dockerContainers({
          stages: [LogStage.json({ expressions: { level: 'level', message: 'message' } }), LogStage.labels(['level'])],
        }),
      ],
      loki: { retention: settings.logs.retention },
    });
    // A broken pipeline must not pass for a quiet one: Loki down, the agent down, no line arriving.
    new AlertGroup(monitoring, 'log-pipeline', packs.logPipeline({ job: 'loki', agentJob: 'alloy' }));
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
  }

  const r = settings.routing;
  const routing = new AlertRouting(monitoring, 'routing', {
    receivers: [...settings.receivers],
    route: { receiver: r.defaultReceiver, groupBy: ['alertname', 'job'], groupWait: r.groupWait },
    routes: [{ matchers: { severity: 'critical' }, receiver: r.criticalReceiver, repeatInterval: r.criticalRepeatInterval }],
    inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['job'] }],
    expectations: [{ labels: { severity: 'critical', job: 'api' }, receivers: [r.criticalReceiver] }],
  });

  new GrafanaDashboard(monitoring, 'api-dashboard', { dashboard: apiDashboard(t.apiErrorRatio), uid: 'sample-api', folder: 'Services' });
  new GrafanaDashboard(monitoring, 'host-dashboard', {
    dashboard: dashboards.host({}),
    uid: `${monitoring.environmentName}-host`,
    folder: 'Infrastructure',
  });
  return { api, apiHealth, host, apiAvailability, routing };
}
