// The public API of cdktf-monitoring. Nothing under a private/ folder is exported.

// model: plain data and validation
export { Duration } from './model/duration';
export { Severity } from './model/severity';
export { Secret } from './model/secret';
export { Matcher } from './model/matchers';
export { Exporter } from './model/exporters';
export type { PostgresExporterOptions, RedisExporterOptions, BlackboxProbeOptions, BlackboxModuleOptions, BlackboxHttpOptions } from './model/exporters';
export type { MatchOperator, MatcherInput } from './model/matchers';
export { Receiver } from './model/receivers';
export type {
  Integration,
  IntegrationOptions,
  WebhookOptions,
  WebhookAuth,
  EmailOptions,
  SlackOptions,
  PagerDutyOptions,
  OpsgenieOptions,
  OpsgenieResponder,
  MsTeamsOptions,
} from './model/receivers';
export type { TimeIntervalOptions, TimePeriod, TimeRange } from './model/time-intervals';
export type { RoutingExpectation } from './model/environment';
export type { AlertmanagerVersion } from './model/routing';
export type { RouteOptions, RootRouteOptions, RouteTimingOptions, InhibitRuleOptions } from './model/routing';
export type { AlertingRuleDefinition, RecordingRuleDefinition, RuleDefinition } from './model/rules';
export type { RelabelRule, RelabelAction, BasicAuth, ScrapeTls } from './model/scrape';
export type { PrometheusSettings, AlertmanagerSettings } from './model/environment';
export type { DashboardJson } from './model/dashboard';
export { MonitoringConfigError } from './model/errors';
export { checkPromQL } from './model/promql';

// render: pure functions from model to file text
export type { RenderedFiles } from './render/environment-files';
export { escapeTerraformTemplate } from './targets/terraform-escape';

// constructs
export { MonitoringStack } from './constructs/monitoring-stack';
export type { MonitoringStackProps, GrafanaSettings } from './constructs/monitoring-stack';
export type { IMonitoringTarget } from './constructs/target';
export { ServiceScrape } from './constructs/service-scrape';
export type { ServiceScrapeProps } from './constructs/service-scrape';
export { AlertGroup } from './constructs/alert-group';
export type { AlertGroupProps } from './constructs/alert-group';
export { AlertRouting } from './constructs/alert-routing';
export type { AlertRoutingProps } from './constructs/alert-routing';
export { GrafanaDashboard } from './constructs/grafana-dashboard';
export { ServiceLevelObjective } from './constructs/service-level-objective';
export { LogPipeline, LogAgent } from './constructs/log-pipeline';
export type { LogPipelineProps, LokiOptions } from './constructs/log-pipeline';
export { LogSource } from './model/logs/log-source';
export type { DockerContainerLogsOptions, FileLogsOptions } from './model/logs/log-source';
export { LogStage } from './model/logs/log-stage';
export { LOG_STACK_VERSIONS, LOG_STACK_IMAGES } from './model/logs/versions';
export type { ServiceLevelObjectiveProps } from './constructs/service-level-objective';
export { SloIndicator } from './model/slo';
export type { RuleTestCase, InputSeries, AlertRuleTest, ExpectedAlert, PromqlExprTest, ExpectedSample } from './model/rule-tests';
export type { GrafanaDashboardProps, IDashboardBuilder } from './constructs/grafana-dashboard';

// presets: dashboards built from a typed config (rule packs live in `presets.rules`)
export * as dashboards from './presets/dashboards';
export * as rules from './presets/rules';

// import of existing YAML
export { importPrometheusRules, importScrapeConfigs, importAlertmanagerConfig } from './import';
export type {
  ImportedRuleFile,
  ImportedRuleGroup,
  ImportedPrometheusConfig,
  ImportedScrapeJob,
  ImportAlertmanagerOptions,
  ImportedAlertmanagerConfig,
} from './import';

// targets
export { DockerHostTarget } from './targets/docker/docker-host-target';
export type { DockerHostTargetProps, DockerHostPorts } from './targets/docker/docker-host-target';
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
