import * as path from 'path';
import type { IConstruct } from 'constructs';
import type { IMonitoringEngine } from '../constructs/engine';

// CDK Terrain (`cdktn`), the community continuation of CDK for Terraform, has every class this engine uses under cdktf's
// names (docs/cdktn.md). It is loaded when the engine is first used, not imported: cdktn 0.24 and its providers want
// `constructs` >=10.6.0 <10.8.0, so it cannot be a dev dependency of this repository (constructs 10.8), and an app
// without cdktn must be able to load the library. These interfaces are the parts of cdktn 0.24.0 the engine calls.

/** `cdktn`'s index: the classes the engine calls. */
interface CdktnModule {
  readonly Lazy: { stringValue(producer: { produce(): string }): string };
  readonly TerraformStack: { of(construct: IConstruct): IConstruct };
  readonly AnnotationMetadataEntryType: { readonly WARN: string };
}

/** `cdktn/lib/synthesize/synthesizer`: the custom synthesis hook (not in cdktn's index, as in cdktf). */
interface CdktnSynthesizer {
  addCustomSynthesis(construct: IConstruct, synthesis: { onSynthesize(session: CdktnSession): void }): void;
}

/** The part of cdktn's `ISynthesisSession` the engine reads. */
interface CdktnSession {
  readonly outdir: string;
  readonly manifest: { forStack(stack: IConstruct): { readonly workingDirectory: string } };
}

/** The cdktn range this engine is written and tested for (`test/engines/cdktn.test.ts`). */
export const CDKTN_RANGE = '^0.24.0';

/** Loads `module` of cdktn, or says what to install. */
function load<T>(module: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(module) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    throw new Error(
      `CDKTN_ENGINE needs the package cdktn (${CDKTN_RANGE}, CDK Terrain), which is not installed. ` +
        `Install it in the app with a constructs version it accepts: npm install cdktn@${CDKTN_RANGE} "constructs@>=10.6.0 <10.8.0"`,
    );
  }
}

const cdktn = (): CdktnModule => load<CdktnModule>('cdktn');

/** The TerraformStack `scope` is in, or undefined. */
function terraformStackOf(scope: IConstruct): IConstruct | undefined {
  const { TerraformStack } = cdktn();
  try {
    return TerraformStack.of(scope);
  } catch {
    return undefined; // not in a TerraformStack (yet)
  }
}

/**
 * CDK Terrain (`cdktn` 0.24) as a MonitoringStack's engine, for a target of your own that creates cdktn resources
 * (the library's Docker, Grafana and AWS targets create cdktf resources, which a cdktn stack refuses). It behaves as
 * `CDKTF_ENGINE` does, through cdktn's classes of the same names:
 *
 * - lazy values are `Lazy.stringValue`;
 * - warnings are warning metadata (`AnnotationMetadataEntryType.WARN`), once per construct and message, without the
 *   stack trace `Annotations` would record;
 * - rendered files go to `<outdir>/stacks/<stack>/rendered/<MonitoringStack id>/`, through cdktn's custom synthesis;
 * - the stack is `TerraformStack.of`, or none.
 *
 * cdktn is loaded on first use; without it the error says what to install.
 */
export const CDKTN_ENGINE: IMonitoringEngine = {
  name: 'cdktn',
  stackKind: 'TerraformStack',

  lazyString(produce: () => string): string {
    return cdktn().Lazy.stringValue({ produce });
  },

  addWarning(scope: IConstruct, message: string): void {
    const warn = cdktn().AnnotationMetadataEntryType.WARN;
    if (!scope.node.metadata.some((m) => m.type === warn && m.data === message)) scope.node.addMetadata(warn, message);
  },

  onSynthesize(monitoring: IConstruct, write: (dir: string) => void): void {
    const { TerraformStack } = cdktn();
    load<CdktnSynthesizer>('cdktn/lib/synthesize/synthesizer').addCustomSynthesis(monitoring, {
      onSynthesize: (session: CdktnSession) => {
        const stack = TerraformStack.of(monitoring);
        write(path.join(session.outdir, session.manifest.forStack(stack).workingDirectory, 'rendered', monitoring.node.id));
      },
    });
  },

  stackOf: terraformStackOf,
};
