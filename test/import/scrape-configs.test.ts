import * as path from 'path';
import { Duration, Secret, ServiceScrape, ServiceScrapeProps } from '../../lib';
import { importScrapeConfigs } from '../../lib/import';
import type { ImportedScrapeJob } from '../../lib/import';
import { MonitoringEnvironment } from '../../lib/model/environment';
import { buildScrapeJob } from '../../lib/model/scrape';
import { renderPrometheusConfig } from '../../lib/render/prometheus-config';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';
import { errorOf, fixture, normalizeScrapeJobs, readYaml } from './helpers';

const SEED_CONFIGS = ['seed-000-prometheus.yml', 'seed-001-prometheus.yml', 'seed-002-prometheus.yml', 'seed-004-prometheus.yml'];

/** Renders an imported prometheus.yml with the library's renderer. */
function renderImported(text: string, where: string): string {
  const imported = importScrapeConfigs(text, where);
  const env = new MonitoringEnvironment('dev', imported.settings);
  for (const job of imported.jobs) env.addScrapeJob(buildScrapeJob(job, 'test'));
  return renderPrometheusConfig(env.prometheusModel(), 'dev');
}

// A compile-time check: every imported job is a ServiceScrapeProps.
const asProps = (job: ImportedScrapeJob): ServiceScrapeProps => job;

describe('importScrapeConfigs: the seeds', () => {
  test('seed 000: static jobs, global settings, rule files, and warnings for the database ports', () => {
    const imported = importScrapeConfigs(fixture('seed-000-prometheus.yml'), 'prometheus.yml');
    expect(imported.jobs).toEqual([
      { jobName: 'dev-pynode', targets: ['backend:3000'], metricsPath: '/metrics', interval: Duration.seconds(30) },
      { jobName: 'postgres', targets: ['postgres:5432'] },
      { jobName: 'redis', targets: ['redis:6379'] },
      { jobName: 'minio', targets: ['minio:9000'] },
    ]);
    // No scrape_timeout in the file: Prometheus' 10s applies.
    expect(imported.settings).toEqual({ scrapeInterval: Duration.seconds(15), scrapeTimeout: Duration.seconds(10), evaluationInterval: Duration.seconds(15) });
    expect(imported.ruleFiles).toEqual(['alert_rules.yml']);
    expect(imported.alertmanagers).toEqual(['alertmanager:9093']);
    expect(imported.warnings).toEqual([
      'prometheus.yml:16:5, job postgres, scrape_configs[1], targets: "postgres:5432" is the port of PostgreSQL (use Exporter.postgres / postgres-exporter on :9187); that port serves no Prometheus /metrics endpoint, so this target will always be down',
      'prometheus.yml:20:5, job redis, scrape_configs[2], targets: "redis:6379" is the port of Redis (use Exporter.redis / redis-exporter on :9121); that port serves no Prometheus /metrics endpoint, so this target will always be down',
    ]);
  });

  test('seed 001: metric_relabel_configs', () => {
    const [job] = importScrapeConfigs(fixture('seed-001-prometheus.yml'), 'prometheus.yml').jobs;
    expect(job.metricRelabelConfigs).toEqual([{ sourceLabels: ['__name__'], regex: 'http_requests_total', action: 'keep' }]);
    expect(job.interval).toEqual(Duration.seconds(10));
  });

  test.each(SEED_CONFIGS)('round trip: %s renders to scrape jobs that mean the same as the input', (name) => {
    const input = readYaml(fixture(name));
    const output = readYaml(renderImported(fixture(name), name));
    expect(normalizeScrapeJobs(output)).toEqual(normalizeScrapeJobs(input));
    expect(output.global).toMatchObject({ scrape_interval: input.global.scrape_interval, evaluation_interval: input.global.evaluation_interval });
  });

  test('every imported seed prometheus.yml, rendered, passes promtool check config', () => {
    const files = Object.fromEntries(SEED_CONFIGS.map((name) => [name, renderImported(fixture(name), name)]));
    const dir = writeTempFiles(files);
    for (const name of SEED_CONFIGS) {
      const result = runTool('promtool', ['check', 'config', path.join(dir, name)]);
      expect({ name, output: result.output, status: result.status }).toEqual({ name, output: expect.stringContaining('SUCCESS'), status: 0 });
    }
  });

  test('the imported jobs are ServiceScrape props', () => {
    const { monitoring } = dockerEnvironment();
    for (const job of importScrapeConfigs(fixture('seed-000-prometheus.yml'), 'prometheus.yml').jobs) new ServiceScrape(monitoring, job.jobName, asProps(job));
    expect(monitoring.renderedFiles()['prometheus/prometheus.yml']).toContain('job_name: dev-pynode');
  });

  test('seed 003: the placeholder target is refused where it is written', () => {
    expect(errorOf(() => importScrapeConfigs(fixture('seed-003-prometheus.yml'), 'prometheus.yml'))).toBe(
      'prometheus.yml:5:19, job your-service, scrape_configs[0].static_configs[0].targets[0]: got "your-service:port", expected a "host:port" target such as "api:8000"',
    );
  });

  test('seed 004: retention under storage.tsdb is refused with where retention is set', () => {
    expect(errorOf(() => importScrapeConfigs(fixture('seed-004-prometheus-storage.yml'), 'prometheus.yml'))).toBe(
      "prometheus.yml:8:5, storage.tsdb.retention.time: storage.tsdb has no `retention.time`; retention is a command-line flag, not a prometheus.yml field: set `prometheus: { retention: '30d', retentionSize: '10GB' }` on the MonitoringStack",
    );
  });
});

describe('importScrapeConfigs: the rest of a scrape job', () => {
  const job = (body: string) => `scrape_configs:\n  - job_name: api\n${body}`;
  const targets = '    static_configs:\n      - targets: [api:8000]\n';

  test('auth from files, TLS, params, honor_labels, scheme, timeouts, labels, relabel_configs', () => {
    const [imported] = importScrapeConfigs(
      job(
        `${targets.replace('[api:8000]', '[api:8000]\n        labels: { team: api }')}` +
          '    scheme: https\n    scrape_interval: 30s\n    scrape_timeout: 5s\n    honor_labels: true\n    params: { module: [http_2xx] }\n' +
          '    basic_auth: { username: prom, password_file: /run/secrets/api_password }\n' +
          '    tls_config: { ca_file: /etc/ca.pem, server_name: api.internal, insecure_skip_verify: false }\n' +
          '    relabel_configs:\n      - { source_labels: [__address__], target_label: instance, action: Replace }\n',
      ),
      'p.yml',
    ).jobs;
    expect(imported).toEqual({
      jobName: 'api',
      targets: ['api:8000'],
      labels: { team: 'api' },
      scheme: 'https',
      interval: Duration.seconds(30),
      timeout: Duration.seconds(5),
      honorLabels: true,
      params: { module: ['http_2xx'] },
      basicAuth: { username: 'prom', password: Secret.fromFile('/run/secrets/api_password') },
      tls: { caFile: '/etc/ca.pem', serverName: 'api.internal', insecureSkipVerify: false },
      relabelConfigs: [{ sourceLabels: ['__address__'], targetLabel: 'instance', action: 'replace' }],
    });
    const bearer = importScrapeConfigs(job(`${targets}    authorization: { credentials_file: /run/secrets/token }\n`), 'p.yml').jobs[0];
    expect(bearer.bearerToken).toEqual(Secret.fromFile('/run/secrets/token'));
    expect(importScrapeConfigs(job(`${targets}    bearer_token_file: /run/secrets/token\n`), 'p.yml').jobs[0].bearerToken).toEqual(Secret.fromFile('/run/secrets/token'));
  });

  test('several static_configs with the same labels are merged; with different labels refused', () => {
    const same = `${targets}      - targets: [api:8001]\n`;
    expect(importScrapeConfigs(job(same), 'p.yml').jobs[0].targets).toEqual(['api:8000', 'api:8001']);
    const different = `${targets}      - targets: [api:8001]\n        labels: { env: canary }\n`;
    expect(errorOf(() => importScrapeConfigs(job(different), 'p.yml'))).toBe(
      'p.yml:6:17, job api, scrape_configs[0].static_configs[1].labels: has labels {"env":"canary"} but static_configs[0] has {}; a ServiceScrape has one label set for all its targets: ' +
        'split the job into one job per label set, each with its own job_name (the `job` label then differs, so check the alerts and dashboards that select it), or give every static_configs entry the same labels',
    );
  });

  test('service discovery the library does not render is refused, naming the job, the key and what is supported', () => {
    expect(errorOf(() => importScrapeConfigs(job('    consul_sd_configs:\n      - server: consul:8500\n'), 'p.yml'))).toBe(
      'p.yml:3:5, job api, scrape_configs[0].consul_sd_configs: service discovery with `consul_sd_configs` is not supported by cdktf-monitoring; supported: `static_configs`, ' +
        '`docker_sd_configs`, `file_sd_configs`, `dns_sd_configs`, `http_sd_configs`, `kubernetes_sd_configs` (list the targets in static_configs, or write them to a file for file_sd_configs)',
    );
  });

  test('literal secrets are refused without showing them', () => {
    const message = errorOf(() => importScrapeConfigs(job(`${targets}    basic_auth: { username: prom, password: hunter2 }\n`), 'p.yml'));
    expect(message).toBe(
      'p.yml:5:45, job api, scrape_configs[0].basic_auth.password: is a literal secret (value not shown); secrets must not be literals in config files: use `password_file` (a path inside the Prometheus container; imported as Secret.fromFile) or declare it in code with Secret.fromVariable(...)',
    );
    expect(message).not.toContain('hunter2');
    expect(errorOf(() => importScrapeConfigs(job(`${targets}    bearer_token: abc\n`), 'p.yml'))).toContain('scrape_configs[0].bearer_token: is a literal secret');
    expect(errorOf(() => importScrapeConfigs(job(`${targets}    authorization: { credentials: abc }\n`), 'p.yml'))).toContain(
      'scrape_configs[0].authorization.credentials: is a literal secret (value not shown); secrets must not be literals in config files: use `credentials_file`',
    );
    expect(errorOf(() => importScrapeConfigs(job(`${targets}    bearer_token_file: secrets/token\n`), 'p.yml'))).toBe(
      'p.yml:5:24, job api, scrape_configs[0].bearer_token_file: got "secrets/token", expected an absolute path inside the Prometheus container, e.g. "/run/secrets/bearer_token"',
    );
  });

  test('fallback_scrape_protocol (Prometheus 3) is imported and checked', () => {
    expect(importScrapeConfigs(job(`${targets}    fallback_scrape_protocol: PrometheusText1.0.0\n`), 'p.yml').jobs[0].fallbackScrapeProtocol).toBe('PrometheusText1.0.0');
    expect(errorOf(() => importScrapeConfigs(job(`${targets}    fallback_scrape_protocol: text/plain\n`), 'p.yml'))).toMatch(
      /^p\.yml:\d+:\d+, job api, scrape_configs\[0\]\.fallback_scrape_protocol: got "text\/plain", expected one of PrometheusProto, OpenMetricsText0\.0\.1, OpenMetricsText1\.0\.0, PrometheusText0\.0\.4, PrometheusText1\.0\.0$/,
    );
  });

  test('unknown and unsupported keys', () => {
    expect(errorOf(() => importScrapeConfigs(job(`${targets}    scrape_intervall: 30s\n`), 'p.yml'))).toBe(
      'p.yml:5:5, job api, scrape_configs[0].scrape_intervall: a scrape job has no `scrape_intervall` (did you mean `scrape_interval`?); expected one of ' +
        '`job_name`, `static_configs`, `metrics_path`, `scheme`, `scrape_interval`, `scrape_timeout`, `params`, `honor_labels`, `basic_auth`, `authorization`, `bearer_token_file`, `tls_config`, `relabel_configs`, `metric_relabel_configs`, `fallback_scrape_protocol`, ' +
          '`docker_sd_configs`, `file_sd_configs`, `dns_sd_configs`, `http_sd_configs`, `kubernetes_sd_configs`',
    );
    expect(errorOf(() => importScrapeConfigs(job(`${targets}    sample_limit: 1000\n`), 'p.yml'))).toMatch(
      /^p\.yml:5:5, job api, scrape_configs\[0\]\.sample_limit: `sample_limit` of a scrape job is not supported by cdktf-monitoring \(yet\); supported: `job_name`/,
    );
    expect(errorOf(() => importScrapeConfigs(`remote_write:\n  - url: http://x/\n${job(targets)}`, 'p.yml'))).toMatch(
      /^p\.yml:1:1, remote_write: `remote_write` of a Prometheus configuration is not supported by cdktf-monitoring \(yet\); supported: `global`, `rule_files`, `scrape_configs`, `alerting`$/,
    );
  });

  test('global: a scrape interval under 10s gives the timeout Prometheus gives it; a timeout over the interval is refused', () => {
    const oneMinute = Duration.minutes(1);
    expect(importScrapeConfigs('global: { scrape_interval: 5s }\n', 'p.yml').settings).toEqual({
      scrapeInterval: Duration.seconds(5),
      scrapeTimeout: Duration.seconds(5),
      evaluationInterval: oneMinute,
    });
    // No global at all, or a global without intervals: Prometheus' defaults (config.DefaultGlobalConfig), not the library's 15s.
    expect(importScrapeConfigs('scrape_configs: []\n', 'p.yml').settings).toEqual({ scrapeInterval: oneMinute, scrapeTimeout: Duration.seconds(10), evaluationInterval: oneMinute });
    expect(importScrapeConfigs('global: { external_labels: { region: eu } }\n', 'p.yml').settings).toEqual({
      scrapeInterval: oneMinute,
      scrapeTimeout: Duration.seconds(10),
      evaluationInterval: oneMinute,
      externalLabels: { region: 'eu' },
    });
    expect(errorOf(() => importScrapeConfigs('global:\n  scrape_interval: 5s\n  scrape_timeout: 10s\n', 'p.yml'))).toBe(
      'p.yml:3:19, global.scrape_timeout: got "10s", expected a timeout no longer than the scrape interval (5s)',
    );
  });

  test('a job checked like typed input: duplicate names, a timeout over its interval, a bad relabel action', () => {
    expect(errorOf(() => importScrapeConfigs(`${job(targets)}  - job_name: api\n${targets}`, 'p.yml'))).toBe(
      'p.yml:5:5, job api, scrape_configs[1], job_name: got "api", which is already used by scrape_configs[0]; expected a unique value',
    );
    expect(errorOf(() => importScrapeConfigs(job(`${targets}    scrape_interval: 5s\n    scrape_timeout: 10s\n`), 'p.yml'))).toBe(
      'p.yml:2:5, job api, scrape_configs[0], timeout: got "10s", expected a timeout no longer than the scrape interval (5s)',
    );
    expect(errorOf(() => importScrapeConfigs(job(`${targets}    relabel_configs: [{ action: rename }]\n`), 'p.yml'))).toMatch(
      /^p\.yml:5:33, job api, scrape_configs\[0\]\.relabel_configs\[0\]\.action: got "rename", expected one of replace, keep, drop/,
    );
  });
});
