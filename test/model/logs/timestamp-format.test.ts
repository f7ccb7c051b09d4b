import { NAMED_TIMESTAMP_FORMATS, checkTimestampFormat, layoutComponents } from '../../../lib/model/logs/timestamp-format';

const WHERE = 'LogPipeline dev/monitoring/logs, source "app", stages[1] (timestamp)';
const EXPECTED =
  'a named format (ANSIC, UnixDate, RubyDate, RFC822, RFC822Z, RFC850, RFC1123, RFC1123Z, RFC3339, RFC3339Nano, Unix, UnixMs, UnixUs, UnixNs) ' +
  'or a Go reference layout written with the parts of Mon Jan 2 15:04:05 -0700 MST 2006, such as "2006-01-02 15:04:05" or "02/Jan/2006:15:04:05 -0700"';

describe('checkTimestampFormat', () => {
  test('accepts every named format and common Go layouts', () => {
    for (const format of NAMED_TIMESTAMP_FORMATS) expect(() => checkTimestampFormat(format, 'X', 'format')).not.toThrow();
    for (const layout of ['2006-01-02 15:04:05', '2006-01-02T15:04:05.000Z07:00', '02/Jan/2006:15:04:05 -0700', 'Jan _2 15:04:05', '15:04:05.000', '2006-01-02', '2006-01-02 15:04:05,000']) {
      expect(() => checkTimestampFormat(layout, 'X', 'format')).not.toThrow();
    }
  });

  test('rejects an unknown named format', () => {
    expect(() => checkTimestampFormat('ISO8601', WHERE, 'format')).toThrow(
      `${WHERE}, format: got "ISO8601", expected ${EXPECTED}; for ISO 8601 timestamps use "RFC3339" (or "RFC3339Nano" with fractions)`,
    );
    expect(() => checkTimestampFormat('rfc3339nano', WHERE, 'format')).toThrow(
      `${WHERE}, format: got "rfc3339nano", expected ${EXPECTED}; named formats are case-sensitive: did you mean "RFC3339Nano"?`,
    );
    expect(() => checkTimestampFormat('epoch', 'X', 'format')).toThrow('for numeric epoch timestamps use "Unix", "UnixMs", "UnixUs" or "UnixNs"');
    expect(() => checkTimestampFormat('whenever', 'X', 'format')).toThrow('the layout has neither a date (month and day) nor a time (hour and minute)');
  });

  test('rejects strftime and Java patterns, suggesting the Go layout', () => {
    expect(() => checkTimestampFormat('%Y-%m-%d %H:%M:%S', WHERE, 'format')).toThrow(
      `${WHERE}, format: got "%Y-%m-%d %H:%M:%S", expected ${EXPECTED}; this is a strftime pattern, the Go layout is "2006-01-02 15:04:05"`,
    );
    expect(() => checkTimestampFormat("yyyy-MM-dd'T'HH:mm:ss.SSS", 'X', 'format')).toThrow('this is a Java/moment pattern, the Go layout is "2006-01-02T15:04:05.000"');
  });

  test('rejects an example date written instead of the reference date', () => {
    expect(() => checkTimestampFormat('2023-01-31 10:00:00', 'X', 'format')).toThrow('the layout names the day twice, which happens when an example date is written instead of the reference date');
  });

  test('layoutComponents follows Go\'s layout tokens', () => {
    expect(layoutComponents('Mon Jan _2 15:04:05.000 MST 2006')).toEqual(['weekday', 'month', 'day', 'hour', 'minute', 'second', 'fraction', 'zone', 'year']);
    expect(layoutComponents('2006-01-02T15:04:05Z07:00')).toEqual(['year', 'month', 'day', 'hour', 'minute', 'second', 'zone']);
  });
});
