import type { Tree } from '@lezer/common';
import { prometheusFloatLabel } from './float-label';

// PromQL that the grammar (lezer-promql, the Prometheus UI's parser) reads but the rendered Prometheus 3 refuses:
// experimental syntax behind `--enable-feature` flags that the containers do not pass, and functions that 3.0
// removed. Sources: Prometheus docs/feature_flags.md; promql/parser/functions.go (`Experimental: true`);
// Prometheus 3.0.0 release notes ("holt_winters is now called double_exponential_smoothing and moves behind the
// experimental-promql-functions feature flag", #14930).

/** The flag that enables experimental PromQL functions and the `limitk`/`limit_ratio` aggregations. */
const EXPERIMENTAL_FUNCTIONS_FLAG = 'promql-experimental-functions';

/** Functions marked `Experimental: true` in promql/parser/functions.go (Prometheus 3.x). */
const EXPERIMENTAL_FUNCTIONS: ReadonlySet<string> = new Set([
  'double_exponential_smoothing',
  'end',
  'first_over_time',
  'histogram_quantiles',
  'info',
  'integral',
  'mad_over_time',
  'range',
  'sort_by_label',
  'sort_by_label_desc',
  'start',
  'step',
  'ts_of_first_over_time',
  'ts_of_last_over_time',
  'ts_of_max_over_time',
  'ts_of_min_over_time',
]);

/** Aggregations behind the same flag (promql/parser: `limitk() is experimental and must be enabled ...`). */
const EXPERIMENTAL_AGGREGATIONS: ReadonlySet<string> = new Set(['limitk', 'limit_ratio']);

/** Syntax nodes of lezer-promql whose feature has its own flag. */
const FLAGGED_NODES: Readonly<Record<string, { what: string; flag: string }>> = {
  AnchoredExpr: { what: 'the `anchored` range selector modifier', flag: 'promql-extended-range-selectors' },
  SmoothedExpr: { what: 'the `smoothed` range selector modifier', flag: 'promql-extended-range-selectors' },
  FillModifier: { what: 'the `fill` binary operator modifier', flag: 'promql-binop-fill-modifiers' },
};

/** PromQL that the rendered Prometheus refuses, with where it starts and why. */
export interface PromQLFeatureProblem {
  /** Offset of the construct in the expression. */
  readonly at: number;
  /** The construct, e.g. `function "info"`. */
  readonly what: string;
  /** Why Prometheus refuses it, and what to do. */
  readonly reason: string;
}

function notEnabled(flag: string): string {
  return `it is experimental in Prometheus 3 and needs --enable-feature=${flag}, which the rendered Prometheus does not pass`;
}

/** The first construct in a parsed expression that needs a feature flag the rendered Prometheus does not pass. */
export function disabledFeature(tree: Tree, expr: string): PromQLFeatureProblem | undefined {
  let found: PromQLFeatureProblem | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      const flagged = FLAGGED_NODES[node.name];
      if (flagged) {
        found = { at: node.from, what: flagged.what, reason: notEnabled(flagged.flag) };
      } else if (node.name === 'FunctionIdentifier' && EXPERIMENTAL_FUNCTIONS.has(expr.slice(node.from, node.to))) {
        found = { at: node.from, what: `function "${expr.slice(node.from, node.to)}"`, reason: notEnabled(EXPERIMENTAL_FUNCTIONS_FLAG) };
      } else if (node.name === 'AggregateOp' && EXPERIMENTAL_AGGREGATIONS.has(expr.slice(node.from, node.to))) {
        found = { at: node.from, what: `aggregation "${expr.slice(node.from, node.to)}"`, reason: notEnabled(EXPERIMENTAL_FUNCTIONS_FLAG) };
      }
      return found ? false : undefined;
    },
  });
  return found;
}

/** Functions Prometheus 3 removed, with what replaces them. */
const REMOVED_FUNCTIONS: Readonly<Record<string, string>> = {
  holt_winters:
    'Prometheus 3.0 renamed it double_exponential_smoothing, which is experimental and needs ' +
    `--enable-feature=${EXPERIMENTAL_FUNCTIONS_FLAG} (the rendered Prometheus does not pass it); ` +
    'predict_linear or deriv give a trend without the flag',
};

/**
 * A call to a function Prometheus 3 removed, for an expression that does not parse (the 3.x grammar no longer
 * knows the name, so the plain parse error would not say why). `skeleton` is the expression without the text of
 * its string literals, so a name inside a label value is not taken for a call.
 */
export function removedFunction(expr: string, skeleton: string | undefined): PromQLFeatureProblem | undefined {
  for (const [name, reason] of Object.entries(REMOVED_FUNCTIONS)) {
    const call = new RegExp(`(?<![\\w:])${name}\\s*\\(`);
    if (skeleton !== undefined && !call.test(skeleton)) continue;
    const at = expr.search(call);
    if (at >= 0) return { at, what: `function "${name}"`, reason };
  }
  return undefined;
}

/** `le="1"` or `quantile!="1"`: an equality matcher on a bucket or quantile label with a whole number. */
const INTEGER_BOUND_MATCHER = /[{,]\s*("?)(le|quantile)\1\s*(!?=)\s*"([+-]?\d+)"/;

/**
 * An equality matcher on `le` or `quantile` with a whole number (`le="1"`): Prometheus 3 writes those labels as
 * float strings (`le="1.0"`), so the matcher selects nothing. Regex matchers are left alone.
 */
export function integerBoundMatcher(expr: string): PromQLFeatureProblem | undefined {
  const m = INTEGER_BOUND_MATCHER.exec(expr);
  if (!m) return undefined;
  const at = m.index + 1 + m[0].slice(1).search(/\S/);
  const normalised = prometheusFloatLabel(Number(m[4]));
  return {
    at,
    what: `label matcher ${m[2]}${m[3]}"${m[4]}"`,
    reason: `Prometheus 3 writes ${m[2]} labels as float strings (${m[2]}="${normalised}"), so "${m[4]}" matches no series; write ${m[2]}${m[3]}"${normalised}"`,
  };
}
