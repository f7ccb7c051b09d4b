import * as path from 'path';
import { attachCustomSynthesis, ISynthesisSession, Lazy, Stack, Token } from 'aws-cdk-lib';
import { ArtifactMetadataEntryType } from 'aws-cdk-lib/cloud-assembly-schema';
import { Construct, IConstruct } from 'constructs';
import type { IMonitoringEngine } from '../constructs/engine';
import { describeConstruct, MonitoringConfigError } from '../model/errors';

/** The metadata type the AWS CDK CLI prints as a warning (`aws:cdk:warning`, what `Annotations.addWarning` writes). */
const AWS_CDK_WARNING: string = ArtifactMetadataEntryType.WARN;

/** The directory, under the cloud assembly, that holds a stack's rendered monitoring files. */
export function renderedDirectoryOf(stack: Stack): string {
  return `${stack.artifactId}.rendered`;
}

const WRITERS = Symbol.for('cdktf-monitoring.aws-cdk.rendered-file-writers');

/** The callbacks registered for one MonitoringStack, run in registration order by one writer construct. */
interface Writers {
  readonly callbacks: ((dir: string) => void)[];
}

function stackOf(scope: IConstruct): Stack | undefined {
  const scopes = scope.node.scopes;
  for (let i = scopes.length - 1; i >= 0; i--) if (Stack.isStack(scopes[i])) return scopes[i] as Stack;
  return undefined;
}

/**
 * The AWS CDK engine (aws-cdk-lib 2.x), given by {@link AwsCdkTarget}:
 *
 * - lazy values are `Lazy.string`, resolved when the template is synthesized;
 * - warnings are `aws:cdk:warning` metadata on the construct, printed by `cdk synth` and readable with
 *   `assertions.Annotations`, written once per construct and message and without the stack trace `Annotations`
 *   records (it holds absolute paths, and a cloud assembly must not depend on where the checkout lives);
 * - rendered files go to `cdk.out/<stack artifact id>.rendered/<MonitoringStack id>/`, next to the stack's
 *   `<artifact id>.template.json` (in a Stage, in the Stage's nested assembly directory). They are written by
 *   `attachCustomSynthesis`, aws-cdk-lib's hook for constructs that add files to the cloud assembly: one writer
 *   construct per MonitoringStack, a sibling created right after it, so it runs after the whole MonitoringStack
 *   subtree (aws-cdk-lib synthesizes in post-order), and its callbacks in the order they were registered. aws-cdk-lib
 *   says the hook is meant for its own libraries (it is not in the jsii API); the stable alternative, a custom stack
 *   synthesizer, would replace the user's synthesizer, so the hook it is. The CDK CLI reads only the manifest, so the
 *   extra directory changes nothing it deploys;
 * - the stack is the nearest `Stack` (`Stack.of`), or none.
 */
export const AWS_CDK_ENGINE: IMonitoringEngine & {
  /** Whether `value` is (or contains) an aws-cdk-lib token. */
  isUnresolved(value: unknown): boolean;
} = {
  name: 'aws-cdk',
  stackKind: 'Stack',

  lazyString(produce: () => string): string {
    return Lazy.string({ produce });
  },

  addWarning(scope: IConstruct, message: string): void {
    if (!scope.node.metadata.some((m) => m.type === AWS_CDK_WARNING && m.data === message)) scope.node.addMetadata(AWS_CDK_WARNING, message);
  },

  onSynthesize(monitoring: IConstruct, write: (dir: string) => void): void {
    const registry = monitoring as unknown as Record<symbol, Writers | undefined>;
    const existing = registry[WRITERS];
    if (existing) {
      existing.callbacks.push(write);
      return;
    }
    const writers: Writers = { callbacks: [write] };
    Object.defineProperty(monitoring, WRITERS, { value: writers });
    const parent = monitoring.node.scope;
    if (!parent) throw new Error(`${monitoring.node.path || 'the root'}: a MonitoringStack needs a scope (a Stack)`);
    const writer = new Construct(parent, `${monitoring.node.id}-rendered-files`);
    attachCustomSynthesis(writer, {
      onSynthesize: (session: ISynthesisSession) => {
        const stack = stackOf(monitoring);
        if (!stack) {
          throw new MonitoringConfigError(
            describeConstruct('MonitoringStack', monitoring.node.path),
            'scope',
            'is not inside an aws-cdk-lib Stack; expected the MonitoringStack inside a Stack (new Stack(app, "prod")), whose template it adds to',
          );
        }
        const dir = path.join(session.outdir, renderedDirectoryOf(stack), monitoring.node.id);
        for (const callback of writers.callbacks) callback(dir);
      },
    });
  },

  stackOf(scope: IConstruct): IConstruct | undefined {
    return stackOf(scope);
  },

  isUnresolved(value: unknown): boolean {
    return Token.isUnresolved(value);
  },
};
