import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { AlertRouting } from '../../lib';
import { runTool, writeTempFiles } from '../helpers/tools';
import { AiAssistantStack, APP_JOB } from '../../examples/ai-assistant/main';

describe('example: AI Assistant System (seed 002)', () => {
  let stack: AiAssistantStack;
  let json: string;
  let files: Readonly<Record<string, string>>;
  beforeAll(() => {
    stack = new AiAssistantStack(Testing.app(), 'assistant');
    json = Testing.synth(stack, true); // validations on
    files = stack.monitoring.renderedFiles();
  });

  test('scrapes the app every 5s and the databases through exporters; node-exporter and cAdvisor come with the host', () => {
    const prometheusYml = files['prometheus/prometheus.yml'];
    for (const job of [APP_JOB, 'postgres', 'redis', 'node', 'cadvisor']) expect(prometheusYml).toContain(`job_name: ${job}\n`);
    expect(prometheusYml).toContain(`job_name: ${APP_JOB}\n    scrape_interval: 5s\n    scrape_timeout: 4s`);
    expect(prometheusYml).not.toMatch(/- (postgres:5432|redis:6379)$/m);
  });

  test('error and tool failure alerts are ratios summed before dividing', () => {
    const health = files['prometheus/rules/app-health.yml'];
    expect(health).toContain('sum by (job) (rate(http_requests_total{job="ai-assistant",status_code=~"5.."}[5m]))');
    const tools = files['prometheus/rules/tools.yml'];
    expect(tools).toContain('alert: AiToolFailureRatioHigh');
    expect(tools).toContain('sum by (job, tool_name)');
    expect(tools).not.toContain('AiTokenUsageHigh');
  });

  test('secrets are sensitive variables; no placeholder Slack URL, no Grafana admin/admin', () => {
    const tf = JSON.parse(json);
    expect(Object.keys(tf.variable).sort()).toEqual(['postgres_exporter_password', 'redis_password', 'slack_webhook_url', 'smtp_password']);
    for (const variable of Object.values<Record<string, unknown>>(tf.variable)) expect(variable.sensitive).toBe(true);
    expect(json).not.toContain('YOUR_SLACK_WEBHOOK_URL');
    expect(json).not.toContain('GF_SECURITY_ADMIN_PASSWORD=');
    const am = files['alertmanager/alertmanager.yml'];
    expect(am).toContain('api_url_file: /etc/monitoring/secrets/slack_webhook_url');
    expect(am).not.toMatch(/^\s+(api_url|subject|body):/m);
    expect(am).not.toContain('- dev\n'); // the guide's inhibit rule required a `dev` label no alert has
  });

  test('every alert reaches the team by email and Slack (amtool)', () => {
    const commands = AlertRouting.routingTests(stack.monitoring);
    expect(commands).toHaveLength(2);
    const dir = writeTempFiles(files);
    for (const [tool, ...args] of commands) {
      const result = runTool(tool, args, dir);
      expect({ args, status: result.status }).toEqual({ args, status: 0 });
    }
  });

  test('runs with `cdktf synth` from its own folder (its own cdktf.json)', () => {
    const dir = path.join(__dirname, '../../examples/ai-assistant');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-example-'));
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app.split(' ');
    execFileSync(app[0], app.slice(1), { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' }, timeout: 120_000 });
    expect(fs.existsSync(path.join(outdir, 'stacks/assistant/cdk.tf.json'))).toBe(true);
    expect(fs.readFileSync(path.join(outdir, 'stacks/assistant/rendered/monitoring/prometheus/prometheus.yml'), 'utf8')).toContain(`job_name: ${APP_JOB}`);
  });
});
