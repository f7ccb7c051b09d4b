import { PrometheusModel, RULES_DIR } from '../model/prometheus';
import { RelabelRule, ScrapeJobModel } from '../model/scrape';
import { sortedRecord } from '../model/names';
import { renderDiscovery } from './service-discovery';
import { compact, generatedHeader, toYaml } from './yaml';

function renderRelabel(rule: RelabelRule): Record<string, unknown> {
  return compact({
    source_labels: rule.sourceLabels && rule.sourceLabels.length > 0 ? [...rule.sourceLabels] : undefined,
    separator: rule.separator,
    target_label: rule.targetLabel,
    regex: rule.regex,
    modulus: rule.modulus,
    replacement: rule.replacement,
    action: rule.action,
  });
}

/** Renders one `scrape_configs` entry. */
export function renderScrapeJob(job: ScrapeJobModel): Record<string, unknown> {
  const labels = sortedRecord(job.labels);
  // With discovery, the job's labels reach discovered targets as relabel rules (static_configs labels would reach
  // the static targets only).
  const labelRules: RelabelRule[] = job.discovery ? Object.entries(labels ?? {}).map(([name, value]) => ({ targetLabel: name, replacement: value.replace(/\$/g, '$$$$') })) : [];
  const relabel = [...labelRules, ...job.relabelConfigs];
  return compact({
    job_name: job.jobName,
    scrape_interval: job.interval?.toPrometheus(),
    scrape_timeout: job.timeout?.toPrometheus(),
    metrics_path: job.metricsPath,
    scheme: job.scheme,
    honor_labels: job.honorLabels,
    fallback_scrape_protocol: job.fallbackScrapeProtocol,
    params: job.params ? sortedRecord(Object.fromEntries(Object.entries(job.params).map(([k, v]) => [k, [...v]]))) : undefined,
    basic_auth: job.basicAuth ? { username: job.basicAuth.username, password_file: job.basicAuth.password.filePath } : undefined,
    authorization: job.bearerToken ? { type: 'Bearer', credentials_file: job.bearerToken.filePath } : undefined,
    tls_config: job.tls
      ? compact({ ca_file: job.tls.caFile, server_name: job.tls.serverName, insecure_skip_verify: job.tls.insecureSkipVerify })
      : undefined,
    ...renderDiscovery(job),
    static_configs:
      job.targets.length > 0 || !job.discovery
        ? [compact({ targets: [...job.targets], labels: !job.discovery && labels && Object.keys(labels).length > 0 ? labels : undefined })]
        : undefined,
    relabel_configs: relabel.length > 0 ? relabel.map(renderRelabel) : undefined,
    metric_relabel_configs: job.metricRelabelConfigs.length > 0 ? job.metricRelabelConfigs.map(renderRelabel) : undefined,
  });
}

/** The rule file paths prometheus.yml lists, relative to prometheus.yml itself. */
export function ruleFilePaths(model: PrometheusModel): string[] {
  return [...model.ruleGroups].map((g) => `${RULES_DIR}/${g.fileName}`).sort();
}

/**
 * Renders prometheus.yml. Scrape jobs are sorted by name so moving code around never reorders the file;
 * rule files are listed by name (no glob), so a file left over from a deleted group can never load.
 */
export function renderPrometheusConfig(model: PrometheusModel, environment: string): string {
  const externalLabels = sortedRecord(model.externalLabels);
  const doc = compact({
    global: compact({
      scrape_interval: model.scrapeInterval.toPrometheus(),
      scrape_timeout: model.scrapeTimeout.toPrometheus(),
      evaluation_interval: model.evaluationInterval.toPrometheus(),
      external_labels: externalLabels && Object.keys(externalLabels).length > 0 ? externalLabels : undefined,
    }),
    rule_files: model.ruleGroups.length > 0 ? ruleFilePaths(model) : undefined,
    alerting:
      model.alertmanagers.length > 0
        ? { alertmanagers: [{ static_configs: [{ targets: [...model.alertmanagers] }] }] }
        : undefined,
    scrape_configs: [...model.scrapeJobs].sort((a, b) => cmp(a.jobName, b.jobName)).map(renderScrapeJob),
  });
  return toYaml(doc, generatedHeader(`Prometheus configuration for environment "${environment}".`));
}

/**
 * Prometheus' command-line flags. Retention is a flag, not a config field. The admin API and the
 * lifecycle API (`/-/reload`, `/-/quit`) stay off: config changes replace the container instead.
 */
export function prometheusFlags(model: PrometheusModel, configFile: string, dataDir: string): string[] {
  const flags = [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${dataDir}`,
    `--storage.tsdb.retention.time=${model.retentionTime.toPrometheus()}`,
  ];
  if (model.retentionSize) flags.push(`--storage.tsdb.retention.size=${model.retentionSize}`);
  flags.push('--web.listen-address=:9090');
  return flags;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
