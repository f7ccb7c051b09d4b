import * as fs from 'fs';
import * as path from 'path';
import { AlertRouting, Duration, Receiver, Secret } from '../../lib';
import { importAlertmanagerConfig } from '../../lib/import';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';

/** Every integration of Alertmanager 0.33/0.34, with most fields, and a global with every default (see the file's header). */
const EVERY = fs.readFileSync(path.join(__dirname, 'fixtures', 'every-integration.alertmanager.yml'), 'utf8');
const TEAMS = ['discord', 'incidentio', 'jira', 'mattermost', 'teams', 'opsgenie', 'pagerduty', 'rocketchat', 'slack', 'sns', 'telegram', 'victorops', 'webex', 'webhook', 'wechat', 'nobody'];

function renderImported(yaml: string): { rendered: string; imported: ReturnType<typeof importAlertmanagerConfig> } {
  const imported = importAlertmanagerConfig(yaml, 'every.yml');
  const { monitoring } = dockerEnvironment({ alertmanager: imported.settings });
  new AlertRouting(monitoring, 'routing', imported);
  expect(monitoring.model.validate()).toEqual([]);
  return { rendered: monitoring.renderedFiles()['alertmanager/alertmanager.yml'], imported };
}

describe('every integration and a global: import → render → amtool (0.33.1)', () => {
  test('the input passes amtool, the rendered file passes amtool, and every label set routes to the same receivers', () => {
    const { rendered } = renderImported(EVERY);
    const dir = writeTempFiles({ 'input.yml': EVERY, 'rendered.yml': rendered });
    expect(runTool('amtool', ['check-config', path.join(dir, 'input.yml')]).output).toContain('SUCCESS');
    const check = runTool('amtool', ['check-config', path.join(dir, 'rendered.yml')]);
    expect(check.output).toContain('SUCCESS');
    for (const team of TEAMS) {
      const route = (file: string) => runTool('amtool', ['config', 'routes', 'test', `--config.file=${path.join(dir, file)}`, `team=${team}`]).output;
      expect({ team, receivers: route('rendered.yml') }).toEqual({ team, receivers: route('input.yml') });
    }
  });

  test('the rendered file imports back to the same receivers and global (a fixed point)', () => {
    const first = renderImported(EVERY);
    const second = renderImported(first.rendered);
    const byName = (rs: readonly Receiver[]) => [...rs].sort((a, b) => (a.name < b.name ? -1 : 1));
    // alertmanager.yml lists receivers by name.
    expect(byName(second.imported.receivers)).toEqual(byName(first.imported.receivers));
    expect(second.imported.settings).toEqual(first.imported.settings);
    expect(second.rendered).toBe(first.rendered);
  });

  test('what was read: 17 integrations, the global whole, secrets as files, durations and nested objects typed', () => {
    const { imported, rendered } = renderImported(EVERY);
    expect(imported.receivers.flatMap((r) => r.integrations.map((i) => i.type)).filter((t, i, all) => all.indexOf(t) === i).sort()).toEqual([
      'discord', 'email', 'incidentio', 'jira', 'mattermost', 'msteams', 'opsgenie', 'pagerduty', 'pushover', 'rocketchat', 'slack', 'sns', 'telegram',
      'victorops', 'webex', 'webhook', 'wechat',
    ]);
    expect(imported.settings.resolveTimeout).toEqual(Duration.minutes(10));
    expect(imported.settings.version).toBe('0.33'); // sns use_aws_http_client came in 0.33 (chat_id_file, message_text: 0.31)
    expect(Object.keys(imported.settings.global!)).toHaveLength(27); // all 30 but smtp_auth_secret and slack_app_token/url (exclusive with slack_api_url)
    expect(imported.settings.global!.httpConfig).toEqual({
      proxyUrl: 'http://proxy.internal:3128',
      noProxy: 'localhost,127.0.0.1',
      followRedirects: true,
      enableHttp2: false,
      tlsConfig: { minVersion: 'TLS12', serverName: 'proxy.internal' },
    });
    const webhook = imported.receivers.find((r) => r.name === 'webhook')!.integrations[0];
    expect(webhook.options).toEqual({
      url: 'http://bridge:8080/alerts',
      maxAlerts: 20,
      timeout: Duration.seconds(5),
      httpConfig: {
        oauth2: {
          clientId: 'am',
          clientSecret: Secret.fromFile('/run/secrets/oauth_secret'),
          tokenUrl: 'https://auth.example.com/token',
          scopes: ['alerts'],
          endpointParams: { audience: 'bridge' },
        },
        tlsConfig: { certFile: '/etc/am/client.pem', key: Secret.fromFile('/run/secrets/client_key'), maxVersion: 'TLS13' },
      },
    });
    // The integrations keep only what the file sets; global stays global.
    expect(rendered).toContain('  smtp_smarthost: smtp.example.com:587\n');
    expect(rendered).toMatch(/- name: email\n    email_configs:\n      - send_resolved: true\n        to: ops@example.com\n        headers:\n          Subject: /);
    expect(rendered).toContain('reopen_duration: 1d');
    expect(rendered).toContain('retry: 2m\n');
    expect(rendered).toContain('expire: 2h\n');
    // No secret field is written in its literal form anywhere (VictorOps' routing_key is a routing name, not a secret).
    expect(rendered).not.toMatch(
      /^\s*(password|credentials|api_key|api_url|token|token_id|bot_token|user_key|app_token|api_secret|client_secret|auth_password|auth_secret|webhook_url|alert_source_token|service_key|key): /m,
    );
    expect(rendered).toContain('routing_key_file: /run/secrets/pd_key');
  });
});

describe('receivers in code: every integration with a global, rendered and checked by amtool', () => {
  test('typed receivers of every integration render a file amtool accepts, inheriting global as Alertmanager does', () => {
    const s = (name: string) => Secret.fromVariable(name);
    const { monitoring } = dockerEnvironment({
      alertmanager: {
        version: '0.33',
        global: {
          smtpSmarthost: 'smtp.example.com:587',
          smtpFrom: 'am@example.com',
          smtpAuthUsername: 'am',
          smtpAuthPassword: s('smtp_password'),
          slackApiUrl: s('slack_url'),
          opsgenieApiKey: s('opsgenie_key'),
          victoropsApiKey: s('victorops_key'),
          telegramBotToken: s('telegram_token'),
          wechatApiSecret: s('wechat_secret'),
          wechatApiCorpId: 'corp',
          jiraApiUrl: 'https://example.atlassian.net/rest/api/2/',
          rocketchatToken: s('rc_token'),
          rocketchatTokenId: s('rc_token_id'),
          mattermostWebhookUrl: s('mattermost_url'),
          httpConfig: { proxyUrl: 'http://proxy:3128', tlsConfig: { minVersion: 'TLS12' } },
        },
      },
    });
    new AlertRouting(monitoring, 'routing', {
      route: { receiver: 'all' },
      receivers: [
        Receiver.of('all', [
          Receiver.integration.email({ to: 'ops@example.com', subject: 'alert', headers: { 'X-Team': 'ops' }, threading: { enabled: true, threadByDate: 'none' } }),
          Receiver.integration.slack({ channel: '#alerts', fields: [{ title: 'a', value: 'b' }], actions: [{ type: 'button', text: 'Go', url: 'https://x.example.com' }], timeout: '10s' }),
          Receiver.integration.pagerduty({ routingKey: s('pd'), details: { a: 'b' }, links: [{ href: 'https://g.example.com' }], timeout: Duration.seconds(90) }),
          Receiver.integration.opsgenie({ responders: [{ type: 'user', username: 'alice' }], updateAlerts: true }),
          Receiver.integration.msteams({ webhookUrl: s('teams') }),
          Receiver.integration.discord({ webhookUrl: s('discord'), content: 'hi' }),
          Receiver.integration.telegram({ chatId: -100, parseMode: 'HTML' }),
          Receiver.integration.webex({ roomId: 'room', httpConfig: { authorization: { credentials: s('webex') } } }),
          Receiver.integration.mattermost({ channel: 'alerts', priority: { priority: 'urgent' } }),
          Receiver.integration.rocketchat({ channel: '#a', actions: [{ type: 'button', text: 'Go', url: 'https://x.example.com' }] }),
          Receiver.integration.wechat({ toUser: '@all', messageType: 'markdown' }),
          Receiver.integration.victorops({ routingKey: 'ops', customFields: { team: 'ops' } }),
          Receiver.integration.incidentio({ url: s('incidentio_url'), alertSourceToken: s('incidentio_token'), maxAlerts: 5 }),
          Receiver.integration.jira({ project: 'OPS', issueType: 'Bug', summary: { template: 's', enableUpdate: false }, reopenDuration: '1d', httpConfig: { basicAuth: { username: 'u', password: s('jira') } } }),
          Receiver.integration.pushover({ userKey: s('po_user'), token: s('po_token'), retry: '90s', expire: Duration.days(1) }),
          Receiver.integration.sns({ topicArn: 'arn:aws:sns:eu-west-1:1:t', sigv4: { region: 'eu-west-1' }, attributes: { a: 'b' } }),
          Receiver.integration.webhook({ url: 'http://hook:8080/', httpConfig: { oauth2: { clientId: 'c', clientSecret: s('oauth'), tokenUrl: 'https://auth.example.com/t' } } }),
        ]),
      ],
    });
    expect(monitoring.model.validate()).toEqual([]);
    const rendered = monitoring.renderedFiles()['alertmanager/alertmanager.yml'];
    const dir = writeTempFiles({ 'alertmanager.yml': rendered });
    expect(runTool('amtool', ['check-config', path.join(dir, 'alertmanager.yml')]).output).toContain('SUCCESS');
    // Global stays in `global`; Go durations are written in h/m/s (Go's ParseDuration has no `d`).
    expect(rendered).toContain('global:\n  http_config:\n    tls_config:\n      min_version: TLS12\n    proxy_url: http://proxy:3128\n  smtp_from: am@example.com\n');
    expect(rendered).toContain('retry: 1m30s\n');
    expect(rendered).toContain('expire: 24h\n');
    expect(rendered).toContain('timeout: 1m30s\n');
    expect(rendered).toContain('summary:\n          template: s\n          enable_update: false\n');
    expect(rendered).toContain('headers:\n          Subject: alert\n          X-Team: ops\n');
    // Every secret, the inherited ones included, is uploaded for the Alertmanager container.
    const secrets = monitoring.model.alertmanagerModel();
    expect(secrets.global?.slackApiUrl).toEqual(s('slack_url'));
  });
});
