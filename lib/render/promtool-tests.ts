import { sortedRecord } from '../model/names';
import { AlertRuleTestModel, PromqlExprTestModel, RuleTestCaseModel, RuleTestSuiteModel } from '../model/rule-tests';
import { compact, generatedHeader, toYaml } from './yaml';

function renderAlertTest(test: AlertRuleTestModel): Record<string, unknown> {
  return {
    eval_time: test.evalTime.toPrometheus(),
    alertname: test.alertname,
    exp_alerts: test.expAlerts.map((alert) =>
      compact({
        exp_labels: Object.keys(alert.expLabels).length > 0 ? sortedRecord(alert.expLabels) : undefined,
        exp_annotations: Object.keys(alert.expAnnotations).length > 0 ? sortedRecord(alert.expAnnotations) : undefined,
      }),
    ),
  };
}

function renderExprTest(test: PromqlExprTestModel): Record<string, unknown> {
  return {
    expr: test.expr,
    eval_time: test.evalTime.toPrometheus(),
    exp_samples: test.expSamples.map((sample) => ({ labels: sample.labels, value: sample.value })),
  };
}

/** Renders one test case as a promtool `tests:` entry. */
export function renderTestCase(test: RuleTestCaseModel): Record<string, unknown> {
  return compact({
    name: test.name,
    interval: test.interval?.toPrometheus(),
    external_labels: test.externalLabels && Object.keys(test.externalLabels).length > 0 ? sortedRecord(test.externalLabels) : undefined,
    external_url: test.externalUrl,
    input_series: test.inputSeries.map((s) => ({ series: s.series, values: s.values })),
    alert_rule_test: test.alertRuleTests.length > 0 ? test.alertRuleTests.map(renderAlertTest) : undefined,
    promql_expr_test: test.promqlExprTests.length > 0 ? test.promqlExprTests.map(renderExprTest) : undefined,
  });
}

/**
 * Renders a `promtool test rules` file for one rule group. Place it next to the group's rule file and run
 * `promtool test rules <file>`.
 */
export function renderPromtoolTests(suite: RuleTestSuiteModel): string {
  return toYaml(
    compact({
      rule_files: [suite.ruleFile],
      evaluation_interval: suite.evaluationInterval?.toPrometheus(),
      tests: suite.cases.map(renderTestCase),
    }),
    generatedHeader(`promtool unit tests for rule group "${suite.groupName}"; run: promtool test rules <this file>.`),
  );
}
