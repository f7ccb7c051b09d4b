import { dashboardQueryErrors } from '../../lib/model/dashboard-queries';
import { checkPromQL } from '../../lib/model/promql';
import { checkSlo, SloIndicator, SloInput } from '../../lib/model/slo';
import { Severity } from '../../lib/model/severity';
import { runTool, writeTempFiles } from '../helpers/tools';

/** The message checkPromQL throws for `expr`, or undefined when it accepts it. */
function refused(expr: string, rule = false): string | undefined {
  try {
    checkPromQL(expr, 'AlertGroup dev/monitoring/api, rule R', 'expr', { rule });
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

const WHERE = 'AlertGroup dev/monitoring/api, rule R, expr: ';

describe('PromQL value types (Prometheus parse.go checkAST)', () => {
  test('a function argument of the wrong type names the function, the argument and an example', () => {
    expect(refused('rate(http_requests_total)')).toBe(
      `${WHERE}rate: argument 1 must be a range vector (e.g. http_requests_total[5m]), got an instant vector (at 1:6 in "rate(http_requests_total)")`,
    );
    expect(refused('abs(up[5m])')).toBe(
      `${WHERE}abs: argument 1 must be an instant vector (rate(...), increase(...) or avg_over_time(...) turn a range into an instant vector), got a range vector (at 1:5 in "abs(up[5m])")`,
    );
    expect(refused('vector(up)')).toContain('vector: argument 1 must be a scalar (a number, or scalar(...) of a one-series vector), got an instant vector (at 1:8');
    expect(refused('quantile_over_time(up[5m], 0.5)')).toContain('quantile_over_time: argument 1 must be a scalar, got a range vector');
    expect(refused('label_replace(up, "a", "b", 1, "(.*)")')).toContain('label_replace: argument 4 must be a string (a quoted string such as "label"), got a scalar');
  });

  test('the number of arguments', () => {
    expect(refused('histogram_quantile(0.9)')).toBe(`${WHERE}histogram_quantile: takes 2 arguments, got 1 (at 1:1 in "histogram_quantile(0.9)")`);
    expect(refused('round(up, 1, 2)')).toContain('round: takes at most 2 arguments, got 3');
    expect(refused('time(up)')).toContain('time: takes no arguments, got 1');
    expect(refused('label_join(up, "dst")')).toContain('label_join: takes at least 3 arguments, got 2');
  });

  test('aggregations: the parameter and the aggregated expression', () => {
    expect(refused('sum(up[5m])')).toContain('sum: argument 1 must be an instant vector (rate(...), increase(...) or avg_over_time(...) turn a range into an instant vector), got a range vector');
    expect(refused('topk("3", up)')).toContain('topk: argument 1 must be a scalar, got a string');
    expect(refused('count_values(3, up)')).toContain('count_values: argument 1 must be a string');
    expect(refused('topk(up)')).toContain('topk: takes 2 arguments (topk(k, expr)), got 1');
  });

  test('ranges, subqueries, offset and @ apply to selectors only; the postfix binds tighter than operators', () => {
    expect(refused('sum(up)[5m]')).toContain('a range [..] applies only to a metric selector, not to an instant vector such as sum(up); for a range over an expression use a subquery: sum(up)[5m:]');
    expect(refused('up offset 5m [5m]')).toContain('the range [..] must come before offset: write up[range] offset ...');
    expect(refused('sum(up) offset 5m')).toContain('the offset modifier applies only to a selector or a subquery, not to sum(up)');
    expect(refused('up offset 1m offset 2m')).toContain('offset is set twice on one selector');
    // lezer-promql reads these as (a - b) offset 5m; Prometheus as a - (b offset 5m), which is valid.
    expect(refused('up - up offset 5m')).toBeUndefined();
    expect(refused('rate(x_total[5m]) / rate(x_total[5m] offset 1d)')).toBeUndefined();
    expect(refused('a - b[5m:]')).toContain('operator -: both sides must be scalars or instant vectors, got a range vector in b[5m:]');
  });

  test('operators: scalar comparisons need bool, set operators need vectors', () => {
    expect(refused('1 > 2')).toContain('comparing two scalars with > needs bool (e.g. 1 > bool 2)');
    expect(refused('up and 1')).toContain('the set operator and works only between instant vectors, and one side is a scalar');
    expect(refused('up + bool 1')).toContain('bool applies only to comparison operators');
    expect(refused('-"a"')).toContain('a unary minus or plus needs a scalar or an instant vector, got a string');
  });

  test('selectors: one metric name, and at least one matcher that needs a value', () => {
    expect(refused('{job=""}')).toContain('the selector {job=""} has no metric name and no matcher that needs a non-empty value');
    expect(refused('{job=~".*"}')).toContain('vector selector must contain at least one non-empty matcher');
    expect(refused('up{__name__="x"}')).toContain('the metric name is set twice: "up" and "x"');
    // The empty-matcher rule depends on label values, which share a parse: each text is checked.
    expect(refused('{job="api"}')).toBeUndefined();
    expect(refused('{job=""}')).toBeDefined();
    expect(refused('{job=~"(?i)api.+"}')).toBeUndefined();
  });

  test('functions the images\' Prometheus line does not know, with the closest name', () => {
    expect(refused('irat(x_total[5m])')).toBe(
      `${WHERE}function "irat" at 1:1 in "irat(x_total[5m])": Prometheus 3 (the 3.13 line the images run) has no function of that name; did you mean "irate"?; expected PromQL that works on the rendered Prometheus 3`,
    );
    expect(refused('sum by (job) (up)')).toBeUndefined();
  });

  test('a rule\'s expression must return an instant vector or a scalar', () => {
    expect(refused('up[5m]', true)).toBe(
      `${WHERE}got "up[5m]", which returns a range vector; a rule's expression must return an instant vector or a scalar (Prometheus fails every evaluation of anything else with "rule result is not a vector or scalar", so the rule never fires or records); expected an instant vector, e.g. max_over_time(up[5m]) instead of up[5m], or the selector without its range`,
    );
    expect(refused('"down"', true)).toContain('which returns a string; a rule\'s expression must return an instant vector or a scalar');
    // Prometheus' rule manager turns a scalar into a one-sample vector: accepted, as the Watchdog-style vector(1) is.
    expect(refused('1', true)).toBeUndefined();
    expect(refused('vector(1)', true)).toBeUndefined();
    // Outside rules (a dashboard panel) a range vector is a valid result.
    expect(refused('up[5m]')).toBeUndefined();
  });

  test('control: valid expressions stay accepted', () => {
    for (const expr of [
      'sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05',
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
      'rate(up[5m:1m])',
      'label_join(up, "dst", ",", "a", "b")',
      'sum by (job) (up) > on (job) group_left sum(up)',
      'absent(up{job="api"})',
      'up == bool on (job) up',
      'rate(up[5m] @ 100)',
      'predict_linear(node_filesystem_avail_bytes[6h], 4 * 3600) < 0',
      'count_values("version", build_info)',
    ]) {
      expect(refused(expr, true)).toBeUndefined();
    }
  });
});

describe('dashboard queries are type-checked too (any result type)', () => {
  const board = (expr: string) => ({ title: 'API', panels: [{ type: 'timeseries', title: 'Requests', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr }] }] });

  test('a rate of an instant vector in a panel', () => {
    expect(dashboardQueryErrors(board('sum(rate(http_requests_total{job="api"}))'), 'GrafanaDashboard dev/monitoring/api').map((e) => e.message)).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Requests", refId A, expr: rate: argument 1 must be a range vector (e.g. http_requests_total{job="api"}[5m]), got an instant vector (at 1:10 in "sum(rate(http_requests_total{job=\\"api\\"}))")',
    ]);
  });

  test('control: a range vector result, template variables in ranges and values', () => {
    expect(dashboardQueryErrors(board('http_requests_total[5m]'), 'X')).toEqual([]);
    expect(dashboardQueryErrors(board('sum(rate(http_requests_total{job="$job"}[$__rate_interval]))'), 'X')).toEqual([]);
    // A variable that may stand for an expression or a number is not type-checked.
    expect(dashboardQueryErrors(board('topk($n, up)'), 'X')).toEqual([]);
  });
});

describe('promtool judges the type checks', () => {
  // Each expression as a recording rule: promtool check rules runs Prometheus' own parser and type checks.
  const cases = [
    'rate(http_requests_total)', '(up)[5m]', 'up offset 5m [5m]', 'rate(up[5m])[5m]', '{job=""}', '(up) offset 5m', '1 > 2', 'up and 1',
    'topk(x, up)', 'count_values(3, up)', 'histogram_quantile(0.9)', 'round(up, 1, 2)', 'time(up)', '-(up[5m])', 'abs(up[5m])', 'sum(1)',
    'vector(up)', 'scalar(1)', 'up{__name__="x"}', '{job!="a"}', 'sum(up) @ 100', '1 + up[5m]', 'foo(up)', 'up offset 1m offset 2m',
    'label_join(up, "a", ",")', 'rate(up[5m:1m])', 'rate((up[5m]))', '{job=~".+"}', 'up @ 100', 'up > bool 1', 'absent(x{job="a"})', '1 == bool 2',
    'up - up offset 5m', 'sum by (job) (up) > on(job) group_left sum(up)', '{__name__=~"up|x"}', 'a / b @ 100',
  ];

  test('checkPromQL accepts exactly what promtool check rules accepts', () => {
    // promtool stops at the first bad rule of a file: one file per expression.
    const files = Object.fromEntries(cases.map((e, i) => [`r${i}.yml`, `groups:\n- name: g\n  rules:\n  - record: r\n    expr: ${JSON.stringify(e)}\n`]));
    const dir = writeTempFiles(files);
    const disagreements: string[] = [];
    cases.forEach((expr, i) => {
      const promtool = runTool('promtool', ['check', 'rules', `r${i}.yml`], dir);
      const ours = refused(expr);
      if ((promtool.status === 0) !== (ours === undefined)) disagreements.push(`${expr}: promtool ${promtool.status === 0 ? 'accepts' : 'refuses'}, checkPromQL ${ours === undefined ? 'accepts' : `refuses (${ours})`}`);
    });
    expect(disagreements).toEqual([]);
  });
});

describe('SLO indicators are checked as what they are', () => {
  const input = (indicator: SloIndicator, over: Partial<SloInput> = {}): SloInput => ({
    name: 'api',
    service: 'api',
    objective: 0.999,
    indicator,
    minimumEventsPerSecond: 0.1,
    pageSeverity: Severity.CRITICAL,
    ticketSeverity: Severity.WARNING,
    ...over,
  });
  const where = 'ServiceLevelObjective dev/monitoring/api';

  test('an errors counter that is already a rate is refused: it would become rate(rate(...)[5m])', () => {
    const indicator = SloIndicator.availability({ errors: 'rate(http_requests_total{code=~"5.."}[5m])', total: 'http_requests_total' });
    expect(() => checkSlo(input(indicator), where)).toThrow(
      `${where}, indicator.errors: got "rate(http_requests_total{code=~\\"5..\\"}[5m])", expected a counter selector such as 'http_requests_total{job="api",code=~"5.."}': the indicator takes the rate itself`,
    );
    expect(() => checkSlo(input(SloIndicator.availability({ errors: 'x_total', total: 'sum(x_total)' })), where)).toThrow(`${where}, indicator.total: got "sum(x_total)"`);
  });

  test('a latency indicator takes the histogram\'s base name and label matchers', () => {
    expect(() => checkSlo(input(SloIndicator.latency({ histogram: 'http_request_duration_seconds_bucket', threshold: 0.3 })), where)).toThrow(
      `${where}, indicator.histogram: got "http_request_duration_seconds_bucket", expected the histogram's base name`,
    );
    expect(() => checkSlo(input(SloIndicator.latency({ histogram: 'd_seconds', selector: 'job="api"', threshold: 0.3 })), where)).toThrow(
      `${where}, indicator.selector: got "job=\\"api\\"", expected label matchers only, e.g. '{job="api"}'`,
    );
    expect(() => checkSlo(input(SloIndicator.latency({ histogram: 'd_seconds', threshold: Infinity })), where)).toThrow('indicator.threshold: got Infinity, expected a finite bucket boundary');
  });

  test('minimumEventsPerSecond must be finite', () => {
    const indicator = SloIndicator.probe({ selector: '{job="api-probe"}' });
    expect(() => checkSlo(input(indicator, { minimumEventsPerSecond: Infinity }), where)).toThrow(
      `${where}, minimumEventsPerSecond: got Infinity, expected a finite number ≥ 0 (events per second; 0 turns the minimum-traffic guard off)`,
    );
  });

  test('control: selectors are accepted', () => {
    const indicator = SloIndicator.availability({ errors: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}' });
    expect(() => checkSlo(input(indicator), where)).not.toThrow();
    expect(() => checkSlo(input(SloIndicator.latency({ histogram: 'd_seconds', selector: '{job="api"}', threshold: 0.3 })), where)).not.toThrow();
  });
});
