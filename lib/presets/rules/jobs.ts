import { invalid, MonitoringConfigError } from '../../model/errors';
import { checkLabels } from '../../model/names';
import { AlertingRuleDefinition } from '../../model/rules';
import { RuleTestCase } from '../../model/rule-tests';
import { AlertSpec, buildPack, buildTests, checkOverrides, checkPackOptions, lazyPack, resolveRule, ResolvedRule } from './pack-builder';
import { JobMatch, jobsMatch, Scope } from './scope';
import { RuleOverride, RuleOverrides, RulePack, RulePackOptions } from './types';

/**
 * Options of a pack that covers several jobs with one rule per alert (not one rule per job), and one promtool test
 * file for all of them.
 */
export interface JobsOptions<Name extends string> {
  /**
   * The jobs the pack covers, e.g. `['auth-service', 'chat-service']`: every rule selects them all
   * (`job=~"auth-service|chat-service"`). Instead of `job` or `selector`.
   * @default - the single `job`
   */
  readonly jobs?: readonly string[];
  /**
   * Label matchers (equality) that pick the services instead of naming jobs, e.g. `{ tier: 'backend' }`: the rules
   * cover every job whose series carry these labels, including jobs added later. Instead of `job` or `jobs`.
   * @default - the jobs are named by `job` or `jobs`
   */
  readonly selector?: Readonly<Record<string, string>>;
  /**
   * Per-job changes, by job name and then by rule name, on top of the pack's `overrides`:
   * `{ 'chat-service': { ServiceHighErrorRatio: { threshold: 0.02, severity: Severity.CRITICAL } } }`. Jobs with the
   * same settings share a rule; a job with another threshold gets its own branch of the rule's expression, and one
   * with another `for`, severity or labels its own rule of the same name. Each key must be a job the pack covers.
   * @default {}
   */
  readonly jobOverrides?: Readonly<Record<string, RuleOverrides<Name>>>;
  /**
   * The job the generated tests give the series of a `selector` pack (it must not be a job of `jobOverrides`).
   * @default 'example-service'
   */
  readonly exampleJob?: string;
}

/** Everything a multi-job pack is built from. */
type MultiJobConfig<Name extends string> = JobsOptions<Name> &
  RulePackOptions<Name> & {
    readonly job?: string;
    readonly matchers?: Readonly<Record<string, string>>;
  };

/** True when a pack config asks for the multi-job form (`jobs`, `selector` or `jobOverrides`). */
export function isMultiJob(config: JobsOptions<string>): boolean {
  return config.jobs !== undefined || config.selector !== undefined || config.jobOverrides !== undefined;
}

/** The jobs of one branch of a rule: how the expression selects them, and the jobs the tests give series. */
interface Branch {
  readonly match: JobMatch | null;
  readonly sampleJobs: readonly string[];
  /** The named jobs of the branch (empty for the rest of a selector). */
  readonly jobs: readonly string[];
  readonly override: RuleOverride;
}

function overrideKey(o: RuleOverride): string {
  return JSON.stringify([
    o.disabled === true,
    o.threshold ?? null,
    o.for === undefined ? null : typeof o.for === 'string' ? o.for : o.for.toMilliseconds(),
    o.severity?.value ?? null,
    Object.entries(o.labels ?? {}).sort(),
  ]);
}

function merge(pack: RuleOverride | undefined, job: RuleOverride | undefined): RuleOverride {
  const merged = { ...(pack ?? {}), ...(job ?? {}) } as Record<string, unknown>;
  if (pack?.labels !== undefined || job?.labels !== undefined) merged.labels = { ...(pack?.labels ?? {}), ...(job?.labels ?? {}) };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as RuleOverride;
}

/** Indents every line of `text` by two spaces. */
function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** The longest common prefix of `texts`, cut back to a space outside any `{{ … }}` action. */
function sharedPrefix(texts: readonly string[]): string {
  let n = 0;
  while (texts.every((t) => n < t.length && t[n] === texts[0][n])) n++;
  let prefix = texts[0].slice(0, n);
  prefix = prefix.slice(0, prefix.lastIndexOf(' ') + 1);
  const open = prefix.lastIndexOf('{{');
  if (open >= 0 && prefix.indexOf('}}', open) < 0) prefix = prefix.slice(0, open);
  return prefix;
}

/** The longest common suffix of `texts`, starting at a space outside any `{{ … }}` action. */
function sharedSuffix(texts: readonly string[]): string {
  const reversed = texts.map((t) => [...t].reverse().join(''));
  let n = 0;
  while (reversed.every((t) => n < t.length && t[n] === reversed[0][n])) n++;
  let suffix = texts[0].slice(texts[0].length - n);
  const space = suffix.indexOf(' ');
  suffix = space < 0 ? '' : suffix.slice(space);
  const close = suffix.indexOf('}}');
  if (close >= 0 && suffix.lastIndexOf('{{', close) < 0) suffix = suffix.slice(close + 2);
  return suffix;
}

/**
 * One annotation text per branch → the text, or one whose differing middle is a Go template choosing by
 * `$labels.job`: `…above the {{ if eq $labels.job "auth-service" }}1%{{ else }}5%{{ end }} threshold…`. The first
 * branch (the pack's own settings) is the `else`.
 */
function perJobText(texts: readonly string[], branches: readonly Branch[]): string {
  if (texts.every((t) => t === texts[0])) return texts[0];
  const prefix = sharedPrefix(texts);
  const suffix = sharedSuffix(texts.map((t) => t.slice(prefix.length)));
  const middle = texts.map((t) => t.slice(prefix.length, t.length - suffix.length));
  let out = '';
  for (let k = 1; k < branches.length; k++) {
    out += `{{ ${k === 1 ? 'if' : 'else if'} eq $labels.job ${branches[k].jobs.map((j) => JSON.stringify(j)).join(' ')} }}${middle[k]}`;
  }
  return `${prefix}${out}{{ else }}${middle[0]}{{ end }}${suffix}`;
}

/** A spec whose test data holds the series of every job in `specs` (one spec per sample job). */
function allJobs(specs: readonly AlertSpec[]): AlertSpec {
  if (specs.length === 1) return specs[0];
  const [first] = specs;
  return {
    ...first,
    test: {
      ...first.test,
      firing: (ctx) => {
        const all = specs.map((s) => s.test.firing(ctx));
        return { series: all.flatMap((a) => a.series), alerts: all.flatMap((a) => a.alerts) };
      },
      quiet: (ctx) => {
        const per = specs.map((s) => s.test.quiet(ctx));
        return per[0].map((q, k) => ({ name: q.name, series: per.flatMap((p) => p[k].series) }));
      },
    },
  };
}

/** Validates the job options; returns the named jobs (empty for a selector) and the base matchers. */
function checkJobs(config: MultiJobConfig<string>, where: string): { jobs: string[]; selector: boolean; base: Record<string, string> } {
  const given = (['job', 'jobs', 'selector'] as const).filter((k) => config[k] !== undefined);
  if (given.length !== 1) {
    throw invalid(where, given.length === 0 ? 'jobs' : given.join(' and '), given.length === 0 ? undefined : given.map((k) => config[k]), 'one of job, jobs (several jobs) or selector (label matchers)');
  }
  checkLabels(config.matchers, where, 'matchers');
  if (config.matchers?.job !== undefined) throw invalid(where, 'matchers.job', config.matchers.job, 'no job matcher (use `job` or `jobs`)');
  const base: Record<string, string> = { ...(config.matchers ?? {}) };
  if (config.selector !== undefined) {
    checkLabels(config.selector, where, 'selector');
    if (config.selector === null || Object.keys(config.selector).length === 0) {
      throw invalid(where, 'selector', config.selector, 'label matchers such as { tier: "backend" }');
    }
    if (config.selector.job !== undefined) throw invalid(where, 'selector.job', config.selector.job, 'no job label (name the jobs with `jobs`)');
    for (const [name, value] of Object.entries(config.selector)) {
      if (base[name] !== undefined && base[name] !== value) throw invalid(where, `selector.${name}`, value, `the value of matchers.${name} (${JSON.stringify(base[name])}) or no ${name} here`);
      base[name] = value;
    }
    return { jobs: [], selector: true, base };
  }
  const jobs = config.jobs !== undefined ? config.jobs : [config.job];
  if (!Array.isArray(jobs) || jobs.length === 0) throw invalid(where, 'jobs', jobs, 'a non-empty list of job names');
  jobs.forEach((job, i) => {
    const field = config.jobs !== undefined ? `jobs[${i}]` : 'job';
    if (typeof job !== 'string' || job.trim() === '') throw invalid(where, field, job, 'a non-empty job name');
    if (jobs.indexOf(job) !== i) throw invalid(where, field, job, `a job not listed before (jobs[${jobs.indexOf(job)}])`);
  });
  return { jobs: [...(jobs as string[])], selector: false, base };
}

/**
 * Builds a pack that covers several jobs, or every job a selector picks: one rule per alert and settings, with
 * per-job overrides on top of the pack's, and test cases for every job of every branch.
 * @param makeSpecs the pack's rule specs for one scope (called per branch and per sample job)
 */
export function buildJobsPack<Name extends string>(makeSpecs: (scope: Scope) => readonly AlertSpec<Name>[], config: MultiJobConfig<Name>, where: string): RulePack {
  const { jobs, selector, base } = checkJobs(config, where);
  const exampleJob = config.exampleJob ?? 'example-service';
  if (typeof exampleJob !== 'string' || exampleJob.trim() === '') throw invalid(where, 'exampleJob', exampleJob, 'a non-empty job name');
  const probe = makeSpecs(Scope.forJobs(base, selector ? null : jobsMatch(jobs, '=~'), selector ? exampleJob : jobs[0]));
  const packOverrides = checkPackOptions(probe, config, where);
  const jobOverrides: Record<string, Record<string, RuleOverride>> = {};
  if (config.jobOverrides !== undefined) {
    if (config.jobOverrides === null || typeof config.jobOverrides !== 'object' || Array.isArray(config.jobOverrides)) {
      throw invalid(where, 'jobOverrides', config.jobOverrides, "an object keyed by job name, e.g. { 'chat-service': { ServiceHighErrorRatio: { threshold: 0.02 } } }");
    }
    for (const [job, overrides] of Object.entries(config.jobOverrides)) {
      if (!selector && !jobs.includes(job)) {
        throw new MonitoringConfigError(where, `jobOverrides.${job}`, `got overrides for job ${JSON.stringify(job)}, which this pack does not cover; expected one of its jobs (${jobs.map((j) => JSON.stringify(j)).join(', ')})`);
      }
      if (selector && job === exampleJob) throw invalid(where, 'exampleJob', exampleJob, `a job name that is not a key of jobOverrides (the generated tests give the rest of the selector's jobs this name)`);
      jobOverrides[job] = checkOverrides(probe, overrides, where, `jobOverrides.${job}`);
    }
  }

  const rules: AlertingRuleDefinition[] = [];
  const testBuilders: (() => RuleTestCase[])[] = [];
  probe.forEach((probeSpec, index) => {
    const alert = probeSpec.alert as string;
    const branches = planBranches(alert, jobs, selector, exampleJob, packOverrides[alert], jobOverrides);
    // Branches with one `for`, severity and label set become one rule; their thresholds are branches of its expression.
    const byRule = new Map<string, { branches: Branch[]; resolved: ResolvedRule[]; specs: AlertSpec[] }>();
    for (const branch of branches) {
      const scope = Scope.forJobs(base, branch.match, branch.sampleJobs[0]);
      const spec = makeSpecs(scope)[index];
      const resolved = resolveRule(spec, branch.override, config, where);
      const testSpec = allJobs(branch.sampleJobs.map((job) => makeSpecs(scope.withSampleJob(job))[index]));
      const key = JSON.stringify([resolved.settings.for.toMilliseconds(), resolved.alertLabels.severity, Object.entries(resolved.rule.labels ?? {}).sort()]);
      const entry = byRule.get(key) ?? { branches: [], resolved: [], specs: [] };
      entry.branches.push(branch);
      entry.resolved.push(resolved);
      entry.specs.push(testSpec);
      byRule.set(key, entry);
    }
    // promtool check rules (lint duplicate-rules) refuses two alerting rules with one name and the same labels.
    const labelSets = new Map<string, Branch>();
    for (const entry of byRule.values()) {
      const labels = JSON.stringify(Object.entries(entry.resolved[0].alertLabels).sort());
      const other = labelSets.get(labels);
      if (other !== undefined) {
        const job = entry.branches[0].jobs[0] ?? other.jobs[0];
        throw new MonitoringConfigError(
          where,
          `jobOverrides.${job}.${alert}.for`,
          `gives job ${JSON.stringify(job)} its own \`for\`, so ${alert} becomes two rules with the same labels, which promtool check rules refuses ` +
            '(lint duplicate-rules); expected a severity or labels for that job as well, so its alerts can be told apart',
        );
      }
      labelSets.set(labels, entry.branches[0]);
    }
    const several = branches.length > 1;
    for (const entry of byRule.values()) {
      const [first] = entry.resolved;
      const exprs = entry.resolved.map((r) => r.rule.expr);
      const summary = perJobText(entry.resolved.map((r) => r.annotations.summary), entry.branches);
      const description = perJobText(entry.resolved.map((r) => r.annotations.description), entry.branches);
      rules.push({
        ...first.rule,
        expr: exprs.length === 1 ? exprs[0] : exprs.map((e) => `(\n${indent(e)}\n)`).join('\nor\n'),
        summary,
        description,
      });
      entry.resolved.forEach((resolved, k) => {
        const branch = entry.branches[k];
        const jobsText = branch.jobs.length > 0 ? branch.jobs.join(', ') : `the rest of the selector (${exampleJob})`;
        testBuilders.push(() =>
          buildTests(entry.specs[k], resolved.settings, resolved.alertLabels, resolved.annotations).map((c) => (several ? { ...c, name: `${c.name} [${jobsText}]` } : c)),
        );
      });
    }
  });
  return lazyPack(rules, testBuilders);
}

/**
 * The branches of one alert: jobs grouped by their effective override. For a selector, the first branch is the
 * rest of the selected jobs (`job!~` the others), tested with `exampleJob`; disabled branches are left out.
 */
function planBranches(
  alert: string,
  jobs: readonly string[],
  selector: boolean,
  exampleJob: string,
  packOverride: RuleOverride | undefined,
  jobOverrides: Readonly<Record<string, Record<string, RuleOverride>>>,
): Branch[] {
  const groups = new Map<string, { override: RuleOverride; jobs: string[]; rest: boolean }>();
  if (selector) groups.set(overrideKey(packOverride ?? {}), { override: packOverride ?? {}, jobs: [], rest: true });
  const named = selector ? Object.keys(jobOverrides) : jobs;
  for (const job of named) {
    const override = merge(packOverride, jobOverrides[job]?.[alert]);
    const key = overrideKey(override);
    const group = groups.get(key) ?? { override, jobs: [], rest: false };
    group.jobs.push(job);
    groups.set(key, group);
  }
  // The pack's own settings first: they are the `else` of per-job annotation texts, and read first in the expression.
  const packKey = overrideKey(packOverride ?? {});
  const all = [...groups.entries()].sort(([a], [b]) => Number(b === packKey) - Number(a === packKey)).map(([, g]) => g);
  const branches: Branch[] = [];
  for (const group of all) {
    if (group.override.disabled) continue;
    if (group.rest) {
      const others = all.filter((g) => g !== group).flatMap((g) => g.jobs);
      // The rest is selected by the selector minus the other branches' jobs; a default-settings job listed in
      // jobOverrides (for another rule) stays in the rest and is tested with its own name.
      branches.push({ match: others.length > 0 ? jobsMatch(others, '!~') : null, sampleJobs: [exampleJob, ...group.jobs], jobs: [], override: group.override });
    } else {
      branches.push({ match: jobsMatch(group.jobs, '=~'), sampleJobs: group.jobs, jobs: group.jobs, override: group.override });
    }
  }
  return branches;
}

/**
 * Builds a pack for one job (its `job`, or the pack's usual job) exactly as before, or for several jobs or a selector
 * when `jobs`, `selector` or `jobOverrides` is given.
 */
export function buildScopedPack<Name extends string>(
  makeSpecs: (scope: Scope) => readonly AlertSpec<Name>[],
  config: MultiJobConfig<Name>,
  defaultJob: string,
  where: string,
): RulePack {
  if (!isMultiJob(config)) return buildPack(makeSpecs(Scope.of(config, defaultJob, where)), config, where);
  const named = config.jobs !== undefined || config.selector !== undefined;
  return buildJobsPack(makeSpecs, named ? config : { ...config, job: config.job ?? defaultJob }, where);
}
