import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** The IaC engine packages: CDK for Terraform and CDK Terrain with their providers, AWS CDK. */
export const ENGINE_PACKAGE = /^(cdktf|cdktn|aws-cdk-lib)(\/|$)|^@(cdktf|cdktn|aws-cdk)\//;

/** An engine package a file reaches: directly, or through the chain of relative imports in `via`. */
export interface EngineImport {
  readonly file: string;
  readonly engine: string;
  readonly via: readonly string[];
}

/** Every module a TypeScript file names: `import`, `import type`, `export … from`, `require()`, `import()`. */
export function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

/**
 * The engine packages each `.ts` file under `dir` reaches, following relative imports (into any folder) so that a
 * sibling layer importing an engine is found too. Relative paths in the result are from `root`.
 */
export function engineImports(dir: string, root: string = dir): EngineImport[] {
  const found: EngineImport[] = [];
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
  for (const start of files.map((f) => path.resolve(dir, f))) {
    const seen = new Set<string>([start]);
    const queue: { file: string; via: string[] }[] = [{ file: start, via: [] }];
    while (queue.length > 0) {
      const { file, via } = queue.shift()!;
      for (const spec of importsOf(file)) {
        if (ENGINE_PACKAGE.test(spec)) found.push({ file: path.relative(root, start), engine: spec, via: via.map((v) => path.relative(root, v)) });
        if (!spec.startsWith('.')) continue;
        const next = resolveRelative(file, spec);
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push({ file: next, via: [...via, next] });
        }
      }
    }
  }
  return found;
}
