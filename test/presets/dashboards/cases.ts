import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { Matcher } from '../../../lib/model/matchers';
import * as dashboards from '../../../lib/presets/dashboards';

/** One pack configuration the tests build: defaults, and the configurations the seeds' guides need. */
export interface PackCase {
  readonly name: string;
  readonly build: () => DashboardBuilder;
  /** The data source uid every panel must use. */
  readonly dataSourceUid: string;
  readonly dataSourceType: 'prometheus' | 'loki';
}

const prom = (name: string, build: () => DashboardBuilder, dataSourceUid = 'prometheus'): PackCase => ({ name, build, dataSourceUid, dataSourceType: 'prometheus' });
const loki = (name: string, build: () => DashboardBuilder, dataSourceUid = 'loki'): PackCase => ({ name, build, dataSourceUid, dataSourceType: 'loki' });

/** Every pack with its defaults. */
export const DEFAULT_CASES: readonly PackCase[] = [
  prom('red', () => dashboards.red({ job: 'api' })),
  prom('host', () => dashboards.host()),
  prom('containers', () => dashboards.containers()),
  prom('postgres', () => dashboards.postgres()),
  prom('redis', () => dashboards.redis()),
  prom('aiUsage', () => dashboards.aiUsage()),
  prom('blackbox', () => dashboards.blackbox()),
  loki('logs', () => dashboards.logs()),
];

/** The dashboards the seeds' monitoring guides describe, as pack configurations (and a few more option paths). */
export const SEED_CASES: readonly PackCase[] = [
  // seed 000 (Dev-PyNode), "Application Dashboard": request rate by endpoint, P50/P95/P99, 4xx and 5xx, active connections
  prom('seed 000 application', () => dashboards.red({ job: 'dev-pynode', statusLabel: 'status_code', routeLabel: 'route' })),
  // seed 000, "AI Usage: AI requests by model and provider" (ai_requests_total{model,provider,status}, ai_tokens_used_total{token_type})
  prom('seed 000 AI usage', () => dashboards.aiUsage({ job: 'dev-pynode', providerLabel: 'provider', tokenTypeLabel: 'token_type' })),
  // seed 000, "Infrastructure Dashboard": per-container CPU, memory, disk I/O, network, restarts
  prom('seed 000 infrastructure', () => dashboards.containers({ title: 'Dev-PyNode infrastructure' })),
  // seed 000, "Database Dashboard": pool, query performance, size, locks, replication
  prom('seed 000 database', () =>
    dashboards.postgres({ job: 'postgres-exporter', clientQueries: { durationMetric: 'database_query_duration_seconds', job: 'dev-pynode', groupBy: 'query_type' } }),
  ),
  // seed 000, "Cache Metrics": Redis memory, hit/miss ratio, key expiration, connections
  prom('seed 000 cache', () => dashboards.redis({ job: 'redis-exporter' })),
  // seed 001 (AI Chat), "Application Overview" and "AI Services Monitoring"
  prom('seed 001 application overview', () =>
    dashboards.red({ job: 'aichat-backend', statusLabel: 'status', routeLabel: 'endpoint', inFlightMetric: 'websocket_active_connections' }),
  ),
  prom('seed 001 AI services', () =>
    dashboards.aiUsage({ job: 'aichat-backend', durationMetric: 'ai_response_time_seconds', errorsMetric: 'ai_errors_total', errorTypeLabel: 'error_type' }),
  ),
  // seed 001, "System Resources": CPU, memory, disk from node-exporter
  prom('seed 001 system resources', () => dashboards.host({ job: 'node-exporter', title: 'System Resources' })),
  // seed 002 (AI Assistant), "Application Dashboard" (incl. tool usage and cache performance) and "System Dashboard"
  prom('seed 002 application', () => dashboards.red({ job: 'ai-assistant', statusLabel: 'status_code', routeLabel: 'endpoint' })),
  prom('seed 002 tool usage', () => dashboards.aiUsage({ job: 'ai-assistant', tools: { executionsMetric: 'tool_executions_total', nameLabel: 'tool_name' } })),
  prom('seed 002 cache performance', () => dashboards.redis({ applicationCache: { hitRatioMetric: 'cache_hit_rate', groupBy: 'cache_type', job: 'ai-assistant' } })),
  prom('seed 002 system', () => dashboards.host({ job: 'node-exporter' })),
  prom('seed 002 containers', () => dashboards.containers()),
  // seed 003 (AI Tutoring): RED service dashboard, AI generation metrics, cache hit rate, health endpoints
  prom('seed 003 services', () => dashboards.red({ selector: [Matcher.re('job', '.+-service')], groupBy: 'job', uid: 'services-red' })),
  prom('seed 003 AI generation', () =>
    dashboards.aiUsage({ requestsMetric: 'ai_generation_total', durationMetric: 'ai_generation_duration_seconds', tokensMetric: 'openai_tokens_used_total' }),
  ),
  prom('seed 003 cache', () => dashboards.redis({ applicationCache: { operationsMetric: 'cache_operations_total', resultLabel: 'result' } })),
  prom('seed 003 health checks', () => dashboards.blackbox({ job: 'health', certificateWarningDays: 30, certificateCriticalDays: 10 })),
  // seed 004 (Dating app): "Infrastructure Overview", "Application Services" by service, "Database Metrics", Loki logs
  prom('seed 004 infrastructure overview', () => dashboards.host({ job: 'node-exporter', title: 'Infrastructure Overview' })),
  prom('seed 004 application services', () => dashboards.red({ selector: { env: 'prod' }, groupBy: 'service', statusLabel: 'status', title: 'Application Services' })),
  prom('seed 004 database', () => dashboards.postgres({ job: 'postgres-exporter', clientQueries: { durationMetric: 'db_query_duration_seconds', groupBy: 'operation' } })),
  loki('seed 004 application logs', () => dashboards.logs({ job: 'applicationlogs' })),
  loki('seed 004 container logs (JSON level)', () => dashboards.logs({ job: 'containerlogs', serviceLabel: 'container_name', levelFrom: 'json' })),
  // other data sources than the defaults
  prom('containers on mimir', () => dashboards.containers({ dataSourceUid: 'mimir' }), 'mimir'),
  loki('logs on loki-prod (logfmt)', () => dashboards.logs({ dataSourceUid: 'loki-prod', levelFrom: 'logfmt' }), 'loki-prod'),
];

/** Every case. */
export const ALL_CASES: readonly PackCase[] = [...DEFAULT_CASES, ...SEED_CASES];

/** The dashboard JSON of a case, as GrafanaDashboard sees it. */
export function jsonOf(c: PackCase): Record<string, unknown> {
  return JSON.parse(JSON.stringify(c.build().build())) as Record<string, unknown>;
}

/** A panel of dashboard JSON (loosely typed for assertions). */
export interface PanelJson {
  type: string;
  title?: string;
  id?: number;
  datasource?: { uid?: string; type?: string };
  gridPos?: { x: number; y: number; w: number; h: number };
  fieldConfig?: { defaults?: { unit?: string } };
  targets?: Array<{ refId?: string; expr?: string }>;
  panels?: PanelJson[];
}

/** Every panel, with the panels of collapsed rows. */
export function allPanels(json: Record<string, unknown>): PanelJson[] {
  const top = (json.panels ?? []) as PanelJson[];
  return top.flatMap((p) => [p, ...(p.type === 'row' ? p.panels ?? [] : [])]);
}
