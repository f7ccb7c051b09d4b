/**
 * A parser for the Alloy configuration syntax subset the renderer writes (blocks, attributes, strings with the
 * documented escapes, numbers, booleans, lists, objects and component references), so tests can check the rendered
 * text structurally. Grammar: Alloy v1.18.1 docs/sources/get-started/syntax.md; string escapes:
 * docs/sources/get-started/expressions/types_and_values.md ("Strings").
 */

/** A parsed value. */
export type AlloyParsedValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'ref'; readonly value: string }
  | { readonly type: 'list'; readonly value: readonly AlloyParsedValue[] }
  | { readonly type: 'object'; readonly value: ReadonlyMap<string, AlloyParsedValue> };

/** A parsed block. */
export interface AlloyParsedBlock {
  readonly name: string;
  readonly label?: string;
  readonly attributes: Map<string, AlloyParsedValue>;
  readonly blocks: AlloyParsedBlock[];
}

type Token = { kind: 'ident' | 'string' | 'number' | 'punct'; text: string; at: number };

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', "'": "'", '"': '"' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (c === '"') {
      const start = i;
      let value = '';
      i += 1;
      while (text[i] !== '"') {
        if (i >= text.length || text[i] === '\n') throw new Error(`unterminated string at ${start}`);
        if (text[i] === '\\') {
          const e = text[i + 1];
          if (SIMPLE_ESCAPES[e] !== undefined) {
            value += SIMPLE_ESCAPES[e];
            i += 2;
          } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
            i += 6;
          } else {
            throw new Error(`invalid escape \\${e} at ${i}`);
          }
        } else {
          value += text[i];
          i += 1;
        }
      }
      i += 1;
      tokens.push({ kind: 'string', text: value, at: start });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', text: m[0], at: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'ident', text: m[0], at: i });
      i += m[0].length;
    } else if ('{}[]=,'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, at: i });
      i += 1;
    } else {
      throw new Error(`unexpected character ${JSON.stringify(c)} at ${i}`);
    }
  }
  return tokens;
}

/** Parses a whole Alloy file into its top-level blocks; throws on anything outside the subset. */
export function parseAlloy(text: string): AlloyParsedBlock[] {
  const tokens = tokenize(text);
  let p = 0;
  const peek = (): Token | undefined => tokens[p];
  const expect = (t: string): void => {
    const tok = tokens[p];
    if (!tok || tok.text !== t || tok.kind === 'string') throw new Error(`expected ${t} at token ${p} (${JSON.stringify(tok)})`);
    p += 1;
  };
  const value = (): AlloyParsedValue => {
    const tok = tokens[p];
    if (!tok) throw new Error('unexpected end of file');
    p += 1;
    if (tok.kind === 'string') return { type: 'string', value: tok.text };
    if (tok.kind === 'number') return { type: 'number', value: Number(tok.text) };
    if (tok.kind === 'ident') {
      if (tok.text === 'true' || tok.text === 'false') return { type: 'bool', value: tok.text === 'true' };
      return { type: 'ref', value: tok.text };
    }
    if (tok.text === '[') {
      const items: AlloyParsedValue[] = [];
      while (peek()?.text !== ']') {
        items.push(value());
        if (peek()?.text === ',') p += 1;
        else break;
      }
      expect(']');
      return { type: 'list', value: items };
    }
    if (tok.text === '{') {
      const entries = new Map<string, AlloyParsedValue>();
      while (peek()?.text !== '}') {
        const key = tokens[p];
        if (!key || (key.kind !== 'string' && key.kind !== 'ident')) throw new Error(`expected an object key at token ${p}`);
        p += 1;
        expect('=');
        if (entries.has(key.text)) throw new Error(`duplicate object key ${key.text}`);
        entries.set(key.text, value());
        if (peek()?.text === ',') p += 1;
        else break;
      }
      expect('}');
      return { type: 'object', value: entries };
    }
    throw new Error(`unexpected token ${JSON.stringify(tok)}`);
  };
  const body = (closing: boolean): { attributes: Map<string, AlloyParsedValue>; blocks: AlloyParsedBlock[] } => {
    const attributes = new Map<string, AlloyParsedValue>();
    const blocks: AlloyParsedBlock[] = [];
    while (p < tokens.length && !(closing && peek()?.text === '}')) {
      const name = tokens[p];
      if (name.kind !== 'ident') throw new Error(`expected a name at token ${p} (${JSON.stringify(name)})`);
      p += 1;
      if (peek()?.text === '=' && peek()?.kind === 'punct') {
        p += 1;
        if (attributes.has(name.text)) throw new Error(`duplicate attribute ${name.text}`);
        attributes.set(name.text, value());
        continue;
      }
      let label: string | undefined;
      if (peek()?.kind === 'string') {
        label = (peek() as Token).text;
        p += 1;
      }
      expect('{');
      const inner = body(true);
      expect('}');
      blocks.push({ name: name.text, label, ...inner });
    }
    return { attributes, blocks };
  };
  const top = body(false);
  if (top.attributes.size > 0) throw new Error('attributes outside a block');
  return top.blocks;
}
