import * as path from 'path';
import * as ts from 'typescript';

// Reads the library's public surface with the TypeScript compiler: what each entry point exports, every type a
// public member names (followed transitively), and the JSDoc of every public property.

const ROOT = path.resolve(__dirname, '../..');

/** A type that a public member names but no entry point exports. */
export interface UnexportedType {
  readonly name: string;
  readonly file: string;
  /** How it is reached, e.g. `MonitoringStack.model → MonitoringEnvironment.scrapeJobs`. */
  readonly via: string;
}

/** A public property without JSDoc, or an optional one without `@default`. */
export interface DocProblem {
  readonly member: string;
  readonly problem: 'no JSDoc' | 'no @default';
}

/** What the surface of one entry point looks like. */
export interface EntrySurface {
  /** Every export, namespace members as `namespace.member`, sorted. */
  readonly exports: string[];
  /** The exports that exist at run time (classes, functions, constants, enums, namespaces). */
  readonly valueExports: string[];
  readonly unexported: UnexportedType[];
  readonly docProblems: DocProblem[];
}

const programs = new Map<string, ts.Program>();
function getProgram(files: readonly string[]): ts.Program {
  const key = files.join('\n');
  if (!programs.has(key)) {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
    })!;
    programs.set(key, ts.createProgram(files.map((e) => path.join(ROOT, e)), config.options));
  }
  return programs.get(key)!;
}

const hasTag = (node: ts.Node, tag: string): boolean => ts.getJSDocTags(node).some((t) => t.tagName.text === tag);

const isHidden = (decl: ts.Declaration): boolean => {
  const flags = ts.getCombinedModifierFlags(decl);
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return true;
  const name = (decl as ts.NamedDeclaration).name;
  if (name && ts.isPrivateIdentifier(name)) return true;
  return hasTag(decl, 'internal');
};

/**
 * The surface of `entry` (a path such as `lib/index.ts`). A type counts as exported when `entry` or one of
 * `alsoExportedBy` exports it (the `aws` entry point names the main entry point's `Secret` and `Duration`, which
 * users import from there). Only types declared under `ownDir` are checked: cdktf's, constructs' and the
 * foundation SDK's types are their packages' business.
 */
export function entrySurface(entry: string, alsoExportedBy: readonly string[] = [], ownDir = 'lib'): EntrySurface {
  const prog = getProgram([entry, ...alsoExportedBy]);
  const own = path.join(ROOT, ownDir).split(path.sep).join('/') + '/';
  const isOurs = (symbol: ts.Symbol): boolean => (symbol.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(own));
  const checker = prog.getTypeChecker();
  const valueNames = new Set<string>();
  const exportsOf = (file: string): Map<ts.Symbol, string> => {
    const source = prog.getSourceFile(path.join(ROOT, file));
    if (!source) throw new Error(`${file} is not in the program`);
    const found = new Map<ts.Symbol, string>();
    const add = (moduleSymbol: ts.Symbol, prefix: string) => {
      for (const e of checker.getExportsOfModule(moduleSymbol)) {
        const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
        found.set(target, prefix + e.name);
        const decl = e.declarations?.[0];
        const typeOnly = !!decl && ts.isExportSpecifier(decl) && (decl.isTypeOnly || decl.parent.parent.isTypeOnly);
        if (!typeOnly && target.flags & ts.SymbolFlags.Value) valueNames.add(prefix + e.name);
        if (target.flags & ts.SymbolFlags.ValueModule && target.declarations?.some(ts.isSourceFile)) add(target, `${prefix}${e.name}.`);
      }
    };
    add(checker.getSymbolAtLocation(source)!, '');
    return found;
  };
  const ownExports = exportsOf(entry);
  const exported = new Set<ts.Symbol>(ownExports.keys());
  for (const other of alsoExportedBy) for (const s of exportsOf(other).keys()) exported.add(s);

  const unexported = new Map<ts.Symbol, UnexportedType>();
  const docProblems: DocProblem[] = [];
  const seenSymbols = new Set<ts.Symbol>();
  const seenTypes = new Set<ts.Type>();

  const named = (symbol: ts.Symbol, via: string) => {
    if (!isOurs(symbol)) return;
    if (!exported.has(symbol) && !unexported.has(symbol)) {
      const decl = symbol.declarations![0];
      unexported.set(symbol, { name: symbol.name, file: path.relative(ROOT, decl.getSourceFile().fileName), via });
    }
    visitSymbol(symbol, via ? `${via} → ${symbol.name}` : symbol.name);
  };

  const visitSignature = (sig: ts.Signature, via: string) => {
    for (const p of sig.getParameters()) visitType(checker.getTypeOfSymbol(p), `${via}(${p.name})`);
    visitType(sig.getReturnType(), `${via}()`);
  };

  const visitType = (type: ts.Type, via: string): void => {
    if (seenTypes.has(type)) return;
    seenTypes.add(type);
    if (type.aliasSymbol) {
      named(type.aliasSymbol, via);
      for (const arg of type.aliasTypeArguments ?? []) visitType(arg, via);
      if (isOurs(type.aliasSymbol)) return;
      if (type.aliasTypeArguments?.length) return;
    }
    const symbol = type.getSymbol();
    if (type.flags & (ts.TypeFlags.EnumLiteral | ts.TypeFlags.Enum)) {
      const decl = symbol?.valueDeclaration;
      const enumDecl = decl && (ts.isEnumMember(decl) ? decl.parent : ts.isEnumDeclaration(decl) ? decl : undefined);
      const enumSymbol = enumDecl && checker.getSymbolAtLocation(enumDecl.name);
      if (enumSymbol) return named(enumSymbol, via);
    }
    if (type.isUnionOrIntersection()) {
      for (const t of type.types) visitType(t, via);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return;
    const object = type as ts.ObjectType;
    if (object.objectFlags & ts.ObjectFlags.Reference) {
      for (const arg of checker.getTypeArguments(object as ts.TypeReference)) visitType(arg, via);
    }
    if (symbol && symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.Enum)) {
      named(symbol, via);
      return;
    }
    if (symbol && !isOurs(symbol) && !(symbol.flags & (ts.SymbolFlags.TypeLiteral | ts.SymbolFlags.ObjectLiteral))) return;
    // an anonymous type written in our code: its members are part of the surface
    for (const prop of type.getProperties()) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (decl && isHidden(decl)) continue;
      visitType(checker.getTypeOfSymbol(prop), `${via}.${prop.name}`);
    }
    for (const sig of type.getCallSignatures()) visitSignature(sig, via);
    for (const sig of type.getConstructSignatures()) visitSignature(sig, via);
  };

  const checkDocs = (owner: string, member: ts.Declaration & { name?: ts.PropertyName }, optional: boolean) => {
    const name = `${owner}.${member.name ? member.name.getText() : '?'}`;
    const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
    if (docs.length === 0 || docs.every((d) => !d.comment && !(d.tags ?? []).length)) docProblems.push({ member: name, problem: 'no JSDoc' });
    else if (optional && !hasTag(member, 'default')) docProblems.push({ member: name, problem: 'no @default' });
  };

  function visitSymbol(symbol: ts.Symbol, via: string): void {
    if (seenSymbols.has(symbol) || !isOurs(symbol)) return;
    seenSymbols.add(symbol);
    for (const decl of symbol.declarations ?? []) {
      if (ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)) {
        for (const clause of decl.heritageClauses ?? []) {
          for (const t of clause.types) visitType(checker.getTypeAtLocation(t), `${via} extends`);
        }
        for (const member of decl.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
          if (isHidden(member) && !ts.isConstructorDeclaration(member)) continue;
          if (ts.isIndexSignatureDeclaration(member)) {
            visitType(checker.getTypeAtLocation(member.type), `${via}[]`);
            continue;
          }
          if (ts.isClassStaticBlockDeclaration(member) || ts.isSemicolonClassElement(member)) continue;
          const memberSymbol = (member as ts.NamedDeclaration).name
            ? checker.getSymbolAtLocation((member as ts.NamedDeclaration).name!)
            : undefined;
          const label = `${via}.${memberSymbol?.name ?? 'constructor'}`;
          if (ts.isConstructorDeclaration(member)) {
            // `constructor(public readonly spec: Spec)` declares a public property, whatever the constructor's access
            for (const param of member.parameters) {
              const flags = ts.getCombinedModifierFlags(param);
              if (!ts.isParameterPropertyDeclaration(param, member) || flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
              if (hasTag(param, 'internal')) continue;
              checkDocs(symbol.name, param as ts.ParameterDeclaration & { name: ts.Identifier }, !!param.questionToken || !!param.initializer);
              visitType(checker.getTypeAtLocation(param), `${via}.${param.name.getText()}`);
            }
          }
          if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member)) {
            if (!ts.isGetAccessorDeclaration(member)) checkDocs(symbol.name, member, !!member.questionToken);
            if (memberSymbol) visitType(checker.getTypeOfSymbol(memberSymbol), label);
          } else if (ts.isSetAccessorDeclaration(member) || (ts.isConstructorDeclaration(member) && isHidden(member))) {
            continue;
          } else {
            const sig = checker.getSignatureFromDeclaration(member as ts.SignatureDeclaration);
            if (sig) visitSignature(sig, label);
          }
        }
      } else if (ts.isTypeAliasDeclaration(decl)) {
        visitType(checker.getTypeAtLocation(decl.type), via);
        // `(typeof ACTIONS)[number]` names the constant ACTIONS
        const queries = (node: ts.Node): void => {
          if (ts.isTypeQueryNode(node)) {
            const target = checker.getSymbolAtLocation(node.exprName);
            if (target) named(target.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(target) : target, `${via} (typeof)`);
          }
          ts.forEachChild(node, queries);
        };
        queries(decl.type);
      } else if (ts.isFunctionDeclaration(decl)) {
        const sig = checker.getSignatureFromDeclaration(decl);
        if (sig) visitSignature(sig, via);
      } else if (ts.isVariableDeclaration(decl)) {
        visitType(checker.getTypeOfSymbol(symbol), via);
      }
    }
  }

  for (const [symbol, name] of ownExports) visitSymbol(symbol, name);
  return {
    exports: [...ownExports.values()].sort(),
    valueExports: [...ownExports.values()].filter((name) => valueNames.has(name)).sort(),
    unexported: [...unexported.values()].sort((a, b) => a.name.localeCompare(b.name)),
    docProblems,
  };
}
