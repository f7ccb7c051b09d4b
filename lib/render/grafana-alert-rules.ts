import { derivedGrafanaUid } from '../model/dashboard';
import { Duration } from '../model/duration';
import { AlertingRuleModel, RuleGroupModel } from '../model/rules';

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
 * with no-data state `OK`: an expression that returns nothing means no alert, as in Prometheus. Pure: used by the
 * Grafana target (Terraform) and by the Docker host's Grafana provisioning files alike.
 */

/** Grafana's scheduler evaluates rule groups on this tick; a group interval must be a multiple of it. */
export const GRAFANA_TICK_SECONDS = 10;

/** The data source uid of server-side expressions. */
export const EXPRESSION_DATASOURCE_UID = '__expr__';

/** How far back the instant query may look, in seconds (Grafana's and its importer's default). */
export const QUERY_LOOKBACK_SECONDS = 600;

/** One stage of a Grafana-managed rule, with its query model as an object. */
export interface AlertStage {
  readonly refId: string;
  readonly datasourceUid: string;
  readonly queryType: string;
  readonly model: Record<string, unknown>;
  readonly relativeTimeRange: { readonly from: number; readonly to: number };
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

/** The three stages of a converted alerting rule (see the module comment). */
export function alertStageModels(expr: string, dataSource: { readonly uid: string; readonly type: string }): AlertStage[] {
  const expression = { type: EXPRESSION_DATASOURCE_UID, uid: EXPRESSION_DATASOURCE_UID };
  return [
    {
      refId: 'A',
      datasourceUid: dataSource.uid,
      queryType: dataSource.type,
      model: { datasource: { type: dataSource.type, uid: dataSource.uid }, expr, instant: true, range: false, refId: 'A' },
      relativeTimeRange: { from: QUERY_LOOKBACK_SECONDS, to: 0 },
    },
    {
      refId: 'B',
      datasourceUid: EXPRESSION_DATASOURCE_UID,
      queryType: 'math',
      model: { datasource: expression, expression: 'is_number($A) || is_nan($A) || is_inf($A)', refId: 'B', type: 'math' },
      relativeTimeRange: { from: 0, to: 0 },
    },
    {
      refId: 'C',
      datasourceUid: EXPRESSION_DATASOURCE_UID,
      queryType: 'threshold',
      model: { conditions: [{ evaluator: { params: [0], type: 'gt' } }], datasource: expression, expression: 'B', refId: 'C', type: 'threshold' },
      relativeTimeRange: { from: 0, to: 0 },
    },
  ];
}

/** Labels (as given) and annotations (with `$value` rewritten) of a converted rule, in key order. */
export function convertedLabelsAndAnnotations(rule: AlertingRuleModel): { labels: Record<string, string>; annotations: Record<string, string> } {
  const sorted = (record: Readonly<Record<string, string>>, rewrite: boolean) =>
    Object.fromEntries(Object.keys(record).sort().map((k) => [k, rewrite ? grafanaTemplate(record[k]) : record[k]]));
  return { labels: sorted(rule.labels, false), annotations: sorted(rule.annotations, true) };
}

/** What the Docker host's Grafana needs to provision Grafana-managed alerting from files. */
export interface GrafanaAlertingProvisioning {
  /** The environment's Alertmanager, where Grafana sends its alerts (one routing for everything). */
  readonly alertmanagerUrl: string;
  /** The folder the rule groups go into. */
  readonly folder: string;
  /** The Prometheus data source the queries run on. */
  readonly dataSource: { readonly uid: string; readonly type: string };
  /** `execErrState` of every rule: `Error` alerts when Grafana cannot reach Prometheus. */
  readonly execErrState: 'OK' | 'Error' | 'KeepLast' | 'Alerting';
}


/**
 * Grafana's alerting provisioning file (apiVersion 1): every alerting rule of `groups` as a Grafana-managed rule
 * (recording rules stay on Prometheus), one contact point of type `prometheus-alertmanager` for the environment's
 * Alertmanager, and a root notification policy that sends everything there — so routing, silences and inhibition
 * stay in alertmanager.yml.
 */
export function grafanaAlertingDocument(groups: readonly RuleGroupModel[], defaultInterval: Duration, options: GrafanaAlertingProvisioning): Record<string, unknown> {
  const ruleGroups = groups
    .map((group) => ({ group, alerting: group.rules.filter((r): r is AlertingRuleModel => r.kind === 'alert') }))
    .filter(({ alerting }) => alerting.length > 0)
    .map(({ group, alerting }) => ({
      orgId: 1,
      name: group.name,
      folder: options.folder,
      interval: `${grafanaIntervalSeconds(group.interval ?? defaultInterval)}s`,
      rules: alerting.map((rule, i) => {
        const { labels, annotations } = convertedLabelsAndAnnotations(rule);
        // Rules of one group may share a name (one per severity); the uid must be unique, so a repeat gets its position.
        const repeat = alerting.slice(0, i).some((r) => r.alert === rule.alert) ? `-${i}` : '';
        return {
          uid: derivedGrafanaUid(`${group.name}-${rule.alert}${repeat}`),
          title: rule.alert,
          condition: 'C',
          data: alertStageModels(rule.expr, options.dataSource).map((s) => ({
            refId: s.refId,
            relativeTimeRange: { ...s.relativeTimeRange },
            datasourceUid: s.datasourceUid,
            model: s.model,
          })),
          noDataState: 'OK',
          execErrState: options.execErrState,
          for: rule.for?.toPrometheus() ?? '0s',
          ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
          ...(Object.keys(labels).length > 0 ? { labels } : {}),
          isPaused: false,
        };
      }),
    }));
  return {
    apiVersion: 1,
    groups: ruleGroups,
    contactPoints: [
      {
        orgId: 1,
        name: 'environment-alertmanager',
        receivers: [{ uid: 'environment-alertmanager', type: 'prometheus-alertmanager', settings: { url: options.alertmanagerUrl } }],
      },
    ],
    policies: [{ orgId: 1, receiver: 'environment-alertmanager', group_by: ['grafana_folder', 'alertname'] }],
  };
}
