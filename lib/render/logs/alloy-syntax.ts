/**
 * A small writer for Grafana Alloy configuration syntax (blocks, attributes, strings, lists, objects and references),
 * laid out the way `alloy fmt` lays it out: two-space indent, `=` aligned within a block, one blank line between blocks.
 * Syntax reference: Alloy v1.18.1 docs/sources/get-started/syntax.md and expressions/types_and_values.md.
 */

/** A reference to another component's export, written as is (e.g. `discovery.docker.containers.targets`). */
export class AlloyRef {
  constructor(
    /** The expression text. */
    public readonly expression: string,
  ) {}
}

/** A value an attribute can hold. */
export type AlloyValue = string | number | boolean | AlloyRef | readonly AlloyValue[] | AlloyObject;

/** An object literal; keys are always quoted, which Alloy accepts for any key. */
export interface AlloyObject {
  readonly [key: string]: AlloyValue;
}

/** A block: `name "label" { attributes... blocks... }`. */
export interface AlloyBlock {
  readonly name: string;
  readonly label?: string;
  /** Attributes in order; undefined values are left out. */
  readonly attributes?: readonly (readonly [string, AlloyValue | undefined])[];
  readonly blocks?: readonly AlloyBlock[];
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A double-quoted Alloy string: `\`, `"`, newlines and tabs escaped, other control characters as `\uNNNN`. */
export function alloyString(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (ch < ' ' || ch === '\u007f') out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function isObject(value: AlloyValue): value is AlloyObject {
  return typeof value === 'object' && !(value instanceof AlloyRef) && !Array.isArray(value);
}

/** Writes a value; `indent` is the indentation of the line the value starts on. */
function value(v: AlloyValue, indent: string): string {
  if (typeof v === 'string') return alloyString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof AlloyRef) return v.expression;
  if (Array.isArray(v)) {
    // Objects in a list open on the list's line: `[{` ... `}, {` ... `}]`, as alloy fmt writes them.
    return `[${(v as readonly AlloyValue[]).map((item) => value(item, indent)).join(', ')}]`;
  }
  const entries = Object.entries(v as AlloyObject);
  if (entries.length === 0) return '{}';
  if (entries.length === 1 && !isObject(entries[0][1]) && !Array.isArray(entries[0][1])) {
    return `{${alloyString(entries[0][0])} = ${value(entries[0][1], indent)}}`;
  }
  const inner = `${indent}  `;
  const width = Math.max(...entries.map(([k]) => alloyString(k).length));
  const lines = entries.map(([k, item]) => `${inner}${alloyString(k).padEnd(width)} = ${value(item, inner)},`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** Writes one block (and its nested blocks) at the given indentation. */
export function renderAlloyBlock(block: AlloyBlock, indent = ''): string {
  const head = block.label === undefined ? block.name : `${block.name} ${alloyString(block.label)}`;
  const inner = `${indent}  `;
  const attributes = (block.attributes ?? []).filter((a): a is readonly [string, AlloyValue] => a[1] !== undefined);
  const width = attributes.length === 0 ? 0 : Math.max(...attributes.map(([k]) => k.length));
  const parts: string[] = [];
  if (attributes.length > 0) parts.push(attributes.map(([k, v]) => `${inner}${k.padEnd(width)} = ${value(v, inner)}`).join('\n'));
  for (const child of block.blocks ?? []) parts.push(renderAlloyBlock(child, inner));
  if (parts.length === 0) return `${indent}${head} { }`;
  return `${indent}${head} {\n${parts.join('\n\n')}\n${indent}}`;
}

/** Writes a whole file: `//` header lines, then the blocks separated by blank lines. */
export function renderAlloyFile(header: string, blocks: readonly AlloyBlock[]): string {
  const comment = header.split('\n').map((l) => `// ${l}`.trimEnd()).join('\n');
  return `${comment}\n\n${blocks.map((b) => renderAlloyBlock(b)).join('\n\n')}\n`;
}
