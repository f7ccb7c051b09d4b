import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { AlertRouting } from '../../lib';
import { runTool, writeTempFiles } from '../helpers/tools';
import { AiChatStack, BACKEND_JOB } from '../../examples/ai-chat/main';

describe('example: AI Chat Application (seed 001)', () => {
  let stack: AiChatStack;
  let json: string;
  let files: Readonly<Record<string, string>>;
  beforeAll(() => {
    stack = new AiChatStack(Testing.app(), 'aichat');
    json = Testing.synth(stack, true); // validations on
    files = stack.monitoring.renderedFiles();
  });

  test('scrapes the backend without the keep-only relabeling, the databases through exporters, and probes health', () => {
    const prometheusYml = files['prometheus/prometheus.yml'];
    for (const job of [BACKEND_JOB, 'postgres', 'redis', 'backend-health']) expect(prometheusYml).toContain(`job_name: ${job}\n`);
    expect(prometheusYml).not.toContain('metric_relabel_configs');
    expect(files['blackbox/blackbox.yml']).toContain('fail_if_body_not_matches_regexp');
  });

  test('secrets (SMTP password, Slack URL, PagerDuty routing key) are sensitive variables, read from files', () => {
    const tf = JSON.parse(json);
    expect(Object.keys(tf.variable).sort()).toEqual(['pagerduty_routing_key', 'postgres_exporter_password', 'redis_password', 'slack_webhook_url', 'smtp_password']);
    for (const variable of Object.values<Record<string, unknown>>(tf.variable)) {
      expect(variable.sensitive).toBe(true);
      expect(variable.default).toBeUndefined();
    }
    expect(json).not.toContain('hooks.slack.com');
    expect(json).not.toContain('pagerduty-service-key');
    const am = files['alertmanager/alertmanager.yml'];
    for (const field of ['auth_password_file', 'api_url_file', 'routing_key_file']) expect(am).toContain(`${field}: /etc/monitoring/secrets/`);
    expect(am).not.toMatch(/^\s+(auth_password|api_url|service_key|routing_key):/m);
  });

  test('the Slack templates the receiver uses are defined', () => {
    expect(files['alertmanager/templates/slack.tmpl']).toContain('{{ define "slack.title" }}');
    expect(files['alertmanager/templates/slack.tmpl']).toContain('{{ define "slack.text" }}');
  });

  test('the AI error ratio divides ai_errors_total by ai_requests_total, with a traffic guard (custom group)', () => {
    const rules = files['prometheus/rules/ai-errors.yml'];
    expect(rules).toContain('rate(ai_errors_total{job="aichat-backend"}[5m])');
    expect(rules).toMatch(/> 0\.1\n\s+and\n/);
    expect(files['tests/ai-errors.test.yml']).toContain('AiErrorRatioHigh');
    expect(files['prometheus/rules/host.yml']).toContain('team: infrastructure');
  });

  test('routing: critical pages on-call and reaches the team; infrastructure alerts reach infrastructure (amtool)', () => {
    const commands = AlertRouting.routingTests(stack.monitoring);
    expect(commands.map((c) => c.find((a) => a.startsWith('--verify.receivers=')))).toEqual([
      '--verify.receivers=team-ai-chat-urgent,team-ai-chat',
      '--verify.receivers=team-ai-chat',
      '--verify.receivers=team-ai-chat-urgent,team-infrastructure',
      '--verify.receivers=team-infrastructure',
    ]);
    const dir = writeTempFiles(files);
    for (const [tool, ...args] of commands) {
      const result = runTool(tool, args, dir);
      expect({ args, status: result.status }).toEqual({ args, status: 0 });
    }
  });

  test("Jaeger's traces reach Grafana: a provisioned Jaeger data source whose spans link to the logs in Loki", () => {
    const text = new AiChatStack(Testing.app(), 'aichat').monitoring.renderedFiles()['grafana/provisioning/datasources/datasources.yml'];
    expect(text).toContain('    uid: jaeger\n    type: jaeger\n    access: proxy\n    url: http://jaeger:16686\n');
    expect(text).toContain('      tracesToLogsV2:\n        datasourceUid: loki\n');
  });

  test('runs with `cdktf synth` from its own folder (its own cdktf.json)', () => {
    const dir = path.join(__dirname, '../../examples/ai-chat');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-example-'));
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app.split(' ');
    execFileSync(app[0], app.slice(1), { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' }, timeout: 120_000 });
    expect(fs.existsSync(path.join(outdir, 'stacks/aichat/cdk.tf.json'))).toBe(true);
    expect(fs.readFileSync(path.join(outdir, 'stacks/aichat/rendered/monitoring/alertmanager/alertmanager.yml'), 'utf8')).toContain('name: team-infrastructure');
  });
});
