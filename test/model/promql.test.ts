import { checkPromQL, positionOf } from '../../lib/model/promql';

describe('checkPromQL', () => {
  test('accepts valid PromQL', () => {
    expect(() => checkPromQL('sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05', 'X', 'expr')).not.toThrow();
    expect(() => checkPromQL('histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))', 'X', 'expr')).not.toThrow();
  });

  test('reports an unclosed range with line:column and the text near it', () => {
    expect(() => checkPromQL('rate(http_requests_total[5m)', 'AlertGroup dev/monitoring/api-health, rule HighErrorRate', 'expr')).toThrow(
      'AlertGroup dev/monitoring/api-health, rule HighErrorRate, expr: PromQL parse error at 1:28 near ")" in "rate(http_requests_total[5m)"; expected a valid PromQL expression',
    );
  });

  test('reports the line of a multi-line expression', () => {
    expect(() => checkPromQL('sum(rate(x[5m]))\n  / on() ', 'X', 'expr')).toThrow('PromQL parse error at 2:10 near "<end of expression>"');
  });

  test('rejects an empty expression', () => {
    expect(() => checkPromQL('  ', 'X', 'expr')).toThrow('X, expr: got "  ", expected a non-empty PromQL expression');
  });

  test('positionOf counts lines and columns from 1', () => {
    expect(positionOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('parsing once per expression shape', () => {
  const { promqlSkeleton, promqlErrorOffset } = jest.requireActual('../../lib/model/promql');

  test('expressions that differ only in label values share a skeleton', () => {
    expect(promqlSkeleton('up{job="api"} == 0')).toBe(promqlSkeleton('up{job="billing"} == 0'));
    expect(promqlSkeleton('up{job=~"a|b"}')).toBe('up{job=~""}');
    expect(promqlSkeleton("x{a='q\\'s'}")).toBe("x{a=''}");
  });

  test('unsafe texts fall back to a full parse', () => {
    expect(promqlSkeleton('up{job="api}')).toBeUndefined();
    expect(promqlSkeleton('up{job="a\nb"}')).toBeUndefined();
  });

  test('a cached shape never hides an error in a differently shaped expression', () => {
    expect(promqlErrorOffset('rate(x{job="a"}[5m])')).toBe(-1);
    expect(promqlErrorOffset('rate(x{job="b"}[5m])')).toBe(-1);
    expect(promqlErrorOffset('rate(x{job="b"}[5m)')).toBeGreaterThan(0);
    expect(() => checkPromQL('rate(x{job="c"}[5m)', 'X', 'expr')).toThrow('PromQL parse error at 1:19');
  });
});

describe('checkPromQL: what the rendered Prometheus 3 refuses although the grammar reads it', () => {
  const refused = (expr: string) => {
    try {
      checkPromQL(expr, 'X', 'expr');
    } catch (e) {
      return (e as Error).message;
    }
    return undefined;
  };

  test('holt_winters: says it was renamed and that its successor needs a feature flag', () => {
    expect(refused('holt_winters(node_load1[10m], 0.3, 0.3)')).toBe(
      'X, expr: function "holt_winters" at 1:1 in "holt_winters(node_load1[10m], 0.3, 0.3)": Prometheus 3.0 renamed it double_exponential_smoothing, which is experimental and needs ' +
        '--enable-feature=promql-experimental-functions (the rendered Prometheus does not pass it); predict_linear or deriv give a trend without the flag; ' +
        'expected PromQL that works on the rendered Prometheus 3',
    );
    // A label value that happens to read "holt_winters(" is not a call.
    expect(refused('up{job="holt_winters("}')).toBeUndefined();
  });

  test.each([
    ['double_exponential_smoothing(node_load1[10m], 0.3, 0.3)', 'function "double_exponential_smoothing" at 1:1', 'promql-experimental-functions'],
    ['sum by (job) (info(up))', 'function "info" at 1:15', 'promql-experimental-functions'],
    ['mad_over_time(up[5m])', 'function "mad_over_time" at 1:1', 'promql-experimental-functions'],
    ['sort_by_label(up, "job")', 'function "sort_by_label" at 1:1', 'promql-experimental-functions'],
    ['ts_of_max_over_time(up[1h])', 'function "ts_of_max_over_time" at 1:1', 'promql-experimental-functions'],
    ['limitk(3, up)', 'aggregation "limitk" at 1:1', 'promql-experimental-functions'],
    ['limit_ratio(0.5, up)', 'aggregation "limit_ratio" at 1:1', 'promql-experimental-functions'],
    ['rate(x_total[5m] anchored)', 'the `anchored` range selector modifier at 1:6', 'promql-extended-range-selectors'],
    ['rate(x_total[5m] smoothed)', 'the `smoothed` range selector modifier at 1:6', 'promql-extended-range-selectors'],
    ['a / fill(0) b', 'the `fill` binary operator modifier at 1:5', 'promql-binop-fill-modifiers'],
  ])('%s needs a feature flag the rendered Prometheus does not pass', (expr, what, flag) => {
    expect(refused(expr)).toContain(`X, expr: ${what} in ${JSON.stringify(expr)}: it is experimental in Prometheus 3 and needs --enable-feature=${flag}, which the rendered Prometheus does not pass`);
  });

  test('"@ start()" is the modifier, not the experimental start() function', () => {
    expect(refused('sum_over_time(up[5m:1m] @ start())')).toBeUndefined();
  });

  test('an integer le or quantile matcher is refused with the normalised value, even when its shape was accepted before', () => {
    expect(refused('sum(rate(x_bucket{job="api",le="0.5"}[5m]))')).toBeUndefined();
    expect(refused('sum(rate(x_bucket{job="api",le="1"}[5m]))')).toBe(
      'X, expr: label matcher le="1" at 1:29 in "sum(rate(x_bucket{job=\\"api\\",le=\\"1\\"}[5m]))": Prometheus 3 writes le labels as float strings (le="1.0"), ' +
        'so "1" matches no series; write le="1.0"; expected PromQL that works on the rendered Prometheus 3',
    );
    expect(refused('x{quantile!="1"}')).toContain('write quantile!="1.0"');
    expect(refused('x_bucket{le="1.0"}')).toBeUndefined();
    expect(refused('x_bucket{le=~"1|1.0"}')).toBeUndefined();
  });
});
