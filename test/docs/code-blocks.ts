import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// The TypeScript code blocks of README.md and docs/*.md, compiled against lib/ as if `cdktf-monitoring` were
// installed, and the ones that add to an environment pasted together into the README's stack.

const ROOT = path.resolve(__dirname, '../..');
/** Where the blocks live for the compiler (nothing is written there): node_modules resolves from ROOT. */
const SNIPPETS = path.join(ROOT, 'test/docs/__snippets__');

/** One ```ts block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository, e.g. `docs/logs.md`. */
  readonly doc: string;
  /** The line of the opening fence. */
  readonly line: number;
  readonly code: string;
  /** The block's file name when its first line names one (`// monitoring.ts`), so other blocks can import it. */
  readonly fileName?: string;
  /** The file the compiler sees. */
  readonly virtualPath: string;
}

/** The documentation files whose code blocks are checked. */
export function documentationFiles(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

/** Every ```ts / ```typescript block of `doc`. */
export function codeBlocks(doc: string): CodeBlock[] {
  const lines = fs.readFileSync(path.join(ROOT, doc), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  const dir = path.join(SNIPPETS, doc.replace(/\.md$/, '').replace(/[^a-zA-Z0-9]+/g, '-'));
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)(`{3,})(\S*)/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === fence[2]);
    if (end < 0) throw new Error(`${doc}:${i + 1}: code block without an end`);
    if (fence[3] === 'ts' || fence[3] === 'typescript') {
      const code = lines.slice(i + 1, end).map((l) => l.slice(fence[1].length)).join('\n') + '\n';
      const named = /^\/\/ ([\w./-]+\.ts)\s*$/.exec(code.split('\n')[0]);
      blocks.push({ doc, line: i + 1, code, fileName: named?.[1], virtualPath: path.join(dir, named ? named[1] : `block-${i + 1}.ts`) });
    }
    i = end;
  }
  return blocks;
}

/**
 * A block that adds to an environment someone else made: it uses `monitoring` without declaring it, and is neither a
 * program of its own (a class, a test, an AWS environment) nor reads files from disk.
 */
export function addsToEnvironment(block: CodeBlock): boolean {
  const code = block.code;
  const withoutImports = code.replace(/^import[\s\S]*?from\s+'[^']+';$/gm, '');
  return (
    /\bmonitoring\b/.test(withoutImports) &&
    !/\b(const|let|var)\s+monitoring\b/.test(code) &&
    !/^\s*(export\s+)?class\s/m.test(code) &&
    !/\b(describe|test|it)\(/.test(code) &&
    !/readFileSync/.test(code) &&
    !/cdktf-monitoring\/aws/.test(code)
  );
}

/** What the blocks may use without declaring it: the environment and the TerraformStack they are written in. */
const GLOBALS = `import type { TerraformStack } from 'cdktf';
import type { MonitoringStack } from 'cdktf-monitoring';
declare global {
  /** The environment a block adds to. */
  const monitoring: MonitoringStack;
  /** The TerraformStack the environment is in. */
  const stack: TerraformStack;
}
export {};
`;

function compilerOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  })!;
  return {
    ...config.options,
    noEmit: true,
    // A block shows one thing; a variable it declares for the reader need not be used.
    noUnusedLocals: false,
    paths: {
      'cdktf-monitoring': [path.join(ROOT, 'lib/index.ts')],
      'cdktf-monitoring/aws': [path.join(ROOT, 'lib/targets/aws/index.ts')],
      'cdktf-monitoring/aws-cdk': [path.join(ROOT, 'lib/aws-cdk.ts')],
      'cdktf-monitoring/cdktn': [path.join(ROOT, 'lib/cdktn.ts')],
    },
  };
}

/** Type errors of the given virtual files (path → text), as `doc:line: message` where a block maps back. */
export function compileErrors(files: ReadonlyMap<string, string>, origin: (file: string, line: number) => string): string[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const virtual = new Map(files);
  virtual.set(path.join(SNIPPETS, 'globals.d.ts'), GLOBALS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) =>
    virtual.has(path.resolve(name)) ? ts.createSourceFile(name, virtual.get(path.resolve(name))!, version) : getSourceFile(name, version, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(path.resolve(name)) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) => [...virtual.keys()].some((f) => f.startsWith(path.resolve(dir) + path.sep)) || (directoryExists?.(dir) ?? ts.sys.directoryExists(dir));
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(path.resolve(name)) ?? readFile(name);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const errors: string[] = [];
  for (const file of files.keys()) {
    const source = program.getSourceFile(file)!;
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const { line } = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0 };
      errors.push(`${origin(file, line)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return errors;
}

interface Imports {
  /** module → named imports (`Name` or `type Name`) */
  readonly named: Map<string, Set<string>>;
  /** full import statements that are not plain named imports (`import * as fs from 'fs'`) */
  readonly other: Set<string>;
}

/** Splits a block into its imports and the rest. */
function splitImports(code: string, into: Imports): string {
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true);
  let rest = code;
  for (const statement of [...source.statements].reverse()) {
    if (!ts.isImportDeclaration(statement)) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && !statement.importClause!.name) {
      const names = into.named.get(from) ?? new Set<string>();
      const typeOnly = statement.importClause!.isTypeOnly;
      for (const element of bindings.elements) names.add(`${typeOnly || element.isTypeOnly ? 'type ' : ''}${element.getText()}`.replace(/^type type /, 'type '));
      into.named.set(from, names);
    } else {
      into.other.add(statement.getText());
    }
    rest = rest.slice(0, statement.getFullStart()) + rest.slice(statement.getEnd());
  }
  return rest;
}

function importText(imports: Imports): string {
  const lines = [...imports.other];
  for (const [from, names] of imports.named) {
    // a name imported as a value covers its type-only import
    const values = new Set([...names].filter((n) => !n.startsWith('type ')));
    const list = [...names].filter((n) => !(n.startsWith('type ') && values.has(n.slice(5))));
    lines.push(`import { ${[...new Set(list)].sort().join(', ')} } from '${from}';`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The README's stack (the class in the block named `monitoring.ts`) with every block that adds to an environment
 * pasted at the end of its constructor, each in its own scope, with the imports merged.
 */
export function pastedIntoOneStack(base: CodeBlock, additions: readonly CodeBlock[]): string {
  const imports: Imports = { named: new Map(), other: new Set() };
  const baseCode = splitImports(base.code, imports);
  const bodies = additions.map((b) => `    { // ${b.doc}:${b.line}\n${splitImports(b.code, imports)}\n    }`);
  const source = ts.createSourceFile('base.ts', baseCode, ts.ScriptTarget.ES2022, true);
  const ctor = source.statements
    .filter(ts.isClassDeclaration)
    .flatMap((c) => c.members.filter(ts.isConstructorDeclaration))[0];
  if (!ctor?.body) throw new Error(`${base.doc}:${base.line}: no class with a constructor to paste into`);
  const at = ctor.body.getEnd() - 1;
  const pasted = `    const stack = this;\n    void stack;\n${bodies.join('\n')}\n  `;
  return importText(imports) + baseCode.slice(0, at) + pasted + baseCode.slice(at);
}

/** Runs TypeScript `code` as a CommonJS module, with `cdktf-monitoring` served from lib/. Returns its exports. */
export function runModule(code: string, load: (specifier: string) => unknown): Record<string, unknown> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', js)(load, module, module.exports);
  return module.exports;
}
