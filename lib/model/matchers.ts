import { invalid } from './errors';
import { checkLabelName } from './names';
import { checkRe2 } from './re2';

/** The four Alertmanager matcher operators. */
export type MatchOperator = '=' | '!=' | '=~' | '!~';

/**
 * One label matcher, as Alertmanager's `matchers:` lists and inhibit rules use them.
 * `Matcher.eq('severity', 'critical')` renders as `severity="critical"`.
 */
export class Matcher {
  /** label equals value. */
  public static eq(label: string, value: string): Matcher {
    return new Matcher(label, '=', value);
  }
  /** label does not equal value. */
  public static neq(label: string, value: string): Matcher {
    return new Matcher(label, '!=', value);
  }
  /** label matches the (fully anchored) regular expression. */
  public static re(label: string, regex: string): Matcher {
    return new Matcher(label, '=~', regex);
  }
  /** label does not match the (fully anchored) regular expression. */
  public static nre(label: string, regex: string): Matcher {
    return new Matcher(label, '!~', regex);
  }

  private constructor(
    /** The label the matcher tests. */
    public readonly label: string,
    /** `=`, `!=`, `=~` or `!~`. */
    public readonly operator: MatchOperator,
    /** The value, or for `=~`/`!~` the regular expression (anchored, RE2). */
    public readonly value: string,
  ) {}

  /** Checks label name and, for regex operators, that the value is RE2 (what Alertmanager compiles). */
  public validate(where: string, field: string): void {
    checkLabelName(this.label, where, `${field}.label`);
    if (typeof this.value !== 'string') throw invalid(where, `${field}.value`, this.value, 'a string');
    // Alertmanager compiles the value with Go's regexp as `^(?:value)$`: RE2, not JavaScript.
    if (this.operator === '=~' || this.operator === '!~') checkRe2(this.value, where, `${field}.value`, { program: 'Alertmanager', allowEmpty: true });
  }

  /** Alertmanager text form: `label="value"`, with the value quoted and escaped. */
  public toString(): string {
    return `${this.label}${this.operator}${JSON.stringify(this.value)}`;
  }
}

/** Matchers given as a list, or as `{ label: value }` for plain equality. */
export type MatcherInput = readonly Matcher[] | Readonly<Record<string, string>>;

/** Normalizes and validates matcher input. */
export function buildMatchers(input: MatcherInput | undefined, where: string, field: string): Matcher[] {
  if (input === undefined) return [];
  const list = Array.isArray(input)
    ? [...(input as readonly Matcher[])]
    : Object.keys(input as Record<string, string>)
        .sort()
        .map((label) => Matcher.eq(label, (input as Record<string, string>)[label]));
  list.forEach((m, i) => {
    if (!(m instanceof Matcher)) throw invalid(where, `${field}[${i}]`, m, 'a Matcher such as Matcher.eq("severity", "critical")');
    m.validate(where, `${field}[${i}]`);
  });
  return list;
}
