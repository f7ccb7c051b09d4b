import * as path from 'path';
import { Duration, ServiceLevelObjective, SloIndicator } from '../../lib';
import { RuleTestCase } from '../../lib/model/rule-tests';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';

const labels = { slo: 'api-availability', service: 'api' };
const fastAnnotations = {
  summary: 'api burns its error budget fast (SLO api-availability: 99.9% successful events)',
  description: 'At the current error rate the 30-day budget of api-availability is gone in days, not weeks. Error ratio over the long window: 5%.',
};
const slowAnnotations = {
  summary: 'api burns its error budget slowly (SLO api-availability: 99.9% successful events)',
  description: 'The error budget of api-availability is being spent faster than it refills; look at it this week.',
};

// Requests per minute in the input series: 100 requests/s in total, with a given share of errors.
const traffic = (errorShare: number, minutes: number, perSecond = 100): RuleTestCase['inputSeries'] => [
  { series: 'http_requests_total{job="api", code="200"}', values: `0+${perSecond * 60 * (1 - errorShare)}x${minutes}` },
  { series: 'http_requests_total{job="api", code="500"}', values: `0+${perSecond * 60 * errorShare}x${minutes}` },
];

const tests: RuleTestCase[] = [
  {
    // the slow-burn condition holds too: route it under an inhibit rule (critical mutes warning, equal: slo)
    name: 'a fast burn (5% errors against a 0.1% budget) pages within minutes',
    interval: '1m',
    inputSeries: traffic(0.05, 120),
    alertRuleTests: [
      { evalTime: '70m', alertname: 'ApiAvailabilityErrorBudgetFastBurn', expAlerts: [{ expLabels: { ...labels, severity: 'critical' }, expAnnotations: fastAnnotations }] },
      { evalTime: '6m', alertname: 'ApiAvailabilityErrorBudgetFastBurn', expAlerts: [{ expLabels: { ...labels, severity: 'critical' }, expAnnotations: fastAnnotations }] },
      { evalTime: '6m', alertname: 'ApiAvailabilityErrorBudgetSlowBurn' },
    ],
  },
  {
    name: 'a slow burn (0.4% errors) opens a ticket but does not page',
    interval: '10m',
    inputSeries: traffic(0.004, 160),
    alertRuleTests: [
      { evalTime: '25h', alertname: 'ApiAvailabilityErrorBudgetFastBurn' },
      { evalTime: '25h', alertname: 'ApiAvailabilityErrorBudgetSlowBurn', expAlerts: [{ expLabels: { ...labels, severity: 'warning' }, expAnnotations: slowAnnotations }] },
    ],
  },
  {
    name: 'a quiet service (0.05 requests/s) does not page on its few failed requests',
    interval: '1m',
    inputSeries: traffic(0.5, 120, 0.05),
    alertRuleTests: [{ evalTime: '70m', alertname: 'ApiAvailabilityErrorBudgetFastBurn' }],
  },
];

describe('ServiceLevelObjective', () => {
  const { monitoring } = dockerEnvironment({ prometheus: { evaluationInterval: Duration.minutes(1) } });
  const slo = new ServiceLevelObjective(monitoring, 'api-availability', {
    service: 'api',
    objective: 0.999,
    indicator: SloIndicator.availability({ errors: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}' }),
    tests,
  });
  const files = monitoring.renderedFiles();

  test('renders recording rules for every window and the two burn-rate alerts', () => {
    const rules = files['prometheus/rules/slo-api-availability.yml'];
    for (const w of ['5m', '30m', '1h', '2h', '6h', '1d', '3d']) expect(rules).toContain(`record: slo:sli_error:ratio_rate${w}`);
    expect(slo.alertGroup.group.rules.filter((r) => r.kind === 'alert').map((r) => (r as { alert: string }).alert)).toEqual([
      'ApiAvailabilityErrorBudgetFastBurn',
      'ApiAvailabilityErrorBudgetSlowBurn',
    ]);
    expect(rules).toContain(`      - alert: ApiAvailabilityErrorBudgetFastBurn
        expr: |-
          (
          (
            slo:sli_error:ratio_rate1h{slo="api-availability"} > 0.0144
            and
            slo:sli_error:ratio_rate5m{slo="api-availability"} > 0.0144
          )
          or
          (
            slo:sli_error:ratio_rate6h{slo="api-availability"} > 0.006
            and
            slo:sli_error:ratio_rate30m{slo="api-availability"} > 0.006
          )
          )
          and on (slo) slo:sli_events:rate1h{slo="api-availability"} >= 0.1
`);
  });

  test('promtool: a fast burn pages, a slow burn tickets, a quiet service stays quiet', () => {
    const dir = writeTempFiles(files);
    const check = runTool('promtool', ['check', 'rules', path.join(dir, 'prometheus/rules/slo-api-availability.yml')]);
    expect(check.status).toBe(0);
    const result = runTool('promtool', ['test', 'rules', 'tests/slo-api-availability.test.yml'], dir);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('bad input is refused', () => {
    const env = dockerEnvironment();
    const indicator = SloIndicator.probe({ selector: '{job="api-probe"}' });
    expect(() => new ServiceLevelObjective(env.monitoring, 's1', { service: 'api', objective: 99.9, indicator })).toThrow(
      'ServiceLevelObjective test/monitoring/s1, objective: got 99.9, expected a fraction between 0 and 1 such as 0.999 (99.9%)',
    );
    expect(() =>
      new ServiceLevelObjective(env.monitoring, 's2', { service: 'api', objective: 0.99, indicator: SloIndicator.availability({ errors: 'x{', total: 'y' }) }),
    ).toThrow('ServiceLevelObjective test/monitoring/s2, indicator.errors: PromQL parse error');
  });

  test('latency and probe indicators build valid rules', () => {
    const env = dockerEnvironment();
    new ServiceLevelObjective(env.monitoring, 'api-latency', {
      service: 'api',
      objective: 0.99,
      indicator: SloIndicator.latency({ histogram: 'http_request_duration_seconds', selector: '{job="api"}', threshold: 0.3 }),
    });
    new ServiceLevelObjective(env.monitoring, 'api-probe', { service: 'api', objective: 0.995, indicator: SloIndicator.probe({ selector: '{job="api-probe"}' }) });
    const out = env.monitoring.renderedFiles();
    expect(out['prometheus/rules/slo-api-latency.yml']).toContain('1 - (sum(rate(http_request_duration_seconds_bucket{job="api",le="0.3"}[5m])) / sum(rate(http_request_duration_seconds_count{job="api"}[5m])))');
    expect(out['prometheus/rules/slo-api-probe.yml']).not.toContain('sli_events');
    const dir = writeTempFiles(out);
    const check = runTool('promtool', ['check', 'rules', path.join(dir, 'prometheus/rules/slo-api-latency.yml'), path.join(dir, 'prometheus/rules/slo-api-probe.yml')]);
    expect(check.status).toBe(0);
  });
});
