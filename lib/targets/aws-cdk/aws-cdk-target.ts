import { Lazy } from 'aws-cdk-lib';
import type { IMonitoringEngine } from '../../constructs/engine';
import type { MonitoringStack } from '../../constructs/monitoring-stack';
import { checkLater, checkTargetProps, IMonitoringTarget } from '../../constructs/target';
import { AWS_CDK_ENGINE } from '../../engines/aws-cdk';
import { describeConstruct, MonitoringConfigError } from '../../model/errors';
import type { ExporterDeployment } from '../../model/exporters';
import type { TargetTopology } from '../../model/topology';
import type { RenderedFiles } from '../../render/environment-files';
import { exporterNotDeployed, logsNotRun, notBoundYet } from '../aws-shared/messages';
import { checkQueryLogThreshold, checkRegion } from '../aws-shared/workspace-settings';
import type { AwsCdkTargetProps } from './aws-cdk-target-props';
import { AwsCdkEnvironment } from './cdk-environment';
import { awsCdkTopology } from './cdk-topology';

/**
 * Runs an environment's monitoring on AWS managed services from an AWS CDK app (aws-cdk-lib 2.x): an Amazon Managed
 * Service for Prometheus workspace with the environment's rule groups and alert routing (receivers delivered through
 * Amazon SNS), AMP managed scrapers for EKS clusters and Amazon Managed Grafana, as CloudFormation resources
 * (aws-cdk-lib L1 constructs). The rule groups namespaces and the alert manager definition carry the same text as
 * the cdktf `AwsManagedTarget` renders, and bad input gets the same messages.
 *
 * ```ts
 * const stack = new Stack(app, 'prod', { env: { region: 'eu-west-1' } });
 * new MonitoringStack(stack, 'monitoring', { environment: 'prod', target: new AwsCdkTarget() });
 * ```
 */
export class AwsCdkTarget implements IMonitoringTarget {
  /** The target's name in messages. */
  public readonly kind = 'AwsCdkTarget';
  /** The AWS CDK engine: lazy values, warnings and rendered files go through aws-cdk-lib. */
  public readonly engine: IMonitoringEngine = AWS_CDK_ENGINE;
  /** AMG is not provisioned from rendered files (CloudFormation has no dashboard resource). */
  public readonly provisionsGrafana = false;
  /** The AMP workspace's Prometheus endpoint (query URL base, ends with `/`); a CloudFormation attribute. */
  public readonly prometheusEndpoint: string;
  /** The AMP workspace's ARN; a CloudFormation attribute. */
  public readonly workspaceArn: string;
  /** The Grafana URL (`https://<workspace endpoint>`); a CloudFormation attribute. */
  public readonly grafanaEndpoint: string;
  private readonly props: AwsCdkTargetProps;
  private readonly problem?: MonitoringConfigError;
  private environment?: AwsCdkEnvironment;

  constructor(props: AwsCdkTargetProps = {}) {
    // Checked now; an error is reported by bind(), which can name the MonitoringStack that uses this target.
    ({ problem: this.problem } = checkLater(() => AwsCdkTarget.checkProps(props)));
    this.props = props ?? {};
    const bound = (what: string) => {
      if (!this.environment) throw notBoundYet(this.kind, what);
      return this.environment;
    };
    this.prometheusEndpoint = Lazy.string({ produce: () => bound('prometheusEndpoint').workspace.attrPrometheusEndpoint });
    this.workspaceArn = Lazy.string({ produce: () => bound('workspaceArn').workspace.attrArn });
    this.grafanaEndpoint = Lazy.string({
      produce: () => {
        const grafana = bound('grafanaEndpoint').grafana;
        if (!grafana) throw new MonitoringConfigError(describeConstruct('AwsCdkTarget', bound('grafanaEndpoint').node.path), 'grafana', 'is false; expected Grafana enabled (grafana: {}) to use grafanaEndpoint');
        return grafana.url;
      },
    });
  }

  /** The checks of the props, run when the target is created. */
  private static checkProps(props: AwsCdkTargetProps): void {
    const where = 'AwsCdkTarget';
    if (props === null || typeof props !== 'object') throw new MonitoringConfigError(where, 'props', 'are required: expected {} or { region: "eu-west-1", ... }');
    if (props.region !== undefined) checkRegion(props.region, where);
    checkQueryLogThreshold(props.queryLogThreshold, where);
  }

  /** Called once by the MonitoringStack it is given to: creates this target's resources in that environment. */
  public bind(monitoring: MonitoringStack): void {
    checkTargetProps(this.problem, this.props, monitoring, this.kind);
    if (this.environment) {
      throw new MonitoringConfigError(
        describeConstruct('MonitoringStack', monitoring.node.path),
        'target',
        `this AwsCdkTarget is already used by ${this.environment.node.scope!.node.path}; expected a new AwsCdkTarget per environment`,
      );
    }
    this.environment = new AwsCdkEnvironment(monitoring, 'aws', this.props);
  }

  /** @internal The AMP workspace, scrapers, SNS topics, Managed Grafana and log group, for the overview page. */
  public topology(): TargetTopology | undefined {
    return this.environment ? awsCdkTopology(this.environment) : undefined;
  }

  /** No job besides the environment's: AWS CDK runs no Prometheus agents. */
  public scrapedJobs(): readonly string[] {
    return [];
  }

  /**
   * @internal Exporters are not deployed on AWS: a ServiceScrape with `exporter` is an error that says how to scrape an
   * exporter you run yourself (the same message as on the cdktf AWS target).
   */
  public deployExporter(deployment: ExporterDeployment, requestedBy: string): void {
    throw exporterNotDeployed(this.kind, deployment, requestedBy);
  }

  /** @internal AWS runs no Loki: a LogPipeline is an error that says where logs can go instead. */
  public deployLogs(monitoring: MonitoringStack, requestedBy: string): void {
    throw logsNotRun(this.kind, monitoring.environmentName, requestedBy);
  }

  /**
   * Every file this target renders, by logical path: `aws/amp/alertmanager.yml`, `aws/amp/alert-manager-definition.yml`,
   * `aws/amp/rules/<group>.yml` and `aws/scrapers/<name>/scrape-configuration.yml` (the same text as the cdktf AWS
   * target's), and the dashboards under `aws/grafana/dashboards/`. Written at synth to
   * `cdk.out/<stack artifact id>.rendered/<MonitoringStack id>/`. The account id reads `ACCOUNT_ID`.
   */
  public renderedFiles(): RenderedFiles {
    if (!this.environment) throw notBoundYet(this.kind, 'renderedFiles()');
    return this.environment.files();
  }
}
