import { AlertRouting, Receiver, Secret } from '../../lib';
import { importAlertmanagerConfig } from '../../lib/import';
import { Integration } from '../../lib/model/receivers';
import { withGlobal } from '../../lib/model/receivers/global';
import { messageOf } from '../helpers/errors';
import { dockerEnvironment } from '../helpers/stacks';

const WHERE = 'AlertRouting dev/monitoring/routing';
const s = (name: string) => Secret.fromFile(`/run/secrets/${name}`);
const check = (integration: Integration) => messageOf(() => Receiver.of('r', [integration]).validate(WHERE, {}));
const prefix = (type: string) => `${WHERE}, receiver r, ${type}, `;

describe('bad input, one case or more per integration, each message naming the receiver, integration, field and value', () => {
  const i = Receiver.integration;
  test.each<[string, Integration, string]>([
    ['email', i.email({ to: 'ops@example.com', from: 'am@example.com', smarthost: 'smtp:25', headers: { subject: 'x' } }), 'headers.subject: got "x", expected the subject in `subject`'],
    ['email', i.email({ to: 'ops@example.com', from: 'am@example.com', smarthost: 'smtp:25', threading: { enabled: true } }), 'threading.threadByDate: is required: expected "none" or "daily"'],
    ['email', i.email({ to: 'ops@example.com' }), 'smarthost: is required: expected an SMTP server as "host:port", here or as alertmanager.global.smtpSmarthost'],
    ['slack', i.slack({ apiUrl: s('a'), appToken: s('b') }), 'appToken: got "<redacted>", expected either apiUrl (a webhook) or appToken (a bot), not both'],
    ['slack', i.slack({ apiUrl: s('a'), updateMessage: true }), 'updateMessage: got true, expected updateMessage unset'],
    ['slack', i.slack({ apiUrl: s('a'), actions: [{ type: 'button', text: 'x' }] }), 'actions[0].url: is required: expected a url (a link button) or a name'],
    ['slack', i.slack({ apiUrl: s('a'), timeout: '10 seconds' }), 'timeout: got "10 seconds", expected a Prometheus duration'],
    ['slack', i.slack({}), 'apiUrl: is required: expected the incoming-webhook URL (a Secret) or appToken, here or as alertmanager.global.slackApiUrl'],
    ['pagerduty', i.pagerduty({ routingKey: s('k'), images: [{ alt: 'x' } as never] }), 'images[0].src: is required: expected a string (Go template allowed)'],
    ['opsgenie', i.opsgenie({ apiKey: s('k'), responders: [{ type: 'team' }] }), 'responders[0].name: is required: expected a name, id or username of the responder'],
    ['opsgenie', i.opsgenie({}), 'apiKey: is required: expected the Opsgenie API key (a Secret), here or as alertmanager.global.opsgenieApiKey'],
    ['msteams', i.msteams({ webhookUrl: 'https://x.webhook.office.com/' as never }), 'webhookUrl: got "<redacted>", expected a Secret'],
    ['discord', i.discord({ webhookUrl: s('d'), avatarUrl: 'avatar.png' }), 'avatarUrl: got "avatar.png", expected an http:// or https:// URL'],
    ['telegram', i.telegram({ botToken: s('t') }), 'chatId: got nothing, expected exactly one of chatId or chatIdFile'],
    ['telegram', i.telegram({ botToken: s('t'), chatId: 1, parseMode: 'markdown' as never }), 'parseMode: got "markdown", expected one of "HTML", "Markdown", "MarkdownV2"'],
    ['telegram', i.telegram({ chatId: 1 }), 'botToken: is required: expected the bot token (a Secret), here or as alertmanager.global.telegramBotToken'],
    ['webex', i.webex({ roomId: 'r' }), 'httpConfig.authorization: is required: expected the bot\'s access token'],
    ['mattermost', i.mattermost({ webhookUrl: s('m'), fields: [{ title: 'a' } as never] }), 'fields[0].value: is required: expected a string (Go template allowed)'],
    ['mattermost', i.mattermost({}), 'webhookUrl: is required: expected the incoming-webhook URL (a Secret), here or as alertmanager.global.mattermostWebhookUrl'],
    ['rocketchat', i.rocketchat({ token: s('t') }), 'tokenId: is required: expected the token user id (a Secret), here or as alertmanager.global.rocketchatTokenId'],
    ['wechat', i.wechat({ apiSecret: s('w'), corpId: 'c', messageType: 'html' as never }), 'messageType: got "html", expected one of "text", "markdown"'],
    ['wechat', i.wechat({ apiSecret: s('w') }), 'corpId: is required: expected the WeChat corporate id, here or as alertmanager.global.wechatApiCorpId'],
    ['victorops', i.victorops({ apiKey: s('v'), routingKey: 'ops', customFields: { entity_id: 'x' } }), 'customFields.entity_id: got "entity_id", expected a field name other than routing_key'],
    ['victorops', i.victorops({ apiKey: s('v') } as never), 'routingKey: is required: expected a string (Go template allowed)'],
    ['incidentio', i.incidentio({ url: 'https://api.incident.io/x' }), 'alertSourceToken: is required: expected the alert source token (a Secret), or httpConfig.authorization'],
    ['incidentio', i.incidentio({ url: 'https://api.incident.io/x', alertSourceToken: s('t'), maxAlerts: -1 }), 'maxAlerts: got -1, expected a whole number ≥ 0'],
    ['jira', i.jira({ apiUrl: 'https://j.example.com/', project: 'OPS' } as never), 'issueType: is required: expected a string (Go template allowed)'],
    ['jira', i.jira({ apiUrl: 'https://j.example.com/', project: 'OPS', issueType: 'Bug', apiType: 'server' as never }), 'apiType: got "server", expected one of "auto", "cloud", "datacenter"'],
    ['jira', i.jira({ project: 'OPS', issueType: 'Bug' }), 'apiUrl: is required: expected the Jira REST API URL, here or as alertmanager.global.jiraApiUrl'],
    ['pushover', i.pushover({ userKey: s('u'), token: s('t'), html: true, monospace: true }), 'monospace: got true, expected either html or monospace, not both'],
    ['pushover', i.pushover({ userKey: s('u') } as never), 'token: is required: expected a Secret'],
    ['sns', i.sns({ topicArn: 'arn:aws:sns:eu-west-1:1:t', phoneNumber: '+4912345' }), 'topicArn: got "topicArn and phoneNumber", expected exactly one of topicArn, phoneNumber and targetArn'],
    ['sns', i.sns({ topicArn: 'arn:aws:sns:eu-west-1:1:t', sigv4: { externalId: 'x' } }), 'sigv4.roleArn: is required: expected the role that externalId belongs to'],
    ['webhook', i.webhook({ url: 'http://h/', auth: { bearerToken: s('t') }, httpConfig: { basicAuth: { username: 'u', password: s('p') } } }), 'auth: got "auth and httpConfig credentials", expected credentials in one place'],
    ['webhook', i.webhook({ url: 'http://h/', payload: 'x' as never }), 'payload: got "x", expected a map of names to values'],
  ])('%s: %s', (type, integration, expected) => {
    expect(check(integration)).toContain(prefix(type) + expected);
  });

  test('http_config: one authentication, proxy rules, TLS versions, OAuth2 required fields', () => {
    const hook = (httpConfig: object) => check(Receiver.integration.webhook({ url: 'http://h/', httpConfig: httpConfig as never }));
    expect(hook({ basicAuth: { username: 'u', password: s('p') }, authorization: { credentials: s('t') } })).toBe(
      `${prefix('webhook')}httpConfig.authorization: got "basicAuth and authorization", expected at most one of basicAuth, authorization and oauth2`,
    );
    expect(hook({ proxyUrl: 'http://p:3128', proxyFromEnvironment: true })).toBe(`${prefix('webhook')}httpConfig.proxyUrl: is set together with proxyFromEnvironment; expected one of them`);
    expect(hook({ noProxy: 'localhost' })).toContain('httpConfig.noProxy: is set without proxyUrl');
    expect(hook({ tlsConfig: { minVersion: 'TLS1.2' } })).toBe(`${prefix('webhook')}httpConfig.tlsConfig.minVersion: got "TLS1.2", expected one of "TLS10", "TLS11", "TLS12", "TLS13"`);
    expect(hook({ oauth2: { clientId: 'c' } })).toBe(`${prefix('webhook')}httpConfig.oauth2.tokenUrl: is required: expected an http:// or https:// URL`);
    expect(hook({ authorization: { type: 'Basic', credentials: s('t') } })).toContain('httpConfig.authorization.type: got "Basic", expected another scheme than "Basic"');
    expect(hook({ authorization: { credentials: 'literal' } })).toContain('httpConfig.authorization.credentials: got "<redacted>", expected a Secret');
  });

  test('unknown properties: "not supported" when Alertmanager has the field, "did you mean" when it does not', () => {
    const hook = (httpConfig: object) => check(Receiver.integration.webhook({ url: 'http://h/', httpConfig: httpConfig as never }));
    expect(hook({ httpHeaders: { X: 'y' } })).toBe(
      `${prefix('webhook')}httpConfig.httpHeaders: \`httpHeaders\` is an Alertmanager field that is not supported by cdktf-monitoring; supported: basicAuth, authorization, oauth2, tlsConfig, followRedirects, enableHttp2, proxyUrl, noProxy, proxyFromEnvironment`,
    );
    expect(check(Receiver.integration.pagerduty({ routingKey: s('k'), serviceKey: s('v') } as never))).toContain('serviceKey: `serviceKey` is an Alertmanager field that is not supported by cdktf-monitoring');
    expect(check(Receiver.integration.slack({ apiUrl: s('a'), chanel: '#x' } as never))).toContain('chanel: Alertmanager has no `chanel` (did you mean `channel`?)');
    expect(check(Receiver.integration.telegram({ botToken: s('t'), chatId: 1, parse_mode: 'HTML' } as never))).toContain(
      'parse_mode: Alertmanager has no `parse_mode` (did you mean `parseMode`?)',
    );
  });

  test('the importer: top-level keys Alertmanager has but the library does not take are "not supported", with the reason', () => {
    expect(messageOf(() => importAlertmanagerConfig('route: { receiver: r }\nreceivers: [{ name: r }]\ntracing: { endpoint: "x:4317" }\n', 'am.yml'))).toBe(
      "am.yml:3:1, tracing: `tracing` of an Alertmanager configuration is not supported by cdktf-monitoring (yet); Alertmanager's own tracing (0.30+) is not configured by cdktf-monitoring; " +
        'remove it, or keep it in a file you manage; supported: `global`, `route`, `receivers`, `inhibit_rules`, `time_intervals`, `mute_time_intervals`, `templates`',
    );
  });

  test('the importer: route labels (0.34), receiver labels (0.33) and inhibit rule names (0.30) are "not supported", not typos', () => {
    const am = (yaml: string) => messageOf(() => importAlertmanagerConfig(yaml, 'am.yml'));
    expect(am('route:\n  receiver: r\n  routes: [{ receiver: r, labels: { team: ops } }]\nreceivers: [{ name: r }]\n')).toContain(
      'route.routes[0].labels: `labels` of a route is not supported by cdktf-monitoring (yet); route labels (Alertmanager 0.34+',
    );
    expect(am('route: { receiver: r }\nreceivers: [{ name: r, labels: { team: ops } }]\n')).toContain('`labels` of a receiver is not supported by cdktf-monitoring (yet); receiver labels (Alertmanager 0.33+');
    expect(am('route: { receiver: r }\nreceivers: [{ name: r }]\ninhibit_rules: [{ name: x, source_matchers: [a=b], target_matchers: [c=d] }]\n')).toContain(
      '`name` of an inhibit rule is not supported by cdktf-monitoring',
    );
  });

  test('the importer refuses a literal secret in every integration that has one, naming the _file form, never echoing the value', () => {
    const route = 'route: { receiver: r }\n';
    const cases: [string, string][] = [
      ['discord_configs: [{ webhook_url: s3cret }]', 'discord_configs[0].webhook_url: is a literal secret (value not shown); secrets must not be literals in config files: use `webhook_url_file`'],
      ['telegram_configs: [{ bot_token: s3cret, chat_id: 1 }]', 'telegram_configs[0].bot_token: is a literal secret'],
      ['pushover_configs: [{ user_key: s3cret, token_file: /t }]', 'pushover_configs[0].user_key: is a literal secret'],
      ['victorops_configs: [{ api_key: s3cret, routing_key: x }]', 'victorops_configs[0].api_key: is a literal secret'],
      ['wechat_configs: [{ api_secret: s3cret }]', 'wechat_configs[0].api_secret: is a literal secret'],
      ['rocketchat_configs: [{ token: s3cret }]', 'rocketchat_configs[0].token: is a literal secret'],
      ['mattermost_configs: [{ webhook_url: s3cret }]', 'mattermost_configs[0].webhook_url: is a literal secret'],
      ['incidentio_configs: [{ url: "https://x/", alert_source_token: s3cret }]', 'incidentio_configs[0].alert_source_token: is a literal secret'],
      ['jira_configs: [{ project: P, issue_type: B, http_config: { basic_auth: { username: u, password: s3cret } } }]', 'http_config.basic_auth.password: is a literal secret'],
      ['webex_configs: [{ room_id: r, http_config: { authorization: { credentials: s3cret } } }]', 'http_config.authorization.credentials: is a literal secret'],
      ['sns_configs: [{ topic_arn: t, http_config: { oauth2: { client_id: c, client_secret: s3cret, token_url: "https://t/" } } }]', 'oauth2.client_secret: is a literal secret'],
      ['email_configs: [{ to: a@b.c, auth_secret: s3cret }]', 'email_configs[0].auth_secret: is a literal secret'],
      ['slack_configs: [{ app_token: s3cret }]', 'slack_configs[0].app_token: is a literal secret'],
      ['webhook_configs: [{ url: "http://h/", http_config: { tls_config: { key: s3cret } } }]', 'tls_config.key: is a literal secret'],
    ];
    for (const [integration, expected] of cases) {
      const message = messageOf(() => importAlertmanagerConfig(`${route}receivers:\n  - name: r\n    ${integration}\n`, 'am.yml'));
      expect(message).toContain(expected);
      expect(message).not.toContain('s3cret');
    }
  });
});

describe('alertmanager.version: integrations and fields newer than the configured Alertmanager are refused with the version they need', () => {
  const routing = (version: `0.${number}`, receiver: Receiver) => {
    const { monitoring } = dockerEnvironment({ alertmanager: { version } });
    new AlertRouting(monitoring, 'routing', { route: { receiver: receiver.name }, receivers: [receiver] });
    return monitoring.model.validate().join('\n');
  };
  test('an integration (Mattermost: 0.30) and a field (Telegram chat_id_file: 0.31; SNS sigv4 external_id: 0.34)', () => {
    expect(routing('0.28', Receiver.mattermost('m', { webhookUrl: s('m') }))).toContain(
      'receiver m, mattermost: needs Alertmanager 0.30 or newer (mattermost_configs came in Alertmanager 0.30.0); got alertmanager.version "0.28"',
    );
    expect(routing('0.30', Receiver.telegram('t', { botToken: s('t'), chatIdFile: '/run/secrets/chat' }))).toContain(
      'receiver t, telegram, chatIdFile: needs Alertmanager 0.31 or newer (`chatIdFile` came in Alertmanager 0.31.0); got alertmanager.version "0.30"',
    );
    expect(routing('0.33', Receiver.sns('s', { topicArn: 't', sigv4: { roleArn: 'arn:aws:iam::1:role/r', externalId: 'x' } }))).toContain(
      'sigv4.externalId: needs Alertmanager 0.34 or newer',
    );
    expect(routing('0.33', Receiver.telegram('t', { botToken: s('t'), chatIdFile: '/run/secrets/chat' }))).toBe('');
  });

  test('a global field newer than the version is refused where the MonitoringStack is declared', () => {
    expect(messageOf(() => dockerEnvironment({ alertmanager: { version: '0.28', global: { telegramBotToken: s('t') } } }))).toContain(
      'alertmanager.global.telegramBotToken: needs Alertmanager 0.31 or newer',
    );
  });
});

describe('global: inherited by each integration as Alertmanager does', () => {
  test('an email without smarthost and from is accepted when global has them, refused when not, naming the global field', () => {
    const email = Receiver.email('mail', { to: 'ops@example.com' });
    const without = dockerEnvironment();
    expect(messageOf(() => new AlertRouting(without.monitoring, 'routing', { route: { receiver: 'mail' }, receivers: [email] }))).toBe(
      'AlertRouting test/monitoring/routing, receiver mail, email, smarthost: is required: expected an SMTP server as "host:port", here or as alertmanager.global.smtpSmarthost',
    );
    const withGlobal = dockerEnvironment({ alertmanager: { global: { smtpSmarthost: 'smtp.example.com:587', smtpFrom: 'am@example.com', smtpAuthUsername: 'am', smtpAuthPassword: Secret.fromVariable('smtp_password') } } });
    new AlertRouting(withGlobal.monitoring, 'routing', { route: { receiver: 'mail' }, receivers: [email] });
    expect(withGlobal.monitoring.model.validate()).toEqual([]);
    const rendered = withGlobal.monitoring.renderedFiles()['alertmanager/alertmanager.yml'];
    expect(rendered).toContain('global:\n  smtp_from: am@example.com\n  smtp_smarthost: smtp.example.com:587\n  smtp_auth_username: am\n  smtp_auth_password_file: /etc/monitoring/secrets/smtp_password\n');
    expect(rendered).toContain('email_configs:\n      - to: ops@example.com\n');
  });

  test('a bad global is refused where the MonitoringStack is declared', () => {
    expect(messageOf(() => dockerEnvironment({ alertmanager: { global: { smtpSmarthost: 'smtp.example.com' } } }))).toContain('alertmanager.global.smtpSmarthost');
    expect(messageOf(() => dockerEnvironment({ alertmanager: { global: { slackApiUrl: 'https://hooks.slack.com/x' as never } } }))).toContain(
      'alertmanager.global.slackApiUrl: got "<redacted>", expected a Secret',
    );
    expect(messageOf(() => dockerEnvironment({ alertmanager: { global: { resolveTimeout: '5m' } as never } }))).toContain(
      'alertmanager.global.resolveTimeout: `resolveTimeout` is an Alertmanager field that is not supported by cdktf-monitoring',
    );
    expect(messageOf(() => dockerEnvironment({ alertmanager: { global: { smtpFrm: 'x' } as never } }))).toContain('Alertmanager has no `smtpFrm` (did you mean `smtpFrom`?)');
  });

  test('AlertRouting.fromAlertmanagerConfig applies the file\'s global to its integrations and refuses a resolve_timeout the environment does not have', () => {
    const yaml = "global:\n  smtp_smarthost: smtp.example.com:587\n  smtp_from: am@example.com\n  resolve_timeout: 5m\nroute: { receiver: mail }\nreceivers:\n  - name: mail\n    email_configs: [{ to: ops@example.com }]\n";
    const { monitoring } = dockerEnvironment();
    const routing = AlertRouting.fromAlertmanagerConfig(monitoring, 'imported', yaml);
    expect(routing).toBeDefined();
    expect(monitoring.model.validate()).toEqual([]);
    expect(monitoring.renderedFiles()['alertmanager/alertmanager.yml']).toContain('      - to: ops@example.com\n        from: am@example.com\n        smarthost: smtp.example.com:587\n');
    const other = dockerEnvironment();
    expect(messageOf(() => AlertRouting.fromAlertmanagerConfig(other.monitoring, 'imported', yaml.replace('5m', '10m')))).toContain(
      "global.resolve_timeout: got \"10m\", expected the environment's resolve timeout (5m): it applies to the whole Alertmanager, so set MonitoringStack alertmanager.resolveTimeout: '10m'",
    );
  });
});

describe('withGlobal: what Alertmanager inherits, and what it does not', () => {
  const global = { httpConfig: { proxyUrl: 'http://proxy:3128' }, smtpSmarthost: 'smtp.example.com:587', slackApiUrl: s('slack') };
  test('own values win; email takes no http_config; a webhook with auth has an http_config of its own', () => {
    expect(withGlobal(Receiver.integration.email({ to: 'a@example.com', smarthost: 'other:25' }), global).options).toEqual({ to: 'a@example.com', smarthost: 'other:25' });
    expect(withGlobal(Receiver.integration.webhook({ url: 'http://h/', auth: { bearerToken: s('t') } }), global).options).not.toHaveProperty('httpConfig');
    expect(withGlobal(Receiver.integration.webhook({ url: 'http://h/' }), global).options).toHaveProperty('httpConfig', global.httpConfig);
    expect(withGlobal(Receiver.integration.slack({ appToken: s('bot') }), global).options).toEqual({ appToken: s('bot'), httpConfig: global.httpConfig });
    expect(withGlobal(Receiver.integration.slack({}), global).options).toEqual({ apiUrl: s('slack'), httpConfig: global.httpConfig });
  });
});
