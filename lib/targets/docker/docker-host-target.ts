import type { IMonitoringEngine } from '../../constructs/engine';
import { MonitoringStack } from '../../constructs/monitoring-stack';
import { checkLater, checkTargetProps, IMonitoringTarget } from '../../constructs/target';
import { describeConstruct, MonitoringConfigError } from '../../model/errors';
import { ExporterDeployment } from '../../model/exporters';
import { Component } from '../../model/layout';
import { Secret } from '../../model/secret';
import { TargetTopology } from '../../model/topology';
import { CDKTF_ENGINE } from '../../engines/cdktf';
import { terraformTopology } from '../terraform-topology';
import { DockerHost } from './docker-host';
import { DockerHostSettings, DockerHostTargetProps, validateDockerHostProps } from './docker-host-props';

export type { DockerHostPorts, DockerHostTargetProps } from './docker-host-props';

/**
 * Runs the environment's monitoring as containers on one Docker host (kreuzwerker/docker provider): Prometheus,
 * Alertmanager, Grafana, node-exporter and cAdvisor (plus exporters, Loki and a log agent when asked) on a dedicated
 * network, with named data volumes that survive `terraform destroy` (`prevent_destroy`), pinned images, hardened
 * containers whose healthchecks gate `apply`, and ports on 127.0.0.1. Each container is a spec in `lib/containers/`.
 *
 * Rendered configs reach the read-only containers through a per-component config volume whose name carries a hash of
 * the files, filled by a loader container: any config change creates a fresh volume and replaces the container, so no
 * stale rule file or dashboard survives.
 */
export class DockerHostTarget implements IMonitoringTarget {
  /** The target's name in messages. */
  public readonly kind = 'DockerHostTarget';
  /** CDK for Terraform: the containers are kreuzwerker/docker resources. */
  public readonly engine: IMonitoringEngine = CDKTF_ENGINE;
  /** True unless Grafana is left off the host. */
  public readonly provisionsGrafana: boolean;
  private readonly props: DockerHostTargetProps;
  private readonly settings?: DockerHostSettings;
  private readonly problem?: MonitoringConfigError;
  private host?: DockerHost;

  constructor(props: DockerHostTargetProps = {}) {
    this.props = props;
    // Checked now; an error is reported by bind(), which can name the MonitoringStack that uses this target.
    ({ value: this.settings, problem: this.problem } = checkLater(() => validateDockerHostProps(props)));
    this.provisionsGrafana = props.grafana !== false;
  }

  /** Called once by the MonitoringStack it is given to: creates this target's resources in that environment. */
  public bind(monitoring: MonitoringStack): void {
    checkTargetProps(this.problem, this.props, monitoring, this.kind);
    if (this.host) {
      throw new MonitoringConfigError(
        describeConstruct('MonitoringStack', monitoring.node.path),
        'target',
        `this DockerHostTarget is already used by ${this.host.node.scope!.node.path}; expected a new DockerHostTarget per environment`,
      );
    }
    this.host = new DockerHost(monitoring, 'docker', { ...this.props, settings: this.settings! });
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

  /** @internal The host's containers, networks and published ports, read from its Docker resources. */
  public topology(): TargetTopology | undefined {
    return this.host ? terraformTopology(this.host) : undefined;
  }
}
