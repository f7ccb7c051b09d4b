import { checkParamsHaveNoSecret, checkUrlHasNoSecret } from './clear-secrets';
import { Duration } from './duration';
import { invalid } from './errors';
import { checkRelabelFields } from './relabel-rules';
import { checkLabelName, checkLabels, LABEL_NAME } from './names';
import { checkRe2 } from './re2';
import { Secret } from './secret';
import { buildDiscovery, Discovery, DiscoveryModel, DockerDiscoveryOptions, dockerRelabelRules } from './service-discovery';
import { DISCOVERY_KEYS, metaLabelKind } from './service-discovery-labels';

/** The relabel actions Prometheus 3.x understands (the same as 2.42's). */
export const RELABEL_ACTIONS = [
  'replace', 'keep', 'drop', 'keepequal', 'dropequal', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase',
] as const;
/** A relabel action. */
export type RelabelAction = (typeof RELABEL_ACTIONS)[number];

/** One `relabel_configs` / `metric_relabel_configs` entry. */
export interface RelabelRule {
  /** Labels whose values are joined (with `separator`) and matched against `regex`. @default [] */
  readonly sourceLabels?: string[];
  /** Separator for the joined source label values. @default ";" */
  readonly separator?: string;
  /** Label the result is written to (required by replace, hashmod, lowercase, uppercase, keepequal, dropequal). @default - none */
  readonly targetLabel?: string;
  /** RE2 regular expression, anchored on both ends by Prometheus. @default "(.*)" */
  readonly regex?: string;
  /** Modulus for `hashmod`. @default - none */
  readonly modulus?: number;
  /** Replacement, with `$1`-style references to regex groups. @default "$1" */
  readonly replacement?: string;
  /** What to do. @default "replace" */
  readonly action?: RelabelAction;
}

/** HTTP basic authentication for a scrape; the password is read from a file. */
export interface BasicAuth {
  /** The user name. */
  readonly username: string;
  /** The password, kept out of rendered files. */
  readonly password: Secret;
}

/** TLS settings for scraping https targets. */
export interface ScrapeTls {
  /** CA certificate file inside the Prometheus container. @default - system roots */
  readonly caFile?: string;
  /** Server name to verify the certificate against. @default - the target host */
  readonly serverName?: string;
  /** Skip certificate verification (only for test setups). @default false */
  readonly insecureSkipVerify?: boolean;
}

/** The formats Prometheus 3 can parse a scrape as when the target names none (`fallback_scrape_protocol`). */
export const SCRAPE_PROTOCOLS = ['PrometheusProto', 'OpenMetricsText0.0.1', 'OpenMetricsText1.0.0', 'PrometheusText0.0.4', 'PrometheusText1.0.0'] as const;
/** A scrape format, as Prometheus' `fallback_scrape_protocol` names it. */
export type ScrapeProtocol = (typeof SCRAPE_PROTOCOLS)[number];

/**
 * What a target that sends no Content-Type, or one Prometheus does not know (a hand-written `/metrics` route that
 * answers `text/html`), is parsed as: the Prometheus text format. Prometheus 3 fails such scrapes unless
 * `fallback_scrape_protocol` is set (Prometheus 3.0 migration guide).
 */
export const DEFAULT_FALLBACK_SCRAPE_PROTOCOL: ScrapeProtocol = 'PrometheusText0.0.4';

/** A validated scrape job, ready to render into `scrape_configs`. */
export interface ScrapeJobModel {
  /** The job name, also the `job` label of every target. */
  readonly jobName: string;
  /** Static targets: `host:port`, or URLs when the job probes through blackbox-exporter; empty when only `discovery` finds them. */
  readonly targets: readonly string[];
  /** Service discovery (`*_sd_configs`), validated. @default - none: the static targets only */
  readonly discovery?: readonly DiscoveryModel[];
  /** The HTTP path of the metrics. @default - Prometheus' `/metrics` */
  readonly metricsPath?: string;
  /** `http` or `https`. @default - Prometheus' `http` */
  readonly scheme?: 'http' | 'https';
  /** Scrape interval of this job. @default - the environment's scrape interval */
  readonly interval?: Duration;
  /** Scrape timeout of this job. @default - the environment's scrape timeout */
  readonly timeout?: Duration;
  /** Labels added to every target of the job. */
  readonly labels: Readonly<Record<string, string>>;
  /** URL query parameters sent with each scrape. @default - none */
  readonly params?: Readonly<Record<string, readonly string[]>>;
  /** Whether the target's own `job`/`instance` labels win over Prometheus'. @default false */
  readonly honorLabels?: boolean;
  /** Basic authentication, the password read from a file. @default - none */
  readonly basicAuth?: BasicAuth;
  /** A bearer token read from a file (`authorization.credentials_file`). @default - none */
  readonly bearerToken?: Secret;
  /** TLS settings of an `https` scrape. @default - Prometheus' defaults */
  readonly tls?: ScrapeTls;
  /** Relabeling of targets before the scrape. */
  readonly relabelConfigs: readonly RelabelRule[];
  /** Relabeling of scraped samples before they are stored. */
  readonly metricRelabelConfigs: readonly RelabelRule[];
  /** The format of a scrape whose response names none (`fallback_scrape_protocol`). @default - none: Prometheus refuses a response without a known content type */
  readonly fallbackScrapeProtocol?: ScrapeProtocol;
  /** True when the targets are URLs probed through blackbox-exporter. @default false */
  readonly probe?: boolean;
  /** Who declared the job, for cross-construct messages. */
  readonly declaredBy: string;
}

/** Input for {@link buildScrapeJob}. */
export interface ScrapeJobInput {
  readonly jobName: string;
  readonly targets: readonly string[];
  readonly metricsPath?: string;
  readonly scheme?: 'http' | 'https';
  readonly interval?: Duration | string;
  readonly timeout?: Duration | string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly params?: Readonly<Record<string, readonly string[]>>;
  readonly honorLabels?: boolean;
  readonly basicAuth?: BasicAuth;
  readonly bearerToken?: Secret;
  readonly tls?: ScrapeTls;
  readonly relabelConfigs?: readonly RelabelRule[];
  readonly metricRelabelConfigs?: readonly RelabelRule[];
  /** The format of a scrape whose response names none (`fallback_scrape_protocol`). @default - none: such a scrape fails */
  readonly fallbackScrapeProtocol?: ScrapeProtocol;
  /** The targets are URLs to probe (checked by the caller), not `host:port`. @default false */
  readonly probe?: boolean;
  /** Service discovery; with it, `targets` may be empty. @default - none */
  readonly discovery?: readonly Discovery[];
}

/** Ports that speak a database or queue protocol, not HTTP `/metrics`: scraping them directly is a classic mistake. */
export const NON_METRICS_PORTS: Readonly<Record<string, string>> = {
  '5432': 'PostgreSQL (use Exporter.postgres / postgres-exporter on :9187)',
  '6379': 'Redis (use Exporter.redis / redis-exporter on :9121)',
  '3306': 'MySQL (use mysqld-exporter on :9104)',
  '27017': 'MongoDB (use mongodb-exporter on :9216)',
  '5672': 'RabbitMQ AMQP (enable the rabbitmq_prometheus plugin on :15692)',
  '11211': 'memcached (use memcached-exporter on :9150)',
  '9300': 'Elasticsearch transport (use elasticsearch-exporter on :9114)',
};

const TARGET = /^(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?)(:\d{1,5})?$/;

/** Checks a `host:port` scrape target. */
export function checkTarget(target: string, where: string, field: string): void {
  if (typeof target !== 'string' || !TARGET.test(target)) {
    const hint = typeof target === 'string' && /^[a-z]+:\/\//.test(target)
      ? ' (leave out the scheme: set `scheme` and `metricsPath` instead)'
      : '';
    throw invalid(where, field, target, `a "host:port" target such as "api:8000"${hint}`);
  }
  const port = target.split(':').pop();
  if (port !== undefined && /^\d+$/.test(port) && Number(port) > 65535) {
    throw invalid(where, field, target, 'a port between 1 and 65535');
  }
}

/** Warnings for targets that point at a known non-HTTP port. */
export function nonMetricsPortWarnings(job: ScrapeJobModel): string[] {
  const warnings: string[] = [];
  if (job.probe) return warnings;
  for (const target of job.targets) {
    const port = /:(\d+)$/.exec(target)?.[1];
    if (port && NON_METRICS_PORTS[port]) {
      warnings.push(
        `${job.declaredBy}, targets: ${JSON.stringify(target)} is the port of ${NON_METRICS_PORTS[port]}; ` +
          'that port serves no Prometheus /metrics endpoint, so this target will always be down',
      );
    }
  }
  return warnings;
}

/** What a scrape job uses instead of a credential in its URL: Prometheus reads these from files. */
const SCRAPE_CREDENTIAL =
  'no credential in the scrape URL: Prometheus writes params and the metrics path into prometheus.yml and cannot read them ' +
  'from a file; authenticate with bearerToken or basicAuth.password (a Secret, read from a file)';

function checkRelabel(rule: RelabelRule, where: string, field: string): void {
  if (rule === null || typeof rule !== 'object') throw invalid(where, field, rule, 'a relabel rule object');
  const action = rule.action ?? 'replace';
  if (!(RELABEL_ACTIONS as readonly string[]).includes(action)) {
    throw invalid(where, `${field}.action`, action, `one of ${RELABEL_ACTIONS.join(', ')}`);
  }
  for (const [i, name] of (rule.sourceLabels ?? []).entries()) {
    if (typeof name !== 'string' || !LABEL_NAME.test(name)) {
      throw invalid(where, `${field}.sourceLabels[${i}]`, name, 'a label name matching [a-zA-Z_][a-zA-Z0-9_]*');
    }
  }
  if (rule.targetLabel !== undefined && !/^[a-zA-Z_$][a-zA-Z0-9_${}]*$/.test(rule.targetLabel)) {
    throw invalid(where, `${field}.targetLabel`, rule.targetLabel, 'a label name (may use $1-style group references)');
  }
  const needsTarget = ['replace', 'hashmod', 'lowercase', 'uppercase', 'keepequal', 'dropequal'];
  if (needsTarget.includes(action) && rule.targetLabel === undefined) {
    throw invalid(where, `${field}.targetLabel`, undefined, `a target label: action "${action}" writes to or compares with it`);
  }
  if (action === 'hashmod' && (!Number.isInteger(rule.modulus) || (rule.modulus ?? 0) <= 0)) {
    throw invalid(where, `${field}.modulus`, rule.modulus, 'a whole number > 0 for action "hashmod"');
  }
  checkRelabelFields(rule, action, where, field);
  // Prometheus compiles the regex with Go's regexp as `^(?s:regex)$`: RE2, not JavaScript.
  if (rule.regex !== undefined) checkRe2(rule.regex, where, `${field}.regex`, { program: 'Prometheus', allowEmpty: true });
}

/** Validates a scrape job. */
export function buildScrapeJob(input: ScrapeJobInput, where: string): ScrapeJobModel {
  if (typeof input.jobName !== 'string' || !/^[a-zA-Z0-9_.:-]+$/.test(input.jobName)) {
    throw invalid(where, 'jobName', input.jobName, 'a job name of letters, digits, ".", "_", ":" and "-"');
  }
  if (input.discovery !== undefined && !Array.isArray(input.discovery)) {
    throw invalid(where, 'discovery', input.discovery, 'a list of Discovery (Discovery.docker(...), Discovery.files(...), ...)');
  }
  const discovery = (input.discovery ?? []).map((d, i) => buildDiscovery(d, where, `discovery[${i}]`));
  if (!Array.isArray(input.targets) || (input.targets.length === 0 && discovery.length === 0)) {
    throw invalid(where, 'targets', input.targets, 'a non-empty list of "host:port" targets, e.g. ["api:8000"], or a discovery (Discovery.docker(), Discovery.files(...), ...)');
  }
  if (!input.probe) input.targets.forEach((t, i) => checkTarget(t, where, `targets[${i}]`));
  const dup = input.targets.find((t, i) => input.targets.indexOf(t) !== i);
  if (dup !== undefined) throw invalid(where, 'targets', dup, 'each target listed once');
  // Before the path check, whose message shows the path as given.
  if (typeof input.metricsPath === 'string') checkUrlHasNoSecret(input.metricsPath, where, 'metricsPath', SCRAPE_CREDENTIAL);
  if (input.metricsPath !== undefined && (typeof input.metricsPath !== 'string' || !input.metricsPath.startsWith('/'))) {
    throw invalid(where, 'metricsPath', input.metricsPath, 'a path starting with "/", e.g. "/metrics"');
  }
  if (input.scheme !== undefined && input.scheme !== 'http' && input.scheme !== 'https') {
    throw invalid(where, 'scheme', input.scheme, '"http" or "https"');
  }
  const interval = input.interval === undefined ? undefined : Duration.from(input.interval, where, 'interval');
  const timeout = input.timeout === undefined ? undefined : Duration.from(input.timeout, where, 'timeout');
  if (interval && interval.toMilliseconds() === 0) throw invalid(where, 'interval', interval.toPrometheus(), 'a duration > 0');
  if (timeout && interval && timeout.isLongerThan(interval)) {
    throw invalid(where, 'timeout', timeout.toPrometheus(), `a timeout no longer than the scrape interval (${interval.toPrometheus()})`);
  }
  checkLabels(input.labels, where, 'labels');
  for (const name of Object.keys(input.labels ?? {})) {
    if (name === 'job') throw invalid(where, 'labels key', name, 'a label other than "job" (set jobName instead)');
  }
  if (input.basicAuth && input.bearerToken) {
    throw invalid(where, 'bearerToken', 'set together with basicAuth', 'either basicAuth or bearerToken, not both');
  }
  if (input.basicAuth) {
    if (typeof input.basicAuth.username !== 'string' || input.basicAuth.username === '') {
      throw invalid(where, 'basicAuth.username', input.basicAuth.username, 'a non-empty user name');
    }
    if (!(input.basicAuth.password instanceof Secret)) {
      throw invalid(where, 'basicAuth.password', '<redacted>', 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...)); passwords are never written into prometheus.yml');
    }
  }
  if (input.bearerToken !== undefined && !(input.bearerToken instanceof Secret)) {
    throw invalid(where, 'bearerToken', '<redacted>', 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...)); tokens are never written into prometheus.yml');
  }
  for (const name of Object.keys(input.params ?? {})) checkLabelName(name.replace(/[^a-zA-Z0-9_]/g, '_'), where, 'params key');
  checkParamsHaveNoSecret(input.params, where, 'params', SCRAPE_CREDENTIAL);
  (input.relabelConfigs ?? []).forEach((r, i) => checkRelabel(r, where, `relabelConfigs[${i}]`));
  checkMetaLabels(input.relabelConfigs ?? [], discovery, where);
  // Prometheus drops every `__`-prefixed label after target relabeling: scraped samples never carry `__meta_*`.
  (input.metricRelabelConfigs ?? []).forEach((rule, i) =>
    (rule.sourceLabels ?? []).forEach((label, j) => {
      if (label.startsWith('__meta_')) {
        throw invalid(where, `metricRelabelConfigs[${i}].sourceLabels[${j}]`, label, 'a label of the scraped samples: __meta_* labels exist only in relabelConfigs (copy one to a label there first)');
      }
    }),
  );
  // Discovery.docker's own rules come first, so the job's rules see the address and path they set.
  const discoveryRules: RelabelRule[] = (input.discovery ?? [])
    .filter((d) => d.kind === 'docker')
    .flatMap((d) => dockerRelabelRules(d.options as DockerDiscoveryOptions));
  (input.metricRelabelConfigs ?? []).forEach((r, i) => checkRelabel(r, where, `metricRelabelConfigs[${i}]`));
  if (input.fallbackScrapeProtocol !== undefined && !(SCRAPE_PROTOCOLS as readonly string[]).includes(input.fallbackScrapeProtocol)) {
    throw invalid(where, 'fallbackScrapeProtocol', input.fallbackScrapeProtocol, `one of ${SCRAPE_PROTOCOLS.join(', ')}`);
  }
  return {
    jobName: input.jobName,
    targets: [...input.targets],
    ...(discovery.length > 0 ? { discovery } : {}),
    metricsPath: input.metricsPath,
    scheme: input.scheme,
    interval,
    timeout,
    labels: { ...(input.labels ?? {}) },
    params: input.params,
    honorLabels: input.honorLabels,
    basicAuth: input.basicAuth,
    bearerToken: input.bearerToken,
    tls: input.tls,
    relabelConfigs: [...discoveryRules, ...(input.relabelConfigs ?? [])],
    metricRelabelConfigs: [...(input.metricRelabelConfigs ?? [])],
    fallbackScrapeProtocol: input.fallbackScrapeProtocol,
    probe: input.probe,
    declaredBy: where,
  };
}

/**
 * A `__meta_<mechanism>_*` source label in a job without that mechanism is always empty: the rule can never match
 * (a `keep` on it drops every target). Refused with the mechanisms the job has.
 */
function checkMetaLabels(rules: readonly RelabelRule[], discovery: readonly DiscoveryModel[], where: string): void {
  const kinds = new Set(discovery.map((d) => d.kind));
  rules.forEach((rule, i) => {
    (rule.sourceLabels ?? []).forEach((label, j) => {
      const kind = metaLabelKind(label);
      if (kind !== undefined && !kinds.has(kind)) {
        const has = kinds.size === 0 ? 'static targets only' : [...kinds].map((k) => DISCOVERY_KEYS[k]).join(', ');
        throw invalid(
          where,
          `relabelConfigs[${i}].sourceLabels[${j}]`,
          label,
          `a label this job's targets have: ${label} is set by ${DISCOVERY_KEYS[kind]} only, and this job has ${has}`,
        );
      }
    });
  });
}
