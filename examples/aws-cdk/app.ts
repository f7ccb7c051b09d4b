// The `prod` monitoring of this repository, as an AWS CDK app: the same definition (stacks/monitoring-definition.ts)
// and the same settings (stacks/prod-settings.ts) as the cdktf `prod` stack, on the AWS CDK target. `npx cdk synth`
// here writes a CloudFormation template; no cdktf or Terraform provider is loaded.
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Acknowledge, AwsCdkTarget, MonitoringStack } from '../../lib/aws-cdk';
import { defineMonitoring, prometheusSettings } from '../../stacks/monitoring-definition';
import { prodSettings } from '../../stacks/prod-settings';

/**
 * AMP workspace with the rule namespaces and the alert manager definition, SNS topics for the receivers, the AMG
 * workspace, the log group: what the cdktf `prod` stack deploys with Terraform, as CloudFormation. Environment-agnostic
 * (no `env`): the template deploys to any account and region, and synthesizes without AWS credentials.
 */
export class ProdMonitoringStack extends Stack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);
    const settings = prodSettings();
    this.monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'prod',
      // An environment-agnostic stack names the region of the workspace (and of the SNS topics the alerts go to).
      target: new AwsCdkTarget({ region: 'eu-west-1', tags: { team: 'platform' }, logRetentionDays: 90 }),
      prometheus: prometheusSettings(settings),
    });
    const defined = defineMonitoring(this.monitoring, settings);
    // The cdktf prod stack runs a Prometheus agent on each application host (a Docker resource); CloudFormation has no
    // such resource, so here the agents are outside the app and remote-write into the workspace with SigV4.
    Acknowledge.of(defined.host).add(
      'unscraped-job',
      'node-exporter runs on the application hosts, scraped by Prometheus agents outside this app that remote-write to this workspace',
    );
  }
}

/** The app `cdk.json` runs; `outdir` is for tests (the CLI passes its own through CDK_OUTDIR). */
export function buildApp(outdir?: string): App {
  const app = new App(outdir ? { outdir } : {});
  new ProdMonitoringStack(app, 'prod-monitoring', { description: 'cdktf-monitoring: the prod environment on Amazon Managed Service for Prometheus and Amazon Managed Grafana' });
  return app;
}

if (require.main === module) buildApp().synth();
