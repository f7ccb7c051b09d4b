import { rmSync } from 'fs';
import { checkNotificationField, checkNotificationTemplateFile, checkRuleTemplate, notificationTemplateErrors } from '../../lib/model/go-template-check';
import { checkPromQL } from '../../lib/model/promql';
import { checkRe2 } from '../../lib/model/re2';
import { Receiver } from '../../lib/model/receivers';
import { Secret } from '../../lib/model/secret';
import { runTool, writeTempFiles } from '../helpers/tools';

// The synth-time checks of Go templates and RE2 against the programs of the tool cache: promtool 3.x and amtool 0.33.
// Each case runs through both; where they differ on purpose (a template that parses but fails every expansion), the
// case says which side refuses.

/** `true` when the check throws. */
function refuses(check: () => void): boolean {
  try {
    check();
    return false;
  } catch {
    return true;
  }
}

/** promtool's verdict (refused or not) for each file, from one `promtool check <what>` run over all of them. */
function promtoolRefuses(what: 'rules' | 'config', files: Record<string, string>): Map<string, boolean> {
  const dir = writeTempFiles(files, 'oracle-templates-');
  try {
    const verdicts = new Map<string, boolean>();
    for (const file of Object.keys(files)) {
      // One run per file: `promtool check config` stops at the first file it cannot load.
      const { status, output } = runTool('promtool', ['check', what, ...(what === 'config' ? ['--syntax-only'] : []), file], dir);
      if (status !== 0 && !/FAILED|error|Error/.test(output)) throw new Error(`promtool did not run: ${output}`);
      verdicts.set(file, status !== 0);
    }
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const yamlString = (text: string) => JSON.stringify(text);

describe('alert templates: the synth check and promtool check rules', () => {
  /** Both refuse, or both accept: what Go's parser decides with Prometheus' functions and variables. */
  const SAME = [
    '{{ .Labels.foo',
    '{{ $labels.instance }',
    '{{ humanizePercentage $value }}',
    '{{ $labels.instance }} is down ({{ $value | humanize }})',
    '{{ $externalLabels.cluster }} {{ $externalURL }}',
    '{{ $lables.job }}',
    '{{ $value | humanise }}',
    '{{ .Labels | toJson }}',
    '{{ if .Value }}x',
    '{{ end }}',
    '{{ break }}',
    '{{ 089 }}',
    '{{ "a" | "b" }}',
    '{{ "\\d" }}',
    '{{ range $k, $v := .Labels }}{{ $k }}={{ $v }} {{ end }}',
    '{{- /* a comment */ -}} text',
    '{{ with query "up" }}{{ . | first | value | humanize }}{{ end }}',
    '{{ if gt $value 0.5 }}high{{ else if lt $value 0.1 }}low{{ end }}',
    '{{\n  $labels.job\n}}',
    '{{ /* not a comment */ }}',
  ];
  /** Parse, but fail every expansion (Go's executor): refused at synth, accepted by promtool's parse-only check. */
  const FAIL_AT_EXPANSION = ['{{ .Foo }}', '{{ $labels.job.name }}', '{{ template "x" . }}', '{{ $y = 2 }}'];
  /** Functions of the images' Prometheus 3.13 that promtool 3.5 (the oracle, older than the images) does not know. */
  const NEWER_THAN_ORACLE = ['{{ toDuration 60 }}', '{{ now | humanizeTimestamp }}', '{{ urlQueryEscape $labels.job }}'];
  const all = [...SAME, ...FAIL_AT_EXPANSION, ...NEWER_THAN_ORACLE];
  let promtool: Map<string, boolean>;

  beforeAll(() => {
    const files: Record<string, string> = {};
    all.forEach((text, i) => {
      files[`t${i}.yml`] = `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n        annotations:\n          summary: ${yamlString(text)}\n`;
    });
    const byFile = promtoolRefuses('rules', files);
    promtool = new Map(all.map((text, i) => [text, byFile.get(`t${i}.yml`) as boolean]));
  });

  const synth = (text: string) => refuses(() => checkRuleTemplate(text, 'X', 'summary'));

  test.each(SAME)('same verdict: %j', (text) => {
    expect({ synth: synth(text) }).toEqual({ synth: promtool.get(text) });
  });

  test.each(FAIL_AT_EXPANSION)('refused at synth, parsed by promtool: %j', (text) => {
    expect({ synth: synth(text), promtool: promtool.get(text) }).toEqual({ synth: true, promtool: false });
  });

  test.each(NEWER_THAN_ORACLE)('accepted at synth (Prometheus 3.13), unknown to promtool 3.5: %j', (text) => {
    expect({ synth: synth(text), promtool: promtool.get(text) }).toEqual({ synth: false, promtool: true });
  });
});

describe('RE2: the synth check and promtool (relabel rules, PromQL matchers)', () => {
  const REGEXES = [
    '(?i)api.*',
    '(?P<svc>[a-z]+)-\\d+',
    '(?<svc>[a-z]+)',
    '\\Aapi\\z',
    '\\Qa.b\\E',
    '[[:alpha:]]+[[:^digit:]]',
    '\\pL\\p{Greek}',
    '\\x{263a}',
    '(?)',
    'a{,5}',
    '(?=x)',
    '(?<!x)y',
    '(\\w)\\1',
    'a*+',
    'a**',
    'a{1001}',
    '\\C',
    '\\Z',
    '(?x) a',
    '[\\b]',
    '\\8',
    '\\p{Klingon}',
    '[z-a]',
    '(a',
    'a)',
  ];
  let relabel: Map<string, boolean>;
  let matcher: Map<string, boolean>;

  beforeAll(() => {
    const configs: Record<string, string> = {};
    const rules: Record<string, string> = {};
    REGEXES.forEach((re, i) => {
      configs[`c${i}.yml`] =
        `scrape_configs:\n  - job_name: j\n    static_configs: [{ targets: ["a:1"] }]\n    relabel_configs:\n      - action: keep\n        source_labels: [job]\n        regex: ${yamlString(re)}\n`;
      // A raw string: the regex as written, without PromQL string escapes.
      rules[`r${i}.yml`] = `groups:\n  - name: g\n    rules:\n      - record: r\n        expr: ${yamlString(`up{job=~\`${re}\`}`)}\n`;
    });
    const c = promtoolRefuses('config', configs);
    const r = promtoolRefuses('rules', rules);
    relabel = new Map(REGEXES.map((re, i) => [re, c.get(`c${i}.yml`) as boolean]));
    matcher = new Map(REGEXES.map((re, i) => [re, r.get(`r${i}.yml`) as boolean]));
  });

  test.each(REGEXES)('relabel regex %j', (re) => {
    expect({ synth: refuses(() => checkRe2(re, 'X', 'regex', { allowEmpty: true })) }).toEqual({ synth: relabel.get(re) });
  });

  test.each(REGEXES)('PromQL =~ %j', (re) => {
    expect({ synth: refuses(() => checkPromQL(`up{job=~\`${re}\`}`, 'X', 'expr')) }).toEqual({ synth: matcher.get(re) });
  });

  test('a PromQL string escape Go does not know: both refuse', () => {
    const refused = promtoolRefuses('rules', { 'e.yml': `groups:\n  - name: g\n    rules:\n      - record: r\n        expr: ${yamlString('up{code=~"5\\d\\d"}')}\n` });
    expect({ synth: refuses(() => checkPromQL('up{code=~"5\\d\\d"}', 'X', 'expr')), promtool: refused.get('e.yml') }).toEqual({ synth: true, promtool: true });
  });
});

describe('Alertmanager: the synth check and amtool 0.33', () => {
  const config = (matcher: string) =>
    `route:\n  receiver: s\n  routes:\n    - receiver: s\n      matchers: [${yamlString(matcher)}]\nreceivers:\n  - name: s\n    webhook_configs:\n      - url: http://bridge:8080/x\ntemplates: ['t/*.tmpl']\n`;

  /** amtool check-config's verdict for a config whose route has `matcher` and whose only template file is `template`. */
  function amtoolRefuses(matcher: string, template: string): boolean {
    const dir = writeTempFiles({ 'am.yml': config(matcher), 't/a.tmpl': template }, 'oracle-am-');
    try {
      const { status, output } = runTool('amtool', ['check-config', 'am.yml'], dir);
      if (status !== 0 && !/FAILED/.test(output)) throw new Error(`amtool did not run: ${output}`);
      return status !== 0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** amtool template render's verdict: executes `text` with example data and the defines of `template`. */
  function amtoolRenderRefuses(text: string, template: string): boolean {
    const dir = writeTempFiles({ 't/a.tmpl': template }, 'oracle-am-render-');
    try {
      const { status } = runTool('amtool', ['template', 'render', '--template.glob=t/*.tmpl', `--template.text=${text}`], dir);
      return status !== 0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const FILE = '{{ define "team.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}';

  test.each(['service=~"(?i)api|(?P<x>web)"', 'service=~"(?=api)"', 'service!~"a*+"', 'service=~"\\\\Qa.b\\\\E"'])('matcher %s', (text) => {
    const value = JSON.parse(text.slice(text.indexOf('"'))) as string;
    expect({ synth: refuses(() => checkRe2(value, 'X', 'value', { allowEmpty: true })) }).toEqual({ synth: amtoolRefuses(text, FILE) });
  });

  test.each([
    FILE,
    '{{ define "x" }}{{ .CommonLabels.alertname {{ end }}',
    '{{ define "x" }}{{ humanizePercentage 1 }}{{ end }}',
    '{{ define "x" }}{{ range .Alerts }}{{ .Labels.job }}{{ end }}{{ end }}',
    '{{ define "x" }}{{ if .Status }}{{ end }}',
  ])('template file %j', (template) => {
    expect({ synth: refuses(() => checkNotificationTemplateFile(template, 'X', 'templates.a')) }).toEqual({ synth: amtoolRefuses('a="b"', template) });
  });

  test.each([
    '{{ template "team.title" . }}',
    '{{ template "team.text" . }}',
    '{{ range .Alerts }}{{ .Labels.alertname }}: {{ .Annotations.summary }}{{ end }}',
    '{{ .CommonLabels.SortedPairs.Names | join ", " }}',
    '{{ .Labels.foo }}',
    '{{ .Alerts.Labels }}',
    '{{ .Status',
    '{{ humanizePercentage 1 }}',
  ])('receiver field %j: what amtool template render executes', (text) => {
    // amtool check-config does not look at receiver fields; `amtool template render` executes them with example data.
    const receiver = Receiver.slack('s', { apiUrl: Secret.fromVariable('slack_url'), title: text });
    const synth =
      refuses(() => checkNotificationField(text, 'X', 'title')) ||
      notificationTemplateErrors([{ declaredBy: 'X', receivers: [receiver], templates: { a: FILE } }], 33).length > 0;
    expect({ synth }).toEqual({ synth: amtoolRenderRefuses(text, FILE) });
  });

  test('a call of a template nobody defines: amtool check-config accepts it, rendering fails (synth refuses it: see go-template-check)', () => {
    const dir = writeTempFiles({ 'am.yml': config('a="b"').replace('webhook_configs:\n      - url: http://bridge:8080/x', 'slack_configs:\n      - api_url: https://hooks.example.com/x\n        title: \'{{ template "slack.title" . }}\''), 't/a.tmpl': FILE });
    try {
      expect(runTool('amtool', ['check-config', 'am.yml'], dir).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(amtoolRenderRefuses('{{ template "slack.title" . }}', FILE)).toBe(true);
  });
});
