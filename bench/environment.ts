import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import {
  AlertGroup,
  AlertRouting,
  DockerHostTarget,
  GrafanaDashboard,
  GrafanaDataSource,
  GrafanaTarget,
  IMonitoringTarget,
  MonitoringStack,
  Receiver,
  RuleDefinition,
  ServiceScrape,
} from '../lib';
import { benchServiceHealthRules } from './rules';

/** Services per team: each team gets one webhook receiver. */
export const SERVICES_PER_TEAM = 10;

/**
 * The targets a generated environment can be synthesized for: `docker` is the whole stack on a Docker host;
 * `grafana` is Prometheus and Alertmanager on a Docker host plus an existing Grafana (GrafanaTarget) that gets the
 * dashboards, folders, data source, Grafana-managed alert rules and the notification policy tree.
 */
export type BenchTarget = 'docker' | 'grafana';

/** Name of the i-th generated service (`svc-0001`). */
export function serviceName(i: number): string {
  return `svc-${String(i + 1).padStart(4, '0')}`;
}

/** The team that owns the i-th service (`team-001`). */
export function teamOf(i: number): string {
  return `team-${String(Math.floor(i / SERVICES_PER_TEAM) + 1).padStart(3, '0')}`;
}

function alertPrefix(service: string): string {
  return service.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

/**
 * Where the service-health rules come from: `preset` is the rule-pack library's `serviceHealth` pack
 * (lib/presets/rules) when it exists, `bench` the benchmark's own rules (./rules.ts).
 */
export type RuleSource = 'preset' | 'bench';

/** The part of the rule-pack library's `serviceHealth` the benchmark uses. */
type ServiceHealthPack = (config: {
  readonly job: string;
  readonly runbookUrlPattern: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly overrides?: Readonly<Record<string, { readonly disabled?: boolean }>>;
}) => { readonly rules: readonly RuleDefinition[] };

let presetPack: ServiceHealthPack | null | undefined;

/**
 * The rule-pack library's service-health pack, or undefined while lib/presets/rules does not export one. Loaded
 * at run time so the benchmark keeps working (with its own rules) whatever state that library is in.
 */
export function presetServiceHealth(): ServiceHealthPack | undefined {
  if (presetPack === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('../lib/presets/rules') as { serviceHealth?: unknown };
      presetPack = typeof mod.serviceHealth === 'function' ? (mod.serviceHealth as ServiceHealthPack) : null;
    } catch {
      presetPack = null;
    }
  }
  return presetPack ?? undefined;
}

/** The rule source a run actually uses: `preset` falls back to `bench` when there is no pack. */
export function effectiveRuleSource(wanted: RuleSource): RuleSource {
  return wanted === 'preset' && presetServiceHealth() ? 'preset' : 'bench';
}

/**
 * The service-health rules of one service: target down, 5xx error ratio, p95 latency, labelled with the service
 * and its team (the route matches on `service`). The pack's alert names get the service as prefix: the library
 * rejects one alert name in two groups, and every service has its own group.
 */
export function serviceHealthRules(service: string, team: string, source: RuleSource = 'preset'): RuleDefinition[] {
  const pack = source === 'preset' ? presetServiceHealth() : undefined;
  if (!pack) return benchServiceHealthRules(service, alertPrefix(service), { service, team });
  const { rules } = pack({
    job: service,
    runbookUrlPattern: 'https://runbooks.example.com/{{alert}}',
    labels: { service, team },
    // The brief's three rules; the pack's p99 rule stays out so both sources render the same rules.
    overrides: { ServiceHighLatencyP99: { disabled: true } },
  });
  return rules.map((rule) => ({ ...rule, alert: `${alertPrefix(service)}${(rule as { alert: string }).alert}` }) as RuleDefinition);
}

const PROMETHEUS = { type: 'prometheus', uid: 'prometheus' };

/** A service dashboard: four timeseries panels (RED + saturation), built with the foundation SDK. */
export function serviceDashboard(service: string): DashboardBuilder {
  const sel = `job="${service}"`;
  const query = (expr: string, legend: string) => new DataqueryBuilder().expr(expr).legendFormat(legend);
  const panel = (title: string, unit: string, expr: string, legend: string) =>
    new TimeseriesPanel().title(title).datasource(PROMETHEUS).unit(unit).height(8).span(12).withTarget(query(expr, legend));
  return new DashboardBuilder(`Service ${service}`)
    .uid(service)
    .tags(['service', 'red'])
    .refresh('30s')
    .time({ from: 'now-6h', to: 'now' })
    .withPanel(panel('Requests per second', 'reqps', `sum by (code) (rate(http_requests_total{${sel}}[$__rate_interval]))`, '{{code}}'))
    .withPanel(
      panel(
        '5xx error ratio',
        'percentunit',
        `sum(rate(http_requests_total{${sel},code=~"5.."}[$__rate_interval])) / sum(rate(http_requests_total{${sel}}[$__rate_interval]))`,
        'error ratio',
      ),
    )
    .withPanel(
      panel(
        'p95 latency',
        's',
        `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${sel}}[$__rate_interval])))`,
        'p95',
      ),
    )
    .withPanel(panel('Targets up', 'none', `sum(up{${sel}})`, 'up'));
}

function monitoringTargets(target: BenchTarget): IMonitoringTarget[] {
  switch (target) {
    case 'docker':
      return [new DockerHostTarget({ attachNetworks: ['app'] })];
    case 'grafana':
      return [
        new DockerHostTarget({ attachNetworks: ['app'], grafana: false }),
        new GrafanaTarget({
          url: 'https://grafana.example.com',
          dataSources: { prometheus: GrafanaDataSource.prometheus({ url: 'https://prometheus.bench.example.com' }) },
          manage: { dashboards: true, alertRules: true, routing: true },
        }),
      ];
  }
}

/** Options of {@link BenchStack}. */
export interface BenchStackOptions {
  /** @default 'docker' */
  readonly target?: BenchTarget;
  /** @default 'preset' (falls back to 'bench' while there is no pack) */
  readonly rules?: RuleSource;
}

/**
 * One generated environment of `services` services, as a platform team would write it: per service a scrape job,
 * the service-health alert group, a dashboard and a route (matcher `service=<name>`) to the owning team's receiver.
 */
export class BenchStack extends TerraformStack {
  public readonly monitoring: MonitoringStack;
  /** The rule source used. */
  public readonly rules: RuleSource;

  constructor(scope: Construct, id: string, services: number, options: BenchStackOptions = {}) {
    super(scope, id);
    const target = options.target ?? 'docker';
    const rules = effectiveRuleSource(options.rules ?? 'preset');
    this.rules = rules;
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'bench',
      targets: monitoringTargets(target),
      // Grafana evaluates on a 10s tick: with the default 15s, GrafanaTarget warns once per group (with a stack trace).
      prometheus: target === 'grafana' ? { evaluationInterval: '30s' } : undefined,
    });
    this.monitoring = monitoring;

    const teams = Math.ceil(services / SERVICES_PER_TEAM);
    const receivers = Array.from({ length: teams }, (_, t) =>
      Receiver.webhook(teamOf(t * SERVICES_PER_TEAM), { url: `http://alert-webhook:8080/${teamOf(t * SERVICES_PER_TEAM)}`, sendResolved: true }),
    );
    new AlertRouting(monitoring, 'routing', { receivers, route: { receiver: teamOf(0), groupBy: ['alertname', 'service'] } });

    for (let i = 0; i < services; i++) {
      const service = serviceName(i);
      const team = teamOf(i);
      new ServiceScrape(monitoring, service, { targets: [`${service}:8080`], labels: { team } });
      new AlertGroup(monitoring, `${service}-health`, { rules: serviceHealthRules(service, team, rules) });
      new GrafanaDashboard(monitoring, `${service}-dashboard`, { dashboard: serviceDashboard(service), folder: team });
      new AlertRouting(monitoring, `${service}-route`, { routes: [{ matchers: { service }, receiver: team }] });
    }
  }
}
