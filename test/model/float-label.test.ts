import { prometheusFloatLabel } from '../../lib/model/float-label';
import { SloIndicator } from '../../lib/model/slo';

describe('prometheusFloatLabel: le and quantile values as Prometheus 3 writes them (FormatOpenMetricsFloat)', () => {
  test.each([
    [1, '1.0'],
    [0, '0.0'],
    [-1, '-1.0'],
    [0.3, '0.3'],
    [2.5, '2.5'],
    [0.005, '0.005'],
    [10, '10.0'],
    [100000, '100000.0'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [Infinity, '+Inf'],
    [NaN, 'NaN'],
  ])('%p → %s', (value, text) => {
    expect(prometheusFloatLabel(value)).toBe(text);
  });

  test('a latency SLO with a whole-second threshold selects le="1.0", the bucket Prometheus 3 stores', () => {
    const indicator = SloIndicator.latency({ histogram: 'http_request_duration_seconds', selector: '{job="api"}', threshold: 1 });
    expect(indicator.selectors[0]).toBe('http_request_duration_seconds_bucket{job="api",le="1.0"}');
  });
});
