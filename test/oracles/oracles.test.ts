import * as fs from 'fs';
import * as path from 'path';
import { SECRETS_DIR } from '../../lib/model/secret';
import { runTool, writeTempFiles } from '../helpers/tools';
import { allEnvironments } from './environments';
import { AlertRouting } from '../../lib';

// The real programs judge the rendered files: promtool 2.42 and amtool 0.25 from Debian.
/**
 * The rendered files, with secret file paths (which exist only inside the containers) pointed at stub files in the
 * temporary directory: promtool checks that `credentials_file` and `password_file` exist.
 */
function withStubSecrets(files: Readonly<Record<string, string>>): { files: Record<string, string>; dir: string } {
  const dir = writeTempFiles({});
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(files)) {
    out[file] = text.split(`${SECRETS_DIR}/`).join(`${dir}/secrets/`);
    for (const match of text.matchAll(new RegExp(`${SECRETS_DIR}/([\\w.-]+)`, 'g'))) out[`secrets/${match[1]}`] = 'stub\n';
  }
  for (const [file, text] of Object.entries(out)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return { files: out, dir };
}

describe.each(allEnvironments())('oracles: $name', ({ monitoring }) => {
  const { files, dir } = withStubSecrets(monitoring.renderedFiles());

  test('promtool check config accepts prometheus.yml with its rule files beside it', () => {
    const result = runTool('promtool', ['check', 'config', path.join(dir, 'prometheus/prometheus.yml')]);
    expect(result.output).toContain('is valid prometheus config file syntax');
    expect(result.status).toBe(0);
  });

  test('promtool check rules accepts every rule file', () => {
    const ruleFiles = Object.keys(files).filter((f) => f.startsWith('prometheus/rules/'));
    expect(ruleFiles.length).toBeGreaterThan(0);
    const result = runTool('promtool', ['check', 'rules', ...ruleFiles.map((f) => path.join(dir, f))]);
    expect(result.output).not.toContain('FAILED');
    expect(result.status).toBe(0);
  });

  test('promtool test rules passes every alert unit test file', () => {
    const testFiles = Object.keys(files).filter((f) => f.startsWith('tests/'));
    for (const file of testFiles) {
      const result = runTool('promtool', ['test', 'rules', file], dir);
      expect({ file, output: result.output, status: result.status }).toEqual({ file, output: expect.stringContaining('SUCCESS'), status: 0 });
    }
  });

  test('every routing expectation holds (amtool config routes test --verify.receivers)', () => {
    const commands = AlertRouting.routingTests(monitoring);
    expect(commands.length).toBeGreaterThan(0);
    for (const [tool, ...args] of commands) {
      const result = runTool(tool, args, dir);
      expect({ args, output: result.output.trim(), status: result.status }).toEqual({ args, output: expect.any(String), status: 0 });
    }
  });

  test('blackbox-exporter accepts blackbox.yml (when the environment probes anything)', () => {
    if (!files['blackbox/blackbox.yml']) return expect(Object.keys(files).some((f) => f.startsWith('blackbox/'))).toBe(false);
    const result = runTool('blackbox_exporter', ['--config.check', `--config.file=${path.join(dir, 'blackbox/blackbox.yml')}`]);
    expect(result.output).toContain('Config file is ok');
    expect(result.status).toBe(0);
  });

  test('amtool check-config accepts alertmanager.yml', () => {
    const result = runTool('amtool', ['check-config', path.join(dir, 'alertmanager/alertmanager.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});

describe('oracles catch what they should', () => {
  test('a wrong routing expectation fails amtool', () => {
    const { monitoring } = allEnvironments().find((e) => e.name === 'examples/microservices-docker')!;
    const dir = writeTempFiles(monitoring.renderedFiles());
    const result = runTool('amtool', ['config', 'routes', 'test', '--config.file=alertmanager/alertmanager.yml', '--verify.receivers=slack', 'severity=critical'], dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('oncall-email,slack');
  });

  // A guard that the oracle is live: a broken file must fail, or the tests above prove nothing.
  test('amtool refuses the seeds-style email receiver with a subject field', () => {
    const dir = writeTempFiles({
      'am.yml': 'route: {receiver: email}\nreceivers:\n  - name: email\n    email_configs:\n      - to: a@example.com\n        subject: Alert\n',
    });
    const result = runTool('amtool', ['check-config', path.join(dir, 'am.yml')]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('subject');
  });
});
