/**
 * Who is paged for what: every alerting rule of an environment, walked through its route tree (see
 * `route-walk.ts`) with the labels the alert is known to carry, plus its tests, runbook and the inhibit rules that
 * can silence it. Engine-free: it reads only the {@link MonitoringEnvironment}.
 */
import { Duration } from './duration';
import { MonitoringEnvironment } from './environment';
import { FILES } from './layout';
import { Receiver } from './receivers';
import { canBeInhibitionSource, LabelSet, MatchedRoute, possibleInhibitions, PossibleInhibition, walkRoutes } from './route-walk';
import { InhibitRuleModel } from './routing';
import { AlertingRuleModel, RuleGroupModel } from './rules';

/**
 * What evaluates an alerting rule and sends its alerts to the routing:
 * - `prometheus`: Prometheus, which adds its external labels (unless the alert has the label already);
 * - `loki`: Loki's ruler (LogQL rules), which adds no external labels;
 * - `grafana`: Grafana-managed alerting, which adds `grafana_folder` and no external labels;
 * - `amp`: Amazon Managed Service for Prometheus; series carry the agents' external labels, the rule adds none;
 * - `none`: nothing sends the alerts anywhere (Prometheus has no Alertmanager and nothing else evaluates them).
 */
export type AlertSender = 'prometheus' | 'loki' | 'grafana' | 'amp' | 'none';

/** Whom an alert reaches: someone, only receivers that discard, or no one at all. */
export type Reach = 'someone' | 'discard' | 'no-one';

/** One alerting rule and whom it pages. */
export interface PagingEntry {
  /** The rule group. */
  readonly group: string;
  /** The rendered rule file, as a logical path (`prometheus/rules/api-health.yml`). */
  readonly ruleFile: string;
  /** What evaluates and sends it. */
  readonly sentBy: AlertSender;
  /** The rule. */
  readonly rule: AlertingRuleModel;
  /** The labels known before the alert fires (rule labels, `alertname`, external labels): the walk's input. */
  readonly labels: LabelSet;
  /** The routes it ends on (none when {@link sentBy} is `none`). */
  readonly routes: readonly MatchedRoute[];
  /** Distinct receivers, in route order. */
  readonly receivers: readonly string[];
  readonly reach: Reach;
  /** Labels known only at runtime that the routing or an inhibit rule looks at, sorted. */
  readonly runtimeLabels: readonly string[];
  /** Inhibit rules that can silence it. */
  readonly inhibitedBy: readonly PossibleInhibition[];
  /** promtool alert tests (`alert_rule_test` entries naming it in its group's test file). */
  readonly tests: number;
  /** Its `runbook_url` annotation. @default - none */
  readonly runbook?: string;
}

/** An inhibit rule with the alerts of the environment that can be its source. */
export interface InhibitRuleReport {
  readonly rule: InhibitRuleModel;
  /** Distinct names of alerts whose known labels can match the source side, sorted. */
  readonly sources: readonly string[];
}

/** The whole environment's paging. */
export interface PagingReport {
  readonly environment: string;
  /** Who sends the alerts of Prometheus rule groups. */
  readonly prometheusSender: AlertSender;
  /** The external labels added to those alerts (empty unless Prometheus sends them). */
  readonly externalLabels: LabelSet;
  /** Entries: those that reach no one or only discard receivers first, then by rule file, in rule order. */
  readonly entries: readonly PagingEntry[];
  readonly inhibitRules: readonly InhibitRuleReport[];
  /** The receivers of the routing, in declaration order. */
  readonly receivers: readonly Receiver[];
}

/**
 * Who sends the alerts of the Prometheus rule groups, from the environment and the kinds of its targets:
 * Grafana-managed alerting on the host's Grafana; else Prometheus when it has an Alertmanager; else an
 * AwsManagedTarget's AMP or a GrafanaTarget's Grafana (which took the rules over); else no one.
 */
export function prometheusAlertSender(env: MonitoringEnvironment, targetKinds: readonly string[] = []): AlertSender {
  if (env.grafanaAlerting) return 'grafana';
  if (env.prometheusModel().alertmanagers.length > 0) return 'prometheus';
  if (targetKinds.includes('AwsManagedTarget')) return 'amp';
  if (targetKinds.includes('GrafanaTarget')) return 'grafana';
  return 'none';
}

/** The labels an alert of `rule` carries before any series is known, when `sender` sends it. */
export function knownAlertLabels(rule: AlertingRuleModel, sender: AlertSender, externalLabels: LabelSet): LabelSet {
  // Prometheus adds an external label only where the alert has none of that name; alertname always wins.
  const base = sender === 'prometheus' ? externalLabels : {};
  return { ...base, ...rule.labels, alertname: rule.alert };
}

/** promtool alert test counts by group name, then alert name. */
function testCounts(env: MonitoringEnvironment): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const suite of env.ruleTests) {
    const counts = new Map<string, number>();
    for (const c of suite.cases) for (const t of c.alertRuleTests) counts.set(t.alertname, (counts.get(t.alertname) ?? 0) + 1);
    out.set(suite.groupName, counts);
  }
  return out;
}

const REACH_ORDER: Record<Reach, number> = { 'no-one': 0, discard: 1, someone: 2 };

/** Options of {@link buildPagingReport}. */
export interface PagingOptions {
  /** Kinds of the environment's targets (`DockerHostTarget`, `AwsManagedTarget`, `GrafanaTarget`). @default [] */
  readonly targetKinds?: readonly string[];
}

/** Walks every alerting rule of the environment (Prometheus and Loki groups) through its routing. */
export function buildPagingReport(env: MonitoringEnvironment, options: PagingOptions = {}): PagingReport {
  const model = env.alertmanagerModel();
  const discards = new Set(model.receivers.filter((r) => r.discards || r.integrations.length === 0).map((r) => r.name));
  const prometheusSender = prometheusAlertSender(env, options.targetKinds);
  const tests = testCounts(env);
  const external = env.prometheus.externalLabels;
  const sources = model.inhibitRules.map(() => new Set<string>());
  const entries: PagingEntry[] = [];
  const add = (group: RuleGroupModel, ruleFile: string, sentBy: AlertSender) => {
    for (const rule of group.rules) {
      if (rule.kind !== 'alert') continue;
      const labels = knownAlertLabels(rule, sentBy, external);
      model.inhibitRules.forEach((r, i) => {
        if (sentBy !== 'none' && canBeInhibitionSource(r, labels)) sources[i].add(rule.alert);
      });
      const walk = sentBy === 'none' ? { routes: [], receivers: [], runtimeLabels: [] } : walkRoutes(model.route, labels);
      const inhibitedBy = sentBy === 'none' ? [] : possibleInhibitions(model.inhibitRules, labels);
      const receivers = [...new Set(walk.receivers)];
      const reach: Reach = receivers.length === 0 ? 'no-one' : receivers.every((r) => discards.has(r)) ? 'discard' : 'someone';
      const runtime = new Set([...walk.runtimeLabels, ...inhibitedBy.flatMap((i) => i.runtimeLabels)]);
      entries.push({
        group: group.name,
        ruleFile,
        sentBy,
        rule,
        labels,
        routes: walk.routes,
        receivers,
        reach,
        runtimeLabels: [...runtime].sort(),
        inhibitedBy,
        tests: tests.get(group.name)?.get(rule.alert) ?? 0,
        runbook: rule.annotations.runbook_url,
      });
    }
  };
  for (const group of env.ruleGroups) add(group, FILES.ruleFile(group.fileName), prometheusSender);
  for (const group of env.lokiRuleGroups) add(group, FILES.lokiRuleFile(group.fileName), 'loki');
  // Stable sort: reach first, then the rule file; rules keep their order inside a file.
  const order = entries.map((entry, i) => ({ entry, i }));
  order.sort((a, b) => REACH_ORDER[a.entry.reach] - REACH_ORDER[b.entry.reach] || compare(a.entry.ruleFile, b.entry.ruleFile) || a.i - b.i);
  return {
    environment: env.name,
    prometheusSender,
    externalLabels: prometheusSender === 'prometheus' ? external : {},
    entries: order.map((o) => o.entry),
    inhibitRules: model.inhibitRules.map((rule, i) => ({ rule, sources: [...sources[i]].sort() })),
    receivers: model.receivers,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `for` as Prometheus prints it, `0s` when unset. */
export function forText(duration: Duration | undefined): string {
  return duration ? duration.toPrometheus() : '0s';
}
