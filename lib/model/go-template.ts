// A parser for Go's text/template syntax, the language of Prometheus' alert annotations and labels and of
// Alertmanager's notification templates. It follows Go's text/template/parse (lex.go, parse.go of Go 1.23+: trim
// markers, comments, `break`/`continue`, `else with`, `=` assignment, newlines inside actions) and reports what Go's
// parser refuses, with the offset of the culprit: syntax errors, functions the program does not define, variables
// never declared. No npm package does this: @ctrl/golang-template renders a subset without positions, and
// @evertdespiegeleer/go-template runs Go's engine in WebAssembly without a way to register the programs' functions.

/** A parse error: Go's wording, at a 0-based offset of the text. */
export class GoTemplateSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based offset of the culprit in the template text. */
    public readonly offset: number,
  ) {
    super(message);
    this.name = 'GoTemplateSyntaxError';
  }
}

type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'rawString'
  | 'char'
  | 'charConstant'
  | 'number'
  | 'complex'
  | 'bool'
  | 'nil'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'eof'
  | 'error'
  | Keyword;

type Keyword = 'block' | 'break' | 'continue' | 'define' | 'else' | 'end' | 'if' | 'range' | 'template' | 'with';

const KEYWORDS: ReadonlySet<string> = new Set<Keyword>(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

interface Token {
  readonly type: TokenType;
  /** 0-based offset. */
  readonly pos: number;
  readonly val: string;
}

/** Go's `isSpace` (lex.go): the characters that separate arguments, newlines included since Go 1.16. */
function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Go's `isAlphaNumeric`: `_`, a Unicode letter or a Unicode digit. */
function isAlphaNumeric(c: string | undefined): boolean {
  return c !== undefined && /^[_\p{L}\p{Nd}]$/u.test(c);
}

/** `U+007D '}'`, as Go's `%#U` shows a character. */
function describeRune(c: string): string {
  const code = c.codePointAt(0) as number;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  // strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c) ? `U+${hex} '${c}'` : `U+${hex}`;
}

/** Splits template text into tokens the way Go's lexer does; an `error` token ends the list. */
/**
 * The index after the closing `quote` of a quoted string or character constant whose body starts at `from` (escapes
 * skip the next character), or undefined when a newline or the end comes first, as Go's lexer reports it.
 */
function quotedEnd(input: string, from: number, quote: string): number | undefined {
  let p = from;
  for (;;) {
    const d = input[p];
    if (d === '\\' && input[p + 1] !== undefined && input[p + 1] !== '\n') p += 2;
    else if (d === undefined || d === '\n' || d === '\\') return undefined;
    else if (d === quote) return p + 1;
    else p++;
  }
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const emit = (type: TokenType, start: number, end: number) => tokens.push({ type, pos: start, val: input.slice(start, end) });
  const fail = (message: string, at: number): Token[] => {
    tokens.push({ type: 'error', pos: at, val: message });
    return tokens;
  };
  /** A right delimiter at `p`, possibly after a trim marker (` -}}`): its length, or 0. */
  const rightDelimAt = (p: number): number => {
    if (input.startsWith('}}', p)) return 2;
    if (isSpace(input[p]) && input[p + 1] === '-' && input.startsWith('}}', p + 2)) return 4;
    return 0;
  };
  const atTerminator = (p: number): boolean => {
    const c = input[p];
    return c === undefined || isSpace(c) || '.,|:)('.includes(c) || c === '}';
  };
  for (;;) {
    // Text up to the next action.
    const open = input.indexOf('{{', pos);
    if (open < 0) {
      if (pos < input.length) emit('text', pos, input.length);
      tokens.push({ type: 'eof', pos: input.length, val: '' });
      return tokens;
    }
    if (open > pos) emit('text', pos, open);
    const trimLeft = input[open + 2] === '-' && isSpace(input[open + 3]);
    let p = open + 2 + (trimLeft ? 2 : 0);
    if (input.startsWith('/*', p)) {
      const close = input.indexOf('*/', p + 2);
      if (close < 0) return fail('unclosed comment', open);
      const delim = rightDelimAt(close + 2);
      if (delim === 0) return fail('comment ends before closing delimiter', close);
      pos = close + 2 + delim;
      continue;
    }
    emit('leftDelim', open, p);
    let parenDepth = 0;
    // Inside the action.
    for (;;) {
      const delim = rightDelimAt(p);
      if (delim > 0) {
        if (parenDepth > 0) return fail('unclosed left paren', p);
        emit('rightDelim', p, p + delim);
        p += delim;
        break;
      }
      const c = input[p];
      if (c === undefined) return fail('unclosed action', open);
      const start = p;
      if (isSpace(c)) {
        while (isSpace(input[p])) p++;
        // A space right before `-}}` belongs to the trim marker.
        if (input[p] === '-' && input.startsWith('}}', p + 1)) {
          p--;
          if (p === start) continue;
        }
        emit('space', start, p);
        continue;
      }
      p++;
      if (c === '=') emit('assign', start, p);
      else if (c === ':') {
        if (input[p] !== '=') return fail('expected :=', start);
        p++;
        emit('declare', start, p);
      } else if (c === '|') emit('pipe', start, p);
      else if (c === '"' || c === "'") {
        const end = quotedEnd(input, p, c);
        if (end === undefined) return fail(c === '"' ? 'unterminated quoted string' : 'unterminated character constant', start);
        p = end;
        emit(c === '"' ? 'string' : 'charConstant', start, p);
      } else if (c === '`') {
        const close = input.indexOf('`', p);
        if (close < 0) return fail('unterminated raw quoted string', start);
        p = close + 1;
        emit('rawString', start, p);
      } else if (c === '$' || (c === '.' && !/[0-9]/.test(input[p] ?? ''))) {
        // A variable (`$`, `$x`) or a field (`.`, `.Labels`); `.a.b` is two fields, chained by the parser.
        if (atTerminator(p)) {
          emit(c === '$' ? 'variable' : 'dot', start, p);
          continue;
        }
        while (isAlphaNumeric(input[p])) p++;
        if (!atTerminator(p)) return fail(`bad character ${describeRune(String.fromCodePoint(input.codePointAt(p) as number))}`, p);
        emit(c === '$' ? 'variable' : 'field', start, p);
      } else if (c === '.' || c === '+' || c === '-' || /[0-9]/.test(c)) {
        p = scanNumber(input, start);
        if (p < 0) return fail(`bad number syntax: ${JSON.stringify(input.slice(start, -p))}`, start);
        if (input[p] === '+' || input[p] === '-') {
          const end = scanNumber(input, p);
          if (end < 0 || input[end - 1] !== 'i') return fail(`bad number syntax: ${JSON.stringify(input.slice(start, Math.abs(end)))}`, start);
          p = end;
          emit('complex', start, p);
        } else emit('number', start, p);
      } else if (isAlphaNumeric(c)) {
        while (isAlphaNumeric(input[p])) p++;
        if (!atTerminator(p)) return fail(`bad character ${describeRune(String.fromCodePoint(input.codePointAt(p) as number))}`, p);
        const word = input.slice(start, p);
        emit(KEYWORDS.has(word) ? (word as Keyword) : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier', start, p);
      } else if (c === '(') {
        parenDepth++;
        emit('leftParen', start, p);
      } else if (c === ')') {
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren', start);
        emit('rightParen', start, p);
      } else if (c.charCodeAt(0) < 0x7f && c.charCodeAt(0) >= 0x20) {
        emit('char', start, p);
      } else {
        return fail(`unrecognized character in action: ${describeRune(String.fromCodePoint(input.codePointAt(start) as number))}`, start);
      }
    }
    pos = p;
  }
}

/**
 * Go's `scanNumber` (lex.go): an optional sign, digits of the base a `0x`/`0o`/`0b` prefix picks, a fraction,
 * an exponent, an `i`. Returns the end, or minus the end when an alphanumeric follows (a bad number).
 */
function scanNumber(input: string, start: number): number {
  let p = start;
  if (input[p] === '+' || input[p] === '-') p++;
  let digits = '0123456789_';
  if (input[p] === '0') {
    p++;
    const base = input[p]?.toLowerCase();
    if (base === 'x') digits = '0123456789abcdefABCDEF_';
    else if (base === 'o') digits = '01234567_';
    else if (base === 'b') digits = '01_';
    if (digits !== '0123456789_') p++;
  }
  const run = (set: string) => {
    while (input[p] !== undefined && set.includes(input[p])) p++;
  };
  run(digits);
  if (input[p] === '.') {
    p++;
    run(digits);
  }
  if (digits.length === 11 && (input[p] === 'e' || input[p] === 'E')) {
    p++;
    if (input[p] === '+' || input[p] === '-') p++;
    run('0123456789_');
  }
  if (digits.length === 23 && (input[p] === 'p' || input[p] === 'P')) {
    p++;
    if (input[p] === '+' || input[p] === '-') p++;
    run('0123456789_');
  }
  if (input[p] === 'i') p++;
  if (isAlphaNumeric(input[p])) return -(p + 1);
  return p;
}

/** A Go number literal as strconv reads it (ints of any base, floats, hex floats, imaginary, `_` separators). */
const GO_NUMBER = new RegExp(
  '^[+-]?(?:' +
    [
      '0[xX](?:_?[0-9a-fA-F])+',
      '0[bB](?:_?[01])+',
      '0[oO](?:_?[0-7])+',
      '0(?:_?[0-7])*',
      '[1-9](?:_?[0-9])*',
      '(?:[0-9](?:_?[0-9])*)?\\.(?:[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?',
      '[0-9](?:_?[0-9])*[eE][+-]?[0-9](?:_?[0-9])*',
      '0[xX](?:_?[0-9a-fA-F])*(?:\\.(?:[0-9a-fA-F](?:_?[0-9a-fA-F])*)?)?[pP][+-]?[0-9](?:_?[0-9])*',
    ].join('|') +
    ')i?$',
);

/** True for a Go double-quoted string or character literal body with only valid escapes (strconv.Unquote). */
function validEscapes(body: string, quote: string): boolean {
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') continue;
    const rest = body.slice(i + 1);
    const m = /^(?:[abfnrtv\\]|[0-7]{3}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/.exec(rest);
    if (m) {
      if (m[0][0] === 'u' || m[0][0] === 'U') {
        const code = parseInt(m[0].slice(1), 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
      }
      i += m[0].length;
    } else if (rest[0] === quote) i += 1;
    else return false;
  }
  return true;
}

/** The value of a Go string literal token (`"..."` or `` `...` ``); null when strconv.Unquote would refuse it. */
function unquote(token: Token): string | null {
  if (token.type === 'rawString') return token.val.slice(1, -1).replace(/\r/g, '');
  const body = token.val.slice(1, -1);
  if (!validEscapes(body, '"')) return null;
  return body.replace(/\\(?:([abfnrtv\\"])|([0-7]{3})|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/g, (_m, simple, oct, x, u, U) => {
    if (simple) return ({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' } as Record<string, string>)[simple];
    return String.fromCodePoint(parseInt(oct ?? x ?? u ?? U, oct ? 8 : 16));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The tree
// ---------------------------------------------------------------------------------------------------------------

/** An operand of a command. */
export type TemplateArg =
  | { readonly kind: 'field'; readonly pos: number; readonly names: readonly string[] }
  | { readonly kind: 'variable'; readonly pos: number; readonly name: string; readonly names: readonly string[] }
  | { readonly kind: 'dot'; readonly pos: number }
  | { readonly kind: 'function'; readonly pos: number; readonly name: string }
  | { readonly kind: 'chain'; readonly pos: number; readonly pipe: TemplatePipe; readonly names: readonly string[] }
  | { readonly kind: 'pipe'; readonly pos: number; readonly pipe: TemplatePipe }
  | { readonly kind: 'literal'; readonly pos: number; readonly type: 'string' | 'number' | 'bool' | 'nil'; readonly value: string };

/** A command: operands separated by spaces (`printf "%.2f" $value`). */
export interface TemplateCommand {
  readonly pos: number;
  readonly args: readonly TemplateArg[];
}

/** A pipeline: optional declarations (`$x :=`), then commands separated by `|`. */
export interface TemplatePipe {
  readonly pos: number;
  readonly decl: readonly { readonly name: string; readonly pos: number }[];
  readonly isAssign: boolean;
  readonly cmds: readonly TemplateCommand[];
}

/** A node of a template's list. */
export type TemplateNode =
  | { readonly kind: 'action'; readonly pos: number; readonly pipe: TemplatePipe }
  | {
      readonly kind: 'if' | 'with' | 'range';
      readonly pos: number;
      readonly pipe: TemplatePipe;
      readonly list: readonly TemplateNode[];
      readonly elseList?: readonly TemplateNode[];
    }
  | { readonly kind: 'template'; readonly pos: number; readonly name: string; readonly pipe?: TemplatePipe }
  | { readonly kind: 'break' | 'continue'; readonly pos: number };

/** A `{{ define "name" }}` (or `{{ block }}`) body. */
export interface TemplateDefinition {
  readonly name: string;
  /** Offset of the name. */
  readonly pos: number;
  readonly list: readonly TemplateNode[];
}

/** A parsed template text: the top-level list and the templates it defines. */
export interface ParsedTemplate {
  readonly root: readonly TemplateNode[];
  readonly definitions: readonly TemplateDefinition[];
}

/** What the program that parses the template defines besides Go's builtins. */
export interface TemplateParseOptions {
  /** Functions the program registers (Go's builtins are always there). */
  readonly functions: ReadonlySet<string>;
  /** Variables declared before the text, e.g. Prometheus' `$labels` (`$` always is). @default [] */
  readonly variables?: readonly string[];
}

/** Go's builtin template functions (text/template funcs.go). */
export const GO_BUILTIN_FUNCTIONS: ReadonlySet<string> = new Set([
  'and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery',
  'eq', 'ge', 'gt', 'le', 'lt', 'ne',
]);

/** How Go shows a token in "unexpected ..." messages (parse.go `item.String`). */
function showToken(token: Token): string {
  if (token.type === 'eof') return 'EOF';
  if (token.type === 'error') return token.val;
  if (KEYWORDS.has(token.type)) return `<${token.val}>`;
  if (token.type === 'rightDelim' || token.type === 'leftDelim') return JSON.stringify(token.val.replace(/[\s-]/g, ''));
  const chars = [...token.val];
  return chars.length > 10 ? `${JSON.stringify(chars.slice(0, 10).join(''))}...` : JSON.stringify(token.val);
}

/** `{{end}}` or `{{else}}`, which close a list. */
type EndOrElse = { readonly kind: 'end' | 'else'; readonly pos: number };

function isEndOrElse(node: TemplateNode | EndOrElse): node is EndOrElse {
  return node.kind === 'end' || node.kind === 'else';
}

/** A parser over the tokens of one template text, as Go's parse.Tree. */
class Parser {
  private index = 0;
  private vars: string[];
  private rangeDepth = 0;
  readonly definitions: TemplateDefinition[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly options: TemplateParseOptions,
  ) {
    this.vars = ['$', ...(options.variables ?? [])];
  }

  private error(message: string, pos: number): never {
    throw new GoTemplateSyntaxError(message, pos);
  }

  private next(): Token {
    const token = this.tokens[Math.min(this.index, this.tokens.length - 1)];
    this.index++;
    return token;
  }

  private backup(count = 1): void {
    this.index -= count;
  }

  private peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)];
  }

  private nextNonSpace(): Token {
    let token = this.next();
    while (token.type === 'space') token = this.next();
    return token;
  }

  private peekNonSpace(): Token {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  /** Go's `unexpected`: an error token is reported as itself. */
  private unexpected(token: Token, context: string): never {
    if (token.type === 'error') this.error(token.val, token.pos);
    this.error(`unexpected ${showToken(token)} in ${context}`, token.pos);
  }

  private expect(type: TokenType, context: string): Token {
    const token = this.nextNonSpace();
    if (token.type !== type) this.unexpected(token, context);
    return token;
  }

  /** The top level: text, actions and `{{define}}` blocks. */
  parse(): TemplateNode[] {
    const root: TemplateNode[] = [];
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          this.parseDefinition();
          continue;
        }
        this.index = this.tokens.indexOf(delim);
      }
      const node = this.textOrAction();
      if (node === undefined) continue;
      if (isEndOrElse(node)) this.error(`unexpected {{${node.kind}}}`, node.pos);
      root.push(node);
    }
    return root;
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const token = this.nextNonSpace();
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    const name = this.templateName(token, context);
    this.expect('rightDelim', context);
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    this.vars = saved;
    if (end.kind !== 'end') this.error(`unexpected {{${end.kind}}} in ${context}`, end.pos);
    this.definitions.push({ name, pos: token.pos, list });
  }

  /** A list up to `{{end}}` or `{{else}}`, which is returned beside it. */
  private itemList(): [TemplateNode[], { kind: 'end' | 'else'; pos: number }] {
    const list: TemplateNode[] = [];
    while (this.peekNonSpace().type !== 'eof') {
      const node = this.textOrAction();
      if (node === undefined) continue;
      if (isEndOrElse(node)) return [list, node];
      list.push(node);
    }
    this.error('unexpected EOF', this.peek().pos);
  }

  private textOrAction(): TemplateNode | { kind: 'end' | 'else'; pos: number } | undefined {
    const token = this.nextNonSpace();
    if (token.type === 'text') return undefined;
    if (token.type === 'leftDelim') return this.action();
    this.unexpected(token, 'input');
  }

  private action(): TemplateNode | { kind: 'end' | 'else'; pos: number } {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue': {
        const close = this.nextNonSpace();
        if (close.type !== 'rightDelim') this.unexpected(close, `{{${token.type}}}`);
        if (this.rangeDepth === 0) this.error(`{{${token.type}}} outside {{range}}`, token.pos);
        return { kind: token.type, pos: token.pos };
      }
      case 'else': {
        // `{{else if ...}}` and `{{else with ...}}` leave the `if`/`with` pending for the enclosing control.
        const peek = this.peekNonSpace();
        if (peek.type === 'if' || peek.type === 'with') return { kind: 'else', pos: token.pos };
        this.expect('rightDelim', 'else');
        return { kind: 'else', pos: token.pos };
      }
      case 'end':
        this.expect('rightDelim', 'end');
        return { kind: 'end', pos: token.pos };
      case 'if':
      case 'range':
      case 'with':
        return this.control(token.type, token.pos);
      case 'template':
        return this.templateControl();
      default: {
        this.backup();
        const pos = this.peek().pos;
        return { kind: 'action', pos, pipe: this.pipeline('command', 'rightDelim') };
      }
    }
  }

  private control(kind: 'if' | 'range' | 'with', pos: number): TemplateNode {
    const mark = this.vars.length;
    const pipe = this.pipeline(kind, 'rightDelim');
    if (kind === 'range') this.rangeDepth++;
    const [list, next] = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: TemplateNode[] | undefined;
    if (next.kind === 'else') {
      const after = this.peekNonSpace();
      if ((kind === 'if' && after.type === 'if') || (kind === 'with' && after.type === 'with')) {
        const keyword = this.nextNonSpace();
        elseList = [this.control(kind, keyword.pos)];
      } else {
        const [rest, end] = this.itemList();
        if (end.kind !== 'end') this.error(`expected end; found {{${end.kind}}}`, end.pos);
        elseList = rest;
      }
    }
    this.vars.length = mark;
    return { kind, pos, pipe, list, elseList };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const saved = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    this.vars = saved;
    if (end.kind !== 'end') this.error(`unexpected {{${end.kind}}} in ${context}`, end.pos);
    this.definitions.push({ name, pos: token.pos, list });
    return { kind: 'template', pos: token.pos, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: TemplatePipe | undefined;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { kind: 'template', pos: token.pos, name, pipe };
  }

  private templateName(token: Token, context: string): string {
    if (token.type !== 'string' && token.type !== 'rawString') this.unexpected(token, context);
    const name = unquote(token);
    if (name === null) this.error(`invalid syntax in string ${token.val}`, token.pos);
    return name;
  }

  private pipeline(context: string, end: 'rightDelim' | 'rightParen'): TemplatePipe {
    const pos = this.peekNonSpace().pos;
    const decl: { name: string; pos: number }[] = [];
    let isAssign = false;
    // Declarations (`$x :=`, `$i, $e :=` in range) and assignments (`$x =`).
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      const start = this.index;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.type === 'assign' || next.type === 'declare') {
        isAssign = next.type === 'assign';
        this.nextNonSpace();
        if (isAssign && !this.vars.includes(v.val)) this.error(`undefined variable ${JSON.stringify(v.val)}`, v.pos);
        decl.push({ name: v.val, pos: v.pos });
        this.vars.push(v.val);
        break;
      }
      if (next.type === 'char' && next.val === ',') {
        this.nextNonSpace();
        decl.push({ name: v.val, pos: v.pos });
        if (context === 'range' && decl.length < 2) {
          const after = this.peekNonSpace();
          if (after.type === 'variable' || after.type === 'rightDelim' || after.type === 'rightParen') {
            this.vars.push(v.val);
            continue;
          }
          this.error('range can only initialize variables', after.pos);
        }
        this.error(`too many declarations in ${context}`, v.pos);
      }
      this.index = start;
      break;
    }
    const cmds: TemplateCommand[] = [];
    for (;;) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        if (cmds.length === 0) this.error(`missing command in ${context}`, token.pos);
        cmds.slice(1).forEach((cmd, i) => {
          const first = cmd.args[0];
          if (first.kind === 'dot' || first.kind === 'literal') {
            this.error(`non executable command in pipeline stage ${i + 2}`, first.pos);
          }
        });
        return { pos, decl, isAssign, cmds };
      }
      switch (token.type) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private command(): TemplateCommand {
    const pos = this.peekNonSpace().pos;
    const args: TemplateArg[] = [];
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (args.length === 0) this.error('empty command', pos);
    return { pos, args };
  }

  private operand(): TemplateArg | undefined {
    const node = this.term();
    if (node === undefined) return undefined;
    if (this.peek().type !== 'field') return node;
    const names: string[] = [];
    while (this.peek().type === 'field') names.push(this.next().val.slice(1));
    if (node.kind === 'field') return { kind: 'field', pos: node.pos, names: [...node.names, ...names] };
    if (node.kind === 'variable') return { kind: 'variable', pos: node.pos, name: node.name, names: [...node.names, ...names] };
    if (node.kind === 'pipe') return { kind: 'chain', pos: node.pos, pipe: node.pipe, names };
    // Go keeps a chain on a function name for execution time; a literal or dot cannot have fields.
    if (node.kind === 'function') return { kind: 'chain', pos: node.pos, pipe: { pos: node.pos, decl: [], isAssign: false, cmds: [{ pos: node.pos, args: [node] }] }, names };
    this.error(`unexpected . after term ${JSON.stringify(node.kind === 'dot' ? '.' : node.kind === 'literal' ? node.value : '')}`, node.pos);
  }

  private term(): TemplateArg | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!GO_BUILTIN_FUNCTIONS.has(token.val) && !this.options.functions.has(token.val)) {
          this.error(`function ${JSON.stringify(token.val)} not defined`, token.pos);
        }
        return { kind: 'function', pos: token.pos, name: token.val };
      case 'dot':
        return { kind: 'dot', pos: token.pos };
      case 'nil':
        return { kind: 'literal', pos: token.pos, type: 'nil', value: 'nil' };
      case 'variable': {
        if (!this.vars.includes(token.val)) this.error(`undefined variable ${JSON.stringify(token.val)}`, token.pos);
        return { kind: 'variable', pos: token.pos, name: token.val, names: [] };
      }
      case 'field':
        return { kind: 'field', pos: token.pos, names: [token.val.slice(1)] };
      case 'bool':
        return { kind: 'literal', pos: token.pos, type: 'bool', value: token.val };
      case 'charConstant': {
        if (!/^'(?:[^\\']|\\(?:[abfnrtv\\']|[0-7]{3}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))'$/u.test(token.val)) {
          this.error(`malformed character constant: ${token.val}`, token.pos);
        }
        return { kind: 'literal', pos: token.pos, type: 'number', value: token.val };
      }
      case 'number':
      case 'complex':
        if (token.type === 'number' && !GO_NUMBER.test(token.val)) this.error(`illegal number syntax: ${JSON.stringify(token.val)}`, token.pos);
        return { kind: 'literal', pos: token.pos, type: 'number', value: token.val };
      case 'leftParen':
        return { kind: 'pipe', pos: token.pos, pipe: this.pipeline('parenthesized pipeline', 'rightParen') };
      case 'string':
      case 'rawString': {
        const value = unquote(token);
        if (value === null) this.error(`invalid syntax in string ${token.val}`, token.pos);
        return { kind: 'literal', pos: token.pos, type: 'string', value };
      }
      default:
        this.backup();
        return undefined;
    }
  }
}

/**
 * Parses a Go template text as Go's text/template does with the program's functions, and throws a
 * {@link GoTemplateSyntaxError} (Go's wording, with the offset) for what Go's parser refuses: syntax errors,
 * functions the program does not define, variables never declared, `{{break}}` outside `{{range}}`.
 */
export function parseGoTemplate(text: string, options: TemplateParseOptions): ParsedTemplate {
  const parser = new Parser(lex(text), options);
  const root = parser.parse();
  return { root, definitions: parser.definitions };
}
