import type { AmpQuotas } from '../aws-shared/amp-limits';
import type { EksScraperOptions } from '../aws-shared/eks-scraper-options';
import type { AwsCdkGrafanaOptions } from './cdk-managed-grafana';

/** Props of {@link AwsCdkTarget}. The same names and meanings as the cdktf `AwsManagedTarget`'s, where AWS CDK has them. */
export interface AwsCdkTargetProps {
  /**
   * The AWS region of the workspace (also the SigV4 region in the rendered Alertmanager configuration). It must be the
   * region the stack deploys to.
   * @default - the stack's region (`env.region`); required when the stack is environment-agnostic
   */
  readonly region?: string;
  /** The AMP workspace alias; also its `Name` tag. @default "<environment>-monitoring" */
  readonly workspaceAlias?: string;
  /** Tags for every AWS resource, added to `environment` and `managed-by`. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** A customer managed KMS key for the workspace's data (replaces the workspace when changed). @default - AWS owned key */
  readonly kmsKeyArn?: string;
  /** Retention of the workspace's CloudWatch log group, in days (a value CloudWatch accepts). @default 30 */
  readonly logRetentionDays?: number;
  /**
   * Query logging: queries that process more than this many samples (QSP) are logged to the workspace's log group.
   * `false` turns query logging off.
   * @default 1000000
   */
  readonly queryLogThreshold?: number | false;
  /**
   * Receivers that deliver through an SNS topic you already have (e.g. one AWS Chatbot or PagerDuty's SNS integration
   * subscribes to): receiver name → topic ARN (a token such as `topic.topicArn` is fine). Their integrations are not
   * used on AWS. The topic's policy must let `aps.amazonaws.com` publish.
   * @default {}
   */
  readonly existingTopics?: Readonly<Record<string, string>>;
  /** KMS key (id or ARN) of the SNS topics; its key policy must let `aps.amazonaws.com` use it. @default - no customer managed key */
  readonly topicKmsKeyId?: string;
  /** Amazon Managed Grafana; `false` for none. @default {} (a workspace with AWS IAM Identity Center sign-in) */
  readonly grafana?: AwsCdkGrafanaOptions | false;
  /** EKS clusters scraped by AMP managed scrapers. @default [] */
  readonly eksScrapers?: readonly EksScraperOptions[];
  /** AMP quotas checked at synth; set raised values after a quota increase. @default AMP_DEFAULT_QUOTAS */
  readonly quotas?: AmpQuotas;
}
