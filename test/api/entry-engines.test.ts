import * as path from 'path';
import { EngineImport, engineImports } from '../helpers/engine-imports';

const LIB = path.join(__dirname, '../../lib');

/** The engine packages (by package name) a lib file reaches through its imports. */
function enginesOf(all: readonly EngineImport[], file: string): string[] {
  const names = all.filter((e) => e.file === file).map((e) => e.engine.split('/').slice(0, e.engine.startsWith('@') ? 2 : 1).join('/'));
  return [...new Set(names)].sort();
}

// Each entry point loads only its own engine: an AWS CDK app installs neither cdktf nor a Terraform provider, a cdktn
// app neither cdktf nor aws-cdk-lib (the packaging tests install them that way).
describe('the engines each entry point loads', () => {
  let all: EngineImport[];
  beforeAll(() => {
    all = engineImports(LIB);
  }, 120_000);

  test('lib/core.ts (the model, constructs, packs and importers, shared by every entry point) reaches no engine', () => {
    expect(enginesOf(all, 'core.ts')).toEqual([]);
  });

  test('cdktf-monitoring/aws-cdk reaches aws-cdk-lib only', () => {
    expect(enginesOf(all, 'aws-cdk.ts')).toEqual(['aws-cdk-lib']);
  });

  test('cdktf-monitoring/cdktn imports no engine (CDKTN_ENGINE loads cdktn when first used)', () => {
    expect(enginesOf(all, 'cdktn.ts')).toEqual([]);
  });

  test('cdktf-monitoring reaches cdktf and the providers of its targets, not aws-cdk-lib', () => {
    expect(enginesOf(all, 'index.ts')).toEqual(['@cdktf/provider-docker', '@cdktf/provider-random', 'cdktf']);
  });
});
