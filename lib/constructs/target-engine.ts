import { MonitoringConfigError } from '../model/errors';
import type { IMonitoringEngine } from './engine';
import type { IMonitoringTarget } from './target';

/** `targets[1] (AwsCdkTarget)`: a target as messages name it. */
function nameOf(target: IMonitoringTarget, i: number): string {
  return `targets[${i}] (${typeof target.kind === 'string' ? target.kind : 'a target'})`;
}

/** Whether `engine` has the members of an {@link IMonitoringEngine}. */
function isEngine(engine: unknown): engine is IMonitoringEngine {
  const e = engine as Partial<IMonitoringEngine> | null | undefined;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.name === 'string' &&
    typeof e.lazyString === 'function' &&
    typeof e.addWarning === 'function' &&
    typeof e.onSynthesize === 'function' &&
    typeof e.stackOf === 'function'
  );
}

/**
 * The engine of a MonitoringStack's targets: every target must give one, and the same one (a cdktf target's resources
 * cannot live in an AWS CDK stack). `targets` are the MonitoringStack's, `target` first, in order.
 */
export function engineOfTargets(targets: readonly IMonitoringTarget[], where: string): IMonitoringEngine {
  targets.forEach((target, i) => {
    if (!isEngine(target.engine)) {
      throw new MonitoringConfigError(
        where,
        `${nameOf(target, i)}.engine`,
        `got ${target.engine === undefined ? 'no engine' : 'an object that is not an engine'}; expected the IaC engine the target's resources ` +
          'belong to (an IMonitoringEngine with name, lazyString, addWarning, onSynthesize and stackOf, e.g. CDKTF_ENGINE for a cdktf target)',
      );
    }
  });
  const engine = targets[0].engine;
  targets.forEach((target, i) => {
    if (target.engine !== engine) {
      const same = target.engine.name === engine.name ? ' (another engine object of the same name)' : '';
      throw new MonitoringConfigError(
        where,
        nameOf(target, i),
        `runs on the ${target.engine.name} engine${same}, but ${nameOf(targets[0], 0)} runs on the ${engine.name} engine; expected every ` +
          'target of one MonitoringStack on the same engine (give the targets of each engine a MonitoringStack of their own, in a stack of that engine)',
      );
    }
  });
  return engine;
}
