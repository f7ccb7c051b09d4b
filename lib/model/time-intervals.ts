import { invalid } from './errors';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A start–end time of day, `HH:MM` in 24-hour time (`24:00` ends the day). */
export interface TimeRange {
  /** Start, inclusive, e.g. `09:00`. */
  readonly start: string;
  /** End, exclusive, e.g. `17:30`. */
  readonly end: string;
}

/** One period; all given fields must match. Omitted fields match always. */
export interface TimePeriod {
  /** Times of day. @default - all day */
  readonly times?: readonly TimeRange[];
  /** Weekdays or ranges, e.g. `['monday:friday']`. @default - every day */
  readonly weekdays?: readonly string[];
  /** Days of month or ranges; negative counts from the end, e.g. `['1:5', '-1']`. @default - every day */
  readonly daysOfMonth?: readonly string[];
  /** Months (names or 1–12) or ranges, e.g. `['january:march']`. @default - every month */
  readonly months?: readonly string[];
  /** Years or ranges, e.g. `['2026:2027']`. @default - every year */
  readonly years?: readonly string[];
  /** IANA time zone, e.g. `Europe/Berlin`. @default "UTC" */
  readonly location?: string;
}

/** A named set of periods, referenced by routes as mute or active time. */
export interface TimeIntervalOptions {
  /** The name routes use. */
  readonly name: string;
  /** The periods. */
  readonly periods: readonly TimePeriod[];
}

function checkRanges(values: readonly string[] | undefined, where: string, field: string, check: (v: string) => boolean, expected: string): void {
  (values ?? []).forEach((value, i) => {
    const parts = typeof value === 'string' ? value.split(':') : [];
    if (parts.length < 1 || parts.length > 2 || !parts.every(check)) throw invalid(where, `${field}[${i}]`, value, expected);
  });
}

function monthNumber(v: string): number {
  return /^\d+$/.test(v) ? Number(v) : MONTHS.indexOf(v.toLowerCase()) + 1;
}

/** Refuses `start:end` ranges whose end comes before their start, by `rank`. */
function checkOrder(values: readonly string[] | undefined, where: string, field: string, rank: (v: string) => number, expected: string): void {
  (values ?? []).forEach((value, i) => {
    const [start, end] = value.split(':');
    if (end !== undefined && rank(end) < rank(start)) throw invalid(where, `${field}[${i}]`, value, expected);
  });
}

/** Validates a named time interval. */
export function checkTimeInterval(interval: TimeIntervalOptions, where: string, field: string): void {
  if (typeof interval?.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(interval.name)) {
    throw invalid(where, `${field}.name`, interval?.name, 'a name of letters, digits, ".", "_" and "-"');
  }
  if (!Array.isArray(interval.periods) || interval.periods.length === 0) {
    throw invalid(where, `${field}.periods`, interval.periods, 'at least one period');
  }
  interval.periods.forEach((p, i) => {
    const f = `${field}.periods[${i}]`;
    (p.times ?? []).forEach((t: TimeRange, j: number) => {
      const ok = (s: string) => /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(s);
      if (!ok(t.start) || !ok(t.end) || t.start >= t.end) {
        throw invalid(where, `${f}.times[${j}]`, t, 'a range { start: "HH:MM", end: "HH:MM" } with start before end (24:00 allowed as end)');
      }
    });
    checkRanges(p.weekdays, where, `${f}.weekdays`, (v) => WEEKDAYS.includes(v.toLowerCase()), 'a weekday name or range such as "monday:friday"');
    checkRanges(p.daysOfMonth, where, `${f}.daysOfMonth`, (v) => /^-?\d+$/.test(v) && Math.abs(Number(v)) >= 1 && Math.abs(Number(v)) <= 31, 'a day 1..31 (or -31..-1) or a range such as "1:5"');
    checkRanges(p.months, where, `${f}.months`, (v) => MONTHS.includes(v.toLowerCase()) || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 12), 'a month name or 1..12, or a range such as "january:march"');
    checkRanges(p.years, where, `${f}.years`, (v) => /^\d{4}$/.test(v), 'a year or a range such as "2026:2027"');
    // Alertmanager's timeinterval package refuses ranges that end before they start; a negative day of the month
    // counts from the end, so a negative start needs a negative end ("-5:-1"), and "5:-1" runs to the month's end.
    checkOrder(p.weekdays, where, `${f}.weekdays`, (v) => WEEKDAYS.indexOf(v.toLowerCase()), 'a range whose start day comes first in the week (sunday to saturday), e.g. "monday:friday"; for a range across the weekend list two ranges ("friday:saturday", "sunday:monday")');
    checkOrder(p.months, where, `${f}.months`, monthNumber, 'a range whose start month comes first in the year, e.g. "january:march"; for a range across the new year list two ranges');
    checkOrder(p.years, where, `${f}.years`, Number, 'a range whose start year is not after its end year');
    (p.daysOfMonth ?? []).forEach((value: string, i: number) => {
      const [start, end] = value.split(':').map(Number);
      if (end === undefined) return;
      if ((start < 0 && end > 0) || (Math.sign(start) === Math.sign(end) && end < start)) {
        throw invalid(where, `${f}.daysOfMonth[${i}]`, value, 'a range whose end is not before its start ("1:5", "-5:-1", or "25:-1" to the last day); a negative start needs a negative end');
      }
    });
    if (p.location !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: p.location });
      } catch {
        throw invalid(where, `${f}.location`, p.location, 'an IANA time zone such as "Europe/Berlin"');
      }
    }
  });
}
