import * as path from 'path';
import { AlertGroup, AlertGroupProps, Duration, Severity } from '../../lib';
import { importPrometheusRules } from '../../lib/import';
import { buildRuleGroup } from '../../lib/model/rules';
import { renderRuleFile } from '../../lib/render/rule-file';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';
import { errorOf, fixture, normalizeRuleGroups, readYaml } from './helpers';

const SEED_RULE_FILES = ['seed-000-alert_rules.yml', 'seed-001-critical_alerts.yml', 'seed-002-alert_rules.yml', 'seed-004-alerts.yml'];

/** Renders every imported group with the library's renderer, one file per group. */
function renderImported(text: string, where: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const group of importPrometheusRules(text, where).groups) {
    const model = buildRuleGroup(group, 'test');
    files[`rules/${model.fileName}`] = renderRuleFile(model);
  }
  return files;
}

describe('importPrometheusRules: the seeds', () => {
  test('seed 000: severity becomes a Severity, summary and description typed fields, for a Duration', () => {
    const { groups } = importPrometheusRules(fixture('seed-000-alert_rules.yml'), 'alert_rules.yml');
    expect(groups).toHaveLength(1);
    expect(groups[0].name).toBe('dev-pynode');
    expect(groups[0].rules[0]).toEqual({
      alert: 'HighErrorRate',
      expr: 'rate(http_requests_total{status=~"5.."}[5m]) > 0.1',
      for: Duration.minutes(5),
      severity: Severity.CRITICAL,
      summary: 'High error rate detected',
      description: 'Error rate is {{ $value }} errors per second',
    });
    expect(groups[0].rules.map((r) => ('alert' in r ? r.alert : r.record))).toEqual(['HighErrorRate', 'HighResponseTime', 'AIServiceDown']);
    expect((groups[0].rules[1] as { severity: Severity }).severity).toBe(Severity.WARNING);
  });

  test('seed 004: three groups in one file', () => {
    const { groups } = importPrometheusRules(fixture('seed-004-alerts.yml'), 'alerts.yml');
    expect(groups.map((g) => [g.name, g.rules.length])).toEqual([['service_health', 2], ['infrastructure', 1], ['database', 2]]);
  });

  test.each(SEED_RULE_FILES)('round trip: %s renders to rules that mean the same as the input', (name) => {
    const input = readYaml(fixture(name));
    const rendered = Object.values(renderImported(fixture(name), name)).flatMap((text) => readYaml(text).groups);
    expect(normalizeRuleGroups({ groups: rendered })).toEqual(normalizeRuleGroups(input));
  });

  test('every imported seed rule file, rendered, passes promtool check rules', () => {
    const files = Object.assign({}, ...SEED_RULE_FILES.map((name) => renderImported(fixture(name), name)));
    const dir = writeTempFiles(files);
    const result = runTool('promtool', ['check', 'rules', ...Object.keys(files).map((f) => path.join(dir, f))]);
    expect(result.output).not.toContain('FAILED');
    expect(result.status).toBe(0);
  });

  test('seed 003: a bare list of rules is refused with what a rule file looks like', () => {
    expect(errorOf(() => importPrometheusRules(fixture('seed-003-rule.yml'), 'rules.yml'))).toBe(
      'rules.yml:2:1, (top level): is a list of rules, not a rule file; expected `groups:` with named groups, e.g. `groups: [{ name: my-group, rules: [...] }]`',
    );
  });

  test('seed 003, corrected (wrapped in a group): imports; `threshold` is valid PromQL (a metric name), so only a review catches it', () => {
    const text = `groups:\n  - name: example\n    rules:\n${fixture('seed-003-rule.yml').split('\n').slice(1).map((l) => `      ${l}`).join('\n')}`;
    expect(importPrometheusRules(text, 'rules.yml').groups[0].rules).toEqual([
      { alert: 'YourAlert', expr: 'your_metric > threshold', for: Duration.minutes(5), severity: Severity.WARNING, summary: 'Alert summary', description: 'Alert description' },
    ]);
  });

  test('the imported groups are valid AlertGroup props', () => {
    const { monitoring } = dockerEnvironment();
    const { groups } = importPrometheusRules(fixture('seed-002-alert_rules.yml'), 'alert_rules.yml');
    const props: AlertGroupProps[] = groups.map((g) => ({ groupName: g.name, rules: g.rules, interval: g.interval, limit: g.limit }));
    const created = props.map((p) => new AlertGroup(monitoring, p.groupName!, p));
    expect(created[0].group.rules).toHaveLength(3);
    expect(monitoring.renderedFiles()['prometheus/rules/ai-assistant-alerts.yml']).toContain('alert: ToolExecutionFailure');
  });
});

describe('importPrometheusRules: the rest of the rule file format', () => {
  const file = (rules: string, group = '  - name: g\n    rules:\n') => `groups:\n${group}${rules}`;

  test('recording rules, keep_firing_for, interval, limit, runbook_url, extra labels and annotations', () => {
    const { groups } = importPrometheusRules(
      file(
        '      - record: job:http_requests:rate5m\n        expr: sum by (job) (rate(http_requests_total[5m]))\n        labels: { team: api }\n' +
          '      - alert: X\n        expr: up == 0\n        keep_firing_for: 90s\n        labels: { severity: page, team: api }\n' +
          '        annotations: { runbook_url: "https://r/X", dashboard: "https://d/X" }\n',
        '  - name: g\n    interval: 30s\n    limit: 10\n    rules:\n',
      ),
      'r.yml',
    );
    expect(groups[0]).toEqual({
      name: 'g',
      interval: Duration.seconds(30),
      limit: 10,
      rules: [
        { record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))', labels: { team: 'api' } },
        {
          alert: 'X',
          expr: 'up == 0',
          keepFiringFor: Duration.seconds(90),
          severity: Severity.of('page'),
          runbookUrl: 'https://r/X',
          labels: { team: 'api' },
          annotations: { dashboard: 'https://d/X' },
        },
      ],
    });
  });

  test('a severity that is not a plain word stays a label (it is still valid Prometheus)', () => {
    const { groups } = importPrometheusRules(file('      - alert: X\n        expr: up == 0\n        labels: { severity: "P1 high" }\n'), 'r.yml');
    expect(groups[0].rules[0]).toEqual({ alert: 'X', expr: 'up == 0', labels: { severity: 'P1 high' } });
  });

  test('invalid PromQL names the file position, the group, the rule and the field', () => {
    expect(errorOf(() => importPrometheusRules(file('      - alert: HighErrorRate\n        expr: sum(rate(http_requests_total[5m) > 0.1\n'), 'alert_rules.yml'))).toBe(
      'alert_rules.yml:5:15, group g, rule HighErrorRate, groups[0].rules[0].expr: PromQL parse error at 1:32 near ") > 0.1" in "sum(rate(http_requests_total[5m) > 0.1"; expected a valid PromQL expression',
    );
  });

  test('a malformed duration', () => {
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        expr: up == 0\n        for: 5 minutes\n'), 'r.yml'))).toBe(
      'r.yml:6:14, group g, rule X, groups[0].rules[0].for: got "5 minutes", expected a Prometheus duration such as "30s", "5m", "1h30m" or "15d" (units y, w, d, h, m, s, ms, largest first)',
    );
  });

  test('`severity:` at the top of a rule says where it belongs', () => {
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        expr: up == 0\n        severity: critical\n'), 'r.yml'))).toBe(
      'r.yml:6:9, group g, rule X, groups[0].rules[0].severity: an alerting rule has no `severity`; put it under `labels:` (typed: `severity: Severity.CRITICAL`)',
    );
  });

  test('a typo in a key is refused with a suggestion', () => {
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        expresion: up == 0\n'), 'r.yml'))).toBe(
      'r.yml:5:9, group g, rule X, groups[0].rules[0].expresion: an alerting rule has no `expresion` (did you mean `expr`?); expected one of `alert`, `expr`, `for`, `keep_firing_for`, `labels`, `annotations`',
    );
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        expr: up\n        anotations: {}\n'), 'r.yml'))).toContain(
      'an alerting rule has no `anotations` (did you mean `annotations`?)',
    );
  });

  test('a missing expr, `for` on a recording rule, both alert and record, neither', () => {
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n'), 'r.yml'))).toBe('r.yml:4:9, group g, rule X, groups[0].rules[0].expr: is required: expected a PromQL expression');
    expect(errorOf(() => importPrometheusRules(file('      - record: a:b\n        expr: up\n        for: 5m\n'), 'r.yml'))).toBe(
      'r.yml:6:9, group g, recording rule a:b, groups[0].rules[0].for: a recording rule has no `for`; only alerting rules (`alert:`) have it',
    );
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        record: y\n        expr: up\n'), 'r.yml'))).toBe(
      'r.yml:4:9, group g, groups[0].rules[0]: got {"alert":"X","record":"y"}, expected either `alert` or `record`, not both',
    );
    expect(errorOf(() => importPrometheusRules(file('      - expr: up\n'), 'r.yml'))).toBe(
      'r.yml:4:9, group g, groups[0].rules[0].alert: is required: expected `alert: <name>` for an alerting rule or `record: <name>` for a recording rule',
    );
  });

  test('checks that typed input gets, through buildRule and buildRuleGroup: label names, duplicate alerts, group names', () => {
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        expr: up\n        labels: { team.name: a }\n'), 'r.yml'))).toBe(
      'r.yml:6:19, group g, rule X, groups[0].rules[0].labels key: got "team.name", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*',
    );
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        expr: up\n', '  - name: ""\n    rules:\n'), 'r.yml'))).toBe(
      'r.yml:2:5, group , groups[0], name: got "", expected a group name: any non-empty text, e.g. "api-health" or "API health (SLO)"',
    );
    expect(errorOf(() => importPrometheusRules(`${file('      - alert: X\n        expr: up\n')}${'  - name: g\n    rules:\n      - alert: Y\n        expr: up\n'}`, 'r.yml'))).toBe(
      'r.yml:6:5, groups[1].name: got "g", which is already used by groups[0]; expected a unique value',
    );
  });

  test('names as promtool takes them: duplicate alerts with different labels, names with spaces and symbols, empty groups', () => {
    const text =
      'groups:\n  - name: host disk (>80%)\n    rules:\n' +
      '      - alert: Disk usage (>80%)\n        expr: up == 0\n        labels: { severity: warning }\n' +
      '      - alert: Disk usage (>80%)\n        expr: up == 0\n        labels: { severity: critical }\n' +
      '      - alert: Same\n        expr: up == 0\n' +
      '      - alert: Same\n        expr: up == 1\n' +
      '  - name: empty\n    rules: []\n' +
      '  - name: no rules key\n';
    const imported = importPrometheusRules(text, 'r.yml');
    expect(imported.groups.map((g) => [g.name, g.rules.length])).toEqual([['host disk (>80%)', 4], ['empty', 0], ['no rules key', 0]]);
    expect(imported.warnings).toEqual([
      'r.yml:12:9, group host disk (>80%), groups[0].rules[3]: rule "Same" has the same name and labels as groups[0].rules[2]; Prometheus loads both, ' +
        'but only their expressions can tell their alerts (or recorded series) apart (promtool lint "duplicate-rules"): give one a distinguishing label such as `severity`, or remove one',
    ]);
  });

  test('YAML syntax errors report line:column', () => {
    expect(errorOf(() => importPrometheusRules('groups:\n  - name: g\n    rules: [\n      - alert: X\n', 'r.yml'))).toMatch(/^r\.yml:4:7, YAML: syntax error \(\w+\): /);
    expect(errorOf(() => importPrometheusRules('groups:\n  - name: g\n    name: h\n', 'r.yml'))).toBe(
      'r.yml:3:5, YAML: syntax error (DUPLICATE_KEY): Map keys must be unique; expected valid YAML',
    );
  });

  test('an unknown group key and an empty file', () => {
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        expr: up\n', '  - name: g\n    query_offset: 1m\n    rules:\n'), 'r.yml'))).toBe(
      'r.yml:3:5, group g, groups[0].query_offset: `query_offset` of a rule group is not supported by cdktf-monitoring (yet); supported: `name`, `interval`, `limit`, `rules`',
    );
    expect(errorOf(() => importPrometheusRules(file('      - alert: X\n        expr: up\n', '  - name: g\n    labls: {}\n    rules:\n'), 'r.yml'))).toBe(
      'r.yml:3:5, group g, groups[0].labls: a rule group has no `labls` (did you mean `labels`, which cdktf-monitoring does not support (yet)?); expected one of `name`, `interval`, `limit`, `rules`',
    );
    expect(errorOf(() => importPrometheusRules('', 'r.yml'))).toBe('r.yml:1:1, groups: is required: expected a rule file with `groups:`');
  });
});
