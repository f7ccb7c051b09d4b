import { Testing, TerraformStack } from 'cdktf';
import { DockerHostTarget, DockerHostTargetProps, IMonitoringTarget, MonitoringStack, MonitoringStackProps } from '../../lib';

/** A test stack with one MonitoringStack on a Docker host. */
export function dockerEnvironment(
  props: Partial<MonitoringStackProps> = {},
  target: DockerHostTargetProps = {},
): { stack: TerraformStack; monitoring: MonitoringStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  const monitoring = new MonitoringStack(stack, 'monitoring', {
    environment: 'dev',
    target: new DockerHostTarget(target),
    ...props,
  });
  return { stack, monitoring };
}

/** Parsed cdk.tf.json of a stack. */
export function synthJson(stack: TerraformStack, runValidations = true): Record<string, any> {
  return JSON.parse(Testing.synth(stack, runValidations));
}

/** The resources of one type in a synthesized stack, by logical id. */
export function resourcesOf(json: Record<string, any>, type: string): Record<string, any>[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** The program containers (not the config loaders). */
export function programContainers(json: Record<string, any>): Record<string, any>[] {
  return resourcesOf(json, 'docker_container').filter((c) => !c.name.endsWith('-config-loader'));
}

/** The program container whose name ends with `-<suffix>`. */
export function container(json: Record<string, any>, suffix: string): Record<string, any> {
  const found = programContainers(json).find((c) => c.name.endsWith(`-${suffix}`));
  if (!found) throw new Error(`no container ending in -${suffix}`);
  return found;
}

/** The config loader of the program container whose name ends with `-<suffix>`. */
export function loader(json: Record<string, any>, suffix: string): Record<string, any> {
  const found = resourcesOf(json, 'docker_container').find((c) => c.name.endsWith(`-${suffix}-config-loader`));
  if (!found) throw new Error(`no config loader for -${suffix}`);
  return found;
}

/** The files uploaded into the config volume of the container whose name ends with `-<suffix>`. */
export function uploadsOf(json: Record<string, any>, suffix: string): { file: string; content: string; permissions?: string }[] {
  return loader(json, suffix).upload ?? [];
}

/**
 * Gives `target` to a MonitoringStack (`test/monitoring`, environment `dev`): a target's props are checked when it is
 * created and reported when it is bound, naming the MonitoringStack.
 */
export function bindTarget(target: IMonitoringTarget, environment = 'dev'): MonitoringStack {
  return new MonitoringStack(new TerraformStack(Testing.app(), 'test'), 'monitoring', { environment, target });
}
