import { buildScrapeJob, nonMetricsPortWarnings } from '../../lib/model/scrape';
import { Secret } from '../../lib/model/secret';

const WHERE = 'ServiceScrape dev/monitoring/api';

describe('scrape jobs', () => {
  test('a complete job validates', () => {
    const job = buildScrapeJob(
      {
        jobName: 'api',
        targets: ['api:8000', '10.0.0.5:9100', '[::1]:9090'],
        interval: '10s',
        timeout: '5s',
        basicAuth: { username: 'prom', password: Secret.fromVariable('api_scrape_password') },
        relabelConfigs: [{ sourceLabels: ['__address__'], regex: '([^:]+):.*', targetLabel: 'host', replacement: '$1' }],
        metricRelabelConfigs: [{ sourceLabels: ['__name__'], regex: 'go_.*', action: 'drop' }],
      },
      WHERE,
    );
    expect(job.targets).toHaveLength(3);
    expect(job.basicAuth?.password.filePath).toBe('/etc/monitoring/secrets/api_scrape_password');
  });

  test('an empty target list is refused', () => {
    expect(() => buildScrapeJob({ jobName: 'api', targets: [] }, WHERE)).toThrow(
      'ServiceScrape dev/monitoring/api, targets: got [], expected a non-empty list of "host:port" targets, e.g. ["api:8000"]',
    );
  });

  test('a URL given as a target gets a hint', () => {
    expect(() => buildScrapeJob({ jobName: 'api', targets: ['http://api:8000/metrics'] }, WHERE)).toThrow(
      'ServiceScrape dev/monitoring/api, targets[0]: got "http://api:8000/metrics", expected a "host:port" target such as "api:8000" (leave out the scheme: set `scheme` and `metricsPath` instead)',
    );
  });

  test('a timeout longer than the interval is refused', () => {
    expect(() => buildScrapeJob({ jobName: 'api', targets: ['api:1'], interval: '10s', timeout: '15s' }, WHERE)).toThrow(
      'ServiceScrape dev/monitoring/api, timeout: got "15s", expected a timeout no longer than the scrape interval (10s)',
    );
  });

  test('a plain-text password is refused', () => {
    expect(() =>
      buildScrapeJob({ jobName: 'api', targets: ['api:1'], basicAuth: { username: 'u', password: 'hunter2' as unknown as Secret } }, WHERE),
    ).toThrow('ServiceScrape dev/monitoring/api, basicAuth.password: got "<redacted>", expected a Secret');
  });

  test('relabel rules are checked', () => {
    expect(() => buildScrapeJob({ jobName: 'api', targets: ['api:1'], relabelConfigs: [{ action: 'replace', sourceLabels: ['a'] }] }, WHERE)).toThrow(
      'ServiceScrape dev/monitoring/api, relabelConfigs[0].targetLabel: got nothing, expected a target label: action "replace" writes to or compares with it',
    );
    expect(() => buildScrapeJob({ jobName: 'api', targets: ['api:1'], relabelConfigs: [{ action: 'drop', regex: '(' }] }, WHERE)).toThrow(
      'relabelConfigs[0].regex: got "(", expected an RE2 regular expression (Go\'s regexp syntax, which Prometheus compiles) that compiles: missing closing ) for the group opened at column 1',
    );
    expect(() => buildScrapeJob({ jobName: 'api', targets: ['api:1'], relabelConfigs: [{ action: 'nuke' as never }] }, WHERE)).toThrow(
      'relabelConfigs[0].action: got "nuke", expected one of replace, keep, drop',
    );
  });

  test('a job label override is refused', () => {
    expect(() => buildScrapeJob({ jobName: 'api', targets: ['api:1'], labels: { job: 'x' } }, WHERE)).toThrow(
      'ServiceScrape dev/monitoring/api, labels key: got "job", expected a label other than "job" (set jobName instead)',
    );
  });

  test('scraping a database port directly produces a warning that names the exporter', () => {
    const job = buildScrapeJob({ jobName: 'postgres', targets: ['postgres:5432'] }, 'ServiceScrape dev/monitoring/postgres');
    expect(nonMetricsPortWarnings(job)).toEqual([
      'ServiceScrape dev/monitoring/postgres, targets: "postgres:5432" is the port of PostgreSQL (use Exporter.postgres / postgres-exporter on :9187); that port serves no Prometheus /metrics endpoint, so this target will always be down',
    ]);
  });
});
