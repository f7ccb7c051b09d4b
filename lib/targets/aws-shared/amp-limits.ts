import { invalid, MonitoringConfigError, showValue } from '../../model/errors';
import type { AwsTargetKind } from './messages';

/**
 * Amazon Managed Service for Prometheus (AMP) quotas checked at synth, so a plan that AMP would refuse (or accept
 * and then silently fail to evaluate) stops at synth (`cdktf synth`, `cdk synth`) instead of halfway through the deployment.
 *
 * The adjustable quotas can be raised in the Service Quotas console (service code `aps`); set the raised value here
 * to keep the check in step with your account.
 */
export interface AmpQuotas {
  /**
   * Rules (alerting and recording) across every rule groups namespace of the workspace.
   * Service Quotas `aps` L-3D15CDB4 "Rules per workspace", adjustable; default from the AMP quotas page
   * (https://docs.aws.amazon.com/prometheus/latest/userguide/AMP_quotas.html).
   * @default 2000
   */
  readonly rulesPerWorkspace?: number;
  /**
   * Bytes of one rule groups namespace file (one `AlertGroup`).
   * Service Quotas `aps` L-C62641E3 "Rule group namespace definition file size", not adjustable; 1 MB on the AMP
   * quotas page, checked here as 1,000,000 bytes (the smaller reading of "MB").
   * @default 1000000
   */
  readonly ruleGroupNamespaceBytes?: number;
  /**
   * Bytes of the alert manager definition (the `alertmanager_config` wrapper with its template files).
   * Service Quotas `aps` L-3316EF76 "Alert manager definition file size", not adjustable; 1 MB on the AMP quotas
   * page, checked as 1,000,000 bytes.
   * @default 1000000
   */
  readonly alertManagerDefinitionBytes?: number;
  /**
   * Inhibit rules in the alert manager definition.
   * Service Quotas `aps` L-46D5E194 "Inhibition rules in alert manager definition file", adjustable.
   * @default 100
   */
  readonly inhibitRules?: number;
  /**
   * Routes in the routing tree, the root included.
   * Service Quotas `aps` L-E3E60B3E "Nodes in alert manager routing tree", adjustable.
   * @default 100
   */
  readonly routingTreeNodes?: number;
  /**
   * Notification template files in the alert manager definition.
   * Service Quotas `aps` L-0F151AA2 "Templates in alert manager definition file", adjustable.
   * @default 100
   */
  readonly templates?: number;
}

/** The defaults of {@link AmpQuotas} (see each field for its source). */
export const AMP_DEFAULT_QUOTAS: Required<AmpQuotas> = {
  rulesPerWorkspace: 2000,
  ruleGroupNamespaceBytes: 1_000_000,
  alertManagerDefinitionBytes: 1_000_000,
  inhibitRules: 100,
  routingTreeNodes: 100,
  templates: 100,
};

/**
 * Rule groups namespace names. CreateRuleGroupsNamespace / PutRuleGroupsNamespace API reference, request field
 * `name`: "Length Constraints: Minimum length of 1. Maximum length of 64. Pattern: [0-9A-Za-z][-.0-9A-Z_a-z]*"
 * (https://docs.aws.amazon.com/prometheus/latest/APIReference/API_CreateRuleGroupsNamespace.html). Newer revisions
 * of the page list 128; 64 is accepted by both.
 */
export const NAMESPACE_NAME = /^[0-9A-Za-z][-.0-9A-Za-z_]{0,63}$/;

/**
 * "The combined length of a rule group namespace and a rule group name cannot exceed 721 UTF-8 bytes."
 * (CreateRuleGroupsNamespace API reference, same page.)
 */
export const NAMESPACE_PLUS_GROUP_BYTES = 721;

/**
 * Workspace alias length: CreateWorkspace API reference, `alias`: "Length Constraints: Minimum length of 1. Maximum
 * length of 100." Leading and trailing blanks are trimmed by the service, which would show as a diff on every plan.
 * (https://docs.aws.amazon.com/prometheus/latest/APIReference/API_CreateWorkspace.html)
 */
export const WORKSPACE_ALIAS_MAX = 100;

/**
 * AWS tag keys and values: CreateWorkspace API reference, `tags`: key 1–128 and value 0–256 characters matching
 * `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`, at most 50 tags. The workspace alias is also written to the `Name` tag, so it has
 * to match this character set too.
 */
export const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Checks the workspace alias. */
export function checkWorkspaceAlias(alias: unknown, where: string): void {
  const expected =
    `1 to ${WORKSPACE_ALIAS_MAX} characters of letters, digits, spaces and _ . : / = + - @, without leading or trailing ` +
    'spaces (the AMP workspace alias is also its Name tag, and AWS tag values allow only these characters)';
  if (typeof alias !== 'string' || alias.length === 0 || [...alias].length > WORKSPACE_ALIAS_MAX) {
    throw invalid(where, 'workspaceAlias', alias, expected);
  }
  if (alias.trim() !== alias || !TAG_CHARACTERS.test(alias)) throw invalid(where, 'workspaceAlias', alias, expected);
}

/** Checks a tag set: at most 50 tags, key 1–128 and value 0–256 characters of the AWS tag character set. */
export function checkTags(tags: Readonly<Record<string, string>>, where: string, field: string): void {
  const entries = Object.entries(tags);
  if (entries.length > 50) throw invalid(where, field, `${entries.length} tags`, 'at most 50 tags (AWS tag limit)');
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128 || !TAG_CHARACTERS.test(key) || key.toLowerCase().startsWith('aws:')) {
      throw invalid(where, `${field} key`, key, 'a tag key of 1 to 128 letters, digits, spaces and _ . : / = + - @, not starting with "aws:"');
    }
    if (typeof value !== 'string' || value.length > 256 || !TAG_CHARACTERS.test(value)) {
      throw invalid(where, `${field}.${key}`, value, 'a tag value of at most 256 letters, digits, spaces and _ . : / = + - @');
    }
  }
}

/** Checks the name of a rule group, which becomes its AMP rule groups namespace name. */
export function checkNamespaceName(name: string, declaredBy: string): void {
  if (!NAMESPACE_NAME.test(name)) {
    throw new MonitoringConfigError(
      declaredBy,
      'name (AMP rule groups namespace)',
      `got ${showValue(name)}, expected 1 to 64 characters of letters, digits, "-", "." and "_", starting with a letter or ` +
        'digit: Amazon Managed Service for Prometheus refuses other namespace names; set groupName to such a name',
    );
  }
  if (Buffer.byteLength(name, 'utf8') * 2 > NAMESPACE_PLUS_GROUP_BYTES) {
    throw invalid(declaredBy, 'name (AMP rule groups namespace)', name, `a namespace and group name of at most ${NAMESPACE_PLUS_GROUP_BYTES} bytes together`);
  }
}

/** Throws when `count` exceeds `limit`, naming the quota and how to raise it (in the props of `target`). */
export function checkCount(where: string, field: string, count: number, limit: number, quota: string, target: AwsTargetKind): void {
  if (count > limit) {
    throw new MonitoringConfigError(
      where,
      field,
      `got ${count}, expected at most ${limit} (AMP quota "${quota}"); split the configuration, or raise the quota in ` +
        `Service Quotas and set quotas on the ${target} to the new value`,
    );
  }
}

/** Throws when `text` is larger than `limit` bytes. */
export function checkSize(where: string, field: string, text: string, limit: number, quota: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limit) {
    throw new MonitoringConfigError(
      where,
      field,
      `got ${bytes} bytes, expected at most ${limit} bytes (AMP quota "${quota}", not adjustable); split it into smaller pieces`,
    );
  }
}
