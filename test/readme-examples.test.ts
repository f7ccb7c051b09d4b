import { Testing } from 'cdktf';
import {
  AlertGroup, dashboards, Duration, GrafanaDashboard, LogAgent, LogPipeline, LogSource, LogStage, rules, ServiceLevelObjective, Severity, SloIndicator,
} from '../lib';
import { dockerEnvironment } from './helpers/stacks';

// The README's examples, compiled and synthesized, so the documentation cannot drift from the API.
describe('README examples', () => {
  test('rule packs, dashboard packs, SLOs and logs as the README shows them', () => {
    const { stack, monitoring } = dockerEnvironment();
    const packs = rules.rulePacks({ runbookUrlPattern: 'https://runbooks.example.com/{{alert}}', labels: { team: 'platform' } });
    new AlertGroup(monitoring, 'api-health', packs.serviceHealth({ job: 'api' }));
    new AlertGroup(monitoring, 'host', packs.host({
      job: 'node',
      overrides: {
        HostDiskAlmostFull: { threshold: 0.05, for: '15m', severity: Severity.CRITICAL },
        HostHighLoad: { disabled: true },
      },
    }));
    // @ts-expect-error a misspelt rule name does not compile, and JavaScript callers get a clear error
    expect(() => packs.host({ overrides: { HostDiskAlmostFul: {} } })).toThrow('presets.host, overrides.HostDiskAlmostFul: got "HostDiskAlmostFul"');
    new AlertGroup(monitoring, 'containers', packs.containers({ job: 'cadvisor' }));
    new AlertGroup(monitoring, 'postgres', packs.postgres({ job: 'postgres' }));
    new AlertGroup(monitoring, 'redis', packs.redis({ job: 'redis' }));
    new AlertGroup(monitoring, 'probes', packs.httpProbes({ job: 'api-probe' }));
    new AlertGroup(monitoring, 'ai', packs.aiServices({ job: 'ai-service' }));
    new GrafanaDashboard(monitoring, 'api-dashboard', { dashboard: dashboards.red({ job: 'api', statusLabel: 'code' }), folder: 'Services' });
    new GrafanaDashboard(monitoring, 'host-dashboard', { dashboard: dashboards.host({}), folder: 'Infrastructure' });
    new ServiceLevelObjective(monitoring, 'api-availability', {
      service: 'api',
      objective: 0.999,
      indicator: SloIndicator.availability({ errors: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}' }),
    });
    new LogPipeline(monitoring, 'logs', {
      sources: [
        LogSource.dockerContainers({ stages: [LogStage.json({ expressions: { level: 'level', message: 'message' } }), LogStage.labels(['level'])] }),
        LogSource.files({ name: 'nginx', paths: ['/var/log/nginx/*.log'], labels: { job: 'nginx' } }),
      ],
      agent: LogAgent.ALLOY,
      loki: { retention: Duration.days(14) },
    });
    new AlertGroup(monitoring, 'log-alerts', {
      evaluator: 'loki',
      rules: [{ alert: 'ApiErrorLogBurst', expr: 'sum by (service) (count_over_time({service="api", level="error"}[5m])) > 20', for: '5m', severity: Severity.WARNING }],
    });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const files = monitoring.renderedFiles();
    expect(files['prometheus/rules/host.yml']).not.toContain('HostHighLoad');
    expect(files['prometheus/rules/host.yml']).toContain('alert: HostDiskAlmostFull');
  });
});
