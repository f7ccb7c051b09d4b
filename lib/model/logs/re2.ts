import { MonitoringConfigError, showValue } from '../errors';

/** What a checked RE2 expression captures. */
export interface Re2Info {
  /** Names of the named groups, `(?P<name>...)` or `(?<name>...)`, in order of appearance. */
  readonly namedGroups: readonly string[];
  /** How many capturing groups have no name. */
  readonly unnamedGroups: number;
}

/** The RE2 syntax Alloy and Promtail compile (Go's `regexp` package), named once for every message. */
const RE2 = "an RE2 regular expression (Go's regexp syntax, which Alloy and Promtail compile)";
/** Letters RE2 accepts after a backslash (https://github.com/google/re2/wiki/Syntax). */
const RE2_LETTER_ESCAPES = new Set(['a', 'f', 't', 'n', 'r', 'v', 'd', 'D', 's', 'S', 'w', 'W', 'b', 'B', 'A', 'z', 'p', 'P', 'x', 'Q', 'E', 'C']);
/** POSIX classes RE2 knows inside brackets, e.g. `[[:alpha:]]`. */
const POSIX_CLASSES = new Set(['alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'word', 'xdigit']);
/** Largest repeat count RE2 allows in `{n,m}`. */
const MAX_REPEAT = 1000;

/** Thrown by the scanner: an RE2 feature that is not supported, at a 0-based offset. */
class Unsupported extends Error {
  constructor(
    readonly what: string,
    readonly at: number,
    readonly hint: string,
  ) {
    super(what);
  }
}

interface Translation {
  /** The expression in JavaScript syntax (for compiling and matching here); group names are replaced by g0, g1, ... */
  readonly source: string;
  readonly namedGroups: string[];
  readonly unnamedGroups: number;
}

/**
 * Translates RE2 syntax into an equivalent (for compiling and simple matching) JavaScript expression, and rejects what RE2
 * does not support: lookarounds, backreferences, atomic groups, recursion, unknown escapes and flags, repeat counts above 1000.
 */
function translate(pattern: string): Translation {
  let out = '';
  let i = 0;
  let inClass = false;
  const namedGroups: string[] = [];
  let unnamedGroups = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const [text, length] = translateEscape(pattern, i, inClass);
      out += text;
      i += length;
      continue;
    }
    if (inClass) {
      if (c === '[' && pattern[i + 1] === ':') {
        const end = pattern.indexOf(':]', i + 2);
        const name = end < 0 ? '' : pattern.slice(i + 2, end).replace(/^\^/, '');
        if (end >= 0 && !POSIX_CLASSES.has(name)) {
          throw new Unsupported(`POSIX class "${pattern.slice(i, end + 2)}"`, i, `; RE2 knows [:${[...POSIX_CLASSES].join(':], [:')}:]`);
        }
        if (end >= 0) {
          out += 'a';
          i = end + 2;
          continue;
        }
      }
      if (c === ']') inClass = false;
      out += c;
      i += 1;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += '[';
      i += 1;
      if (pattern[i] === '^') {
        out += '^';
        i += 1;
      }
      if (pattern[i] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] !== '?') {
        unnamedGroups += 1;
        out += '(';
        i += 1;
        continue;
      }
      const rest = pattern.slice(i + 2);
      const named = /^P?<([^>]*)>/.exec(rest);
      if (named && !rest.startsWith('<=') && !rest.startsWith('<!')) {
        const name = named[1];
        if (!/^[A-Za-z0-9_]+$/.test(name)) {
          throw new Unsupported(`group name ${showValue(name)}`, i, '; a group name has letters, digits and underscores');
        }
        out += `(?<g${namedGroups.length}>`;
        namedGroups.push(name);
        i += 2 + named[0].length;
        continue;
      }
      const unsupported = unsupportedGroup(rest);
      if (unsupported) throw new Unsupported(unsupported[0], i, unsupported[1]);
      const flags = /^([A-Za-z]*)(?:-([A-Za-z]*))?([:)])/.exec(rest);
      if (flags) {
        const bad = `${flags[1]}${flags[2] ?? ''}`.replace(/[imsU]/g, '');
        if (bad !== '' || (flags[1] === '' && flags[2] === undefined && flags[3] === ')')) {
          throw new Unsupported(`flag group "(?${flags[0]}"`, i, '; RE2 knows the flags i, m, s and U, e.g. (?i) or (?i:...)');
        }
        out += flags[3] === ':' ? '(?:' : '';
        i += 2 + flags[0].length;
        continue;
      }
      throw new Unsupported(`group syntax "(?${rest.slice(0, 1)}"`, i, '');
    }
    if (c === '{') {
      const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat && (Number(repeat[1]) > MAX_REPEAT || (repeat[2] !== undefined && repeat[2] !== '' && Number(repeat[2]) > MAX_REPEAT))) {
        throw new Unsupported(`repeat count "${repeat[0]}"`, i, `; RE2 allows at most ${MAX_REPEAT}`);
      }
    }
    out += c;
    i += 1;
  }
  return { source: out, namedGroups, unnamedGroups };
}

/** `[what, hint]` for the Perl group syntax RE2 leaves out, or undefined. */
function unsupportedGroup(rest: string): [string, string] | undefined {
  const table: [string, string, string][] = [
    ['=', 'lookahead "(?="', '; RE2 has no lookarounds: match the text itself, or use a later stage (e.g. drop) to filter'],
    ['!', 'negative lookahead "(?!"', '; RE2 has no lookarounds: match the text itself, or use a later stage (e.g. drop) to filter'],
    ['<=', 'lookbehind "(?<="', '; RE2 has no lookarounds: match the preceding text in a non-capturing group (?:...) instead'],
    ['<!', 'negative lookbehind "(?<!"', '; RE2 has no lookarounds: match the text itself, or use a later stage (e.g. drop) to filter'],
    ['>', 'atomic group "(?>"', '; RE2 never backtracks, so a plain group (?:...) does the same'],
    ['P=', 'backreference "(?P="', '; RE2 has no backreferences'],
    ['P>', 'recursion "(?P>"', '; RE2 has no recursion'],
    ['R', 'recursion "(?R"', '; RE2 has no recursion'],
    ['#', 'comment "(?#"', '; RE2 has no inline comments'],
    ['|', 'branch reset "(?|"', '; RE2 has no branch reset groups'],
  ];
  for (const [prefix, what, hint] of table) if (rest.startsWith(prefix)) return [what, hint];
  if (/^[0-9+-]/.test(rest) && !/^-[A-Za-z]/.test(rest)) return [`recursion "(?${rest[0]}"`, '; RE2 has no recursion'];
  return undefined;
}

/** Translates one escape sequence at `i`; returns the JavaScript text and how many characters were read. */
function translateEscape(pattern: string, i: number, inClass: boolean): [string, number] {
  const next = pattern[i + 1];
  if (next === undefined) return ['\\', 1];
  if (/[1-9]/.test(next)) {
    const octal = /^[1-7][0-7]{1,2}/.exec(pattern.slice(i + 1));
    if (!octal) throw new Unsupported(`backreference "\\${next}"`, i, '; RE2 has no backreferences: repeat the pattern instead of referring to the group');
    return [`\\u${parseInt(octal[0], 8).toString(16).padStart(4, '0')}`, 1 + octal[0].length];
  }
  if (next === '0') {
    const octal = /^0[0-7]{0,2}/.exec(pattern.slice(i + 1)) as RegExpExecArray;
    return [`\\u${parseInt(octal[0], 8).toString(16).padStart(4, '0')}`, 1 + octal[0].length];
  }
  if (!/[A-Za-z]/.test(next)) return [`\\${next}`, 2];
  if (next === 'k' && pattern[i + 2] === '<') {
    throw new Unsupported('backreference "\\k<"', i, '; RE2 has no backreferences: repeat the pattern instead of referring to the group');
  }
  if (!RE2_LETTER_ESCAPES.has(next)) {
    const hints: Record<string, string> = {
      u: '; write \\x{0041} instead of \\u0041',
      Z: '; use \\z for the end of the text',
      h: '; use [ \\t] for horizontal space',
      R: '; use \\r?\\n for a line break',
    };
    throw new Unsupported(`escape "\\${next}"`, i, hints[next] ?? '; RE2 knows \\a \\f \\t \\n \\r \\v \\d \\D \\s \\S \\w \\W \\b \\B \\A \\z \\pN \\p{Name} \\x.. \\Q...\\E and \\C');
  }
  switch (next) {
    case 'A':
      return [inClass ? 'A' : '^', 2];
    case 'z':
      return [inClass ? 'z' : '$', 2];
    case 'a':
      return ['\\x07', 2];
    case 'C':
      return [inClass ? '\\s\\S' : '[\\s\\S]', 2];
    case 'E':
      return ['', 2];
    case 'Q': {
      const end = pattern.indexOf('\\E', i + 2);
      const literal = pattern.slice(i + 2, end < 0 ? pattern.length : end);
      const escaped = literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      return [escaped, (end < 0 ? pattern.length : end + 2) - i];
    }
    case 'p':
    case 'P': {
      const braced = /^\{\^?[A-Za-z_]+\}/.exec(pattern.slice(i + 2));
      const single = /^[A-Za-z]/.exec(pattern.slice(i + 2));
      const length = braced ? braced[0].length : single ? 1 : -1;
      if (length < 0) throw new Unsupported(`Unicode class "\\${next}${pattern.slice(i + 2, i + 4)}"`, i, '; write \\pL or \\p{Greek}');
      const placeholder = next === 'p' ? '\\w' : '\\W';
      return [placeholder, 2 + length];
    }
    case 'x': {
      const braced = /^\{([0-9A-Fa-f]{1,8})\}/.exec(pattern.slice(i + 2));
      if (braced) {
        const code = parseInt(braced[1], 16);
        if (code > 0x10ffff) throw new Unsupported(`escape "\\x${braced[0]}"`, i, '; the largest code point is 10FFFF');
        return [code > 0xffff ? '\\w' : `\\u${code.toString(16).padStart(4, '0')}`, 2 + braced[0].length];
      }
      if (!/^[0-9A-Fa-f]{2}/.test(pattern.slice(i + 2))) {
        throw new Unsupported(`escape "\\x${pattern.slice(i + 2, i + 4)}"`, i, '; write two hex digits (\\x41) or braces (\\x{41})');
      }
      return [`\\x${pattern.slice(i + 2, i + 4)}`, 4];
    }
    default:
      return [`\\${next}`, 2];
  }
}

/**
 * Checks that `pattern` compiles as RE2, the regular expression syntax of Go, which Alloy and Promtail use for their
 * regex, multiline and drop stages. Perl/JavaScript features RE2 leaves out (lookarounds, backreferences, atomic groups,
 * recursion) and unknown escapes are reported with their column and a hint; other syntax errors are reported as the
 * compiler words them. Named groups are written `(?P<name>...)` (Go 1.22 and later also accept `(?<name>...)`).
 */
export function checkRe2(pattern: string, where: string, field: string): Re2Info {
  if (typeof pattern !== 'string' || pattern === '') {
    throw new MonitoringConfigError(where, field, `got ${showValue(pattern)}, expected a non-empty ${RE2}`);
  }
  let translation: Translation;
  try {
    translation = translate(pattern);
  } catch (e) {
    if (!(e instanceof Unsupported)) throw e;
    throw new MonitoringConfigError(
      where,
      field,
      `got ${showValue(pattern)}, expected ${RE2}: ${e.what} at column ${e.at + 1} is not supported by RE2${e.hint}`,
    );
  }
  try {
    new RegExp(translation.source);
  } catch (e) {
    const reason = (e as Error).message.split(': ').pop() ?? String(e);
    throw new MonitoringConfigError(where, field, `got ${showValue(pattern)}, expected ${RE2} that compiles: ${reason.toLowerCase()}`);
  }
  return { namedGroups: translation.namedGroups, unnamedGroups: translation.unnamedGroups };
}

/**
 * True when `pattern` (RE2, fully anchored the way Loki anchors label matchers) matches the empty string.
 * Patterns this module cannot translate count as not matching, so a doubt never raises an error.
 */
export function matchesEmptyString(pattern: string): boolean {
  try {
    return new RegExp(`^(?:${translate(pattern).source})$`).test('');
  } catch {
    return false;
  }
}
