import { createHash } from 'crypto';
import { Duration } from './duration';
import { invalid, missing } from './errors';
import { checkAlertRuleTemplates } from './go-template-check';
import { checkLabelName, checkLabels, checkMetricName } from './names';
import { checkPromQL } from './promql';
import { checkSeverity, Severity } from './severity';

/** An alerting rule, as a Prometheus user writes it in a rule file. */
export interface AlertingRuleDefinition {
  /** The alert name (`alert:`), e.g. `HighErrorRatio`. */
  readonly alert: string;
  /** The PromQL expression; every series it returns is a firing (or pending) alert. */
  readonly expr: string;
  /**
   * How long the expression must hold before the alert fires.
   * @default - fires on the first evaluation that returns a result
   */
  readonly for?: Duration | string;
  /**
   * How long the alert keeps firing after the expression stops returning it (Prometheus ≥ 2.42).
   * @default - resolves as soon as the expression stops returning it
   */
  readonly keepFiringFor?: Duration | string;
  /**
   * The `severity` label.
   * @default - no severity label (set one: routing usually needs it)
   */
  readonly severity?: Severity;
  /**
   * The `summary` annotation: one line for a notification title.
   * @default - none
   */
  readonly summary?: string;
  /**
   * The `description` annotation: what is wrong and what it affects. Go templates such as `{{ $labels.job }}` work.
   * @default - none
   */
  readonly description?: string;
  /**
   * The `runbook_url` annotation.
   * @default - none
   */
  readonly runbookUrl?: string;
  /**
   * Extra labels added to the alert.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Extra annotations.
   * @default {}
   */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A recording rule: stores the result of `expr` as a new series named `record`. */
export interface RecordingRuleDefinition {
  /** The name of the recorded series, e.g. `job:http_requests:rate5m` (level:metric:operations). */
  readonly record: string;
  /** The PromQL expression to record. */
  readonly expr: string;
  /**
   * Labels added to the recorded series.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Either kind of rule. */
export type RuleDefinition = AlertingRuleDefinition | RecordingRuleDefinition;

/** True for alerting rules. */
export function isAlertingRule(rule: RuleDefinition): rule is AlertingRuleDefinition {
  return (rule as AlertingRuleDefinition).alert !== undefined;
}

/** A validated alerting rule, ready to render. */
export interface AlertingRuleModel {
  /** Discriminates alerting from recording rules. */
  readonly kind: 'alert';
  /** The alert name. */
  readonly alert: string;
  /** The PromQL (or, for Loki's ruler, LogQL) expression, checked. */
  readonly expr: string;
  /** How long the expression must hold before the alert fires. @default - fires at once */
  readonly for?: Duration;
  /** How long the alert keeps firing after the expression stopped holding. @default - stops at once */
  readonly keepFiringFor?: Duration;
  /** Labels of the alert, `severity` among them. */
  readonly labels: Readonly<Record<string, string>>;
  /** Annotations: `summary`, `description`, `runbook_url` and any others. */
  readonly annotations: Readonly<Record<string, string>>;
}

/** A validated recording rule, ready to render. */
export interface RecordingRuleModel {
  /** Discriminates recording from alerting rules. */
  readonly kind: 'record';
  /** The name of the series the rule records. */
  readonly record: string;
  /** The PromQL (or LogQL) expression, checked. */
  readonly expr: string;
  /** Labels added to the recorded series. */
  readonly labels: Readonly<Record<string, string>>;
}

/** A validated rule. */
export type RuleModel = AlertingRuleModel | RecordingRuleModel;

/** A validated rule group: one rule file. */
export interface RuleGroupModel {
  /** Group name, unique in the environment. */
  readonly name: string;
  /** File name (without directory) the group renders to, e.g. `api-health.yml`. */
  readonly fileName: string;
  /** Evaluation interval; undefined means the global evaluation interval. @default - the environment's evaluation interval */
  readonly interval?: Duration;
  /** Max number of alerts/series a rule may produce (0 = no limit). @default 0 (no limit) */
  readonly limit?: number;
  /** The group's rules, in file order. */
  readonly rules: readonly RuleModel[];
  /** Who declared the group, for cross-construct error messages. */
  readonly declaredBy: string;
}

/** Validates and normalizes one rule. `where` names the owning construct. */
export function buildRule(rule: RuleDefinition, where: string): RuleModel {
  if (rule === null || typeof rule !== 'object') {
    throw invalid(where, 'rules', rule, 'an alerting rule ({ alert, expr, ... }) or a recording rule ({ record, expr })');
  }
  const alerting = rule as AlertingRuleDefinition;
  const recording = rule as RecordingRuleDefinition;
  if (alerting.alert !== undefined && recording.record !== undefined) {
    throw invalid(where, 'rules', { alert: alerting.alert, record: recording.record }, 'either `alert` or `record`, not both');
  }
  if (alerting.alert !== undefined) {
    const here = `${where}, rule ${alerting.alert}`;
    if (typeof alerting.alert !== 'string' || alerting.alert === '' || !isValidUtf8(alerting.alert)) {
      throw invalid(where, 'rules[].alert', alerting.alert, 'an alert name: any non-empty text, e.g. "HighErrorRatio" or "Disk usage (>80%)" (it becomes the alertname label value)');
    }
    if (alerting.expr === undefined) throw missing(here, 'expr', 'a PromQL expression');
    checkPromQL(alerting.expr, here, 'expr', { rule: true });
    checkLabels(alerting.labels, here, 'labels');
    if (alerting.annotations !== undefined) {
      for (const name of Object.keys(alerting.annotations)) checkLabelName(name, here, 'annotations key');
    }
    checkAlertRuleTemplates(alerting, here);
    const labels: Record<string, string> = { ...(alerting.labels ?? {}) };
    if (alerting.severity !== undefined) {
      if (!(alerting.severity instanceof Severity)) {
        throw invalid(here, 'severity', alerting.severity, 'a Severity such as Severity.CRITICAL or Severity.of("page")');
      }
      checkSeverity(alerting.severity, here, 'severity');
      labels.severity = alerting.severity.value;
    }
    const annotations: Record<string, string> = {};
    if (alerting.summary !== undefined) annotations.summary = alerting.summary;
    if (alerting.description !== undefined) annotations.description = alerting.description;
    if (alerting.runbookUrl !== undefined) annotations.runbook_url = alerting.runbookUrl;
    Object.assign(annotations, alerting.annotations ?? {});
    return {
      kind: 'alert',
      alert: alerting.alert,
      expr: alerting.expr,
      for: alerting.for === undefined ? undefined : Duration.from(alerting.for, here, 'for'),
      keepFiringFor: alerting.keepFiringFor === undefined ? undefined : Duration.from(alerting.keepFiringFor, here, 'keepFiringFor'),
      labels,
      annotations,
    };
  }
  if (recording.record !== undefined) {
    const here = `${where}, recording rule ${recording.record}`;
    checkMetricName(recording.record, where, 'rules[].record');
    if (recording.expr === undefined) throw missing(here, 'expr', 'a PromQL expression');
    checkPromQL(recording.expr, here, 'expr', { rule: true });
    checkLabels(recording.labels, here, 'labels');
    return { kind: 'record', record: recording.record, expr: recording.expr, labels: { ...(recording.labels ?? {}) } };
  }
  throw invalid(where, 'rules', rule, 'an alerting rule ({ alert, expr, ... }) or a recording rule ({ record, expr })');
}

/** Options for {@link buildRuleGroup}. */
export interface RuleGroupInput {
  readonly name: string;
  readonly interval?: Duration | string;
  readonly limit?: number;
  readonly rules: readonly RuleDefinition[];
}

/**
 * Validates a rule group: every rule, and the group name as Prometheus takes it (any non-empty text; promtool:
 * "Groupname must not be empty"). A group may be empty (Prometheus loads it; rules can be added later). Two rules
 * with one name are allowed, as Prometheus allows them (one alert per severity is a common pattern); two that
 * nothing distinguishes are reported by {@link indistinguishableRules} as a warning, not refused.
 */
export function buildRuleGroup(input: RuleGroupInput, where: string): RuleGroupModel {
  if (typeof input.name !== 'string' || input.name === '' || !isValidUtf8(input.name)) {
    throw invalid(where, 'name', input.name, 'a group name: any non-empty text, e.g. "api-health" or "API health (SLO)"');
  }
  if (!Array.isArray(input.rules)) {
    throw invalid(where, 'rules', input.rules, 'a list of alerting or recording rules');
  }
  const rules = input.rules.map((rule) => buildRule(rule, where));
  let limit: number | undefined;
  if (input.limit !== undefined) {
    if (!Number.isInteger(input.limit) || input.limit < 0) throw invalid(where, 'limit', input.limit, 'a whole number ≥ 0');
    limit = input.limit;
  }
  return {
    name: input.name,
    fileName: ruleFileName(input.name),
    interval: input.interval === undefined ? undefined : Duration.from(input.interval, where, 'interval'),
    limit,
    rules,
    declaredBy: where,
  };
}

/** A group name that is used unchanged as a file name: letters, digits, `_`, `.` and `-`, starting with a letter or digit. */
const SAFE_FILE_STEM = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$/;

/**
 * The rule file a group renders to, e.g. `api-health.yml`. A name that is not safe as a file name (spaces, `/`,
 * `:`, `%`, non-ASCII, over 100 characters) keeps its safe characters and gets 8 hex digits of its SHA-256, so two
 * names never share a file (`API health` → `API_health-1a2b3c4d.yml`, `API_health` → `API_health.yml`).
 */
export function ruleFileName(groupName: string): string {
  if (SAFE_FILE_STEM.test(groupName)) return `${groupName}.yml`;
  const stem = groupName.replace(/[^a-zA-Z0-9_.-]/g, '_').replace(/^[._-]+/, '').slice(0, 80);
  const hash = createHash('sha256').update(groupName, 'utf8').digest('hex').slice(0, 8);
  return `${stem === '' ? 'group' : stem}-${hash}.yml`;
}

/** Two rules of one group that nothing distinguishes: same name, same labels (promtool's `duplicate-rules` lint). */
export interface IndistinguishableRules {
  /** The alert or recording rule name. */
  readonly name: string;
  /** Index of the first rule in the group. */
  readonly first: number;
  /** Index of the later rule with the same name and labels. */
  readonly index: number;
}

/**
 * Rules of a group with the same name and the same labels: promtool's `duplicate-rules` lint (cmd/promtool/main.go
 * `checkDuplicates`, Prometheus v3.5.3) reports them, Prometheus loads them. Alerts of both carry the same labels
 * when their expressions return the same series, so Alertmanager cannot tell them apart; two recording rules write
 * the same series. Rules with one name and different labels (`severity: warning` / `critical`) are not reported.
 */
export function indistinguishableRules(group: Pick<RuleGroupModel, 'rules'>): IndistinguishableRules[] {
  const seen = new Map<string, number>();
  const out: IndistinguishableRules[] = [];
  group.rules.forEach((rule, index) => {
    const name = rule.kind === 'alert' ? rule.alert : rule.record;
    const key = JSON.stringify([rule.kind, name, Object.entries(rule.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else out.push({ name, first, index });
  });
  return out;
}

/** True unless the text has lone surrogates (which are not UTF-8: Prometheus refuses such label values). */
function isValidUtf8(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
