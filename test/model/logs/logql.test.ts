import { checkLogQL } from '../../../lib/model/logs/logql';

const WHERE = 'LogAlerts dev/monitoring/api-logs, rule ApiErrors';

describe('checkLogQL', () => {
  test('accepts log and metric queries and tells them apart', () => {
    expect(checkLogQL('{service="api"} |= "error" | json | level="error"', 'X', 'expr')).toBe('log');
    expect(checkLogQL('sum by (service) (count_over_time({service="api"} | json | level="error" [5m])) > 10', 'X', 'expr')).toBe('metric');
    expect(checkLogQL('rate({container=~".+"} |~ "(?i)panic" [1m])', 'X', 'expr')).toBe('metric');
  });

  test('reports a parse error with line:column and the text near it', () => {
    expect(() => checkLogQL('sum(count_over_time({service="api"} | json [5m]) by (level)', WHERE, 'expr')).toThrow(
      `${WHERE}, expr: LogQL parse error at 1:60 near "<end of expression>" in "sum(count_over_time({service=\\"api\\"} | json [5m]) by (level)"; expected a valid LogQL expression`,
    );
    expect(() => checkLogQL('rate({job="api"}[5x])', WHERE, 'expr')).toThrow(
      `${WHERE}, expr: LogQL parse error at 1:18 near "5x])" in "rate({job=\\"api\\"}[5x])"; expected a valid LogQL expression`,
    );
  });

  test('reports the line of a multi-line expression', () => {
    expect(() => checkLogQL('sum by (level) (\n  count_over_time({service="api"} | json [5m]\n)', 'X', 'expr')).toThrow('LogQL parse error at 3:2 near "<end of expression>"');
  });

  test('rejects a selector whose matchers all match the empty string, as Loki does', () => {
    expect(() => checkLogQL('{job=~".*"} |= "x"', WHERE, 'expr')).toThrow(
      `${WHERE}, expr: LogQL stream selector "{job=~\\".*\\"}" at 1:1 in "{job=~\\".*\\"} |= \\"x\\"" can match the empty string in every matcher, which Loki rejects; expected at least one matcher such as {service="api"} or {container=~".+"}`,
    );
    expect(() => checkLogQL('count_over_time({job!="a", env=""}[5m])', 'X', 'expr')).toThrow('can match the empty string in every matcher');
    expect(checkLogQL('{job=~".+", env=""}', 'X', 'expr')).toBe('log');
  });

  test('requires a metric query where numbers are needed', () => {
    expect(() => checkLogQL('{service="api"} |= "error"', WHERE, 'expr', { expect: 'metric' })).toThrow(
      `${WHERE}, expr: got "{service=\\"api\\"} |= \\"error\\"", expected a LogQL metric query such as sum by (service) (count_over_time({service="api"} |= "error" [5m])) > 0 (this is a log query: it returns lines, and the ruler can only evaluate numbers)`,
    );
    expect(() => checkLogQL('rate({service="api"}[5m])', 'X', 'expr', { expect: 'log' })).toThrow('expected a LogQL log query');
  });

  test('rejects an empty expression', () => {
    expect(() => checkLogQL(' ', 'X', 'expr')).toThrow('X, expr: got " ", expected a non-empty LogQL expression');
  });
});
