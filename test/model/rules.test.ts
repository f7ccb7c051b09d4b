import { Duration } from '../../lib/model/duration';
import { buildRule, buildRuleGroup, indistinguishableRules, ruleFileName } from '../../lib/model/rules';
import { Severity } from '../../lib/model/severity';

const WHERE = 'AlertGroup dev/monitoring/api-health';

describe('rules', () => {
  test('an alerting rule gets severity, summary, description and runbook as labels and annotations', () => {
    const rule = buildRule(
      { alert: 'ApiDown', expr: 'up == 0', for: '2m', severity: Severity.CRITICAL, summary: 's', description: 'd', runbookUrl: 'https://r/ApiDown', labels: { team: 'a' } },
      WHERE,
    );
    expect(rule).toEqual({
      kind: 'alert',
      alert: 'ApiDown',
      expr: 'up == 0',
      for: Duration.minutes(2),
      keepFiringFor: undefined,
      labels: { team: 'a', severity: 'critical' },
      annotations: { summary: 's', description: 'd', runbook_url: 'https://r/ApiDown' },
    });
  });

  test('invalid PromQL names the group, the rule, the field and the position', () => {
    expect(() => buildRule({ alert: 'HighErrorRate', expr: 'sum(rate(http_requests_total[5m)' }, WHERE)).toThrow(
      'AlertGroup dev/monitoring/api-health, rule HighErrorRate, expr: PromQL parse error at 1:32 near ")"',
    );
  });

  test('a malformed for duration is refused', () => {
    expect(() => buildRule({ alert: 'X', expr: 'up == 0', for: '5 minutes' }, WHERE)).toThrow(
      'AlertGroup dev/monitoring/api-health, rule X, for: got "5 minutes", expected a Prometheus duration',
    );
  });

  test('an invalid recording rule name is refused', () => {
    expect(() => buildRule({ record: 'job-rate', expr: 'up' }, WHERE)).toThrow(
      'AlertGroup dev/monitoring/api-health, rules[].record: got "job-rate", expected a Prometheus metric name',
    );
  });

  test('an invalid label name on a rule is refused', () => {
    expect(() => buildRule({ alert: 'X', expr: 'up', labels: { 'bad-name': 'x' } }, WHERE)).toThrow(
      'AlertGroup dev/monitoring/api-health, rule X, labels key: got "bad-name", expected a Prometheus label name',
    );
  });

  test('two rules with one name are allowed, as Prometheus allows them; only the ones nothing tells apart are reported', () => {
    const group = buildRuleGroup(
      {
        name: 'host',
        rules: [
          { alert: 'DiskFull', expr: 'disk_used > 0.8', severity: Severity.WARNING },
          { alert: 'DiskFull', expr: 'disk_used > 0.9', severity: Severity.CRITICAL },
          { alert: 'ApiDown', expr: 'up == 0' },
          { alert: 'ApiDown', expr: 'up < 1' },
        ],
      },
      WHERE,
    );
    expect(group.rules.map((r) => (r.kind === 'alert' ? r.alert : r.record))).toEqual(['DiskFull', 'DiskFull', 'ApiDown', 'ApiDown']);
    expect(indistinguishableRules(group)).toEqual([{ name: 'ApiDown', first: 2, index: 3 }]);
  });

  test('an empty group is a group (Prometheus loads it; rules can be added later)', () => {
    expect(buildRuleGroup({ name: 'g', rules: [] }, WHERE).rules).toEqual([]);
    expect(() => buildRuleGroup({ name: 'g', rules: undefined as never }, WHERE)).toThrow(
      'AlertGroup dev/monitoring/api-health, rules: got nothing, expected a list of alerting or recording rules',
    );
  });

  test('alert and group names as promtool takes them, with safe and distinct file names', () => {
    const group = buildRuleGroup({ name: 'Disk usage (host/1)', rules: [{ alert: 'Disk usage (>80%)', expr: 'up == 0' }] }, WHERE);
    expect(group.fileName).toMatch(/^Disk_usage__host_1_-[0-9a-f]{8}\.yml$/);
    expect(ruleFileName('Disk_usage__host_1_')).toBe('Disk_usage__host_1_.yml');
    expect(ruleFileName('api-health')).toBe('api-health.yml');
    expect(ruleFileName('a:b')).not.toBe(ruleFileName('a_b'));
    expect(ruleFileName('..')).toMatch(/^group-[0-9a-f]{8}\.yml$/);
    // promtool 3.5.3 accepts a blank name (only an empty one is "Groupname must not be empty"), and so does the library.
    expect(buildRuleGroup({ name: ' ', rules: [{ alert: ' ', expr: 'up' }] }, WHERE).fileName).toMatch(/^group-[0-9a-f]{8}\.yml$/);
    expect(() => buildRuleGroup({ name: '', rules: [] }, WHERE)).toThrow(
      'AlertGroup dev/monitoring/api-health, name: got "", expected a group name: any non-empty text, e.g. "api-health" or "API health (SLO)"',
    );
    expect(() => buildRule({ alert: '', expr: 'up' }, WHERE)).toThrow(
      'AlertGroup dev/monitoring/api-health, rules[].alert: got "", expected an alert name: any non-empty text',
    );
  });

  test('a rule with both alert and record is refused', () => {
    expect(() => buildRule({ alert: 'A', record: 'b', expr: 'up' } as never, WHERE)).toThrow('expected either `alert` or `record`, not both');
  });
});
