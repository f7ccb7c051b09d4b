import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { invalid, missing } from '../model/errors';
import { noSuchField, syntaxError, unsupportedField } from './messages';

/** One parsed YAML file and the name it is reported under. */
interface SourceFile {
  readonly where: string;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/**
 * Parses `text` the way Prometheus and Alertmanager read their files (YAML 1.1, as go-yaml does, with `<<` merge
 * keys) and returns a cursor on the top-level node. A syntax error throws with its line:column.
 * @param text the file's content
 * @param where the name the file is reported under, e.g. `alertmanager.yml`
 */
export function parseSource(text: string, where: string): SourceNode {
  if (typeof text !== 'string') throw invalid(where, 'YAML', text, 'the text of a YAML file');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, version: '1.1', merge: true, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    throw syntaxError(`${where}:${pos.line}:${pos.col}`, error.code, error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, ''));
  }
  const file: SourceFile = { where, doc, lines };
  const contents = (doc.contents as Node | null) ?? null;
  return new SourceNode(file, contents, '', [], contents?.range?.[0] ?? 0);
}

/**
 * A cursor on one node of a parsed YAML file. It knows the node's path (`route.routes[1].receiver`), its position
 * and the named things it is inside (`receiver email`), and builds error messages from them.
 */
export class SourceNode {
  /** @internal */
  constructor(
    private readonly file: SourceFile,
    private readonly node: Node | null,
    /** The node's path from the top of the file, e.g. `groups[0].rules[2].expr` (empty for the top). */
    public readonly path: string,
    private readonly names: readonly string[],
    private readonly offset: number,
  ) {}

  /** `<file>:<line>:<column>[, <named things>]`: the `where` part of an error message about this node. */
  public get where(): string {
    const { line, col } = this.file.lines.linePos(this.offset);
    return [`${this.file.where}:${line}:${col}`, ...this.names].join(', ');
  }

  /** The path for messages: the node's path, or `(top level)`. */
  public get field(): string {
    return this.path === '' ? '(top level)' : this.path;
  }

  /** The same node, described as being inside `name` too (e.g. `rule HighErrorRate`) in messages. */
  public named(name: string): SourceNode {
    return new SourceNode(this.file, this.node, this.path, [...this.names, name], this.offset);
  }

  /** True when the node is absent or YAML null (`key:` with no value). */
  public get isNull(): boolean {
    const node = this.resolved();
    return node === null || (isScalar(node) && node.value === null);
  }

  /** True when the node is a list. */
  public get isList(): boolean {
    return isSeq(this.resolved());
  }

  /** The node's plain value (for messages and for free-form maps). */
  public toJS(): unknown {
    const node = this.resolved();
    return node === null ? undefined : node.toJS(this.file.doc);
  }

  /** An error about this node: `<where>, <path>: got <value>, expected <expected>`. */
  public invalid(expected: string, shown: unknown = this.toJS()) {
    return invalid(this.where, this.field, shown, expected);
  }

  /** The node as a map; throws unless it is one. */
  public map(expected: string): SourceMap {
    const node = this.resolved();
    if (!isMap(node)) throw this.invalid(expected);
    const entries = new Map<string, { key: SourceNode; value: SourceNode }>();
    const merged = new Map<string, { key: SourceNode; value: SourceNode }>();
    for (const pair of node.items) {
      const keyNode = (pair.key as Node | null) ?? null;
      const rawKey = isScalar(keyNode) ? keyNode.value : keyNode;
      if (rawKey === '<<' || (isScalar(keyNode) && keyNode.source === '<<')) {
        // A merge key: the merged maps' keys count unless the map sets them itself (YAML merge semantics).
        const value = this.deref(pair.value as Node | null);
        const sources = isSeq(value) ? (value.items as Node[]) : [pair.value as Node];
        for (const source of sources) {
          const inner = this.at(source, this.path, source?.range?.[0]).map('a map to merge with `<<`');
          for (const k of inner.keys()) if (!merged.has(k)) merged.set(k, { key: inner.keyOf(k), value: inner.get(k)! });
        }
        continue;
      }
      if (typeof rawKey !== 'string' && typeof rawKey !== 'number' && typeof rawKey !== 'boolean') {
        throw this.at(keyNode, this.path, keyNode?.range?.[0]).invalid('a plain key');
      }
      const key = isScalar(keyNode) && typeof keyNode.source === 'string' ? keyNode.source : String(rawKey);
      const path = this.path === '' ? key : `${this.path}.${key}`;
      const valueNode = (pair.value as Node | null) ?? null;
      entries.set(key, {
        key: this.at(keyNode, path, keyNode?.range?.[0]),
        value: this.at(valueNode, path, valueNode?.range?.[0] ?? keyNode?.range?.[0]),
      });
    }
    for (const [k, v] of merged) if (!entries.has(k)) entries.set(k, v);
    return new SourceMap(this, entries);
  }

  /** The node as a list; throws unless it is one. */
  public seq(expected: string): SourceNode[] {
    const node = this.resolved();
    if (!isSeq(node)) throw this.invalid(expected);
    return node.items.map((item, i) => this.at((item as Node | null) ?? null, `${this.path}[${i}]`, (item as Node | null)?.range?.[0]));
  }

  /** The node as text. Plain numbers and booleans are taken as written (`1.10` stays `1.10`), as go-yaml does for string fields. */
  public string(expected: string): string {
    const node = this.resolved();
    if (!isScalar(node) || node.value === null) throw this.invalid(expected);
    if (typeof node.value === 'string') return node.value;
    if (typeof node.source === 'string') return node.source;
    return String(node.value);
  }

  /** The node as a boolean (YAML 1.1: `true`, `false`, `yes`, `no`, ...). */
  public boolean(): boolean {
    const node = this.resolved();
    if (!isScalar(node) || typeof node.value !== 'boolean') throw this.invalid('true or false');
    return node.value;
  }

  /** The node as a whole number ≥ 0. */
  public integer(): number {
    const node = this.resolved();
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value) || node.value < 0) {
      throw this.invalid('a whole number ≥ 0');
    }
    return node.value;
  }

  /** The node as a list of strings. */
  public strings(expected: string): string[] {
    return this.seq(expected).map((item) => item.string(expected));
  }

  /** The node as a map of strings to strings (labels, annotations, headers). */
  public stringMap(expected: string): Record<string, string> {
    const map = this.map(expected);
    const out: Record<string, string> = {};
    for (const key of map.keys()) out[key] = map.get(key)!.string(`a string value in ${expected}`);
    return out;
  }

  private resolved(): Node | null {
    return this.deref(this.node);
  }

  private deref(node: Node | null | undefined): Node | null {
    if (node === undefined || node === null) return null;
    return isAlias(node) ? ((node.resolve(this.file.doc) as Node | undefined) ?? null) : node;
  }

  private at(node: Node | null, path: string, offset: number | undefined): SourceNode {
    return new SourceNode(this.file, node, path, this.names, offset ?? this.offset);
  }
}

/** A YAML map with its keys in file order, and checks on which keys may appear. */
export class SourceMap {
  /** @internal */
  constructor(
    /** The map itself. */
    public readonly node: SourceNode,
    private readonly entries: ReadonlyMap<string, { key: SourceNode; value: SourceNode }>,
  ) {}

  /** The keys, in file order. */
  public keys(): string[] {
    return [...this.entries.keys()];
  }

  /** True when `key` is present (even with a null value). */
  public has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value under `key`, or undefined when the key is absent. */
  public get(key: string): SourceNode | undefined {
    return this.entries.get(key)?.value;
  }

  /** The value under `key`, or undefined when it is absent or null. */
  public opt(key: string): SourceNode | undefined {
    const value = this.get(key);
    return value === undefined || value.isNull ? undefined : value;
  }

  /** The value under `key`; throws a "missing" error when it is absent or null. */
  public req(key: string, expected: string): SourceNode {
    const value = this.opt(key);
    if (value === undefined) throw missing(this.node.where, this.node.path === '' ? key : `${this.node.path}.${key}`, expected);
    return value;
  }

  /** A cursor on the key itself (for messages about the key, such as an unknown field). */
  public keyOf(key: string): SourceNode {
    return this.entries.get(key)?.key ?? this.node;
  }

  /**
   * Refuses keys outside `known`: the error names the key's position and lists the known keys, or gives the
   * `hints` text for keys that are a known mistake (`severity:` at the top of a rule). A key the program has
   * (`programFields`, the field list of Prometheus or Alertmanager) but the library does not model is refused as
   * "not supported by cdktf-monitoring (yet)", not as a misspelling.
   */
  public checkKeys(owner: string, known: readonly string[], hints: Readonly<Record<string, string>> = {}, programFields: readonly string[] = []): void {
    for (const key of this.keys()) {
      if (known.includes(key)) continue;
      const at = this.keyOf(key);
      if (hints[key] === undefined && programFields.includes(key)) throw unsupportedField(at.where, at.field, owner, key, known);
      throw noSuchField(at.where, at.field, owner, key, known, hints[key], programFields);
    }
  }

  /** Optional string under `key`. */
  public optString(key: string, expected: string): string | undefined {
    return this.opt(key)?.string(expected);
  }

  /** Optional boolean under `key`. */
  public optBoolean(key: string): boolean | undefined {
    return this.opt(key)?.boolean();
  }

  /** The same map, described as being inside `name` too. */
  public named(name: string): SourceMap {
    const renamed = new Map<string, { key: SourceNode; value: SourceNode }>();
    for (const [k, v] of this.entries) renamed.set(k, { key: v.key.named(name), value: v.value.named(name) });
    return new SourceMap(this.node.named(name), renamed);
  }
}
