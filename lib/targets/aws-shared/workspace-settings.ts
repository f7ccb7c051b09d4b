import { describeConstruct, invalid } from '../../model/errors';
import type { Duration } from '../../model/duration';
import { checkTags, checkWorkspaceAlias } from './amp-limits';

// Engine-free checks of the props both AWS targets share. `isUnresolved` is the engine's "is this a token?" (a KMS key
// ARN may be another resource's attribute): a token is passed through, never refused as if it were a bad literal.

/** CloudWatch Logs PutRetentionPolicy API reference: the retention values it accepts, in days. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
/** AMP workspace configuration: retention of 1 to 1095 days ("The maximum is 1095 days", AMP user guide, Configure your workspace). */
export const AMP_MAX_RETENTION_DAYS = 1095;
const KMS_KEY_ARN = /^arn:aws[-a-z]*:kms:[-a-z0-9]+:[0-9]{12}:key\/[-a-f0-9]+$/;
const SNS_TOPIC_ARN = /^arn:aws[-a-z]*:sns:[-a-z0-9]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The workspace props both AWS targets take (each documents them on its own props). */
export interface AwsWorkspaceSettingsInput {
  readonly workspaceAlias?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly kmsKeyArn?: string;
  readonly logRetentionDays?: number;
  readonly existingTopics?: Readonly<Record<string, string>>;
  readonly queryLogThreshold?: number | false;
}

/** The checked settings, defaults applied. */
export interface AwsWorkspaceSettings {
  readonly alias: string;
  /** `environment`, `managed-by` and the user's tags. */
  readonly tags: Readonly<Record<string, string>>;
  readonly logRetentionDays: number;
  /** Days AMP keeps samples (the environment's Prometheus retention, rounded up). */
  readonly retentionDays: number;
  readonly existingTopics: Readonly<Record<string, string>>;
  readonly queryLogThreshold: number | false;
}

/** What the checks need to know about the environment. */
export interface AwsWorkspaceContext {
  readonly environment: string;
  /** The environment's `prometheus.retention`. */
  readonly retention: Duration;
  /** The MonitoringStack's path, for the retention message. */
  readonly monitoringPath: string;
  /** The target, e.g. `AwsManagedTarget prod/monitoring/aws`. */
  readonly where: string;
  readonly isUnresolved: (value: unknown) => boolean;
}

/** The region prop: an AWS region name such as `eu-west-1`. */
export function checkRegion(region: unknown, where: string, field = 'region'): void {
  if (typeof region !== 'string' || !REGION.test(region)) throw invalid(where, field, region, 'an AWS region such as "eu-west-1"');
}

/** The queryLogThreshold prop. */
export function checkQueryLogThreshold(qsp: unknown, where: string): void {
  if (qsp !== undefined && qsp !== false && (typeof qsp !== 'number' || !Number.isSafeInteger(qsp) || qsp < 0)) {
    throw invalid(where, 'queryLogThreshold', qsp, 'a whole number of query samples processed (e.g. 1000000), or false for no query logging');
  }
}

/** Checks the workspace props in the order both targets report them and applies their defaults. */
export function checkWorkspaceSettings(props: AwsWorkspaceSettingsInput, context: AwsWorkspaceContext): AwsWorkspaceSettings {
  const { environment, where, isUnresolved } = context;
  const alias = props.workspaceAlias ?? `${environment}-monitoring`;
  checkWorkspaceAlias(alias, where);
  const tags = { environment, 'managed-by': 'cdktf-monitoring', ...(props.tags ?? {}) };
  checkTags(tags, where, 'tags');
  if (props.kmsKeyArn !== undefined && !isUnresolved(props.kmsKeyArn) && !KMS_KEY_ARN.test(props.kmsKeyArn)) {
    throw invalid(where, 'kmsKeyArn', props.kmsKeyArn, 'a KMS key ARN such as "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-..."');
  }
  const logRetentionDays = props.logRetentionDays ?? 30;
  if (!LOG_RETENTION_DAYS.includes(logRetentionDays)) {
    throw invalid(where, 'logRetentionDays', logRetentionDays, `one of the retention periods CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`);
  }
  const retentionDays = Math.ceil(context.retention.toMilliseconds() / 86_400_000);
  if (retentionDays < 1 || retentionDays > AMP_MAX_RETENTION_DAYS) {
    throw invalid(
      describeConstruct('MonitoringStack', context.monitoringPath),
      'prometheus.retention',
      context.retention.toPrometheus(),
      `between 1 and ${AMP_MAX_RETENTION_DAYS} days on Amazon Managed Service for Prometheus`,
    );
  }
  const existingTopics = props.existingTopics ?? {};
  for (const [receiver, arn] of Object.entries(existingTopics)) {
    if (!isUnresolved(arn) && !SNS_TOPIC_ARN.test(arn)) {
      throw invalid(where, `existingTopics.${receiver}`, arn, 'an SNS topic ARN such as "arn:aws:sns:eu-west-1:123456789012:alerts"');
    }
  }
  return { alias, tags, logRetentionDays, retentionDays, existingTopics, queryLogThreshold: props.queryLogThreshold ?? 1_000_000 };
}
