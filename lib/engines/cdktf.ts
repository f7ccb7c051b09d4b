import * as path from 'path';
import { AnnotationMetadataEntryType, ISynthesisSession, Lazy, TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { IConstruct } from 'constructs';
import type { IMonitoringEngine } from '../constructs/engine';

/** The TerraformStack `scope` is in, or undefined. */
function terraformStackOf(scope: IConstruct): TerraformStack | undefined {
  try {
    return TerraformStack.of(scope);
  } catch {
    return undefined; // not in a TerraformStack (yet)
  }
}

/**
 * CDK for Terraform as a MonitoringStack's engine: what the cdktf targets (`DockerHostTarget`, `AwsManagedTarget`,
 * `GrafanaTarget`) give as their {@link IMonitoringTarget.engine}. A target of your own that adds cdktf resources
 * gives this one too.
 */
export const CDKTF_ENGINE: IMonitoringEngine = {
  name: 'cdktf',
  stackKind: 'TerraformStack',

  lazyString(produce: () => string): string {
    return Lazy.stringValue({ produce });
  },

  /**
   * Written as metadata without a stack trace (`Annotations` would record one, with absolute paths, in the manifest,
   * and synth output must not depend on the checkout's location), once per construct and message: validations may run
   * more than once.
   */
  addWarning(scope: IConstruct, message: string): void {
    if (!scope.node.metadata.some((m) => m.type === AnnotationMetadataEntryType.WARN && m.data === message)) {
      scope.node.addMetadata(AnnotationMetadataEntryType.WARN, message);
    }
  },

  /** Writes to `cdktf.out/stacks/<stack>/rendered/<id of monitoring>` through cdktf's custom synthesis. */
  onSynthesize(monitoring: IConstruct, write: (dir: string) => void): void {
    addCustomSynthesis(monitoring, {
      onSynthesize: (session: ISynthesisSession) => {
        const stack = TerraformStack.of(monitoring);
        write(path.join(session.outdir, session.manifest.forStack(stack).workingDirectory, 'rendered', monitoring.node.id));
      },
    });
  },

  stackOf: terraformStackOf,
};
