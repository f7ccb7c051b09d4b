// Dashboard packs: Grafana dashboards built with @grafana/grafana-foundation-sdk from a typed options object.
// Each function returns a DashboardBuilder for GrafanaDashboard, e.g. `presets.dashboards.red({ job: 'api' })`.

export type { DashboardPackOptions } from './options';
export { red } from './red';
export type { RedDashboardOptions } from './red';
export { host } from './host';
export type { HostDashboardOptions } from './host';
export { containers } from './containers';
export type { ContainersDashboardOptions } from './containers';
export { postgres } from './postgres';
export type { PostgresDashboardOptions, ClientQueryMetrics } from './postgres';
export { redis } from './redis';
export type { RedisDashboardOptions, ApplicationCacheMetrics } from './redis';
export { aiUsage } from './ai-usage';
export type { AiUsageDashboardOptions, ToolMetrics } from './ai-usage';
export { blackbox } from './blackbox';
export type { BlackboxDashboardOptions } from './blackbox';
export { logs } from './logs';
export type { LogsDashboardOptions, LogLevelSource, ElasticsearchLogsOptions } from './logs';
