import * as path from 'path';
import { parse } from 'yaml';
import { AlertGroup, DockerHostTarget, LogPipeline, LogSource, Severity } from '../../lib';
import { bindTarget, uploadsOf, dockerEnvironment, synthJson } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';

// Format checked against Grafana's "Use configuration files to provision alerting resources" documentation
// (apiVersion 1: groups[].rules[] with uid, title, condition, data[], noDataState, execErrState, for; contactPoints[]
// with receivers[] of type prometheus-alertmanager and settings.url; policies[] with receiver and group_by).
describe('DockerHostTarget with Grafana-managed alerting', () => {
  const { stack, monitoring } = dockerEnvironment({}, { grafanaManagedAlerts: true });
  new AlertGroup(monitoring, 'api-health', {
    rules: [
      { alert: 'ApiDown', expr: 'up{job="api"} == 0', for: '2m', severity: Severity.CRITICAL, summary: 'API down', description: 'value {{ $value }}' },
      { record: 'job:up:sum', expr: 'sum by (job) (up)' },
    ],
  });
  new LogPipeline(monitoring, 'logs', { sources: [LogSource.dockerContainers()], dashboard: false });
  new AlertGroup(monitoring, 'log-alerts', { evaluator: 'loki', rules: [{ alert: 'ErrorBurst', expr: 'sum(count_over_time({level="error"}[5m])) > 20' }] });
  const json = synthJson(stack);
  const files = monitoring.renderedFiles();
  const doc = parse(files['grafana/provisioning/alerting/alerting.yml']);

  test('every alerting rule becomes a Grafana-managed rule with the importer three-stage query graph', () => {
    expect(doc.apiVersion).toBe(1);
    expect(doc.groups).toEqual([
      {
        orgId: 1,
        name: 'api-health',
        folder: 'Alerts',
        interval: '20s',
        rules: [
          {
            uid: 'api-health-apidown',
            title: 'ApiDown',
            condition: 'C',
            data: [
              { refId: 'A', relativeTimeRange: { from: 600, to: 0 }, datasourceUid: 'prometheus', model: { datasource: { type: 'prometheus', uid: 'prometheus' }, expr: 'up{job="api"} == 0', instant: true, range: false, refId: 'A' } },
              { refId: 'B', relativeTimeRange: { from: 0, to: 0 }, datasourceUid: '__expr__', model: { datasource: { type: '__expr__', uid: '__expr__' }, expression: 'is_number($A) || is_nan($A) || is_inf($A)', refId: 'B', type: 'math' } },
              { refId: 'C', relativeTimeRange: { from: 0, to: 0 }, datasourceUid: '__expr__', model: { conditions: [{ evaluator: { params: [0], type: 'gt' } }], datasource: { type: '__expr__', uid: '__expr__' }, expression: 'B', refId: 'C', type: 'threshold' } },
            ],
            noDataState: 'OK',
            execErrState: 'Error',
            for: '2m',
            annotations: { description: 'value {{ $values.A.Value }}', summary: 'API down' },
            labels: { severity: 'critical' },
            isPaused: false,
          },
        ],
      },
    ]);
  });

  test("Grafana sends to the environment's Alertmanager; Prometheus stops sending, Loki keeps sending", () => {
    expect(doc.contactPoints[0].receivers[0]).toEqual({ uid: 'environment-alertmanager', type: 'prometheus-alertmanager', settings: { url: 'http://alertmanager:9093' } });
    expect(doc.policies).toEqual([{ orgId: 1, receiver: 'environment-alertmanager', group_by: ['grafana_folder', 'alertname'] }]);
    expect(files['prometheus/prometheus.yml']).not.toContain('alerting:');
    expect(files['loki/loki.yaml']).toContain('alertmanager_url: http://alertmanager:9093');
    const uploads = uploadsOf(json, 'grafana').map((u) => u.file);
    expect(uploads).toContain('/etc/monitoring/provisioning/alerting/alerting.yml');
  });

  test('Prometheus still accepts its config and rules (it evaluates them for its UI and recording rules)', () => {
    const dir = writeTempFiles(files);
    expect(runTool('promtool', ['check', 'config', path.join(dir, 'prometheus/prometheus.yml')]).status).toBe(0);
  });

  test('without a Grafana on the host it is refused', () => {
    expect(() => bindTarget(new DockerHostTarget({ grafana: false, grafanaManagedAlerts: true }))).toThrow(
      'DockerHostTarget of MonitoringStack test/monitoring, grafanaManagedAlerts: got true, expected a Grafana on the host (grafana: true) to evaluate the rules',
    );
  });
});
