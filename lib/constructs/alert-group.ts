import { Construct } from 'constructs';
import { Duration } from '../model/duration';
import { describeConstruct } from '../model/errors';
import { AlertingRuleDefinition, buildRuleGroup, RuleDefinition, RuleGroupModel } from '../model/rules';
import { buildLogRuleGroup } from '../model/logs/log-rules';
import { describeConstruct as describe, invalid } from '../model/errors';
import { importPrometheusRules } from '../import/prometheus-rules';
import { importedGroupIds } from './imported-ids';
import { checkValueObjects } from '../model/value-objects';
import { buildRuleTests, RuleTestCase } from '../model/rule-tests';
import { renderedName } from './construct-name';
import { MonitoringStack } from './monitoring-stack';

/** Props of {@link AlertGroup}. */
export interface AlertGroupProps {
  /** Alerting and recording rules. Add more later with {@link AlertGroup.addRule}. */
  readonly rules: readonly RuleDefinition[];
  /**
   * The group's name, unique in the environment: the rule file `prometheus/rules/<name>.yml` (or Loki's) and the
   * test file `tests/<name>.test.yml`. Set it when the construct id is taken, e.g.
   * `new AlertGroup(monitoring, 'postgres-alerts', { name: 'postgres', ... })` next to a ServiceScrape `postgres`.
   * @default - `groupName`, else the construct id
   */
  readonly name?: string;
  /** The same as `name` (the importers return it under this name). @default - `name`, else the construct id */
  readonly groupName?: string;
  /** Evaluation interval of this group. @default - the environment's evaluation interval */
  readonly interval?: Duration | string;
  /** Most alerts (or series) one rule may produce; 0 means no limit. @default 0 */
  readonly limit?: number;
  /**
   * Alert unit tests: input series, evaluation times and expected alerts. They render to
   * `tests/<group>.test.yml` (next to, not inside, the Prometheus files) for `promtool test rules`.
   * @default []
   */
  readonly tests?: readonly RuleTestCase[];
  /**
   * Who evaluates the rules: `prometheus` (PromQL) or `loki` (LogQL metric queries such as
   * `sum by (service) (count_over_time({service="api"} |= "ERROR" [5m])) > 10`, evaluated by Loki's ruler and sent to
   * the environment's Alertmanager; needs a LogPipeline).
   * @default "prometheus"
   */
  readonly evaluator?: 'prometheus' | 'loki';
}

/**
 * A Prometheus rule group: alerting and recording rules evaluated together, rendered as one rule file.
 *
 * ```ts
 * new AlertGroup(monitoring, 'api-health', { rules: [{ alert: 'ApiDown', expr: 'up{job="api"} == 0', for: '2m', severity: Severity.CRITICAL }] });
 * ```
 */
export class AlertGroup extends Construct {
  /**
   * Creates one AlertGroup per group of an existing Prometheus rule file, with the same validation as typed input.
   * Construct ids are `id` for a single group, `<id>-<group>` for several (`<id>-<position>` where the group name
   * gives no id or one already used). Two rules with the same name and labels import, with a warning at synth.
   * @param source the file name, for error messages (`alert_rules.yml:5:15, group api, rule X, ...`)
   */
  public static fromPrometheusRules(scope: Construct, id: string, yamlText: string, source = 'rules.yml'): AlertGroup[] {
    const where = `${describe('AlertGroup', `${scope.node.path}/${id}`)} from ${source}`;
    const imported = importPrometheusRules(yamlText, where);
    const ids = importedGroupIds(id, imported.groups.map((g) => g.name));
    return imported.groups.map((g, i) => new AlertGroup(scope, ids[i], { groupName: g.name, rules: g.rules, interval: g.interval, limit: g.limit }));
  }

  private current: RuleGroupModel;
  private readonly monitoring: MonitoringStack;
  private readonly where: string;
  private readonly renderName: string;
  private readonly props: AlertGroupProps;

  constructor(scope: Construct, id: string, props: AlertGroupProps) {
    super(scope, id);
    this.monitoring = MonitoringStack.of(this, 'AlertGroup');
    this.where = describeConstruct('AlertGroup', this.node.path);
    checkValueObjects(props, this.where);
    this.props = { ...props, rules: [...(props?.rules ?? [])] };
    this.renderName = renderedName(this.where, id, props?.name, { field: 'groupName', value: props?.groupName });
    if (props?.evaluator !== undefined && props.evaluator !== 'prometheus' && props.evaluator !== 'loki') {
      throw invalid(this.where, 'evaluator', props.evaluator, '"prometheus" or "loki"');
    }
    if (this.isLoki && props.tests && props.tests.length > 0) {
      throw invalid(this.where, 'tests', `${props.tests.length} test case(s)`, 'no promtool tests on a group evaluated by Loki (promtool cannot run LogQL)');
    }
    this.current = this.build(this.props.rules);
    if (this.isLoki) this.monitoring.model.addLokiRuleGroup(this.current);
    else this.monitoring.model.addRuleGroup(this.current);
    this.tests = [...(props?.tests ?? [])];
    this.updateTests();
  }

  private readonly tests: RuleTestCase[];

  /** Adds alert unit test cases. */
  public addTests(...cases: RuleTestCase[]): void {
    this.tests.push(...cases);
    this.updateTests();
  }

  private updateTests(): void {
    if (this.tests.length === 0) return;
    this.monitoring.model.setRuleTests(
      buildRuleTests(this.tests, this.current, this.where, {
        evaluationInterval: this.props.interval ?? this.monitoring.model.prometheus.evaluationInterval,
        ruleFile: `../prometheus/rules/${this.current.fileName}`,
      }),
    );
  }

  /** The validated group as it renders. */
  public get group(): RuleGroupModel {
    return this.current;
  }

  /** The group's name. */
  public get groupName(): string {
    return this.current.name;
  }

  /** Adds a rule; it lands in the rendered file even though the group was already created. */
  public addRule(rule: RuleDefinition): void {
    checkValueObjects(rule, this.where, `rules[${this.props.rules.length}]`);
    const next = this.build([...this.props.rules, rule]);
    (this.props.rules as RuleDefinition[]).push(rule);
    if (this.isLoki) this.monitoring.model.replaceLokiRuleGroup(this.current, next);
    else this.monitoring.model.replaceRuleGroup(this.current, next);
    this.current = next;
    this.updateTests();
  }

  private get isLoki(): boolean {
    return this.props.evaluator === 'loki';
  }

  private build(rules: readonly RuleDefinition[]): RuleGroupModel {
    if (this.isLoki) {
      return buildLogRuleGroup({ name: this.renderName, interval: this.props.interval, limit: this.props.limit, rules: rules as AlertingRuleDefinition[] }, this.where);
    }
    return buildRuleGroup(
      { name: this.renderName, interval: this.props.interval, limit: this.props.limit, rules },
      this.where,
    );
  }
}
