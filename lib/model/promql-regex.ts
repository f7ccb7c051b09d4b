import type { PromQLFeatureProblem } from './promql-features';
import { describeRe2Problem, re2Expectation, re2Problem } from './re2';

// Regex label matchers (`=~`, `!~`) in PromQL: Prometheus compiles the value with Go's regexp (RE2), anchored as
// `^(?s:...)$` (model/labels/regexp.go), and refuses the whole query when it does not compile. The grammar of
// lezer-promql reads any string there, so the value is checked here. Prometheus' lexer also refuses an escape Go's
// string syntax does not know (`"\d+"`: "unknown escape sequence"), a common slip in regexes.

/** Escapes a PromQL double- or single-quoted string may hold (promql/parser/lex.go `lexEscape`). */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** A string literal's value, or the offset (in the literal) and text of an escape Go does not know. */
function unquote(literal: string): { value: string } | { badEscape: string; at: number } {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') return { value: body };
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      value += c;
      continue;
    }
    const e = body[i + 1] ?? '';
    const rest = body.slice(i + 1);
    let m: RegExpExecArray | null;
    if (SIMPLE_ESCAPES[e] !== undefined) {
      value += SIMPLE_ESCAPES[e];
      i += 1;
    } else if (e === quote) {
      value += e;
      i += 1;
    } else if ((m = /^[0-7]{3}/.exec(rest))) {
      value += String.fromCharCode(parseInt(m[0], 8));
      i += 3;
    } else if ((m = /^x[0-9A-Fa-f]{2}|^u[0-9A-Fa-f]{4}|^U[0-9A-Fa-f]{8}/.exec(rest))) {
      value += String.fromCodePoint(parseInt(m[0].slice(1), 16));
      i += m[0].length;
    } else {
      return { badEscape: `\\${e}`, at: i + 1 };
    }
  }
  return { value };
}

/** The end (exclusive) of the string literal starting at `i`, or -1 when it is not closed. */
function literalEnd(expr: string, i: number): number {
  const quote = expr[i];
  let j = i + 1;
  while (j < expr.length && expr[j] !== quote) {
    if (quote !== '`' && expr[j] === '\n') return -1;
    j += quote !== '`' && expr[j] === '\\' ? 2 : 1;
  }
  return j < expr.length ? j + 1 : -1;
}

/** The label name before a matcher operator at `op`: an identifier or a quoted name (Prometheus 3 UTF-8 names). */
function labelBefore(expr: string, op: number): string {
  const before = expr.slice(0, op).replace(/\s+$/, '');
  const m = /([a-zA-Z_][a-zA-Z0-9_]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/.exec(before);
  return m ? m[1] : '';
}

/**
 * The first regex matcher of a PromQL expression whose value Prometheus would refuse: not valid RE2 (a lookahead,
 * a backreference, a syntax error), or a string escape Go does not know. Valid RE2 that JavaScript lacks (`(?i)`,
 * `(?P<name>...)`) passes. The expression is expected to parse; anything unclear is left to the parser.
 */
export function invalidRegexMatcher(expr: string): PromQLFeatureProblem | undefined {
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (c === '#') {
      const eol = expr.indexOf('\n', i);
      i = eol < 0 ? expr.length : eol;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      const end = literalEnd(expr, i);
      if (end < 0) return undefined;
      i = end;
      continue;
    }
    if ((c === '=' || c === '!') && expr[i + 1] === '~') {
      const op = `${c}~`;
      let j = i + 2;
      while (j < expr.length && /\s/.test(expr[j])) j++;
      const q = expr[j];
      if (q !== '"' && q !== "'" && q !== '`') return undefined;
      const end = literalEnd(expr, j);
      if (end < 0) return undefined;
      const literal = expr.slice(j, end);
      const label = labelBefore(expr, i);
      const matcher = `${label}${op}${literal}`;
      const at = expr.slice(0, i).replace(/\s+$/, '').length - label.length;
      const unquoted = unquote(literal);
      if ('badEscape' in unquoted) {
        const double = unquoted.badEscape.replace('\\', '\\\\');
        return {
          at,
          what: `label matcher ${matcher}`,
          reason:
            `unknown escape sequence ${unquoted.badEscape} in the string (Prometheus refuses the query); ` +
            `in a regex write ${double} inside "..." or use a raw string \`...\``,
        };
      }
      const problem = re2Problem(unquoted.value);
      if (problem) {
        return {
          at,
          what: `label matcher ${matcher}`,
          reason: `the value is not ${re2Expectation('Prometheus')}: ${describeRe2Problem(problem)}`,
        };
      }
      i = end;
      continue;
    }
    i++;
  }
  return undefined;
}
