/**
 * The lists the overview page shows, read from the environment: rule groups with their test counts, dashboards with
 * their panels and the jobs they query, and the SLOs (from the rule groups `ServiceLevelObjective` creates).
 */
import { DashboardModel } from '../../model/dashboard';
import { MonitoringEnvironment } from '../../model/environment';
import { FILES } from '../../model/layout';
import { re2ToRegExp } from '../../model/re2';
import { RuleGroupModel, RuleModel } from '../../model/rules';
import { PAGE_WINDOWS, TICKET_WINDOWS } from '../../model/slo';
import { dashboardFileName } from '../grafana-provisioning';

/** A rule with the number of promtool tests that name it. */
export interface RuleSummary {
  readonly rule: RuleModel;
  /** Alerting rules: `alert_rule_test` entries; recording rules: `promql_expr_test` expressions that use the series. */
  readonly tests: number;
}

/** A rule group with its file and tests. */
export interface GroupSummary {
  readonly group: RuleGroupModel;
  readonly evaluator: 'prometheus' | 'loki';
  /** The rendered rule file (logical path). */
  readonly ruleFile: string;
  /** The rendered promtool test file (logical path). @default - the group has no tests */
  readonly testFile?: string;
  readonly rules: readonly RuleSummary[];
}

/** A dashboard panel. */
export interface PanelSummary {
  readonly title: string;
  readonly type: string;
}

/** A dashboard with its panels and the jobs its queries name. */
export interface DashboardSummary {
  readonly dashboard: DashboardModel;
  /** The rendered JSON (logical path). */
  readonly file: string;
  readonly panels: readonly PanelSummary[];
  /** Jobs named by `job="…"` (or matched by `job=~"…"`) in its queries, sorted. */
  readonly jobs: readonly string[];
  /** `job=~"…"` patterns its queries use. */
  readonly jobPatterns: readonly string[];
}

/** An SLO, read back from its rule group. */
export interface SloSummary {
  readonly name: string;
  readonly service: string;
  readonly group: string;
  /** Target ratio of good events, e.g. 0.999. @default - not found in the rules */
  readonly objective?: number;
  /** The burn-rate alerts. */
  readonly alerts: readonly string[];
}

/** How many promtool tests name each rule, per group. */
export function groupSummaries(env: MonitoringEnvironment): GroupSummary[] {
  const suites = new Map(env.ruleTests.map((s) => [s.groupName, s]));
  const summarize = (group: RuleGroupModel, evaluator: 'prometheus' | 'loki', ruleFile: string): GroupSummary => {
    const suite = suites.get(group.name);
    const alertTests = new Map<string, number>();
    const exprs: string[] = [];
    for (const c of suite?.cases ?? []) {
      for (const t of c.alertRuleTests) alertTests.set(t.alertname, (alertTests.get(t.alertname) ?? 0) + 1);
      for (const t of c.promqlExprTests) exprs.push(t.expr);
    }
    const rules = group.rules.map((rule) => ({
      rule,
      tests: rule.kind === 'alert' ? alertTests.get(rule.alert) ?? 0 : exprs.filter((e) => usesSeries(e, rule.record)).length,
    }));
    return { group, evaluator, ruleFile, testFile: suite && evaluator === 'prometheus' ? FILES.ruleTests(group.fileName) : undefined, rules };
  };
  return [
    ...env.ruleGroups.map((g) => summarize(g, 'prometheus', FILES.ruleFile(g.fileName))),
    ...env.lokiRuleGroups.map((g) => summarize(g, 'loki', FILES.lokiRuleFile(g.fileName))),
  ];
}

/** Whether a PromQL expression names the series `name` (as a whole word). */
function usesSeries(expr: string, name: string): boolean {
  let at = expr.indexOf(name);
  while (at >= 0) {
    const before = at === 0 ? '' : expr[at - 1];
    const after = expr[at + name.length] ?? '';
    if (!/[a-zA-Z0-9_:]/.test(before) && !/[a-zA-Z0-9_:]/.test(after)) return true;
    at = expr.indexOf(name, at + 1);
  }
  return false;
}

const JOB_MATCHER = /\bjob\s*(=~|=)\s*"((?:[^"\\]|\\.)*)"/g;

/** `job` matchers in a query: exact names and regex patterns. */
export function jobMatchers(expr: string): { names: string[]; patterns: string[] } {
  const names: string[] = [];
  const patterns: string[] = [];
  for (const m of expr.matchAll(JOB_MATCHER)) (m[1] === '=' ? names : patterns).push(m[2]);
  return { names, patterns };
}

interface PanelJson {
  readonly title?: unknown;
  readonly type?: unknown;
  readonly panels?: unknown;
  readonly targets?: unknown;
}

/** Panels of a dashboard (rows' nested panels included) and the job matchers of their queries. */
export function dashboardSummaries(env: MonitoringEnvironment): DashboardSummary[] {
  return env.allDashboards.map((dashboard) => {
    const panels: PanelSummary[] = [];
    const names = new Set<string>();
    const patterns = new Set<string>();
    const visit = (list: unknown) => {
      if (!Array.isArray(list)) return;
      for (const p of list as PanelJson[]) {
        if (p === null || typeof p !== 'object') continue;
        if (p.type !== 'row') panels.push({ title: typeof p.title === 'string' && p.title !== '' ? p.title : '(untitled)', type: String(p.type ?? 'panel') });
        for (const t of Array.isArray(p.targets) ? (p.targets as Record<string, unknown>[]) : []) {
          const expr = typeof t?.expr === 'string' ? t.expr : typeof t?.query === 'string' ? t.query : undefined;
          if (!expr) continue;
          const found = jobMatchers(expr);
          found.names.forEach((n) => names.add(n));
          found.patterns.forEach((n) => patterns.add(n));
        }
        visit(p.panels);
      }
    };
    visit(dashboard.json.panels);
    return {
      dashboard,
      file: FILES.grafanaDashboard(dashboardFileName(dashboard)),
      panels,
      jobs: [...names].sort(),
      jobPatterns: [...patterns].sort(),
    };
  });
}

/**
 * Finds the dashboards of a job: those naming it in `job="…"`, and those whose `job=~"…"` pattern matches it
 * (RE2, anchored). Built once, so looking up every alert's job stays linear in the number of alerts.
 */
export function dashboardsByJob(summaries: readonly DashboardSummary[]): (job: string) => DashboardSummary[] {
  const byName = new Map<string, DashboardSummary[]>();
  const patterned: { re: RegExp; summary: DashboardSummary }[] = [];
  for (const summary of summaries) {
    for (const job of summary.jobs) {
      let list = byName.get(job);
      if (!list) byName.set(job, (list = []));
      list.push(summary);
    }
    for (const p of summary.jobPatterns) {
      try {
        // PromQL regexes are RE2, anchored, with `.` matching newlines (Prometheus 3).
        patterned.push({ re: re2ToRegExp(p, { anchored: true, dotAll: true }), summary });
      } catch {
        // not RE2 (a template variable such as `$job`): it names no job here
      }
    }
  }
  return (job) => {
    const found = [...(byName.get(job) ?? [])];
    for (const { re, summary } of patterned) if (!found.includes(summary) && re.test(job)) found.push(summary);
    return found;
  };
}

/**
 * SLOs, from the rule groups `ServiceLevelObjective` renders (`slo-<name>`, recording rules labelled `slo` and
 * `service`, burn-rate alerts labelled `slo`). The objective is read back from a burn-rate threshold: the alert
 * compares the error ratio over a long window with `factor × (1 - objective)`.
 */
export function sloSummaries(env: MonitoringEnvironment): SloSummary[] {
  const factors = new Map([...PAGE_WINDOWS, ...TICKET_WINDOWS].map((w) => [w.long, w.factor]));
  const out: SloSummary[] = [];
  for (const group of env.ruleGroups) {
    if (!group.name.startsWith('slo-')) continue;
    const alerts = group.rules.filter((r) => r.kind === 'alert' && r.labels.slo !== undefined);
    const first = alerts[0] ?? group.rules.find((r) => r.labels.slo !== undefined);
    if (!first) continue;
    const name = first.labels.slo;
    let objective: number | undefined;
    for (const rule of alerts) {
      const threshold = /slo:sli_error:ratio_rate(\w+)\{slo="[^"]*"\} > ([0-9.eE+-]+)/.exec(rule.expr);
      const factor = threshold ? factors.get(threshold[1]) : undefined;
      if (threshold && factor) {
        objective = Number((1 - Number(threshold[2]) / factor).toPrecision(10));
        break;
      }
    }
    out.push({
      name,
      service: first.labels.service ?? '',
      group: group.name,
      objective,
      alerts: alerts.map((r) => (r.kind === 'alert' ? r.alert : r.record)),
    });
  }
  return out;
}

/** The job an alerting rule is about: its `job` label, or the first `job="…"` in its expression. */
export function jobOfRule(rule: RuleModel): string | undefined {
  return rule.labels.job ?? jobMatchers(rule.expr).names[0];
}
