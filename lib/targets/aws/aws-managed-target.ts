import { Lazy } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { IMonitoringEngine } from '../../constructs/engine';
import { MonitoringStack } from '../../constructs/monitoring-stack';
import { checkLater, checkTargetProps, IMonitoringTarget } from '../../constructs/target';
import { describeConstruct, invalid, MonitoringConfigError } from '../../model/errors';
import { ExporterDeployment } from '../../model/exporters';
import { checkPrometheus3Image } from '../../model/image-lines';
import { Component } from '../../model/layout';
import { Secret } from '../../model/secret';
import { RenderedFiles } from '../../render/environment-files';
import { TargetTopology } from '../../model/topology';
import { CDKTF_ENGINE } from '../../engines/cdktf';
import { terraformTopology } from '../terraform-topology';
import { isPinned } from '../docker/images';
import { AgentCredentials } from './agent-credentials';
import type { AwsWorkspaceProps } from '../aws-shared/workspace-props';
import { exporterNotDeployed, logsNotRun, notBoundYet } from '../aws-shared/messages';
import { checkQueryLogThreshold, checkRegion } from '../aws-shared/workspace-settings';
import { AwsEnvironment } from './aws-environment';
import { ManagedGrafanaOptions } from './managed-grafana';
import { PrometheusAgentHostOptions } from './prometheus-agent-host';

/** Images of the agent hosts (pinned tags or digests only). */
export interface AgentImages {
  /** Prometheus 3.x, run in agent mode (`--agent`); a 2.x tag is refused. @default - the Docker host's Prometheus image */
  readonly prometheus?: string;
  /** node-exporter. @default "prom/node-exporter:v1.9.1" */
  readonly nodeExporter?: string;
}

/** Props of {@link AwsManagedTarget}; the workspace's are shared with the AWS CDK target ({@link AwsWorkspaceProps}). */
export interface AwsManagedTargetProps extends AwsWorkspaceProps {
  /** The AWS region of the workspace, e.g. `eu-west-1` (also the SigV4 region in rendered files). */
  readonly region: string;
  /** Amazon Managed Grafana; `false` for none. @default {} (a workspace with AWS IAM Identity Center sign-in) */
  readonly grafana?: ManagedGrafanaOptions | false;
  /** Docker hosts that run a Prometheus agent remote-writing to the workspace. @default [] */
  readonly agents?: readonly PrometheusAgentHostOptions[];
  /** How agents sign remote_write, unless a host sets its own. @default - none: every agent host must then set credentials */
  readonly agentCredentials?: AgentCredentials;
  /** Agent host images. @default - the pinned images of the Docker host target */
  readonly agentImages?: AgentImages;
  /** Memory limit of the agent container in MiB. @default 512 */
  readonly agentMemoryMb?: number;
  /** The AWS provider. @default - the stack's AwsProvider, else a new one for `region` */
  readonly provider?: AwsProvider;
}

/**
 * Runs an environment's monitoring on AWS managed services: an Amazon Managed Service for Prometheus workspace with
 * the environment's rule groups and alert routing (receivers delivered through Amazon SNS), Amazon Managed Grafana,
 * Prometheus agents on a fleet of Docker hosts and AMP managed scrapers for EKS clusters.
 *
 * ```ts
 * const aws = new AwsManagedTarget({ region: 'eu-west-1', agents: [{ name: 'app-1', dockerHost: 'ssh://deploy@app-1' }],
 *   agentCredentials: AgentCredentials.iamUser() });
 * new MonitoringStack(this, 'monitoring', { environment: 'prod', targets: [aws] });
 * ```
 */
export class AwsManagedTarget implements IMonitoringTarget {
  /** The target's name in messages. */
  public readonly kind = 'AwsManagedTarget';
  /** CDK for Terraform: the AWS resources are hashicorp/aws resources. */
  public readonly engine: IMonitoringEngine = CDKTF_ENGINE;
  /** AMG is not provisioned from rendered files: dashboards go through a GrafanaTarget. */
  public readonly provisionsGrafana = false;
  /** The Grafana URL (`https://<workspace endpoint>`), for a `GrafanaTarget`; a Terraform reference. */
  public readonly grafanaEndpoint: string;
  /** The Grafana service account token (sensitive), for a `GrafanaTarget`; a Terraform reference. */
  public readonly grafanaToken: string;
  /** The AMP workspace's Prometheus endpoint (query URL base, ends with `/`); a Terraform reference. */
  public readonly prometheusEndpoint: string;
  private readonly props: AwsManagedTargetProps;
  private environment?: AwsEnvironment;

  private readonly problem?: MonitoringConfigError;

  constructor(props: AwsManagedTargetProps) {
    // Checked now; an error is reported by bind(), which can name the MonitoringStack that uses this target.
    ({ problem: this.problem } = checkLater(() => AwsManagedTarget.checkProps(props)));
    this.props = props;
    const bound = (what: string) => {
      if (!this.environment) throw notBoundYet(this.kind, what);
      return this.environment;
    };
    this.grafanaEndpoint = Lazy.stringValue({ produce: () => bound('grafanaEndpoint').grafanaUrl() });
    this.grafanaToken = Lazy.stringValue({ produce: () => bound('grafanaToken').grafanaToken() });
    this.prometheusEndpoint = Lazy.stringValue({ produce: () => bound('prometheusEndpoint').amp.workspace.prometheusEndpoint });
  }

  /** The checks of the props, run when the target is created. */
  private static checkProps(props: AwsManagedTargetProps): void {
    const where = 'AwsManagedTarget';
    if (!props || typeof props !== 'object') throw new MonitoringConfigError(where, 'props', 'are required: expected { region: "eu-west-1", ... }');
    checkRegion(props.region, where);
    for (const [component, image] of Object.entries(props.agentImages ?? {})) {
      if (typeof image !== 'string' || !isPinned(image)) {
        throw invalid(where, `agentImages.${component}`, image, 'a pinned image: a tag other than "latest" (e.g. "prom/prometheus:v3.13.3") or a @sha256 digest');
      }
      if (component === 'prometheus') checkPrometheus3Image(image, where, 'agentImages.prometheus');
    }
    checkQueryLogThreshold(props.queryLogThreshold, where);
  }

  /** Called once by the MonitoringStack it is given to: creates this target's resources in that environment. */
  public bind(monitoring: MonitoringStack): void {
    checkTargetProps(this.problem, this.props, monitoring, this.kind);
    if (this.environment) {
      throw new MonitoringConfigError(
        describeConstruct('MonitoringStack', monitoring.node.path),
        'target',
        `this AwsManagedTarget is already used by ${this.environment.node.scope!.node.path}; expected a new AwsManagedTarget per environment`,
      );
    }
    this.environment = new AwsEnvironment(monitoring, 'aws', this.props);
  }

  /** Jobs the agent hosts scrape besides the environment's: the agent itself and, unless turned off, node-exporter. */
  public scrapedJobs(): readonly string[] {
    const agents = this.props.agents ?? [];
    if (agents.length === 0) return [];
    return ['prometheus-agent', ...(agents.some((a) => a.nodeExporter !== false) ? ['node'] : [])];
  }

  /** @internal */
  public provideSecret(secret: Secret, component: Component, requestedBy: string): void {
    this.environment?.provideSecret(secret, component, requestedBy);
  }

  /**
   * @internal Exporters are not deployed on AWS (yet): a ServiceScrape with `exporter` in an AWS environment is an
   * error that says how to scrape an exporter you run yourself.
   */
  public deployExporter(deployment: ExporterDeployment, requestedBy: string): void {
    throw exporterNotDeployed(this.kind, deployment, requestedBy);
  }

  /**
   * @internal AWS runs no Loki: a LogPipeline in an AWS environment is an error that says where logs can go instead.
   */
  public deployLogs(monitoring: MonitoringStack, requestedBy: string): void {
    throw logsNotRun(this.kind, monitoring.environmentName, requestedBy);
  }

  /** @internal The AMP workspace, SNS topics, Managed Grafana, log group and agent hosts, read from the target's resources. */
  public topology(): TargetTopology | undefined {
    return this.environment ? terraformTopology(this.environment) : undefined;
  }

  /**
   * Every file this target renders, by logical path (`aws/amp/alertmanager.yml`, `aws/amp/alert-manager-definition.yml`,
   * `aws/amp/rules/<group>.yml`, `aws/agents/<host>/prometheus.yml`, `aws/scrapers/<name>/scrape-configuration.yml`).
   * Account and workspace ids read `ACCOUNT_ID` and `WORKSPACE_ID` (known only after apply).
   */
  public renderedFiles(): RenderedFiles {
    if (!this.environment) throw notBoundYet(this.kind, 'renderedFiles()');
    return this.environment.rendering.files();
  }
}
