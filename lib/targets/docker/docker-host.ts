import { createHash } from 'crypto';
import { Fn, ITerraformDependable, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Password } from '@cdktf/provider-random/lib/password';
import { ALERTMANAGER_PORT, alertmanagerSpec } from '../../containers/alertmanager';
import { CADVISOR_PORT, cadvisorSpec } from '../../containers/cadvisor';
import { exporterImageKey, exporterSpec } from '../../containers/exporters';
import { GRAFANA_PORT, grafanaSpec } from '../../containers/grafana';
import { ALLOY_HTTP_PORT, alloySpec, PROMTAIL_HTTP_PORT, promtailSpec } from '../../containers/log-agents';
import { lokiSpec } from '../../containers/loki';
import { NODE_EXPORTER_PORT, nodeExporterSpec } from '../../containers/node-exporter';
import { PROMETHEUS_DATA_DIR, PROMETHEUS_PORT, prometheusSpec } from '../../containers/prometheus';
import { ContainerSpec, ImageKey } from '../../containers/spec';
import { MonitoringStack } from '../../constructs/monitoring-stack';
import { describeConstruct, MonitoringConfigError } from '../../model/errors';
import { ExporterDeployment } from '../../model/exporters';
import { checkAlertmanagerImage } from '../../model/image-lines';
import { CONFIG_ROOT, Component, componentOf, containerPathOf } from '../../model/layout';
import { agentHostMounts } from '../../model/logs/containers';
import { buildScrapeJob } from '../../model/scrape';
import { Secret, SECRETS_DIR } from '../../model/secret';
import { LOKI_HOST, RenderedFiles } from '../../render/environment-files';
import { prometheusFlags } from '../../render/prometheus-config';
import { secretDescription, secretVariable } from '../secret-variable';
import { escapeTerraformTemplate } from '../terraform-escape';
import { ContainerContext, FileUpload, PublishedPort, specResources } from './container-resources';
import { dockerDiscoveryNeeds, DockerDiscoveryNeeds } from './docker-discovery';
import { DockerHostBuiltInJobs, DockerHostPorts, DockerHostSettings, DockerHostTargetProps } from './docker-host-props';
import { claimHostPorts, PortClaim } from './host-ports';

/** Default host ports of the published UIs and APIs. */
const HOST_PORTS = { prometheus: PROMETHEUS_PORT, alertmanager: ALERTMANAGER_PORT, grafana: GRAFANA_PORT, loki: 3100 } as const;
const GRAFANA_ADMIN_PASSWORD_FILE = `${SECRETS_DIR}/grafana_admin_password`;
/** Secret files: readable by their owner (root) and group 0, which the program joins; nobody else in the container. */
const SECRET_PERMISSIONS = '0440';

/** The container that reads a component's rendered files and secrets. */
const CONTAINER_OF: Record<Component, string | undefined> = {
  prometheus: 'prometheus',
  alertmanager: 'alertmanager',
  grafana: 'grafana',
  blackbox: 'blackbox-exporter',
  loki: 'loki',
  alloy: 'alloy',
  promtail: 'promtail',
  exporters: undefined,
  tests: undefined,
};

/** Per-component views of one rendering, computed once (cdktf resolves every Lazy value more than once per synth). */
interface DerivedFiles {
  readonly files: RenderedFiles;
  readonly byComponent: Map<Component, [string, string][]>;
  readonly uploads: Map<Component, FileUpload[]>;
  readonly hashes: Map<string, string>;
}

/** A built-in job: its name, its one target, and its key in `builtInJobs`. */
type SelfJob = [string, string, keyof DockerHostBuiltInJobs];

/** Props of {@link DockerHost}. */
export interface DockerHostProps extends DockerHostTargetProps {
  readonly settings: DockerHostSettings;
}

/**
 * The resources of a DockerHostTarget: one network, one container per spec (with its data and config volumes and the
 * config loader), pinned images, and the outputs. Every container is described by a spec in `lib/containers/`.
 */
export class DockerHost extends Construct {
  private readonly monitoring: MonitoringStack;
  private readonly props: DockerHostProps;
  private readonly provider: DockerProvider;
  private readonly context: ContainerContext;
  private readonly images = new Map<string, string>();
  /** Secret files uploaded into each container's config volume, by container name then path. */
  private readonly secretUploads = new Map<string, Map<string, FileUpload>>();
  /** User-managed secret files bind-mounted from the host, by container name then path. */
  private readonly secretBinds = new Map<string, Map<string, string>>();
  private readonly specs = new Map<string, ContainerSpec>();
  private derived?: DerivedFiles;
  private logsDeployed = false;

  constructor(monitoring: MonitoringStack, id: string, props: DockerHostProps) {
    super(monitoring, id);
    this.monitoring = monitoring;
    this.props = props;
    const env = monitoring.environmentName;
    const stack = TerraformStack.of(this);
    this.provider = props.provider ?? stack.node.findAll().find((c): c is DockerProvider => c instanceof DockerProvider) ?? new DockerProvider(stack, 'docker', {});
    if (!stack.node.findAll().some((c) => c instanceof RandomProvider)) new RandomProvider(stack, 'random', {});
    const network = new Network(this, 'network', { provider: this.provider, name: `${env}-monitoring`, driver: 'bridge' });
    const attached = props.attachNetworks ?? [];
    this.context = {
      provider: this.provider,
      environment: env,
      image: (spec) => this.image(spec.imageKey),
      monitoringNetwork: network.name,
      attachedNetworks: attached.map((n) => (n instanceof Network ? n.name : n)),
      dependsOn: attached.filter((n): n is Network => n instanceof Network) as ITerraformDependable[],
      publish: (spec) => this.publish(spec),
      configHash: (spec) => this.configHash(spec),
      uploads: (spec) => this.uploads(spec),
      hasSecrets: (spec) => (this.secretUploads.get(spec.name)?.size ?? 0) > 0 || (this.secretBinds.get(spec.name)?.size ?? 0) > 0,
      extraBinds: (spec) => [
        ...[...(this.secretBinds.get(spec.name) ?? new Map<string, string>()).keys()].sort(),
        // User-managed target files of Discovery.files({ paths }): their directories, read-only.
        ...(spec.name === 'prometheus' ? this.discoveryNeeds().fileDirs : []),
      ].map((path) => ({ source: path, target: path })),
    };
    this.claimPorts();

    const { images, memory } = props.settings;
    checkAlertmanagerImage(
      images.alertmanager,
      monitoring.model.alertmanagerVersion,
      `DockerHostTarget of ${describeConstruct('MonitoringStack', monitoring.node.path)}`,
      'images.alertmanager',
    );
    monitoring.model.setAlertmanagers([`alertmanager:${ALERTMANAGER_PORT}`]);
    this.run(prometheusSpec({
      image: images.prometheus,
      memoryMb: memory.prometheus,
      flags: () => prometheusFlags(monitoring.model.prometheusModel(), `${CONFIG_ROOT}/prometheus.yml`, PROMETHEUS_DATA_DIR),
      dockerSocket: () => this.discoveryNeeds().socket,
    }));
    this.node.addValidation({ validate: () => [...this.discoveryNeeds().problems] });
    this.run(alertmanagerSpec({ image: images.alertmanager, memoryMb: memory.alertmanager }));
    if (props.grafana !== false) this.addGrafana();
    if (props.grafanaManagedAlerts) {
      monitoring.model.setGrafanaAlerting({
        alertmanagerUrl: `http://alertmanager:${ALERTMANAGER_PORT}`,
        folder: 'Alerts',
        dataSource: { uid: 'prometheus', type: 'prometheus' },
        execErrState: 'Error',
      });
    }

    const selfJobs: SelfJob[] = [
      ['prometheus', `localhost:${PROMETHEUS_PORT}`, 'prometheus'],
      ['alertmanager', `alertmanager:${ALERTMANAGER_PORT}`, 'alertmanager'],
    ];
    if (props.grafana !== false) selfJobs.push(['grafana', `grafana:${GRAFANA_PORT}`, 'grafana']);
    if (props.nodeExporter !== false) {
      this.run(nodeExporterSpec({ image: images.nodeExporter, memoryMb: memory.nodeExporter }));
      selfJobs.push(['node', `node-exporter:${NODE_EXPORTER_PORT}`, 'node']);
    }
    if (props.cadvisor !== false) {
      this.run(cadvisorSpec({ image: images.cadvisor, memoryMb: memory.cadvisor }));
      selfJobs.push(['cadvisor', `cadvisor:${CADVISOR_PORT}`, 'cadvisor']);
    }
    this.addSelfJobs(selfJobs);

    const bindHost = props.settings.bindAddress;
    for (const component of ['prometheus', 'alertmanager', 'grafana'] as const) {
      if (component === 'grafana' && props.grafana === false) continue;
      const port = props.hostPorts?.[component] ?? HOST_PORTS[component];
      if (port !== false) {
        const host = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
        new TerraformOutput(stack, `${env}_${component}_url`, { value: `http://${host}:${port}` }).overrideLogicalId(`${component}_url`);
      }
    }
  }

  /** What the environment's discovery jobs need from this host (the socket, file directories), and what it cannot give. */
  private discoveryNeeds(): DockerDiscoveryNeeds {
    return dockerDiscoveryNeeds(this.monitoring.model.scrapeJobs, this.props.dockerSocket, `DockerHostTarget of ${describeConstruct('MonitoringStack', this.monitoring.node.path)}`);
  }

  /** The specs this host runs, by container name (for the docs and the deploy test). */
  public containerSpecs(): ContainerSpec[] {
    return [...this.specs.values()];
  }

  /** Makes a secret available as a file in a component's container. */
  public provideSecret(secret: Secret, component: Component, requestedBy: string): void {
    const container = CONTAINER_OF[component];
    if (!container) return; // exporters get their secret files in deployExporter
    this.addSecretFile(container, secret.filePath, secret, requestedBy);
  }

  /** Runs an exporter next to Prometheus (postgres and redis per job; one blackbox for the environment). */
  public deployExporter(deployment: ExporterDeployment, requestedBy: string): void {
    const key = exporterImageKey(deployment.kind);
    for (const file of deployment.secretFiles) this.addSecretFile(deployment.name, file.path, file.secret, requestedBy, file.jsonKey);
    this.run(exporterSpec({ deployment, image: this.props.settings.images[key], memoryMb: this.props.settings.memory[key] }));
  }

  /** Loki and the log agent (Alloy or Promtail), both scraped by Prometheus. */
  public deployLogs(): void {
    const logs = this.monitoring.model.logs;
    if (!logs || this.logsDeployed) return;
    this.logsDeployed = true;
    const { images, memory } = this.props.settings;
    this.run(lokiSpec({ image: images.loki, memoryMb: memory.loki, settings: logs.loki }));
    const agentOptions = {
      image: images[logs.agent],
      memoryMb: memory[logs.agent],
      hostMounts: agentHostMounts(logs.pipeline),
      readsFiles: logs.pipeline.sources.some((s) => s.kind !== 'docker'),
    };
    this.run(logs.agent === 'alloy' ? alloySpec(agentOptions) : promtailSpec(agentOptions));
    this.addSelfJobs([
      ['loki', `${LOKI_HOST}:${logs.loki.httpPort}`, 'loki'],
      [logs.agent, `${logs.agent}:${logs.agent === 'alloy' ? ALLOY_HTTP_PORT : PROMTAIL_HTTP_PORT}`, 'logAgent'],
    ]);
    this.monitoring.model.addDataSource({
      uid: 'loki', name: 'Loki', type: 'loki', url: `http://${LOKI_HOST}:${logs.loki.httpPort}`, isDefault: false,
      jsonData: { maxLines: 1000 },
    });
  }

  private run(spec: ContainerSpec): void {
    this.specs.set(spec.name, spec);
    specResources(this, spec, this.context);
  }

  /** Adds the host's own jobs as built-in jobs: a user job of the same name replaces one; `builtInJobs` turns one off. */
  private addSelfJobs(jobs: SelfJob[]): void {
    for (const [jobName, target, key] of jobs) {
      if (this.props.builtInJobs?.[key] === false) continue;
      this.monitoring.model.addBuiltInJob({
        job: buildScrapeJob({ jobName, targets: [target] }, 'DockerHostTarget'),
        turnOff: `DockerHostTarget builtInJobs: { ${key}: false }`,
      });
    }
  }

  /** Grafana: admin password from a file (generated unless given), sign-up and anonymous access off. */
  private addGrafana(): void {
    const monitoring = this.monitoring;
    const stack = TerraformStack.of(this);
    const env = monitoring.environmentName;
    const adminPassword = monitoring.grafana.adminPassword;
    if (adminPassword) {
      this.provideSecret(adminPassword, 'grafana', describeConstruct('MonitoringStack', monitoring.node.path));
    } else {
      const generated = new Password(this, 'grafana-admin-password', { length: 32, special: false });
      this.uploadsOf('grafana').set(GRAFANA_ADMIN_PASSWORD_FILE, { file: GRAFANA_ADMIN_PASSWORD_FILE, content: generated.result, permissions: SECRET_PERMISSIONS });
      new TerraformOutput(stack, `${env}_grafana_admin_password`, {
        value: generated.result,
        sensitive: true,
        description: `Grafana admin password of environment ${env}`,
      }).overrideLogicalId('grafana_admin_password');
    }
    monitoring.model.addDataSource({
      uid: 'prometheus', name: 'Prometheus', type: 'prometheus', url: `http://prometheus:${PROMETHEUS_PORT}`, isDefault: true,
      jsonData: { httpMethod: 'POST', timeInterval: monitoring.model.prometheus.scrapeInterval.toPrometheus() },
    });
    monitoring.model.addDataSource({
      uid: 'alertmanager', name: 'Alertmanager', type: 'alertmanager', url: `http://alertmanager:${ALERTMANAGER_PORT}`, isDefault: false,
      jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false },
    });
    const { images, memory } = this.props.settings;
    this.run(grafanaSpec({
      image: images.grafana,
      memoryMb: memory.grafana,
      adminUser: monitoring.grafana.adminUser ?? 'admin',
      adminPasswordFile: adminPassword?.filePath ?? GRAFANA_ADMIN_PASSWORD_FILE,
    }));
  }

  /**
   * A secret file in a container: from a Terraform variable, uploaded into the container's config volume (mode 0440);
   * or, for `Secret.fromFile`, the host's file at the same path, bind-mounted read-only (apply fails if it is missing).
   */
  private addSecretFile(container: string, path: string, secret: Secret, requestedBy: string, jsonKey?: string): void {
    if (secret.source === 'file') {
      if (path === CONFIG_ROOT || path.startsWith(`${CONFIG_ROOT}/`)) {
        throw new MonitoringConfigError(
          requestedBy,
          'Secret.fromFile',
          `got "${path}", expected a path outside ${CONFIG_ROOT}/ (the read-only config volume): on a DockerHostTarget the host's file at that path is bind-mounted read-only into the ${container} container`,
        );
      }
      let binds = this.secretBinds.get(container);
      if (!binds) this.secretBinds.set(container, (binds = new Map()));
      binds.set(path, path);
      return;
    }
    const value = this.variableFor(secret, requestedBy).stringValue;
    this.uploadsOf(container).set(path, { file: path, content: jsonKey ? Fn.jsonencode({ [jsonKey]: value }) : value, permissions: SECRET_PERMISSIONS });
  }

  private uploadsOf(container: string): Map<string, FileUpload> {
    let uploads = this.secretUploads.get(container);
    if (!uploads) this.secretUploads.set(container, (uploads = new Map()));
    return uploads;
  }

  private variableFor(secret: Secret, requestedBy: string): TerraformVariable {
    return secretVariable(TerraformStack.of(this), secret.name, secretDescription(secret.name, requestedBy));
  }

  private image(key: ImageKey): string {
    const ref = this.props.settings.images[key];
    let id = this.images.get(ref);
    if (!id) {
      id = new Image(this, `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-image`, { provider: this.provider, name: ref, keepLocally: true }).imageId;
      this.images.set(ref, id);
    }
    return id;
  }

  /** Claims the host ports of the published components, so two environments on one host cannot both take one. */
  private claimPorts(): void {
    const where = `DockerHostTarget of ${describeConstruct('MonitoringStack', this.monitoring.node.path)}`;
    const claims: PortClaim[] = [];
    for (const component of ['prometheus', 'alertmanager', 'grafana'] as const) {
      if (component === 'grafana' && this.props.grafana === false) continue;
      const port = this.props.hostPorts?.[component] ?? HOST_PORTS[component];
      if (port !== false) claims.push({ ip: this.props.settings.bindAddress, port, where, field: `hostPorts.${component}` });
    }
    claimHostPorts(this, this.provider, claims);
  }

  private publish(spec: ContainerSpec): PublishedPort[] | undefined {
    const published = spec.ports
      .filter((p) => p.publishAs !== undefined)
      .map((p) => ({ internal: p.port, external: this.props.hostPorts?.[p.publishAs as keyof DockerHostPorts] ?? HOST_PORTS[p.publishAs!] }))
      .filter((p): p is { internal: number; external: number } => p.external !== false)
      .map((p) => ({ ...p, ip: this.props.settings.bindAddress }));
    if (spec.name === 'loki' && published.length > 0) {
      const where = `DockerHostTarget of ${describeConstruct('MonitoringStack', this.monitoring.node.path)}`;
      claimHostPorts(this, this.provider, [{ ip: this.props.settings.bindAddress, port: published[0].external, where, field: 'hostPorts.loki' }]);
    }
    return published.length > 0 ? published : undefined;
  }

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
      this.derived = { files, byComponent, uploads: new Map(), hashes: new Map() };
    }
    return this.derived;
  }

  /** A hash of the rendered files and the secret file paths a config volume carries. */
  private configHash(spec: ContainerSpec): string {
    const derived = this.derivedFiles();
    const known = derived.hashes.get(spec.name);
    if (known !== undefined) return known;
    const hash = createHash('sha256');
    // Same bytes as hashing `${path}\u0000${content}\u0000`, without copying each file into a new string.
    for (const [path, content] of this.renderedOf(spec)) hash.update(path).update('\u0000').update(content).update('\u0000');
    for (const path of [...(this.secretUploads.get(spec.name)?.keys() ?? [])].sort()) hash.update(`secret\u0000${path}\u0000`);
    const digest = hash.digest('hex').slice(0, 12);
    derived.hashes.set(spec.name, digest);
    return digest;
  }

  private renderedOf(spec: ContainerSpec): [string, string][] {
    return spec.configComponent ? this.derivedFiles().byComponent.get(spec.configComponent) ?? [] : [];
  }

  private uploads(spec: ContainerSpec): FileUpload[] {
    const derived = this.derivedFiles();
    const component = spec.configComponent!;
    let files = derived.uploads.get(component);
    if (!files) {
      files = this.renderedOf(spec).map(([path, content]) => ({ file: containerPathOf(path), content: escapeTerraformTemplate(content) }));
      derived.uploads.set(component, files);
    }
    const secrets = [...(this.secretUploads.get(spec.name)?.values() ?? [])].sort((a, b) => (a.file < b.file ? -1 : 1));
    return [...files, ...secrets];
  }
}
