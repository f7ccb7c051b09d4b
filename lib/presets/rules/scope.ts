import { invalid } from '../../model/errors';
import { checkLabelName, checkLabels, checkMetricName } from '../../model/names';
import { checkRe2, re2ToRegExp } from '../../model/re2';
import { formatSeries } from '../../model/rule-tests';

/** The series a pack looks at: a `job` and optional extra equality matchers. */
export interface ScopeOptions {
  /**
   * The `job` label of the scraped exporter or service.
   * @default - the pack's usual job name
   */
  readonly job?: string;
  /**
   * Extra label matchers (equality) every expression of the pack uses, e.g. `{ environment: 'prod' }`.
   * @default {}
   */
  readonly matchers?: Readonly<Record<string, string>>;
}

/** How a scope over several jobs selects them: `job=~"a|b"` or `job!~"c"` (the jobs' names, regex-escaped). */
export interface JobMatch {
  readonly op: '=' | '=~' | '!~';
  readonly value: string;
}

/** A job matcher for exactly these jobs (`=~` with alternatives, or `!~` to leave them out). */
export function jobsMatch(jobs: readonly string[], op: '=~' | '!~'): JobMatch {
  if (op === '=~' && jobs.length === 1) return { op: '=', value: jobs[0] };
  return { op, value: jobs.map((j) => j.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|') };
}

/**
 * Builds the selectors of a pack's expressions and the labels of its generated test series from one set of
 * equality matchers, so the tests always select what the rules select.
 */
export class Scope {
  /** Validates `job` and `matchers` and returns the scope. */
  public static of(options: ScopeOptions, defaultJob: string, where: string): Scope {
    const job = options.job ?? defaultJob;
    if (typeof job !== 'string' || job.trim() === '') throw invalid(where, 'job', job, 'a non-empty job name');
    checkLabels(options.matchers, where, 'matchers');
    if (options.matchers?.job !== undefined) throw invalid(where, 'matchers.job', options.matchers.job, 'no job matcher (use `job`)');
    return new Scope({ job, ...(options.matchers ?? {}) });
  }

  /**
   * A scope over several jobs: `match` is how the expressions select the job (`job=~"a|b"`, `job!~"c"`, or no job
   * matcher at all for `null`), and `sampleJob` the job the generated test series carry.
   */
  public static forJobs(matchers: Readonly<Record<string, string>>, match: JobMatch | null, sampleJob: string): Scope {
    return new Scope({ ...matchers, job: sampleJob }, match);
  }

  private constructor(
    /** Labels every selected series carries (for a scope over several jobs: with the sample job). */
    public readonly labels: Readonly<Record<string, string>>,
    /** How the job is selected when it is not `job="<labels.job>"`. */
    private readonly jobMatch?: JobMatch | null,
  ) {}

  /** The same selection, with test series of another job. */
  public withSampleJob(job: string): Scope {
    return new Scope({ ...this.labels, job }, this.jobMatch);
  }

  /** The job name. */
  public get job(): string {
    return this.labels.job;
  }

  /** The labels that identify one scrape target: `job`, the matcher labels, and `instance`, plus `extra`. */
  public targetLabels(...extra: string[]): string[] {
    return [...Object.keys(this.labels).sort(), 'instance', ...extra];
  }

  /** `metric{job="…", …, extra…}`; `extra` are further matchers written as PromQL, e.g. `mode="idle"`. */
  public selector(metric: string, ...extra: string[]): string {
    const own = Object.keys(this.labels)
      .sort()
      .filter((name) => name !== 'job' || this.jobMatch !== null)
      .map((name) =>
        name === 'job' && this.jobMatch ? `job${this.jobMatch.op}${JSON.stringify(this.jobMatch.value)}` : `${name}=${JSON.stringify(this.labels[name])}`,
      );
    return `${metric}{${[...own, ...extra].join(',')}}`;
  }

  /** Series notation for a test input series of `metric` carrying the scope's labels and `extra`. */
  public series(metric: string, extra: Readonly<Record<string, string>> = {}): string {
    return formatSeries(metric, { ...this.labels, ...extra });
  }
}

/** Validates a list of label names used in `by (…)` clauses; the list must contain `job`. */
export function checkGroupBy(labels: readonly string[] | undefined, fallback: readonly string[], where: string, field: string): string[] {
  const list = labels ?? fallback;
  if (!Array.isArray(list) || list.length === 0) throw invalid(where, field, list, 'a non-empty list of label names including "job"');
  list.forEach((name, i) => checkLabelName(name, where, `${field}[${i}]`));
  if (!list.includes('job')) throw invalid(where, field, list, 'a list of label names that includes "job"');
  if (new Set(list).size !== list.length) throw invalid(where, field, list, 'label names without repeats');
  return [...list];
}

/** Validates a metric name option. */
export function metricOption(value: string | undefined, fallback: string, where: string, field: string): string {
  const name = value ?? fallback;
  checkMetricName(name, where, field);
  return name;
}

/** Validates a label name option. */
export function labelOption(value: string | undefined, fallback: string, where: string, field: string): string {
  const name = value ?? fallback;
  checkLabelName(name, where, field);
  return name;
}

/** Validates a non-negative number option. */
export function rateOption(value: number | undefined, fallback: number, where: string, field: string): number {
  const n = value ?? fallback;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw invalid(where, field, n, 'a number ≥ 0 (per second)');
  return n;
}

/**
 * A label-value regex as Prometheus 3 applies it: anchored at both ends, and `.` matches any character, newlines
 * too (Prometheus 3.0: "regexp . now matches all characters", #14505).
 */
export function labelValueRegex(regex: string): RegExp {
  return re2ToRegExp(regex, { dotAll: true });
}

/**
 * Validates a regular expression for a label value and picks a value it matches for the generated tests:
 * `example` if given, else the first candidate that matches.
 */
export function regexOption(
  value: string | undefined,
  fallback: string,
  example: string | undefined,
  candidates: readonly string[],
  where: string,
  field: string,
  exampleField: string,
): { regex: string; sample: string } {
  const regex = value ?? fallback;
  // Prometheus compiles it with Go's regexp: RE2, where (?i) works and lookarounds do not.
  checkRe2(regex, where, field, { program: 'Prometheus' });
  const re = labelValueRegex(regex);
  if (example !== undefined) {
    if (typeof example !== 'string' || !re.test(example)) {
      throw invalid(where, exampleField, example, `a label value that ${field} ${JSON.stringify(regex)} matches (used by the generated tests)`);
    }
    return { regex, sample: example };
  }
  const sample = candidates.find((c) => re.test(c));
  if (sample === undefined) {
    throw invalid(where, exampleField, example, `a label value that ${field} ${JSON.stringify(regex)} matches (used by the generated tests)`);
  }
  return { regex, sample };
}

/** `by (a, b)` for PromQL aggregations. */
export function by(labels: readonly string[]): string {
  return `by (${labels.join(', ')})`;
}

/** Labels for the generated test series: the scope's labels plus a made-up value for each other `groupBy` label. */
export function groupLabels(scope: Scope, groupBy: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of groupBy) out[name] = scope.labels[name] ?? `test-${name.replace(/_/g, '-')}`;
  return out;
}
