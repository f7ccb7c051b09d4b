import { Duration } from '../model/duration';
import { duplicate } from '../model/errors';
import { PrometheusSettings } from '../model/environment';
import { BasicAuth, buildScrapeJob, checkTarget, nonMetricsPortWarnings, RelabelRule, SCRAPE_PROTOCOLS, ScrapeProtocol, ScrapeTls } from '../model/scrape';
import { Secret } from '../model/secret';
import { Discovery } from '../model/service-discovery';
import { differentLabelSets, literalSecret } from './messages';
import { checkStorage, duration, importAlerting, importGlobal, labelMap, PROMETHEUS, unsupported } from './prometheus-global';
import { PROMETHEUS_CONFIG_FIELDS, SCRAPE_CONFIG_FIELDS } from './prometheus-fields';
import { importRelabelRules } from './relabel';
import { importAuth, importTls } from './scrape-auth';
import { importDiscovery, IMPORTED_DISCOVERY_KEYS } from './service-discovery';
import { optional } from './shared';
import { parseSource, SourceMap, SourceNode } from './yaml-source';

/**
 * One imported scrape job. It is a valid `ServiceScrapeProps`: ``new ServiceScrape(monitoring, `job-${job.jobName}`, job)``
 * (an id such as `job-docker` never collides with the ids the library gives its own constructs, such as `docker`).
 */
export interface ImportedScrapeJob {
  /** `job_name`. */
  readonly jobName: string;
  /** The targets of `static_configs` (empty when the job only discovers). */
  readonly targets: string[];
  /** `docker_sd_configs`, `file_sd_configs`, `dns_sd_configs`, `http_sd_configs`, `kubernetes_sd_configs`. @default - none */
  readonly discovery?: Discovery[];
  /** `metrics_path`. @default - Prometheus' default, "/metrics" */
  readonly metricsPath?: string;
  /** `scheme`. @default - "http" */
  readonly scheme?: 'http' | 'https';
  /** `scrape_interval`. @default - the global scrape interval */
  readonly interval?: Duration;
  /** `scrape_timeout`. @default - the global scrape timeout */
  readonly timeout?: Duration;
  /** The `labels` of `static_configs` (one label set per job). @default - none */
  readonly labels?: Record<string, string>;
  /** `params`. @default - none */
  readonly params?: Record<string, string[]>;
  /** `honor_labels`. @default - false */
  readonly honorLabels?: boolean;
  /** `basic_auth` with `password_file` (as Secret.fromFile). @default - none */
  readonly basicAuth?: BasicAuth;
  /** `authorization.credentials_file` or `bearer_token_file` (as Secret.fromFile). @default - none */
  readonly bearerToken?: Secret;
  /** `tls_config`. @default - none */
  readonly tls?: ScrapeTls;
  /** `relabel_configs`. @default - none */
  readonly relabelConfigs?: RelabelRule[];
  /** `metric_relabel_configs`. @default - none */
  readonly metricRelabelConfigs?: RelabelRule[];
  /** `fallback_scrape_protocol` (Prometheus 3). @default - ServiceScrape's default */
  readonly fallbackScrapeProtocol?: ScrapeProtocol;
}

/** An imported prometheus.yml. */
export interface ImportedPrometheusConfig {
  /** One entry per `scrape_configs` job, in file order. */
  readonly jobs: ImportedScrapeJob[];
  /**
   * The `global` section, as `MonitoringStackProps.prometheus`: scrape interval, scrape timeout and evaluation
   * interval always set (Prometheus' defaults 1m, 10s and 1m where the file has none), external labels when given.
   */
  readonly settings: PrometheusSettings;
  /** `rule_files` as listed; import each with `importPrometheusRules`. @default [] */
  readonly ruleFiles: string[];
  /** Targets of `alerting.alertmanagers`; informational: a MonitoringStack wires Prometheus to its own Alertmanager. */
  readonly alertmanagers: string[];
  /** Problems that do not stop the import, e.g. a target on a database port that serves no /metrics. */
  readonly warnings: string[];
}

const TOP_KEYS = ['global', 'rule_files', 'scrape_configs', 'alerting'];
const TOP_UNSUPPORTED = ['remote_write', 'remote_read', 'tracing', 'storage'];
const JOB_KEYS = [
  'job_name', 'static_configs', 'metrics_path', 'scheme', 'scrape_interval', 'scrape_timeout', 'params', 'honor_labels',
  'basic_auth', 'authorization', 'bearer_token_file', 'tls_config', 'relabel_configs', 'metric_relabel_configs', 'fallback_scrape_protocol',
];
const JOB_UNSUPPORTED = [
  'honor_timestamps', 'body_size_limit', 'sample_limit', 'target_limit', 'label_limit', 'label_name_length_limit', 'label_value_length_limit',
  'oauth2', 'proxy_url', 'no_proxy', 'proxy_from_environment', 'proxy_connect_header', 'follow_redirects', 'enable_http2',
  'scrape_classic_histograms', 'native_histogram_bucket_limit', 'keep_dropped_targets', 'enable_compression', 'track_timestamps_staleness', 'scrape_protocols',
];

/**
 * Imports the scrape jobs and global settings of a prometheus.yml.
 *
 * Targets come from `static_configs` and from `docker_sd_configs`, `file_sd_configs` (absolute paths), `dns_sd_configs`,
 * `http_sd_configs` and `kubernetes_sd_configs`, with their relabel configs; another `*_sd_configs` (consul, ec2, ...)
 * is refused, naming the job, the key and the supported ones.
 * Secrets must come from files: `basic_auth.password_file`, `authorization.credentials_file` and `bearer_token_file`
 * become `Secret.fromFile(path)`; a literal `password:`, `credentials:` or `bearer_token:` is refused.
 * A job whose `static_configs` entries carry different `labels` is refused (a ServiceScrape has one label set;
 * splitting it silently would change the `job` label that alerts and dashboards select on).
 *
 * @param prometheusYmlText the prometheus.yml content
 * @param where the name the file is reported under in errors, e.g. `prometheus.yml`
 */
export function importScrapeConfigs(prometheusYmlText: string, where: string): ImportedPrometheusConfig {
  const top = parseSource(prometheusYmlText, where);
  const file = top.isNull ? undefined : top.map('a Prometheus configuration: a map with `scrape_configs:`');
  if (file === undefined) return { jobs: [], settings: importGlobal(undefined), ruleFiles: [], alertmanagers: [], warnings: [] };
  for (const key of file.keys()) {
    if (key === 'storage') checkStorage(file.get(key)!);
    if (TOP_UNSUPPORTED.includes(key)) throw unsupported(file, key, 'a Prometheus configuration', TOP_KEYS);
  }
  file.checkKeys('a Prometheus configuration', TOP_KEYS, {}, PROMETHEUS_CONFIG_FIELDS);
  const settings = importGlobal(file.opt('global'));
  const ruleFiles = file.opt('rule_files')?.strings('a list of rule file paths') ?? [];
  const alertmanagers = importAlerting(file.opt('alerting'));
  const jobs: ImportedScrapeJob[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  for (const node of file.opt('scrape_configs')?.seq('a list of scrape jobs') ?? []) {
    const { job, where: jobWhere } = importJob(node);
    const first = seen.get(job.jobName);
    if (first !== undefined) throw duplicate(jobWhere, 'job_name', job.jobName, first);
    seen.set(job.jobName, node.path);
    // The same validation as typed input.
    warnings.push(...nonMetricsPortWarnings(buildScrapeJob(job, jobWhere)));
    jobs.push(job);
  }
  return { jobs, settings, ruleFiles, alertmanagers, warnings };
}

function importJob(node: SourceNode): { job: ImportedScrapeJob; where: string } {
  const bare = node.map('a scrape job: a map with `job_name:` and `static_configs:`');
  const jobName = bare.req('job_name', 'a job name').string('a job name');
  const job = bare.named(`job ${jobName}`);
  for (const key of job.keys()) {
    if (key === 'bearer_token') {
      const at = job.get(key)!;
      throw literalSecret(at.where, at.field, 'bearer_token_file', PROMETHEUS);
    }
    if (JOB_UNSUPPORTED.includes(key)) throw unsupported(job, key, 'a scrape job', JOB_KEYS);
  }
  const discovery = importDiscovery(job);
  job.checkKeys('a scrape job', [...JOB_KEYS, ...IMPORTED_DISCOVERY_KEYS], {}, SCRAPE_CONFIG_FIELDS);
  const { targets, labels } = importStaticConfigs(job, discovery.length > 0);
  if (discovery.length > 0 && targets.length > 0 && labels !== undefined) {
    // A ServiceScrape's labels reach every target; in the file they reach the static ones only.
    throw job.get('static_configs')!.invalid(
      'static_configs without labels in a job that also discovers targets (a ServiceScrape\'s labels reach every target, discovered ones too): ' +
        'move the static targets into a job of their own, or set the labels with relabel_configs',
    );
  }
  const scheme = job.opt('scheme');
  const schemeValue = scheme?.string('"http" or "https"');
  if (scheme && schemeValue !== 'http' && schemeValue !== 'https') throw scheme.invalid('"http" or "https"');
  const metricsPath = job.opt('metrics_path');
  const pathValue = metricsPath?.string('a path');
  if (metricsPath && !pathValue!.startsWith('/')) throw metricsPath.invalid('a path starting with "/", e.g. "/metrics"');
  const fallback = job.opt('fallback_scrape_protocol');
  const fallbackValue = fallback?.string(`one of ${SCRAPE_PROTOCOLS.join(', ')}`);
  if (fallback && !(SCRAPE_PROTOCOLS as readonly string[]).includes(fallbackValue!)) throw fallback.invalid(`one of ${SCRAPE_PROTOCOLS.join(', ')}`);
  const relabel = job.opt('relabel_configs');
  const metricRelabel = job.opt('metric_relabel_configs');
  const imported: ImportedScrapeJob = {
    jobName,
    targets,
    ...optional('discovery', discovery.length > 0 ? discovery : undefined),
    ...optional('metricsPath', pathValue),
    ...optional('scheme', schemeValue as 'http' | 'https' | undefined),
    ...optional('interval', duration(job, 'scrape_interval')),
    ...optional('timeout', duration(job, 'scrape_timeout')),
    ...optional('labels', labels),
    ...optional('params', importParams(job.opt('params'))),
    ...optional('honorLabels', job.optBoolean('honor_labels')),
    ...importAuth(job),
    ...optional('tls', importTls(job.opt('tls_config'))),
    ...optional('relabelConfigs', relabel === undefined ? undefined : importRelabelRules(relabel)),
    ...optional('metricRelabelConfigs', metricRelabel === undefined ? undefined : importRelabelRules(metricRelabel)),
    ...optional('fallbackScrapeProtocol', fallbackValue as ScrapeProtocol | undefined),
  };
  return { job: imported, where: `${job.node.where}, ${job.node.path}` };
}

function importStaticConfigs(job: SourceMap, discovers: boolean): { targets: string[]; labels?: Record<string, string> } {
  if (discovers && !job.has('static_configs')) return { targets: [] };
  const list = job.req('static_configs', `a list of static configs with \`targets:\`, or one of ${IMPORTED_DISCOVERY_KEYS.join(', ')}`);
  const targets: string[] = [];
  let labels: Record<string, string> | undefined;
  list.seq('a list of static configs with `targets:`').forEach((node, i) => {
    const config = node.map('a static config: a map with `targets:`');
    config.checkKeys('static_configs', ['targets', 'labels']);
    const targetsNode = config.req('targets', 'a list of "host:port" targets');
    targetsNode.seq('a list of "host:port" targets').forEach((t) => {
      const target = t.string('a "host:port" target');
      checkTarget(target, t.where, t.field);
      targets.push(target);
    });
    const labelsNode = config.opt('labels');
    const these = labelsNode === undefined ? {} : labelMap(labelsNode);
    if (i === 0) labels = these;
    else if (!sameLabels(labels ?? {}, these)) throw differentLabelSets((labelsNode ?? config.node).where, `${node.path}.labels`, labels, these);
  });
  return { targets, labels: labels && Object.keys(labels).length > 0 ? labels : undefined };
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

function importParams(node: SourceNode | undefined): Record<string, string[]> | undefined {
  if (node === undefined) return undefined;
  const map = node.map('a map of query parameters to lists of values');
  const out: Record<string, string[]> = {};
  for (const key of map.keys()) out[key] = map.get(key)!.strings('a list of values, e.g. [http_2xx]');
  return out;
}
