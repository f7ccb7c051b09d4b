import type { IConstruct } from 'constructs';

/**
 * What differs between the IaC engines a MonitoringStack can live in (CDK for Terraform, AWS CDK). The constructs in
 * `lib/constructs` reach their engine only through this interface; each target provides its engine
 * ({@link IMonitoringTarget.engine}), and every target of one MonitoringStack must provide the same one.
 */
export interface IMonitoringEngine {
  /** The engine's name for messages: `cdktf`, `aws-cdk`. */
  readonly name: string;
  /** What the engine's stack is called in messages: `TerraformStack`, `Stack`. @default "stack" */
  readonly stackKind?: string;
  /** A string whose value is produced at synth, after every construct is declared. */
  lazyString(produce: () => string): string;
  /** A warning the engine prints at synth (once per scope and message, without a stack trace). */
  addWarning(scope: IConstruct, message: string): void;
  /**
   * Calls `write(dir)` once at synth with the directory for `monitoring`'s rendered files next to the engine's output,
   * e.g. `cdktf.out/stacks/<stack>/rendered/<id>` for cdktf.
   */
  onSynthesize(monitoring: IConstruct, write: (dir: string) => void): void;
  /** The engine's stack that `scope` is in, or undefined when it is in none (yet). */
  stackOf(scope: IConstruct): IConstruct | undefined;
}
