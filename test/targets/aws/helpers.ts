import { TerraformStack, Testing } from 'cdktf';
import { MonitoringStack, MonitoringStackProps } from '../../../lib';
import { AwsManagedTarget, AwsManagedTargetProps } from '../../../lib/targets/aws';

/** A test stack with one MonitoringStack on an AwsManagedTarget (environment `prod`, region eu-west-1). */
export function awsEnvironment(
  target: Partial<AwsManagedTargetProps> = {},
  props: Partial<MonitoringStackProps> = {},
): { stack: TerraformStack; monitoring: MonitoringStack; aws: AwsManagedTarget } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const aws = new AwsManagedTarget({ region: 'eu-west-1', ...target });
  const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'prod', targets: [aws], ...props });
  return { stack, monitoring, aws };
}

/** The one resource of `type` in a synthesized stack. */
export function onlyResource(json: Record<string, any>, type: string): Record<string, any> {
  const all = Object.values(json.resource?.[type] ?? {}) as Record<string, any>[];
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}
