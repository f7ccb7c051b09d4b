import { Document } from 'yaml';
import { LokiSettingsModel } from '../../model/logs/loki-settings';
import { LOG_STACK_VERSIONS } from '../../model/logs/versions';
import { compact, generatedHeader } from '../yaml';
import { goDuration } from './units';

/**
 * Why `auth_enabled` is false, written next to the key. Loki's `auth_enabled` is not authentication: when true, Loki
 * only requires an `X-Scope-OrgID` header naming the tenant, which any client can set. On a single-tenant Docker host it
 * would add a header to every agent, data source and rule without keeping anyone out; access is limited instead by
 * publishing the port on 127.0.0.1 only and by the Docker network. With it false, everything belongs to tenant "fake".
 */
const AUTH_COMMENT =
  ' auth_enabled: false on purpose. It is not authentication: when true, Loki only requires an X-Scope-OrgID\n' +
  ' tenant header that any client can set. One tenant on one Docker host needs none; access is limited by the\n' +
  ' port bound to 127.0.0.1 and the Docker network. All data belongs to the single tenant "fake".';

/**
 * Renders a single-binary Loki configuration (Loki 3.7.6): filesystem storage under `dataDir`, TSDB schema v13 with a
 * 24h index period (required for retention), the compactor applying retention, limits, and (when configured) the ruler
 * reading rule files from a local directory and sending alerts to Alertmanager.
 */
export function renderLokiConfig(settings: LokiSettingsModel): string {
  const dir = settings.dataDir;
  const config = {
    auth_enabled: false,
    server: {
      http_listen_port: settings.httpPort,
      grpc_listen_port: settings.grpcPort,
      log_level: settings.logLevel,
    },
    common: {
      instance_addr: '127.0.0.1',
      path_prefix: dir,
      replication_factor: 1,
      ring: { kvstore: { store: 'inmemory' } },
    },
    schema_config: {
      configs: [
        {
          from: settings.schemaFrom,
          store: 'tsdb',
          object_store: 'filesystem',
          schema: 'v13',
          index: { prefix: 'index_', period: '24h' },
        },
      ],
    },
    storage_config: {
      tsdb_shipper: { active_index_directory: `${dir}/tsdb-index`, cache_location: `${dir}/tsdb-cache` },
      filesystem: { directory: `${dir}/chunks` },
    },
    limits_config: {
      retention_period: goDuration(settings.retention),
      ingestion_rate_mb: settings.limits.ingestionRateMb,
      ingestion_burst_size_mb: settings.limits.ingestionBurstSizeMb,
      max_global_streams_per_user: settings.limits.maxGlobalStreamsPerUser,
      max_label_names_per_series: settings.limits.maxLabelNamesPerSeries,
      max_line_size: settings.limits.maxLineSizeBytes,
      max_query_series: settings.limits.maxQuerySeries,
      max_entries_limit_per_query: settings.limits.maxEntriesLimitPerQuery,
      reject_old_samples: true,
      reject_old_samples_max_age: goDuration(settings.limits.rejectOldSamplesMaxAge),
    },
    compactor: {
      working_directory: `${dir}/compactor`,
      compaction_interval: '10m',
      retention_enabled: true,
      retention_delete_delay: '2h',
      delete_request_store: 'filesystem',
    },
    ruler: settings.ruler
      ? {
          alertmanager_url: settings.ruler.alertmanagerUrl,
          enable_api: true,
          evaluation_interval: goDuration(settings.ruler.evaluationInterval),
          rule_path: `${dir}/rules-temp`,
          storage: { type: 'local', local: { directory: settings.ruler.rulesDir } },
        }
      : undefined,
    analytics: { reporting_enabled: false },
  };
  // Loki reads YAML with go-yaml (YAML 1.1 rules), as Prometheus does: quote what 1.1 would read as something else.
  const doc = new Document(compact(config), { aliasDuplicateObjects: false, version: '1.1' });
  const auth = doc.contents && 'items' in doc.contents ? (doc.contents.items as { key: { commentBefore?: string } }[])[0] : undefined;
  if (auth) auth.key.commentBefore = AUTH_COMMENT;
  doc.commentBefore = generatedHeader(`Loki ${LOG_STACK_VERSIONS.loki} configuration (single binary, filesystem storage).`)
    .split('\n')
    .map((l) => ` ${l}`.trimEnd())
    .join('\n');
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, singleQuote: false });
}
