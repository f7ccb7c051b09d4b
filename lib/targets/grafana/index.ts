// The Grafana target's public API; lib/index.ts re-exports it.
export { GrafanaTarget } from './grafana-target';
export type { GrafanaTargetProps, GrafanaTargetDataSources, GrafanaManagedParts } from './grafana-target-props';
export { GrafanaDataSource } from './data-sources';
export type {
  GrafanaDataSourceRole,
  DataSourceBasicAuth,
  DataSourceCommonOptions,
  HttpDataSourceOptions,
  PrometheusDataSourceOptions,
  AmazonPrometheusDataSourceOptions,
  GrafanaCloudPrometheusOptions,
  AlertmanagerDataSourceOptions,
  ExistingDataSourceOptions,
} from './data-source-options';
export type { ExecErrState } from './rule-groups';
