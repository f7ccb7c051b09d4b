import { buildRuleTests } from '../../../lib/model/rule-tests';
import { buildRuleGroup } from '../../../lib/model/rules';
import { Severity } from '../../../lib/model/severity';
import { aiServices, containers, host, httpProbes, logPipeline, postgres, redis, RulePack, serviceHealth } from '../../../lib/presets/rules';
import { renderPromtoolTests } from '../../../lib/render/promtool-tests';
import { renderRuleFile } from '../../../lib/render/rule-file';
import { checkAndTestRules } from '../../oracle-helpers/promtool';

const RUNBOOK = 'https://runbooks.example.com/{{alert}}';

/** Every pack with its defaults, with every rule tuned through overrides, and with non-default selectors. */
const VARIANTS: Record<string, () => RulePack> = {
  'serviceHealth defaults': () => serviceHealth({ job: 'api', runbookUrlPattern: RUNBOOK }),
  'serviceHealth tuned': () =>
    serviceHealth({
      job: 'api',
      runbookUrlPattern: RUNBOOK,
      labels: { team: 'web' },
      overrides: {
        ServiceTargetDown: { for: '5m', severity: Severity.WARNING, labels: { team: 'sre' } },
        ServiceHighErrorRatio: { threshold: 0.01, for: '10m' },
        ServiceHighLatencyP95: { threshold: 0.3, for: '0s' },
        ServiceHighLatencyP99: { threshold: 0.75, severity: Severity.CRITICAL },
      },
    }),
  'serviceHealth other selectors': () =>
    serviceHealth({
      job: 'web',
      matchers: { environment: 'prod' },
      groupBy: ['job', 'route'],
      statusLabel: 'status',
      errorStatusRegex: '5..|429',
      minRequestsPerSecond: 0,
      requestsMetric: 'http_server_requests_total',
      durationHistogram: 'http_server_duration_seconds',
      runbookUrlPattern: 'https://wiki.example.com/runbooks#{{alert}}',
    }),
  'host defaults': () => host({ runbookUrlPattern: RUNBOOK }),
  'host tuned': () =>
    host({
      job: 'node-exporter',
      excludedFsTypes: ['ext4', 'tmpfs'],
      runbookUrlPattern: RUNBOOK,
      overrides: {
        HostExporterDown: { for: '1m' },
        HostHighCpuUsage: { threshold: 0.8, for: '30m' },
        HostHighMemoryUsage: { threshold: 0.95 },
        HostDiskAlmostFull: { threshold: 0.05, severity: Severity.CRITICAL },
        HostDiskFillingUp: { threshold: 4, for: '30m', severity: Severity.CRITICAL },
        HostHighLoad: { threshold: 1.5 },
      },
    }),
  'containers defaults': () => containers({ runbookUrlPattern: RUNBOOK }),
  'containers tuned': () =>
    containers({
      matchers: { environment: 'dev' },
      runbookUrlPattern: RUNBOOK,
      overrides: {
        CadvisorDown: { for: '10m' },
        ContainerHighCpuUsage: { threshold: 0.75 },
        ContainerHighMemoryUsage: { threshold: 0.97, for: '2m' },
        ContainerRestarting: { threshold: 20 },
      },
    }),
  'postgres defaults': () => postgres({ runbookUrlPattern: RUNBOOK }),
  'postgres tuned': () =>
    postgres({
      job: 'db',
      matchers: { cluster: 'main' },
      runbookUrlPattern: RUNBOOK,
      overrides: {
        PostgresExporterDown: { labels: { team: 'data' } },
        PostgresDown: { for: '30s' },
        PostgresTooManyConnections: { threshold: 0.995 },
        PostgresDeadlocks: { threshold: 12 },
        PostgresReplicationLag: { threshold: 300, for: '90s' },
        PostgresSlowQueries: { threshold: 30 },
      },
    }),
  'redis defaults': () => redis({ runbookUrlPattern: RUNBOOK }),
  'redis tuned': () =>
    redis({
      job: 'cache',
      minLookupsPerSecond: 0,
      runbookUrlPattern: RUNBOOK,
      overrides: {
        RedisDown: { severity: Severity.WARNING },
        RedisMemoryNearMax: { threshold: 0.8 },
        RedisRejectedConnections: { threshold: 10, for: '1m' },
        RedisLowHitRatio: { threshold: 0.9, for: '5m' },
      },
    }),
  'httpProbes defaults': () => httpProbes({ runbookUrlPattern: RUNBOOK }),
  'httpProbes tuned': () =>
    httpProbes({
      runbookUrlPattern: RUNBOOK,
      overrides: {
        HttpProbeFailed: { for: '5m' },
        HttpProbeSlow: { threshold: 0.25 },
        HttpProbeCertificateExpiringSoon: { threshold: 30, for: '1h' },
        HttpProbeCertificateExpiryCritical: { threshold: 7 },
      },
    }),
  'logPipeline defaults': () => logPipeline({ runbookUrlPattern: RUNBOOK }),
  'logPipeline tuned': () =>
    logPipeline({ job: 'logs-loki', agentJob: 'promtail', matchers: { environment: 'prod' }, runbookUrlPattern: RUNBOOK, overrides: { LogsStoppedArriving: { for: '30m' } } }),
  'aiServices defaults': () => aiServices({ runbookUrlPattern: RUNBOOK }),
  'aiServices tuned': () =>
    aiServices({
      job: 'llm-gateway',
      groupBy: ['job', 'provider', 'model'],
      errorStatusRegex: 'failed',
      toolGroupBy: ['job'],
      cacheGroupBy: ['job', 'cache_type'],
      minRequestsPerSecond: 1,
      runbookUrlPattern: RUNBOOK,
      overrides: {
        AiServiceDown: { for: '3m' },
        AiHighErrorRatio: { threshold: 0.02 },
        AiGenerationSlow: { threshold: 30 },
        AiTokenUsageHigh: { threshold: 250000, for: '10m' },
        AiCacheHitRatioLow: { threshold: 0.8 },
        AiToolFailureRatioHigh: { threshold: 0.25 },
      },
    }),
};

function oracle(pack: RulePack, evaluationInterval: string) {
  const group = buildRuleGroup({ name: 'pack', rules: pack.rules }, 'test');
  const suite = buildRuleTests(pack.tests, group, 'test', { evaluationInterval });
  return checkAndTestRules(group.fileName, renderRuleFile(group), 'pack.test.yml', renderPromtoolTests(suite));
}

describe.each(Object.entries(VARIANTS))('%s', (_name, make) => {
  const pack = make();

  test('every rule has summary, description and a runbook URL from the pattern', () => {
    expect(pack.rules.length).toBeGreaterThan(0);
    for (const rule of pack.rules) {
      expect(rule.summary).toEqual(expect.any(String));
      expect(rule.description).toEqual(expect.any(String));
      expect(rule.runbookUrl).toMatch(new RegExp(`^https://(runbooks\\.example\\.com/|wiki\\.example\\.com/runbooks#)${rule.alert}$`));
      expect(rule.severity).toBeInstanceOf(Severity);
    }
  });

  test('every rule has a firing and a quiet promtool test case', () => {
    for (const rule of pack.rules) {
      const about = pack.tests.filter((c) => (c.alertRuleTests ?? []).some((t) => t.alertname === rule.alert));
      const fires = about.some((c) => (c.alertRuleTests ?? []).some((t) => (t.expAlerts ?? []).length > 0));
      const quiet = about.some((c) => (c.alertRuleTests ?? []).every((t) => (t.expAlerts ?? []).length === 0));
      expect({ alert: rule.alert, fires, quiet }).toEqual({ alert: rule.alert, fires: true, quiet: true });
    }
  });

  test.each(['1m', '15s'])('promtool check rules and test rules pass (evaluation interval %s)', (interval) => {
    const result = oracle(pack, interval);
    expect(result.check.output).toContain(`SUCCESS: ${pack.rules.length} rules found`);
    expect({ status: result.test.status, output: result.test.output.trim() }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });
});

test('the generated tests follow the thresholds: default data against tuned rules fails promtool', () => {
  const tuned = VARIANTS['host tuned']();
  const defaults = VARIANTS['host defaults']();
  const result = oracle({ rules: tuned.rules.map((r) => ({ ...r })), tests: defaults.tests.filter((c) => c.name?.startsWith('HostDiskAlmostFull')) }, '1m');
  expect(result.test.status).not.toBe(0);
  expect(result.test.output).toContain('alertname: HostDiskAlmostFull');
});

test('pack sizes: rules and promtool test cases', () => {
  const defaults = Object.entries(VARIANTS).filter(([name]) => name.endsWith('defaults'));
  const sizes = Object.fromEntries(defaults.map(([name, make]) => [name.replace(' defaults', ''), { rules: make().rules.length, cases: make().tests.length }]));
  expect(sizes).toEqual({
    serviceHealth: { rules: 4, cases: 11 },
    host: { rules: 6, cases: 13 },
    containers: { rules: 4, cases: 11 },
    postgres: { rules: 6, cases: 15 },
    redis: { rules: 5, cases: 12 },
    httpProbes: { rules: 5, cases: 11 },
    logPipeline: { rules: 3, cases: 6 },
    aiServices: { rules: 6, cases: 16 },
  });
});
