/**
 * Prometheus alerting rules as Grafana-managed rules, converted the way Grafana's own importer converts them
 * (`pkg/services/ngalert/prom` in Grafana): each rule becomes a three-stage query graph
 *
 * - `A`: the whole PromQL expression as an instant query on the Prometheus data source. Prometheus fires one alert
 *   per series the expression returns, so the expression is not split into query and threshold;
 * - `B`: the math expression `is_number($A) || is_nan($A) || is_inf($A)`, 1 for every series `A` returned,
 *   whatever its value (0, NaN and ±Inf included);
 * - `C`: the threshold `B > 0`, the rule's condition;
 *
 * with `no_data_state = OK`: an expression that returns nothing means no alert, as in Prometheus.
 *
 * Drift: the models leave out `intervalMs` and `maxDataPoints` (Grafana adds them with their defaults and the
 * provider strips those defaults from the state, so setting them would only make plans noisy), and are written with
 * sorted keys, the form the provider stores. `query_type` is set on every stage, as the importer sets it (the data
 * source type for `A`, `math` and `threshold` for the expressions), so what Grafana returns is what was sent.
 */
import { Duration } from '../../model/duration';
import { AlertingRuleModel, RuleGroupModel } from '../../model/rules';
import type { RuleGroupRule, RuleGroupRuleData } from '../../providers/grafana/rule-group';
import { escapeTerraformTemplate } from '../terraform-escape';
import { stableJson } from './json';

/** Grafana's scheduler evaluates rule groups on this tick; a group interval must be a multiple of it. */
export const GRAFANA_TICK_SECONDS = 10;

/** The data source uid of server-side expressions. */
export const EXPRESSION_DATASOURCE_UID = '__expr__';

/** How far back the instant query may look, in seconds (Grafana's and its importer's default). */
export const QUERY_LOOKBACK_SECONDS = 600;

/** The state of a rule whose query fails. */
export type ExecErrState = 'OK' | 'Error' | 'KeepLast' | 'Alerting';

/** What the conversion needs besides the rule. */
export interface RuleConversionOptions {
  /** The Prometheus data source the queries run on. */
  readonly dataSource: { readonly uid: string; readonly type: string };
  /** `exec_err_state` of every rule. */
  readonly execErrState: ExecErrState;
  /** `missing_series_evals_to_resolve` of every rule. @default - Grafana's default */
  readonly missingSeriesEvalsToResolve?: number;
}

/** A converted rule group, ready for `grafana_rule_group`. */
export interface ConvertedRuleGroup {
  readonly name: string;
  readonly intervalSeconds: number;
  /** The interval the model asked for; differs from `intervalSeconds` when it was not a multiple of 10s. */
  readonly requestedInterval: Duration;
  readonly rules: RuleGroupRule[];
}

/** The Grafana interval for a Prometheus interval: rounded up to a multiple of 10s. */
export function grafanaIntervalSeconds(interval: Duration): number {
  const seconds = Math.ceil(interval.toMilliseconds() / 1000 / GRAFANA_TICK_SECONDS) * GRAFANA_TICK_SECONDS;
  return Math.max(GRAFANA_TICK_SECONDS, seconds);
}

/**
 * Rewrites Prometheus' `$value` for Grafana. In Prometheus it is the alert's sample value; in Grafana `$value` is a
 * text listing every stage (`[ var='A' labels={...} value=0.07 ], ...`), and the query's value is `$values.A.Value`.
 */
export function grafanaTemplate(text: string): string {
  return text.replace(/\$value\b/g, () => '$values.A.Value');
}

function stage(refId: string, datasourceUid: string, queryType: string, model: Record<string, unknown>, from: number): RuleGroupRuleData {
  return {
    refId,
    datasourceUid,
    queryType,
    model: escapeTerraformTemplate(stableJson(model)),
    relativeTimeRange: { from, to: 0 },
  };
}

/** The three stages of a converted alerting rule (see the module comment). */
export function alertStages(expr: string, dataSource: { readonly uid: string; readonly type: string }): RuleGroupRuleData[] {
  const expression = { type: EXPRESSION_DATASOURCE_UID, uid: EXPRESSION_DATASOURCE_UID };
  return [
    stage(
      'A',
      dataSource.uid,
      dataSource.type,
      { datasource: { type: dataSource.type, uid: dataSource.uid }, expr, instant: true, range: false, refId: 'A' },
      QUERY_LOOKBACK_SECONDS,
    ),
    stage('B', EXPRESSION_DATASOURCE_UID, 'math', { datasource: expression, expression: 'is_number($A) || is_nan($A) || is_inf($A)', refId: 'B', type: 'math' }, 0),
    stage(
      'C',
      EXPRESSION_DATASOURCE_UID,
      'threshold',
      { conditions: [{ evaluator: { params: [0], type: 'gt' } }], datasource: expression, expression: 'B', refId: 'C', type: 'threshold' },
      0,
    ),
  ];
}

function templated(record: Readonly<Record<string, string>>, rewrite: boolean): Record<string, string> | undefined {
  const keys = Object.keys(record).sort();
  if (keys.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const key of keys) out[key] = escapeTerraformTemplate(rewrite ? grafanaTemplate(record[key]) : record[key]);
  return out;
}

/** One alerting rule as a Grafana-managed rule: `for`, `keep_firing_for`, labels and annotations carried over. */
export function convertAlertingRule(rule: AlertingRuleModel, options: RuleConversionOptions): RuleGroupRule {
  return {
    name: rule.alert,
    condition: 'C',
    data: alertStages(rule.expr, options.dataSource),
    for: rule.for?.toPrometheus(),
    keepFiringFor: rule.keepFiringFor?.toPrometheus(),
    noDataState: 'OK',
    execErrState: options.execErrState,
    missingSeriesEvalsToResolve: options.missingSeriesEvalsToResolve,
    labels: templated(rule.labels, false),
    annotations: templated(rule.annotations, true),
  };
}

/**
 * A rule group's alerting rules as a Grafana rule group, or undefined when it has none. Recording rules stay on
 * Prometheus (see {@link GrafanaTarget}); the group's `limit` has no Grafana counterpart.
 */
export function convertRuleGroup(group: RuleGroupModel, defaultInterval: Duration, options: RuleConversionOptions): ConvertedRuleGroup | undefined {
  const alerting = group.rules.filter((r): r is AlertingRuleModel => r.kind === 'alert');
  if (alerting.length === 0) return undefined;
  const requestedInterval = group.interval ?? defaultInterval;
  return {
    name: group.name,
    intervalSeconds: grafanaIntervalSeconds(requestedInterval),
    requestedInterval,
    rules: alerting.map((rule) => convertAlertingRule(rule, options)),
  };
}
