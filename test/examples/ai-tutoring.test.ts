import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { AlertRouting } from '../../lib';
import { runTool, writeTempFiles } from '../helpers/tools';
import { AiTutoringStack, SERVICES, SERVICES_JOB } from '../../examples/ai-tutoring/main';

describe('example: AI Tutoring Platform (seed 003)', () => {
  let stack: AiTutoringStack;
  let json: string;
  let files: Readonly<Record<string, string>>;
  beforeAll(() => {
    stack = new AiTutoringStack(Testing.app(), 'tutoring');
    json = Testing.synth(stack, true); // validations on
    files = stack.monitoring.renderedFiles();
  });

  test('scrapes every service in one job with a `service` label, and probes each /health', () => {
    const prometheusYml = files['prometheus/prometheus.yml'];
    for (const job of [SERVICES_JOB, 'service-health', 'postgres', 'redis']) expect(prometheusYml).toContain(`job_name: ${job}\n`);
    for (const [service, port] of Object.entries(SERVICES)) {
      expect(prometheusYml).toContain(`- ${service}:${port}\n`);
      expect(prometheusYml).toContain(`- http://${service}:${port}/health\n`);
    }
    expect(prometheusYml).toContain('target_label: service');
  });

  test('the guide\'s seven named alerts exist as rules', () => {
    const all = Object.entries(files).filter(([f]) => f.startsWith('prometheus/rules/')).map(([, text]) => text).join('\n');
    for (const alert of ['ServiceTargetDown', 'ServiceHighErrorRatio', 'ServiceHighLatencyP95', 'AiGenerationSlow', 'HostHighMemoryUsage', 'SlowDatabaseQueries', 'LowCacheHitRate']) {
      expect(all).toContain(`alert: ${alert}\n`);
    }
    expect(files['prometheus/rules/ai.yml']).toContain('ai_generation_duration_seconds_bucket{job="tutoring-services",service="ai-service"}');
    expect(files['tests/service-internals.test.yml']).toContain('LowCacheHitRate');
  });

  test('the email receiver has an SMTP server, a sender and a password variable, and a route', () => {
    const tf = JSON.parse(json);
    expect(Object.keys(tf.variable).sort()).toEqual(['postgres_exporter_password', 'redis_password', 'smtp_password']);
    for (const variable of Object.values<Record<string, unknown>>(tf.variable)) expect(variable.sensitive).toBe(true);
    const am = files['alertmanager/alertmanager.yml'];
    expect(am).toMatch(/^route:\n\s+receiver: email$/m);
    expect(am).toContain('smarthost: smtp.example.com:587');
    expect(am).toContain('auth_password_file: /etc/monitoring/secrets/smtp_password');
  });

  test('alerts reach the team email (amtool)', () => {
    const commands = AlertRouting.routingTests(stack.monitoring);
    expect(commands).toHaveLength(2);
    const dir = writeTempFiles(files);
    for (const [tool, ...args] of commands) {
      const result = runTool(tool, args, dir);
      expect({ args, status: result.status }).toEqual({ args, status: 0 });
    }
  });

  test('runs with `cdktf synth` from its own folder (its own cdktf.json)', () => {
    const dir = path.join(__dirname, '../../examples/ai-tutoring');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-example-'));
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app.split(' ');
    execFileSync(app[0], app.slice(1), { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' }, timeout: 120_000 });
    expect(fs.existsSync(path.join(outdir, 'stacks/tutoring/cdk.tf.json'))).toBe(true);
    expect(fs.readFileSync(path.join(outdir, 'stacks/tutoring/rendered/monitoring/prometheus/prometheus.yml'), 'utf8')).toContain(`job_name: ${SERVICES_JOB}`);
  });
});
