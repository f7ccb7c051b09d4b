import type { AmpQuotas } from './amp-limits';
import type { EksScraperOptions } from './eks-scraper-options';

/**
 * What both AWS targets (the cdktf `AwsManagedTarget` and the AWS CDK `AwsCdkTarget`) take for the AMP workspace, its
 * SNS delivery and its EKS scrapers: the same names, meanings and checks on either engine.
 */
export interface AwsWorkspaceProps {
  /** The AMP workspace alias; also its `Name` tag. @default "<environment>-monitoring" */
  readonly workspaceAlias?: string;
  /** Tags for every AWS resource, added to `environment` and `managed-by`. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** A customer managed KMS key for the workspace's data (replaces the workspace when changed). @default - AWS owned key */
  readonly kmsKeyArn?: string;
  /** Retention of the workspace's CloudWatch log group, in days (a value CloudWatch accepts). @default 30 */
  readonly logRetentionDays?: number;
  /**
   * Query logging: queries that process more than this many samples (QSP) are logged to the workspace's log group,
   * to find the dashboards and rules that make AMP slow and expensive. `false` turns query logging off.
   * @default 1000000
   */
  readonly queryLogThreshold?: number | false;
  /**
   * Receivers that deliver through an SNS topic you already have (e.g. one AWS Chatbot or PagerDuty's SNS integration
   * subscribes to): receiver name → topic ARN (a token is fine). Their integrations are not used on AWS. The topic's
   * policy must let `aps.amazonaws.com` publish.
   * @default {}
   */
  readonly existingTopics?: Readonly<Record<string, string>>;
  /** KMS key (id or ARN) of the SNS topics; its key policy must let `aps.amazonaws.com` use it. @default - no customer managed key */
  readonly topicKmsKeyId?: string;
  /** EKS clusters scraped by AMP managed scrapers. @default [] */
  readonly eksScrapers?: readonly EksScraperOptions[];
  /** AMP quotas checked at synth; set raised values after a quota increase. @default AMP_DEFAULT_QUOTAS */
  readonly quotas?: AmpQuotas;
}
