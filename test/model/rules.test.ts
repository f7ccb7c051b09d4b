import { Duration } from '../../lib/model/duration';
import { buildRule, buildRuleGroup } from '../../lib/model/rules';
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

  test('two rules with the same name in a group are refused', () => {
    expect(() =>
      buildRuleGroup({ name: 'api-health', rules: [{ alert: 'ApiDown', expr: 'up == 0' }, { alert: 'ApiDown', expr: 'up < 1' }] }, WHERE),
    ).toThrow('AlertGroup dev/monitoring/api-health, rules[1].alert: got "ApiDown", which is already used by rules[0]; expected a unique value');
  });

  test('an empty group is refused', () => {
    expect(() => buildRuleGroup({ name: 'g', rules: [] }, WHERE)).toThrow(
      'AlertGroup dev/monitoring/api-health, rules: got [], expected a non-empty list of alerting or recording rules',
    );
  });

  test('a rule with both alert and record is refused', () => {
    expect(() => buildRule({ alert: 'A', record: 'b', expr: 'up' } as never, WHERE)).toThrow('expected either `alert` or `record`, not both');
  });
});
