import { Duration } from '../../lib/model/duration';

describe('Duration', () => {
  test.each([
    ['30s', 30_000, '30s'],
    ['90s', 90_000, '1m30s'],
    ['1h30m', 5_400_000, '1h30m'],
    ['15d', 15 * 86_400_000, '2w1d'],
    ['500ms', 500, '500ms'],
    ['0s', 0, '0s'],
  ])('parses %s', (text, ms, canonical) => {
    const d = Duration.parse(text);
    expect(d.toMilliseconds()).toBe(ms);
    expect(d.toPrometheus()).toBe(canonical);
  });

  test('unit factories render canonically', () => {
    expect(Duration.minutes(5).toPrometheus()).toBe('5m');
    expect(Duration.seconds(90).toPrometheus()).toBe('1m30s');
    expect(Duration.hours(4).toPrometheus()).toBe('4h');
    expect(Duration.days(7).toPrometheus()).toBe('1w');
    expect(Duration.seconds(1.5).toPrometheus()).toBe('1s500ms');
  });

  test.each(['5 m', '5mins', '1m1h', '', '-5m', '5', 'm'])('rejects malformed duration %p with a clear message', (text) => {
    expect(() => Duration.parse(text, 'ServiceScrape dev/monitoring/api', 'interval')).toThrow(
      `ServiceScrape dev/monitoring/api, interval: got ${JSON.stringify(text)}, expected a Prometheus duration such as "30s", "5m", "1h30m" or "15d" (units y, w, d, h, m, s, ms, largest first)`,
    );
  });

  test('a negative or fractional-millisecond factory gives a Duration that carries its error', () => {
    // Reported where it is received, with the construct and the field (Duration.from), and on any use.
    expect(() => Duration.from(Duration.minutes(-1), 'AlertGroup dev/monitoring/api, rule ApiDown', 'for')).toThrow(
      'AlertGroup dev/monitoring/api, rule ApiDown, for: got Duration.minutes(-1), expected a non-negative number that is a whole number of milliseconds',
    );
    expect(() => Duration.minutes(-1).toPrometheus()).toThrow('Duration, m: got Duration.minutes(-1), expected a non-negative number');
    expect(() => Duration.millis(0.5).toMilliseconds()).toThrow('Duration, ms: got Duration.millis(0.5)');
    expect(() => Duration.parse('5 m').toMilliseconds()).toThrow('Duration.parse, text: got "5 m", expected a Prometheus duration');
  });

  test('compares', () => {
    expect(Duration.minutes(1).isLongerThan(Duration.seconds(59))).toBe(true);
    expect(Duration.minutes(1).equals(Duration.seconds(60))).toBe(true);
  });
});
