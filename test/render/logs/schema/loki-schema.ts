import { Schema } from './yaml-schema';

/**
 * The Loki configuration keys this library emits, each checked against the configuration reference of the pinned
 * release: grafana/loki tag v3.7.6, docs/sources/shared/configuration.md ("configuration.md" below; line numbers at
 * that tag). Retention facts: docs/sources/operations/storage/retention.md at the same tag.
 */
export const LOKI_SCHEMA: Schema = {
  // configuration.md:99 "[auth_enabled: <boolean> | default = true]"
  auth_enabled: { type: 'boolean' },

  // configuration.md:110 "[server: <server>]"
  server: { type: 'block' },
  // configuration.md:6186 (### server) "[http_listen_port: <int> | default = 3100]"
  'server.http_listen_port': { type: 'int' },
  // configuration.md:6202 (### server) "[grpc_listen_port: <int> | default = 9095]"
  'server.grpc_listen_port': { type: 'int' },
  // configuration.md:6388 (### server) "[log_level: <string> | default = "info"]", 6385 "Valid levels: [debug, info, warn, error]"
  'server.log_level': { type: 'string', oneOf: ['debug', 'info', 'warn', 'error'] },

  // configuration.md:1962 "[common: <common>]"
  common: { type: 'block' },
  // configuration.md:2842 (### common) "[instance_addr: <string> | default = """
  'common.instance_addr': { type: 'string' },
  // configuration.md:2627 (### common) "[path_prefix: <string> | default = """
  'common.path_prefix': { type: 'string' },
  // configuration.md:2748 (### common) "[replication_factor: <int>]"
  'common.replication_factor': { type: 'int' },
  // configuration.md:2750-2751 (### common) "ring:" / "kvstore:"
  'common.ring': { type: 'block' },
  'common.ring.kvstore': { type: 'block' },
  // configuration.md:2755 "[store: <string> | default = "consul"]"; "Supported values are: consul, etcd, inmemory, memberlist, multi."
  'common.ring.kvstore.store': { type: 'string', oneOf: ['consul', 'etcd', 'inmemory', 'memberlist', 'multi'] },

  // configuration.md:1092 "[schema_config: <schema_config>]"; 6168 (### schema_config) "[configs: <list of period_configs>]"
  schema_config: { type: 'block' },
  'schema_config.configs': { type: 'list(block)', required: true },
  // configuration.md:5308 (### period_config) "[from: <daytime>]" "In YYYY-MM-DD format"
  'schema_config.configs[].from': { type: 'daytime', required: true },
  // configuration.md:5314 (### period_config) "[store: <string> ...] Which index to use. Either tsdb or boltdb-shipper."
  'schema_config.configs[].store': { type: 'string', oneOf: ['tsdb', 'boltdb-shipper'] },
  // configuration.md:5320 (### period_config) "[object_store: <string> | default = ""]" "... swift, filesystem, or a named_store"
  'schema_config.configs[].object_store': { type: 'string' },
  // configuration.md:5323 (### period_config) "[schema: <string> | default = ""]" "current recommended schema is v13"
  'schema_config.configs[].schema': { type: 'string', oneOf: ['v13'] },
  // configuration.md:5326 (### period_config) "index:"; 5332 "[prefix: <string> | default = ""]"; 5335 "[period: <duration>]"
  'schema_config.configs[].index': { type: 'block' },
  'schema_config.configs[].index.prefix': { type: 'string' },
  // retention.md: "Retention is only available if the index period is 24h."
  'schema_config.configs[].index.period': { type: 'string', oneOf: ['24h'] },

  // configuration.md:1085 "[storage_config: <storage_config>]"
  storage_config: { type: 'block' },
  // configuration.md:6883 (### storage_config) "tsdb_shipper:"; 6887 "[active_index_directory: <string> ...]"; 6891 "[cache_location: <string> ...]"
  'storage_config.tsdb_shipper': { type: 'block' },
  'storage_config.tsdb_shipper.active_index_directory': { type: 'string' },
  'storage_config.tsdb_shipper.cache_location': { type: 'string' },
  // configuration.md:6668 (### storage_config) "[filesystem: <local_storage_config>]"; 5006 (### local_storage_config) "[directory: <string> | default = ""]"
  'storage_config.filesystem': { type: 'block' },
  'storage_config.filesystem.directory': { type: 'string' },

  // configuration.md:1107 "[limits_config: <limits_config>]"
  limits_config: { type: 'block' },
  // configuration.md:4696 (### limits_config) "[retention_period: <duration> | default = 0s]"; retention.md: "The minimum retention period is 24h."
  'limits_config.retention_period': { type: 'duration' },
  // configuration.md:4249 "[ingestion_rate_mb: <float> | default = 4]"
  'limits_config.ingestion_rate_mb': { type: 'float' },
  // configuration.md:4256 "[ingestion_burst_size_mb: <float> | default = 6]"
  'limits_config.ingestion_burst_size_mb': { type: 'float' },
  // configuration.md:4367 "[max_global_streams_per_user: <int> | default = 5000]"
  'limits_config.max_global_streams_per_user': { type: 'int' },
  // configuration.md:4269 "[max_label_names_per_series: <int> | default = 15]"
  'limits_config.max_label_names_per_series': { type: 'int' },
  // configuration.md:4289 "[max_line_size: <int> | default = 256KB]"
  'limits_config.max_line_size': { type: 'int' },
  // configuration.md:4391 "[max_query_series: <int> | default = 500]"
  'limits_config.max_query_series': { type: 'int' },
  // configuration.md:4451 "[max_entries_limit_per_query: <int> | default = 5000]"
  'limits_config.max_entries_limit_per_query': { type: 'int' },
  // configuration.md:4273 "[reject_old_samples: <boolean> | default = true]"
  'limits_config.reject_old_samples': { type: 'boolean' },
  // configuration.md:4277 "[reject_old_samples_max_age: <duration> | default = 1w]"
  'limits_config.reject_old_samples_max_age': { type: 'duration' },

  // configuration.md:1096 "[compactor: <compactor>]"
  compactor: { type: 'block' },
  // configuration.md:2864 (### compactor) "[working_directory: <string> | default = "/var/loki/compactor"]"
  'compactor.working_directory': { type: 'string' },
  // configuration.md:2868 "[compaction_interval: <duration> | default = 10m]"
  'compactor.compaction_interval': { type: 'duration' },
  // configuration.md:2878 "[retention_enabled: <boolean> | default = false]"
  'compactor.retention_enabled': { type: 'boolean' },
  // configuration.md:2882 "[retention_delete_delay: <duration> | default = 2h]"
  'compactor.retention_delete_delay': { type: 'duration' },
  // configuration.md:2908 "[delete_request_store: <string> | default = ""]"; retention.md: "This is required when retention is enabled."
  'compactor.delete_request_store': { type: 'string' },

  // configuration.md:429 "[ruler: <ruler>]"
  ruler: { type: 'block' },
  // configuration.md:5767 (### ruler) "[alertmanager_url: <string> | default = ""]"
  'ruler.alertmanager_url': { type: 'string' },
  // configuration.md:5915 (### ruler) "[enable_api: <boolean> | default = true]"
  'ruler.enable_api': { type: 'boolean' },
  // configuration.md:5710 (### ruler) "[evaluation_interval: <duration> | default = 1m]"
  'ruler.evaluation_interval': { type: 'duration' },
  // configuration.md:5760 (### ruler) "[rule_path: <string> | default = "/rules"]" (temporary rule files: must be writable)
  'ruler.rule_path': { type: 'string' },
  // configuration.md:5718 (### ruler) "storage:"; 5722 "[type: <string> | default = ""]", 5719 "Method to use for backend rule storage (configdb, azure, gcs, s3, swift, local, bos, cos)"
  'ruler.storage': { type: 'block' },
  'ruler.storage.type': { type: 'string', oneOf: ['configdb', 'azure', 'gcs', 's3', 'swift', 'local', 'bos', 'cos'] },
  // configuration.md:5753 "local:"; 5756 "[directory: <string> | default = ""]" "Directory to scan for rules"
  'ruler.storage.local': { type: 'block' },
  'ruler.storage.local.directory': { type: 'string' },

  // configuration.md:1948 "[analytics: <analytics>]"; 2017 (### analytics) "[reporting_enabled: <boolean> | default = true]"
  analytics: { type: 'block' },
  'analytics.reporting_enabled': { type: 'boolean' },
};
