import * as fs from 'fs';
import * as path from 'path';
import { Secret } from '../../lib';
import { importAlertmanagerConfig, importScrapeConfigs } from '../../lib/import';
import { errorOf } from './helpers';

describe('YAML as Prometheus and Alertmanager read it', () => {
  test('anchors, aliases and `<<` merge keys (explicit keys win), YAML 1.1 booleans', () => {
    const text = `x-common: &common
  scrape_interval: 30s
  metrics_path: /internal/metrics
  honor_labels: yes
scrape_configs:
  - job_name: a
    <<: *common
    metrics_path: /metrics
    static_configs: [{ targets: ['a:1'] }]
`;
    expect(errorOf(() => importScrapeConfigs(text, 'p.yml'))).toContain('a Prometheus configuration has no `x-common`');
    const [job] = importScrapeConfigs(text.replace('x-common: &common\n', 'global: &common\n').replace('  metrics_path: /internal/metrics\n  honor_labels: yes\n', ''), 'p.yml').jobs;
    expect(job.interval?.toPrometheus()).toBe('30s');
    const merged = importScrapeConfigs(
      'scrape_configs:\n  - &base { job_name: a, honor_labels: yes, metrics_path: /m, static_configs: [{ targets: [a:1] }] }\n  - { <<: *base, job_name: b }\n',
      'p.yml',
    ).jobs;
    expect(merged.map((j) => [j.jobName, j.honorLabels, j.metricsPath])).toEqual([['a', true, '/m'], ['b', true, '/m']]);
  });

  test('values are read as written: `09:00` is a time, not the base-60 number 540', () => {
    const imported = importAlertmanagerConfig(
      'route: { receiver: r, routes: [{ receiver: r, active_time_intervals: [day] }] }\nreceivers: [{ name: r }]\ntime_intervals:\n  - name: day\n    time_intervals: [{ times: [{ start_time: 09:00, end_time: 17:00 }] }]\n',
      'am.yml',
    );
    expect(imported.timeIntervals[0].periods[0].times).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  test('secret paths must be absolute: they are read inside the container', () => {
    expect(errorOf(() => importAlertmanagerConfig('route: { receiver: r }\nreceivers: [{ name: r, slack_configs: [{ api_url_file: slack.url }] }]\n', 'am.yml'))).toBe(
      'am.yml:2:56, receiver r, receivers[0].slack_configs[0].api_url_file: got "slack.url", expected an absolute path inside the Alertmanager container, e.g. "/run/secrets/api_url"',
    );
    expect(
      importAlertmanagerConfig('route: { receiver: r }\nreceivers: [{ name: r, slack_configs: [{ api_url_file: /s/url }] }]\n', 'am.yml').receivers[0].integrations[0],
    ).toEqual({ type: 'slack', options: { apiUrl: Secret.fromFile('/s/url') } });
  });

  test('the importers are pure: nothing under lib/import imports cdktf, constructs or a provider', () => {
    const dir = path.join(__dirname, '../../lib/import');
    for (const file of fs.readdirSync(dir)) {
      const imports = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect({ file, external: imports.filter((i) => !i.startsWith('.')) }).toEqual({ file, external: imports.filter((i) => i === 'yaml') });
      expect(imports.filter((i) => i.includes('constructs/') || i.includes('targets/'))).toEqual([]);
    }
  });
});
