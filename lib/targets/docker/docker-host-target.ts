import { createHash } from 'crypto';
import { Fn, Lazy, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { Container } from '@cdktf/provider-docker/lib/container';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Volume } from '@cdktf/provider-docker/lib/volume';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Password } from '@cdktf/provider-random/lib/password';
import { describeConstruct, invalid, MonitoringConfigError } from '../../model/errors';
import { CONFIG_ROOT, Component, componentOf, containerPathOf } from '../../model/layout';
import { buildScrapeJob } from '../../model/scrape';
import { ExporterDeployment } from '../../model/exporters';
import { agentHostMounts, alloyContainer, lokiContainer, promtailContainer } from '../../model/logs/containers';
import { LOKI_HOST } from '../../render/environment-files';
import { Secret, SECRETS_DIR } from '../../model/secret';
import { RenderedFiles } from '../../render/environment-files';
import { prometheusFlags } from '../../render/prometheus-config';
import { MonitoringStack } from '../../constructs/monitoring-stack';
import { IMonitoringTarget } from '../../constructs/target';
import { escapeTerraformTemplate } from '../terraform-escape';
import { secretDescription, secretVariable } from '../secret-variable';
import { hardenedContainer, httpHealthcheck } from './hardening';
import { nodeExporterSettings } from './node-exporter';
import { DEFAULT_IMAGES, DEFAULT_MEMORY_MB, DockerComponent, isPinned } from './images';

/** Host ports the UIs and APIs are published on. `false` publishes nothing. */
export interface DockerHostPorts {
  /** Loki's port on the host (when a LogPipeline exists). @default 3100 */
  readonly loki?: number | false;
  /** Prometheus' port on the host. @default 9090 */
  readonly prometheus?: number | false;
  /** Alertmanager's port on the host. @default 9093 */
  readonly alertmanager?: number | false;
  /** Grafana's port on the host. @default 3000 */
  readonly grafana?: number | false;
}

/** Props of {@link DockerHostTarget}. */
export interface DockerHostTargetProps {
  /**
   * Existing Docker networks Prometheus joins so it reaches your services by name (e.g. `api:8000`); Alertmanager
   * and the exporters join them too, to reach webhook receivers, databases and probed endpoints.
   * @default []
   */
  readonly attachNetworks?: readonly string[];
  /**
   * Host address ports are published on. Keep loopback and put a reverse proxy with TLS in front to open them.
   * @default "127.0.0.1"
   */
  readonly bindAddress?: string;
  /** Host ports. @default - Prometheus 9090, Alertmanager 9093, Grafana 3000 */
  readonly hostPorts?: DockerHostPorts;
  /** Image overrides (pinned tags or digests only). @default - the pinned images in DEFAULT_IMAGES */
  readonly images?: Partial<Record<DockerComponent, string>>;
  /** Memory limits in MiB. @default - DEFAULT_MEMORY_MB */
  readonly memoryMb?: Partial<Record<DockerComponent, number>>;
  /**
   * Run Grafana on the host. Turn it off when dashboards live in an existing Grafana (`GrafanaTarget`).
   * @default true
   */
  readonly grafana?: boolean;
  /**
   * Grafana-managed alerting: Grafana evaluates the environment's alerting rules (provisioned from files, converted
   * like Grafana's own importer does) and sends them to the environment's Alertmanager, so routing stays in
   * alertmanager.yml. Prometheus keeps evaluating the rules for its UI and recording rules, but sends no alerts.
   * For teams that want alert state, history and silencing in Grafana's UI.
   * @default false (Prometheus evaluates and sends alerts)
   */
  readonly grafanaManagedAlerts?: boolean;
  /** Memory limits of the log containers in MiB. @default - Loki 1024, agent 256 */
  readonly logMemoryMb?: { readonly loki?: number; readonly agent?: number };
  /** Run node-exporter for host metrics. @default true */
  readonly nodeExporter?: boolean;
  /** Run cAdvisor for container metrics. @default true */
  readonly cadvisor?: boolean;
  /** The Docker provider to use. @default - the stack's existing DockerProvider, else a new one for the local Docker socket */
  readonly provider?: DockerProvider;
}

interface FileUpload {
  readonly file: string;
  readonly content: string;
}

/** Per-component views of one rendering (see `DockerHost.derivedFiles`). */
interface DerivedFiles {
  readonly files: RenderedFiles;
  readonly byComponent: Map<Component, [string, string][]>;
  readonly hashes: Map<Component, string>;
  readonly uploads: Map<Component, FileUpload[]>;
}

const PORTS = { prometheus: 9090, alertmanager: 9093, grafana: 3000, nodeExporter: 9100, cadvisor: 8080, loki: 3100 } as const;
const ALIASES: Record<DockerComponent, string> = {
  prometheus: 'prometheus',
  alertmanager: 'alertmanager',
  grafana: 'grafana',
  nodeExporter: 'node-exporter',
  cadvisor: 'cadvisor',
  postgresExporter: 'postgres-exporter',
  redisExporter: 'redis-exporter',
  blackboxExporter: 'blackbox-exporter',
};
const GRAFANA_ADMIN_PASSWORD_FILE = `${SECRETS_DIR}/grafana_admin_password`;

/**
 * Runs the environment's monitoring as containers on one Docker host (kreuzwerker/docker provider):
 * Prometheus, Alertmanager, Grafana, node-exporter and cAdvisor on a dedicated network, with named data volumes
 * that survive `terraform destroy` (`prevent_destroy`), pinned images, healthchecks, hardened containers and
 * ports on 127.0.0.1.
 *
 * Rendered configs are uploaded into a per-component config volume whose name carries a hash of the files:
 * any config change creates a fresh volume and replaces the container, so no stale rule file or dashboard
 * survives, and the containers' root filesystems stay read-only.
 */
export class DockerHostTarget implements IMonitoringTarget {
  public readonly kind = 'DockerHostTarget';
  /** True unless Grafana is left off the host. */
  public readonly provisionsGrafana: boolean;
  private readonly props: DockerHostTargetProps;
  private readonly images: Record<DockerComponent, string>;
  private readonly memory: Record<DockerComponent, number>;
  private host?: DockerHost;

  constructor(props: DockerHostTargetProps = {}) {
    const where = 'DockerHostTarget';
    this.props = props;
    this.provisionsGrafana = props.grafana !== false;
    this.images = { ...DEFAULT_IMAGES, ...(props.images ?? {}) };
    for (const [component, image] of Object.entries(this.images)) {
      if (typeof image !== 'string' || !isPinned(image)) {
        throw invalid(where, `images.${component}`, image, 'a pinned image: a tag other than "latest" (e.g. "prom/prometheus:v2.55.1") or a @sha256 digest');
      }
    }
    this.memory = { ...DEFAULT_MEMORY_MB, ...(props.memoryMb ?? {}) };
    for (const [component, mb] of Object.entries(this.memory)) {
      if (!Number.isInteger(mb) || mb < 16) throw invalid(where, `memoryMb.${component}`, mb, 'a whole number of MiB ≥ 16');
    }
    const bind = props.bindAddress ?? '127.0.0.1';
    if (!/^(\d{1,3}\.){3}\d{1,3}$/.test(bind) && bind !== '::1' && bind !== '::') {
      throw invalid(where, 'bindAddress', bind, 'an IP address such as "127.0.0.1"');
    }
    for (const [component, port] of Object.entries(props.hostPorts ?? {})) {
      if (port !== false && (!Number.isInteger(port) || port < 1 || port > 65535)) {
        throw invalid(where, `hostPorts.${component}`, port, 'a port between 1 and 65535, or false');
      }
    }
    if (props.grafanaManagedAlerts && props.grafana === false) {
      throw invalid(where, 'grafanaManagedAlerts', true, 'a Grafana on the host (grafana: true) to evaluate the rules, or a GrafanaTarget with manage.alertRules for an existing Grafana');
    }
    (props.attachNetworks ?? []).forEach((network, i) => {
      if (typeof network !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(network)) {
        throw invalid(where, `attachNetworks[${i}]`, network, 'the name of an existing Docker network');
      }
    });
  }

  /** @internal */
  public bind(monitoring: MonitoringStack): void {
    if (this.host) {
      throw new MonitoringConfigError(
        describeConstruct('MonitoringStack', monitoring.node.path),
        'target',
        `this DockerHostTarget is already used by ${this.host.node.scope!.node.path}; expected a new DockerHostTarget per environment`,
      );
    }
    this.host = new DockerHost(monitoring, 'docker', { ...this.props, images: this.images, memory: this.memory });
  }

  /** @internal */
  public provideSecret(secret: Secret, component: Component, requestedBy: string): void {
    this.host?.provideSecret(secret, component, requestedBy);
  }

  /** @internal */
  public deployExporter(deployment: ExporterDeployment, requestedBy: string): void {
    this.host?.deployExporter(deployment, requestedBy);
  }

  /** @internal */
  public deployLogs(): void {
    this.host?.deployLogs();
  }
}

interface DockerHostProps extends DockerHostTargetProps {
  readonly images: Record<DockerComponent, string>;
  readonly memory: Record<DockerComponent, number>;
}

/** The resources of a {@link DockerHostTarget}. */
interface ContainerHelpers {
  image(component: DockerComponent): string;
  dataVolume(component: DockerComponent): string;
  configVolume(component: Component): string;
  ports(component: keyof DockerHostPorts): { internal: number; external: number; ip: string }[] | undefined;
  name(component: DockerComponent): string;
  networks(alias: string, extra?: readonly string[]): { name: string; aliases?: string[] }[];
}

class DockerHost extends Construct {
  private readonly monitoring: MonitoringStack;
  private readonly props: DockerHostProps;
  private readonly secretUploads: Record<Component, Map<string, FileUpload>> = {
    prometheus: new Map(),
    alertmanager: new Map(),
    grafana: new Map(),
    blackbox: new Map(),
    exporters: new Map(),
    tests: new Map(),
    loki: new Map(),
    alloy: new Map(),
    promtail: new Map(),
  };
  private readonly provider: DockerProvider;
  private readonly network: Network;
  private derived?: DerivedFiles;
  private readonly images = new Map<DockerComponent, string>();

  constructor(monitoring: MonitoringStack, id: string, props: DockerHostProps) {
    super(monitoring, id);
    this.monitoring = monitoring;
    this.props = props;
    const env = monitoring.environmentName;
    const stack = TerraformStack.of(this);
    const provider = props.provider ?? stack.node.findAll().find((c): c is DockerProvider => c instanceof DockerProvider) ?? new DockerProvider(stack, 'docker', {});
    if (!stack.node.findAll().some((c) => c instanceof RandomProvider)) new RandomProvider(stack, 'random', {});

    const network = new Network(this, 'network', { provider, name: `${env}-monitoring`, driver: 'bridge' });
    this.provider = provider;
    this.network = network;
    const networks = (alias: string, extra: readonly string[] = []) => [
      { name: network.name, aliases: [alias] },
      ...extra.map((name) => ({ name })),
    ];
    const image = (component: DockerComponent) =>
      new Image(this, `${ALIASES[component]}-image`, { provider, name: props.images[component], keepLocally: true }).imageId;
    const dataVolume = (component: DockerComponent) =>
      new Volume(this, `${component}-data`, { provider, name: `${env}-${ALIASES[component]}-data`, lifecycle: { preventDestroy: true } }).name;
    const configVolume = (component: Component) =>
      new Volume(this, `${component}-config`, {
        provider,
        name: Lazy.stringValue({ produce: () => `${env}-${component}-config-${this.configHash(component)}` }),
      }).name;
    const ports = (component: keyof DockerHostPorts) => {
      const port = props.hostPorts?.[component] ?? PORTS[component];
      return port === false ? undefined : [{ internal: PORTS[component], external: port, ip: props.bindAddress ?? '127.0.0.1' }];
    };
    const name = (component: DockerComponent) => `${env}-${ALIASES[component]}`;

    // Prometheus: scrapes everything, evaluates rules, sends alerts to Alertmanager.
    monitoring.model.setAlertmanagers([`${ALIASES.alertmanager}:${PORTS.alertmanager}`]);
    new Container(this, 'prometheus', hardenedContainer(
      { name: name('prometheus'), image: image('prometheus'), memoryMb: props.memory.prometheus },
      {
        provider,
        command: Lazy.listValue({ produce: () => prometheusFlags(monitoring.model.prometheusModel(), `${CONFIG_ROOT}/prometheus.yml`, '/prometheus') }),
        volumes: [
          { volumeName: dataVolume('prometheus'), containerPath: '/prometheus' },
          { volumeName: configVolume('prometheus'), containerPath: CONFIG_ROOT },
        ],
        upload: this.uploads('prometheus'),
        networksAdvanced: networks(ALIASES.prometheus, props.attachNetworks),
        ports: ports('prometheus'),
        healthcheck: httpHealthcheck(`http://127.0.0.1:${PORTS.prometheus}/-/healthy`),
      },
    ));

    // Alertmanager: single instance, so the gossip cluster listener is switched off.
    new Container(this, 'alertmanager', hardenedContainer(
      { name: name('alertmanager'), image: image('alertmanager'), memoryMb: props.memory.alertmanager },
      {
        provider,
        command: [
          `--config.file=${CONFIG_ROOT}/alertmanager.yml`,
          '--storage.path=/alertmanager',
          `--web.listen-address=:${PORTS.alertmanager}`,
          '--cluster.listen-address=',
        ],
        volumes: [
          { volumeName: dataVolume('alertmanager'), containerPath: '/alertmanager' },
          { volumeName: configVolume('alertmanager'), containerPath: CONFIG_ROOT },
        ],
        upload: this.uploads('alertmanager'),
        // on the attached networks too: webhook receivers often run next to the services (`http://hooks:8080/`)
        networksAdvanced: networks(ALIASES.alertmanager, props.attachNetworks),
        ports: ports('alertmanager'),
        healthcheck: httpHealthcheck(`http://127.0.0.1:${PORTS.alertmanager}/-/healthy`),
      },
    ));

    if (props.grafana !== false) this.addGrafana(monitoring, provider, { image, dataVolume, configVolume, ports, name, networks });
    if (props.grafanaManagedAlerts) {
      monitoring.model.setGrafanaAlerting({
        alertmanagerUrl: `http://${ALIASES.alertmanager}:${PORTS.alertmanager}`,
        folder: 'Alerts',
        dataSource: { uid: 'prometheus', type: 'prometheus' },
        execErrState: 'Error',
      });
    }

    const targetWhere = 'DockerHostTarget';
    const selfJobs: [string, string][] = [
      ['prometheus', `localhost:${PORTS.prometheus}`],
      ['alertmanager', `${ALIASES.alertmanager}:${PORTS.alertmanager}`],
    ];
    if (props.grafana !== false) selfJobs.push(['grafana', `${ALIASES.grafana}:${PORTS.grafana}`]);

    if (props.nodeExporter !== false) {
      // Exception (host mounts), named in nodeExporterSettings.
      new Container(this, 'node-exporter', hardenedContainer(
        { name: name('nodeExporter'), image: image('nodeExporter'), memoryMb: props.memory.nodeExporter },
        { provider, ...nodeExporterSettings(), networksAdvanced: networks(ALIASES.nodeExporter) },
      ));
      selfJobs.push(['node', `${ALIASES.nodeExporter}:${PORTS.nodeExporter}`]);
    }

    if (props.cadvisor !== false) {
      // Exception: cAdvisor reads Docker's state and the host's cgroups through read-only bind mounts, and runs as
      // root (the image's user) because those directories are root-owned. Every capability stays dropped.
      new Container(this, 'cadvisor', hardenedContainer(
        { name: name('cadvisor'), image: image('cadvisor'), memoryMb: props.memory.cadvisor },
        {
          provider,
          command: ['--docker_only=true', '--housekeeping_interval=30s', '--store_container_labels=false'],
          volumes: [
            { hostPath: '/', containerPath: '/rootfs', readOnly: true },
            { hostPath: '/var/run', containerPath: '/var/run', readOnly: true },
            { hostPath: '/sys', containerPath: '/sys', readOnly: true },
            { hostPath: '/var/lib/docker', containerPath: '/var/lib/docker', readOnly: true },
            { hostPath: '/dev/disk', containerPath: '/dev/disk', readOnly: true },
          ],
          networksAdvanced: networks(ALIASES.cadvisor),
          healthcheck: httpHealthcheck(`http://127.0.0.1:${PORTS.cadvisor}/healthz`),
        },
      ));
      selfJobs.push(['cadvisor', `${ALIASES.cadvisor}:${PORTS.cadvisor}`]);
    }

    for (const [jobName, target] of selfJobs) {
      monitoring.model.addScrapeJob(buildScrapeJob({ jobName, targets: [target] }, targetWhere));
    }

    const bindHost = props.bindAddress ?? '127.0.0.1';
    for (const component of ['prometheus', 'alertmanager', 'grafana'] as const) {
      if (component === 'grafana' && props.grafana === false) continue;
      const port = props.hostPorts?.[component] ?? PORTS[component];
      if (port !== false) {
        new TerraformOutput(stack, `${env}_${component}_url`, { value: `http://${bindHost}:${port}` }).overrideLogicalId(`${component}_url`);
      }
    }
  }

  /** Grafana: admin password from a file, sign-up and anonymous access off, provisioning from the config volume. */
  private addGrafana(monitoring: MonitoringStack, provider: DockerProvider, helpers: ContainerHelpers): void {
    const { image, dataVolume, configVolume, ports, name, networks } = helpers;
    const props = this.props;
    const stack = TerraformStack.of(this);
    const env = monitoring.environmentName;
    const adminPassword = monitoring.grafana.adminPassword;
    if (adminPassword) {
      if (adminPassword.source === 'variable') this.provideSecret(adminPassword, 'grafana', describeConstruct('MonitoringStack', monitoring.node.path));
    } else {
      const generated = new Password(this, 'grafana-admin-password', { length: 32, special: false });
      this.secretUploads.grafana.set(GRAFANA_ADMIN_PASSWORD_FILE, { file: GRAFANA_ADMIN_PASSWORD_FILE, content: generated.result });
      new TerraformOutput(stack, `${env}_grafana_admin_password`, {
        value: generated.result,
        sensitive: true,
        description: `Grafana admin password of environment ${env}`,
      }).overrideLogicalId('grafana_admin_password');
    }
    monitoring.model.addDataSource({
      uid: 'prometheus', name: 'Prometheus', type: 'prometheus', url: `http://${ALIASES.prometheus}:${PORTS.prometheus}`, isDefault: true,
      jsonData: { httpMethod: 'POST', timeInterval: monitoring.model.prometheus.scrapeInterval.toPrometheus() },
    });
    monitoring.model.addDataSource({
      uid: 'alertmanager', name: 'Alertmanager', type: 'alertmanager', url: `http://${ALIASES.alertmanager}:${PORTS.alertmanager}`, isDefault: false,
      jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false },
    });
    new Container(this, 'grafana', hardenedContainer(
      { name: name('grafana'), image: image('grafana'), memoryMb: props.memory.grafana },
      {
        provider,
        env: [
          `GF_SECURITY_ADMIN_USER=${monitoring.grafana.adminUser ?? 'admin'}`,
          `GF_SECURITY_ADMIN_PASSWORD__FILE=${adminPassword?.filePath ?? GRAFANA_ADMIN_PASSWORD_FILE}`,
          'GF_USERS_ALLOW_SIGN_UP=false',
          'GF_AUTH_ANONYMOUS_ENABLED=false',
          'GF_SECURITY_DISABLE_GRAVATAR=true',
          'GF_ANALYTICS_REPORTING_ENABLED=false',
          'GF_ANALYTICS_CHECK_FOR_UPDATES=false',
          `GF_PATHS_PROVISIONING=${CONFIG_ROOT}/provisioning`,
          // Log to the console only: the root filesystem is read-only, and docker keeps (and rotates) the logs.
          'GF_LOG_MODE=console',
        ],
        volumes: [
          { volumeName: dataVolume('grafana'), containerPath: '/var/lib/grafana' },
          { volumeName: configVolume('grafana'), containerPath: CONFIG_ROOT },
        ],
        tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
        upload: this.uploads('grafana'),
        networksAdvanced: networks(ALIASES.grafana),
        ports: ports('grafana'),
        healthcheck: httpHealthcheck(`http://127.0.0.1:${PORTS.grafana}/api/health`),
      },
    ));
  }

  /** Makes a secret available as a file in a component's container, from a sensitive Terraform variable. */
  public provideSecret(secret: Secret, component: Component, requestedBy: string): void {
    // exporters upload their own secret files (some need them wrapped, see deployExporter)
    if (component === 'exporters' || secret.source !== 'variable') return;
    this.secretUploads[component].set(secret.filePath, { file: secret.filePath, content: this.variableFor(secret, requestedBy).stringValue });
  }

  /**
   * Runs an exporter next to Prometheus: on the monitoring network (alias = its name, which is its scrape target)
   * and on the attached networks, where the database or the probed services live.
   */
  public deployExporter(deployment: ExporterDeployment, requestedBy: string): void {
    const props = this.props;
    const env = this.monitoring.environmentName;
    const component: DockerComponent = deployment.kind === 'postgres' ? 'postgresExporter' : deployment.kind === 'redis' ? 'redisExporter' : 'blackboxExporter';
    const provider = this.provider;
    let image = this.images.get(component);
    if (!image) {
      image = new Image(this, `${deployment.kind}-exporter-image`, { provider, name: props.images[component], keepLocally: true }).imageId;
      this.images.set(component, image);
    }
    const uploads: FileUpload[] = deployment.secretFiles.map((f) => {
      const value = f.secret.source === 'variable' ? this.variableFor(f.secret, requestedBy).stringValue : undefined;
      if (value === undefined) return undefined;
      return { file: f.path, content: f.jsonKey ? Fn.jsonencode({ [f.jsonKey]: value }) : value };
    }).filter((u): u is FileUpload => u !== undefined);
    const isBlackbox = deployment.kind === 'blackbox';
    const volumes = isBlackbox
      ? [{
          volumeName: new Volume(this, 'blackbox-config', {
            provider,
            name: Lazy.stringValue({ produce: () => `${env}-blackbox-config-${this.configHash('blackbox')}` }),
          }).name,
          containerPath: CONFIG_ROOT,
        }]
      : uploads.length > 0
        ? [{ volumeName: new Volume(this, `${deployment.name}-secrets`, { provider, name: `${env}-${deployment.name}-secrets` }).name, containerPath: CONFIG_ROOT }]
        : undefined;
    new Container(this, deployment.name, hardenedContainer(
      { name: `${env}-${deployment.name}`, image, memoryMb: props.memory[component] },
      {
        provider,
        command: isBlackbox ? [`--config.file=${CONFIG_ROOT}/blackbox.yml`, `--web.listen-address=:${deployment.port}`] : deployment.args.length > 0 ? [...deployment.args] : undefined,
        env: Object.keys(deployment.environment).length > 0 ? Object.keys(deployment.environment).sort().map((k) => `${k}=${deployment.environment[k]}`) : undefined,
        volumes,
        upload: isBlackbox ? this.uploads('blackbox') : uploads.length > 0 ? uploads : undefined,
        networksAdvanced: [{ name: this.network.name, aliases: [deployment.name] }, ...(props.attachNetworks ?? []).map((name) => ({ name }))],
        healthcheck: httpHealthcheck(`http://127.0.0.1:${deployment.port}/${isBlackbox ? '-/healthy' : 'metrics'}`),
      },
    ));
  }

  /**
   * Loki (single binary, filesystem storage on a named volume with prevent_destroy, port 3100 on 127.0.0.1) and the
   * log agent (Alloy or Promtail) with the host mounts its sources need, each named with its reason.
   */
  public deployLogs(): void {
    const logs = this.monitoring.model.logs;
    if (!logs || this.logsDeployed) return;
    this.logsDeployed = true;
    const props = this.props;
    const env = this.monitoring.environmentName;
    const provider = this.provider;
    const image = (key: string, name: string) => new Image(this, `${key}-image`, { provider, name, keepLocally: true }).imageId;
    const configVolume = (component: Component) =>
      new Volume(this, `${component}-config`, {
        provider,
        name: Lazy.stringValue({ produce: () => `${env}-${component}-config-${this.configHash(component)}` }),
      }).name;
    const networks = (alias: string, extra: readonly string[] = []) => [{ name: this.network.name, aliases: [alias] }, ...extra.map((name) => ({ name }))];

    const loki = lokiContainer(logs.loki);
    new Container(this, 'loki', hardenedContainer(
      { name: `${env}-loki`, image: image('loki', loki.image), memoryMb: props.logMemoryMb?.loki ?? 1024 },
      {
        provider,
        command: [`-config.file=${CONFIG_ROOT}/loki.yaml`],
        volumes: [
          { volumeName: new Volume(this, 'loki-data', { provider, name: `${env}-loki-data`, lifecycle: { preventDestroy: true } }).name, containerPath: loki.dataPath },
          { volumeName: configVolume('loki'), containerPath: CONFIG_ROOT },
        ],
        tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
        upload: this.uploads('loki'),
        networksAdvanced: networks(LOKI_HOST),
        ports: props.hostPorts?.loki === false ? undefined : [{ internal: logs.loki.httpPort, external: props.hostPorts?.loki ?? 3100, ip: props.bindAddress ?? '127.0.0.1' }],
        healthcheck: { ...httpHealthcheck(''), test: [...loki.healthcheck] },
      },
    ));

    const agent = logs.agent === 'alloy' ? alloyContainer() : promtailContainer();
    const agentComponent: Component = logs.agent;
    const configFile = logs.agent === 'alloy' ? `${CONFIG_ROOT}/config.alloy` : `${CONFIG_ROOT}/config.yml`;
    // Exceptions, each with its reason in the model: the Docker socket (read-only) for container logs, and the
    // directories of file sources (read-only). The agent runs as the image's root user to read them.
    const hostMounts = agentHostMounts(logs.pipeline);
    new Container(this, logs.agent, hardenedContainer(
      { name: `${env}-${logs.agent}`, image: image(logs.agent, agent.image), memoryMb: props.logMemoryMb?.agent ?? 256 },
      {
        provider,
        command: agent.command.map((arg) => (arg === agent.configPath ? configFile : arg.replace(agent.configPath, configFile))),
        volumes: [
          { volumeName: new Volume(this, `${logs.agent}-data`, { provider, name: `${env}-${logs.agent}-data` }).name, containerPath: agent.dataPath },
          { volumeName: configVolume(agentComponent), containerPath: CONFIG_ROOT },
          ...hostMounts.map((m) => ({ hostPath: m.hostPath, containerPath: m.containerPath, readOnly: m.readOnly })),
        ],
        tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
        upload: this.uploads(agentComponent),
        networksAdvanced: networks(logs.agent),
        healthcheck: { ...httpHealthcheck(''), test: [...agent.healthcheck] },
      },
    ));
    this.monitoring.model.addDataSource({
      uid: 'loki', name: 'Loki', type: 'loki', url: `http://${LOKI_HOST}:${logs.loki.httpPort}`, isDefault: false,
      jsonData: { maxLines: 1000 },
    });
  }

  private logsDeployed = false;

  private variableFor(secret: Secret, requestedBy: string): TerraformVariable {
    return secretVariable(TerraformStack.of(this), secret.name, secretDescription(secret.name, requestedBy));
  }


  /**
   * The rendered files split by component, with each component's config hash and escaped uploads, computed once
   * per rendering: cdktf resolves every Lazy value more than once per synth, and hashing and escaping megabytes of
   * rendered text each time is wasted work. A new rendering (the environment changed) starts afresh.
   */
  private derivedFiles(): DerivedFiles {
    const files = this.monitoring.renderedFiles();
    if (this.derived?.files !== files) {
      const byComponent = new Map<Component, [string, string][]>();
      for (const entry of Object.entries(files)) {
        const component = componentOf(entry[0]);
        let list = byComponent.get(component);
        if (!list) byComponent.set(component, (list = []));
        list.push(entry);
      }
      this.derived = { files, byComponent, hashes: new Map(), uploads: new Map() };
    }
    return this.derived;
  }

  private configHash(component: Component): string {
    const derived = this.derivedFiles();
    let digest = derived.hashes.get(component);
    if (digest === undefined) {
      const hash = createHash('sha256');
      // Same bytes as hashing `${path}\u0000${content}\u0000`, without copying each file into a new string.
      for (const [path, content] of derived.byComponent.get(component) ?? []) hash.update(path).update('\u0000').update(content).update('\u0000');
      digest = hash.digest('hex').slice(0, 12);
      derived.hashes.set(component, digest);
    }
    return digest;
  }

  private uploads(component: Component) {
    return Lazy.anyValue({
      produce: () => {
        const derived = this.derivedFiles();
        let files = derived.uploads.get(component);
        if (!files) {
          files = (derived.byComponent.get(component) ?? []).map(([path, content]) => ({
            file: containerPathOf(path),
            content: escapeTerraformTemplate(content),
          }));
          derived.uploads.set(component, files);
        }
        const secrets = [...this.secretUploads[component].values()].sort((a, b) => (a.file < b.file ? -1 : 1));
        return [...files, ...secrets];
      },
    });
  }
}
