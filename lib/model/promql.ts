import type { LRParser } from '@lezer/lr';
// The package is an ES module with CommonJS builds; TypeScript's node16 resolution only sees its ESM types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };
import { invalid, promqlRefused, promqlRuleResult, promqlTypeError, queryParseError } from './errors';
import { AGGREGATION_PARAMETERS, closestFunction, PROMQL_FUNCTIONS, PromQLType } from './promql-functions';
import { checkPromQLTypes, PromQLTypeProblem } from './promql-types';
import { disabledFeature, integerBoundMatcher, PromQLFeatureProblem, removedFunction } from './promql-features';
import { firstErrorOffset, nearText } from './query-parse';
import { invalidRegexMatcher } from './promql-regex';

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

/** Expressions already checked, with their type. */
const checkedExpressions = new Map<string, PromQLType | undefined>();
const parsedSkeletons = new Set<string>();
/** What an accepted skeleton is known to be: parses, uses nothing the rendered Prometheus refuses, type-checks. */
interface SkeletonFacts {
  readonly type?: PromQLType;
  /** A selector without a metric name: whether it selects anything depends on label values, so each text is checked. */
  readonly namelessSelector: boolean;
}
/** Skeletons that parse, use nothing the rendered Prometheus refuses and type-check. */
const acceptedSkeletons = new Map<string, SkeletonFacts>();

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

/** What {@link checkPromQL} requires beyond valid PromQL. */
export interface PromQLCheckOptions {
  /**
   * The expression is a rule's (alerting, recording, or a promtool expression test): it must return an instant vector
   * or a scalar. Prometheus' rule manager turns a scalar into a one-sample vector and fails every evaluation of any
   * other type with "rule result is not a vector or scalar" (rules/manager.go `EngineQueryFunc`).
   * @default false
   */
  readonly rule?: boolean;
}

/** A call to a name the grammar does not know as a function, at a parse error: `foo(` → `foo`. */
function unknownFunction(expr: string, errorAt: number): PromQLFeatureProblem | undefined {
  if (expr[errorAt] !== '(') return undefined;
  const m = /([a-zA-Z_][a-zA-Z0-9_]*)\s*$/.exec(expr.slice(0, errorAt));
  if (!m || /^(by|without|on|ignoring|group_left|group_right|bool|offset)$/i.test(m[1])) return undefined;
  const name = m[1];
  if (PROMQL_FUNCTIONS[name] || name in AGGREGATION_PARAMETERS) return undefined;
  const closest = closestFunction(name);
  return {
    at: m.index,
    what: `function "${name}"`,
    reason: `Prometheus 3 (the 3.13 line the images run) has no function of that name${closest ? `; did you mean "${closest}"?` : ''}`,
  };
}

/**
 * Validates a PromQL expression with the parser the Prometheus UI uses (`@prometheus-io/lezer-promql`, of the
 * images' Prometheus line), and throws an error that names the position (line:column) and the text near it.
 * Beyond the grammar, it refuses what the rendered Prometheus 3 refuses although the grammar reads it: experimental
 * functions and syntax behind `--enable-feature` flags the containers do not pass (`double_exponential_smoothing`,
 * `info`, `limitk`, `anchored`, `fill`, ...), `holt_winters`, which Prometheus 3.0 removed, `le="1"`-style
 * matchers, which match nothing since Prometheus 3 writes `le` and `quantile` as float strings (`le="1.0"`), and
 * the type errors Prometheus' parser reports: a function's argument of the wrong type (`rate(http_requests_total)`),
 * a range on an expression (`sum(up)[5m]`), an aggregation of a range vector, scalars compared without `bool`,
 * a selector of every series (see `promql-types.ts`). With `options.rule`, the expression must also return an
 * instant vector or a scalar.
 *
 * Results are cached: each distinct expression is parsed once per process, and expressions that differ only in
 * the text of their string literals (label values) once between them.
 */
export function checkPromQL(expr: string, where: string, field: string, options: PromQLCheckOptions = {}): void {
  if (typeof expr !== 'string' || expr.trim() === '') {
    throw invalid(where, field, expr, 'a non-empty PromQL expression');
  }
  const type = checkedExpressions.has(expr) ? checkedExpressions.get(expr) : analyse(expr, where, field);
  if (options.rule && type !== undefined && type !== 'instant vector' && type !== 'scalar') {
    throw promqlRuleResult(where, field, type, expr, RULE_RESULT_HINTS[type]);
  }
}

/** What to write instead when a rule's expression returns a range vector or a string. */
const RULE_RESULT_HINTS: Readonly<Record<string, string>> = {
  'range vector': 'an instant vector, e.g. max_over_time(up[5m]) instead of up[5m], or the selector without its range',
  string: 'an instant vector, e.g. a comparison such as up == 0; a string literal is never an alert or a recorded series',
};

/** Parses, checks and type-checks `expr`; returns its type. Throws the first problem. */
function analyse(expr: string, where: string, field: string): PromQLType | undefined {
  const refuse = (problem: PromQLFeatureProblem) => {
    const { line, column } = positionOf(expr, problem.at);
    return promqlRefused(where, field, problem.what, line, column, problem.reason, expr);
  };
  const typeError = (at: number, message: string) => {
    const { line, column } = positionOf(expr, at);
    return promqlTypeError(where, field, message, line, column, expr);
  };
  const skeleton = promqlSkeleton(expr);
  let facts = skeleton === undefined ? undefined : acceptedSkeletons.get(skeleton);
  if (!facts) {
    const tree = parser.parse(expr);
    const errorAt = firstErrorOffset(parser, expr, tree);
    if (errorAt >= 0) {
      const removed = removedFunction(expr, skeleton) ?? unknownFunction(expr, errorAt);
      if (removed) throw refuse(removed);
      const { line, column } = positionOf(expr, errorAt);
      throw queryParseError(where, field, 'PromQL', line, column, nearText(expr, errorAt), expr);
    }
    const refused = disabledFeature(tree, expr);
    if (refused) throw refuse(refused);
    const typed = checkPromQLTypes(tree, expr);
    if (typed.problem) throw typeError(typed.problem.at, typed.problem.message);
    facts = { type: typed.type, namelessSelector: typed.namelessSelector };
    if (skeleton !== undefined) {
      parsedSkeletons.add(skeleton);
      acceptedSkeletons.set(skeleton, facts);
    }
  } else if (facts.namelessSelector) {
    // Whether `{job=""}` selects anything depends on the label values the skeleton leaves out.
    const typed = checkPromQLTypes(parser.parse(expr), expr);
    if (typed.problem) throw typeError(typed.problem.at, typed.problem.message);
  }
  // Label values are left out of skeletons, so this one looks at every expression.
  const bound = integerBoundMatcher(expr) ?? invalidRegexMatcher(expr);
  if (bound) throw refuse(bound);
  checkedExpressions.set(expr, facts.type);
  return facts.type;
}

/**
 * The first type error of a PromQL expression that parses (see {@link checkPromQL}), or undefined. For queries whose
 * result type does not matter (dashboard panels). Cached like the parse.
 */
export function promqlTypeProblem(expr: string): PromQLTypeProblem | undefined {
  const skeleton = promqlSkeleton(expr);
  const facts = skeleton === undefined ? undefined : acceptedSkeletons.get(skeleton);
  if (facts && !facts.namelessSelector) return undefined;
  const tree = parser.parse(expr);
  if (firstErrorOffset(parser, expr, tree) >= 0) return undefined;
  const typed = checkPromQLTypes(tree, expr);
  if (!typed.problem && skeleton !== undefined && !facts && !disabledFeature(tree, expr)) {
    parsedSkeletons.add(skeleton);
    acceptedSkeletons.set(skeleton, { type: typed.type, namelessSelector: typed.namelessSelector });
  }
  return typed.problem;
}

/** True when `expr` is one vector selector (`name{...}` or `{...}`) and nothing else: no function, range or operator. */
export function isPlainSelector(expr: string): boolean {
  const tree = parser.parse(expr);
  if (firstErrorOffset(parser, expr, tree) >= 0) return false;
  const root = tree.topNode.firstChild;
  return root !== null && root.name === 'VectorSelector';
}
