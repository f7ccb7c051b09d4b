/**
 * The AWS target: Amazon Managed Service for Prometheus, Amazon Managed Grafana, Prometheus agents, EKS scrapers.
 * Needs the optional peer dependency `@cdktf/provider-aws` (^21).
 * @module cdktf-monitoring/aws
 */
// Provider classes are imported by deep path inside; importing this module never loads the provider's index.
// First: without @cdktf/provider-aws (an optional peer), say which package to install instead of a deep "Cannot find module".
import './provider-check';
export { AwsManagedTarget } from './aws-managed-target';
export type { AwsManagedTargetProps, AgentImages } from './aws-managed-target';
export { AgentCredentials } from './agent-credentials';
export type { AgentCredentialVariables, AgentInstanceRoleOptions } from './agent-credentials';
export type { PrometheusAgentHostOptions } from './prometheus-agent-host';
export type { EksScraperOptions } from '../aws-shared/eks-scraper-options';
export type { ManagedGrafanaOptions } from './managed-grafana';
export { AMP_DEFAULT_QUOTAS } from '../aws-shared/amp-limits';
export type { AmpQuotas } from '../aws-shared/amp-limits';
export type { AwsWorkspaceProps } from '../aws-shared/workspace-props';
