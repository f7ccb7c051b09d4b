import type { AwsWorkspaceProps } from '../aws-shared/workspace-props';
import type { AwsCdkGrafanaOptions } from './cdk-managed-grafana';

/** Props of {@link AwsCdkTarget}. The same names and meanings as the cdktf `AwsManagedTarget`'s, where AWS CDK has them. */
export interface AwsCdkTargetProps extends AwsWorkspaceProps {
  /**
   * The AWS region of the workspace (also the SigV4 region in the rendered Alertmanager configuration). It must be the
   * region the stack deploys to.
   * @default - the stack's region (`env.region`); required when the stack is environment-agnostic
   */
  readonly region?: string;
  /** Amazon Managed Grafana; `false` for none. @default {} (a workspace with AWS IAM Identity Center sign-in) */
  readonly grafana?: AwsCdkGrafanaOptions | false;
}
