import { IConstruct } from 'constructs';
import { MonitoringConfigError, showValue } from '../model/errors';
import type { IMonitoringEngine } from './engine';

const MONITORING_STACK = Symbol.for('cdktf-monitoring.MonitoringStack');

/**
 * Refuses a second MonitoringStack for the same environment in one stack of the engine (a TerraformStack for cdktf):
 * its Terraform variables, outputs and resource names are named after the environment, so cdktf would otherwise stop
 * with a bare "There is already a Construct with name 'dev_grafana_admin_password'".
 */
export function checkOneStackPerEnvironment(monitoring: IConstruct, engine: IMonitoringEngine, environment: string, where: string): void {
  // Not in a stack (yet): compare with the whole tree.
  const scope: IConstruct = engine.stackOf(monitoring) ?? monitoring.node.root;
  const other = scope.node
    .findAll()
    .find(
      (c) =>
        c !== monitoring &&
        (c as unknown as Record<symbol, unknown>)[MONITORING_STACK] === true &&
        (c as unknown as { environmentName?: string }).environmentName === environment,
    );
  if (other) {
    const stack = engine.stackKind ?? 'stack';
    throw new MonitoringConfigError(
      where,
      'environment',
      `got ${showValue(environment)}, which MonitoringStack ${other.node.path} in the same ${stack} already uses; expected one MonitoringStack ` +
        `per environment and ${stack} (its variables, outputs and resources are named after the environment): add the ` +
        `constructs to the existing MonitoringStack, give this one another environment name, or put it in its own ${stack}`,
    );
  }
}
