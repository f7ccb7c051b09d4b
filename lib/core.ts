/**
 * The engine-neutral part of the public API: the model's value objects and read-only types, the constructs, the rule
 * and dashboard packs, and the importers. It loads no IaC engine of its own (the constructs reach their engine through
 * the target they are given), so both entry points re-export it: `cdktf-monitoring` (with the cdktf targets) and
 * `cdktf-monitoring/aws-cdk` (with the AWS CDK target).
 * @module cdktf-monitoring/core
 */

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
  HttpIntegrationOptions,
  MessageField,
  AuthorizationOptions,
  BasicAuthOptions,
  HttpClientOptions,
  OAuth2Options,
  ProxyOptions,
  TlsOptions,
  DiscordOptions,
  MattermostAttachment,
  MattermostOptions,
  RocketchatAction,
  RocketchatOptions,
  SlackAction,
  SlackConfirm,
  TelegramOptions,
  WebexOptions,
  WechatOptions,
  IncidentioOptions,
  JiraField,
  JiraOptions,
  PagerDutyImage,
  PagerDutyLink,
  VictorOpsOptions,
  EmailThreading,
  PushoverOptions,
  SigV4Options,
  SnsOptions,
  AlertmanagerGlobal,
} from './model/receivers';
export type { TimeIntervalOptions, TimePeriod, TimeRange } from './model/time-intervals';
export type { RoutingExpectation } from './model/environment';
export type { AlertmanagerVersion } from './model/routing';
export type { RouteOptions, RootRouteOptions, RouteTimingOptions, InhibitRuleOptions } from './model/routing';
export type { AlertingRuleDefinition, RecordingRuleDefinition, RuleDefinition } from './model/rules';
export type { RelabelRule, RelabelAction, BasicAuth, ScrapeTls } from './model/scrape';
export { RELABEL_ACTIONS } from './model/scrape';
export { Discovery, DNS_RECORD_TYPES, KUBERNETES_ROLES } from './model/service-discovery';
export type {
  DnsDiscoveryOptions, DnsRecordType, DockerDiscoveryOptions, DockerFilter, FileDiscoveryOptions, HttpDiscoveryOptions, KubernetesDiscoveryOptions,
  KubernetesRole, TargetGroup, DiscoveryModel,
} from './model/service-discovery';
export { DISCOVERY_KINDS, DISCOVERY_META_LABELS } from './model/service-discovery-labels';
export type { DiscoveryKind } from './model/service-discovery-labels';
export type { PrometheusSettings, AlertmanagerSettings } from './model/environment';
export type { DashboardJson } from './model/dashboard';
export { MonitoringConfigError } from './model/errors';
export { checkPromQL } from './model/promql';
export type { PromQLCheckOptions } from './model/promql';
export type { Component } from './model/layout';

// render: pure functions from model to file text
export type { RenderedFiles, RenderSelection } from './render/environment-files';

// constructs
export { MonitoringStack } from './constructs/monitoring-stack';
export type { MonitoringStackProps, GrafanaSettings } from './constructs/monitoring-stack';
export type { IMonitoringTarget } from './constructs/target';
export type { IMonitoringEngine } from './constructs/engine';
export type { TargetTopology, TargetDockerHost, ContainerInfo, PublishedPortInfo, ManagedServiceInfo, ManagedServiceKind } from './model/topology';
export { Acknowledge } from './constructs/acknowledge';
export type { CrossCheckWarning } from './model/cross-checks';
export { CROSS_CHECK_WARNINGS } from './model/cross-checks';
export { ServiceScrape } from './constructs/service-scrape';
export type { ServiceScrapeProps } from './constructs/service-scrape';
export { AlertGroup } from './constructs/alert-group';
export type { AlertGroupProps } from './constructs/alert-group';
export { AlertRouting } from './constructs/alert-routing';
export type { AlertRoutingProps } from './constructs/alert-routing';
export { GrafanaDashboard } from './constructs/grafana-dashboard';
export { StoreDataSource, ElasticsearchDataSource, OpenSearchDataSource, JaegerDataSource, TempoDataSource } from './constructs/log-trace-data-sources';
export type {
  StoreBasicAuth,
  StoreDataSourceOptions,
  LogStoreOptions,
  OpenSearchStoreOptions,
  TraceStoreOptions,
  TempoStoreOptions,
  TraceLinkOptions,
  IndexInterval,
} from './model/log-trace-data-sources';
export { ServiceLevelObjective } from './constructs/service-level-objective';
export { LogPipeline, LogAgent } from './constructs/log-pipeline';
export type { LogPipelineProps, LokiOptions } from './constructs/log-pipeline';
export { LogSource } from './model/logs/log-source';
export type { LogSourceSpec } from './model/logs/log-source';
export type { DockerContainerLogsOptions, FileLogsOptions, DockerContainerFilter, LogSourceCommonOptions } from './model/logs/log-source';
export type {
  JsonStageOptions,
  LogfmtStageOptions,
  RegexStageOptions,
  TimestampStageOptions,
  TimestampFailureAction,
  DropStageOptions,
  MultilineStageOptions,
} from './model/logs/stage-options';
export type { LokiLimitsInput, LokiLogLevel, LokiSettingsInput, LokiRulerInput } from './model/logs/loki-settings';
export { LogStage } from './model/logs/log-stage';
export type { LogStageSpec } from './model/logs/log-stage';
export { LOG_STACK_VERSIONS, LOG_STACK_IMAGES } from './model/logs/versions';
export type { ServiceLevelObjectiveProps } from './constructs/service-level-objective';
export { SloIndicator } from './model/slo';
export type { SloIndicatorInput } from './model/slo';
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

// The environment's model, read-only: what `MonitoringStack.model` returns, for targets and tests that read it.
// Its methods that add to it are internal; the constructs are the way to declare monitoring.
export type { MonitoringEnvironment, RoutingDeclaration, LogsDeclaration } from './model/environment';
export type { BuiltInJob, ImportNote } from './model/environment';
export type { PrometheusModel } from './model/prometheus';
export type { ScrapeJobModel } from './model/scrape';
export type { RuleGroupModel, RuleModel, AlertingRuleModel, RecordingRuleModel } from './model/rules';
export type { RuleTestSuiteModel, RuleTestCaseModel, AlertRuleTestModel, ExpectedAlertModel, PromqlExprTestModel } from './model/rule-tests';
export type { AlertmanagerModel, RouteModel, InhibitRuleModel } from './model/routing';
export type { DashboardModel, DataSourceModel } from './model/dashboard';
export type { ExporterDeployment, ExporterSecretFile, BlackboxModuleModel } from './model/exporters';
export type { LogPipelineModel } from './model/logs/pipeline';
export type { LogSourceModel, DockerLogSourceModel, FileLogSourceModel, SourceModelBase } from './model/logs/source-model';
export type {
  LogStageModel,
  JsonStageModel,
  LogfmtStageModel,
  RegexStageModel,
  TimestampStageModel,
  LabelsStageModel,
  StaticLabelsStageModel,
  DropStageModel,
  MultilineStageModel,
  OutputStageModel,
} from './model/logs/stage-model';
export type { LokiSettingsModel } from './model/logs/loki-settings';
export type { LogPipelineWarning } from './model/logs/warnings';
export type { GrafanaAlertingProvisioning } from './render/grafana-alert-rules';
