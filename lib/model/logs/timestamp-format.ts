import { invalid } from '../errors';

/**
 * The named formats the timestamp stage accepts, case-sensitive (Alloy v1.18 loki.process `stage.timestamp`;
 * Promtail 3.6 `timestamp` stage, `convertDateLayout` in clients/pkg/logentry/stages/util.go).
 */
export const NAMED_TIMESTAMP_FORMATS = [
  'ANSIC',
  'UnixDate',
  'RubyDate',
  'RFC822',
  'RFC822Z',
  'RFC850',
  'RFC1123',
  'RFC1123Z',
  'RFC3339',
  'RFC3339Nano',
  'Unix',
  'UnixMs',
  'UnixUs',
  'UnixNs',
] as const;

/** One of {@link NAMED_TIMESTAMP_FORMATS}. */
export type NamedTimestampFormat = (typeof NAMED_TIMESTAMP_FORMATS)[number];

/** Parts of a time a Go layout can hold; a layout that names one part twice cannot be meant. */
type Component = 'year' | 'month' | 'day' | 'yearDay' | 'weekday' | 'hour' | 'minute' | 'second' | 'fraction' | 'zone' | 'ampm';

const EXPECTED =
  `a named format (${NAMED_TIMESTAMP_FORMATS.join(', ')}) or a Go reference layout written with the parts of ` +
  'Mon Jan 2 15:04:05 -0700 MST 2006, such as "2006-01-02 15:04:05" or "02/Jan/2006:15:04:05 -0700"';

/** strftime (`%Y`) and Java/moment (`yyyy`) tokens, with their Go layout parts, to suggest a translation. */
const STRFTIME: Record<string, string> = {
  Y: '2006', y: '06', m: '01', d: '02', e: '_2', H: '15', I: '03', M: '04', S: '05', p: 'PM', b: 'Jan', B: 'January',
  a: 'Mon', A: 'Monday', z: '-0700', Z: 'MST', j: '002', f: '.000000', T: '15:04:05', F: '2006-01-02',
};
const JAVA: [RegExp, string][] = [
  [/yyyy|YYYY|uuuu/g, '2006'],
  [/yy|YY/g, '06'],
  [/MMMM/g, 'January'],
  [/MMM/g, 'Jan'],
  [/MM/g, '01'],
  [/dd|DD/g, '02'],
  [/HH/g, '15'],
  [/hh/g, '03'],
  [/mm/g, '04'],
  [/ss/g, '05'],
  [/SSSSSSSSS/g, '000000000'],
  [/SSSSSS/g, '000000'],
  [/SSS/g, '000'],
  [/XXX|ZZ/g, 'Z07:00'],
  [/'T'/g, 'T'],
];

/**
 * Checks a timestamp stage `format` (or one of its `fallback_formats`): a named format, or a Go reference layout.
 *
 * Go would take any string as a layout and fail on every line at run time, so this rejects what cannot be meant:
 * a named format in the wrong case (`rfc3339`), strftime or Java patterns (`%Y-%m-%d`, `yyyy-MM-dd`, with the Go
 * layout suggested), example dates instead of the reference date (`2023-01-31`), and layouts with no date or time.
 */
export function checkTimestampFormat(format: string, where: string, field: string): void {
  if (typeof format !== 'string' || format.trim() === '') throw invalid(where, field, format, EXPECTED);
  if ((NAMED_TIMESTAMP_FORMATS as readonly string[]).includes(format)) return;
  const named = NAMED_TIMESTAMP_FORMATS.find((n) => n.toLowerCase() === format.toLowerCase());
  if (named) throw invalid(where, field, format, `${EXPECTED}; named formats are case-sensitive: did you mean "${named}"?`);
  if (/^iso[-_ ]?8601$/i.test(format)) throw invalid(where, field, format, `${EXPECTED}; for ISO 8601 timestamps use "RFC3339" (or "RFC3339Nano" with fractions)`);
  if (/^(epoch|timestamp|unix_?(s|ms|us|ns|seconds|millis)?)$/i.test(format)) {
    throw invalid(where, field, format, `${EXPECTED}; for numeric epoch timestamps use "Unix", "UnixMs", "UnixUs" or "UnixNs"`);
  }
  if (/%[a-zA-Z]/.test(format)) {
    const suggestion = format.replace(/%([a-zA-Z])/g, (all, letter: string) => STRFTIME[letter] ?? all);
    throw invalid(where, field, format, `${EXPECTED}; this is a strftime pattern, the Go layout is "${suggestion}"`);
  }
  if (/yyyy|YYYY|yy|dd|DD|HH|hh|mm|ss|SSS/.test(format)) {
    const suggestion = JAVA.reduce((text, [re, go]) => text.replace(re, go), format);
    throw invalid(where, field, format, `${EXPECTED}; this is a Java/moment pattern, the Go layout is "${suggestion}"`);
  }
  const components = layoutComponents(format);
  const seen = new Set<Component>();
  for (const component of components) {
    if (seen.has(component)) {
      throw invalid(where, field, format, `${EXPECTED}; the layout names the ${component} twice, which happens when an example date is written instead of the reference date`);
    }
    seen.add(component);
  }
  const hasDate = (seen.has('month') && seen.has('day')) || seen.has('yearDay');
  const hasTime = seen.has('hour') && seen.has('minute');
  if (!hasDate && !hasTime) {
    throw invalid(where, field, format, `${EXPECTED}; the layout has neither a date (month and day) nor a time (hour and minute)`);
  }
}

/** The layout parts of a Go time layout, in the order Go's time.Parse finds them (a port of `nextStdChunk`). */
export function layoutComponents(layout: string): Component[] {
  const out: Component[] = [];
  let i = 0;
  const at = (s: string): boolean => layout.startsWith(s, i);
  const lowerAfter = (n: number): boolean => /^[a-z]/.test(layout.slice(i + n));
  while (i < layout.length) {
    const c = layout[i];
    let found: [Component, number] | undefined;
    if (c === 'J' && at('January')) found = ['month', 7];
    else if (c === 'J' && at('Jan') && !lowerAfter(3)) found = ['month', 3];
    else if (c === 'M' && at('Monday')) found = ['weekday', 6];
    else if (c === 'M' && at('Mon') && !lowerAfter(3)) found = ['weekday', 3];
    else if (c === 'M' && at('MST')) found = ['zone', 3];
    else if (c === '0' && /^[1-6]$/.test(layout[i + 1] ?? '')) {
      const byDigit: Record<string, Component> = { '1': 'month', '2': 'day', '3': 'hour', '4': 'minute', '5': 'second', '6': 'year' };
      found = [byDigit[layout[i + 1]], 2];
    } else if (c === '0' && at('002')) found = ['yearDay', 3];
    else if (c === '1') found = at('15') ? ['hour', 2] : ['month', 1];
    else if (c === '2') found = at('2006') ? ['year', 4] : ['day', 1];
    else if (c === '_' && at('_2006')) found = ['year', 5];
    else if (c === '_' && at('_2')) found = ['day', 2];
    else if (c === '_' && at('__2')) found = ['yearDay', 3];
    else if (c === '3') found = ['hour', 1];
    else if (c === '4') found = ['minute', 1];
    else if (c === '5') found = ['second', 1];
    else if ((c === 'P' && at('PM')) || (c === 'p' && at('pm'))) found = ['ampm', 2];
    else if (c === '-' && /^-07(:?00(:?00)?)?/.test(layout.slice(i))) found = ['zone', (/^-07(:?00(:?00)?)?/.exec(layout.slice(i)) as RegExpExecArray)[0].length];
    else if (c === 'Z' && /^Z07(:?00(:?00)?)?/.test(layout.slice(i))) found = ['zone', (/^Z07(:?00(:?00)?)?/.exec(layout.slice(i)) as RegExpExecArray)[0].length];
    else if ((c === '.' || c === ',') && /^[.,](0+|9+)(?![0-9])/.test(layout.slice(i))) {
      found = ['fraction', (/^[.,](0+|9+)/.exec(layout.slice(i)) as RegExpExecArray)[0].length];
    }
    if (found) {
      out.push(found[0]);
      i += found[1];
    } else {
      i += 1;
    }
  }
  return out;
}
