import { buildRule, buildRuleGroup, RuleGroupModel } from '../../../lib/model/rules';
import { buildRuleTests } from '../../../lib/model/rule-tests';
import { Severity } from '../../../lib/model/severity';
import { aiServices, containers, host, httpProbes, postgres, redis, RulePack, serviceHealth } from '../../../lib/presets/rules';
import { renderPromtoolTests } from '../../../lib/render/promtool-tests';
import { renderRuleFile } from '../../../lib/render/rule-file';
import { messageOf } from '../../helpers/errors';
import { checkAndTestRules } from '../../oracle-helpers/promtool';

const RUNBOOK = 'https://runbooks.example.com/{{alert}}';
/** The eight services of seed 004 (the dating/chat platform guide), as its prometheus.yml names their jobs. */
const SEED_004_JOBS = ['auth-service', 'profile-service', 'discovery-service', 'media-service', 'chat-service', 'notification-service', 'admin-service', 'data-service'];

/**
 * The rule group of a pack, built without the one-rule-per-alert-name check of `buildRuleGroup` when the pack has two
 * rules of one name (a per-job `for` or severity): Prometheus accepts those, and promtool judges them here.
 */
function groupOf(pack: RulePack): RuleGroupModel {
  const names = pack.rules.map((r) => r.alert);
  if (new Set(names).size === names.length) return buildRuleGroup({ name: 'services', rules: pack.rules }, 'test');
  return { name: 'services', fileName: 'services.yml', rules: pack.rules.map((r) => buildRule(r, 'test')), declaredBy: 'test' };
}

function oracle(pack: RulePack, evaluationInterval = '1m') {
  const group = groupOf(pack);
  const suite = buildRuleTests(pack.tests, group, 'test', { evaluationInterval });
  return { ...checkAndTestRules(group.fileName, renderRuleFile(group), 'services.test.yml', renderPromtoolTests(suite)), group, suite };
}

function expectPromtoolPasses(pack: RulePack): void {
  for (const interval of ['1m', '15s']) {
    const result = oracle(pack, interval);
    expect(result.check.output).toContain(`SUCCESS: ${pack.rules.length} rules found`);
    expect({ status: result.test.status, output: result.test.output.trim() }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  }
}

describe('seed 004: eight services in one serviceHealth pack', () => {
  const pack = serviceHealth({
    jobs: SEED_004_JOBS,
    statusLabel: 'status', // the seed's queries: http_requests_total{status=~"5.."}
    runbookUrlPattern: RUNBOOK,
    jobOverrides: {
      'chat-service': { ServiceHighLatencyP95: { threshold: 0.5 } },
      'auth-service': { ServiceHighErrorRatio: { threshold: 0.01 } },
    },
  });

  test('four rules (one per alert), not 32', () => {
    expect(pack.rules.map((r) => r.alert)).toEqual(['ServiceTargetDown', 'ServiceHighErrorRatio', 'ServiceHighLatencyP95', 'ServiceHighLatencyP99']);
  });

  test('one rule selects all eight jobs; a job with its own threshold gets its own branch', () => {
    const all = SEED_004_JOBS.join('|');
    expect(pack.rules[0].expr).toBe(`up{job=~"${all}"} == 0`);
    const errors = pack.rules[1].expr;
    expect(errors).toContain('http_requests_total{job=~"profile-service|discovery-service|media-service|chat-service|notification-service|admin-service|data-service",status=~"5.."}');
    expect(errors).toContain('http_requests_total{job="auth-service",status=~"5.."}');
    expect(errors).toMatch(/\) > 0\.05\n[\s\S]*\n\)\nor\n\([\s\S]*\) > 0\.01\n/);
    expect(pack.rules[1].description).toBe(
      '{{ $value | humanizePercentage }} of the requests to {{ $labels.job }} over the last 5m ended with a status matching "5..", above the ' +
        '{{ if eq $labels.job "auth-service" }}1%{{ else }}5%{{ end }} threshold for 5m.',
    );
    expect(pack.rules[3].expr).toContain(`http_request_duration_seconds_bucket{job=~"${all}"}`);
  });

  test('one promtool test file for the pack, with series of every job, passes promtool test rules', () => {
    const result = oracle(pack);
    expect(result.suite.cases.length).toBe(pack.tests.length);
    const text = renderPromtoolTests(result.suite);
    for (const job of SEED_004_JOBS) expect(text).toContain(`job="${job}"`);
    expect(result.check.output).toContain('SUCCESS: 4 rules found');
    expect({ status: result.test.status, output: result.test.output.trim() }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
    expectPromtoolPasses(pack);
  });

  test('the per-job test data follows the per-job thresholds: default data against the tuned rule fails promtool', () => {
    const defaults = serviceHealth({ jobs: SEED_004_JOBS, statusLabel: 'status', runbookUrlPattern: RUNBOOK });
    // 2 % errors fire the auth-service rule at 1 %, but the default data expects every job quiet at 2.5 %
    const result = oracle({ rules: pack.rules, tests: defaults.tests.filter((c) => c.name?.startsWith('ServiceHighErrorRatio stays quiet')) });
    expect(result.test.status).not.toBe(0);
    expect(result.test.output).toContain('auth-service');
  });
});

describe('per-job overrides', () => {
  test('a per-job severity or `for` makes a second rule of the same name, and promtool passes', () => {
    const pack = serviceHealth({
      jobs: ['api', 'web', 'admin'],
      runbookUrlPattern: RUNBOOK,
      overrides: { ServiceTargetDown: { for: '5m' } },
      jobOverrides: {
        api: { ServiceTargetDown: { severity: Severity.WARNING }, ServiceHighErrorRatio: { for: '15m', threshold: 0.2, labels: { team: 'api' } } },
        admin: { ServiceHighLatencyP99: { disabled: true } },
      },
    });
    const down = pack.rules.filter((r) => r.alert === 'ServiceTargetDown');
    expect(down.map((r) => [r.expr, r.severity?.value, String(r.for)])).toEqual([
      ['up{job=~"web|admin"} == 0', 'critical', '5m'],
      ['up{job="api"} == 0', 'warning', '5m'],
    ]);
    expect(pack.rules.filter((r) => r.alert === 'ServiceHighErrorRatio').map((r) => String(r.for))).toEqual(['5m', '15m']);
    expect(pack.rules.find((r) => r.alert === 'ServiceHighLatencyP99')?.expr).toContain('{job=~"api|web"}');
    expectPromtoolPasses(pack);
  });

  test('a per-job `for` alone is refused: promtool refuses two rules with one name and the same labels', () => {
    const config = { jobs: ['api', 'web'], runbookUrlPattern: RUNBOOK, jobOverrides: { web: { ServiceHighErrorRatio: { for: '15m' } } } };
    expect(messageOf(() => serviceHealth(config))).toBe(
      'presets.serviceHealth, jobOverrides.web.ServiceHighErrorRatio.for: gives job "web" its own `for`, so ServiceHighErrorRatio becomes two rules with the same labels, ' +
        'which promtool check rules refuses (lint duplicate-rules); expected a severity or labels for that job as well, so its alerts can be told apart',
    );
    // what promtool says about such a pair, so the refusal above stands on the oracle's word
    const pair = serviceHealth({ ...config, jobOverrides: { web: { ServiceHighErrorRatio: { for: '15m', labels: { x: 'y' } } } } });
    const same = { ...pair, rules: pair.rules.map((r) => ({ ...r, labels: undefined })) };
    const result = oracle(same);
    // a lint finding: FAILED in the output (what the oracle tests of every stack look for), exit 0 without --lint-fatal
    expect(result.check.output).toContain('FAILED:\nlint error 1 duplicate rule(s) found.\nMetric: ServiceHighErrorRatio');
  });

  test('pack-level and per-job labels merge; the per-job value wins', () => {
    const pack = serviceHealth({
      jobs: ['api', 'web'],
      runbookUrlPattern: RUNBOOK,
      labels: { team: 'web' },
      jobOverrides: { api: { ServiceTargetDown: { labels: { team: 'core', page: 'yes' } } } },
    });
    expect(pack.rules.filter((r) => r.alert === 'ServiceTargetDown').map((r) => r.labels)).toEqual([{ team: 'web' }, { team: 'core', page: 'yes' }]);
  });
});

test('job names are regex-escaped in the job matcher, and the tests still select them', () => {
  const pack = serviceHealth({ jobs: ['api.v1', 'web+admin'], runbookUrlPattern: RUNBOOK });
  expect(pack.rules[0].expr).toBe('up{job=~"api\\\\.v1|web\\\\+admin"} == 0');
  expectPromtoolPasses(pack);
});

describe('a selector instead of job names', () => {
  test('covers every job with the labels; overridden jobs are taken out of the rest', () => {
    const pack = serviceHealth({
      selector: { tier: 'backend' },
      runbookUrlPattern: RUNBOOK,
      jobOverrides: { 'media-service': { ServiceHighLatencyP95: { threshold: 5 } } },
    });
    expect(pack.rules[0].expr).toBe('up{tier="backend"} == 0');
    const p95 = pack.rules.find((r) => r.alert === 'ServiceHighLatencyP95')!.expr;
    expect(p95).toContain('http_request_duration_seconds_bucket{job!~"media-service",tier="backend"}');
    expect(p95).toContain('http_request_duration_seconds_bucket{job="media-service",tier="backend"}');
    const text = renderPromtoolTests(buildRuleTests(pack.tests, groupOf(pack), 'test'));
    expect(text).toContain('up{instance="example-service-1:8000", job="example-service", tier="backend"}');
    expectPromtoolPasses(pack);
  });
});

describe('metric shapes', () => {
  test('a counter of errors instead of a status label', () => {
    const pack = serviceHealth({ jobs: ['api', 'worker'], errorsMetric: 'http_requests_failed_total', runbookUrlPattern: RUNBOOK });
    const expr = pack.rules.find((r) => r.alert === 'ServiceHighErrorRatio')!.expr;
    expect(expr).toBe(
      '(\n  sum by (job) (rate(http_requests_failed_total{job=~"api|worker"}[5m]))\n/\n  sum by (job) (rate(http_requests_total{job=~"api|worker"}[5m]))\n) > 0.05\n' +
        'and\n  sum by (job) (rate(http_requests_total{job=~"api|worker"}[5m])) > 0.1',
    );
    expect(pack.rules[1].description).toContain('were counted in http_requests_failed_total');
    expectPromtoolPasses(pack);
  });

  test('status label, 5xx regex and histogram name are options (single job too)', () => {
    const pack = serviceHealth({ job: 'api', statusLabel: 'code', errorStatusRegex: '5..|429', durationHistogram: 'request_latency_seconds', runbookUrlPattern: RUNBOOK });
    expect(pack.rules[1].expr).toContain('code=~"5..|429"');
    expect(pack.rules[2].expr).toContain('request_latency_seconds_bucket{job="api"}');
    expectPromtoolPasses(pack);
  });
});

describe.each([
  ['postgres', () => postgres({ jobs: ['orders-db', 'users-db'], runbookUrlPattern: RUNBOOK, jobOverrides: { 'users-db': { PostgresTooManyConnections: { threshold: 0.95 } } } }), 'pg_up{job=~"orders-db|users-db"}'],
  ['redis', () => redis({ jobs: ['cache', 'sessions'], runbookUrlPattern: RUNBOOK, jobOverrides: { sessions: { RedisMemoryNearMax: { threshold: 0.7 } } } }), 'redis_up{job=~"cache|sessions"}'],
  ['httpProbes', () => httpProbes({ jobs: ['api-probe', 'web-probe'], runbookUrlPattern: RUNBOOK, jobOverrides: { 'web-probe': { HttpProbeSlow: { threshold: 2 } } } }), 'probe_success{job=~"api-probe|web-probe"}'],
  ['aiServices', () => aiServices({ jobs: ['chat-ai', 'tutor-ai'], runbookUrlPattern: RUNBOOK, jobOverrides: { 'tutor-ai': { AiHighErrorRatio: { threshold: 0.2 } } } }), 'up{job=~"chat-ai|tutor-ai"}'],
  ['host', () => host({ selector: { env: 'prod' }, runbookUrlPattern: RUNBOOK, jobOverrides: { 'build-nodes': { HostHighCpuUsage: { threshold: 0.99 } } } }), 'node_cpu_seconds_total{env="prod",job!~"build-nodes",mode="idle"}'],
  ['containers', () => containers({ jobs: ['cadvisor-a', 'cadvisor-b'], runbookUrlPattern: RUNBOOK }), 'up{job=~"cadvisor-a|cadvisor-b"}'],
])('the %s pack across several jobs', (_name, make, selector) => {
  test('one rule per alert and settings selects the jobs, and promtool passes the one test file', () => {
    const pack = make();
    expect(pack.rules.map((r) => r.expr).join('\n')).toContain(selector);
    expectPromtoolPasses(pack);
  });
});

describe('existing single-job uses keep their output', () => {
  test('job: "api" renders as before issue 14', () => {
    const pack = serviceHealth({ job: 'api', runbookUrlPattern: RUNBOOK });
    expect(renderRuleFile(buildRuleGroup({ name: 'g', rules: pack.rules }, 't')).trimEnd()).toBe(`# Prometheus rule group "g".
# Generated by cdktf-monitoring. Do not edit by hand: change the constructs and synthesize again.
groups:
  - name: g
    rules:
      - alert: ServiceTargetDown
        expr: up{job="api"} == 0
        for: 2m
        labels:
          severity: critical
        annotations:
          summary: Service target {{ $labels.instance }} of job {{ $labels.job }} is down
          description: Prometheus could not scrape {{ $labels.instance }} (job {{ $labels.job }}) for 2m. The service is down or its metrics endpoint is unreachable; its other alerts cannot fire while it is not scraped.
          runbook_url: https://runbooks.example.com/ServiceTargetDown
      - alert: ServiceHighErrorRatio
        expr: |-
          (
            sum by (job) (rate(http_requests_total{job="api",status_code=~"5.."}[5m]))
          /
            sum by (job) (rate(http_requests_total{job="api"}[5m]))
          ) > 0.05
          and
            sum by (job) (rate(http_requests_total{job="api"}[5m])) > 0.1
        for: 5m
        labels:
          severity: critical
        annotations:
          summary: "{{ $labels.job }} fails {{ $value | humanizePercentage }} of requests"
          description: "{{ $value | humanizePercentage }} of the requests to {{ $labels.job }} over the last 5m ended with a status matching \\"5..\\", above the 5% threshold for 5m."
          runbook_url: https://runbooks.example.com/ServiceHighErrorRatio
      - alert: ServiceHighLatencyP95
        expr: |-
          histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 1
          and
          sum by (job) (rate(http_request_duration_seconds_count{job="api"}[5m])) > 0.1
        for: 10m
        labels:
          severity: warning
        annotations:
          summary: "{{ $labels.job }} responds slowly: p95 latency {{ $value | humanizeDuration }}"
          description: The p95 latency of {{ $labels.job }} has been above 1s for 10m (now {{ $value | humanizeDuration }}, from http_request_duration_seconds over 5m). Users wait; check slow dependencies and saturation.
          runbook_url: https://runbooks.example.com/ServiceHighLatencyP95
      - alert: ServiceHighLatencyP99
        expr: |-
          histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 2.5
          and
          sum by (job) (rate(http_request_duration_seconds_count{job="api"}[5m])) > 0.1
        for: 10m
        labels:
          severity: warning
        annotations:
          summary: "{{ $labels.job }} responds slowly: p99 latency {{ $value | humanizeDuration }}"
          description: The p99 latency of {{ $labels.job }} has been above 2.5s for 10m (now {{ $value | humanizeDuration }}, from http_request_duration_seconds over 5m). Users wait; check slow dependencies and saturation.
          runbook_url: https://runbooks.example.com/ServiceHighLatencyP99`);
  });

  test('jobs: ["api"] renders the same rules and tests as job: "api"', () => {
    const single = serviceHealth({ job: 'api', runbookUrlPattern: RUNBOOK, overrides: { ServiceHighErrorRatio: { threshold: 0.02 } } });
    const list = serviceHealth({ jobs: ['api'], runbookUrlPattern: RUNBOOK, overrides: { ServiceHighErrorRatio: { threshold: 0.02 } } });
    expect(list.rules).toEqual(single.rules);
    expect(list.tests).toEqual(single.tests);
  });
});

describe('bad input', () => {
  test('overrides for a job the pack does not cover', () => {
    expect(messageOf(() => serviceHealth({ jobs: ['api', 'web'], runbookUrlPattern: RUNBOOK, jobOverrides: { wbe: { ServiceTargetDown: { for: '1m' } } } }))).toBe(
      'presets.serviceHealth, jobOverrides.wbe: got overrides for job "wbe", which this pack does not cover; expected one of its jobs ("api", "web")',
    );
    expect(messageOf(() => serviceHealth({ job: 'api', runbookUrlPattern: RUNBOOK, jobOverrides: { web: {} } }))).toContain('which this pack does not cover; expected one of its jobs ("api")');
  });

  test('a per-job override names a rule the pack does not have', () => {
    expect(messageOf(() => serviceHealth({ jobs: ['api'], runbookUrlPattern: RUNBOOK, jobOverrides: { api: { ServiceDown: { for: '1m' } } as never } }))).toBe(
      'presets.serviceHealth, jobOverrides.api.ServiceDown: got "ServiceDown", expected the name of a declared rule of this pack ' +
        '(declared: "ServiceTargetDown", "ServiceHighErrorRatio", "ServiceHighLatencyP95", "ServiceHighLatencyP99")',
    );
  });

  test('an unknown shape option, with the closest one', () => {
    expect(messageOf(() => serviceHealth({ jobs: ['api'], runbookUrlPattern: RUNBOOK, statusLable: 'status' } as never))).toBe(
      'presets.serviceHealth, statusLable: is not an option of this pack (did you mean `statusLabel`?); expected one of `runbookUrlPattern`, `labels`, `overrides`, `job`, `jobs`, ' +
        '`selector`, `jobOverrides`, `exampleJob`, `matchers`, `groupBy`, `requestsMetric`, `durationHistogram`, `statusLabel`, `errorStatusRegex`, `errorStatusExample`, ' +
        '`errorsMetric`, `minRequestsPerSecond`',
    );
  });

  test('errorsMetric with a status label, and bad job lists', () => {
    expect(messageOf(() => serviceHealth({ job: 'api', runbookUrlPattern: RUNBOOK, errorsMetric: 'errors_total', statusLabel: 'status' }))).toBe(
      'presets.serviceHealth, statusLabel: got "status", expected nothing: with errorsMetric the errors come from that counter, not from a status label',
    );
    expect(messageOf(() => serviceHealth({ job: 'api', runbookUrlPattern: RUNBOOK, errorsMetric: 'http_requests_total' }))).toContain('expected a counter of failed requests other than requestsMetric');
    expect(messageOf(() => serviceHealth({ job: 'api', jobs: ['web'], runbookUrlPattern: RUNBOOK }))).toBe(
      'presets.serviceHealth, job and jobs: got ["api",["web"]], expected one of job, jobs (several jobs) or selector (label matchers)',
    );
    expect(messageOf(() => serviceHealth({ jobs: [], runbookUrlPattern: RUNBOOK }))).toBe('presets.serviceHealth, jobs: got [], expected a non-empty list of job names');
    expect(messageOf(() => serviceHealth({ jobs: ['api', 'api'], runbookUrlPattern: RUNBOOK }))).toBe('presets.serviceHealth, jobs[1]: got "api", expected a job not listed before (jobs[0])');
    expect(messageOf(() => serviceHealth({ selector: { job: 'api' }, runbookUrlPattern: RUNBOOK }))).toBe('presets.serviceHealth, selector.job: got "api", expected no job label (name the jobs with `jobs`)');
    expect(messageOf(() => serviceHealth({ selector: { tier: 'web' }, exampleJob: 'api', jobOverrides: { api: {} }, runbookUrlPattern: RUNBOOK }))).toContain('exampleJob: got "api", expected a job name that is not a key of jobOverrides');
  });
});
