/**
 * The part of Terraform's expression language that a synthesized `cdk.tf.json` uses in strings: templates with
 * `${…}` interpolations (escapes `$${` and `%%{`), references (`docker_volume.x.name`, `var.x`), literals, objects,
 * tuples and `jsonencode(…)`. Anything else (template directives `%{…}`, operators, other functions) is refused with
 * the expression quoted, so the deploy test fails instead of applying something it did not understand.
 */

/** A parsed expression. */
export type Expr =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'template'; readonly parts: readonly (string | Expr)[] }
  | { readonly kind: 'ref'; readonly path: readonly (string | number)[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'object'; readonly entries: readonly [Expr, Expr][] }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] };

/** Marks a value not known until apply (a computed attribute of a resource that will be created or replaced). */
export const UNKNOWN: unique symbol = Symbol('known after apply');

/** Resolves a reference (`['docker_volume', 'x', 'name']`, `['var', 'x']`) to its value, or UNKNOWN. */
export type Resolver = (path: readonly (string | number)[]) => unknown;

/** Parses a template string (a JSON string value of cdk.tf.json). */
export function parseTemplate(text: string): Expr {
  const parts: (string | Expr)[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      literal += '${';
      i += 3;
    } else if (text.startsWith('%%{', i)) {
      literal += '%{';
      i += 3;
    } else if (text.startsWith('${', i)) {
      if (literal) parts.push(literal);
      literal = '';
      const parser = new ExprParser(text, i + 2);
      const expr = parser.expression();
      parser.skipSpace();
      if (text[parser.pos] !== '}') throw new Error(`template: expected "}" at ${parser.pos} in ${quote(text)}`);
      parts.push(expr);
      i = parser.pos + 1;
    } else if (text.startsWith('%{', i)) {
      throw new Error(`template directives (%{…}) are not supported by the deploy test's applier: ${quote(text)}`);
    } else {
      literal += text[i];
      i += 1;
    }
  }
  if (literal || parts.length === 0) parts.push(literal);
  return parts.length === 1 && typeof parts[0] === 'string' ? { kind: 'literal', value: parts[0] } : { kind: 'template', parts };
}

function quote(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

class ExprParser {
  constructor(
    private readonly text: string,
    public pos: number,
  ) {}

  public skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos += 1;
  }

  private fail(what: string): never {
    throw new Error(`expression: ${what} at ${this.pos} in ${quote(this.text)}`);
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== ch) this.fail(`expected "${ch}"`);
    this.pos += 1;
  }

  public expression(): Expr {
    this.skipSpace();
    const ch = this.text[this.pos];
    let expr: Expr;
    if (ch === '"') expr = this.quoted();
    else if (ch === '{') expr = this.object();
    else if (ch === '[') expr = this.tuple();
    else if (/[0-9-]/.test(ch)) expr = this.number();
    else if (/[A-Za-z_]/.test(ch)) expr = this.identifierExpr();
    else this.fail(`unexpected ${JSON.stringify(ch ?? 'end')}`);
    this.skipSpace();
    // Operators and conditionals are not part of the subset: refuse them rather than misread them.
    if (/[+*/%<>!&|?]/.test(this.text[this.pos] ?? '') || this.text.startsWith('==', this.pos)) this.fail('operators are not supported');
    return expr;
  }

  private quoted(): Expr {
    // A quoted string is a template too; find its end, honouring escapes and nested interpolations.
    this.pos += 1;
    let raw = '';
    let depth = 0;
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('unterminated string');
      if (depth === 0 && c === '"') break;
      if (c === '\\') {
        const n = this.text[this.pos + 1];
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (n === 'u') {
          raw += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
          continue;
        }
        if (!(n in escapes)) this.fail(`unknown escape \\${n}`);
        raw += escapes[n];
        this.pos += 2;
        continue;
      }
      if (c === '$' && this.text[this.pos + 1] === '{' && this.text[this.pos - 1] !== '$') depth += 1;
      else if (c === '}' && depth > 0) depth -= 1;
      raw += c;
      this.pos += 1;
    }
    this.pos += 1;
    return parseTemplate(raw);
  }

  private number(): Expr {
    const m = this.text.slice(this.pos).match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/);
    if (!m) this.fail('bad number');
    this.pos += m[0].length;
    return { kind: 'literal', value: Number(m[0]) };
  }

  private identifier(): string {
    const m = this.text.slice(this.pos).match(/^[A-Za-z_][A-Za-z0-9_-]*/);
    if (!m) this.fail('expected an identifier');
    this.pos += m[0].length;
    return m[0];
  }

  private identifierExpr(): Expr {
    const name = this.identifier();
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    this.skipSpace();
    if (this.text[this.pos] === '(') {
      this.pos += 1;
      const args: Expr[] = [];
      this.skipSpace();
      while (this.text[this.pos] !== ')') {
        args.push(this.expression());
        this.skipSpace();
        if (this.text[this.pos] === ',') this.pos += 1;
        else if (this.text[this.pos] !== ')') this.fail('expected "," or ")"');
        this.skipSpace();
      }
      this.pos += 1;
      return { kind: 'call', name, args };
    }
    const path: (string | number)[] = [name];
    for (;;) {
      if (this.text[this.pos] === '.') {
        this.pos += 1;
        path.push(this.identifier());
      } else if (this.text[this.pos] === '[') {
        this.pos += 1;
        this.skipSpace();
        const m = this.text.slice(this.pos).match(/^\d+/);
        if (!m) this.fail('only numeric indexes are supported');
        this.pos += m[0].length;
        this.expect(']');
        path.push(Number(m[0]));
      } else break;
    }
    return { kind: 'ref', path };
  }

  private object(): Expr {
    this.pos += 1;
    const entries: [Expr, Expr][] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '}') break;
      const key = this.text[this.pos] === '"' ? this.quoted() : { kind: 'literal' as const, value: this.identifier() };
      this.skipSpace();
      if (this.text[this.pos] !== '=' && this.text[this.pos] !== ':') this.fail('expected "=" or ":"');
      this.pos += 1;
      entries.push([key, this.expression()]);
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos += 1;
    }
    this.pos += 1;
    return { kind: 'object', entries };
  }

  private tuple(): Expr {
    this.pos += 1;
    const items: Expr[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') break;
      items.push(this.expression());
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos += 1;
    }
    this.pos += 1;
    return { kind: 'tuple', items };
  }
}

/**
 * Terraform's `jsonencode`: keys in lexical order (cty objects are), and `<`, `>`, `&`, U+2028, U+2029 escaped as
 * Go's encoding/json does.
 */
export function terraformJsonEncode(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as any)[k])])) : v;
  return JSON.stringify(sorted(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function containsUnknown(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === 'object') return Object.values(v).some(containsUnknown);
  return false;
}

/** Evaluates an expression. A template with an unknown part, or a function of an unknown value, is UNKNOWN. */
export function evaluate(expr: Expr, resolve: Resolver): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'ref':
      return resolve(expr.path);
    case 'template': {
      // A template that is exactly one interpolation yields the value itself (a list stays a list), as in Terraform.
      if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string') return evaluate(expr.parts[0], resolve);
      const values = expr.parts.map((p) => (typeof p === 'string' ? p : evaluate(p, resolve)));
      if (values.some((v) => v === UNKNOWN)) return UNKNOWN;
      return values.map((v) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fail(`cannot interpolate ${JSON.stringify(v)} into a string`))).join('');
    }
    case 'object':
      return Object.fromEntries(expr.entries.map(([k, v]) => [String(evaluate(k, resolve)), evaluate(v, resolve)]));
    case 'tuple':
      return expr.items.map((i) => evaluate(i, resolve));
    case 'call': {
      const args = expr.args.map((a) => evaluate(a, resolve));
      if (args.some(containsUnknown)) return UNKNOWN;
      if (expr.name === 'jsonencode' && args.length === 1) return terraformJsonEncode(args[0]);
      return fail(`function ${expr.name}() is not supported by the deploy test's applier`);
    }
  }
}

function fail(message: string): never {
  throw new Error(message);
}

/** The references an expression makes (resource addresses `type.name`, and `var.x`). */
export function referencesOf(expr: Expr): string[] {
  switch (expr.kind) {
    case 'ref':
      return [expr.path.slice(0, 2).join('.')];
    case 'template':
      return expr.parts.flatMap((p) => (typeof p === 'string' ? [] : referencesOf(p)));
    case 'object':
      return expr.entries.flatMap(([k, v]) => [...referencesOf(k), ...referencesOf(v)]);
    case 'tuple':
      return expr.items.flatMap(referencesOf);
    case 'call':
      return expr.args.flatMap(referencesOf);
    default:
      return [];
  }
}

/** Resolves every string in a JSON value as a template: the value Terraform would pass to the provider. */
export function resolveValue(value: unknown, resolve: Resolver): unknown {
  if (typeof value === 'string') return evaluate(parseTemplate(value), resolve);
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, resolve));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, resolve)]));
  return value;
}

/** Every reference made by the strings of a JSON value. */
export function referencesIn(value: unknown): string[] {
  if (typeof value === 'string') return referencesOf(parseTemplate(value));
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(referencesIn);
  return [];
}

/** True when a resolved value still holds an unknown part. */
export function hasUnknown(value: unknown): boolean {
  return containsUnknown(value);
}
