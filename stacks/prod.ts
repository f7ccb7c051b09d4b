import { S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MonitoringStack } from '../lib';
// A subpath of its own (not the package index): @cdktf/provider-aws is an optional peer dependency.
import { AgentCredentials, AwsManagedTarget, PrometheusAgentHostOptions } from '../lib/targets/aws';
import { GrafanaDataSource, GrafanaTarget } from '../lib';
import { defineMonitoring, prometheusSettings } from './monitoring-definition';
// The settings live apart from the stack so that the AWS CDK app (examples/aws-cdk) shares them without loading cdktf.
import { ProdSettingsProps, prodSettings } from './prod-settings';
export { prodSettings } from './prod-settings';
export type { ProdSettingsProps } from './prod-settings';

/** Where prod runs and who is told. The defaults are placeholders of the reference deployment. */
export interface ProdStackProps extends ProdSettingsProps {
  /** AWS region of the AMP and AMG workspaces. @default "eu-west-1" */
  readonly region?: string;
  /** The Docker hosts that run a Prometheus agent. @default - app-1 and app-2 over ssh as user deploy */
  readonly hosts?: readonly PrometheusAgentHostOptions[];
  /** S3 bucket of the Terraform state (create it first, versioned, with public access blocked). @default "example-monitoring-terraform-state" */
  readonly stateBucket?: string;
  /** Region of the state bucket. @default - the region of the workspaces */
  readonly stateRegion?: string;
}

/** The reference fleet: two application hosts reached over ssh, the sample API on their `app` network. */
const DEFAULT_HOSTS: readonly PrometheusAgentHostOptions[] = [
  { name: 'app-1', dockerHost: 'ssh://deploy@app-1.prod.example.internal', attachNetworks: ['app'] },
  { name: 'app-2', dockerHost: 'ssh://deploy@app-2.prod.example.internal', attachNetworks: ['app'] },
];

/**
 * The `prod` environment: the same monitoring as `dev` (stacks/monitoring-definition.ts) on AWS managed services.
 * Amazon Managed Service for Prometheus evaluates the rules and routes alerts through SNS, Amazon Managed Grafana
 * shows the data, and a Prometheus agent on each named host scrapes it and remote-writes with SigV4.
 *
 * State lives in S3, not on a laptop: it holds the agents' IAM access key and the Grafana service account token,
 * so it has to be encrypted, access-controlled, shared by the team and locked (`use_lockfile`, Terraform ≥ 1.10).
 */
export class ProdStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;
  /** The AWS target: `grafanaEndpoint`/`grafanaToken` for a GrafanaTarget, `renderedFiles()` for CI. */
  public readonly aws: AwsManagedTarget;

  constructor(scope: Construct, id: string, props: ProdStackProps = {}) {
    super(scope, id);
    const region = props.region ?? 'eu-west-1';
    new S3Backend(this, {
      bucket: props.stateBucket ?? 'example-monitoring-terraform-state',
      key: `cdktf-monitoring/${id}.tfstate`,
      region: props.stateRegion ?? region,
      encrypt: true,
    });
    this.addOverride('terraform.backend.s3.use_lockfile', true);

    this.aws = new AwsManagedTarget({
      region,
      tags: { team: 'platform' },
      logRetentionDays: 90,
      agents: props.hosts ?? DEFAULT_HOSTS,
      // One IAM user per environment, allowed only aps:RemoteWrite on this workspace; its key reaches the agents as
      // a credentials file. Hosts on EC2 can use AgentCredentials.instanceRole() instead.
      agentCredentials: AgentCredentials.iamUser(),
    });
    const settings = prodSettings(props);
    // Dashboards go into Amazon Managed Grafana through the grafana provider, with the workspace's URL and a service
    // account token created in this stack. Its data source reads AMP with the workspace's IAM role (SigV4).
    const grafana = new GrafanaTarget({
      url: this.aws.grafanaEndpoint,
      auth: this.aws.grafanaToken,
      dataSources: {
        // the core Prometheus plugin with SigV4, so the shared dashboards (data source type `prometheus`) work unchanged
        prometheus: GrafanaDataSource.amazonPrometheus({ url: this.aws.prometheusEndpoint, region, authType: 'ec2_iam_role', plugin: 'prometheus' }),
      },
    });
    this.monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'prod',
      targets: [this.aws, grafana],
      prometheus: prometheusSettings(settings),
    });
    defineMonitoring(this.monitoring, settings);
  }
}
