import { Testing } from 'cdktf';
import { AlertGroup, DockerHostTarget, Duration, MonitoringStack, Severity } from '../../../lib';
import { Duration as ModelDuration } from '../../../lib/model/duration';
import { GrafanaTarget } from '../../../lib/targets/grafana';
import { RuleGroup } from '../../../lib/providers/grafana/rule-group';
import { grafanaIntervalSeconds, grafanaTemplate } from '../../../lib/targets/grafana/rule-groups';
import { grafanaEnvironment, onlyResource, resourcesOf, synthJson, targetProps, warningsOf } from './helpers';
import { TerraformStack } from 'cdktf';
import { CDKTF_ENGINE } from '../../../lib/engines/cdktf';

describe('GrafanaTarget: AlertGroups as Grafana-managed rule groups', () => {
  const { stack, monitoring } = grafanaEnvironment();
  new AlertGroup(monitoring, 'api-health', {
    rules: [
      {
        alert: 'ApiHighErrorRatio',
        expr: 'sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05',
        for: Duration.minutes(5),
        keepFiringFor: '10m',
        severity: Severity.WARNING,
        labels: { team: 'platform' },
        summary: 'More than 5% of requests fail',
        description: '{{ $value | humanizePercentage }} of requests to {{ $labels.job }} fail (${not_terraform})',
        runbookUrl: 'https://runbooks.example.com/api',
      },
      { record: 'job:http_requests:rate5m', expr: 'sum by (job) (rate(http_requests_total[5m]))' },
    ],
  });
  new AlertGroup(monitoring, 'recording-only', { rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] });
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);

  test('one rule group per AlertGroup with alerting rules, in the alert folder, converted like Grafana\'s importer', () => {
    const group = onlyResource(json, 'grafana_rule_group');
    expect(group).toEqual({
      provider: 'grafana',
      name: 'api-health',
      folder_uid: expect.stringMatching(/^\$\{grafana_folder\.monitoring_grafana_folder-staging-staging-alerts_[0-9A-F]+\.uid\}$/),
      interval_seconds: 30,
      depends_on: [expect.stringMatching(/^grafana_data_source\.monitoring_grafana_data-source-prometheus_[0-9A-F]+$/)],
      rule: [
        {
          name: 'ApiHighErrorRatio',
          condition: 'C',
          for: '5m',
          keep_firing_for: '10m',
          no_data_state: 'OK',
          exec_err_state: 'Error',
          labels: { severity: 'warning', team: 'platform' },
          annotations: {
            description: '{{ $values.A.Value | humanizePercentage }} of requests to {{ $labels.job }} fail ($${not_terraform})',
            runbook_url: 'https://runbooks.example.com/api',
            summary: 'More than 5% of requests fail',
          },
          data: [
            {
              ref_id: 'A',
              datasource_uid: 'prometheus',
              query_type: 'prometheus',
              relative_time_range: { from: 600, to: 0 },
              model:
                '{"datasource":{"type":"prometheus","uid":"prometheus"},' +
                '"expr":"sum by (job) (rate(http_requests_total{code=~\\"5..\\"}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05",' +
                '"instant":true,"range":false,"refId":"A"}',
            },
            {
              ref_id: 'B',
              datasource_uid: '__expr__',
              query_type: 'math',
              relative_time_range: { from: 0, to: 0 },
              model: '{"datasource":{"type":"__expr__","uid":"__expr__"},"expression":"is_number($A) || is_nan($A) || is_inf($A)","refId":"B","type":"math"}',
            },
            {
              ref_id: 'C',
              datasource_uid: '__expr__',
              query_type: 'threshold',
              relative_time_range: { from: 0, to: 0 },
              model:
                '{"conditions":[{"evaluator":{"params":[0],"type":"gt"}}],"datasource":{"type":"__expr__","uid":"__expr__"},' +
                '"expression":"B","refId":"C","type":"threshold"}',
            },
          ],
        },
      ],
    });
    expect(synthesized).toHaveResourceWithProperties(RuleGroup, { name: 'api-health', interval_seconds: 30 });
  });

  test('the models leave out intervalMs and maxDataPoints (the provider strips them) and are valid JSON', () => {
    const data = onlyResource(json, 'grafana_rule_group').rule[0].data;
    for (const stage of data) {
      const model = JSON.parse(stage.model);
      expect(model).not.toHaveProperty('intervalMs');
      expect(model).not.toHaveProperty('maxDataPoints');
      expect(model.refId).toBe(stage.ref_id);
    }
  });

  test('recording rules stay on Prometheus; the alert folder exists once', () => {
    expect(synthesized).not.toMatch(/job:http_requests:rate5m|job:up:sum/);
    expect(resourcesOf(json, 'grafana_folder')).toEqual([{ provider: 'grafana', title: 'staging alerts', uid: 'staging-staging-alerts' }]);
  });

  test('rules added after the group was created land too', () => {
    const { stack: s, monitoring: m } = grafanaEnvironment();
    const group = new AlertGroup(m, 'g', { rules: [{ alert: 'First', expr: 'up == 0' }] });
    group.addRule({ alert: 'Second', expr: 'up == 1' });
    expect(onlyResource(synthJson(s), 'grafana_rule_group').rule.map((r: any) => r.name)).toEqual(['First', 'Second']);
  });

  test('execErrState, missingSeriesEvalsToResolve and alertFolder are configurable', () => {
    const { stack: s, monitoring: m } = grafanaEnvironment({ execErrState: 'OK', missingSeriesEvalsToResolve: 1, alertFolder: 'Alerting', folderUids: { Alerting: 'alerting' } });
    new AlertGroup(m, 'g', { rules: [{ alert: 'Down', expr: 'up == 0' }] });
    const out = synthJson(s);
    expect(onlyResource(out, 'grafana_rule_group').rule[0]).toMatchObject({ exec_err_state: 'OK', missing_series_evals_to_resolve: 1 });
    expect(onlyResource(out, 'grafana_folder')).toMatchObject({ title: 'Alerting', uid: 'alerting' });
  });
});

describe('GrafanaTarget: evaluation intervals', () => {
  test('intervals are rounded up to Grafana\'s 10s tick, with a warning naming the group', () => {
    expect([ModelDuration.seconds(15), ModelDuration.seconds(5), ModelDuration.minutes(1), ModelDuration.parse('1m5s')].map(grafanaIntervalSeconds)).toEqual([20, 10, 60, 70]);
    const { stack, monitoring } = grafanaEnvironment({}, { prometheus: {} });
    new AlertGroup(monitoring, 'default-interval', { rules: [{ alert: 'A', expr: 'up == 0' }] });
    new AlertGroup(monitoring, 'own-interval', { interval: '1m', rules: [{ alert: 'B', expr: 'up == 0' }] });
    const groups = resourcesOf(synthJson(stack), 'grafana_rule_group');
    expect(groups.map((g) => [g.name, g.interval_seconds])).toEqual([
      ['default-interval', 20],
      ['own-interval', 60],
    ]);
    expect(warningsOf(stack)).toContain(
      'AlertGroup test/monitoring/default-interval, interval: Grafana evaluates rule groups on a 10s tick, so the interval 15s becomes 20s in Grafana (Prometheus keeps its own); set an interval that is a multiple of 10s to silence this',
    );
  });

  test('$value becomes $values.A.Value; $values and other variables are left alone', () => {
    expect(grafanaTemplate('{{ $value }} {{ $values.B.Value }} {{ $value | humanize }} {{ $labels.value }}')).toBe(
      '{{ $values.A.Value }} {{ $values.B.Value }} {{ $values.A.Value | humanize }} {{ $labels.value }}',
    );
  });
});

describe('GrafanaTarget: Prometheus and Grafana together', () => {
  const build = (alertRules: boolean) => {
    const stack = new TerraformStack(Testing.app(), 'together');
    const monitoring = new MonitoringStack(stack, 'monitoring', {
      environment: 'staging',
      prometheus: { evaluationInterval: '30s' },
      targets: [new DockerHostTarget({ grafana: false }), new GrafanaTarget(targetProps({ manage: { alertRules } }))],
    });
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'Down', expr: 'up == 0' }] });
    Testing.synth(stack, true);
    return { stack, monitoring };
  };

  test('with Grafana evaluating, Prometheus keeps the rules but sends its alerts to no Alertmanager', () => {
    const { stack, monitoring } = build(true);
    const files = monitoring.renderedFiles();
    expect(files['prometheus/prometheus.yml']).not.toMatch(/alerting:|alertmanagers/);
    expect(files['prometheus/rules/g.yml']).toContain('alert: Down');
    expect(warningsOf(stack).filter((w) => w.includes('GrafanaTarget'))).toEqual([]);
  });

  test('without it, Prometheus sends to the Docker host\'s Alertmanager as before', () => {
    const { monitoring } = build(false);
    expect(monitoring.renderedFiles()['prometheus/prometheus.yml']).toContain('- alertmanager:9093');
  });

  test('another kind of target that may evaluate the rules itself gets a warning', () => {
    const stack = new TerraformStack(Testing.app(), 'other');
    const monitoring = new MonitoringStack(stack, 'monitoring', {
      environment: 'staging',
      prometheus: { evaluationInterval: '30s' },
      targets: [{ kind: 'RulerTarget', engine: CDKTF_ENGINE, bind: () => undefined }, new GrafanaTarget(targetProps())],
    });
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'Down', expr: 'up == 0' }] });
    Testing.synth(stack, true);
    expect(warningsOf(stack)).toContain(
      'GrafanaTarget other/monitoring/grafana: alerting rules are evaluated and notified by Grafana (manage.alertRules); RulerTarget may evaluate and notify the same rules itself, so check that each alert notifies once (or turn manage.alertRules off)',
    );
  });
});
