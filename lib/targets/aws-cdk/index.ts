/**
 * The AWS CDK target: Amazon Managed Service for Prometheus, Amazon Managed Grafana and EKS scrapers as aws-cdk-lib L1
 * constructs, for an AWS CDK app. Needs the optional peer dependency `aws-cdk-lib` (2.x).
 * @module cdktf-monitoring/aws-cdk
 */
export { AwsCdkTarget } from './aws-cdk-target';
export type { AwsCdkTargetProps } from './aws-cdk-target-props';
export type { AwsCdkGrafanaOptions } from './cdk-managed-grafana';
export type { EksScraperOptions } from '../aws-shared/eks-scraper-options';
export { AMP_DEFAULT_QUOTAS } from '../aws-shared/amp-limits';
export type { AmpQuotas } from '../aws-shared/amp-limits';
export type { AwsWorkspaceProps } from '../aws-shared/workspace-props';
export { AWS_CDK_ENGINE } from '../../engines/aws-cdk';
