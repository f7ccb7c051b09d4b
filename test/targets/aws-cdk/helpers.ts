import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { MonitoringStack, MonitoringStackProps } from '../../../lib';
import { AwsCdkTarget, AwsCdkTargetProps } from '../../../lib/targets/aws-cdk';

/** A fresh cloud assembly directory (aws-cdk-lib removes its own temporary one when the process exits). */
export function tempOutdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-monitoring-cdk-out-'));
}

/**
 * An AWS CDK app with one Stack `test` (region eu-west-1, account 123456789012) and one MonitoringStack on an
 * AwsCdkTarget (environment `prod`): the same construct paths as test/targets/aws's cdktf environment.
 */
export function awsCdkEnvironment(
  target: AwsCdkTargetProps = {},
  props: Partial<MonitoringStackProps> = {},
  stackProps: StackProps = { env: { region: 'eu-west-1', account: '123456789012' } },
): { app: App; stack: Stack; monitoring: MonitoringStack; aws: AwsCdkTarget } {
  const app = new App({ outdir: tempOutdir() });
  const stack = new Stack(app, 'test', stackProps);
  const aws = new AwsCdkTarget(target);
  const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'prod', targets: [aws], ...props });
  return { app, stack, monitoring, aws };
}

/** The CloudFormation resources of `type` in a template, by logical id. */
export function resourcesOfType(template: Template, type: string): Record<string, { Properties: Record<string, any>; DependsOn?: string[] }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, any>; DependsOn?: string[] }>;
}

/**
 * A CloudFormation string value as text: literal parts kept, `Ref`s of pseudo parameters replaced by the
 * placeholders the rendered files use (`AWS::AccountId` → ACCOUNT_ID, `AWS::Partition` → aws).
 */
export function cfnText(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v && Array.isArray(v['Fn::Join'])) {
    const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(cfnText).join(separator);
  }
  if (v && v.Ref === 'AWS::AccountId') return 'ACCOUNT_ID';
  if (v && v.Ref === 'AWS::Partition') return 'aws';
  throw new Error(`not a text value: ${JSON.stringify(value)}`);
}

/** Synthesizes the app and returns the validation error message (or fails). */
export function cdkSynthError(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth succeeded, expected a validation error');
}
