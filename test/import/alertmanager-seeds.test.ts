import * as path from 'path';
import { AlertRouting, AlertRoutingProps, Duration, Matcher, Receiver, Secret } from '../../lib';
import { importAlertmanagerConfig } from '../../lib/import';
import type { ImportedAlertmanagerConfig } from '../../lib/import';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';
import { errorOf, fixture, normalizeAlertmanager, readYaml } from './helpers';

// A compile-time check: an imported configuration is AlertRouting props.
const asProps = (imported: ImportedAlertmanagerConfig): AlertRoutingProps => imported;

/** The first error of `text`, then of `text` with each fix applied in turn (so every problem of a seed is listed). */
function errorsInOrder(text: string, fixes: readonly (readonly [string | RegExp, string])[]): string[] {
  const errors = [errorOf(() => importAlertmanagerConfig(text, 'alertmanager.yml'))];
  let current = text;
  for (const [from, to] of fixes) {
    const next = current.replace(from, to);
    if (next === current) throw new Error(`fix not applicable: ${String(from)}`);
    current = next;
    try {
      importAlertmanagerConfig(current, 'alertmanager.yml');
      errors.push('(imports)');
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  return errors;
}

/** Renders an imported configuration through the AlertRouting construct. */
function renderImported(text: string): string {
  const imported = importAlertmanagerConfig(text, 'alertmanager.yml');
  const { monitoring } = dockerEnvironment({ alertmanager: imported.settings });
  new AlertRouting(monitoring, 'routing', asProps(imported));
  expect(monitoring.model.validate()).toEqual([]);
  return monitoring.renderedFiles()['alertmanager/alertmanager.yml'];
}

const SUBJECT = 'email_configs has no `subject`; set `headers: { Subject: ... }` (typed: `subject`)';
const BODY = 'email_configs has no `body`; set `html:` or `text:` (typed: `html` / `text`)';
const literal = (fileKey: string) =>
  `is a literal secret (value not shown); secrets must not be literals in config files: use \`${fileKey}\` (a path inside the Alertmanager container; imported as Secret.fromFile) or declare it in code with Secret.fromVariable(...)`;

describe('the seeds\' alertmanager.yml files: every problem, in the order the importer reports them', () => {
  test('seed 000: subject and body on an email receiver', () => {
    expect(errorsInOrder(fixture('seed-000-alertmanager.yml'), [[/subject: (.*)/, 'headers: { Subject: $1 }'], [/body:/, 'text:']])).toEqual([
      `alertmanager.yml:21:5, receiver email, receivers[1].email_configs[0].subject: ${SUBJECT}`,
      `alertmanager.yml:22:5, receiver email, receivers[1].email_configs[0].body: ${BODY}`,
      '(imports)',
    ]);
  });

  test('seed 001: a literal SMTP password, Slack URL and PagerDuty key, and a route to an undeclared receiver', () => {
    expect(
      errorsInOrder(fixture('seed-001-alertmanager.yml'), [
        ["smtp_auth_password: 'password'", 'smtp_auth_password_file: /run/secrets/smtp_password'],
        ["api_url: 'https://hooks.slack.com/services/...'", 'api_url_file: /run/secrets/slack_url'],
        ["service_key: 'pagerduty-service-key'", 'routing_key_file: /run/secrets/pagerduty_routing_key'],
        ["receiver: 'team-infrastructure'", "receiver: 'team-ai-chat'"],
      ]),
    ).toEqual([
      `alertmanager.yml:6:23, global.smtp_auth_password: ${literal('smtp_auth_password_file')}`,
      `alertmanager.yml:28:18, receiver team-ai-chat, receivers[0].slack_configs[0].api_url: ${literal('api_url_file')}`,
      `alertmanager.yml:37:22, receiver team-ai-chat-urgent, receivers[1].pagerduty_configs[0].service_key: ${literal('routing_key_file')}; ` +
        '`service_key` is the PagerDuty Events API v1 key, and Receiver.pagerduty sends to the Events API v2: create an Events API v2 integration and use its routing key',
      'alertmanager.yml:21:17, route.routes[1].receiver: got "team-infrastructure", expected the name of a declared receiver (declared: "team-ai-chat", "team-ai-chat-urgent")',
      '(imports)',
    ]);
  });

  test('seed 002: subject and body on email, a placeholder Slack URL written literally', () => {
    expect(
      errorsInOrder(fixture('seed-002-alertmanager.yml'), [
        [/subject: (.*)/, 'headers: { Subject: $1 }'],
        [/body:/, 'text:'],
        ["api_url: 'YOUR_SLACK_WEBHOOK_URL'", 'api_url_file: /run/secrets/slack_url'],
      ]),
    ).toEqual([
      `alertmanager.yml:17:9, receiver web.hook, receivers[0].email_configs[0].subject: ${SUBJECT}`,
      `alertmanager.yml:18:9, receiver web.hook, receivers[0].email_configs[0].body: ${BODY}`,
      `alertmanager.yml:24:18, receiver web.hook, receivers[0].slack_configs[0].api_url: ${literal('api_url_file')}`,
      '(imports)',
    ]);
  });

  test('seed 003: an email receiver with no SMTP server or sender, and no route', () => {
    expect(
      errorsInOrder(fixture('seed-003-alertmanager.yml'), [
        ['receivers:', "global:\n  smtp_smarthost: 'smtp.example.com:587'\nreceivers:"],
        ['receivers:', "  smtp_from: 'alertmanager@example.com'\nreceivers:"],
        ['receivers:', "route:\n  receiver: 'email'\nreceivers:"],
      ]),
    ).toEqual([
      'alertmanager.yml:5:9, receiver email, receivers[0].email_configs[0].smarthost: is required: expected an SMTP server as "host:port", here or as global `smtp_smarthost`',
      'alertmanager.yml:7:9, receiver email, receivers[0].email_configs[0].from: is required: expected a sender address, here or as global `smtp_from`',
      'alertmanager.yml:2:1, route: is required: expected a root route with `receiver:`',
      '(imports)',
    ]);
  });

  test('seed 004: subject and body on email; the Slack snippet has a literal URL and no route', () => {
    expect(errorsInOrder(fixture('seed-004-alertmanager.yml'), [[/subject: (.*)/, 'headers: { Subject: $1 }'], [/body:/, 'text:']])).toEqual([
      `alertmanager.yml:17:9, receiver web.hook, receivers[0].email_configs[0].subject: ${SUBJECT}`,
      `alertmanager.yml:18:9, receiver web.hook, receivers[0].email_configs[0].body: ${BODY}`,
      '(imports)',
    ]);
    expect(
      errorsInOrder(fixture('seed-004-alertmanager-slack.yml'), [
        ["api_url: 'https://hooks.slack.com/services/YOUR/SLACK/WEBHOOK'", 'api_url_file: /run/secrets/slack_url'],
        ['receivers:', "route: { receiver: slack }\nreceivers:"],
      ]),
    ).toEqual([
      `alertmanager.yml:5:18, receiver slack, receivers[0].slack_configs[0].api_url: ${literal('api_url_file')}`,
      'alertmanager.yml:2:1, route: is required: expected a root route with `receiver:`',
      '(imports)',
    ]);
  });
});

describe('the seeds\' alertmanager.yml files, corrected', () => {
  const CORRECTED = [0, 1, 2, 3, 4].map((n) => `seed-00${n}-alertmanager.corrected.yml`);

  test('seed 001 imports to typed receivers with file secrets, global SMTP settings returned as global, and match converted to matchers', () => {
    const imported = importAlertmanagerConfig(fixture('seed-001-alertmanager.corrected.yml'), 'alertmanager.yml');
    const smtp = {};
    expect(imported).toEqual({
      receivers: [
        Receiver.of('team-ai-chat', [
          Receiver.integration.email({ to: 'ai-chat-team@company.com', ...smtp }),
          Receiver.integration.slack({
            apiUrl: Secret.fromFile('/run/secrets/slack_url'),
            channel: '#ai-chat-alerts',
            title: '{{ template "slack.default.title" . }}',
            text: '{{ template "slack.default.text" . }}',
          }),
        ]),
        Receiver.of('team-ai-chat-urgent', [
          Receiver.integration.email({ to: 'ai-chat-urgent@company.com', ...smtp }),
          Receiver.integration.pagerduty({ routingKey: Secret.fromFile('/run/secrets/pagerduty_routing_key') }),
        ]),
        Receiver.of('team-infrastructure', [Receiver.integration.email({ to: 'infrastructure@company.com', ...smtp })]),
      ],
      route: {
        receiver: 'team-ai-chat',
        groupBy: ['alertname', 'severity'],
        groupWait: Duration.seconds(30),
        groupInterval: Duration.minutes(5),
        repeatInterval: Duration.hours(4),
        routes: [
          { matchers: [Matcher.eq('severity', 'critical')], receiver: 'team-ai-chat-urgent', continue: true },
          { matchers: [Matcher.eq('alertname', 'HighCPUUsage')], receiver: 'team-infrastructure' },
        ],
      },
      inhibitRules: [],
      timeIntervals: [],
      settings: {
        global: {
          smtpFrom: 'alerts@aichatapp.com',
          smtpSmarthost: 'smtp.company.com:587',
          smtpAuthUsername: 'alerts',
          smtpAuthPassword: Secret.fromFile('/run/secrets/smtp_password'),
        },
      },
    });
  });

  test('seed 002: source_match/target_match become matchers', () => {
    const imported = importAlertmanagerConfig(fixture('seed-002-alertmanager.corrected.yml'), 'alertmanager.yml');
    expect(imported.inhibitRules).toEqual([
      { sourceMatchers: [Matcher.eq('severity', 'critical')], targetMatchers: [Matcher.eq('severity', 'warning')], equal: ['alertname', 'dev', 'instance'] },
    ]);
    expect(imported.receivers[0].integrations[0]).toEqual(
      Receiver.integration.email({
        to: 'admin@example.com',
        subject: '[AI Assistant Alert] {{ .GroupLabels.alertname }}',
        text: '{{ range .Alerts }}\nAlert: {{ .Annotations.summary }}\nDescription: {{ .Annotations.description }}\n{{ end }}\n',
      }),
    );
  });

  test.each(CORRECTED)('round trip: %s, imported and rendered, means the same as the input', (name) => {
    const input = readYaml(fixture(name));
    const output = readYaml(renderImported(fixture(name)));
    expect(normalizeAlertmanager(output)).toEqual(normalizeAlertmanager(input));
  });

  test.each(CORRECTED)('amtool: %s and its rendering pass check-config and show the same routing tree', (name) => {
    const dir = writeTempFiles({ 'input.yml': fixture(name), 'rendered.yml': renderImported(fixture(name)) });
    const check = runTool('amtool', ['check-config', path.join(dir, 'rendered.yml')]);
    expect(check.output).toContain('SUCCESS');
    expect(check.status).toBe(0);
    const tree = (file: string) => runTool('amtool', ['config', 'routes', 'show', `--config.file=${path.join(dir, file)}`]).output;
    expect(tree('rendered.yml')).toBe(tree('input.yml'));
  });
});
