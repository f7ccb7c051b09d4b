/**
 * The fields current Prometheus has, so that a field the library does not model yet is refused as "not supported by
 * cdktf-monitoring (yet)" and only a field Prometheus has not either gets "did you mean". Taken from the YAML tags of
 * the structs in Prometheus' source, union of v3.5.3 (the LTS line of the oracles, commit dcd3d551ced8) and v3.14.0
 * (the newest release, which adds `scrape_native_histograms` and `extra_scrape_metrics`):
 *
 * - `config/config.go`: `Config`, `GlobalConfig`, `ScrapeConfig`, `AlertingConfig`, `AlertmanagerConfig`;
 * - `model/rulefmt/rulefmt.go`: `RuleGroup`, `Rule`;
 * - the HTTP client fields inlined into scrape jobs and Alertmanager entries: `HTTPClientConfig` of
 *   github.com/prometheus/common/config (v0.65.0, the version v3.5.3's go.mod requires);
 * - service discovery: every `<name>_sd_configs` key registered under `discovery/` plus `static_configs`.
 */

/** Top-level keys of prometheus.yml (`Config`). */
export const PROMETHEUS_CONFIG_FIELDS: readonly string[] = [
  'global', 'runtime', 'alerting', 'rule_files', 'scrape_config_files', 'scrape_configs', 'storage', 'tracing',
  'remote_write', 'remote_read', 'otlp',
];

/** Keys of `global` (`GlobalConfig`). */
export const PROMETHEUS_GLOBAL_FIELDS: readonly string[] = [
  'scrape_interval', 'scrape_timeout', 'scrape_protocols', 'evaluation_interval', 'rule_query_offset', 'query_log_file',
  'scrape_failure_log_file', 'external_labels', 'body_size_limit', 'sample_limit', 'target_limit', 'label_limit',
  'label_name_length_limit', 'label_value_length_limit', 'keep_dropped_targets', 'metric_name_validation_scheme',
  'metric_name_escaping_scheme', 'scrape_native_histograms', 'convert_classic_histograms_to_nhcb',
  'always_scrape_classic_histograms', 'extra_scrape_metrics',
];

/** The HTTP client keys inlined into a scrape job and an Alertmanager entry (`HTTPClientConfig`). */
export const HTTP_CLIENT_FIELDS: readonly string[] = [
  'basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file', 'tls_config', 'proxy_url', 'no_proxy',
  'proxy_from_environment', 'proxy_connect_header', 'follow_redirects', 'enable_http2', 'http_headers',
];

/** Service discovery keys: `<Name()>_sd_configs` of each mechanism under `discovery/` (v3.5.3, plus aws, ecs, elasticache, msk, oci, outscale and rds of v3.14.0). */
export const SERVICE_DISCOVERY_FIELDS: readonly string[] = [
  'static_configs', 'aws_sd_configs', 'azure_sd_configs', 'consul_sd_configs', 'digitalocean_sd_configs',
  'dns_sd_configs', 'docker_sd_configs', 'dockerswarm_sd_configs', 'ec2_sd_configs', 'ecs_sd_configs',
  'elasticache_sd_configs', 'eureka_sd_configs', 'file_sd_configs', 'gce_sd_configs', 'hetzner_sd_configs',
  'http_sd_configs', 'ionos_sd_configs', 'kubernetes_sd_configs', 'kuma_sd_configs', 'lightsail_sd_configs',
  'linode_sd_configs', 'marathon_sd_configs', 'msk_sd_configs', 'nerve_sd_configs', 'nomad_sd_configs',
  'oci_sd_configs', 'openstack_sd_configs', 'outscale_sd_configs', 'ovhcloud_sd_configs', 'puppetdb_sd_configs',
  'rds_sd_configs', 'scaleway_sd_configs', 'serverset_sd_configs', 'stackit_sd_configs', 'triton_sd_configs',
  'uyuni_sd_configs', 'vultr_sd_configs',
];

/** Keys of a scrape job (`ScrapeConfig`, with the HTTP client and service discovery keys it inlines). */
export const SCRAPE_CONFIG_FIELDS: readonly string[] = [
  'job_name', 'honor_labels', 'honor_timestamps', 'track_timestamps_staleness', 'params', 'scrape_interval',
  'scrape_timeout', 'scrape_protocols', 'fallback_scrape_protocol', 'scrape_native_histograms',
  'always_scrape_classic_histograms', 'convert_classic_histograms_to_nhcb', 'scrape_failure_log_file', 'metrics_path',
  'scheme', 'enable_compression', 'body_size_limit', 'sample_limit', 'target_limit', 'label_limit',
  'label_name_length_limit', 'label_value_length_limit', 'native_histogram_bucket_limit',
  'native_histogram_min_bucket_factor', 'keep_dropped_targets', 'metric_name_validation_scheme',
  'metric_name_escaping_scheme', 'extra_scrape_metrics', 'relabel_configs', 'metric_relabel_configs',
  ...HTTP_CLIENT_FIELDS,
  ...SERVICE_DISCOVERY_FIELDS,
];

/** Keys of `alerting` (`AlertingConfig`). */
export const ALERTING_FIELDS: readonly string[] = ['alert_relabel_configs', 'alertmanagers'];

/** Keys of one `alerting.alertmanagers` entry (`AlertmanagerConfig`, with its HTTP client and discovery keys). */
export const ALERTMANAGER_ENTRY_FIELDS: readonly string[] = [
  'sigv4', 'scheme', 'path_prefix', 'timeout', 'api_version', 'relabel_configs', 'alert_relabel_configs',
  ...HTTP_CLIENT_FIELDS,
  ...SERVICE_DISCOVERY_FIELDS,
];

/** Keys of a rule group (`RuleGroup`). */
export const RULE_GROUP_FIELDS: readonly string[] = ['name', 'interval', 'query_offset', 'limit', 'rules', 'labels'];

/** Keys of a rule (`Rule`). */
export const RULE_FIELDS: readonly string[] = ['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'];

/** The fields above that v3.14.0 added after the v3.5 line (the oracles' promtool 3.5.3 does not know them). */
export const FIELDS_NEWER_THAN_3_5: readonly string[] = [
  'scrape_native_histograms', 'extra_scrape_metrics', 'aws_sd_configs', 'ecs_sd_configs', 'elasticache_sd_configs',
  'msk_sd_configs', 'oci_sd_configs', 'outscale_sd_configs', 'rds_sd_configs',
];
