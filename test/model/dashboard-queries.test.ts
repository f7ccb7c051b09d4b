import {
  checkDashboardQueries,
  checkDataSourceRefs,
  dashboardQueryErrors,
  dataSourceRefErrors,
  interpolateTemplateVariables,
  listDashboardQueries,
} from '../../lib/model/dashboard-queries';
import { MonitoringConfigError } from '../../lib/model/errors';

const WHERE = 'GrafanaDashboard dev/monitoring/api';
const PROM = { type: 'prometheus', uid: 'prometheus' };
const LOKI = { type: 'loki', uid: 'loki' };
const DECLARED = [
  { uid: 'prometheus', type: 'prometheus', name: 'Prometheus', isDefault: true },
  { uid: 'loki', type: 'loki', name: 'Loki' },
];

function panel(title: string, datasource: unknown, targets: unknown[], extra: Record<string, unknown> = {}) {
  return { type: 'timeseries', title, datasource, targets, gridPos: { x: 0, y: 0, w: 12, h: 8 }, ...extra };
}

function messages(errors: MonitoringConfigError[]): string[] {
  return errors.map((e) => e.message);
}

describe('listDashboardQueries', () => {
  const dashboard = {
    title: 'API',
    panels: [
      panel('Requests', PROM, [{ refId: 'A', expr: 'sum(rate(http_requests_total[5m]))' }, { expr: 'up' }]),
      panel('Mixed', { type: 'datasource', uid: '-- Mixed --' }, [
        { refId: 'A', datasource: LOKI, expr: 'sum(count_over_time({job="api"}[5m]))' },
        { refId: 'B', expr: 'up' },
      ]),
      panel('No data source', undefined, [{ refId: 'A', expr: 'up' }]),
      panel('Expression', { type: '__expr__', uid: '__expr__' }, [{ refId: 'C', expression: '$A > 0', type: 'math' }]),
      {
        type: 'row',
        title: 'Logs',
        collapsed: true,
        gridPos: { x: 0, y: 8, w: 24, h: 1 },
        panels: [{ type: 'logs', title: 'Errors', datasource: 'Loki', targets: [{ refId: 'A', expr: '{job="api"} |= "error"' }], gridPos: { x: 0, y: 9, w: 24, h: 8 } }],
      },
    ],
    templating: { list: [{ type: 'query', name: 'instance', datasource: PROM, query: { query: 'label_values(up{job="api"}, instance)', refId: 'V' } }] },
    annotations: {
      list: [
        { builtIn: 1, datasource: { type: 'grafana', uid: '-- Grafana --' }, name: 'Annotations & Alerts' },
        { name: 'Deploys', datasource: PROM, expr: 'changes(build_info[5m]) > 0' },
      ],
    },
  };

  test('finds panel targets (rows included), variables and annotations with their data source', () => {
    const found = listDashboardQueries(dashboard, { dataSources: DECLARED }).map((q) => [q.location, q.field, q.language, q.datasourceFrom, q.datasource?.uid]);
    expect(found).toEqual([
      ['panel "Requests", refId A', 'expr', 'promql', 'panel', 'prometheus'],
      ['panel "Requests", refId B', 'expr', 'promql', 'panel', 'prometheus'],
      ['panel "Mixed", refId A', 'expr', 'logql', 'target', 'loki'],
      ['panel "Mixed", refId B', 'expr', 'promql', 'default', undefined],
      ['panel "No data source", refId A', 'expr', 'promql', 'default', undefined],
      ['panel "Errors" (row "Logs"), refId A', 'expr', 'logql', 'panel', 'Loki'],
      ['variable "instance"', 'query.query', 'promql', 'variable', 'prometheus'],
      ['annotation "Deploys"', 'expr', 'promql', 'annotation', 'prometheus'],
    ]);
  });

  test('gives targets without a refId the one Grafana assigns (A, B, …) and records JSON paths', () => {
    const queries = listDashboardQueries(dashboard);
    expect(queries[1]).toMatchObject({ refId: 'B', path: 'panels[0].targets[1]', panelTitle: 'Requests' });
    expect(queries[5].path).toBe('panels[4].panels[0].targets[0]');
  });

  test('types references by uid, by data source variable and by import input', () => {
    const json = {
      title: 'Typed',
      __inputs: [{ name: 'DS_LOKI', type: 'datasource', pluginId: 'loki' }],
      templating: { list: [{ type: 'datasource', name: 'ds', query: 'prometheus' }] },
      panels: [
        panel('By uid', { uid: 'loki' }, [{ refId: 'A', expr: '{job="a"}' }]),
        panel('By variable', { uid: '${ds}' }, [{ refId: 'A', expr: 'up' }]),
        panel('By input', '${DS_LOKI}', [{ refId: 'A', expr: '{job="a"}' }]),
        panel('Elasticsearch', { type: 'elasticsearch', uid: 'es' }, [{ refId: 'A', expr: 'not PromQL (' }]),
      ],
    };
    expect(listDashboardQueries(json, { dataSources: DECLARED }).map((q) => [q.panelTitle, q.dataSourceType, q.language])).toEqual([
      ['By uid', 'loki', 'logql'],
      ['By variable', 'prometheus', 'promql'],
      ['By input', 'loki', 'logql'],
      ['Elasticsearch', 'elasticsearch', 'other'],
    ]);
  });

  test('the default data source is typed by the declared default, else by defaultDataSourceType', () => {
    const json = { title: 'D', panels: [panel('P', null, [{ refId: 'A', expr: '{job="a"}' }])] };
    expect(listDashboardQueries(json, { dataSources: [{ uid: 'loki', type: 'loki', isDefault: true }] })[0].language).toBe('logql');
    expect(listDashboardQueries(json)[0].language).toBe('promql');
    expect(listDashboardQueries(json, { defaultDataSourceType: 'loki' })[0].language).toBe('logql');
  });
});

describe('interpolateTemplateVariables', () => {
  test.each([
    ['rate(x{job="$job"}[$__rate_interval])', 'rate(x{job="job"}[5m])'],
    ['rate(x[$__interval]) offset $shift', 'rate(x[5m]) offset 5m'],
    ['max_over_time(x[$__range:$__interval])', 'max_over_time(x[5m:5m])'],
    ['x{instance=~"${instance:regex}", pod=~"[[pod]]"}', 'x{instance=~"instance", pod=~"pod"}'],
    ['sum by ($group) (x)', 'sum by (group) (x)'],
    ['sum by ([[label]]) (x)', 'sum by (label) (x)'],
    ['${metric}_total{$label="a"}', 'metric_total{label="a"}'],
    ['x / $__range_s > $threshold', 'x / 1 > 1'],
    ['topk($k, x)', 'topk(1, x)'],
    ['histogram_quantile($q, x)', 'histogram_quantile(1, x)'],
    ['x * $__interval_ms', 'x * 1'],
    ['{job="a"} |~ "(?i)$search" | json | duration > $min', '{job="a"} |~ "(?i)search" | json | duration > 1'],
    ['sum(count_over_time({job="a"} [$__auto]))', 'sum(count_over_time({job="a"} [5m]))'],
    ['x{a="cost$"}', 'x{a="cost$"}'],
    ['x{a="\\"$v\\""}', 'x{a="\\"v\\""}'],
  ])('%s → %s', (input, expected) => {
    expect(interpolateTemplateVariables(input).text).toBe(expected);
  });

  test('maps every character back to the expression as written', () => {
    const { text, origin } = interpolateTemplateVariables('a[$__rate_interval] b');
    expect(text).toBe('a[5m] b');
    expect(origin).toEqual([0, 1, 2, 2, 18, 19, 20, 21]);
  });
});

describe('dashboardQueryErrors', () => {
  test('accepts valid PromQL and LogQL with template variables in panels, rows, variables and annotations', () => {
    const json = {
      title: 'OK',
      panels: [
        panel('Requests', PROM, [
          { refId: 'A', expr: 'sum by (code) (rate(http_requests_total{job="$job", instance=~"${instance:regex}"}[$__rate_interval]))' },
          { refId: 'B', expr: 'histogram_quantile(0.95, sum by (le) (rate(x_bucket[$__interval]))) offset $shift' },
        ]),
        panel('Logs', LOKI, [{ refId: 'A', expr: 'sum by (level) (count_over_time({job="$job"} |~ "$search" | json | __error__="" [$__auto]))' }]),
      ],
      templating: {
        list: [
          { type: 'query', name: 'job', datasource: PROM, query: 'label_values(up, job)' },
          { type: 'query', name: 'metric', datasource: PROM, query: 'metrics(http_.*)' },
          { type: 'query', name: 'level', datasource: LOKI, query: 'label_values({job="$job"}, level)' },
          { type: 'query', name: 'labels', datasource: LOKI, query: { type: 1, label: 'level', stream: '{job="api"}' } },
          { type: 'custom', name: 'size', query: '1,2,3' },
        ],
      },
    };
    expect(dashboardQueryErrors(json, WHERE)).toEqual([]);
  });

  test('bad PromQL in a panel names the dashboard, panel, refId, position and expression as written', () => {
    const json = { title: 'API', panels: [panel('Error ratio', PROM, [{ refId: 'B', expr: 'sum(rate(x{job="$job"}[$__rate_interval])) by' }])] };
    expect(messages(dashboardQueryErrors(json, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Error ratio", refId B, expr: PromQL parse error at 1:46 near "<end of expression>" in ' +
        '"sum(rate(x{job=\\"$job\\"}[$__rate_interval])) by"; expected a valid PromQL expression',
    ]);
  });

  test('positions count lines and columns of multi-line expressions', () => {
    const json = { title: 'API', panels: [panel('Latency', PROM, [{ refId: 'A', expr: 'histogram_quantile(0.95,\n  sum by (le) (rate(x_bucket[$__rate_interval]) )))' }])] };
    expect(messages(dashboardQueryErrors(json, WHERE))[0]).toContain('PromQL parse error at 2:51 near ")"');
  });

  test('bad LogQL in a panel inside a collapsed row', () => {
    const json = {
      title: 'Logs',
      panels: [
        {
          type: 'row',
          title: 'Details',
          collapsed: true,
          panels: [{ type: 'logs', title: 'Errors', datasource: LOKI, targets: [{ refId: 'A', expr: '{job="api"} |= "error" | json |' }] }],
        },
      ],
    };
    expect(messages(dashboardQueryErrors(json, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "Logs", panel "Errors" (row "Details"), refId A, expr: LogQL parse error at 1:32 near ' +
        '"<end of expression>" in "{job=\\"api\\"} |= \\"error\\" | json |"; expected a valid LogQL expression',
    ]);
  });

  test('a LogQL selector Loki refuses (every matcher accepts "") is reported', () => {
    const json = { title: 'Logs', panels: [panel('All', LOKI, [{ refId: 'A', expr: '{job=~".*"}' }])] };
    expect(messages(dashboardQueryErrors(json, WHERE))[0]).toMatch(
      /^GrafanaDashboard dev\/monitoring\/api, dashboard "Logs", panel "All", refId A, expr: LogQL stream selector .* which Loki rejects/,
    );
  });

  test('bad queries in template variables and annotations', () => {
    const json = {
      title: 'API',
      templating: {
        list: [
          { type: 'query', name: 'instance', datasource: PROM, query: { query: 'label_values(up{job=}, instance)', refId: 'V' } },
          { type: 'query', name: 'stream', datasource: LOKI, query: { type: 1, label: 'level', stream: '{job="api"' } },
        ],
      },
      annotations: { list: [{ name: 'Deploys', datasource: PROM, expr: 'changes(build_info[5m] > 0' }] },
    };
    expect(messages(dashboardQueryErrors(json, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", variable "instance", query.query: PromQL parse error at 1:21 near "}, instance)" in ' +
        '"label_values(up{job=}, instance)"; expected a valid PromQL expression',
      'GrafanaDashboard dev/monitoring/api, dashboard "API", variable "stream", query.stream: LogQL parse error at 1:11 near "<end of expression>" in ' +
        '"{job=\\"api\\""; expected a valid LogQL expression',
      'GrafanaDashboard dev/monitoring/api, dashboard "API", annotation "Deploys", expr: PromQL parse error at 1:27 near "<end of expression>" in ' +
        '"changes(build_info[5m] > 0"; expected a valid PromQL expression',
    ]);
  });

  test('a non-string expression is reported; empty ones and other data sources are left alone', () => {
    const json = {
      title: 'API',
      panels: [
        panel('Number', PROM, [{ refId: 'A', expr: 42 }]),
        panel('Empty', PROM, [{ refId: 'A', expr: '' }]),
        panel('Other', { type: 'elasticsearch', uid: 'es' }, [{ refId: 'A', expr: '((' }]),
      ],
    };
    expect(messages(dashboardQueryErrors(json, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Number", refId A, expr: got 42, expected a PromQL expression string',
    ]);
  });

  test('checkDashboardQueries throws the first error', () => {
    const json = { title: 'API', panels: [panel('A', PROM, [{ refId: 'A', expr: 'up{' }]), panel('B', PROM, [{ refId: 'A', expr: 'up}' }])] };
    expect(() => checkDashboardQueries(json, WHERE)).toThrow(MonitoringConfigError);
    expect(() => checkDashboardQueries(json, WHERE)).toThrow(/panel "A", refId A, expr: PromQL parse error at 1:4/);
    expect(() => checkDashboardQueries({ title: 'Fine', panels: [] }, WHERE)).not.toThrow();
  });
});

describe('dataSourceRefErrors', () => {
  test('accepts declared uids and names, built-ins, and mixed panels whose targets name declared data sources', () => {
    const json = {
      title: 'API',
      panels: [
        panel('By uid', PROM, [{ refId: 'A', expr: 'up' }]),
        panel('By name', 'Loki', [{ refId: 'A', expr: '{job="a"}' }]),
        panel('Mixed', { type: 'datasource', uid: '-- Mixed --' }, [{ refId: 'A', datasource: LOKI, expr: '{job="a"}' }, { refId: 'B', datasource: PROM, expr: 'up' }]),
        panel('Dashboard', { type: 'datasource', uid: '-- Dashboard --' }, [{ refId: 'A', panelId: 1 }]),
        { type: 'text', title: 'Notes', gridPos: { x: 0, y: 0, w: 6, h: 3 } },
      ],
      annotations: { list: [{ builtIn: 1, datasource: { type: 'grafana', uid: '-- Grafana --' }, name: 'Annotations & Alerts' }] },
    };
    expect(dataSourceRefErrors(json, DECLARED, WHERE)).toEqual([]);
  });

  test('an unknown uid names the uid and the declared ones', () => {
    const json = { title: 'API', panels: [panel('Requests', { type: 'prometheus', uid: 'mimir' }, [{ refId: 'A', expr: 'up' }])] };
    expect(messages(dataSourceRefErrors(json, DECLARED, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Requests", datasource: got "mimir", expected the name of a declared data source ' +
        '(declared: "prometheus", "loki")',
    ]);
  });

  test('accepts plain uid strings as the declared list', () => {
    const json = { title: 'API', panels: [panel('Requests', { type: 'prometheus', uid: 'prom-2' }, [{ refId: 'A', expr: 'up' }])] };
    expect(dataSourceRefErrors(json, ['prom-2'], WHERE)).toEqual([]);
    expect(() => checkDataSourceRefs(json, ['prometheus'], WHERE)).toThrow(
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Requests", datasource: got "prom-2", expected the name of a declared data source (declared: "prometheus")',
    );
  });

  test('unknown data sources in mixed targets, variables and annotations', () => {
    const json = {
      title: 'API',
      panels: [panel('Mixed', { uid: '-- Mixed --' }, [{ refId: 'B', datasource: { type: 'loki', uid: 'logs' }, expr: '{job="a"}' }])],
      templating: { list: [{ type: 'query', name: 'job', datasource: { type: 'prometheus', uid: 'thanos' }, query: 'label_values(up, job)' }] },
      annotations: { list: [{ name: 'Deploys', datasource: { type: 'prometheus', uid: 'old' }, expr: 'up' }] },
    };
    expect(messages(dataSourceRefErrors(json, DECLARED, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Mixed", refId B, datasource: got "logs", expected the name of a declared data source (declared: "prometheus", "loki")',
      'GrafanaDashboard dev/monitoring/api, dashboard "API", variable "job", datasource: got "thanos", expected the name of a declared data source (declared: "prometheus", "loki")',
      'GrafanaDashboard dev/monitoring/api, dashboard "API", annotation "Deploys", datasource: got "old", expected the name of a declared data source (declared: "prometheus", "loki")',
    ]);
  });

  test('a type that contradicts the declared data source', () => {
    const json = { title: 'API', panels: [panel('Logs', { type: 'loki', uid: 'prometheus' }, [{ refId: 'A', expr: '{job="a"}' }])] };
    expect(messages(dataSourceRefErrors(json, DECLARED, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Logs", datasource.type: got "loki", expected "prometheus", the type of data source "prometheus"',
    ]);
  });

  test('a datasource template variable passes when a data source of its type is declared', () => {
    const json = {
      title: 'API',
      templating: { list: [{ type: 'datasource', name: 'datasource', query: 'prometheus' }] },
      panels: [panel('Requests', { type: 'prometheus', uid: '${datasource}' }, [{ refId: 'A', expr: 'up' }]), panel('Old style', '$datasource', [{ refId: 'A', expr: 'up' }])],
    };
    expect(dataSourceRefErrors(json, DECLARED, WHERE)).toEqual([]);
    expect(messages(dataSourceRefErrors(json, [{ uid: 'loki', type: 'loki' }], WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", variable "datasource", query: got "prometheus", expected the type of a declared data source (declared types: "loki")',
    ]);
  });

  test('an import placeholder from __inputs is reported: provisioning does not fill it in', () => {
    const json = {
      title: 'Exported',
      __inputs: [{ name: 'DS_PROMETHEUS', label: 'Prometheus', type: 'datasource', pluginId: 'prometheus' }],
      panels: [panel('Requests', { type: 'prometheus', uid: '${DS_PROMETHEUS}' }, [{ refId: 'A', expr: 'up' }])],
    };
    expect(messages(dataSourceRefErrors(json, DECLARED, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "Exported", panel "Requests", datasource: got "${DS_PROMETHEUS}", an import placeholder from "__inputs" ' +
        'that Grafana does not fill in for provisioned dashboards; expected the uid of a declared data source (declared: "prometheus", "loki") ' +
        'or a template variable of type "datasource" named "DS_PROMETHEUS"',
    ]);
  });

  test('a variable that is not a datasource variable', () => {
    const json = { title: 'API', panels: [panel('Requests', { uid: '$ds' }, [{ refId: 'A', expr: 'up' }])] };
    expect(messages(dataSourceRefErrors(json, DECLARED, WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Requests", datasource: got "$ds", which names no template variable of type "datasource"; ' +
        'expected the uid of a declared data source (declared: "prometheus", "loki") or a "datasource" variable named "ds"',
    ]);
  });

  test('the default data source needs a declared data source', () => {
    const json = { title: 'API', panels: [panel('Requests', undefined, [{ refId: 'A', expr: 'up' }])] };
    expect(dataSourceRefErrors(json, DECLARED, WHERE)).toEqual([]);
    expect(messages(dataSourceRefErrors(json, [], WHERE))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Requests", datasource: is not set, so Grafana would use the default data source, ' +
        'but no data source is declared; expected the uid of a declared data source',
    ]);
  });

  test('reports each distinct problem once', () => {
    const ref = { type: 'prometheus', uid: 'gone' };
    const json = { title: 'API', panels: [panel('Requests', ref, [{ refId: 'A', datasource: ref, expr: 'up' }])] };
    expect(dataSourceRefErrors(json, DECLARED, WHERE)).toHaveLength(1);
  });
});
