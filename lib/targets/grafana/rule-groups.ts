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
import {
  alertStageModels,
  EXPRESSION_DATASOURCE_UID,
  GRAFANA_TICK_SECONDS,
  grafanaIntervalSeconds,
  grafanaTemplate,
  QUERY_LOOKBACK_SECONDS,
} from '../../render/grafana-alert-rules';
import { stableJson } from './json';

export { GRAFANA_TICK_SECONDS, EXPRESSION_DATASOURCE_UID, QUERY_LOOKBACK_SECONDS, grafanaIntervalSeconds, grafanaTemplate };

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

/** The three stages of a converted alerting rule, models as JSON for the provider (see the module comment). */
export function alertStages(expr: string, dataSource: { readonly uid: string; readonly type: string }): RuleGroupRuleData[] {
  return alertStageModels(expr, dataSource).map((stage) => ({
    refId: stage.refId,
    datasourceUid: stage.datasourceUid,
    queryType: stage.queryType,
    model: escapeTerraformTemplate(stableJson(stage.model)),
    relativeTimeRange: { ...stage.relativeTimeRange },
  }));
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
