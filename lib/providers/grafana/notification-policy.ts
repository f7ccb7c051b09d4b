/**
 * Binding for the `grafana_notification_policy` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/notification_policy.md).
 *
 * The provider cannot declare an infinitely recursive schema, so it unrolls the `policy` block to a
 * fixed depth: `policy`, `policy.policy`, ... down to five levels, the fifth having no `policy` block
 * of its own and a required `group_by`. Here the block is one recursive type, and the mappers
 * track the level and refuse a tree the provider would reject.
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import {
  assertNotComplex,
  definedHcl,
  hclBlockList,
  hclBoolean,
  hclString,
  hclStringList,
  passThrough,
  resourceConfig,
} from './common';

/** The number of nested `policy` levels grafana/grafana 4.x supports under the root policy. */
export const NOTIFICATION_POLICY_MAX_DEPTH = 5;

/** A label matcher of a policy (block `policy.matcher`, a set). */
export interface NotificationPolicyPolicyMatcher {
  /** Name of the alert label to test. Terraform: `label` (required). */
  readonly label: string;
  /** Operator: `=`, `!=`, `=~` (regex) or `!~` (negated regex). Terraform: `match` (required). */
  readonly match: string;
  /** Value (or regex) the label is compared with. Terraform: `value` (required). */
  readonly value: string;
}

export function notificationPolicyPolicyMatcherToTerraform(
  struct?: NotificationPolicyPolicyMatcher | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as NotificationPolicyPolicyMatcher;
  return {
    label: cdktf.stringToTerraform(s.label),
    match: cdktf.stringToTerraform(s.match),
    value: cdktf.stringToTerraform(s.value),
  };
}

export function notificationPolicyPolicyMatcherToHclTerraform(
  struct?: NotificationPolicyPolicyMatcher | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as NotificationPolicyPolicyMatcher;
  return definedHcl({
    label: hclString(s.label),
    match: hclString(s.match),
    value: hclString(s.value),
  });
}

/**
 * A routing rule under the root policy (block `policy`), possibly with child policies of its own,
 * down to {@link NOTIFICATION_POLICY_MAX_DEPTH} levels.
 */
export interface NotificationPolicyPolicy {
  /**
   * Label matchers an alert must all satisfy to enter this policy (block `matcher`, a set);
   * with none, every alert matches.
   */
  readonly matcher?: NotificationPolicyPolicyMatcher[] | cdktf.IResolvable;
  /** Contact point to notify; the parent's when unset. Terraform: `contact_point`. */
  readonly contactPoint?: string;
  /**
   * Keep looking at the following sibling policies after this one matched (otherwise the first
   * matching policy takes the alert). Terraform: `continue`.
   */
  readonly continue?: boolean | cdktf.IResolvable;
  /**
   * Labels to group alerts by; `...` groups by every label; the parent's grouping when unset.
   * Required on the deepest (fifth) level only. Terraform: `group_by`.
   */
  readonly groupBy?: string[];
  /** How long to wait to batch a new group's first notification. Terraform: `group_wait`. @default "30s" */
  readonly groupWait?: string;
  /** Minimum time between two notifications of a group. Terraform: `group_interval`. @default "5m" */
  readonly groupInterval?: string;
  /** Minimum time before resending a notification for a still-firing alert. Terraform: `repeat_interval`. @default "4h" */
  readonly repeatInterval?: string;
  /** Mute timings (by name) during which this policy's notifications are held back. Terraform: `mute_timings`. */
  readonly muteTimings?: string[];
  /** Time intervals (by name) outside of which notifications are held back (Grafana 12.1+). Terraform: `active_timings`. */
  readonly activeTimings?: string[];
  /** Child policies (block `policy`); not allowed on the fifth level. */
  readonly policy?: NotificationPolicyPolicy[] | cdktf.IResolvable;
}

/** Throws when a policy at `depth` (1 = directly under the root) is outside the provider's schema. */
function checkPolicyDepth(s: NotificationPolicyPolicy, depth: number): void {
  const hasChildren = s.policy !== undefined && (!Array.isArray(s.policy) || s.policy.length > 0);
  if (depth >= NOTIFICATION_POLICY_MAX_DEPTH && hasChildren) {
    throw new Error(
      `grafana_notification_policy: policies nest at most ${NOTIFICATION_POLICY_MAX_DEPTH} levels deep under the root policy in grafana/grafana 4.x; found a policy at level ${depth + 1}`,
    );
  }
  if (depth === NOTIFICATION_POLICY_MAX_DEPTH && s.groupBy === undefined) {
    throw new Error(
      `grafana_notification_policy: a policy at the deepest level (${NOTIFICATION_POLICY_MAX_DEPTH}) must set groupBy (the provider's schema requires group_by there)`,
    );
  }
}

function policyToTerraformAt(struct: NotificationPolicyPolicy | cdktf.IResolvable | undefined, depth: number): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as NotificationPolicyPolicy;
  checkPolicyDepth(s, depth);
  return {
    contact_point: cdktf.stringToTerraform(s.contactPoint),
    continue: cdktf.booleanToTerraform(s.continue),
    group_by: cdktf.listMapper(cdktf.stringToTerraform, false)(s.groupBy),
    group_wait: cdktf.stringToTerraform(s.groupWait),
    group_interval: cdktf.stringToTerraform(s.groupInterval),
    repeat_interval: cdktf.stringToTerraform(s.repeatInterval),
    mute_timings: cdktf.listMapper(cdktf.stringToTerraform, false)(s.muteTimings),
    active_timings: cdktf.listMapper(cdktf.stringToTerraform, false)(s.activeTimings),
    matcher: cdktf.listMapper(notificationPolicyPolicyMatcherToTerraform, true)(s.matcher),
    // a closure, not the mapper itself: Array.map would pass the index as the depth
    policy: cdktf.listMapper((child: NotificationPolicyPolicy) => policyToTerraformAt(child, depth + 1), true)(s.policy),
  };
}

function policyToHclTerraformAt(struct: NotificationPolicyPolicy | cdktf.IResolvable | undefined, depth: number): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as NotificationPolicyPolicy;
  checkPolicyDepth(s, depth);
  return definedHcl({
    contact_point: hclString(s.contactPoint),
    continue: hclBoolean(s.continue),
    group_by: hclStringList(s.groupBy),
    group_wait: hclString(s.groupWait),
    group_interval: hclString(s.groupInterval),
    repeat_interval: hclString(s.repeatInterval),
    mute_timings: hclStringList(s.muteTimings),
    active_timings: hclStringList(s.activeTimings),
    matcher: hclBlockList(notificationPolicyPolicyMatcherToHclTerraform, s.matcher, 'NotificationPolicyPolicyMatcherList', true),
    policy: hclBlockList(
      (child?: NotificationPolicyPolicy | cdktf.IResolvable) => policyToHclTerraformAt(child, depth + 1),
      s.policy,
      'NotificationPolicyPolicyList',
    ),
  });
}

/** Maps a first-level policy (and, recursively, its children) to Terraform JSON. */
export function notificationPolicyPolicyToTerraform(struct?: NotificationPolicyPolicy | cdktf.IResolvable): any {
  return policyToTerraformAt(struct, 1);
}

/** Maps a first-level policy (and, recursively, its children) to the HCL attribute descriptors. */
export function notificationPolicyPolicyToHclTerraform(struct?: NotificationPolicyPolicy | cdktf.IResolvable): any {
  return policyToHclTerraformAt(struct, 1);
}

export interface NotificationPolicyConfig extends cdktf.TerraformMetaArguments {
  /** Contact point that receives every alert no child policy takes. Terraform: `contact_point` (required). */
  readonly contactPoint: string;
  /**
   * Labels the root policy groups alerts by; `...` groups by every label.
   * Terraform: `group_by` (required).
   */
  readonly groupBy: string[];
  /** How long to wait to batch a new group's first notification. Terraform: `group_wait`. @default "30s" */
  readonly groupWait?: string;
  /** Minimum time between two notifications of a group. Terraform: `group_interval`. @default "5m" */
  readonly groupInterval?: string;
  /** Minimum time before resending a notification for a still-firing alert. Terraform: `repeat_interval`. @default "4h" */
  readonly repeatInterval?: string;
  /** Routing rules under the root policy (block `policy`). */
  readonly policy?: NotificationPolicyPolicy[] | cdktf.IResolvable;
  /**
   * Leave the policy tree editable outside Terraform. Terraform: `disable_provenance`.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** Organization whose policy tree this is; the provider's org is used when unset. Terraform: `org_id`. */
  readonly orgId?: string;
}

/**
 * The notification policy tree of an organization (`grafana_notification_policy`). There is one
 * tree per organization: declaring this resource replaces it entirely.
 */
export class NotificationPolicy extends cdktf.TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_notification_policy';

  /**
   * Generates an `import` block for the existing policy tree.
   * @param importFromId any string, or `orgID:anyString`
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: NotificationPolicy.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private readonly _config: NotificationPolicyConfig;

  public constructor(scope: Construct, id: string, config: NotificationPolicyConfig) {
    super(scope, id, resourceConfig(NotificationPolicy.tfResourceType, config));
    this._config = config;
  }

  /** The Terraform ID of the policy tree. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      contact_point: cdktf.stringToTerraform(c.contactPoint),
      group_by: cdktf.listMapper(cdktf.stringToTerraform, false)(c.groupBy),
      group_wait: cdktf.stringToTerraform(c.groupWait),
      group_interval: cdktf.stringToTerraform(c.groupInterval),
      repeat_interval: cdktf.stringToTerraform(c.repeatInterval),
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      org_id: cdktf.stringToTerraform(c.orgId),
      policy: cdktf.listMapper(notificationPolicyPolicyToTerraform, true)(c.policy),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    return definedHcl({
      contact_point: hclString(c.contactPoint),
      group_by: hclStringList(c.groupBy),
      group_wait: hclString(c.groupWait),
      group_interval: hclString(c.groupInterval),
      repeat_interval: hclString(c.repeatInterval),
      disable_provenance: hclBoolean(c.disableProvenance),
      org_id: hclString(c.orgId),
      policy: hclBlockList(notificationPolicyPolicyToHclTerraform, c.policy, 'NotificationPolicyPolicyList'),
    });
  }
}
