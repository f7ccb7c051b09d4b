import { Duration } from '../duration';
import { duplicate, invalid, missing } from '../errors';
import { checkAlertRuleTemplates } from '../go-template-check';
import { checkLabelName, checkLabels } from '../names';
import { AlertingRuleDefinition, AlertingRuleModel, RuleGroupModel } from '../rules';
import { checkSeverity, Severity } from '../severity';
import { checkLogQL } from './logql';

/**
 * A LogQL alert rule for Loki's ruler: the same fields as a Prometheus alerting rule, with `expr` in LogQL.
 * The expression must be a metric query, e.g. `sum by (service) (count_over_time({service="api"} |= "error" [5m])) > 10`.
 */
export type LogAlertRuleDefinition = AlertingRuleDefinition;

/** A group of LogQL alert rules: one rule file for Loki's ruler. */
export interface LogRuleGroupInput {
  /** Group name: letters, digits, `.`, `_`, `:` and `-`. */
  readonly name: string;
  /**
   * Evaluation interval of the group.
   * @default - the ruler's evaluation interval
   */
  readonly interval?: Duration | string;
  /**
   * Most alerts a rule may produce (0 = no limit).
   * @default 0
   */
  readonly limit?: number;
  /** The rules. Recording rules are not offered: Loki's ruler needs remote_write to store their results. */
  readonly rules: readonly LogAlertRuleDefinition[];
}

/** Validates one LogQL alert rule. */
export function buildLogAlertRule(rule: LogAlertRuleDefinition, where: string): AlertingRuleModel {
  if (rule === null || typeof rule !== 'object' || (rule as { record?: unknown }).record !== undefined || rule.alert === undefined) {
    throw invalid(where, 'rules', rule, 'a LogQL alerting rule ({ alert, expr, ... }); Loki recording rules need remote_write and are not offered');
  }
  if (typeof rule.alert !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_:]*$/.test(rule.alert)) {
    throw invalid(where, 'rules[].alert', rule.alert, 'an alert name such as "ApiErrorLogs" (letters, digits, _ and :, not starting with a digit)');
  }
  const here = `${where}, rule ${rule.alert}`;
  if (rule.expr === undefined) throw missing(here, 'expr', 'a LogQL metric query');
  checkLogQL(rule.expr, here, 'expr', { expect: 'metric' });
  checkLabels(rule.labels, here, 'labels');
  for (const name of Object.keys(rule.annotations ?? {})) checkLabelName(name, here, 'annotations key');
  // Loki's ruler expands annotations and labels with Prometheus' template package.
  checkAlertRuleTemplates(rule, here);
  const labels: Record<string, string> = { ...(rule.labels ?? {}) };
  if (rule.severity !== undefined) {
    if (!(rule.severity instanceof Severity)) throw invalid(here, 'severity', rule.severity, 'a Severity such as Severity.CRITICAL or Severity.of("page")');
    checkSeverity(rule.severity, here, 'severity');
    labels.severity = rule.severity.value;
  }
  const annotations: Record<string, string> = {};
  if (rule.summary !== undefined) annotations.summary = rule.summary;
  if (rule.description !== undefined) annotations.description = rule.description;
  if (rule.runbookUrl !== undefined) annotations.runbook_url = rule.runbookUrl;
  Object.assign(annotations, rule.annotations ?? {});
  return {
    kind: 'alert',
    alert: rule.alert,
    expr: rule.expr,
    for: rule.for === undefined ? undefined : Duration.from(rule.for, here, 'for'),
    keepFiringFor: rule.keepFiringFor === undefined ? undefined : Duration.from(rule.keepFiringFor, here, 'keepFiringFor'),
    labels,
    annotations,
  };
}

/**
 * Validates a group of LogQL alert rules. The result has the shape of a Prometheus rule group, so the same rule-file
 * renderer writes it; its `fileName` is the name inside the ruler's tenant directory (see `lokiRuleFilePath`).
 */
export function buildLogRuleGroup(input: LogRuleGroupInput, where: string): RuleGroupModel {
  if (typeof input.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.:-]*$/.test(input.name)) {
    throw invalid(where, 'name', input.name, 'a group name of letters, digits, ".", "_", ":" and "-"');
  }
  if (!Array.isArray(input.rules) || input.rules.length === 0) throw invalid(where, 'rules', input.rules, 'a non-empty list of LogQL alerting rules');
  const rules = input.rules.map((rule) => buildLogAlertRule(rule, where));
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const first = seen.get(rule.alert);
    if (first !== undefined) throw duplicate(where, `rules[${index}].alert`, rule.alert, `rules[${first}]`);
    seen.set(rule.alert, index);
  });
  if (input.limit !== undefined && (!Number.isInteger(input.limit) || input.limit < 0)) throw invalid(where, 'limit', input.limit, 'a whole number ≥ 0');
  return {
    name: input.name,
    fileName: `${input.name.replace(/[^a-zA-Z0-9_.-]/g, '_')}.yml`,
    interval: input.interval === undefined ? undefined : Duration.from(input.interval, where, 'interval'),
    limit: input.limit,
    rules,
    declaredBy: where,
  };
}
