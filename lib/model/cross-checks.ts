// Checks that span constructs, run at synth on the whole environment: errors for what certainly never works (a route
// or inhibit rule matching an alert name no rule fires), and findings for what is likely wrong, which the constructs
// layer turns into warnings unless they are acknowledged. Pure: no cdktf.
import { DashboardModel } from './dashboard';
import { listDashboardQueries } from './dashboard-queries';
import type { MonitoringEnvironment, RoutingDeclaration } from './environment';
import { MonitoringConfigError, showValue } from './errors';
import type { Matcher } from './matchers';
import { LabelSet, promqlShape, selectorMetric } from './promql-labels';
import { re2ToRegExp } from './re2';
import { simulateRelabel } from './relabel-simulation';
import type { RouteModel } from './routing';
import type { RuleGroupModel } from './rules';
import { jobAndRuleFindings } from './job-rule-findings';

/** The warnings of the cross-construct checks; each can be acknowledged by name. */
export const CROSS_CHECK_WARNINGS = {
  'unscraped-job': 'a rule or dashboard selects a job that no scrape job of the environment has',
  'dropped-metric': "a rule or dashboard selects a metric that the job's metricRelabelConfigs drop",
  'unreached-receiver': 'a receiver that no route sends to',
  'unproducible-equal': "an inhibit rule's equal label that no alert it can match carries",
  'only-child-continue': 'continue: true on the only child of a route',
  'replaced-builtin-job': "a scrape job named like a target's built-in job, which it replaces",
  'duplicate-target': "a scrape job that scrapes a built-in job's target under another job name",
  'duplicate-rule': 'two rules of one group with the same name and labels',
  'imported-settings': "an imported file's settings that the stack does not apply as the file did",
} as const;

/** A warning name, e.g. `unscraped-job`. */
export type CrossCheckWarning = keyof typeof CROSS_CHECK_WARNINGS;

/** A likely problem: which warning, the constructs involved (`declaredBy` texts, the first one reports it), the text. */
export interface CrossCheckFinding {
  readonly warning: CrossCheckWarning;
  /** Who declared what is involved, e.g. `AlertGroup dev/monitoring/api-health`; the first reports the warning. */
  readonly involved: readonly string[];
  readonly message: string;
}

/** What the checks know beyond the environment's model. */
export interface CrossCheckContext {
  /** Jobs scraped outside the environment's scrape jobs (e.g. the AWS agents' own `node` job). @default [] */
  readonly extraJobs?: readonly string[];
  /** Alert names raised outside the rules (e.g. Grafana's `DatasourceError`). @default [] */
  readonly extraAlerts?: readonly string[];
}

/** Full-match test of an RE2 pattern; undefined when it cannot be run here. */
function re2Test(pattern: string, text: string, dotAll = false): boolean | undefined {
  try {
    return re2ToRegExp(pattern, { dotAll }).test(text);
  } catch {
    return undefined;
  }
}

/** Whether an Alertmanager matcher accepts `value` (undefined: cannot be known). */
function matcherAccepts(m: Matcher, value: string): boolean | undefined {
  switch (m.operator) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return re2Test(m.value, value);
    default: {
      const hit = re2Test(m.value, value);
      return hit === undefined ? undefined : !hit;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Alert names: a route or inhibit matcher on alertname that no rule of the environment can satisfy (an error).

/** Every alert name the environment's rules fire, with who declares each. */
function alertNames(env: MonitoringEnvironment, extra: readonly string[]): Set<string> {
  const names = new Set(extra);
  for (const group of [...env.ruleGroups, ...env.lokiRuleGroups]) for (const rule of group.rules) if (rule.kind === 'alert') names.add(rule.alert);
  for (const routing of env.routingDeclarations) for (const name of routing.externalAlerts ?? []) names.add(name);
  return names;
}

function closestAlert(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return known.find((k) => k.toLowerCase() === lower) ?? known.find((k) => k.toLowerCase().includes(lower) || lower.includes(k.toLowerCase()));
}

function alertnameProblem(matcher: Matcher, known: Set<string>, where: string, field: string): MonitoringConfigError | undefined {
  if (matcher.label !== 'alertname' || (matcher.operator !== '=' && matcher.operator !== '=~')) return undefined;
  const list = [...known].sort();
  if (matcher.operator === '=') {
    if (known.has(matcher.value)) return undefined;
  } else {
    const results = list.map((name) => re2Test(matcher.value, name));
    if (results.some((r) => r !== false)) return undefined;
    if (re2Test(matcher.value, '') === undefined) return undefined;
  }
  const hint = matcher.operator === '=' ? closestAlert(matcher.value, list) : undefined;
  const shown = list.length === 0 ? 'the environment has no alerting rule' : `alerts: ${list.slice(0, 12).map((n) => showValue(n)).join(', ')}${list.length > 12 ? `, … (${list.length})` : ''}`;
  return new MonitoringConfigError(
    where,
    field,
    `got ${String(matcher)}, but no rule of the environment fires an alert ${matcher.operator === '=' ? 'of that name' : 'whose name matches'} (${shown}${hint ? `; did you mean ${showValue(hint)}?` : ''}), so this ${field.includes('Matchers') ? 'inhibit rule' : 'route'} can never match; ` +
      'expected the name of an alert a Prometheus, Loki, SLO or Grafana-managed rule defines, or list alerts that reach Alertmanager from elsewhere in the AlertRouting\'s externalAlerts',
  );
}

function routeFields(route: RouteModel, field: string, visit: (route: RouteModel, field: string) => void): void {
  visit(route, field);
  route.routes.forEach((child, i) => routeFields(child, `${field}.routes[${i}]`, visit));
}

/** Each route of a declaration with its field path (`route`, `route.routes[0]`, `routes[1].routes[0]`). */
function declaredRoutes(routing: RoutingDeclaration, visit: (route: RouteModel, field: string) => void): void {
  if (routing.root) routeFields(routing.root, 'route', visit);
  routing.routes.forEach((route, i) => routeFields(route, `routes[${i}]`, visit));
}

/**
 * Errors for routes and inhibit rules whose `alertname` matcher (equality, or a regex tried on every name) can match no
 * alert of the environment: a pack renamed `HighCPUUsage` to `HostHighCpuUsage`, a typo. Negative matchers are left
 * alone. Only checked when the environment has rules at all or names its external alerts.
 */
export function alertNameErrors(env: MonitoringEnvironment, context: CrossCheckContext = {}): string[] {
  const known = alertNames(env, context.extraAlerts ?? []);
  const errors: string[] = [];
  for (const routing of env.routingDeclarations) {
    declaredRoutes(routing, (route, field) => {
      route.matchers.forEach((m, i) => {
        const problem = alertnameProblem(m, known, routing.declaredBy, `${field}.matchers[${i}]`);
        if (problem) errors.push(problem.message);
      });
    });
    routing.inhibitRules.forEach((rule, r) => {
      for (const side of ['sourceMatchers', 'targetMatchers'] as const) {
        rule[side].forEach((m, i) => {
          const problem = alertnameProblem(m, known, routing.declaredBy, `inhibitRules[${r}].${side}[${i}]`);
          if (problem) errors.push(problem.message);
        });
      }
    });
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// Queries: rules and dashboards selecting a job nothing scrapes, or a metric the job's metric relabeling drops.

interface QuerySource {
  /** `AlertGroup dev/monitoring/api-health, rule ApiDown` or `GrafanaDashboard ..., panel "Requests"`. */
  readonly where: string;
  readonly declaredBy: string;
  readonly expr: string;
}

function ruleQueries(groups: readonly RuleGroupModel[]): QuerySource[] {
  return groups.flatMap((g) =>
    g.rules.map((r) => ({ where: `${g.declaredBy}, ${r.kind === 'alert' ? `rule ${r.alert}` : `recording rule ${r.record}`}`, declaredBy: g.declaredBy, expr: r.expr })),
  );
}

function dashboardQueries(dashboards: readonly DashboardModel[]): QuerySource[] {
  const out: QuerySource[] = [];
  for (const dashboard of dashboards) {
    let queries;
    try {
      queries = listDashboardQueries(dashboard.json);
    } catch {
      continue;
    }
    for (const q of queries) {
      // Template variables stand for values this check cannot know.
      if (q.language !== 'promql' || typeof q.expression !== 'string' || /\$|\[\[/.test(q.expression)) continue;
      out.push({ where: `${dashboard.declaredBy}, ${q.location}`, declaredBy: dashboard.declaredBy, expr: q.expression });
    }
  }
  return out;
}

/** Findings about the jobs and metrics rules and dashboards select. */
function queryFindings(env: MonitoringEnvironment, context: CrossCheckContext): CrossCheckFinding[] {
  const jobs = new Map(env.scrapeJobs.map((j) => [j.jobName, j]));
  // A job label that relabeling or honor_labels may set can hold any value: then no job name is certain to be missing.
  const jobsOpen = env.scrapeJobs.some(
    (j) => j.honorLabels || [...j.relabelConfigs, ...j.metricRelabelConfigs].some((r) => r.targetLabel === 'job' || (r.targetLabel ?? '').includes('$') || r.action === 'labelmap'),
  );
  const known = new Set([...jobs.keys(), ...(context.extraJobs ?? [])]);
  for (const group of env.ruleGroups) for (const rule of group.rules) if (rule.labels.job) known.add(rule.labels.job);
  const findings: CrossCheckFinding[] = [];
  const seen = new Set<string>();
  const add = (key: string, finding: CrossCheckFinding) => {
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  for (const source of [...ruleQueries(env.ruleGroups), ...dashboardQueries(env.allDashboards)]) {
    const shape = promqlShape(source.expr);
    if (!shape) continue;
    for (const selector of shape.selectors) {
      const jobMatcher = selector.matchers.find((m) => m.label === 'job' && m.op === '=');
      if (!jobMatcher || jobMatcher.value === '') continue;
      const job = jobMatcher.value;
      if (!known.has(job)) {
        if (jobsOpen) continue;
        const list = [...known].sort();
        add(`unscraped ${source.declaredBy} ${job}`, {
          warning: 'unscraped-job',
          involved: [source.declaredBy],
          message:
            `${source.where}: selects job=${JSON.stringify(job)} (in ${showValue(source.expr.length > 120 ? `${source.expr.slice(0, 117)}...` : source.expr)}), ` +
            `but no scrape job of the environment has that name (jobs: ${list.map((n) => JSON.stringify(n)).join(', ') || 'none'}), so it selects nothing` +
            (source.declaredBy.startsWith('AlertGroup') ? ' and the rule never fires' : ''),
        });
        continue;
      }
      const scrape = jobs.get(job);
      const metric = selectorMetric(selector);
      if (!scrape || !metric || scrape.metricRelabelConfigs.length === 0) continue;
      const labels: Record<string, string> = { __name__: metric, job };
      for (const m of selector.matchers) if (m.op === '=' && m.label !== '__name__') labels[m.label] = m.value;
      const outcome = simulateRelabel(scrape.metricRelabelConfigs, labels);
      if (outcome.kind !== 'dropped') continue;
      const rule = scrape.metricRelabelConfigs[outcome.index];
      add(`dropped ${source.declaredBy} ${job} ${metric}`, {
        warning: 'dropped-metric',
        involved: [source.declaredBy, scrape.declaredBy],
        message:
          `${source.where}: selects ${metric} of job ${JSON.stringify(job)}, but that job's metricRelabelConfigs[${outcome.index}] ` +
          `(action ${rule.action ?? 'replace'}${rule.regex !== undefined ? `, regex ${JSON.stringify(rule.regex)}` : ''}, declared by ${scrape.declaredBy}) drops it before it is stored, so it selects nothing`,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------
// Routing: receivers no route reaches, `continue` on an only child, inhibit `equal` labels no alert carries.

function routingFindings(env: MonitoringEnvironment): CrossCheckFinding[] {
  const findings: CrossCheckFinding[] = [];
  const model = env.alertmanagerModel();
  const reached = new Set<string>();
  const walk = (route: RouteModel) => {
    if (route.receiver !== undefined) reached.add(route.receiver);
    route.routes.forEach(walk);
  };
  walk(model.route);
  for (const routing of env.routingDeclarations) {
    routing.receivers.forEach((receiver) => {
      if (reached.has(receiver.name)) return;
      findings.push({
        warning: 'unreached-receiver',
        involved: [routing.declaredBy],
        message: `${routing.declaredBy}, receiver ${receiver.name}: no route sends to it (the root route and every child route name other receivers), so it is never notified; route to it or remove it`,
      });
    });
  }
  // The merged tree: the root's children come from every AlertRouting, so the check looks at the tree as rendered.
  const onlyChild = (route: RouteModel, parentReceiver: string | undefined, path: string) => {
    const receiver = route.receiver ?? parentReceiver;
    if (route.routes.length === 1 && route.routes[0].continue === true) {
      const child = route.routes[0];
      findings.push({
        warning: 'only-child-continue',
        involved: [child.declaredBy],
        message:
          `${child.declaredBy}: a route with continue: true is the only child of ${path}; continue only lets later sibling routes match too, ` +
          `so alerts this route takes are not also sent to ${receiver === undefined ? 'the parent\'s receiver' : `the parent's receiver ${JSON.stringify(receiver)}`} ` +
          '(a parent notifies only alerts none of its children take); to notify both, add a second child route after it that sends to the parent\'s receiver',
      });
    }
    route.routes.forEach((c, i) => onlyChild(c, receiver, `${path === 'the root route' ? 'route' : path}.routes[${i}]`));
  };
  onlyChild(model.route, undefined, 'the root route');
  return findings;
}

/** An alerting rule as the inhibit check sees it: the labels it always has, and what else it can carry. */
interface AlertShape {
  readonly fixed: Readonly<Record<string, string>>;
  readonly dynamic: LabelSet;
}

function alertShapes(env: MonitoringEnvironment): AlertShape[] {
  const external = env.prometheus.externalLabels;
  const shapes: AlertShape[] = [];
  for (const group of env.ruleGroups) {
    for (const rule of group.rules) {
      if (rule.kind !== 'alert') continue;
      const fixed = { ...external, ...rule.labels, alertname: rule.alert };
      shapes.push({ fixed, dynamic: promqlShape(rule.expr)?.labels ?? 'any' });
    }
  }
  // LogQL results are not analysed: any label.
  for (const group of env.lokiRuleGroups) {
    for (const rule of group.rules) if (rule.kind === 'alert') shapes.push({ fixed: { ...rule.labels, alertname: rule.alert }, dynamic: 'any' });
  }
  return shapes;
}

function canCarry(shape: AlertShape, label: string): boolean {
  return label in shape.fixed || shape.dynamic === 'any' || shape.dynamic.has(label);
}

/** Whether an alert of this shape can satisfy every matcher. */
function canMatch(shape: AlertShape, matchers: readonly Matcher[]): boolean {
  return matchers.every((m) => {
    if (m.label in shape.fixed) return matcherAccepts(m, shape.fixed[m.label]) !== false;
    if (canCarry(shape, m.label)) return true;
    return matcherAccepts(m, '') !== false; // the label is absent: its value is ""
  });
}

function inhibitFindings(env: MonitoringEnvironment): CrossCheckFinding[] {
  const findings: CrossCheckFinding[] = [];
  const shapes = alertShapes(env);
  // Alerts raised outside the rules carry labels this check cannot know.
  const open = env.routingDeclarations.some((r) => (r.externalAlerts ?? []).length > 0);
  if (open) return findings;
  for (const routing of env.routingDeclarations) {
    routing.inhibitRules.forEach((rule, r) => {
      const candidates = shapes.filter((s) => canMatch(s, rule.sourceMatchers) || canMatch(s, rule.targetMatchers));
      if (candidates.length === 0) return;
      for (const label of rule.equal) {
        if (candidates.some((s) => canCarry(s, label))) continue;
        findings.push({
          warning: 'unproducible-equal',
          involved: [routing.declaredBy],
          message:
            `${routing.declaredBy}, inhibitRules[${r}].equal: ${JSON.stringify(label)} is carried by no alert the rule's matchers can select ` +
            `(no rule sets it in labels, and their expressions aggregate it away with by (...)), so it is empty on both sides and equal always holds: ` +
            'the rule mutes matching alerts across every value of it; list a label the alerts carry (e.g. one of their by (...) labels)',
        });
      }
    });
  }
  return findings;
}

/** Every likely problem the checks find (see {@link CROSS_CHECK_WARNINGS}). */
export function crossCheckFindings(env: MonitoringEnvironment, context: CrossCheckContext = {}): CrossCheckFinding[] {
  return [...queryFindings(env, context), ...routingFindings(env), ...inhibitFindings(env), ...jobAndRuleFindings(env)];
}
