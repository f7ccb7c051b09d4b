import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { MicroservicesStack, SERVICES } from '../../examples/microservices-docker/main';

describe('example: microservices on a Docker host', () => {
  test('synthesizes one job per service and Slack + email routing with secrets as variables', () => {
    const stack = new MicroservicesStack(Testing.app(), 'chat');
    const json = JSON.parse(Testing.synth(stack, true));
    const prometheusYml = stack.monitoring.renderedFiles()['prometheus/prometheus.yml'];
    for (const service of Object.keys(SERVICES)) expect(prometheusYml).toContain(`job_name: ${service}-service`);
    expect(Object.keys(json.variable).sort()).toEqual(['slack_webhook_url', 'smtp_password']);
  });

  test("the eight services of the seed 004 guide in one rule pack: 4 rules, one promtool test file", () => {
    const files = new MicroservicesStack(Testing.app(), 'chat').monitoring.renderedFiles();
    const jobs = Object.keys(SERVICES).map((s) => `${s}-service`);
    const rules = files['prometheus/rules/services.yml'];
    expect(rules.match(/- alert: /g)).toHaveLength(4);
    expect(rules).toContain(`expr: up{job=~"${jobs.join('|')}"} == 0`);
    expect(Object.keys(files).filter((f) => f.startsWith('tests/'))).toEqual(['tests/services.test.yml']);
    for (const job of jobs) expect(files['tests/services.test.yml']).toContain(`job="${job}"`);
  });

  test('runs with `cdktf synth` from its own folder (its own cdktf.json)', () => {
    const dir = path.join(__dirname, '../../examples/microservices-docker');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-example-'));
    // what `cdktf synth` does: run the app from cdktf.json with CDKTF_OUTDIR set
    const app = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app.split(' ');
    execFileSync(app[0], app.slice(1), { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' }, timeout: 120_000 });
    expect(fs.existsSync(path.join(outdir, 'stacks/chat/cdk.tf.json'))).toBe(true);
    expect(fs.readFileSync(path.join(outdir, 'stacks/chat/rendered/monitoring/prometheus/prometheus.yml'), 'utf8')).toContain('job_name: traefik');
  });
});
