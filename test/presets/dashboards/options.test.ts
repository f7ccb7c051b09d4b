import { MonitoringConfigError } from '../../../lib/model/errors';
import { Matcher } from '../../../lib/model/matchers';
import * as dashboards from '../../../lib/presets/dashboards';

describe('dashboard pack options', () => {
  test('title, uid, tags, refresh and time range', () => {
    const json = dashboards.host({ title: 'Edge hosts', uid: 'edge-hosts', tags: ['edge'], refresh: '1m', timeFrom: 'now-24h' }).build();
    expect(json).toMatchObject({ title: 'Edge hosts', uid: 'edge-hosts', tags: ['host', 'node-exporter', 'edge'], refresh: '1m', time: { from: 'now-24h', to: 'now' } });
  });

  test('the default uid names the job when it is not the pack default', () => {
    expect(dashboards.host().build().uid).toBe('host');
    expect(dashboards.host({ job: 'node-exporter' }).build().uid).toBe('host-node-exporter');
    expect(dashboards.red({ job: 'Checkout API' }).build()).toMatchObject({ uid: 'red-checkout-api', title: 'Service Checkout API: requests, errors, latency' });
    expect(dashboards.red().build().uid).toBe('red');
    expect(dashboards.red({ job: 'a'.repeat(60) }).build().uid).toHaveLength(40);
  });

  test('the selector adds matchers to every query', () => {
    const json = JSON.stringify(dashboards.postgres({ selector: [Matcher.eq('env', 'prod'), Matcher.re('instance', 'db-.*')] }).build());
    expect(json).toContain('pg_up{job=\\"postgres\\", env=\\"prod\\", instance=~\\"db-.*\\"}');
  });

  test('red: route, group and in-flight options change the panels', () => {
    const titles = (b: ReturnType<typeof dashboards.red>) => ((b.build().panels ?? []) as Array<{ title?: string }>).map((p) => p.title);
    expect(titles(dashboards.red({ job: 'api', routeLabel: 'handler' }))).toContain('p95 latency by handler');
    expect(titles(dashboards.red({ job: 'api', inFlightMetric: false }))).not.toContain('In flight');
    expect(JSON.stringify(dashboards.red({ job: 'api', groupBy: 'service' }).build())).toContain('sum by (service, code)');
  });

  test('logs: without job or selector, streams are selected by a non-empty service label', () => {
    expect(JSON.stringify(dashboards.logs().build())).toContain('{service=~\\".+\\", service=~\\"$service\\"}');
  });

  test.each([
    ['host uid', () => dashboards.host({ uid: 'has space' }), "presets.dashboards.host, uid: got \"has space\", expected a Grafana uid: 1 to 40 characters of letters, digits, '-' and '_'"],
    ['blank title', () => dashboards.containers({ title: ' ' }), 'presets.dashboards.containers, title: got " ", expected a non-empty dashboard title'],
    [
      'data source uid',
      () => dashboards.redis({ dataSourceUid: 'my prometheus' }),
      "presets.dashboards.redis, dataSourceUid: got \"my prometheus\", expected a data source uid: 1 to 40 characters of letters, digits, '-' and '_'",
    ],
    ['refresh', () => dashboards.blackbox({ refresh: 'soon' }), 'presets.dashboards.blackbox, refresh: got "soon", expected an interval such as "30s", "1m" or "" (off)'],
    ['time range', () => dashboards.postgres({ timeFrom: '6h' }), 'presets.dashboards.postgres, timeFrom: got "6h", expected a relative time such as "now-6h" or "now-7d"'],
    ['tags', () => dashboards.host({ tags: [''] }), 'presets.dashboards.host, tags: got [""], expected a list of non-empty strings'],
    ['empty job', () => dashboards.red({ job: '' }), 'presets.dashboards.red, job: got "", expected a non-empty Prometheus job name'],
    [
      'status label',
      () => dashboards.red({ job: 'api', statusLabel: 'status-code' }),
      'presets.dashboards.red, statusLabel: got "status-code", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*',
    ],
    [
      'requests metric',
      () => dashboards.red({ job: 'api', requestsMetric: 'http.requests' }),
      'presets.dashboards.red, requestsMetric: got "http.requests", expected a Prometheus metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*',
    ],
    [
      'error status regex',
      () => dashboards.red({ job: 'api', serverErrorStatus: '5((' }),
      'presets.dashboards.red, serverErrorStatus: got "5((", expected an RE2 regular expression (Go\'s regexp syntax, which Prometheus and Loki compile) that compiles: missing closing ) for the group opened at column 3',
    ],
    [
      'error status regex with a lookahead (RE2 has none)',
      () => dashboards.red({ job: 'api', serverErrorStatus: '5(?!03)..' }),
      'presets.dashboards.red, serverErrorStatus: got "5(?!03)..", expected an RE2 regular expression (Go\'s regexp syntax, which Prometheus and Loki compile): negative lookahead "(?!" at column 2 is not supported by RE2; RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)',
    ],
    ['latency objective', () => dashboards.red({ job: 'api', latencyObjectiveSeconds: 0 }), 'presets.dashboards.red, latencyObjectiveSeconds: got 0, expected a number of seconds above 0'],
    ['error ratio threshold', () => dashboards.red({ job: 'api', errorRatioThreshold: 5 }), 'presets.dashboards.red, errorRatioThreshold: got 5, expected a ratio above 0 and at most 1 (0.05 = 5 %)'],
    [
      'selector label',
      () => dashboards.host({ selector: { 'bad-label': 'x' } }),
      'presets.dashboards.host, selector[0].label: got "bad-label", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*',
    ],
    [
      'client query metric',
      () => dashboards.postgres({ clientQueries: { durationMetric: '' } }),
      'presets.dashboards.postgres, clientQueries.durationMetric: got "", expected a Prometheus metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*',
    ],
    [
      'application cache without metrics',
      () => dashboards.redis({ applicationCache: {} }),
      'presets.dashboards.redis, applicationCache: got {}, expected an object with hitRatioMetric (a 0–1 gauge) or operationsMetric (a counter with a hit/miss label), or both',
    ],
    [
      'error type without errors metric',
      () => dashboards.aiUsage({ errorTypeLabel: 'error_type' }),
      'presets.dashboards.aiUsage, errorTypeLabel: got "error_type", expected errorsMetric to be set too (the label belongs to the errors counter)',
    ],
    [
      'tool name label',
      () => dashboards.aiUsage({ tools: { nameLabel: 'tool name' } }),
      'presets.dashboards.aiUsage, tools.nameLabel: got "tool name", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*',
    ],
    [
      'certificate days',
      () => dashboards.blackbox({ certificateWarningDays: 7, certificateCriticalDays: 14 }),
      'presets.dashboards.blackbox, certificateCriticalDays: got 14, expected at most certificateWarningDays (7)',
    ],
    [
      'level source',
      () => dashboards.logs({ levelFrom: 'xml' as never }),
      'presets.dashboards.logs, levelFrom: got "xml", expected one of "label", "json", "logfmt"',
    ],
  ])('bad %s', (_name, build, message) => {
    expect(build).toThrow(MonitoringConfigError);
    expect(build).toThrow(message);
  });
});
