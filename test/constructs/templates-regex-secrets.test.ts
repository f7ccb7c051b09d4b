// One test per rule of docs/validation.md (Go templates, RE2, secrets in URLs and headers), through the constructs:
// each asserts the whole message, with the construct path, the field, the value (or <redacted>) and what is expected.
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AlertGroup, AlertRouting, Exporter, GrafanaDashboard, Matcher, MonitoringStack, Receiver, Secret, ServiceScrape } from '../../lib';
import { rules } from '../../lib';
import { lokiPushUrl } from '../../lib/model/logs/loki-url';
import { buildLogAlertRule } from '../../lib/model/logs/log-rules';
import { GrafanaDataSource, GrafanaTarget, GrafanaTargetProps } from '../../lib/targets/grafana';
import { dockerEnvironment } from '../helpers/stacks';

const PROM_RE2 = "an RE2 regular expression (Go's regexp syntax, which Prometheus compiles)";
const AM_RE2 = "an RE2 regular expression (Go's regexp syntax, which Alertmanager compiles)";
const LOOKAHEAD = 'lookahead "(?=" at column 1 is not supported by RE2; RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)';
const EXPECT_RULE =
  "expected Go template text that Prometheus can expand (text/template with Prometheus' functions such as humanize and " +
  'humanizePercentage, and $labels, $value, $externalLabels, $externalURL)';
const SCRAPE_CREDENTIAL =
  'no credential in the scrape URL: Prometheus writes params and the metrics path into prometheus.yml and cannot read them ' +
  'from a file; authenticate with bearerToken or basicAuth.password (a Secret, read from a file)';

/** The message of what `build` throws. */
function errorOf(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, got none');
}

describe('RE2 wherever a regex goes', () => {
  test('relabel regex of a ServiceScrape', () => {
    const { monitoring } = dockerEnvironment();
    expect(errorOf(() => new ServiceScrape(monitoring, 'api', { targets: ['api:8000'], relabelConfigs: [{ action: 'drop', sourceLabels: ['path'], regex: '(?=/admin).*' }] }))).toBe(
      `ServiceScrape test/monitoring/api, relabelConfigs[0].regex: got "(?=/admin).*", expected ${PROM_RE2}: ${LOOKAHEAD}`,
    );
    expect(errorOf(() => new ServiceScrape(monitoring, 'web', { targets: ['web:80'], metricRelabelConfigs: [{ action: 'keep', sourceLabels: ['__name__'], regex: '(http)_\\1' }] }))).toBe(
      `ServiceScrape test/monitoring/web, metricRelabelConfigs[0].regex: got "(http)_\\\\1", expected ${PROM_RE2}: backreference "\\1" at column 8 is not supported by RE2; RE2 has no backreferences: repeat the pattern instead of referring to the group`,
    );
  });

  test('control: RE2 that JavaScript lacks stays accepted in relabel rules', () => {
    const { monitoring } = dockerEnvironment();
    expect(
      () =>
        new ServiceScrape(monitoring, 'api', {
          targets: ['api:8000'],
          relabelConfigs: [
            { action: 'keep', sourceLabels: ['__meta_service'], regex: '(?i)api.*' },
            { action: 'replace', sourceLabels: ['__address__'], regex: '(?P<host>[^:]+):\\d+', targetLabel: 'host', replacement: '$host' },
          ],
        }),
    ).not.toThrow();
  });

  test('relabel regex of an imported prometheus.yml, at its line', () => {
    const { monitoring } = dockerEnvironment();
    const yaml = 'scrape_configs:\n  - job_name: api\n    static_configs: [{ targets: ["api:8000"] }]\n    relabel_configs:\n      - action: drop\n        source_labels: [path]\n        regex: "(?<!x)/admin"\n';
    expect(errorOf(() => ServiceScrape.fromPrometheusConfig(monitoring, yaml))).toBe(
      `ServiceScrape test/monitoring from prometheus.yml:7:16, job api, scrape_configs[0].relabel_configs[0].regex: got "(?<!x)/admin", expected ${PROM_RE2}: negative lookbehind "(?<!" at column 1 is not supported by RE2; ` +
        'RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)',
    );
  });

  test('PromQL =~ and !~ values of an alert expression', () => {
    const { monitoring } = dockerEnvironment();
    expect(errorOf(() => new AlertGroup(monitoring, 'g1', { rules: [{ alert: 'A', expr: 'up{job=~"(?=api).*"} == 0' }] }))).toBe(
      'AlertGroup test/monitoring/g1, rule A, expr: label matcher job=~"(?=api).*" at 1:4 in "up{job=~\\"(?=api).*\\"} == 0": ' +
        `the value is not ${PROM_RE2}: ${LOOKAHEAD}; expected PromQL that works on the rendered Prometheus 3`,
    );
    expect(errorOf(() => new AlertGroup(monitoring, 'g2', { rules: [{ alert: 'B', expr: 'rate(http_requests_total{code!~"5\\d\\d"}[5m]) > 1' }] }))).toBe(
      'AlertGroup test/monitoring/g2, rule B, expr: label matcher code!~"5\\d\\d" at 1:26 in "rate(http_requests_total{code!~\\"5\\\\d\\\\d\\"}[5m]) > 1": ' +
        'unknown escape sequence \\d in the string (Prometheus refuses the query); in a regex write \\\\d inside "..." or use a raw string `...`; ' +
        'expected PromQL that works on the rendered Prometheus 3',
    );
  });

  test('control: valid RE2 in PromQL matchers stays accepted', () => {
    const { monitoring } = dockerEnvironment();
    expect(
      () =>
        new AlertGroup(monitoring, 'ok', {
          rules: [{ alert: 'A', expr: 'up{job=~"(?i)api.*", instance!~`(?P<h>[a-z]+):\\d+`, path=~"\\\\Qa.b\\\\E"} == 0' }],
        }),
    ).not.toThrow();
  });

  test('Matcher.re and Matcher.nre in routes and inhibit rules', () => {
    const { monitoring } = dockerEnvironment();
    const receivers = [Receiver.webhook('hook', { url: 'http://bridge:8080/alerts' })];
    expect(errorOf(() => new AlertRouting(monitoring, 'r1', { receivers, route: { receiver: 'hook', routes: [{ matchers: [Matcher.re('service', '(?=api)')], receiver: 'hook' }] } }))).toBe(
      `AlertRouting test/monitoring/r1, route.routes[0].matchers[0].value: got "(?=api)", expected ${AM_RE2}: ${LOOKAHEAD}`,
    );
    expect(
      errorOf(() => new AlertRouting(monitoring, 'r2', { inhibitRules: [{ sourceMatchers: [Matcher.eq('severity', 'critical')], targetMatchers: [Matcher.nre('alertname', 'a++')] }] })),
    ).toBe(
      `AlertRouting test/monitoring/r2, inhibitRules[0].targetMatchers[0].value: got "a++", expected ${AM_RE2}: possessive quantifier "++" at column 2 is not supported by RE2; RE2 never backtracks, so the plain quantifier does the same`,
    );
    expect(() => new AlertRouting(monitoring, 'r3', { routes: [{ matchers: [Matcher.re('service', '(?i)api|(?P<x>web)')] }] })).not.toThrow();
  });

  test('blackbox fail_if_body_not_matches_regexp', () => {
    const { monitoring } = dockerEnvironment();
    expect(
      errorOf(() => new ServiceScrape(monitoring, 'probe', { exporter: Exporter.blackbox({ urls: ['http://api:8000/health'], module: { http: { failIfBodyNotMatchesRegexp: ['(?<=status: )ok'] } } }) })),
    ).toBe(
      "ServiceScrape test/monitoring/probe, exporter.module.http.failIfBodyNotMatchesRegexp[0]: got \"(?<=status: )ok\", expected an RE2 regular expression (Go's regexp syntax, which blackbox_exporter compiles): " +
        'lookbehind "(?<=" at column 1 is not supported by RE2; RE2 has no lookarounds: match the preceding text in a non-capturing group (?:...) instead',
    );
  });

  test('regex options of the rule packs, and their generated tests match with RE2 semantics', () => {
    expect(errorOf(() => rules.serviceHealth({ job: 'api', runbookUrlPattern: 'https://runbooks.example.com/{{alert}}', errorStatusRegex: '5(?!03)..' }))).toBe(
      `presets.serviceHealth, errorStatusRegex: got "5(?!03)..", expected ${PROM_RE2}: negative lookahead "(?!" at column 2 is not supported by RE2; ` +
        'RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)',
    );
    // (?i) is RE2: the sample for the generated tests is found with RE2's semantics.
    const runbookUrlPattern = 'https://runbooks.example.com/{{alert}}';
    expect(() => rules.serviceHealth({ job: 'api', runbookUrlPattern, errorStatusRegex: '(?i)ERROR|5..', errorStatusExample: 'error' })).not.toThrow();
  });

  test('LogQL regex matchers and line filters', () => {
    expect(errorOf(() => buildLogAlertRule({ alert: 'Errors', expr: 'sum(count_over_time({service="api"} |~ "(?i)error(?!s)" [5m])) > 0' }, 'AlertGroup test/monitoring/logs'))).toBe(
      'AlertGroup test/monitoring/logs, rule Errors, expr: LogQL line filter "|~ \\"(?i)error(?!s)\\"" at 1:37 in "sum(count_over_time({service=\\"api\\"} |~ \\"(?i)error(?!s)\\" [5m])) > 0": ' +
        "the value is not an RE2 regular expression (Go's regexp syntax, which Loki compiles): negative lookahead \"(?!\" at column 10 is not supported by RE2; " +
        'RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)',
    );
  });

  test('PromQL regex matchers of dashboard queries, at their position', () => {
    const { stack, monitoring } = dockerEnvironment();
    new GrafanaDashboard(monitoring, 'd', {
      dashboard: {
        title: 'D',
        panels: [{ type: 'timeseries', title: 'P', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'sum(rate(x{job=~"$job", path=~"(?=/api)"}[5m]))' }] }],
      },
    });
    expect(errorOf(() => Testing.synth(stack, true))).toContain(
      'path=~"(?=/api)" at 1:25 in "sum(rate(x{job=~\\"$job\\", path=~\\"(?=/api)\\"}[5m]))": the value is not ' + `${PROM_RE2}: ${LOOKAHEAD}`,
    );
  });
});

describe('Go templates, with line:column', () => {
  test('an annotation with an unclosed action', () => {
    const { monitoring } = dockerEnvironment();
    expect(errorOf(() => new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0', summary: '{{ .Labels.foo' }] }))).toBe(
      `AlertGroup test/monitoring/g, rule A, summary: Go template error at 1:1 in "{{ .Labels.foo": unclosed action; ${EXPECT_RULE}`,
    );
  });

  test('an annotation missing a brace', () => {
    const { monitoring } = dockerEnvironment();
    expect(errorOf(() => new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0', description: 'down: {{ $labels.instance }' }] }))).toBe(
      `AlertGroup test/monitoring/g, rule A, description: Go template error at 1:27 in "down: {{ $labels.instance }": unexpected "}" in operand; ${EXPECT_RULE}`,
    );
  });

  test('a label template of an imported rule file', () => {
    const { monitoring } = dockerEnvironment();
    const yaml = 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        labels:\n          team: "{{ $labels.team | lower }}"\n';
    expect(errorOf(() => AlertGroup.fromPrometheusRules(monitoring, 'rules', yaml))).toBe(
      'AlertGroup test/monitoring/rules from rules.yml:4:9, group g, groups[0].rules[0], rule A, labels.team: Go template error at 1:19 in "{{ $labels.team | lower }}": ' +
        `function "lower" not defined; did you mean toLower?; ${EXPECT_RULE}`,
    );
  });

  test('a LogQL alert annotation (Loki expands it like Prometheus)', () => {
    expect(errorOf(() => buildLogAlertRule({ alert: 'Errors', expr: 'sum(count_over_time({service="api"} |= "error" [5m])) > 0', summary: '{{ $value | humanise }}' }, 'LogPipeline test/monitoring/logs'))).toBe(
      `LogPipeline test/monitoring/logs, rule Errors, summary: Go template error at 1:13 in "{{ $value | humanise }}": function "humanise" not defined; did you mean humanize?; ${EXPECT_RULE}`,
    );
  });

  test('control: humanizePercentage and .Labels in an annotation', () => {
    const { monitoring } = dockerEnvironment();
    expect(
      () => new AlertGroup(monitoring, 'ok', { rules: [{ alert: 'A', expr: 'up == 0', summary: '{{ .Labels.foo }} at {{ humanizePercentage $value }}' }] }),
    ).not.toThrow();
  });

  test('a notification template file with an unclosed action', () => {
    const { monitoring } = dockerEnvironment();
    expect(errorOf(() => new AlertRouting(monitoring, 'r', { templates: { slack: '{{ define "slack.title" }}{{ .CommonLabels.alertname }{{ end }}' } }))).toBe(
      'AlertRouting test/monitoring/r, templates.slack: Go template error at 1:54 in "{{ define \\"slack.title\\" }}{{ .CommonLabels.alertname }{{ end }}": ' +
        'unexpected "}" in operand; expected a notification template file Alertmanager can load: {{ define "name" }}...{{ end }} blocks of Go text/template with Alertmanager\'s functions',
    );
  });

  test('a receiver field using .Labels where . is the whole notification', () => {
    const { monitoring } = dockerEnvironment();
    const slack = Receiver.slack('team', { apiUrl: Secret.fromVariable('slack_url'), text: '{{ .Labels.instance }}' });
    expect(errorOf(() => new AlertRouting(monitoring, 'r', { receivers: [slack], route: { receiver: 'team' } }))).toContain(
      'AlertRouting test/monitoring/r, receiver team, slack, text: Go template error at 1:4 in "{{ .Labels.instance }}": .Labels does not exist',
    );
  });

  test('a template call nobody defines fails synth; one AlertRouting may define it for another', () => {
    const { stack, monitoring } = dockerEnvironment();
    const slack = Receiver.slack('team', { apiUrl: Secret.fromVariable('slack_url'), title: '{{ template "slack.title" . }}', text: '{{ template "team.text" . }}' });
    new AlertRouting(monitoring, 'r', { receivers: [slack], route: { receiver: 'team' } });
    new AlertRouting(monitoring, 'templates', { templates: { team: '{{ define "team.text" }}{{ template "__text_alert_list" . }}{{ end }}' } });
    expect(monitoring.model.validate()).toContain(
      'AlertRouting test/monitoring/r, receiver team, slack, title: Go template error at 1:13 in "{{ template \\"slack.title\\" . }}": template "slack.title" is not defined: ' +
        'no template file of the environment defines it and Alertmanager has no default of that name; did you mean "slack.default.title"?; ' +
        'expected the name of a template defined with {{ define "name" }} in AlertRouting templates (defined: "team.text") or of an Alertmanager default such as "__subject" or "slack.default.title"',
    );
    expect(() => Testing.synth(stack, true)).toThrow('template "slack.title" is not defined');
  });

  test('control: an Alertmanager default template synthesizes', () => {
    const { stack, monitoring } = dockerEnvironment();
    const slack = Receiver.slack('team', { apiUrl: Secret.fromVariable('slack_url'), title: '{{ template "__subject" . }}', text: '{{ template "slack.default.text" . }}' });
    new AlertRouting(monitoring, 'r', { receivers: [slack], route: { receiver: 'team' } });
    expect(monitoring.model.validate().filter((e) => e.includes('template'))).toEqual([]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a function newer than the environment\'s alertmanager.version', () => {
    const { monitoring } = dockerEnvironment();
    const slack = Receiver.slack('team', { apiUrl: Secret.fromVariable('slack_url'), text: '{{ .CommonLabels | toJson }}' });
    new AlertRouting(monitoring, 'r', { receivers: [slack], route: { receiver: 'team' } });
    expect(monitoring.model.validate()).toContain(
      'AlertRouting test/monitoring/r, receiver team, slack, text: Go template error at 1:20 in "{{ .CommonLabels | toJson }}": the template function toJson came in Alertmanager 0.30, ' +
        'and alertmanager.version is "0.28"; expected a template without it, or alertmanager.version "0.30" or newer (when every Alertmanager that loads the file is that new)',
    );
  });
});

describe('no secret in clear text', () => {
  test('a webhook URL with a token parameter, masked', () => {
    const { monitoring } = dockerEnvironment();
    expect(errorOf(() => new AlertRouting(monitoring, 'r', { receivers: [Receiver.webhook('hook', { url: 'https://bridge.example.com/alerts?channel=ops&access_token=s3cr3t' })] }))).toBe(
      'AlertRouting test/monitoring/r, receiver hook, webhook, url: got "https://bridge.example.com/alerts?channel=ops&access_token=<redacted>", ' +
        'expected a Secret for the whole URL (Secret.fromVariable(...) or Secret.fromFile(...)), which Alertmanager reads from a file (url_file) so it never appears in alertmanager.yml, ' +
        'or a URL without the credential and auth with a Secret; the access_token parameter is a credential and would be written in clear text',
    );
  });

  test('scrape params and metrics path with a credential', () => {
    const { monitoring } = dockerEnvironment();
    expect(errorOf(() => new ServiceScrape(monitoring, 'api', { targets: ['api:8000'], params: { module: ['x'], api_key: ['s3cr3t'] } }))).toBe(
      `ServiceScrape test/monitoring/api, params.api_key: got "<redacted>", expected ${SCRAPE_CREDENTIAL}; the api_key parameter is a credential and would be written in clear text`,
    );
    expect(errorOf(() => new ServiceScrape(monitoring, 'web', { targets: ['web:80'], metricsPath: '/metrics?token=s3cr3t' }))).toBe(
      `ServiceScrape test/monitoring/web, metricsPath: got "/metrics?token=<redacted>", expected ${SCRAPE_CREDENTIAL}; the token parameter is a credential and would be written in clear text`,
    );
  });

  test('blackbox probe URLs with a credential', () => {
    const { monitoring } = dockerEnvironment();
    const expected =
      "expected a probe URL without a credential: probe URLs are written into prometheus.yml as targets and become the probe's instance label; probe an endpoint that needs none, e.g. a health path";
    expect(errorOf(() => new ServiceScrape(monitoring, 'p1', { exporter: Exporter.blackbox({ urls: ['https://api.example.com/health?key=s3cr3t'] }) }))).toBe(
      `ServiceScrape test/monitoring/p1, exporter.urls[0]: got "https://api.example.com/health?key=<redacted>", ${expected}; the key parameter is a credential and would be written in clear text`,
    );
    expect(errorOf(() => new ServiceScrape(monitoring, 'p2', { exporter: Exporter.blackbox({ urls: ['https://probe:s3cr3t@api.example.com/health'] }) }))).toBe(
      `ServiceScrape test/monitoring/p2, exporter.urls[0]: got "https://<redacted>@api.example.com/health", ${expected}; the user:password@ part is a credential and would be written in clear text`,
    );
  });

  test('a runbook URL with a token', () => {
    const { monitoring } = dockerEnvironment();
    expect(errorOf(() => new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0', runbookUrl: 'https://wiki.example.com/runbooks/a?signature=abc' }] }))).toBe(
      'AlertGroup test/monitoring/g, rule A, runbookUrl: got "https://wiki.example.com/runbooks/a?signature=<redacted>", expected a URL without a credential: ' +
        'annotations travel with every alert to Alertmanager, its UI and every notification; the signature parameter is a credential and would be written in clear text',
    );
  });

  test('a Loki URL with credentials is shown masked', () => {
    expect(errorOf(() => lokiPushUrl('http://tenant:s3cr3t@loki:3100'))).toBe(
      'Log agent config, lokiUrl: got "http://<redacted>@loki:3100", expected the http(s) base URL of Loki without credentials or query, e.g. "http://loki:3100"',
    );
  });

  describe('GrafanaTarget', () => {
    const props = (overrides: Partial<GrafanaTargetProps>): GrafanaTargetProps => ({
      url: 'https://grafana.example.com',
      auth: Secret.fromVariable('grafana_auth'),
      dataSources: { prometheus: GrafanaDataSource.prometheus({ url: 'https://prometheus.example.com' }) },
      ...overrides,
    });
    /** The error of a GrafanaTarget, whether its constructor or its MonitoringStack reports it. */
    const grafanaError = (overrides: Partial<GrafanaTargetProps>) =>
      errorOf(() => new MonitoringStack(new TerraformStack(Testing.app(), 'test'), 'monitoring', { environment: 'staging', target: new GrafanaTarget(props(overrides)) }));
    const HEADER =
      'expected a Secret.fromVariable("<terraform variable>") or a Terraform reference to a sensitive value as the header value (a literal lands in cdk.tf.json)';

    test('a literal Authorization header', () => {
      expect(grafanaError({ httpHeaders: { 'X-Scope-OrgID': 'tenant-1', Authorization: 'Bearer s3cr3t' } })).toContain(
        `GrafanaTarget of MonitoringStack test/monitoring, httpHeaders.Authorization: got "<redacted>", ${HEADER}; a literal Authorization header is a credential and would be written in clear text`,
      );
    });

    test('a literal X-Api-Key header of a data source', () => {
      const prometheus = GrafanaDataSource.prometheus({ url: 'https://prometheus.example.com', httpHeaders: { 'X-Api-Key': 's3cr3t' } });
      expect(grafanaError({ dataSources: { prometheus } })).toContain(
        `GrafanaTarget of MonitoringStack test/monitoring, dataSources.prometheus.httpHeaders.X-Api-Key: got "<redacted>", ${HEADER}; a literal X-Api-Key header is a credential and would be written in clear text`,
      );
    });

    test('a data source URL with an api_key parameter', () => {
      const prometheus = GrafanaDataSource.prometheus({ url: 'https://prometheus.example.com/api/prom?api_key=s3cr3t' });
      expect(grafanaError({ dataSources: { prometheus } })).toContain(
        'GrafanaTarget of MonitoringStack test/monitoring, dataSources.prometheus.url: got "https://prometheus.example.com/api/prom?api_key=<redacted>", expected a URL without a credential, ' +
          'with the credential in auth, basicAuth, bearerToken or httpHeaders as a Secret.fromVariable("<terraform variable>"); the api_key parameter is a credential and would be written in clear text',
      );
    });

    test('control: a plain header, a Secret header and a Terraform reference stay accepted', () => {
      const prometheus = GrafanaDataSource.prometheus({ url: 'https://prometheus.example.com', httpHeaders: { Authorization: Secret.fromVariable('prom_auth'), 'X-Scope-OrgID': 'tenant-1' } });
      const reference = new TerraformVariable(new TerraformStack(Testing.app(), 'vars'), 'grafana_header', { sensitive: true }).stringValue;
      expect(() => new GrafanaTarget(props({ dataSources: { prometheus }, httpHeaders: { 'X-Scope-OrgID': 'tenant-1', Authorization: reference } }))).not.toThrow();
    });
  });
});
