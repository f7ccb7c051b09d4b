import * as fs from 'fs';
import * as path from 'path';
import { AlertGroup, AlertRouting, ServiceScrape } from '../../lib';
import { dockerEnvironment, synthJson } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../import/fixtures', name), 'utf8');

describe('moving an existing setup into constructs', () => {
  test('AlertGroup.fromPrometheusRules, ServiceScrape.fromPrometheusConfig and AlertRouting.fromAlertmanagerConfig', () => {
    const { stack, monitoring } = dockerEnvironment();
    const groups = AlertGroup.fromPrometheusRules(monitoring, 'imported', 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up{job="api"} == 0\n        for: 2m\n        labels: {severity: critical}\n');
    expect(groups.map((g) => g.groupName)).toEqual(['api']);
    const scrapes = ServiceScrape.fromPrometheusConfig(monitoring, 'scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ["api:8000"]\n');
    expect(scrapes.map((s) => s.jobName)).toEqual(['api']);
    AlertRouting.fromAlertmanagerConfig(monitoring, 'routing', 'route: {receiver: hook}\nreceivers:\n  - name: hook\n    webhook_configs: [{url: "http://hook:8080/"}]\n');
    synthJson(stack);
    const dir = writeTempFiles(monitoring.renderedFiles());
    expect(runTool('amtool', ['check-config', path.join(dir, 'alertmanager/alertmanager.yml')]).status).toBe(0);
    expect(runTool('promtool', ['check', 'config', path.join(dir, 'prometheus/prometheus.yml')]).status).toBe(0);
  });

  test("a seed's invalid alertmanager.yml is refused with the construct, file position and field", () => {
    const { monitoring } = dockerEnvironment();
    const seed = fs.readdirSync(path.join(__dirname, '../import/fixtures')).find((f) => /000.*alertmanager/.test(f) && !f.includes('corrected'));
    expect(seed).toBeDefined();
    expect(() => AlertRouting.fromAlertmanagerConfig(monitoring, 'routing', fixture(seed!), { source: 'alertmanager.yml' })).toThrow(
      /AlertRouting test\/monitoring\/routing from alertmanager\.yml:\d+:\d+.*email_configs\[0\]\.subject: email_configs has no `subject`/,
    );
  });
});
