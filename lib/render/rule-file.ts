import { sortedRecord } from '../model/names';
import { RuleGroupModel, RuleModel } from '../model/rules';
import { compact, generatedHeader, toYaml } from './yaml';

function nonEmpty(record: Readonly<Record<string, string>>): Record<string, string> | undefined {
  return Object.keys(record).length > 0 ? sortedRecord(record) : undefined;
}

/** Renders one rule as Prometheus writes it in a rule file. */
export function renderRule(rule: RuleModel): Record<string, unknown> {
  if (rule.kind === 'record') {
    return compact({ record: rule.record, expr: rule.expr, labels: nonEmpty(rule.labels) });
  }
  return compact({
    alert: rule.alert,
    expr: rule.expr,
    for: rule.for?.toPrometheus(),
    keep_firing_for: rule.keepFiringFor?.toPrometheus(),
    labels: nonEmpty(rule.labels),
    annotations: Object.keys(rule.annotations).length > 0 ? { ...rule.annotations } : undefined,
  });
}

/** The group entry of a rule file (also what AMP rule namespaces and importers take). */
export function renderRuleGroup(group: RuleGroupModel): Record<string, unknown> {
  return compact({
    name: group.name,
    interval: group.interval?.toPrometheus(),
    limit: group.limit,
    rules: group.rules.map(renderRule),
  });
}

/** Renders a rule file holding one group. */
export function renderRuleFile(group: RuleGroupModel): string {
  return toYaml({ groups: [renderRuleGroup(group)] }, generatedHeader(`Prometheus rule group "${group.name}".`));
}
