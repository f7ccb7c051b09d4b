import * as path from 'path';
import { parse } from 'yaml';
import { AlertGroup, AlertRouting, Receiver, ServiceScrape, Severity } from '../../../lib';
import { AgentCredentials, AwsManagedTarget } from '../../../lib/targets/aws';
import { ProdStack } from '../../../stacks/prod';
import { runTool, writeTempFiles } from '../../helpers/tools';
import { awsEnvironment } from './helpers';
import { Testing } from 'cdktf';

/** An AWS environment that uses every Alertmanager feature the renderer knows: templates, time intervals, discard. */
function richEnvironment(): AwsManagedTarget {
  const { monitoring, aws } = awsEnvironment({
    agents: [{ name: 'app-1', dockerHost: 'ssh://app-1' }],
    agentCredentials: AgentCredentials.instanceRole(),
    eksScrapers: [{ name: 'main', clusterArn: 'arn:aws:eks:eu-west-1:123456789012:cluster/main', subnetIds: ['subnet-1'] }],
  });
  new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
  new AlertGroup(monitoring, 'api-health', { rules: [{ alert: 'ApiDown', expr: 'up{job="api"} == 0', for: '2m', severity: Severity.CRITICAL }] });
  new AlertRouting(monitoring, 'routing', {
    receivers: [Receiver.email('team', { to: 't@example.com', from: 'a@example.com', smarthost: 'smtp:25', subject: '{{ template "subject" . }}' }), Receiver.discard('null')],
    route: { receiver: 'team', routes: [{ matchers: { severity: 'info' }, receiver: 'null', muteTimeIntervals: ['nights'] }] },
    timeIntervals: [{ name: 'nights', periods: [{ times: [{ start: '22:00', end: '24:00' }] }] }],
    templates: { subject: '{{ define "subject" }}[{{ .Status }}] {{ .CommonLabels.alertname }}{{ end }}' },
  });
  return aws;
}

const prod = new ProdStack(Testing.app(), 'prod');

// The real programs judge the AWS files: amtool 0.25 (SNS receivers exist since 0.23) and promtool 2.42.
describe.each([
  { name: 'stacks/prod', aws: prod.aws },
  { name: 'an environment with templates and time intervals', aws: richEnvironment() },
])('AWS oracles: $name', ({ aws }) => {
  const files = aws.renderedFiles();
  const dir = writeTempFiles(files);

  test('amtool check-config accepts the alertmanager_config part of the AMP definition, with its templates', () => {
    const result = runTool('amtool', ['check-config', path.join(dir, 'aws/amp/alertmanager.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  test('the AMP definition is exactly that file wrapped as alertmanager_config, plus its template_files', () => {
    const definition = parse(files['aws/amp/alert-manager-definition.yml']);
    expect(definition.alertmanager_config).toBe(files['aws/amp/alertmanager.yml']);
    const templates = Object.keys(files).filter((f) => f.endsWith('.tmpl'));
    expect(Object.keys(definition.template_files ?? {}).sort()).toEqual(templates.map((f) => path.basename(f)).sort());
  });

  test('promtool check rules accepts every rule groups namespace', () => {
    const namespaces = Object.keys(files).filter((f) => f.startsWith('aws/amp/rules/'));
    expect(namespaces.length).toBeGreaterThan(0);
    const result = runTool('promtool', ['check', 'rules', ...namespaces.map((f) => path.join(dir, f))]);
    expect(result.output).not.toContain('FAILED');
    expect(result.status).toBe(0);
  });

  test('promtool check config --agent accepts every agent prometheus.yml', () => {
    const agents = Object.keys(files).filter((f) => f.startsWith('aws/agents/'));
    expect(agents.length).toBeGreaterThan(0);
    for (const file of agents) {
      const result = runTool('promtool', ['check', 'config', '--agent', path.join(dir, file)]);
      expect({ file, output: result.output, status: result.status }).toEqual({ file, output: expect.stringContaining('SUCCESS'), status: 0 });
    }
  });

  test('promtool check config accepts every managed scraper configuration', () => {
    for (const file of Object.keys(files).filter((f) => f.startsWith('aws/scrapers/'))) {
      const result = runTool('promtool', ['check', 'config', path.join(dir, file)]);
      expect({ file, status: result.status }).toEqual({ file, status: 0 });
    }
  });
});

describe('AWS oracles: prod alerts and routing', () => {
  const files = prod.monitoring.renderedFiles();
  const dir = writeTempFiles({ ...files, ...prod.aws.renderedFiles() });

  test("promtool test rules passes prod's alert unit tests (evaluation times follow prod's thresholds)", () => {
    const tests = Object.keys(files).filter((f) => f.startsWith('tests/'));
    expect(tests.length).toBeGreaterThan(0);
    for (const file of tests) {
      const result = runTool('promtool', ['test', 'rules', file], dir);
      expect({ file, output: result.output, status: result.status }).toEqual({ file, output: expect.stringContaining('SUCCESS'), status: 0 });
    }
  });

  test('the routing expectations hold on the AMP configuration too (amtool config routes test)', () => {
    const commands = AlertRouting.routingTests(prod.monitoring);
    expect(commands.length).toBeGreaterThan(0);
    for (const [tool, ...args] of commands) {
      const onAws = args.map((a) => a.replace('alertmanager/alertmanager.yml', 'aws/amp/alertmanager.yml'));
      const result = runTool(tool, onAws, dir);
      expect({ args: onAws, output: result.output.trim(), status: result.status }).toEqual({ args: onAws, output: expect.any(String), status: 0 });
    }
  });
});

describe('AWS oracles catch what they should', () => {
  test('amtool refuses an sns_config without a topic, so its acceptance of ours means something', () => {
    const dir = writeTempFiles({ 'am.yml': 'route: {receiver: a}\nreceivers:\n  - name: a\n    sns_configs:\n      - sigv4: {region: eu-west-1}\n' });
    const result = runTool('amtool', ['check-config', path.join(dir, 'am.yml')]);
    expect(result.status).not.toBe(0);
  });
});
