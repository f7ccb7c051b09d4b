import { App, TerraformStack, Testing } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AlertGroup, DockerHostTarget, LogAgent, LogPipeline, LogSource, LogStage, MonitoringStack, Severity } from '../../lib';
import { container, dockerEnvironment, resourcesOf, synthJson, uploadsOf } from '../helpers/stacks';

describe('LogPipeline on the Docker host', () => {
  const { stack, monitoring } = dockerEnvironment();
  new LogPipeline(monitoring, 'logs', {
    sources: [
      LogSource.dockerContainers({ stages: [LogStage.json({ expressions: { level: 'level' } }), LogStage.labels(['level'])] }),
      LogSource.files({ name: 'nginx', paths: ['/var/log/nginx/*.log'], labels: { job: 'nginx' } }),
    ],
  });
  new AlertGroup(monitoring, 'log-alerts', {
    evaluator: 'loki',
    rules: [{ alert: 'ErrorBurst', expr: 'sum by (service) (count_over_time({level="error", service=~".+"}[5m])) > 20', severity: Severity.WARNING }],
  });
  const json = synthJson(stack);
  const files = monitoring.renderedFiles();

  test('runs Loki with its data on a named volume that survives destroy, port 3100 on loopback', () => {
    const loki = container(json, 'loki');
    expect(loki.command).toEqual(['-config.file=/etc/monitoring/loki.yaml']);
    expect(loki.ports).toEqual([{ internal: 3100, external: 3100, ip: '127.0.0.1' }]);
    expect(loki.read_only).toBe(true);
    const data = resourcesOf(json, 'docker_volume').find((v) => v.name === 'dev-loki-data');
    expect(data?.lifecycle).toEqual({ prevent_destroy: true });
    expect(uploadsOf(json, 'loki').map((u) => u.file)).toEqual(['/etc/monitoring/loki.yaml', '/etc/monitoring/rules/fake/log-alerts.yml']);
  });

  test('runs Alloy with the Docker socket and the file source directory read-only', () => {
    const alloy = container(json, 'alloy');
    expect(alloy.mounts).toEqual([
      { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', read_only: true },
      { type: 'bind', source: '/var/log/nginx', target: '/var/log/nginx', read_only: true },
    ]);
    // root without capabilities cannot read 0640 log files of other users: exactly this one capability comes back
    expect(alloy.capabilities).toEqual({ drop: ['ALL'], add: ['DAC_READ_SEARCH'] });
    // its storage is on a volume at a path the image does not own (the image's /var/lib/alloy is 473:473 0770)
    expect(alloy.command).toContain('--storage.path=/var/lib/monitoring-alloy');
    expect(alloy.volumes).toContainEqual({ volume_name: expect.stringContaining('alloy-data'), container_path: '/var/lib/monitoring-alloy' });
    expect(alloy.command).toContain('/etc/monitoring/config.alloy');
    expect(files['alloy/config.alloy']).toContain('url = "http://loki:3100/loki/api/v1/push"');
  });

  test('Grafana gets the Loki data source and a logs dashboard', () => {
    expect(files['grafana/provisioning/datasources/datasources.yml']).toContain('  - name: Loki\n    uid: loki\n    type: loki\n');
    expect(Object.keys(files)).toContain('grafana/dashboards/Logs/dev-logs.json');
  });

  test('LogQL alert rules go to Loki, not Prometheus, and Loki sends alerts to Alertmanager', () => {
    expect(files['loki/rules/fake/log-alerts.yml']).toContain('alert: ErrorBurst');
    expect(files['prometheus/prometheus.yml']).not.toContain('log-alerts');
    expect(files['loki/loki.yaml']).toContain('alertmanager_url: http://alertmanager:9093');
  });

  test('Loki and the agent are scraped by Prometheus', () => {
    expect(files['prometheus/prometheus.yml']).toContain('  - job_name: loki\n    static_configs:\n      - targets:\n          - loki:3100\n');
    expect(files['prometheus/prometheus.yml']).toContain('  - job_name: alloy\n    static_configs:\n      - targets:\n          - alloy:12345\n');
  });

  test('without LogQL rules Loki runs no ruler (it would log an error every minute listing a missing rules directory)', () => {
    const env = dockerEnvironment();
    new LogPipeline(env.monitoring, 'logs', { sources: [LogSource.dockerContainers()], dashboard: false });
    expect(env.monitoring.renderedFiles()['loki/loki.yaml']).not.toContain('ruler:');
    expect(files['loki/loki.yaml']).toContain('ruler:');
  });

  test('Promtail is the other agent, rendered from the same pipeline', () => {
    const env = dockerEnvironment();
    new LogPipeline(env.monitoring, 'logs', { agent: LogAgent.PROMTAIL, sources: [LogSource.dockerContainers()], dashboard: false });
    const out = synthJson(env.stack);
    expect(container(out, 'promtail').command).toEqual(['-config.file=/etc/monitoring/config.yml']);
    expect(env.monitoring.renderedFiles()['promtail/config.yml']).toContain('docker_sd_configs');
    const warnings = env.monitoring.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toContain(
      'LogPipeline test/monitoring/logs, agent: Promtail reached end of life on 2026-03-02 and gets no fixes (its last image is grafana/promtail:3.6.11); LogAgent.ALLOY renders the same pipeline',
    );
  });
});

describe('LogPipeline bad input', () => {
  test('a pipeline with no source', () => {
    const { monitoring } = dockerEnvironment();
    expect(() => new LogPipeline(monitoring, 'logs', { sources: [] })).toThrow('LogPipeline test/monitoring/logs, sources: got [], expected');
  });

  test('bad LogQL in a Loki-evaluated group names the rule and the position', () => {
    const { monitoring } = dockerEnvironment();
    new LogPipeline(monitoring, 'logs', { sources: [LogSource.dockerContainers()] });
    expect(() => new AlertGroup(monitoring, 'bad', { evaluator: 'loki', rules: [{ alert: 'Bad', expr: 'count_over_time({service="api"}[5m) > 1' }] })).toThrow(
      /AlertGroup test\/monitoring\/bad, rule Bad, expr: LogQL parse error at 1:/,
    );
  });

  test('a Loki-evaluated group without a LogPipeline is reported at synth', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cm-')) });
    const stack = new TerraformStack(app, 'dev');
    const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'dev', target: new DockerHostTarget() });
    new AlertGroup(monitoring, 'log-alerts', { evaluator: 'loki', rules: [{ alert: 'E', expr: 'sum(count_over_time({job="x"}[5m])) > 1' }] });
    expect(() => app.synth()).toThrow(
      'AlertGroup dev/monitoring/log-alerts, evaluator: got "loki", but the environment has no LogPipeline; expected a LogPipeline that runs Loki',
    );
  });

  test('a high-cardinality label is a warning, not an error', () => {
    const { stack, monitoring } = dockerEnvironment();
    const pipeline = new LogPipeline(monitoring, 'logs', {
      sources: [LogSource.dockerContainers({ stages: [LogStage.json({ expressions: { request_id: 'request_id' } }), LogStage.labels(['request_id'])] })],
    });
    Testing.synth(stack);
    const warnings = pipeline.node.metadata.filter((m) => m.type === 'aws:cdk:warning' || String(m.type).includes('warn')).map((m) => String(m.data));
    expect(warnings.join('\n')).toContain('request_id');
  });
});
