import { checkLabelName, checkLabels, checkMetricName } from '../../lib/model/names';

describe('label and metric names', () => {
  test('accepts valid names', () => {
    expect(() => checkLabelName('team_name', 'X', 'labels')).not.toThrow();
    expect(() => checkMetricName('job:http_requests:rate5m', 'X', 'record')).not.toThrow();
  });

  test('rejects an invalid label name', () => {
    expect(() => checkLabels({ 'team-name': 'a' }, 'ServiceScrape dev/monitoring/api', 'labels')).toThrow(
      'ServiceScrape dev/monitoring/api, labels key: got "team-name", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*',
    );
  });

  test('rejects reserved __ label names', () => {
    expect(() => checkLabelName('__address__', 'X', 'labels')).toThrow('expected a label name that does not start with "__"');
  });

  test('rejects non-string label values', () => {
    expect(() => checkLabels({ tier: 1 as unknown as string }, 'X', 'labels')).toThrow('X, labels.tier: got 1, expected a string label value');
  });

  test('rejects an invalid metric name', () => {
    expect(() => checkMetricName('http-requests', 'AlertGroup dev/monitoring/x', 'rules[].record')).toThrow(
      'AlertGroup dev/monitoring/x, rules[].record: got "http-requests", expected a Prometheus metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*',
    );
  });
});
