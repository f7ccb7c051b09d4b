/**
 * Binding for the `grafana_rule_group` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/rule_group.md).
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import {
  assertNotComplex,
  definedHcl,
  hclBlockList,
  hclBoolean,
  hclNumber,
  hclSingleBlock,
  hclString,
  hclStringList,
  hclStringMap,
  passThrough,
  resourceConfig,
} from './common';

/** The window a query stage reads, in seconds before the evaluation time (block `rule.data.relative_time_range`). */
export interface RuleGroupRuleDataRelativeTimeRange {
  /** Start of the window, in seconds before the evaluation, e.g. `600`. Terraform: `from` (required). */
  readonly from: number;
  /** End of the window, in seconds before the evaluation, usually `0`. Terraform: `to` (required). */
  readonly to: number;
}

export function ruleGroupRuleDataRelativeTimeRangeToTerraform(
  struct?: RuleGroupRuleDataRelativeTimeRange | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRuleDataRelativeTimeRange;
  return {
    from: cdktf.numberToTerraform(s.from),
    to: cdktf.numberToTerraform(s.to),
  };
}

export function ruleGroupRuleDataRelativeTimeRangeToHclTerraform(
  struct?: RuleGroupRuleDataRelativeTimeRange | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRuleDataRelativeTimeRange;
  return definedHcl({
    from: hclNumber(s.from),
    to: hclNumber(s.to),
  });
}

/** One query or expression stage of a rule (block `rule.data`). */
export interface RuleGroupRuleData {
  /** Name of the stage, unique within the rule, e.g. `A`. Terraform: `ref_id` (required). */
  readonly refId: string;
  /**
   * UID of the data source queried, or `-100` for an expression stage (math, reduce, threshold...).
   * Terraform: `datasource_uid` (required).
   */
  readonly datasourceUid: string;
  /** The query or expression sent to the data source, as a JSON string. Terraform: `model` (required). */
  readonly model: string;
  /**
   * Identifier of the kind of query, for data sources that have several.
   * Terraform: `query_type`.
   * @default ""
   */
  readonly queryType?: string;
  /** The time window the stage reads (block `relative_time_range`, exactly one). */
  readonly relativeTimeRange: RuleGroupRuleDataRelativeTimeRange;
}

export function ruleGroupRuleDataToTerraform(struct?: RuleGroupRuleData | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRuleData;
  return {
    ref_id: cdktf.stringToTerraform(s.refId),
    datasource_uid: cdktf.stringToTerraform(s.datasourceUid),
    model: cdktf.stringToTerraform(s.model),
    query_type: cdktf.stringToTerraform(s.queryType),
    relative_time_range: ruleGroupRuleDataRelativeTimeRangeToTerraform(s.relativeTimeRange),
  };
}

export function ruleGroupRuleDataToHclTerraform(struct?: RuleGroupRuleData | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRuleData;
  return definedHcl({
    ref_id: hclString(s.refId),
    datasource_uid: hclString(s.datasourceUid),
    model: hclString(s.model),
    query_type: hclString(s.queryType),
    relative_time_range: hclSingleBlock(
      ruleGroupRuleDataRelativeTimeRangeToHclTerraform(s.relativeTimeRange),
      'RuleGroupRuleDataRelativeTimeRangeList',
    ),
  });
}

/**
 * Routes this rule's alerts straight to a contact point, bypassing the notification policy tree
 * (block `rule.notification_settings`; Grafana 10.4+ with simplified routing).
 */
export interface RuleGroupRuleNotificationSettings {
  /** Name of the contact point to notify. Terraform: `contact_point` (required). */
  readonly contactPoint: string;
  /**
   * Labels to group alerts by; `...` groups by every label. When given, it must include
   * `alertname` and `grafana_folder`. Terraform: `group_by`.
   */
  readonly groupBy?: string[];
  /** How long to wait to batch a new group's first notification. Terraform: `group_wait`. @default "30s" */
  readonly groupWait?: string;
  /** Minimum time between two notifications of a group. Terraform: `group_interval`. @default "5m" */
  readonly groupInterval?: string;
  /** Minimum time before resending a notification for a still-firing alert. Terraform: `repeat_interval`. @default "4h" */
  readonly repeatInterval?: string;
  /** Mute timings (by name) during which notifications are held back. Terraform: `mute_timings`. */
  readonly muteTimings?: string[];
  /** Time intervals (by name) outside of which notifications are held back (Grafana 12.1+). Terraform: `active_timings`. */
  readonly activeTimings?: string[];
}

export function ruleGroupRuleNotificationSettingsToTerraform(
  struct?: RuleGroupRuleNotificationSettings | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRuleNotificationSettings;
  return {
    contact_point: cdktf.stringToTerraform(s.contactPoint),
    group_by: cdktf.listMapper(cdktf.stringToTerraform, false)(s.groupBy),
    group_wait: cdktf.stringToTerraform(s.groupWait),
    group_interval: cdktf.stringToTerraform(s.groupInterval),
    repeat_interval: cdktf.stringToTerraform(s.repeatInterval),
    mute_timings: cdktf.listMapper(cdktf.stringToTerraform, false)(s.muteTimings),
    active_timings: cdktf.listMapper(cdktf.stringToTerraform, false)(s.activeTimings),
  };
}

export function ruleGroupRuleNotificationSettingsToHclTerraform(
  struct?: RuleGroupRuleNotificationSettings | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRuleNotificationSettings;
  return definedHcl({
    contact_point: hclString(s.contactPoint),
    group_by: hclStringList(s.groupBy),
    group_wait: hclString(s.groupWait),
    group_interval: hclString(s.groupInterval),
    repeat_interval: hclString(s.repeatInterval),
    mute_timings: hclStringList(s.muteTimings),
    active_timings: hclStringList(s.activeTimings),
  });
}

/** Turns the rule into a recording rule (block `rule.record`; Grafana 11.2+ with recording rules enabled). */
export interface RuleGroupRuleRecord {
  /** Name of the metric to write. Terraform: `metric` (required). */
  readonly metric: string;
  /** `ref_id` of the stage whose result is recorded. Terraform: `from` (required). */
  readonly from: string;
  /** UID of the data source the metric is written to. Terraform: `target_datasource_uid`. */
  readonly targetDatasourceUid?: string;
}

export function ruleGroupRuleRecordToTerraform(struct?: RuleGroupRuleRecord | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRuleRecord;
  return {
    metric: cdktf.stringToTerraform(s.metric),
    from: cdktf.stringToTerraform(s.from),
    target_datasource_uid: cdktf.stringToTerraform(s.targetDatasourceUid),
  };
}

export function ruleGroupRuleRecordToHclTerraform(struct?: RuleGroupRuleRecord | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRuleRecord;
  return definedHcl({
    metric: hclString(s.metric),
    from: hclString(s.from),
    target_datasource_uid: hclString(s.targetDatasourceUid),
  });
}

/** One alert (or recording) rule of the group (block `rule`). */
export interface RuleGroupRule {
  /** Name of the rule (the `alertname` label of its alerts). Terraform: `name` (required). */
  readonly name: string;
  /** The query and expression stages, evaluated in order (block `data`, at least one). */
  readonly data: RuleGroupRuleData[] | cdktf.IResolvable;
  /** `ref_id` of the stage whose result decides whether the rule fires. Terraform: `condition`. */
  readonly condition?: string;
  /**
   * How long the condition must hold before the alert fires; it is Pending until then, e.g. `5m`.
   * Terraform: `for`.
   * @default "0"
   */
  readonly for?: string;
  /**
   * How long the alert keeps firing after the condition stops holding.
   * Terraform: `keep_firing_for`.
   */
  readonly keepFiringFor?: string;
  /**
   * State when the query returns no data: `OK`, `NoData`, `KeepLast` or `Alerting`.
   * Terraform: `no_data_state`.
   * @default "NoData"
   */
  readonly noDataState?: string;
  /**
   * State when the query fails or cannot run: `OK`, `Error`, `KeepLast` or `Alerting`.
   * Terraform: `exec_err_state`.
   * @default "Alerting"
   */
  readonly execErrState?: string;
  /**
   * Number of evaluations a series must be missing before its alert is resolved.
   * Terraform: `missing_series_evals_to_resolve`.
   */
  readonly missingSeriesEvalsToResolve?: number;
  /**
   * Descriptive key/values attached to the alerts, e.g. `summary`, `runbook_url`; `__dashboardUid__`
   * and `__panelId__` link a panel and go together. Keys are kept as given. Terraform: `annotations`.
   * @default {}
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Labels attached to the alerts, used by notification policies to match, group and route.
   * Keys are kept as given. Terraform: `labels`.
   * @default {}
   */
  readonly labels?: { [key: string]: string };
  /**
   * Pause the rule's evaluation. Terraform: `is_paused`.
   * @default false
   */
  readonly isPaused?: boolean | cdktf.IResolvable;
  /** Unique identifier to give the rule; generated when unset. Terraform: `uid`. */
  readonly uid?: string;
  /** Direct routing to a contact point, overriding the policy tree (block `notification_settings`, at most one). */
  readonly notificationSettings?: RuleGroupRuleNotificationSettings;
  /** Recording-rule settings (block `record`, at most one). */
  readonly record?: RuleGroupRuleRecord;
}

export function ruleGroupRuleToTerraform(struct?: RuleGroupRule | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRule;
  return {
    name: cdktf.stringToTerraform(s.name),
    condition: cdktf.stringToTerraform(s.condition),
    for: cdktf.stringToTerraform(s.for),
    keep_firing_for: cdktf.stringToTerraform(s.keepFiringFor),
    no_data_state: cdktf.stringToTerraform(s.noDataState),
    exec_err_state: cdktf.stringToTerraform(s.execErrState),
    missing_series_evals_to_resolve: cdktf.numberToTerraform(s.missingSeriesEvalsToResolve),
    annotations: cdktf.hashMapper(cdktf.stringToTerraform)(s.annotations),
    labels: cdktf.hashMapper(cdktf.stringToTerraform)(s.labels),
    is_paused: cdktf.booleanToTerraform(s.isPaused),
    uid: cdktf.stringToTerraform(s.uid),
    data: cdktf.listMapper(ruleGroupRuleDataToTerraform, true)(s.data),
    notification_settings: ruleGroupRuleNotificationSettingsToTerraform(s.notificationSettings),
    record: ruleGroupRuleRecordToTerraform(s.record),
  };
}

export function ruleGroupRuleToHclTerraform(struct?: RuleGroupRule | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as RuleGroupRule;
  return definedHcl({
    name: hclString(s.name),
    condition: hclString(s.condition),
    for: hclString(s.for),
    keep_firing_for: hclString(s.keepFiringFor),
    no_data_state: hclString(s.noDataState),
    exec_err_state: hclString(s.execErrState),
    missing_series_evals_to_resolve: hclNumber(s.missingSeriesEvalsToResolve),
    annotations: hclStringMap(s.annotations),
    labels: hclStringMap(s.labels),
    is_paused: hclBoolean(s.isPaused),
    uid: hclString(s.uid),
    data: hclBlockList(ruleGroupRuleDataToHclTerraform, s.data, 'RuleGroupRuleDataList'),
    notification_settings: hclSingleBlock(
      ruleGroupRuleNotificationSettingsToHclTerraform(s.notificationSettings),
      'RuleGroupRuleNotificationSettingsList',
    ),
    record: hclSingleBlock(ruleGroupRuleRecordToHclTerraform(s.record), 'RuleGroupRuleRecordList'),
  });
}

export interface RuleGroupConfig extends cdktf.TerraformMetaArguments {
  /** Name of the rule group, unique within its folder. Terraform: `name` (required). */
  readonly name: string;
  /** UID of the folder holding the group. Terraform: `folder_uid` (required). */
  readonly folderUid: string;
  /**
   * How often the group's rules are evaluated, in seconds (the rules run one after the other).
   * Terraform: `interval_seconds` (required).
   */
  readonly intervalSeconds: number;
  /** The rules (block `rule`, at least one). */
  readonly rule: RuleGroupRule[] | cdktf.IResolvable;
  /**
   * Leave the group editable outside Terraform. Terraform: `disable_provenance`.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** Organization the group belongs to; the provider's org is used when unset. Terraform: `org_id`. */
  readonly orgId?: string;
}

/** A Grafana-managed alert rule group (`grafana_rule_group`). */
export class RuleGroup extends cdktf.TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_rule_group';

  /**
   * Generates an `import` block for an existing rule group.
   * @param importFromId `folderUID:title`, or `orgID:folderUID:title`
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: RuleGroup.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private readonly _config: RuleGroupConfig;

  public constructor(scope: Construct, id: string, config: RuleGroupConfig) {
    super(scope, id, resourceConfig(RuleGroup.tfResourceType, config));
    this._config = config;
  }

  /** The Terraform ID of the rule group. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The group's name. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      name: cdktf.stringToTerraform(c.name),
      folder_uid: cdktf.stringToTerraform(c.folderUid),
      interval_seconds: cdktf.numberToTerraform(c.intervalSeconds),
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      org_id: cdktf.stringToTerraform(c.orgId),
      rule: cdktf.listMapper(ruleGroupRuleToTerraform, true)(c.rule),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    return definedHcl({
      name: hclString(c.name),
      folder_uid: hclString(c.folderUid),
      interval_seconds: hclNumber(c.intervalSeconds),
      disable_provenance: hclBoolean(c.disableProvenance),
      org_id: hclString(c.orgId),
      rule: hclBlockList(ruleGroupRuleToHclTerraform, c.rule, 'RuleGroupRuleList'),
    });
  }
}
