/**
 * The public API of cdktf-monitoring: the constructs, the Docker host and Grafana targets, the rule and dashboard
 * packs, the importers, and the environment's model as read-only types. Nothing under a private/ folder is exported.
 * @module cdktf-monitoring
 */

// First: a clear message when the cdktf peers are missing (an AWS CDK app imports `cdktf-monitoring/aws-cdk`).
import './targets/cdktf-peer-check';
// The engine-neutral part (shared with the `cdktf-monitoring/aws-cdk` entry point); this file adds the cdktf targets.
export * from './core';
export { escapeTerraformTemplate } from './targets/terraform-escape';
export { CDKTF_ENGINE } from './engines/cdktf';

// targets
export { DockerHostTarget } from './targets/docker/docker-host-target';
export type { DockerHostTargetProps, DockerHostPorts } from './targets/docker/docker-host-target';
export type { DockerHostBuiltInJobs } from './targets/docker/docker-host-props';
export type { DockerSocketAccess } from './targets/docker/docker-discovery';
export type { ImageKey } from './containers/spec';
export { DEFAULT_IMAGES } from './targets/docker/images';
export { GrafanaTarget, GrafanaDataSource } from './targets/grafana';
export type {
  GrafanaTargetProps,
  GrafanaTargetDataSources,
  GrafanaManagedParts,
  GrafanaDataSourceRole,
  DataSourceBasicAuth,
  DataSourceCommonOptions,
  HttpDataSourceOptions,
  PrometheusDataSourceOptions,
  AmazonPrometheusDataSourceOptions,
  GrafanaCloudPrometheusOptions,
  AlertmanagerDataSourceOptions,
  ExistingDataSourceOptions,
  ExecErrState,
} from './targets/grafana';
