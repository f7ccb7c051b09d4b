import { MatcherInput, buildMatchers } from '../../model/matchers';

/**
 * The label matchers a dashboard pack puts into every series selector: the job, the user's extra matchers, and
 * the matchers a panel adds (`code=~"5.."`, `instance=~"$instance"`).
 */
export class Selector {
  /** Builds a selector from a job and extra matchers, checking the matchers' label names and regexes. */
  public static of(job: string | undefined, extra: MatcherInput | undefined, where: string): Selector {
    const matchers = buildMatchers(extra, where, 'selector').map((m) => m.toString());
    return new Selector(job !== undefined ? [`job=${JSON.stringify(job)}`, ...matchers] : matchers);
  }

  private constructor(private readonly matchers: readonly string[]) {}

  /** A selector that also has `more` matchers, e.g. `sel.and('instance=~"$instance"')`. */
  public and(...more: string[]): Selector {
    return new Selector([...this.matchers, ...more]);
  }

  /** `{job="api", code=~"5.."}`, or the empty string when there is no matcher. */
  public braces(...more: string[]): string {
    const all = [...this.matchers, ...more];
    return all.length === 0 ? '' : `{${all.join(', ')}}`;
  }

  /** `metric{job="api", …}`. */
  public of(metric: string, ...more: string[]): string {
    return `${metric}${this.braces(...more)}`;
  }
}

/** `label=~"regex"` with the value quoted for PromQL and LogQL. */
export function re(label: string, regex: string): string {
  return `${label}=~${JSON.stringify(regex)}`;
}

/** `label="value"` with the value quoted for PromQL and LogQL. */
export function eq(label: string, value: string): string {
  return `${label}=${JSON.stringify(value)}`;
}

/** `label!="value"`. */
export function neq(label: string, value: string): string {
  return `${label}!=${JSON.stringify(value)}`;
}

/** `label!~"regex"`. */
export function nre(label: string, regex: string): string {
  return `${label}!~${JSON.stringify(regex)}`;
}

/** `by (a, b)`, or the empty string for no labels. */
export function by(...labels: Array<string | undefined>): string {
  const list = labels.filter((l): l is string => l !== undefined && l !== '');
  return list.length === 0 ? '' : `by (${list.join(', ')}) `;
}

/** `{{a}} {{b}}` legend for the given labels, or `fallback` when there are none. */
export function legendOf(fallback: string, ...labels: Array<string | undefined>): string {
  const list = labels.filter((l): l is string => l !== undefined && l !== '');
  return list.length === 0 ? fallback : list.map((l) => `{{${l}}}`).join(' ');
}
