import { Duration } from './duration';
import { invalid, missing, unknownReference } from './errors';
import { checkLabelName, checkLabels, LABEL_NAME, METRIC_NAME } from './names';
import { checkPromQL } from './promql';
import { RuleGroupModel } from './rules';

/**
 * Alert unit tests for one rule group, as `promtool test rules` runs them: input series, evaluation times and
 * the alerts (or PromQL results) expected at those times.
 */

/** One input series of a test case. */
export interface InputSeries {
  /**
   * The series in Prometheus' series notation: a metric name and `label="value"` pairs (only `=`),
   * e.g. `http_requests_total{job="api", status_code="500"}`.
   */
  readonly series: string;
  /**
   * The samples, one per `interval`, in promtool's expanding notation: `0+10x30` (0, 10, …, 300),
   * `100-1x5`, `1x10` (eleven 1s), `_` (a missing sample), `_x5`, `stale`, e.g. `1 _x5 stale 0+1x3`.
   */
  readonly values: string;
}

/** An alert expected to be firing. */
export interface ExpectedAlert {
  /**
   * Every label of the firing alert except `alertname`: the labels of the series the expression returned plus
   * the rule's labels (such as `severity`).
   * @default {}
   */
  readonly expLabels?: Readonly<Record<string, string>>;
  /**
   * Every annotation of the firing alert, with templates expanded (promtool compares them exactly).
   * @default {}
   */
  readonly expAnnotations?: Readonly<Record<string, string>>;
}

/** What one alerting rule should be firing at one point in time. */
export interface AlertRuleTest {
  /** Time since the start of the input series, e.g. `10m`. */
  readonly evalTime: Duration | string;
  /** The alerting rule under test; it must be in the group. */
  readonly alertname: string;
  /**
   * The alerts firing at `evalTime` (pending alerts are not listed).
   * @default [] - the rule must not fire
   */
  readonly expAlerts?: readonly ExpectedAlert[];
}

/** A sample a PromQL expression is expected to return. */
export interface ExpectedSample {
  /** The labels of the result in series notation, e.g. `{job="api"}` or `up{job="api"}`. */
  readonly labels: string;
  /** The expected value. */
  readonly value: number;
}

/** What a PromQL expression (for example a recorded series) should return at one point in time. */
export interface PromqlExprTest {
  /** The expression to evaluate. */
  readonly expr: string;
  /** Time since the start of the input series. */
  readonly evalTime: Duration | string;
  /**
   * The samples the expression returns.
   * @default [] - the expression returns nothing
   */
  readonly expSamples?: readonly ExpectedSample[];
}

/** One test case: a set of input series and the expectations checked against them. */
export interface RuleTestCase {
  /**
   * A name promtool prints when the case fails.
   * @default - no name
   */
  readonly name?: string;
  /**
   * Time between two samples of the input series.
   * @default 1m
   */
  readonly interval?: Duration | string;
  /** The input series. */
  readonly inputSeries: readonly InputSeries[];
  /**
   * Expected alerts at given times.
   * @default []
   */
  readonly alertRuleTests?: readonly AlertRuleTest[];
  /**
   * Expected PromQL results at given times.
   * @default []
   */
  readonly promqlExprTests?: readonly PromqlExprTest[];
  /**
   * External labels, for templates that use `$externalLabels`.
   * @default {}
   */
  readonly externalLabels?: Readonly<Record<string, string>>;
  /**
   * External URL, for templates that use `$externalURL`.
   * @default - none
   */
  readonly externalUrl?: string;
}

/** A validated expected alert. */
export interface ExpectedAlertModel {
  /** The labels the firing alert must have (including the rule's own). */
  readonly expLabels: Readonly<Record<string, string>>;
  /** The annotations the firing alert must have, templates expanded. */
  readonly expAnnotations: Readonly<Record<string, string>>;
}

/** A validated alert rule test. */
export interface AlertRuleTestModel {
  /** When the alert is checked, from the start of the input series. */
  readonly evalTime: Duration;
  /** The alert checked. */
  readonly alertname: string;
  /** The alerts expected to fire then; empty means none. */
  readonly expAlerts: readonly ExpectedAlertModel[];
}

/** A validated PromQL expression test. */
export interface PromqlExprTestModel {
  /** The PromQL expression evaluated. */
  readonly expr: string;
  /** When it is evaluated, from the start of the input series. */
  readonly evalTime: Duration;
  /** The samples it must return. */
  readonly expSamples: readonly ExpectedSample[];
}

/** A validated test case. */
export interface RuleTestCaseModel {
  /** The test case name promtool prints. @default - none */
  readonly name?: string;
  /** The spacing of the input series' values. @default - promtool's 1m */
  readonly interval?: Duration;
  /** The series the rules read, in promtool's expanding notation. */
  readonly inputSeries: readonly InputSeries[];
  /** Checks of alerts at given times. */
  readonly alertRuleTests: readonly AlertRuleTestModel[];
  /** Checks of PromQL expressions at given times. */
  readonly promqlExprTests: readonly PromqlExprTestModel[];
  /** External labels the templates see (`$externalLabels`). @default - the environment's */
  readonly externalLabels?: Readonly<Record<string, string>>;
  /** The URL templates see as `$externalURL`. @default - none */
  readonly externalUrl?: string;
}

/** All test cases of one rule group: one promtool test file. */
export interface RuleTestSuiteModel {
  /** Name of the group under test. */
  readonly groupName: string;
  /** The rule file the tests load, relative to the test file (promtool resolves it that way). */
  readonly ruleFile: string;
  /** Rule evaluation interval; undefined means promtool's default (1m). @default - promtool's 1m */
  readonly evaluationInterval?: Duration;
  /** The test cases of the group. */
  readonly cases: readonly RuleTestCaseModel[];
}

/** Options of {@link buildRuleTests}. */
export interface RuleTestSuiteOptions {
  /**
   * How often rules are evaluated; use the environment's evaluation interval so `for` behaves as in production.
   * @default - promtool's default, 1m
   */
  readonly evaluationInterval?: Duration | string;
  /**
   * Path of the rule file as the test file sees it.
   * @default - the group's file name (the test file sits next to it)
   */
  readonly ruleFile?: string;
}

const SERIES_EXAMPLE = `a series such as 'http_requests_total{job="api", status_code="500"}' (a metric name, then only label="value" pairs)`;
const VALUES_EXAMPLE = `promtool series values such as "0+10x30", "100-1x5", "1x10" or "1 _x5 stale" (numbers, a+bxN, a-bxN, axN, _, _xN, stale)`;

/** Result of parsing series notation: the metric name (if any) and the labels, or the reason it is not valid. */
export interface ParsedSeries {
  readonly name?: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Parses Prometheus' series notation (`metric{a="b", c='d'}`) as promtool reads input series and expected
 * samples. Returns the problem as text when the notation is not valid.
 */
export function parseSeries(text: string): ParsedSeries | string {
  if (typeof text !== 'string') return 'not a string';
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const matchAt = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  skipSpace();
  const name = matchAt(new RegExp(METRIC_NAME.source.slice(1, -1), 'y'));
  const labels: Record<string, string> = {};
  skipSpace();
  if (text[i] === '{') {
    i++;
    for (;;) {
      skipSpace();
      if (text[i] === '}') {
        i++;
        break;
      }
      const label = matchAt(new RegExp(LABEL_NAME.source.slice(1, -1), 'y'));
      if (label === undefined) return `a label name was expected at column ${i + 1}`;
      skipSpace();
      if (text[i] !== '=' || text[i + 1] === '~') {
        return `only "=" matchers are allowed in series notation (column ${i + 1})`;
      }
      i++;
      skipSpace();
      const value = matchAt(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`/y);
      if (value === undefined) return `a quoted label value was expected at column ${i + 1}`;
      if (labels[label] !== undefined) return `label "${label}" is given twice`;
      labels[label] = value.startsWith('`') ? value.slice(1, -1) : unquote(value);
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') return `"," or "}" was expected at column ${i + 1}`;
    }
  }
  skipSpace();
  if (i < text.length) return `unexpected text at column ${i + 1}`;
  const metric = name ?? labels.__name__;
  if (name !== undefined && labels.__name__ !== undefined) return 'the metric name is given twice (before the braces and as __name__)';
  return { name: metric, labels };
}

function unquote(quoted: string): string {
  const body = quoted.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c);
}

/**
 * Writes series notation for a metric and labels, e.g. `up{instance="a:9100", job="node"}`
 * (labels in code-point order, values escaped).
 */
export function formatSeries(metric: string | undefined, labels: Readonly<Record<string, string>> = {}): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `${metric ?? ''}{${pairs.join(', ')}}`;
}

const NUMBER = String.raw`[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[iI][nN][fF]|[nN][aA][nN])`;
const FINITE = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const UNSIGNED = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const VALUE_ITEM = new RegExp(String.raw`^(?:_|_x\d+|stale|${NUMBER}|${FINITE}x\d+|${FINITE}[+-]${UNSIGNED}x\d+)$`);

/**
 * Checks promtool's expanding notation for series values. Returns the first item that is not valid, or
 * undefined when all are.
 */
export function findBadValuesItem(values: string): string | undefined {
  if (typeof values !== 'string') return String(values);
  const items = values.trim().split(/\s+/);
  if (items.length === 1 && items[0] === '') return '';
  return items.find((item) => !VALUE_ITEM.test(item));
}

function checkRecord(record: Readonly<Record<string, string>> | undefined, where: string, field: string): void {
  if (record === undefined) return;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw invalid(where, field, record, 'an object of names to string values');
  }
  for (const [key, value] of Object.entries(record)) {
    checkLabelName(key, where, `${field} key`);
    if (typeof value !== 'string') throw invalid(where, `${field}.${key}`, value, 'a string');
  }
}

function checkList<T>(list: readonly T[] | undefined, where: string, field: string, expected: string): readonly T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw invalid(where, field, list, expected);
  return list;
}

function buildInputSeries(input: InputSeries, where: string, field: string): InputSeries {
  if (input === null || typeof input !== 'object') throw invalid(where, field, input, '{ series, values }');
  if (input.series === undefined) throw missing(where, `${field}.series`, SERIES_EXAMPLE);
  const parsed = parseSeries(input.series);
  if (typeof parsed === 'string') throw invalid(where, `${field}.series`, input.series, `${SERIES_EXAMPLE}; ${parsed}`);
  if (parsed.name === undefined) throw invalid(where, `${field}.series`, input.series, `${SERIES_EXAMPLE}; the metric name is missing`);
  if (input.values === undefined) throw missing(where, `${field}.values`, VALUES_EXAMPLE);
  const bad = findBadValuesItem(input.values);
  if (bad !== undefined) {
    const problem = bad === '' ? 'no values are given' : `item ${JSON.stringify(bad)} is not valid`;
    throw invalid(where, `${field}.values`, input.values, `${VALUES_EXAMPLE}; ${problem}`);
  }
  return { series: input.series.trim(), values: input.values.trim().split(/\s+/).join(' ') };
}

function buildAlertTest(test: AlertRuleTest, group: RuleGroupModel, where: string, field: string): AlertRuleTestModel {
  if (test === null || typeof test !== 'object') throw invalid(where, field, test, '{ evalTime, alertname, expAlerts }');
  if (test.evalTime === undefined) throw missing(where, `${field}.evalTime`, 'a duration since the start of the series, such as "10m"');
  const evalTime = Duration.from(test.evalTime, where, `${field}.evalTime`);
  const alerts = group.rules.filter((r) => r.kind === 'alert').map((r) => (r.kind === 'alert' ? r.alert : ''));
  if (!alerts.includes(test.alertname)) {
    throw unknownReference(where, `${field}.alertname`, test.alertname, `alerting rule of group "${group.name}"`, alerts);
  }
  const expAlerts = checkList(test.expAlerts, where, `${field}.expAlerts`, 'a list of { expLabels, expAnnotations }').map(
    (alert, k) => {
      const here = `${field}.expAlerts[${k}]`;
      if (alert === null || typeof alert !== 'object') throw invalid(where, here, alert, '{ expLabels, expAnnotations }');
      checkLabels(alert.expLabels, where, `${here}.expLabels`);
      if (alert.expLabels?.alertname !== undefined) {
        throw invalid(where, `${here}.expLabels.alertname`, alert.expLabels.alertname, 'no alertname label (promtool adds it from `alertname`)');
      }
      checkRecord(alert.expAnnotations, where, `${here}.expAnnotations`);
      return { expLabels: { ...(alert.expLabels ?? {}) }, expAnnotations: { ...(alert.expAnnotations ?? {}) } };
    },
  );
  return { evalTime, alertname: test.alertname, expAlerts };
}

function buildExprTest(test: PromqlExprTest, where: string, field: string): PromqlExprTestModel {
  if (test === null || typeof test !== 'object') throw invalid(where, field, test, '{ expr, evalTime, expSamples }');
  if (test.expr === undefined) throw missing(where, `${field}.expr`, 'a PromQL expression');
  checkPromQL(test.expr, where, `${field}.expr`, { rule: true });
  if (test.evalTime === undefined) throw missing(where, `${field}.evalTime`, 'a duration since the start of the series, such as "10m"');
  const evalTime = Duration.from(test.evalTime, where, `${field}.evalTime`);
  const expSamples = checkList(test.expSamples, where, `${field}.expSamples`, 'a list of { labels, value }').map((sample, k) => {
    const here = `${field}.expSamples[${k}]`;
    if (sample === null || typeof sample !== 'object') throw invalid(where, here, sample, '{ labels, value }');
    const parsed = parseSeries(sample.labels);
    if (typeof parsed === 'string') {
      throw invalid(where, `${here}.labels`, sample.labels, `labels in series notation such as '{job="api"}'; ${parsed}`);
    }
    if (typeof sample.value !== 'number' || !Number.isFinite(sample.value)) {
      throw invalid(where, `${here}.value`, sample.value, 'a finite number');
    }
    return { labels: sample.labels.trim(), value: sample.value };
  });
  return { expr: test.expr, evalTime, expSamples };
}

function buildCase(test: RuleTestCase, group: RuleGroupModel, where: string, field: string): RuleTestCaseModel {
  if (test === null || typeof test !== 'object') throw invalid(where, field, test, 'a test case ({ inputSeries, alertRuleTests, ... })');
  if (test.name !== undefined && (typeof test.name !== 'string' || test.name.trim() === '')) {
    throw invalid(where, `${field}.name`, test.name, 'a non-empty string');
  }
  const here = test.name === undefined ? field : `${field} (${test.name})`;
  const interval = test.interval === undefined ? undefined : Duration.from(test.interval, where, `${here}.interval`);
  if (interval !== undefined && interval.toMilliseconds() === 0) throw invalid(where, `${here}.interval`, test.interval, 'a duration longer than 0s');
  const inputSeries = checkList(test.inputSeries, where, `${here}.inputSeries`, 'a list of { series, values }').map((s, k) =>
    buildInputSeries(s, where, `${here}.inputSeries[${k}]`),
  );
  const alertRuleTests = checkList(test.alertRuleTests, where, `${here}.alertRuleTests`, 'a list of { evalTime, alertname, expAlerts }').map(
    (t, k) => buildAlertTest(t, group, where, `${here}.alertRuleTests[${k}]`),
  );
  const promqlExprTests = checkList(test.promqlExprTests, where, `${here}.promqlExprTests`, 'a list of { expr, evalTime, expSamples }').map(
    (t, k) => buildExprTest(t, where, `${here}.promqlExprTests[${k}]`),
  );
  if (alertRuleTests.length + promqlExprTests.length === 0) {
    throw invalid(where, here, test, 'at least one entry in alertRuleTests or promqlExprTests (a case without expectations tests nothing)');
  }
  checkLabels(test.externalLabels, where, `${here}.externalLabels`);
  if (test.externalUrl !== undefined && (typeof test.externalUrl !== 'string' || !/^https?:\/\/\S+$/.test(test.externalUrl))) {
    throw invalid(where, `${here}.externalUrl`, test.externalUrl, 'an http(s) URL');
  }
  return {
    name: test.name,
    interval,
    inputSeries,
    alertRuleTests,
    promqlExprTests,
    externalLabels: test.externalLabels === undefined ? undefined : { ...test.externalLabels },
    externalUrl: test.externalUrl,
  };
}

/**
 * Validates the test cases of a rule group: series notation, values notation, durations, and that every
 * `alertname` names an alerting rule of the group. `where` names the owner for error messages.
 */
export function buildRuleTests(
  tests: readonly RuleTestCase[],
  group: RuleGroupModel,
  where: string,
  options: RuleTestSuiteOptions = {},
): RuleTestSuiteModel {
  const cases = checkList(tests, where, 'tests', 'a list of test cases').map((t, k) => buildCase(t, group, where, `tests[${k}]`));
  const evaluationInterval =
    options.evaluationInterval === undefined ? undefined : Duration.from(options.evaluationInterval, where, 'evaluationInterval');
  if (evaluationInterval !== undefined && evaluationInterval.toMilliseconds() === 0) {
    throw invalid(where, 'evaluationInterval', options.evaluationInterval, 'a duration longer than 0s');
  }
  if (options.ruleFile !== undefined && (typeof options.ruleFile !== 'string' || options.ruleFile.trim() === '')) {
    throw invalid(where, 'ruleFile', options.ruleFile, 'a relative path to the rule file');
  }
  return { groupName: group.name, ruleFile: options.ruleFile ?? group.fileName, evaluationInterval, cases };
}
