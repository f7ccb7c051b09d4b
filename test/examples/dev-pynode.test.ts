import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { AlertRouting } from '../../lib';
import { runTool, writeTempFiles } from '../helpers/tools';
import { BACKEND_JOB, DevPyNodeStack } from '../../examples/dev-pynode/main';

describe('example: Dev-PyNode (seed 000)', () => {
  let stack: DevPyNodeStack;
  let json: string;
  let files: Readonly<Record<string, string>>;
  beforeAll(() => {
    stack = new DevPyNodeStack(Testing.app(), 'pynode');
    json = Testing.synth(stack, true); // validations on
    files = stack.monitoring.renderedFiles();
  });

  test('scrapes the backend, PostgreSQL and Redis through exporters, and probes the health endpoints', () => {
    const prometheusYml = files['prometheus/prometheus.yml'];
    for (const job of [BACKEND_JOB, 'postgres', 'redis', 'health-probes', 'node', 'cadvisor']) expect(prometheusYml).toContain(`job_name: ${job}\n`);
    expect(prometheusYml).toContain('postgres-exporter:9187');
    expect(prometheusYml).toContain('redis-exporter:9121');
    expect(prometheusYml).toContain('http://minio:9000/minio/health/live');
    // the guide's targets that serve no /metrics
    expect(prometheusYml).not.toMatch(/- (postgres:5432|redis:6379)$/m);
  });

  test('the error alert is a ratio on status_code, at the guide\'s 10 %', () => {
    const rules = files['prometheus/rules/backend-alerts.yml'];
    expect(rules).toContain('status_code=~"5.."');
    expect(rules).toMatch(/\/\n\s+sum by \(job\) \(rate\(http_requests_total\{job="dev-pynode"\}\[5m\]\)\)\n\s+\) > 0\.1/);
    expect(files['prometheus/rules/ai.yml']).not.toContain('AiServiceDown');
    expect(files['prometheus/rules/redis-health.yml']).toContain('RedisMemoryNearMax');
  });

  test('secrets are sensitive variables without defaults, never literals', () => {
    const tf = JSON.parse(json);
    expect(Object.keys(tf.variable).sort()).toEqual(['minio_prometheus_token', 'postgres_exporter_password', 'redis_password', 'smtp_password']);
    for (const variable of Object.values<Record<string, unknown>>(tf.variable)) {
      expect(variable.sensitive).toBe(true);
      expect(variable.default).toBeUndefined();
    }
    expect(json).not.toContain('admin123');
    expect(json).not.toMatch(/GF_SECURITY_ADMIN_PASSWORD=/);
    expect(Object.keys(tf.resource.random_password)).toHaveLength(1);
    const am = files['alertmanager/alertmanager.yml'];
    expect(am).toContain('auth_password_file: /etc/monitoring/secrets/smtp_password');
    expect(am).not.toMatch(/^\s+(auth_password|subject|body):/m);
    expect(am).toContain('Subject: "Dev-PyNode Alert: {{ .GroupLabels.alertname }}"');
  });

  test('critical alerts reach the email receiver and the webhook; others only the webhook (amtool)', () => {
    const commands = AlertRouting.routingTests(stack.monitoring);
    expect(commands).toHaveLength(2);
    const dir = writeTempFiles(files);
    for (const [tool, ...args] of commands) {
      const result = runTool(tool, args, dir);
      expect({ args, status: result.status }).toEqual({ args, status: 0 });
    }
  });

  test('ships the JSON log file to Loki through Alloy', () => {
    expect(files['alloy/config.alloy']).toContain('/srv/dev-pynode/logs/combined.log');
    expect(files['alloy/config.alloy']).not.toContain('error.log');
  });

  test('runs with `cdktf synth` from its own folder (its own cdktf.json)', () => {
    const dir = path.join(__dirname, '../../examples/dev-pynode');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-example-'));
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app.split(' ');
    execFileSync(app[0], app.slice(1), { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' }, timeout: 120_000 });
    expect(fs.existsSync(path.join(outdir, 'stacks/pynode/cdk.tf.json'))).toBe(true);
    expect(fs.readFileSync(path.join(outdir, 'stacks/pynode/rendered/monitoring/prometheus/prometheus.yml'), 'utf8')).toContain(`job_name: ${BACKEND_JOB}`);
  });
});
