import { Construct } from 'constructs';
import { Duration } from '../model/duration';
import { describeConstruct } from '../model/errors';
import { BasicAuth, buildScrapeJob, DEFAULT_FALLBACK_SCRAPE_PROTOCOL, RelabelRule, ScrapeJobModel, ScrapeProtocol, ScrapeTls } from '../model/scrape';
import { Secret } from '../model/secret';
import { Discovery } from '../model/service-discovery';
import { invalid } from '../model/errors';
import { checkValueObjects } from '../model/value-objects';
import { importedScrapeJobs } from './prometheus-import';
import { BLACKBOX, BlackboxProbeOptions, buildBlackboxModule, checkProbeUrls, Exporter, exporterDeployment } from '../model/exporters';
import { renderedName } from './construct-name';
import { MonitoringStack } from './monitoring-stack';

/** Props of {@link ServiceScrape}. */
export interface ServiceScrapeProps {
  /**
   * `host:port` addresses to scrape, e.g. `['api:8000']`. Hosts are container names on the attached networks.
   * @default - required unless `exporter` or `discovery` is given
   */
  readonly targets?: readonly string[];
  /**
   * How Prometheus finds the targets instead of (or besides) a fixed list: `Discovery.docker()` (containers labelled
   * `prometheus.io/scrape=true`), `Discovery.files(...)`, `Discovery.dns(...)`, `Discovery.http(...)`, or
   * `Discovery.kubernetes(...)` for an AWS target's EKS scraper. See docs/service-discovery.md.
   * @default - none: `targets` only
   */
  readonly discovery?: Discovery | readonly Discovery[];
  /**
   * An exporter to deploy and scrape instead of `targets`: `Exporter.postgres({...})`, `Exporter.redis({...})`,
   * or `Exporter.blackbox({ urls })` for HTTP health probes.
   * @default - none: `targets` serve their own /metrics
   */
  readonly exporter?: Exporter;
  /**
   * The job's name, unique in the environment: the `job` label, and the name of the exporter's container when there
   * is one. Set it when the construct id is taken, e.g. `new ServiceScrape(monitoring, 'postgres-scrape', { name: 'postgres', ... })`
   * next to an AlertGroup `postgres`.
   * @default - `jobName`, else the construct id
   */
  readonly name?: string;
  /** The same as `name` (the importers return it under this name). @default - `name`, else the construct id */
  readonly jobName?: string;
  /** Path of the metrics endpoint. @default "/metrics" */
  readonly metricsPath?: string;
  /** `http` or `https`. @default "http" */
  readonly scheme?: 'http' | 'https';
  /** Scrape interval. @default - the environment's scrape interval (15s) */
  readonly interval?: Duration | string;
  /** Scrape timeout; at most the interval. @default - the environment's scrape timeout (10s) */
  readonly timeout?: Duration | string;
  /** Labels added to every series of these targets (e.g. `{ team: 'payments' }`). @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** URL query parameters, e.g. `{ module: ['http_2xx'] }`. @default {} */
  readonly params?: Readonly<Record<string, readonly string[]>>;
  /** Keep the target's own `job`/`instance` labels on conflict (for federation and push gateways). @default false */
  readonly honorLabels?: boolean;
  /** HTTP basic auth; the password is read from a file. @default - none */
  readonly basicAuth?: BasicAuth;
  /** Bearer token, read from a file. @default - none */
  readonly bearerToken?: Secret;
  /** TLS settings for `https`. @default - system roots, verification on */
  readonly tls?: ScrapeTls;
  /** Relabeling before the scrape (`relabel_configs`). @default [] */
  readonly relabelConfigs?: readonly RelabelRule[];
  /** Relabeling of scraped samples (`metric_relabel_configs`), e.g. to drop expensive series. @default [] */
  readonly metricRelabelConfigs?: readonly RelabelRule[];
  /**
   * How Prometheus parses a response that names no format (no or an unknown Content-Type): Prometheus 3 fails
   * such scrapes unless this is set. Your own `targets` may be hand-written endpoints, so they get the Prometheus
   * text format; an `exporter` sends its Content-Type and gets none.
   * @default "PrometheusText0.0.4" for `targets`; none for an `exporter`
   */
  readonly fallbackScrapeProtocol?: ScrapeProtocol;
}

/**
 * One Prometheus scrape job: a service whose `/metrics` endpoint Prometheus scrapes.
 *
 * ```ts
 * new ServiceScrape(monitoring, 'api', { targets: ['api:8000'], interval: Duration.seconds(10) });
 * ```
 */
export class ServiceScrape extends Construct {
  /**
   * Creates one ServiceScrape per `scrape_configs` job of an existing prometheus.yml, with the same validation as
   * typed input. Construct ids are `job-<job_name>` (never the id of a construct the library adds, such as `docker`).
   * The file's `global` applies: each job keeps the interval and timeout it had (Prometheus' defaults 1m/10s where the
   * file sets none) when the stack's differ, and a warning at synth (`imported-settings`) names what cannot be applied
   * per job: the evaluation interval and external labels. To make the file's `global` the stack's defaults, pass
   * `importScrapeConfigs(text, where).settings` as the MonitoringStack's `prometheus` prop.
   */
  public static fromPrometheusConfig(scope: Construct, yamlText: string, source = 'prometheus.yml'): ServiceScrape[] {
    return importedScrapeJobs(scope, yamlText, source).map(({ id, job }) => new ServiceScrape(scope, id, job));
  }

  /** The validated job, as rendered into prometheus.yml. */
  public readonly job: ScrapeJobModel;

  constructor(scope: Construct, id: string, props: ServiceScrapeProps) {
    super(scope, id);
    const monitoring = MonitoringStack.of(this, 'ServiceScrape');
    const where = describeConstruct('ServiceScrape', this.node.path);
    checkValueObjects(props, where);
    const jobName = renderedName(where, id, props.name, { field: 'jobName', value: props.jobName });
    this.job = props.exporter
      ? this.exporterJob(monitoring, props, jobName, where)
      : buildScrapeJob(
        {
          ...props,
          targets: props.targets ?? [],
          discovery: props.discovery === undefined ? undefined : props.discovery instanceof Discovery ? [props.discovery] : props.discovery,
          jobName,
          fallbackScrapeProtocol: props.fallbackScrapeProtocol ?? DEFAULT_FALLBACK_SCRAPE_PROTOCOL,
        },
        where,
      );
    if (this.job.basicAuth) monitoring.requireSecret(this.job.basicAuth.password, 'prometheus', where);
    if (this.job.bearerToken) monitoring.requireSecret(this.job.bearerToken, 'prometheus', where);
    monitoring.model.addScrapeJob(this.job);
  }

  private exporterJob(monitoring: MonitoringStack, props: ServiceScrapeProps, jobName: string, where: string): ScrapeJobModel {
    const exporter = props.exporter!;
    if (!(exporter instanceof Exporter)) {
      throw invalid(where, 'exporter', exporter, 'an Exporter such as Exporter.postgres({...}), Exporter.redis({...}) or Exporter.blackbox({ urls })');
    }
    if (props.discovery !== undefined) {
      throw invalid(where, 'discovery', '(set)', 'no discovery when an exporter is given (the exporter is the target); use a second ServiceScrape for discovered targets');
    }
    if (props.targets !== undefined) {
      throw invalid(where, 'targets', props.targets, 'no targets when an exporter is given (the exporter is the target; for probes list `exporter.urls`)');
    }
    if (exporter.kind === 'blackbox') {
      const options = exporter.options as BlackboxProbeOptions;
      checkProbeUrls(options.urls, where);
      const module = buildBlackboxModule(options.module, where);
      monitoring.model.addBlackboxModule(module, where);
      monitoring.requireExporter(
        { kind: 'blackbox', name: BLACKBOX.name, port: BLACKBOX.port, args: [], environment: {}, secretFiles: [] },
        where,
      );
      // The probe URL becomes the `target` parameter and the `instance` label; the exporter is the address.
      return buildScrapeJob(
        {
          ...props,
          discovery: undefined,
          jobName,
          targets: options.urls,
          probe: true,
          metricsPath: '/probe',
          params: { module: [module.name] },
          relabelConfigs: [
            { sourceLabels: ['__address__'], targetLabel: '__param_target' },
            { sourceLabels: ['__param_target'], targetLabel: 'instance' },
            { targetLabel: '__address__', replacement: `${BLACKBOX.name}:${BLACKBOX.port}` },
            ...(props.relabelConfigs ?? []),
          ],
        },
        where,
      );
    }
    const deployment = exporterDeployment(exporter, jobName, where);
    monitoring.model.addExporter(deployment, where);
    monitoring.requireExporter(deployment, where);
    return buildScrapeJob({ ...props, discovery: undefined, jobName, targets: [`${deployment.name}:${deployment.port}`] }, where);
  }

  /** The job name (the `job` label of every series it scrapes). */
  public get jobName(): string {
    return this.job.jobName;
  }
}
