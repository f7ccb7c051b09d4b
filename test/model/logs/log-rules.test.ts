import { buildLogRuleGroup } from '../../../lib/model/logs/log-rules';
import { AlertingRuleDefinition } from '../../../lib/model/rules';
import { Severity } from '../../../lib/model/severity';

const WHERE = 'AlertGroup dev/monitoring/api-logs';

describe('buildLogRuleGroup', () => {
  test('validates LogQL alert rules into the rule-group model', () => {
    const group = buildLogRuleGroup(
      {
        name: 'api-logs',
        interval: '1m',
        rules: [
          {
            alert: 'ApiErrorLogs',
            expr: 'sum by (service) (count_over_time({service="api"} | json | level="error" [5m])) > 10',
            for: '5m',
            severity: Severity.WARNING,
            summary: 'API logs more than 10 errors in 5 minutes',
          },
        ],
      },
      WHERE,
    );
    expect(group.fileName).toBe('api-logs.yml');
    expect(group.rules[0]).toMatchObject({ kind: 'alert', alert: 'ApiErrorLogs', labels: { severity: 'warning' }, annotations: { summary: 'API logs more than 10 errors in 5 minutes' } });
  });

  test('bad LogQL is reported with line:column', () => {
    expect(() => buildLogRuleGroup({ name: 'g', rules: [{ alert: 'A', expr: 'sum(rate({service="api"}[5m]) > 0' }] }, WHERE)).toThrow(
      `${WHERE}, rule A, expr: LogQL parse error at 1:34 near "<end of expression>" in "sum(rate({service=\\"api\\"}[5m]) > 0"; expected a valid LogQL expression`,
    );
  });

  test('a log query cannot be an alert', () => {
    expect(() => buildLogRuleGroup({ name: 'g', rules: [{ alert: 'A', expr: '{service="api"} |= "error"' }] }, WHERE)).toThrow(
      `${WHERE}, rule A, expr: got "{service=\\"api\\"} |= \\"error\\"", expected a LogQL metric query`,
    );
  });

  test('recording rules and duplicates are refused', () => {
    const recording = { record: 'api:errors:rate5m', expr: 'rate({service="api"}[5m])' } as unknown as AlertingRuleDefinition;
    expect(() => buildLogRuleGroup({ name: 'g', rules: [recording] }, WHERE)).toThrow(
      `${WHERE}, rules: got {"record":"api:errors:rate5m","expr":"rate({service=\\"api\\"}[5m])"}, expected a LogQL alerting rule ({ alert, expr, ... }); Loki recording rules need remote_write and are not offered`,
    );
    const rule = { alert: 'A', expr: 'rate({service="api"}[5m]) > 1' };
    expect(() => buildLogRuleGroup({ name: 'g', rules: [rule, rule] }, WHERE)).toThrow(`${WHERE}, rules[1].alert: got "A", which is already used by rules[0]; expected a unique value`);
  });
});
