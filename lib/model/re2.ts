import { MonitoringConfigError, showValue } from './errors';

// RE2 as Go's regexp package reads it: Prometheus (relabel rules, label matchers), Alertmanager (matchers), the
// blackbox exporter, Loki, Alloy and Promtail all compile with `regexp.Compile` (Perl syntax flags). The facts below
// come from Go's regexp/syntax (parse.go, perl_groups.go; Go 1.22+ for `(?<name>...)`) and
// https://github.com/google/re2/wiki/Syntax; where Go and the C++ RE2 differ (`\C`), Go wins.

/** What a checked RE2 expression captures. */
export interface Re2Info {
  /** Names of the named groups, `(?P<name>...)` or `(?<name>...)`, in order of appearance. */
  readonly namedGroups: readonly string[];
  /** How many capturing groups have no name. */
  readonly unnamedGroups: number;
}

/** Options of {@link checkRe2}. */
export interface Re2CheckOptions {
  /**
   * The programs that compile the expression, for the message: `"Prometheus"`, `"Alertmanager"`, ...
   * @default "Alloy and Promtail"
   */
  readonly program?: string;
  /**
   * Accept the empty expression (it matches the empty string), as relabel rules and label matchers do.
   * @default false
   */
  readonly allowEmpty?: boolean;
}

/** Options of {@link re2ToRegExp}. */
export interface Re2MatchOptions {
  /**
   * Anchor at both ends, as Prometheus and Alertmanager do for label matchers and relabel rules (`^(?:...)$`).
   * @default true
   */
  readonly anchored?: boolean;
  /**
   * `.` matches a newline too. Prometheus wraps label regexes in `(?s:...)` (Prometheus 3.0, #14505); Alertmanager
   * does not.
   * @default false
   */
  readonly dotAll?: boolean;
}

/** A problem found in an expression: what, where (0-based offset), why. */
export interface Re2Problem {
  /** E.g. `lookahead "(?="` or `missing closing )`. */
  readonly what: string;
  /** 0-based offset in the expression. */
  readonly at: number;
  /** Text after the position, starting with `; `, or empty. */
  readonly hint: string;
  /** True for Perl/JavaScript syntax that RE2 leaves out; false for a syntax error in any dialect. */
  readonly unsupported: boolean;
}

/** The expectation named in every message, with the program that compiles the expression. */
export function re2Expectation(program = 'Alloy and Promtail'): string {
  return `an RE2 regular expression (Go's regexp syntax, which ${program} compile${/ and /.test(program) ? '' : 's'})`;
}

/** Letters RE2 accepts after a backslash outside a class, besides those handled one by one. */
const LETTER_ESCAPE_HINTS: Readonly<Record<string, string>> = {
  u: '; write \\x{0041} instead of \\u0041',
  U: '; write \\x{1F600} instead of \\U0001F600',
  Z: '; use \\z for the end of the text',
  h: '; use [ \\t] for horizontal space',
  R: '; use \\r?\\n for a line break',
  C: "; Go's regexp has no \\C (any byte): use . or \\x{..}",
  e: '; write \\x1b for the escape character',
  G: '; RE2 has no \\G: anchor with ^ instead',
  K: '; RE2 has no \\K: capture the part you want with a group',
  X: '; RE2 has no \\X: use \\PM\\pM* for one character with its combining marks',
};
const ESCAPE_KNOWN = '; RE2 knows \\a \\f \\t \\n \\r \\v \\d \\D \\s \\S \\w \\W \\b \\B \\A \\z \\pN \\p{Name} \\x.. \\x{...} \\0.. and \\Q...\\E';

/** Go's `\d`, `\s`, `\w` (ASCII only; Go's `\s` has no `\v`). */
const PERL_CLASSES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  d: [[0x30, 0x39]],
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
};

/** Go's POSIX classes (regexp/syntax perl_groups.go). */
const POSIX_CLASSES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

/** Largest repeat count RE2 allows in `{n,m}`. */
const MAX_REPEAT = 1000;
const MAX_CODE_POINT = 0x10ffff;

type Range = readonly [number, number];

interface Flags {
  readonly i: boolean;
  readonly m: boolean;
  readonly s: boolean;
  readonly U: boolean;
}

/** Thrown inside the translator; turned into a {@link Re2Problem}. */
class Stop extends Error {
  constructor(readonly problem: Re2Problem) {
    super(problem.what);
  }
}

function unsupported(what: string, at: number, hint: string): Stop {
  return new Stop({ what, at, hint, unsupported: true });
}

function syntax(what: string, at: number, hint = ''): Stop {
  return new Stop({ what, at, hint, unsupported: false });
}

interface Translation {
  /** The expression as a JavaScript `u`-mode pattern with the same matches (group names become g0, g1, ...). */
  readonly source: string;
  readonly namedGroups: string[];
  readonly unnamedGroups: number;
}

/** `[what, hint]` for the Perl group syntax RE2 leaves out, or undefined. */
function unsupportedGroup(rest: string): [string, string] | undefined {
  const table: [string, string, string][] = [
    ['=', 'lookahead "(?="', '; RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)'],
    ['!', 'negative lookahead "(?!"', '; RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)'],
    ['<=', 'lookbehind "(?<="', '; RE2 has no lookarounds: match the preceding text in a non-capturing group (?:...) instead'],
    ['<!', 'negative lookbehind "(?<!"', '; RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)'],
    ['>', 'atomic group "(?>"', '; RE2 never backtracks, so a plain group (?:...) does the same'],
    ['P=', 'backreference "(?P="', '; RE2 has no backreferences'],
    ['P>', 'recursion "(?P>"', '; RE2 has no recursion'],
    ['R', 'recursion "(?R"', '; RE2 has no recursion'],
    ['&', 'recursion "(?&"', '; RE2 has no recursion'],
    ['#', 'comment "(?#"', '; RE2 has no inline comments'],
    ['|', 'branch reset "(?|"', '; RE2 has no branch reset groups'],
    ['(', 'conditional "(?("', '; RE2 has no conditionals'],
    ["'", "named group \"(?'\"", "; write (?P<name>...) instead of (?'name'...)"],
  ];
  for (const [prefix, what, hint] of table) if (rest.startsWith(prefix)) return [what, hint];
  if (/^[0-9+]/.test(rest) || /^-[0-9]/.test(rest)) return [`recursion "(?${rest[0]}"`, '; RE2 has no recursion'];
  return undefined;
}

function hex(code: number): string {
  return `\\u{${code.toString(16)}}`;
}

/** A code point as a JavaScript `u`-mode pattern atom outside a class. */
function literalAtom(code: number): string {
  const c = String.fromCodePoint(code);
  if ('^$\\.*+?()[]{}|/'.includes(c)) return `\\${c}`;
  if (code < 0x20 || code > 0x7e) return hex(code);
  return c;
}

/** The simple case variants of a code point (itself included). */
function caseVariants(code: number): number[] {
  const c = String.fromCodePoint(code);
  const out = new Set<number>([code]);
  for (const v of [c.toLowerCase(), c.toUpperCase()]) if ([...v].length === 1) out.add(v.codePointAt(0) as number);
  // The folds JavaScript's toLowerCase/toUpperCase leave out but Go's simple folding has.
  const extra: Record<number, number[]> = { 0x6b: [0x212a], 0x4b: [0x212a], 0x212a: [0x4b, 0x6b], 0x73: [0x17f], 0x53: [0x17f], 0x17f: [0x53, 0x73] };
  for (const v of extra[code] ?? []) out.add(v);
  return [...out];
}

/** Sorted, merged ranges. */
function normalize(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/** Adds the case variants of every code point of small ranges (large ranges are left as they are). */
function foldRanges(ranges: readonly Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    if (hi - lo > 0x3000) continue;
    for (let c = lo; c <= hi; c++) for (const v of caseVariants(c)) if (v !== c) out.push([v, v]);
  }
  return normalize(out);
}

function classSource(ranges: readonly Range[], properties: readonly string[], negated: boolean): string {
  const body = normalize(ranges)
    .map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`))
    .join('');
  return `[${negated ? '^' : ''}${body}${properties.join('')}]`;
}

/** Unicode class names: a general category (short or long name), a script, or `Any`. */
function unicodeProperty(name: string, negated: boolean, at: number, text: string): string {
  const p = negated ? 'P' : 'p';
  const candidates = name === 'Any' ? ['Any'] : [`General_Category=${name}`, `Script=${name}`];
  for (const candidate of candidates) {
    try {
      new RegExp(`\\p{${candidate}}`, 'u');
      return `\\${p}{${candidate}}`;
    } catch {
      // not this kind of name
    }
  }
  throw syntax(`invalid character class range "${text}"`, at, ': no Unicode category or script has that name (e.g. \\pL, \\p{Lu}, \\p{Greek})');
}

/** Reads a `\p` or `\P` class at `i` (the backslash); returns the JavaScript property escape and the length read. */
function readUnicodeClass(pattern: string, i: number): [string, number] {
  const negatedLetter = pattern[i + 1] === 'P';
  if (pattern[i + 2] === '{') {
    const end = pattern.indexOf('}', i + 3);
    if (end < 0) throw syntax(`invalid character class range "${pattern.slice(i)}"`, i, ': a \\p{Name} class needs its closing }');
    let name = pattern.slice(i + 3, end);
    let negated = negatedLetter;
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    return [unicodeProperty(name, negated, i, pattern.slice(i, end + 1)), end + 1 - i];
  }
  const letter = pattern.codePointAt(i + 2);
  if (letter === undefined) throw syntax('invalid escape sequence "\\p" at the end', i);
  const name = String.fromCodePoint(letter);
  return [unicodeProperty(name, negatedLetter, i, pattern.slice(i, i + 2 + name.length)), 2 + name.length];
}

/**
 * Reads a single-character escape (octal, hex, C escapes, escaped punctuation) at `i`, the backslash; returns the
 * code point and the length read. Shared by text and classes, as in Go's parseEscape.
 */
function readCharEscape(pattern: string, i: number, inClass: boolean): [number, number] {
  const next = pattern.codePointAt(i + 1);
  if (next === undefined) throw syntax('trailing backslash at end of expression', i);
  const c = String.fromCodePoint(next);
  if (next < 0x80 && !/[0-9A-Za-z]/.test(c)) return [next, 2];
  if (/[1-7]/.test(c) && !/[0-7]/.test(pattern[i + 2] ?? '')) {
    throw unsupported(`backreference "\\${c}"`, i, '; RE2 has no backreferences: repeat the pattern instead of referring to the group');
  }
  if (/[0-7]/.test(c)) {
    const digits = /^[0-7]{1,3}/.exec(pattern.slice(i + 1)) as RegExpExecArray;
    return [parseInt(digits[0], 8), 1 + digits[0].length];
  }
  const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (simple[c] !== undefined) return [simple[c], 2];
  if (c === 'x') {
    const braced = /^\{([0-9A-Fa-f]+)\}/.exec(pattern.slice(i + 2));
    if (braced) {
      const code = parseInt(braced[1], 16);
      if (code > MAX_CODE_POINT) throw syntax(`invalid escape sequence "\\x${braced[0]}"`, i, ': the largest code point is 10FFFF');
      return [code, 2 + braced[0].length];
    }
    if (!/^[0-9A-Fa-f]{2}/.test(pattern.slice(i + 2))) {
      throw syntax(`invalid escape sequence "\\x${pattern.slice(i + 2, i + 4)}"`, i, ': write two hex digits (\\x41) or braces (\\x{41})');
    }
    return [parseInt(pattern.slice(i + 2, i + 4), 16), 4];
  }
  if (c === 'k' && pattern[i + 2] === '<') {
    throw unsupported('backreference "\\k<"', i, '; RE2 has no backreferences: repeat the pattern instead of referring to the group');
  }
  if (c === '8' || c === '9') throw syntax(`invalid escape sequence "\\${c}"`, i);
  if (inClass && 'bBAzQEC'.includes(c)) {
    throw syntax(`invalid escape sequence "\\${c}"`, i, ` in a character class${c === 'b' ? ': write \\x08 for a backspace' : ''}`);
  }
  if (/[A-Za-z]/.test(c)) {
    const hint = LETTER_ESCAPE_HINTS[c] ?? ESCAPE_KNOWN;
    if (LETTER_ESCAPE_HINTS[c] !== undefined) throw unsupported(`escape "\\${c}"`, i, hint);
    throw syntax(`invalid escape sequence "\\${c}"`, i, hint);
  }
  throw syntax(`invalid escape sequence "\\${c}"`, i, ESCAPE_KNOWN);
}

/** Reads a bracket class at `i` (the `[`); returns the JavaScript class and the length read. */
function readClass(pattern: string, i: number, flags: Flags): [string, number] {
  let j = i + 1;
  let negated = false;
  if (pattern[j] === '^') {
    negated = true;
    j++;
  }
  const ranges: Range[] = [];
  const properties: string[] = [];
  let first = true;
  // One class item: a single code point (a possible range end), or a set (Perl, POSIX, Unicode class).
  const readItem = (): { code?: number; set?: Range[]; property?: string; start: number; length: number } => {
    const start = j;
    const c = pattern[j];
    if (c === '[' && pattern[j + 1] === ':') {
      const end = pattern.indexOf(':]', j + 2);
      if (end >= 0) {
        let name = pattern.slice(j + 2, end);
        const neg = name.startsWith('^');
        if (neg) name = name.slice(1);
        const set = POSIX_CLASSES[name];
        if (!set) {
          throw unsupported(`POSIX class "${pattern.slice(j, end + 2)}"`, j, `; RE2 knows [:${Object.keys(POSIX_CLASSES).join(':], [:')}:]`);
        }
        return { set: neg ? complement(set) : [...set], start, length: end + 2 - j };
      }
    }
    if (c === '\\') {
      const e = pattern[j + 1];
      if (e !== undefined && 'dswDSW'.includes(e)) {
        const set = PERL_CLASSES[e.toLowerCase()];
        return { set: e === e.toLowerCase() ? [...set] : complement(set), start, length: 2 };
      }
      if (e === 'p' || e === 'P') {
        const [property, length] = readUnicodeClass(pattern, j);
        return { property, start, length };
      }
      const [code, length] = readCharEscape(pattern, j, true);
      return { code, start, length };
    }
    const code = pattern.codePointAt(j) as number;
    return { code, start, length: code > 0xffff ? 2 : 1 };
  };
  for (;;) {
    if (j >= pattern.length) throw syntax('missing closing ] for the character class opened', i);
    if (pattern[j] === ']' && !first) break;
    first = false;
    const lo = readItem();
    j += lo.length;
    if (pattern[j] === '-' && pattern[j + 1] !== ']' && j + 1 < pattern.length) {
      j++;
      const hi = readItem();
      j += hi.length;
      const text = pattern.slice(lo.start, j);
      if (lo.code === undefined || hi.code === undefined || hi.code < lo.code) {
        throw syntax(`invalid character class range "${text}"`, lo.start);
      }
      ranges.push([lo.code, hi.code]);
      continue;
    }
    if (lo.set) ranges.push(...lo.set);
    else if (lo.property) properties.push(lo.property);
    else ranges.push([lo.code as number, lo.code as number]);
  }
  const folded = flags.i ? foldRanges(ranges) : ranges;
  return [classSource(folded, properties, negated), j + 1 - i];
}

/**
 * Translates RE2 syntax into a JavaScript `u`-mode pattern with the same matches, and refuses what Go's regexp refuses:
 * Perl syntax RE2 leaves out (lookarounds, backreferences, atomic groups, recursion, possessive quantifiers), unknown
 * escapes and flags, repeat counts above 1000, and plain syntax errors, each with its offset.
 */
function translate(pattern: string, base: Flags): Translation {
  let out = '';
  let i = 0;
  const namedGroups: string[] = [];
  let unnamedGroups = 0;
  /** Open groups: where each starts, and the flags outside it (restored at its `)`). */
  const groups: { at: number; outer: Flags }[] = [];
  let flags = base;
  /** What a repetition operator would apply to: nothing, an atom, or an atom that is already repeated. */
  let last: 'none' | 'atom' | 'repeated' = 'none';
  const atom = (text: string) => {
    out += text;
    last = 'atom';
  };
  const literal = (code: number) => {
    const variants = flags.i ? caseVariants(code) : [code];
    atom(variants.length > 1 ? classSource(variants.map((v) => [v, v] as Range), [], false) : literalAtom(code));
  };
  const repeat = (op: string, at: number, length: number) => {
    const lazy = pattern[at + length] === '?';
    const text = pattern.slice(at, at + length + (lazy ? 1 : 0));
    if (last === 'none') throw syntax(`missing argument to repetition operator "${text}"`, at, ': put the character or group to repeat before it');
    if (last === 'repeated') {
      const possessive = op === '+' && /[*+?}]$/.test(pattern.slice(0, at));
      if (possessive) throw unsupported(`possessive quantifier "${pattern[at - 1]}+"`, at - 1, '; RE2 never backtracks, so the plain quantifier does the same');
      throw syntax(`invalid nested repetition operator "${text}"`, at, ': repeat a group instead, e.g. (?:a*)*');
    }
    out += op + (lazy !== flags.U ? '?' : '');
    last = 'repeated';
    return length + (lazy ? 1 : 0);
  };
  while (i < pattern.length) {
    const c = pattern[i];
    switch (c) {
      case '(': {
        if (pattern[i + 1] !== '?') {
          unnamedGroups += 1;
          groups.push({ at: i, outer: flags });
          out += '(';
          last = 'none';
          i += 1;
          continue;
        }
        const rest = pattern.slice(i + 2);
        const named = /^P?<([^>]*)>/.exec(rest);
        if (named && !rest.startsWith('<=') && !rest.startsWith('<!')) {
          const name = named[1];
          if (!/^[A-Za-z0-9_]+$/.test(name)) {
            throw syntax(`invalid named capture "(?${named[0]}"`, i, ': a group name has letters, digits and underscores');
          }
          groups.push({ at: i, outer: flags });
          out += `(?<g${namedGroups.length}>`;
          namedGroups.push(name);
          last = 'none';
          i += 2 + named[0].length;
          continue;
        }
        if (/^P?</.test(rest) && !rest.startsWith('<=') && !rest.startsWith('<!')) {
          throw syntax(`invalid named capture "(?${rest.slice(0, rest.startsWith('P') ? 2 : 1)}"`, i, ': close the name with >, e.g. (?P<name>...)');
        }
        const perl = unsupportedGroup(rest);
        if (perl) throw unsupported(perl[0], i, perl[1]);
        const m = /^([A-Za-z]*)(?:(-)([A-Za-z]*))?([:)])?/.exec(rest) as RegExpExecArray;
        const [text, on, minus, off, end] = m;
        const bad = `${on}${off ?? ''}`.replace(/[imsU]/g, '');
        if (end === undefined || bad !== '' || (minus !== undefined && off === '')) {
          const shown = `(?${end === undefined ? text + (rest[text.length] ?? '') : text}`;
          const flag = bad !== '' ? bad[0] : undefined;
          const hint = `; RE2 knows the flags i, m, s and U, e.g. (?i) or (?i:...)${flag === 'x' ? ' (no x: write the expression without spaces and comments)' : ''}`;
          if (flag !== undefined && end !== undefined) throw unsupported(`flag group "${shown}"`, i, hint);
          throw syntax(`invalid or unsupported Perl syntax "${shown}"`, i, hint);
        }
        const set = (letters: string, value: boolean, f: Flags): Flags => {
          let next = f;
          for (const l of letters) next = { ...next, [l]: value };
          return next;
        };
        const newFlags = set(off ?? '', false, set(on, true, flags));
        if (end === ':') {
          groups.push({ at: i, outer: flags });
          out += '(?:';
          last = 'none';
        }
        // `(?i)` changes the flags up to the end of the enclosing group and leaves the repetition target as it was.
        flags = newFlags;
        i += 2 + text.length;
        continue;
      }
      case ')': {
        const group = groups.pop();
        if (!group) throw syntax('unexpected )', i, ': no group is open here; escape it as \\) for a literal )');
        flags = group.outer;
        atom(')');
        i += 1;
        continue;
      }
      case '|':
        out += '|';
        last = 'none';
        i += 1;
        continue;
      case '[': {
        const [text, length] = readClass(pattern, i, flags);
        atom(text);
        i += length;
        continue;
      }
      case '*':
      case '+':
      case '?':
        i += repeat(c, i, 1);
        continue;
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
        if (!m) {
          literal(0x7b);
          i += 1;
          continue;
        }
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
        if (min > MAX_REPEAT || max > MAX_REPEAT) {
          throw unsupported(`repeat count "${m[0]}"`, i, `; RE2 allows at most ${MAX_REPEAT}`);
        }
        if (max >= 0 && min > max) throw syntax(`invalid repeat count "${m[0]}"`, i, ': the minimum is above the maximum');
        i += repeat(`{${min}${m[2] === undefined ? '' : `,${max < 0 ? '' : max}`}}`, i, m[0].length);
        continue;
      }
      case '.':
        atom(flags.s ? '[^]' : '[^\\n]');
        i += 1;
        continue;
      case '^':
        atom(flags.m ? '(?:(?<=^|\\n))' : '(?:^)');
        i += 1;
        continue;
      case '$':
        atom(flags.m ? '(?:(?=\\n|$))' : '(?:$)');
        i += 1;
        continue;
      case '\\': {
        const e = pattern[i + 1];
        if (e === 'A' || e === 'z') {
          atom(e === 'A' ? '(?:^)' : '(?:$)');
          i += 2;
        } else if (e === 'b' || e === 'B') {
          atom(`(?:\\${e})`);
          i += 2;
        } else if (e === 'Q') {
          const end = pattern.indexOf('\\E', i + 2);
          const text = pattern.slice(i + 2, end < 0 ? pattern.length : end);
          for (const ch of text) literal(ch.codePointAt(0) as number);
          i = end < 0 ? pattern.length : end + 2;
        } else if (e !== undefined && 'dswDSW'.includes(e)) {
          const set = PERL_CLASSES[e.toLowerCase()];
          atom(classSource(e === e.toLowerCase() ? set : complement(set), [], false));
          i += 2;
        } else if (e === 'p' || e === 'P') {
          const [property, length] = readUnicodeClass(pattern, i);
          atom(`[${property}]`);
          i += length;
        } else {
          const [code, length] = readCharEscape(pattern, i, false);
          literal(code);
          i += length;
        }
        continue;
      }
      default: {
        const code = pattern.codePointAt(i) as number;
        literal(code);
        i += code > 0xffff ? 2 : 1;
      }
    }
  }
  const open = groups.pop();
  if (open) throw syntax('missing closing ) for the group opened', open.at);
  return { source: out, namedGroups, unnamedGroups };
}

const NO_FLAGS: Flags = { i: false, m: false, s: false, U: false };

/** The first problem Go's regexp (RE2 syntax) has with `pattern`, or undefined when it compiles. */
export function re2Problem(pattern: string): Re2Problem | undefined {
  try {
    const { source } = translate(pattern, NO_FLAGS);
    new RegExp(source, 'u');
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    // A translation JavaScript cannot compile is a gap in the translator, not the user's error: say so plainly.
    return { what: `an expression this library cannot check (${(e as Error).message})`, at: 0, hint: '', unsupported: false };
  }
}

/** The problem in words: `lookahead "(?=" at column 4 is not supported by RE2; ...`. */
export function describeRe2Problem(problem: Re2Problem): string {
  return problem.unsupported
    ? `${problem.what} at column ${problem.at + 1} is not supported by RE2${problem.hint}`
    : `${problem.what} at column ${problem.at + 1}${problem.hint}`;
}

/**
 * Checks that `pattern` compiles as RE2, the regular expression syntax of Go, which Prometheus, Alertmanager, the
 * exporters, Loki, Alloy and Promtail use. Perl/JavaScript features RE2 leaves out (lookarounds, backreferences,
 * atomic groups, recursion, possessive quantifiers) and unknown escapes are reported with their column and a hint;
 * other syntax errors with Go's wording. RE2 syntax that JavaScript lacks (`(?i)`, `(?P<name>...)`, `\z`, `\Q...\E`,
 * `[[:alpha:]]`) is accepted. Named groups are written `(?P<name>...)` (Go 1.22 and later also accept `(?<name>...)`).
 */
export function checkRe2(pattern: string, where: string, field: string, options: Re2CheckOptions = {}): Re2Info {
  const expected = re2Expectation(options.program);
  if (typeof pattern !== 'string' || (pattern === '' && !options.allowEmpty)) {
    throw new MonitoringConfigError(where, field, `got ${showValue(pattern)}, expected a${options.allowEmpty ? 'n' : ' non-empty'} ${expected.replace(/^an /, '')}`);
  }
  let translation: Translation;
  try {
    translation = translate(pattern, NO_FLAGS);
    new RegExp(translation.source, 'u');
  } catch (e) {
    const problem = e instanceof Stop ? e.problem : re2Problem(pattern);
    if (!problem) throw e;
    const joint = problem.unsupported ? ': ' : ' that compiles: ';
    throw new MonitoringConfigError(where, field, `got ${showValue(pattern)}, expected ${expected}${joint}${describeRe2Problem(problem)}`);
  }
  return { namedGroups: translation.namedGroups, unnamedGroups: translation.unnamedGroups };
}

const compiled = new Map<string, RegExp>();

/**
 * The JavaScript RegExp that matches what Go's regexp matches for `pattern` (RE2 syntax): `(?i)`, `(?P<name>...)`,
 * `\z`, `\Q...\E`, POSIX and Unicode classes and Go's ASCII `\d\s\w` all work. Anchored at both ends by default, as
 * Prometheus and Alertmanager anchor label regexes. Group names become `g0`, `g1`, ... (RE2 allows a name twice).
 * Throws a plain Error naming the problem when `pattern` is not valid RE2; validate user input with
 * {@link checkRe2} first. Results are cached.
 */
export function re2ToRegExp(pattern: string, options: Re2MatchOptions = {}): RegExp {
  const anchored = options.anchored ?? true;
  const key = `${anchored ? 'a' : '-'}${options.dotAll ? 's' : '-'}${pattern}`;
  let re = compiled.get(key);
  if (re === undefined) {
    let translation: Translation;
    try {
      translation = translate(pattern, { ...NO_FLAGS, s: options.dotAll === true });
    } catch (e) {
      if (e instanceof Stop) throw new Error(`not RE2: ${describeRe2Problem(e.problem)} in ${showValue(pattern)}`);
      throw e;
    }
    re = new RegExp(anchored ? `^(?:${translation.source})$` : translation.source, 'u');
    compiled.set(key, re);
  }
  return re;
}

/**
 * True when `pattern` (RE2, fully anchored the way Loki anchors label matchers) matches the empty string.
 * Patterns that are not valid RE2 count as not matching, so a doubt never raises an error.
 */
export function matchesEmptyString(pattern: string): boolean {
  try {
    return re2ToRegExp(pattern).test('');
  } catch {
    return false;
  }
}
