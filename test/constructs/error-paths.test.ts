import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AlertGroup, AlertRouting, DockerHostTarget, Duration, MonitoringStack, Receiver, Secret, ServiceLevelObjective, ServiceScrape, Severity, SloIndicator } from '../../lib';
import { AwsManagedTarget } from '../../lib/targets/aws';
import { GrafanaTarget } from '../../lib/targets/grafana';
import { targetProps } from '../targets/grafana/helpers';
import { bindTarget, dockerEnvironment } from '../helpers/stacks';
import { messageOf } from '../helpers/errors';

describe('every error names the construct path', () => {
  test('target props errors name the MonitoringStack that binds the target', () => {
    expect(messageOf(() => bindTarget(new DockerHostTarget({ hostPorts: { grafana: 70000 } })))).toBe(
      'DockerHostTarget of MonitoringStack test/monitoring, hostPorts.grafana: got 70000, expected a port between 1 and 65535, or false',
    );
    expect(messageOf(() => bindTarget(new AwsManagedTarget({ region: 'Ireland' }), 'prod'))).toBe(
      'AwsManagedTarget of MonitoringStack test/monitoring, region: got "Ireland", expected an AWS region such as "eu-west-1"',
    );
    expect(messageOf(() => bindTarget(new GrafanaTarget(targetProps({ orgId: 0 }))))).toBe(
      'GrafanaTarget of MonitoringStack test/monitoring, orgId: got 0, expected a Grafana organization id, a whole number ≥ 1',
    );
    // A target that is created but never given to a MonitoringStack creates nothing, so it reports nothing.
    expect(() => new DockerHostTarget({ hostPorts: { grafana: 70000 } })).not.toThrow();
  });

  test('a Secret with a bad variable name in a target\'s props names the MonitoringStack and the field', () => {
    expect(messageOf(() => bindTarget(new GrafanaTarget(targetProps({ auth: Secret.fromVariable('grafana token') }))))).toBe(
      'GrafanaTarget of MonitoringStack test/monitoring, auth: Secret.fromVariable: got "grafana token", expected a Terraform variable name (letters, digits, _ and -)',
    );
  });

  test('Duration, Secret and Severity errors are re-raised with the construct and the field that received them', () => {
    const { monitoring } = dockerEnvironment();
    expect(messageOf(() => new AlertGroup(monitoring, 'api', { rules: [{ alert: 'ApiDown', expr: 'up == 0', for: Duration.minutes(-2) }] }))).toBe(
      'AlertGroup test/monitoring/api, rules[0].for: got Duration.minutes(-2), expected a non-negative number that is a whole number of milliseconds',
    );
    expect(messageOf(() => new AlertGroup(monitoring, 'api2', { rules: [{ alert: 'ApiDown', expr: 'up == 0', severity: Severity.of('page now') }] }))).toBe(
      'AlertGroup test/monitoring/api2, rules[0].severity: Severity.of: got "page now", expected a plain word such as "critical", "warning" or "info"',
    );
    const group = new AlertGroup(monitoring, 'api3', { rules: [{ alert: 'ApiDown', expr: 'up == 0' }] });
    expect(messageOf(() => group.addRule({ alert: 'ApiSlow', expr: 'up == 0', keepFiringFor: Duration.seconds(Number.NaN) }))).toBe(
      'AlertGroup test/monitoring/api3, rules[1].keepFiringFor: got Duration.seconds(NaN), expected a non-negative number that is a whole number of milliseconds',
    );
    expect(messageOf(() => new ServiceScrape(monitoring, 'db', { targets: ['db:9187'], basicAuth: { username: 'u', password: Secret.fromFile('run/secrets/db') } }))).toBe(
      'ServiceScrape test/monitoring/db, basicAuth.password: Secret.fromFile: got "run/secrets/db", expected an absolute path inside the container, e.g. "/run/secrets/slack_url"',
    );
    expect(messageOf(() => new AlertRouting(monitoring, 'routing', { receivers: [Receiver.pagerduty('pd', { routingKey: Secret.fromVariable('pd key') })], route: { receiver: 'pd' } }))).toBe(
      'AlertRouting test/monitoring/routing, receivers[0].integrations[0].options.routingKey: Secret.fromVariable: got "pd key", expected a Terraform variable name (letters, digits, _ and -)',
    );
    expect(
      messageOf(() => new ServiceLevelObjective(monitoring, 'slo', { service: 'api', objective: 0.99, indicator: SloIndicator.probe({ selector: '{job="api"}' }), pageSeverity: Severity.of('') })),
    ).toBe('ServiceLevelObjective test/monitoring/slo, pageSeverity: Severity.of: got "", expected a plain word such as "critical", "warning" or "info"');
    expect(messageOf(() => dockerEnvironment({ prometheus: { scrapeInterval: Duration.seconds(-15) } }))).toBe(
      'MonitoringStack test/monitoring, prometheus.scrapeInterval: got Duration.seconds(-15), expected a non-negative number that is a whole number of milliseconds',
    );
  });

  test('two MonitoringStacks with one environment in one TerraformStack get a clear message', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new MonitoringStack(stack, 'a', { environment: 'dev', target: new DockerHostTarget() });
    expect(messageOf(() => new MonitoringStack(stack, 'b', { environment: 'dev', target: new DockerHostTarget({ hostPorts: { prometheus: 9190, alertmanager: 9193, grafana: 3300 } }) }))).toBe(
      'MonitoringStack test/b, environment: got "dev", which MonitoringStack test/a in the same TerraformStack already uses; expected one MonitoringStack per environment and TerraformStack ' +
        '(its variables, outputs and resources are named after the environment): add the constructs to the existing MonitoringStack, give this one another environment name, ' +
        'or put it in its own TerraformStack',
    );
  });

  test('AWS delivery errors are synth validation errors, all at once, without a cdktf resolution stack', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-monitoring-aws-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'test');
      const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'prod', targets: [new AwsManagedTarget({ region: 'eu-west-1' })] });
      new AlertRouting(monitoring, 'routing', {
        receivers: [
          Receiver.pagerduty('pager', { routingKey: Secret.fromVariable('pd_key') }),
          Receiver.of('hook', [Receiver.integration.webhook({ url: 'http://hooks.example.com/alerts' }), Receiver.integration.slack({ apiUrl: Secret.fromVariable('slack_url') })]),
        ],
        route: { receiver: 'pager', routes: [{ receiver: 'hook' }] },
      });
      // A real app: cdktf resolves every token before it validates, which used to surface the first problem as a
      // "Resolution error" with cdktf's object creation stack.
      const message = messageOf(() => app.synth());
      expect(message).toMatch(/^Validation failed with the following errors:/);
      expect(message).toContain('receiver pager, integrations[0]: got "pagerduty", expected an integration Amazon Managed Service for Prometheus can deliver');
      expect(message).toContain('receiver hook, integrations[0].url: got "http://hooks.example.com/alerts"');
      expect(message).toContain('receiver hook, integrations[1]: got "slack"');
      expect(message).not.toContain('Resolution error');
      expect(message).not.toContain('Object creation stack');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
