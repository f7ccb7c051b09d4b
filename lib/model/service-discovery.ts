import type { ScrapeJobModel } from './scrape';
import { checkUrlHasNoSecret } from './clear-secrets';
import { Duration } from './duration';
import { invalid } from './errors';
import { checkLabels } from './names';
import { checkTarget } from './scrape';
import { DISCOVERY_KEYS, DiscoveryKind, sanitizeLabelName } from './service-discovery-labels';

// Field names, defaults and checks follow Prometheus' configuration reference (docs/configuration/configuration.md,
// 3.x) and its loaders (discovery/{moby,file,dns,http,kubernetes}/*.go `UnmarshalYAML`/`Validate`).

/** The Docker daemon Prometheus asks when `host` is not given (the socket the DockerHostTarget mounts). */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/** A Docker API filter, e.g. `{ name: 'label', values: ['prometheus.io/scrape=true'] }`. */
export interface DockerFilter {
  /** The filter's name (`label`, `name`, `network`, `status`, ...; Docker Engine API, GET /containers/json). */
  readonly name: string;
  /** Values, any of which matches. */
  readonly values: readonly string[];
}

/** Options of {@link Discovery.docker}. */
export interface DockerDiscoveryOptions {
  /**
   * Only containers with this label (`key=value`, or a bare key) are scraped; the library adds the Docker filter.
   * @default "prometheus.io/scrape=true"
   */
  readonly label?: string;
  /**
   * A container label holding the port to scrape: the target becomes `<container IP>:<label value>`. Without the
   * label on a container, its exposed ports are scraped.
   * @default "prometheus.io/port"
   */
  readonly portLabel?: string;
  /** A container label holding the metrics path. Without it on a container, the job's `metricsPath`. @default "prometheus.io/path" */
  readonly pathLabel?: string;
  /** Keep only targets on this Docker network (the one Prometheus shares with the containers). @default - every network */
  readonly network?: string;
  /**
   * The Docker daemon: a `unix://` socket (mounted read-only into Prometheus on a DockerHostTarget) or a
   * `tcp://`/`http://` address, e.g. a read-only Docker API proxy.
   * @default "unix:///var/run/docker.sock"
   */
  readonly host?: string;
  /** The port of containers that expose none (Prometheus' `port`). @default 80 */
  readonly defaultPort?: number;
  /** More Docker API filters. @default [] */
  readonly filters?: readonly DockerFilter[];
  /** How often the container list is refreshed. @default - Prometheus' 60s */
  readonly refreshInterval?: Duration | string;
  /**
   * Add the label filter (`label`) and the relabel rules for `network`, `portLabel`, `pathLabel` and the `container`
   * label. Off, the job gets only the `filters` given and its own `relabelConfigs` (as imported jobs do).
   * @default true
   */
  readonly libraryRelabeling?: boolean;
}

/** A group of targets written into a file for `file_sd_configs`. */
export interface TargetGroup {
  /** `host:port` targets. */
  readonly targets: readonly string[];
  /** Labels of these targets. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Options of {@link Discovery.files}. */
export interface FileDiscoveryOptions {
  /**
   * Target groups the library writes into a JSON file next to prometheus.yml (`file_sd/<job>.json`), loaded with the
   * config. Give this or `paths`.
   * @default - none
   */
  readonly targetGroups?: readonly TargetGroup[];
  /**
   * Files you manage, as Prometheus sees them: absolute paths ending in `.json`, `.yml` or `.yaml`; `*` allowed in
   * the last element. On a DockerHostTarget each file's directory on the host is mounted read-only at the same path.
   * @default - none
   */
  readonly paths?: readonly string[];
  /** How often the files are re-read (they are also watched). @default - Prometheus' 5m */
  readonly refreshInterval?: Duration | string;
}

/** DNS record types Prometheus' `dns_sd_configs` query. */
export const DNS_RECORD_TYPES = ['SRV', 'A', 'AAAA', 'MX', 'NS'] as const;
/** A DNS record type. */
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/** Options of {@link Discovery.dns}. */
export interface DnsDiscoveryOptions {
  /** DNS names to query, e.g. `['_metrics._tcp.api.internal']` for SRV or `['api.internal']` for A. */
  readonly names: readonly string[];
  /** Record type. @default "SRV" */
  readonly type?: DnsRecordType;
  /** Port of the targets; required for every type but SRV (SRV records carry it). @default - none */
  readonly port?: number;
  /** How often the names are resolved. @default - Prometheus' 30s */
  readonly refreshInterval?: Duration | string;
}

/** Options of {@link Discovery.http}. */
export interface HttpDiscoveryOptions {
  /** An http(s) URL answering a JSON list of target groups (`[{"targets": [...], "labels": {...}}]`). */
  readonly url: string;
  /** How often the URL is fetched. @default - Prometheus' 60s */
  readonly refreshInterval?: Duration | string;
}

/** Kubernetes roles of `kubernetes_sd_configs`. */
export const KUBERNETES_ROLES = ['node', 'service', 'pod', 'endpoints', 'endpointslice', 'ingress'] as const;
/** A Kubernetes role. */
export type KubernetesRole = (typeof KUBERNETES_ROLES)[number];

/** Options of {@link Discovery.kubernetes}. */
export interface KubernetesDiscoveryOptions {
  /** What to discover. */
  readonly role: KubernetesRole;
  /** Namespaces to watch. @default - every namespace */
  readonly namespaces?: readonly string[];
  /** A label selector for the role's objects, e.g. `app.kubernetes.io/name=api`. @default - none */
  readonly labelSelector?: string;
  /** A field selector for the role's objects, e.g. `status.phase=Running`. @default - none */
  readonly fieldSelector?: string;
}

/** A validated discovery mechanism, as prometheus.yml renders it. */
export type DiscoveryModel =
  | {
      readonly kind: 'docker';
      readonly host: string;
      readonly port?: number;
      readonly filters: readonly DockerFilter[];
      readonly refreshInterval?: Duration;
    }
  | {
      readonly kind: 'file';
      /** Target groups rendered into a file next to prometheus.yml. */
      readonly targetGroups?: readonly TargetGroup[];
      /** Paths the user manages. */
      readonly paths?: readonly string[];
      readonly refreshInterval?: Duration;
    }
  | { readonly kind: 'dns'; readonly names: readonly string[]; readonly type: DnsRecordType; readonly port?: number; readonly refreshInterval?: Duration }
  | { readonly kind: 'http'; readonly url: string; readonly refreshInterval?: Duration }
  | {
      readonly kind: 'kubernetes';
      readonly role: KubernetesRole;
      readonly namespaces?: readonly string[];
      readonly labelSelector?: string;
      readonly fieldSelector?: string;
    };

/** What a Discovery adds to its job besides the `*_sd_configs` entry: relabel rules that come first. */
export interface DiscoveryRelabel {
  readonly sourceLabels?: string[];
  readonly regex?: string;
  readonly targetLabel?: string;
  readonly replacement?: string;
  readonly action?: 'replace' | 'keep';
}

/**
 * How a ServiceScrape finds its targets when they are not a fixed list: Docker containers by label, target files,
 * DNS, an HTTP endpoint, or (on the AWS target's EKS scraper) Kubernetes.
 *
 * ```ts
 * new ServiceScrape(monitoring, 'containers', { discovery: Discovery.docker({ network: 'app' }) });
 * ```
 */
export class Discovery {
  /**
   * Docker containers found through the Docker API by label (`prometheus.io/scrape=true`), scraped on the port and
   * path their `prometheus.io/port` and `prometheus.io/path` labels name. On a DockerHostTarget the Docker socket is
   * mounted read-only into Prometheus (see `DockerHostTargetProps.dockerSocket`).
   */
  public static docker(options: DockerDiscoveryOptions = {}): Discovery {
    return new Discovery('docker', options);
  }

  /** Targets from files: target groups the library writes, or files you manage (`paths`). */
  public static files(options: FileDiscoveryOptions): Discovery {
    return new Discovery('file', options);
  }

  /** Targets from DNS records (SRV by default; A, AAAA, MX and NS with a `port`). */
  public static dns(options: DnsDiscoveryOptions): Discovery {
    return new Discovery('dns', options);
  }

  /** Targets from an HTTP endpoint answering target groups as JSON. */
  public static http(options: HttpDiscoveryOptions): Discovery {
    return new Discovery('http', options);
  }

  /** Kubernetes objects: only on an AwsManagedTarget's EKS scraper (AMP's managed collector), which discovers in the cluster. */
  public static kubernetes(options: KubernetesDiscoveryOptions): Discovery {
    return new Discovery('kubernetes', options);
  }

  private constructor(
    /** The mechanism. */
    public readonly kind: DiscoveryKind,
    /** The options as given. */
    public readonly options: DockerDiscoveryOptions | FileDiscoveryOptions | DnsDiscoveryOptions | HttpDiscoveryOptions | KubernetesDiscoveryOptions,
  ) {}

  /** The prometheus.yml key, e.g. `docker_sd_configs`. */
  public get key(): string {
    return DISCOVERY_KEYS[this.kind];
  }
}

const DNS_NAME = /^[a-zA-Z0-9_]([a-zA-Z0-9_-]*[a-zA-Z0-9_])?(\.[a-zA-Z0-9_]([a-zA-Z0-9_-]*[a-zA-Z0-9_])?)*\.?$/;
const LABEL_FILTER = /^[^=\s]+(=[^\s]*)?$/;

function refresh(value: Duration | string | undefined, where: string, field: string): Duration | undefined {
  if (value === undefined) return undefined;
  const d = Duration.from(value, where, field);
  if (d.toMilliseconds() === 0) throw invalid(where, field, d.toPrometheus(), 'a duration > 0');
  return d;
}

function checkPort(port: unknown, where: string, field: string): void {
  if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) throw invalid(where, field, port, 'a port between 1 and 65535');
}

function checkKeys(options: object, allowed: readonly string[], where: string, field: string, kind: string): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw invalid(where, `${field}.${key}`, key, `an option of Discovery.${kind}: one of ${allowed.join(', ')}`);
  }
}

/** Validates one Discovery; `field` is e.g. `discovery[0]`. */
export function buildDiscovery(discovery: Discovery, where: string, field: string): DiscoveryModel {
  if (!(discovery instanceof Discovery)) {
    throw invalid(where, field, discovery, 'a Discovery: Discovery.docker(...), Discovery.files(...), Discovery.dns(...), Discovery.http(...) or Discovery.kubernetes(...)');
  }
  const o: object = discovery.options;
  if (o === null || typeof o !== 'object') throw invalid(where, field, o, `options for Discovery.${discovery.kind}`);
  const f = `${field} (${discovery.kind})`;
  switch (discovery.kind) {
    case 'docker':
      return buildDocker(o as DockerDiscoveryOptions, where, f);
    case 'file':
      return buildFiles(o as FileDiscoveryOptions, where, f);
    case 'dns': {
      const d = o as DnsDiscoveryOptions;
      checkKeys(d, ['names', 'type', 'port', 'refreshInterval'], where, f, 'dns');
      if (!Array.isArray(d.names) || d.names.length === 0) throw invalid(where, `${f}.names`, d.names, 'a non-empty list of DNS names');
      d.names.forEach((n, i) => {
        if (typeof n !== 'string' || !DNS_NAME.test(n)) throw invalid(where, `${f}.names[${i}]`, n, 'a DNS name such as "_metrics._tcp.api.internal" or "api.internal"');
      });
      const type = d.type ?? 'SRV';
      if (!(DNS_RECORD_TYPES as readonly string[]).includes(type)) throw invalid(where, `${f}.type`, type, `one of ${DNS_RECORD_TYPES.join(', ')}`);
      if (d.port !== undefined) checkPort(d.port, where, `${f}.port`);
      // discovery/dns/dns.go: "a port is required in DNS-SD configs for all record types except SRV".
      if (type !== 'SRV' && d.port === undefined) throw invalid(where, `${f}.port`, undefined, `a port: ${type} records carry no port (only SRV records do)`);
      return { kind: 'dns', names: [...d.names], type, port: d.port, refreshInterval: refresh(d.refreshInterval, where, `${f}.refreshInterval`) };
    }
    case 'http': {
      const h = o as HttpDiscoveryOptions;
      checkKeys(h, ['url', 'refreshInterval'], where, f, 'http');
      checkUrlHasNoSecret(h.url, where, `${f}.url`, 'no credential in the URL: it is written into prometheus.yml');
      // discovery/http/http.go: "URL scheme must be 'http' or 'https'" and "host is missing in URL".
      if (typeof h.url !== 'string' || !/^https?:\/\/[^/\s?#]+([/?#]\S*)?$/.test(h.url)) {
        throw invalid(where, `${f}.url`, h.url, 'an http:// or https:// URL with a host, e.g. "http://sd.internal:8080/targets"');
      }
      return { kind: 'http', url: h.url, refreshInterval: refresh(h.refreshInterval, where, `${f}.refreshInterval`) };
    }
    case 'kubernetes': {
      const k = o as KubernetesDiscoveryOptions;
      checkKeys(k, ['role', 'namespaces', 'labelSelector', 'fieldSelector'], where, f, 'kubernetes');
      if (!(KUBERNETES_ROLES as readonly string[]).includes(k.role)) throw invalid(where, `${f}.role`, k.role, `one of ${KUBERNETES_ROLES.join(', ')}`);
      (k.namespaces ?? []).forEach((n, i) => {
        if (typeof n !== 'string' || !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(n)) throw invalid(where, `${f}.namespaces[${i}]`, n, 'a Kubernetes namespace name (lowercase letters, digits, "-")');
      });
      for (const key of ['labelSelector', 'fieldSelector'] as const) {
        const v = k[key];
        if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) throw invalid(where, `${f}.${key}`, v, 'a non-empty Kubernetes selector, e.g. "app=api"');
      }
      return { kind: 'kubernetes', role: k.role, namespaces: k.namespaces ? [...k.namespaces] : undefined, labelSelector: k.labelSelector, fieldSelector: k.fieldSelector };
    }
  }
}

function buildDocker(d: DockerDiscoveryOptions, where: string, f: string): DiscoveryModel {
  checkKeys(d, ['label', 'portLabel', 'pathLabel', 'network', 'host', 'defaultPort', 'filters', 'refreshInterval', 'libraryRelabeling'], where, f, 'docker');
  const managed = d.libraryRelabeling !== false;
  if (!managed) {
    for (const key of ['label', 'portLabel', 'pathLabel', 'network'] as const) {
      if (d[key] !== undefined) throw invalid(where, `${f}.${key}`, d[key], 'no label-based option with libraryRelabeling: false (filter with `filters`, relabel with the job\'s relabelConfigs)');
    }
  }
  const host = d.host ?? DEFAULT_DOCKER_HOST;
  if (typeof host !== 'string' || !/^(unix:\/\/\/\S+|(tcp|http|https):\/\/[^/\s]+\/?)$/.test(host)) {
    throw invalid(where, `${f}.host`, host, 'a Docker daemon address: "unix:///var/run/docker.sock" or "tcp://docker-socket-proxy:2375"');
  }
  checkUrlHasNoSecret(host, where, `${f}.host`, 'no credential in the Docker address: it is written into prometheus.yml');
  const label = d.label ?? 'prometheus.io/scrape=true';
  if (typeof label !== 'string' || !LABEL_FILTER.test(label)) throw invalid(where, `${f}.label`, label, 'a container label filter: "key=value" or "key", e.g. "prometheus.io/scrape=true"');
  for (const key of ['portLabel', 'pathLabel'] as const) {
    const v = d[key];
    if (v !== undefined && (typeof v !== 'string' || !/^[^=\s]+$/.test(v))) throw invalid(where, `${f}.${key}`, v, 'a container label key, e.g. "prometheus.io/port"');
  }
  if (d.network !== undefined && (typeof d.network !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(d.network))) {
    throw invalid(where, `${f}.network`, d.network, 'the name of a Docker network');
  }
  if (d.defaultPort !== undefined) checkPort(d.defaultPort, where, `${f}.defaultPort`);
  const filters = d.filters ?? [];
  if (!Array.isArray(filters)) throw invalid(where, `${f}.filters`, filters, 'a list of { name, values } Docker filters');
  filters.forEach((filter, i) => {
    if (!filter || typeof filter.name !== 'string' || !/^[a-z_-]+$/.test(filter.name)) {
      throw invalid(where, `${f}.filters[${i}].name`, filter?.name, 'a Docker container filter name such as "label", "name" or "network"');
    }
    if (!Array.isArray(filter.values) || filter.values.length === 0 || filter.values.some((v: unknown) => typeof v !== 'string' || v === '')) {
      throw invalid(where, `${f}.filters[${i}].values`, filter.values, 'a non-empty list of non-empty strings');
    }
  });
  return {
    kind: 'docker',
    host,
    port: d.defaultPort,
    filters: [...(managed ? [{ name: 'label', values: [label] }] : []), ...filters.map((x) => ({ name: x.name, values: [...x.values] }))],
    refreshInterval: refresh(d.refreshInterval, where, `${f}.refreshInterval`),
  };
}

function buildFiles(o: FileDiscoveryOptions, where: string, f: string): DiscoveryModel {
  checkKeys(o, ['targetGroups', 'paths', 'refreshInterval'], where, f, 'files');
  if ((o.targetGroups === undefined) === (o.paths === undefined)) {
    throw invalid(where, f, o.targetGroups === undefined ? 'neither targetGroups nor paths' : 'both targetGroups and paths', 'either targetGroups (written by the library) or paths (files you manage)');
  }
  const refreshInterval = refresh(o.refreshInterval, where, `${f}.refreshInterval`);
  if (o.targetGroups !== undefined) {
    if (!Array.isArray(o.targetGroups) || o.targetGroups.length === 0) throw invalid(where, `${f}.targetGroups`, o.targetGroups, 'a non-empty list of { targets, labels }');
    o.targetGroups.forEach((g, i) => {
      const gf = `${f}.targetGroups[${i}]`;
      if (!g || !Array.isArray(g.targets) || g.targets.length === 0) throw invalid(where, `${gf}.targets`, g?.targets, 'a non-empty list of "host:port" targets');
      g.targets.forEach((t: string, j: number) => checkTarget(t, where, `${gf}.targets[${j}]`));
      checkLabels(g.labels, where, `${gf}.labels`);
    });
    return { kind: 'file', targetGroups: o.targetGroups.map((g) => ({ targets: [...g.targets], labels: g.labels ? { ...g.labels } : undefined })), refreshInterval };
  }
  if (!Array.isArray(o.paths) || o.paths.length === 0) throw invalid(where, `${f}.paths`, o.paths, 'a non-empty list of file paths');
  o.paths.forEach((p, i) => {
    // discovery/file/file.go: patterns must end in .json, .yml or .yaml, with a glob only in the last path element.
    const ok = typeof p === 'string' && /^\/([^*\s]+\/)*[^/\s]*\.(json|ya?ml)$/.test(p) && !/[?[]/.test(p.split('/').slice(0, -1).join('/'));
    if (!ok) {
      throw invalid(where, `${f}.paths[${i}]`, p, 'an absolute path ending in .json, .yml or .yaml, with "*" only in the file name, e.g. "/etc/prometheus/targets/*.json"');
    }
  });
  return { kind: 'file', paths: [...o.paths], refreshInterval };
}

/** The label key (`prometheus.io/port`) as a Docker SD meta label. */
function dockerLabel(key: string): string {
  return `__meta_docker_container_label_${sanitizeLabelName(key)}`;
}

/**
 * The relabel rules `Discovery.docker` puts before the job's own: keep one network's targets, scrape the port and
 * path the container's labels name, and label each target with its container's name (`container`).
 */
export function dockerRelabelRules(options: DockerDiscoveryOptions): DiscoveryRelabel[] {
  const rules: DiscoveryRelabel[] = [];
  if (options.libraryRelabeling === false) return rules;
  if (options.network !== undefined) rules.push({ sourceLabels: ['__meta_docker_network_name'], regex: escapeRegex(options.network), action: 'keep' });
  rules.push({
    sourceLabels: ['__meta_docker_network_ip', dockerLabel(options.portLabel ?? 'prometheus.io/port')],
    regex: '(.+);(\\d+)',
    targetLabel: '__address__',
    replacement: '$1:$2',
  });
  rules.push({ sourceLabels: [dockerLabel(options.pathLabel ?? 'prometheus.io/path')], regex: '(/.*)', targetLabel: '__metrics_path__' });
  rules.push({ sourceLabels: ['__meta_docker_container_name'], regex: '/?(.*)', targetLabel: 'container' });
  return rules;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where target files rendered from `Discovery.files({ targetGroups })` go, relative to prometheus.yml. */
export const FILE_SD_DIR = 'file_sd';

/** The target file of a job's `index`-th file discovery, relative to prometheus.yml. */
export function fileSdPath(job: Pick<ScrapeJobModel, 'jobName' | 'discovery'>, index: number): string {
  const files = (job.discovery ?? []).filter((d) => d.kind === 'file' && d.targetGroups);
  const name = job.jobName.replace(/[^a-zA-Z0-9_.-]/g, '_');
  return `${FILE_SD_DIR}/${name}${files.length > 1 ? `-${index}` : ''}.json`;
}
