import { Duration } from '../../model/duration';
import { invalid, unknownReference } from '../../model/errors';
import { checkLabels } from '../../model/names';
import { AlertRuleTest, InputSeries, RuleTestCase } from '../../model/rule-tests';
import { AlertingRuleDefinition } from '../../model/rules';
import { checkSeverity, Severity } from '../../model/severity';
import { expandAll } from './alert-template';
import { checkRunbookUrlPattern, runbookUrl } from './runbook';
import { RuleOverride, RulePack, RulePackOptions } from './types';

/** How a rule's threshold is checked: a ratio in (0, 1), a number > 0, ≥ 0, or a whole number ≥ 0. */
export type ThresholdKind = 'ratio' | 'positive' | 'nonNegative' | 'wholeNumber';

/** A rule's threshold: its default and what values make sense. */
export interface ThresholdSpec {
  readonly default: number;
  readonly kind: ThresholdKind;
}

/** The effective settings of one rule after overrides. */
export interface RuleSettings {
  /** The threshold (0 for rules that have none). */
  readonly threshold: number;
  /** How long the condition must hold. */
  readonly for: Duration;
}

/** What a test data builder gets: the rule's settings and how many sample steps the series must span. */
export interface ScenarioContext extends RuleSettings {
  /** The series need `steps + 1` samples (`…x<steps>` in values notation). */
  readonly steps: number;
  /** Seconds between two samples. */
  readonly intervalSeconds: number;
  /** Seconds from the start to the evaluation that expects the alert firing. */
  readonly evalSeconds: number;
}

/** An alert the firing data must produce: the labels of the series the expression returns, and its value. */
export interface FiringAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Input data that makes the rule fire. */
export interface FiringScenario {
  readonly series: readonly InputSeries[];
  readonly alerts: readonly FiringAlert[];
}

/** Input data on which the rule must stay quiet, with a name saying why (`healthy`, `low traffic`). */
export interface QuietScenario {
  readonly name: string;
  readonly series: readonly InputSeries[];
}

/** How to test a rule. */
export interface ScenarioSpec {
  /** Time between samples, fixed or depending on the rule's settings. Defaults to 1m. */
  readonly interval?: Duration | ((s: RuleSettings) => Duration);
  /**
   * Time from the start after which the firing data makes the expression true (e.g. its rate window); fixed, or
   * depending on the rule's settings and the sample interval.
   */
  readonly warmup: Duration | ((s: RuleSettings, interval: Duration) => Duration);
  /** Data on which the rule fires, and the alerts it must produce. */
  readonly firing: (ctx: ScenarioContext) => FiringScenario;
  /** Data sets on which the rule must stay quiet. */
  readonly quiet: (ctx: ScenarioContext) => readonly QuietScenario[];
}

/** One alerting rule of a pack, with its defaults and test data. */
export interface AlertSpec<Name extends string = string> {
  /** The alert name, one of the pack's rule names. */
  readonly alert: Name;
  /** The default severity. */
  readonly severity: Severity;
  /** The default `for`; undefined fires on the first evaluation. */
  readonly for?: Duration;
  /** The default threshold; rules without one refuse a threshold override. */
  readonly threshold?: ThresholdSpec;
  /** The expression for the effective settings. */
  readonly expr: (s: RuleSettings) => string;
  /** The `summary` annotation (a template) for the effective settings. */
  readonly summary: (s: RuleSettings) => string;
  /** The `description` annotation (a template) for the effective settings. */
  readonly description: (s: RuleSettings) => string;
  /** How to test the rule. */
  readonly test: ScenarioSpec;
}

const OVERRIDE_KEYS: readonly (keyof RuleOverride)[] = ['disabled', 'threshold', 'for', 'severity', 'labels'];

const THRESHOLD_EXPECTED: Record<ThresholdKind, string> = {
  ratio: 'a ratio between 0 and 1 (exclusive), e.g. 0.05 for 5%',
  positive: 'a number greater than 0',
  nonNegative: 'a number ≥ 0',
  wholeNumber: 'a whole number ≥ 0',
};

function thresholdOk(value: number, kind: ThresholdKind): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  switch (kind) {
    case 'ratio':
      return value > 0 && value < 1;
    case 'positive':
      return value > 0;
    case 'nonNegative':
      return value >= 0;
    case 'wholeNumber':
      return Number.isInteger(value) && value >= 0;
  }
}

function checkNoReservedLabels(labels: Readonly<Record<string, string>> | undefined, where: string, field: string): void {
  for (const reserved of ['severity', 'alertname']) {
    if (labels?.[reserved] !== undefined) {
      throw invalid(where, `${field}.${reserved}`, labels[reserved], reserved === 'severity' ? 'no severity label here; set `severity` instead' : 'no alertname label (Prometheus sets it)');
    }
  }
}

/** Validates a pack's per-rule overrides (`field` is where they were given) and returns them by rule name. */
export function checkOverrides<Name extends string>(specs: readonly AlertSpec<Name>[], overrides: unknown, where: string, at = 'overrides'): Record<string, RuleOverride> {
  if (overrides === undefined) return {};
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw invalid(where, at, overrides, 'an object keyed by rule name, e.g. { HostDiskAlmostFull: { threshold: 0.05 } }');
  }
  const names = specs.map((s) => s.alert as string);
  for (const [name, override] of Object.entries(overrides as Record<string, RuleOverride>)) {
    const spec = specs.find((s) => s.alert === name);
    if (spec === undefined) throw unknownReference(where, `${at}.${name}`, name, 'rule of this pack', names);
    const field = `${at}.${name}`;
    if (override === null || typeof override !== 'object' || Array.isArray(override)) {
      throw invalid(where, field, override, '{ disabled?, threshold?, for?, severity?, labels? }');
    }
    for (const key of Object.keys(override)) {
      if (!OVERRIDE_KEYS.includes(key as keyof RuleOverride)) {
        throw invalid(where, `${field}.${key}`, (override as Record<string, unknown>)[key], `one of the override fields ${OVERRIDE_KEYS.join(', ')}`);
      }
    }
    if (override.disabled !== undefined && typeof override.disabled !== 'boolean') {
      throw invalid(where, `${field}.disabled`, override.disabled, 'true or false');
    }
    if (override.threshold !== undefined) {
      if (spec.threshold === undefined) throw invalid(where, `${field}.threshold`, override.threshold, `nothing: rule ${name} has no threshold`);
      if (!thresholdOk(override.threshold, spec.threshold.kind)) {
        throw invalid(where, `${field}.threshold`, override.threshold, THRESHOLD_EXPECTED[spec.threshold.kind]);
      }
    }
    if (override.for !== undefined) Duration.from(override.for, where, `${field}.for`);
    if (override.severity !== undefined && !(override.severity instanceof Severity)) {
      throw invalid(where, `${field}.severity`, override.severity, 'a Severity such as Severity.CRITICAL or Severity.of("page")');
    }
    checkSeverity(override.severity, where, `${field}.severity`);
    checkLabels(override.labels, where, `${field}.labels`);
    checkNoReservedLabels(override.labels, where, `${field}.labels`);
  }
  return overrides as Record<string, RuleOverride>;
}

function ceilDiv(a: number, b: number): number {
  return Math.ceil(a / b - 1e-9);
}

/** The promtool test cases of one rule: one firing case (with a pending check) and its quiet cases. */
export function buildTests(
  spec: AlertSpec,
  settings: RuleSettings,
  ruleLabels: Readonly<Record<string, string>>,
  annotations: Readonly<Record<string, string>>,
): RuleTestCase[] {
  const given = spec.test.interval ?? Duration.minutes(1);
  const interval = given instanceof Duration ? given : given(settings);
  const warmup = spec.test.warmup instanceof Duration ? spec.test.warmup : spec.test.warmup(settings, interval);
  const evalMs = warmup.toMilliseconds() + settings.for.toMilliseconds() + interval.toMilliseconds();
  const ctx: ScenarioContext = {
    ...settings,
    steps: ceilDiv(evalMs, interval.toMilliseconds()) + 1,
    intervalSeconds: interval.toSeconds(),
    evalSeconds: evalMs / 1000,
  };
  const evalTime = Duration.millis(evalMs);
  const firing = spec.test.firing(ctx);
  const checks: AlertRuleTest[] = [];
  const pendingMs = settings.for.toMilliseconds() - interval.toMilliseconds();
  if (pendingMs > 0) checks.push({ evalTime: Duration.millis(pendingMs), alertname: spec.alert, expAlerts: [] });
  checks.push({
    evalTime,
    alertname: spec.alert,
    expAlerts: firing.alerts.map((alert) => ({
      expLabels: { ...alert.labels, ...expandAll(ruleLabels, alert) },
      expAnnotations: expandAll(annotations, alert),
    })),
  });
  const cases: RuleTestCase[] = [
    {
      name: `${spec.alert} fires${pendingMs > 0 ? ` (and not before ${settings.for.toPrometheus()})` : ''}`,
      interval,
      inputSeries: firing.series,
      alertRuleTests: checks,
    },
  ];
  for (const quiet of spec.test.quiet(ctx)) {
    cases.push({
      name: `${spec.alert} stays quiet: ${quiet.name}`,
      interval,
      inputSeries: quiet.series,
      alertRuleTests: [{ evalTime, alertname: spec.alert, expAlerts: [] }],
    });
  }
  return cases;
}

/** A rule of a pack with its overrides applied: the rule, and what its tests need. */
export interface ResolvedRule {
  readonly rule: AlertingRuleDefinition;
  readonly settings: RuleSettings;
  /** The rule's labels with `severity`, as the alerts carry them. */
  readonly alertLabels: Readonly<Record<string, string>>;
  /** summary, description and runbook_url. */
  readonly annotations: Readonly<Record<string, string>>;
}

/** Applies one (already checked) override to a rule spec. */
export function resolveRule(spec: AlertSpec, override: RuleOverride, options: RulePackOptions<string>, where: string, field = 'overrides'): ResolvedRule {
  const settings: RuleSettings = {
    threshold: override.threshold ?? spec.threshold?.default ?? 0,
    for: override.for === undefined ? (spec.for ?? Duration.seconds(0)) : Duration.from(override.for, where, `${field}.${spec.alert}.for`),
  };
  const severity = override.severity ?? spec.severity;
  const labels = { ...(options.labels ?? {}), ...(override.labels ?? {}) };
  const annotations = {
    summary: spec.summary(settings),
    description: spec.description(settings),
    runbook_url: runbookUrl(options.runbookUrlPattern, spec.alert),
  };
  return {
    rule: {
      alert: spec.alert,
      expr: spec.expr(settings),
      for: settings.for.toMilliseconds() > 0 ? settings.for : undefined,
      severity,
      summary: annotations.summary,
      description: annotations.description,
      runbookUrl: annotations.runbook_url,
      labels: Object.keys(labels).length > 0 ? labels : undefined,
    },
    settings,
    alertLabels: { ...labels, severity: severity.value },
    annotations,
  };
}

/** Validates the options every pack takes (runbook pattern, labels) and returns its checked overrides. */
export function checkPackOptions<Name extends string>(specs: readonly AlertSpec<Name>[], options: RulePackOptions<Name>, where: string): Record<string, RuleOverride> {
  if (options === null || typeof options !== 'object') throw invalid(where, 'config', options, 'a config object');
  checkRunbookUrlPattern(options.runbookUrlPattern, where, 'runbookUrlPattern');
  checkLabels(options.labels, where, 'labels');
  checkNoReservedLabels(options.labels, where, 'labels');
  return checkOverrides(specs, options.overrides, where);
}

/**
 * A pack of `rules` whose test cases are built on first use: a pack used only for its rules (one per service, in
 * large environments) does not pay for them. Enumerable, so `{ ...pack }` and AlertGroup props see them as a
 * plain field.
 */
export function lazyPack(rules: AlertingRuleDefinition[], testBuilders: readonly (() => RuleTestCase[])[]): RulePack {
  let tests: RuleTestCase[] | undefined;
  const pack = { rules } as { rules: AlertingRuleDefinition[]; tests: readonly RuleTestCase[] };
  Object.defineProperty(pack, 'tests', {
    enumerable: true,
    get: () => (tests ??= testBuilders.flatMap((build) => build())),
  });
  return pack;
}

/**
 * Builds a rule pack: applies the options and per-rule overrides to the pack's rule specs and returns the
 * rules together with their generated promtool test cases.
 */
export function buildPack<Name extends string>(specs: readonly AlertSpec<Name>[], options: RulePackOptions<Name>, where: string): RulePack {
  const overrides = checkPackOptions(specs, options, where);
  const rules: AlertingRuleDefinition[] = [];
  const testBuilders: (() => RuleTestCase[])[] = [];
  for (const spec of specs) {
    const override = overrides[spec.alert] ?? {};
    if (override.disabled) continue;
    const resolved = resolveRule(spec, override, options, where);
    rules.push(resolved.rule);
    testBuilders.push(() => buildTests(spec, resolved.settings, resolved.alertLabels, resolved.annotations));
  }
  return lazyPack(rules, testBuilders);
}
