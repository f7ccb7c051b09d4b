import { invalid, MonitoringConfigError } from '../../model/errors';
import type { ExporterDeployment } from '../../model/exporters';

// The messages both AWS targets give for what AWS managed services do not run, worded once.

/** The AWS target a message names (`AwsManagedTarget` on CDK for Terraform, `AwsCdkTarget` on AWS CDK). */
export type AwsTargetKind = 'AwsManagedTarget' | 'AwsCdkTarget';

/** A ServiceScrape with `exporter` in an AWS environment: AWS runs no exporter container for it. */
export function exporterNotDeployed(target: AwsTargetKind, deployment: ExporterDeployment, requestedBy: string): MonitoringConfigError {
  return invalid(
    requestedBy,
    'exporter',
    `${deployment.kind} exporter "${deployment.name}"`,
    `a scrape of an exporter that already runs: ${target} does not deploy exporters. Run ${deployment.kind}-exporter next to ` +
      `its service (on an agent host or in the cluster) and scrape it with targets: ["<host>:${deployment.port}"]`,
  );
}

/** A LogPipeline in an AWS environment: AWS runs no Loki. */
export function logsNotRun(target: AwsTargetKind, environment: string, requestedBy: string): MonitoringConfigError {
  return new MonitoringConfigError(
    requestedBy,
    'sources',
    `is declared in environment ${JSON.stringify(environment)}, but ${target} runs no Loki; expected the ` +
      'LogPipeline only in environments whose target runs Loki (the Docker host), or ship logs to CloudWatch Logs outside this library',
  );
}

/** Integration fields SNS cannot carry (a warning). `where` names the target. */
export function droppedFieldsWarning(where: string, receiver: string, dropped: readonly string[]): string {
  return `${where}, receiver ${receiver}: ${dropped.join(', ')} cannot be carried by SNS and are not used on AWS`;
}

/** An output of the target (an endpoint, an ARN) read before the target was given to a MonitoringStack. */
export function notBoundYet(target: AwsTargetKind, output: string): MonitoringConfigError {
  return new MonitoringConfigError(
    target,
    output,
    `is only known once the target is given to a MonitoringStack; expected the ${target} in the target(s) of a MonitoringStack before synth`,
  );
}
