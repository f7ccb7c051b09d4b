// PromQL's value types and the signature of every function and aggregation, as Prometheus' parser checks them.
// Source: prometheus/prometheus promql/parser/functions.go (`Functions`: ArgTypes, Variadic, ReturnType; read at
// commit 032c05357abf79a6053b403466b3516157994d8f of the 3.x line) and promql/parser/parse.go (`checkAST`,
// `newAggregateExpr`). Functions the 3.x grammar of the images knows but marks `Experimental` are listed too: they
// are refused earlier, with their feature flag (promql-features.ts).
import { editDistance } from './edit-distance';

/** A PromQL value type, named as Prometheus' messages name it. */
export type PromQLType = 'instant vector' | 'range vector' | 'scalar' | 'string';

/** A function's signature: argument types, how many extra arguments it takes, and what it returns. */
export interface PromQLFunction {
  readonly args: readonly PromQLType[];
  /**
   * 0: exactly `args`; n > 0: the last argument is optional and repeats up to n times (so `args.length - 1` to
   * `args.length - 1 + n` arguments); -1: the last argument repeats without limit (at least `args.length - 1`).
   */
  readonly variadic: number;
  readonly returns: PromQLType;
}

const V: PromQLType = 'instant vector';
const M: PromQLType = 'range vector';
const S: PromQLType = 'scalar';
const STR: PromQLType = 'string';

const fn = (args: PromQLType[], returns: PromQLType = V, variadic = 0): PromQLFunction => ({ args, variadic, returns });

/** Every function of Prometheus 3.x's parser, by name. */
export const PROMQL_FUNCTIONS: Readonly<Record<string, PromQLFunction>> = {
  abs: fn([V]),
  absent: fn([V]),
  absent_over_time: fn([M]),
  acos: fn([V]),
  acosh: fn([V]),
  asin: fn([V]),
  asinh: fn([V]),
  atan: fn([V]),
  atanh: fn([V]),
  avg_over_time: fn([M]),
  ceil: fn([V]),
  changes: fn([M]),
  clamp: fn([V, S, S]),
  clamp_max: fn([V, S]),
  clamp_min: fn([V, S]),
  cos: fn([V]),
  cosh: fn([V]),
  count_over_time: fn([M]),
  days_in_month: fn([V], V, 1),
  day_of_month: fn([V], V, 1),
  day_of_week: fn([V], V, 1),
  day_of_year: fn([V], V, 1),
  deg: fn([V]),
  delta: fn([M]),
  deriv: fn([M]),
  double_exponential_smoothing: fn([M, S, S]),
  end: fn([], S),
  exp: fn([V]),
  first_over_time: fn([M]),
  floor: fn([V]),
  histogram_avg: fn([V]),
  histogram_count: fn([V]),
  histogram_fraction: fn([S, S, V]),
  histogram_quantile: fn([S, V]),
  histogram_quantiles: fn([V, STR, S, S], V, 9),
  histogram_stddev: fn([V]),
  histogram_stdvar: fn([V]),
  histogram_sum: fn([V]),
  hour: fn([V], V, 1),
  idelta: fn([M]),
  increase: fn([M]),
  info: fn([V, V], V, 1),
  irate: fn([M]),
  label_join: fn([V, STR, STR, STR], V, -1),
  label_replace: fn([V, STR, STR, STR, STR]),
  last_over_time: fn([M]),
  ln: fn([V]),
  log10: fn([V]),
  log2: fn([V]),
  mad_over_time: fn([M]),
  max_over_time: fn([M]),
  min_over_time: fn([M]),
  minute: fn([V], V, 1),
  month: fn([V], V, 1),
  pi: fn([], S),
  predict_linear: fn([M, S]),
  present_over_time: fn([M]),
  quantile_over_time: fn([S, M]),
  rad: fn([V]),
  range: fn([], S),
  rate: fn([M]),
  resets: fn([M]),
  round: fn([V, S], V, 1),
  scalar: fn([V], S),
  sgn: fn([V]),
  sin: fn([V]),
  sinh: fn([V]),
  sort: fn([V]),
  sort_by_label: fn([V, STR], V, -1),
  sort_by_label_desc: fn([V, STR], V, -1),
  sort_desc: fn([V]),
  sqrt: fn([V]),
  start: fn([], S),
  stddev_over_time: fn([M]),
  stdvar_over_time: fn([M]),
  step: fn([], S),
  sum_over_time: fn([M]),
  tan: fn([V]),
  tanh: fn([V]),
  time: fn([], S),
  timestamp: fn([V]),
  ts_of_first_over_time: fn([M]),
  ts_of_last_over_time: fn([M]),
  ts_of_max_over_time: fn([M]),
  ts_of_min_over_time: fn([M]),
  vector: fn([S]),
  year: fn([V], V, 1),
};

/** Aggregations and the type of their parameter (parse.go `checkAST`: topk, bottomk, quantile, limitk, limit_ratio, count_values). */
export const AGGREGATION_PARAMETERS: Readonly<Record<string, PromQLType | undefined>> = {
  avg: undefined,
  bottomk: S,
  count: undefined,
  count_values: STR,
  group: undefined,
  limit_ratio: S,
  limitk: S,
  max: undefined,
  min: undefined,
  quantile: S,
  stddev: undefined,
  stdvar: undefined,
  sum: undefined,
  topk: S,
};

/** Comparison operators (they filter, or return 0/1 with `bool`). */
export const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['==', '!=', '>', '<', '>=', '<=']);
/** Set operators (vector/vector only, many-to-many). */
export const SET_OPERATORS: ReadonlySet<string> = new Set(['and', 'or', 'unless']);

/** `an instant vector`, `a range vector`, `a scalar`, `a string`. */
export function withArticle(type: PromQLType): string {
  return `${type === 'instant vector' ? 'an' : 'a'} ${type}`;
}


/** The known function or aggregation closest to `name` (at most 2 edits away), for a hint. */
export function closestFunction(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of [...Object.keys(PROMQL_FUNCTIONS), ...Object.keys(AGGREGATION_PARAMETERS)].sort()) {
    const d = editDistance(name.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
