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
