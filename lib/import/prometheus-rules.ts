import { Duration } from '../model/duration';
import { duplicate, invalid, missing } from '../model/errors';
import { checkLabelName, checkLabels, LABEL_NAME } from '../model/names';
import { checkPromQL } from '../model/promql';
import { AlertingRuleDefinition, buildRule, buildRuleGroup, indistinguishableRules, RecordingRuleDefinition, RuleDefinition } from '../model/rules';
import { Severity } from '../model/severity';
import { bareRuleList, indistinguishableWarning } from './messages';
import { RULE_GROUP_FIELDS } from './prometheus-fields';
import { optional } from './shared';
import { parseSource, SourceMap, SourceNode } from './yaml-source';

/** One rule group of an imported rule file, ready for `new AlertGroup(scope, id, { groupName: name, ...group })`. */
export interface ImportedRuleGroup {
  /** The group's `name`. */
  readonly name: string;
  /** The group's `interval`. @default - the environment's evaluation interval */
  readonly interval?: Duration;
  /** The group's `limit`. @default - no limit */
  readonly limit?: number;
  /** The rules as typed definitions: `severity` as a {@link Severity}, summary/description/runbook_url as typed fields. */
  readonly rules: RuleDefinition[];
}

/** An imported Prometheus rule file. */
export interface ImportedRuleFile {
  /** Its groups, in file order. */
  readonly groups: ImportedRuleGroup[];
  /**
   * What imports but is likely wrong: two rules of one group with the same name and labels (promtool's
   * `duplicate-rules` lint). @default []
   */
  readonly warnings: string[];
}

const GROUP_KEYS = ['name', 'interval', 'limit', 'rules'];
const ALERT_KEYS = ['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];
const RECORD_KEYS = ['record', 'expr', 'labels'];
const ANNOTATION_FIELDS: Readonly<Record<string, string>> = { summary: 'summary', description: 'description', runbook_url: 'runbookUrl' };
const KNOWN_SEVERITIES: Readonly<Record<string, Severity>> = { critical: Severity.CRITICAL, warning: Severity.WARNING, info: Severity.INFO };

/**
 * Imports a Prometheus rule file (`groups:` of `alert:`/`record:` rules) as typed rule definitions.
 *
 * Every rule is validated exactly like typed input (the group goes through `buildRuleGroup`), so invalid PromQL,
 * malformed durations and unknown keys are refused with an error that names the file position, the group, the
 * rule and the field, e.g. `alert_rules.yml:6:11, group api, rule HighErrorRate, groups[0].rules[0].expr: PromQL parse error ...`.
 *
 * @param yamlText the rule file's content
 * @param where the name the file is reported under in errors, e.g. `alert_rules.yml`
 */
export function importPrometheusRules(yamlText: string, where: string): ImportedRuleFile {
  const top = parseSource(yamlText, where);
  if (top.isNull) throw missing(top.where, 'groups', 'a rule file with `groups:`');
  if (top.isList) throw bareRuleList(top.where);
  const file = top.map('a rule file: a map with `groups:`');
  file.checkKeys('a rule file', ['groups']);
  const groups = file.req('groups', 'a list of rule groups').seq('a list of rule groups');
  const seen = new Map<string, string>();
  const warnings: string[] = [];
  const imported = groups.map((groupNode) => {
    const { group, where: groupWhere, rulePaths } = importGroup(groupNode);
    const first = seen.get(group.name);
    if (first !== undefined) throw duplicate(groupNode.where, `${groupNode.path}.name`, group.name, first);
    seen.set(group.name, groupNode.path);
    for (const d of indistinguishableRules(buildRuleGroup(group, groupWhere))) {
      warnings.push(indistinguishableWarning(rulePaths[d.index].where, rulePaths[d.index].path, d.name, rulePaths[d.first].path));
    }
    return group;
  });
  return { groups: imported, warnings };
}

function importGroup(node: SourceNode): { group: ImportedRuleGroup; where: string; rulePaths: { where: string; path: string }[] } {
  const bare = node.map('a rule group: a map with `name:` and `rules:`');
  const name = bare.req('name', 'the group name').string('the group name');
  const group = bare.named(`group ${name}`);
  group.checkKeys('a rule group', GROUP_KEYS, {}, RULE_GROUP_FIELDS);
  const intervalNode = group.opt('interval');
  const interval = intervalNode === undefined ? undefined : Duration.parse(intervalNode.string('a duration'), intervalNode.where, intervalNode.field);
  const limit = group.opt('limit')?.integer();
  // `rules: []` (or no `rules:`) is an empty group: Prometheus loads it.
  const rules = group.opt('rules')?.seq('a list of alerting or recording rules') ?? [];
  const definitions = rules.map((rule) => importRule(rule));
  const where = `${group.node.where}, ${group.node.path}`;
  // The same group-level validation as typed input: group name, rule names, limit.
  buildRuleGroup({ name, interval, limit, rules: definitions }, where);
  return { group: { name, interval, limit, rules: definitions }, where, rulePaths: rules.map((r) => ({ where: r.where, path: r.path })) };
}

function importRule(node: SourceNode): RuleDefinition {
  const bare = node.map('a rule: a map with `alert:` or `record:`, and `expr:`');
  const alertName = bare.opt('alert')?.string('an alert name');
  const recordName = bare.opt('record')?.string('a recording rule name');
  if (alertName !== undefined && recordName !== undefined) {
    throw invalid(node.where, node.field, { alert: alertName, record: recordName }, 'either `alert` or `record`, not both');
  }
  if (alertName === undefined && recordName === undefined) {
    throw missing(node.where, `${node.path}.alert`, '`alert: <name>` for an alerting rule or `record: <name>` for a recording rule');
  }
  const rule = bare.named(alertName !== undefined ? `rule ${alertName}` : `recording rule ${recordName}`);
  const definition = alertName !== undefined ? importAlertingRule(rule, alertName) : importRecordingRule(rule, recordName!);
  // The same rule-level validation as typed input.
  buildRule(definition, `${bare.node.where}, ${bare.node.path}`);
  return definition;
}

function importAlertingRule(rule: SourceMap, alert: string): AlertingRuleDefinition {
  rule.checkKeys('an alerting rule', ALERT_KEYS, {
    severity: 'put it under `labels:` (typed: `severity: Severity.CRITICAL`)',
    summary: 'put it under `annotations:` (typed: `summary`)',
    description: 'put it under `annotations:` (typed: `description`)',
    runbook_url: 'put it under `annotations:` (typed: `runbookUrl`)',
    record: 'a rule has either `alert:` or `record:`',
  });
  const expr = importExpr(rule);
  const labels = importLabels(rule);
  let severity: Severity | undefined;
  const severityLabel = labels?.severity;
  if (severityLabel !== undefined && (KNOWN_SEVERITIES[severityLabel] || LABEL_NAME.test(severityLabel))) {
    severity = KNOWN_SEVERITIES[severityLabel] ?? Severity.of(severityLabel);
    delete labels!.severity;
  }
  const annotationsNode = rule.opt('annotations');
  const annotations = annotationsNode?.stringMap('annotations: a map of names to text');
  if (annotationsNode && annotations) {
    const map = annotationsNode.map('annotations');
    for (const key of Object.keys(annotations)) checkLabelName(key, map.keyOf(key).where, `${annotationsNode.path} key`);
  }
  const typed: Record<string, string> = {};
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (ANNOTATION_FIELDS[key]) typed[ANNOTATION_FIELDS[key]] = value;
    else extra[key] = value;
  }
  return {
    alert,
    expr,
    ...optional('for', duration(rule, 'for')),
    ...optional('keepFiringFor', duration(rule, 'keep_firing_for')),
    ...optional('severity', severity),
    ...typed,
    ...optional('labels', labels && Object.keys(labels).length > 0 ? labels : undefined),
    ...optional('annotations', Object.keys(extra).length > 0 ? extra : undefined),
  };
}

function importRecordingRule(rule: SourceMap, record: string): RecordingRuleDefinition {
  const onlyAlerting = 'only alerting rules (`alert:`) have it';
  rule.checkKeys('a recording rule', RECORD_KEYS, {
    for: onlyAlerting,
    keep_firing_for: onlyAlerting,
    annotations: onlyAlerting,
    alert: 'a rule has either `alert:` or `record:`',
  });
  const expr = importExpr(rule);
  const labels = importLabels(rule);
  return { record, expr, ...optional('labels', labels && Object.keys(labels).length > 0 ? labels : undefined) };
}

function importExpr(rule: SourceMap): string {
  const node = rule.req('expr', 'a PromQL expression');
  const expr = node.string('a PromQL expression');
  checkPromQL(expr, node.where, node.field, { rule: true });
  return expr;
}

function importLabels(rule: SourceMap): Record<string, string> | undefined {
  const node = rule.opt('labels');
  if (node === undefined) return undefined;
  const labels = node.stringMap('labels: a map of label names to values');
  const map = node.map('labels');
  for (const key of Object.keys(labels)) checkLabelName(key, map.keyOf(key).where, `${node.path} key`);
  checkLabels(labels, node.where, node.field);
  return labels;
}

function duration(rule: SourceMap, key: string): Duration | undefined {
  const node = rule.opt(key);
  return node === undefined ? undefined : Duration.parse(node.string('a duration'), node.where, node.field);
}

