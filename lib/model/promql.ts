import type { LRParser } from '@lezer/lr';
// The package is an ES module with CommonJS builds; TypeScript's node16 resolution only sees its ESM types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };
import { promqlRefused, queryParseError, invalid } from './errors';
import { disabledFeature, integerBoundMatcher, PromQLFeatureProblem, removedFunction } from './promql-features';
import { firstErrorOffset, nearText } from './query-parse';

/** A position in a multi-line expression, 1-based like promtool reports it. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Converts a character offset into line:column. */
export function positionOf(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const checkedExpressions = new Set<string>();
const parsedSkeletons = new Set<string>();
/** Skeletons that parse and use nothing the rendered Prometheus refuses. */
const acceptedSkeletons = new Set<string>();

/**
 * The expression with the text of every string literal left out (`up{job="api"}` → `up{job=""}`), or undefined
 * when a literal is not closed on its line or the text has surrogates (the parser reads those differently). A
 * string literal is one token to the parser whatever it holds, so an expression parses exactly when its skeleton
 * does: expressions that differ only in label values, such as one rule per service, share one skeleton and need
 * one parse. Comments (`#` to the end of the line) are kept as they are, quotes in them included.
 */
export function promqlSkeleton(expr: string): string | undefined {
  // The parser refuses a lone surrogate in a literal: leave any text with surrogates to the parser alone.
  if (/[\uD800-\uDFFF]/.test(expr)) return undefined;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (c === '#') {
      const eol = expr.indexOf('\n', i);
      i = eol < 0 ? expr.length : eol;
    } else if (c === '"' || c === "'") {
      // The grammar: '"' (![\\\n"] | "\\" _)* '"', the same with "'".
      let j = i + 1;
      while (j < expr.length && expr[j] !== c) {
        if (expr[j] === '\n') return undefined;
        j += expr[j] === '\\' ? 2 : 1;
      }
      if (j >= expr.length) return undefined;
      out += expr.slice(copied, i + 1);
      copied = j;
      i = j + 1;
    } else if (c === '`') {
      const j = expr.indexOf('`', i + 1);
      if (j < 0) return undefined;
      out += expr.slice(copied, i + 1);
      copied = j;
      i = j + 1;
    } else {
      i++;
    }
  }
  return out + expr.slice(copied);
}

/**
 * The offset of the first PromQL syntax error in `expr`, or -1 when it parses. Expressions whose skeleton (see
 * {@link promqlSkeleton}) already parsed are not parsed again.
 */
export function promqlErrorOffset(expr: string): number {
  const skeleton = promqlSkeleton(expr);
  if (skeleton !== undefined && parsedSkeletons.has(skeleton)) return -1;
  const errorAt = firstErrorOffset(parser, expr);
  if (errorAt < 0 && skeleton !== undefined) parsedSkeletons.add(skeleton);
  return errorAt;
}

/**
 * Validates a PromQL expression with the parser the Prometheus UI uses (`@prometheus-io/lezer-promql`, of the
 * images' Prometheus line), and throws an error that names the position (line:column) and the text near it.
 * Beyond the grammar, it refuses what the rendered Prometheus 3 refuses although the grammar reads it: experimental
 * functions and syntax behind `--enable-feature` flags the containers do not pass (`double_exponential_smoothing`,
 * `info`, `limitk`, `anchored`, `fill`, ...), `holt_winters`, which Prometheus 3.0 removed, and `le="1"`-style
 * matchers, which match nothing since Prometheus 3 writes `le` and `quantile` as float strings (`le="1.0"`).
 *
 * Results are cached: each distinct expression is parsed once per process, and expressions that differ only in
 * the text of their string literals (label values) once between them.
 */
export function checkPromQL(expr: string, where: string, field: string): void {
  if (typeof expr !== 'string' || expr.trim() === '') {
    throw invalid(where, field, expr, 'a non-empty PromQL expression');
  }
  if (checkedExpressions.has(expr)) return;
  const refuse = (problem: PromQLFeatureProblem) => {
    const { line, column } = positionOf(expr, problem.at);
    return promqlRefused(where, field, problem.what, line, column, problem.reason, expr);
  };
  const skeleton = promqlSkeleton(expr);
  if (skeleton === undefined || !acceptedSkeletons.has(skeleton)) {
    const tree = parser.parse(expr);
    const errorAt = firstErrorOffset(parser, expr, tree);
    if (errorAt >= 0) {
      const removed = removedFunction(expr, skeleton);
      if (removed) throw refuse(removed);
      const { line, column } = positionOf(expr, errorAt);
      throw queryParseError(where, field, 'PromQL', line, column, nearText(expr, errorAt), expr);
    }
    const refused = disabledFeature(tree, expr);
    if (refused) throw refuse(refused);
    if (skeleton !== undefined) {
      parsedSkeletons.add(skeleton);
      acceptedSkeletons.add(skeleton);
    }
  }
  // Label values are left out of skeletons, so this one looks at every expression.
  const bound = integerBoundMatcher(expr);
  if (bound) throw refuse(bound);
  checkedExpressions.add(expr);
}
