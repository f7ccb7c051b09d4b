import { Duration } from './duration';
import { duplicate, invalid, missing } from './errors';
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
    if (typeof alerting.alert !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_:]*$/.test(alerting.alert)) {
      throw invalid(where, 'rules[].alert', alerting.alert, 'an alert name such as "HighErrorRatio" (letters, digits, _ and :, not starting with a digit)');
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
 * Validates a rule group: every rule, and that no two alerting rules with the same name and no two recording
 * rules with the same name and labels exist in the group (two rules with one name are almost always a copy-paste
 * slip that makes one of them silently shadow the other in dashboards and routing).
 */
export function buildRuleGroup(input: RuleGroupInput, where: string): RuleGroupModel {
  if (typeof input.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.:-]*$/.test(input.name)) {
    throw invalid(where, 'name', input.name, 'a group name of letters, digits, ".", "_", ":" and "-"');
  }
  if (!Array.isArray(input.rules) || input.rules.length === 0) {
    throw invalid(where, 'rules', input.rules, 'a non-empty list of alerting or recording rules');
  }
  const rules = input.rules.map((rule) => buildRule(rule, where));
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const key = rule.kind === 'alert' ? `alert:${rule.alert}` : `record:${rule.record}:${JSON.stringify(rule.labels)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const name = rule.kind === 'alert' ? rule.alert : rule.record;
      throw duplicate(where, `rules[${index}].${rule.kind === 'alert' ? 'alert' : 'record'}`, name, `rules[${first}]`);
    }
    seen.set(key, index);
  });
  let limit: number | undefined;
  if (input.limit !== undefined) {
    if (!Number.isInteger(input.limit) || input.limit < 0) throw invalid(where, 'limit', input.limit, 'a whole number ≥ 0');
    limit = input.limit;
  }
  return {
    name: input.name,
    fileName: `${input.name.replace(/[^a-zA-Z0-9_.-]/g, '_')}.yml`,
    interval: input.interval === undefined ? undefined : Duration.from(input.interval, where, 'interval'),
    limit,
    rules,
    declaredBy: where,
  };
}
