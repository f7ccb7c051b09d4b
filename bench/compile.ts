import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * Transpiles `lib/` and `bench/` to CommonJS in `outDir` (no type check: `npx tsc --noEmit` does that), so the
 * benchmark's child processes run plain JavaScript, as a user of the published package does, and no child pays
 * for TypeScript compilation. The children find `node_modules` through NODE_PATH (see {@link childEnv}).
 */
export function compileForBench(root: string, outDir: string, dirs: readonly string[] = ['lib', 'bench']): number {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    sourceMap: false,
  };
  let count = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const { outputText } = ts.transpileModule(fs.readFileSync(full, 'utf8'), { compilerOptions: options, fileName: full });
        const target = path.join(outDir, path.relative(root, full)).replace(/\.ts$/, '.js');
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, outputText);
        count++;
      } else if (entry.name.endsWith('.json')) {
        const target = path.join(outDir, path.relative(root, full));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(full, target);
      }
    }
  };
  for (const dir of dirs) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return count;
}

/** The environment of a child process: packages from the repo's node_modules, no cdktf update check. */
export function childEnv(root: string): NodeJS.ProcessEnv {
  const nodePath = [path.join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  return { ...process.env, NODE_PATH: nodePath, CHECKPOINT_DISABLE: '1' };
}
