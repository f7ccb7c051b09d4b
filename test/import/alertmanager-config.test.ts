import * as path from 'path';
import { AlertRouting, Duration, Matcher, Receiver, Secret } from '../../lib';
import { importAlertmanagerConfig } from '../../lib/import';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';
import { errorOf } from './helpers';

const am = (text: string) => importAlertmanagerConfig(text, 'am.yml');
const amError = (text: string) => errorOf(() => am(text));
const ROUTE = 'route: { receiver: r }\n';

/** A file using most of what the importer reads: every supported integration, nested routes, time intervals. */
const FULL = `global:
  resolve_timeout: 10m
  smtp_smarthost: smtp.example.com:587
  smtp_from: am@example.com
  smtp_require_tls: false
  slack_api_url_file: /run/secrets/slack_url
  opsgenie_api_key_file: /run/secrets/opsgenie_key
route:
  receiver: default
  group_by: ['...']
  routes:
    - matchers: ['{severity="critical", team=~"db|infra"}', 'env!=dev']
      receiver: oncall
      continue: true
      routes:
        - match_re: { service: 'api|web' }
          receiver: web
          mute_time_intervals: [nights]
    - matchers: [alertname = Watchdog]
      receiver: silence
      active_time_intervals: [business-hours]
receivers:
  - name: default
    email_configs:
      - to: ops@example.com
        headers: { Subject: '[{{ .Status }}] {{ .CommonLabels.alertname }}' }
        html: '{{ template "email.default.html" . }}'
  - name: oncall
    pagerduty_configs:
      - routing_key_file: /run/secrets/pd_key
        severity: critical
    opsgenie_configs:
      - priority: P1
        responders: [{ type: team, name: dba }]
    slack_configs:
      - channel: '#oncall'
  - name: web
    webhook_configs:
      - url: http://hook:8080/alerts
        max_alerts: 5
        http_config: { authorization: { credentials_file: /run/secrets/hook_token } }
      - url: http://hook2:8080/alerts
        http_config: { basic_auth: { username: am, password_file: /run/secrets/hook_password } }
  - name: silence
time_intervals:
  - name: business-hours
    time_intervals:
      - weekdays: ['monday:friday']
        times: [{ start_time: 09:00, end_time: 17:00 }]
        location: Europe/Berlin
mute_time_intervals:
  - name: nights
    time_intervals:
      - times: [{ start_time: 22:00, end_time: 24:00 }]
inhibit_rules:
  - source_matchers: [severity="critical"]
    target_match_re: { severity: 'warning|info' }
    equal: [alertname]
`;

describe('importAlertmanagerConfig: what it reads', () => {
  test('every supported integration, global defaults, nested routes with matchers and match_re, time intervals', () => {
    const imported = am(FULL);
    // `global` is returned whole; the integrations keep what the file sets on them and inherit the rest.
    expect(imported.settings).toEqual({
      resolveTimeout: Duration.minutes(10),
      global: {
        smtpSmarthost: 'smtp.example.com:587',
        smtpFrom: 'am@example.com',
        smtpRequireTls: false,
        slackApiUrl: Secret.fromFile('/run/secrets/slack_url'),
        opsgenieApiKey: Secret.fromFile('/run/secrets/opsgenie_key'),
      },
    });
    expect(imported.receivers).toEqual([
      Receiver.of('default', [
        Receiver.integration.email({
          to: 'ops@example.com',
          subject: '[{{ .Status }}] {{ .CommonLabels.alertname }}',
          html: '{{ template "email.default.html" . }}',
        }),
      ]),
      Receiver.of('oncall', [
        Receiver.integration.pagerduty({ routingKey: Secret.fromFile('/run/secrets/pd_key'), severity: 'critical' }),
        Receiver.integration.opsgenie({ priority: 'P1', responders: [{ type: 'team', name: 'dba' }] }),
        Receiver.integration.slack({ channel: '#oncall' }),
      ]),
      Receiver.of('web', [
        Receiver.integration.webhook({ url: 'http://hook:8080/alerts', maxAlerts: 5, auth: { bearerToken: Secret.fromFile('/run/secrets/hook_token') } }),
        Receiver.integration.webhook({ url: 'http://hook2:8080/alerts', auth: { username: 'am', password: Secret.fromFile('/run/secrets/hook_password') } }),
      ]),
      Receiver.discard('silence'),
    ]);
    expect(imported.route).toEqual({
      receiver: 'default',
      groupBy: ['...'],
      routes: [
        {
          receiver: 'oncall',
          matchers: [Matcher.eq('severity', 'critical'), Matcher.re('team', 'db|infra'), Matcher.neq('env', 'dev')],
          continue: true,
          routes: [{ receiver: 'web', matchers: [Matcher.re('service', 'api|web')], muteTimeIntervals: ['nights'] }],
        },
        { receiver: 'silence', matchers: [Matcher.eq('alertname', 'Watchdog')], activeTimeIntervals: ['business-hours'] },
      ],
    });
    expect(imported.timeIntervals).toEqual([
      { name: 'business-hours', periods: [{ weekdays: ['monday:friday'], times: [{ start: '09:00', end: '17:00' }], location: 'Europe/Berlin' }] },
      { name: 'nights', periods: [{ times: [{ start: '22:00', end: '24:00' }] }] },
    ]);
    expect(imported.inhibitRules).toEqual([
      { sourceMatchers: [Matcher.eq('severity', 'critical')], targetMatchers: [Matcher.re('severity', 'warning|info')], equal: ['alertname'] },
    ]);
  });

  test('rendered through AlertRouting, it passes amtool check-config and routes as the input does', () => {
    const imported = am(FULL);
    const { monitoring } = dockerEnvironment({ alertmanager: imported.settings });
    new AlertRouting(monitoring, 'routing', imported);
    expect(monitoring.model.validate()).toEqual([]);
    const dir = writeTempFiles({ 'input.yml': FULL, 'rendered.yml': monitoring.renderedFiles()['alertmanager/alertmanager.yml'] });
    const check = runTool('amtool', ['check-config', path.join(dir, 'rendered.yml')]);
    expect(check.output).toContain('SUCCESS');
    for (const labels of [['severity=critical', 'team=db', 'env=prod'], ['severity=critical', 'team=db', 'service=api'], ['alertname=Watchdog'], ['severity=warning']]) {
      const route = (file: string) => runTool('amtool', ['config', 'routes', 'test', `--config.file=${path.join(dir, file)}`, ...labels]).output;
      expect({ labels, receivers: route('rendered.yml') }).toEqual({ labels, receivers: route('input.yml') });
    }
  });

  test('matchers: quoted values with escapes and commas, bare values, braces, several per entry', () => {
    const route = (m: string) => am(`route:\n  receiver: r\n  routes:\n    - matchers: ['${m}']\nreceivers: [{ name: r }]\n`).route.routes![0].matchers;
    expect(route('{a="x,y", b!~"c.*"}')).toEqual([Matcher.eq('a', 'x,y'), Matcher.nre('b', 'c.*')]);
    expect(route('msg="say \\"hi\\"\\n"')).toEqual([Matcher.eq('msg', 'say "hi"\n')]);
    expect(route('a = b ,')).toEqual([Matcher.eq('a', 'b')]);
    expect(errorOf(() => route('severity critical'))).toBe(
      'am.yml:4:18, route.routes[0].matchers[0]: got "severity critical", expected matchers such as `severity="critical"` or `service=~"api|web"`',
    );
    expect(errorOf(() => route('a=~"("'))).toBe(
      'am.yml:4:18, route.routes[0].matchers[0].value: got "(", expected an RE2 regular expression (Go\'s regexp syntax, which Alertmanager compiles) that compiles: missing closing ) for the group opened at column 1',
    );
  });

  test('Teams Workflows (msteamsv2_configs) needs Alertmanager 0.28, so the settings say so', () => {
    const imported = am(`${ROUTE}receivers:\n  - name: r\n    msteamsv2_configs:\n      - webhook_url_file: /run/secrets/teams\n`);
    expect(imported.receivers).toEqual([Receiver.of('r', [Receiver.integration.msteams({ webhookUrl: Secret.fromFile('/run/secrets/teams') })])]);
    expect(imported.settings).toEqual({ version: '0.28' });
  });

  test('a webhook url_file becomes a Secret read from that file; url and url_file together are refused', () => {
    const imported = am(`${ROUTE}receivers:\n  - name: r\n    webhook_configs:\n      - url_file: /run/secrets/hook_url\n        send_resolved: true\n`);
    expect(imported.receivers).toEqual([Receiver.of('r', [Receiver.integration.webhook({ url: Secret.fromFile('/run/secrets/hook_url'), sendResolved: true })])]);
    expect(amError(`${ROUTE}receivers:\n  - name: r\n    webhook_configs:\n      - url: http://h/\n        url_file: /run/secrets/hook_url\n`)).toMatch(
      /^am\.yml:\d+:\d+, .*url_file: got "\/run\/secrets\/hook_url", expected either `url` or `url_file`, not both \(Alertmanager refuses both\)$/,
    );
  });

  test('templates: refused unless their text is given; then passed on', () => {
    const text = `${ROUTE}receivers: [{ name: r }]\ntemplates: ['/etc/alertmanager/*.tmpl']\n`;
    expect(amError(text)).toBe(
      'am.yml:3:12, templates: got ["/etc/alertmanager/*.tmpl"], expected templates given as text: the importer reads no files; pass them with importAlertmanagerConfig(yaml, where, { templates: { <name>: <text> } })',
    );
    const templates = { slack: '{{ define "slack.title" }}x{{ end }}' };
    expect(importAlertmanagerConfig(text, 'am.yml', { templates }).templates).toEqual(templates);
  });
});

describe('importAlertmanagerConfig: what it refuses', () => {
  test('literal secrets in every integration, never echoing the value', () => {
    const cases: [string, string][] = [
      ['pagerduty_configs: [{ routing_key: s3cret }]', 'receivers[0].pagerduty_configs[0].routing_key: is a literal secret (value not shown); secrets must not be literals in config files: use `routing_key_file`'],
      ['opsgenie_configs: [{ api_key: s3cret }]', 'receivers[0].opsgenie_configs[0].api_key: is a literal secret (value not shown); secrets must not be literals in config files: use `api_key_file`'],
      ['email_configs: [{ to: a@b.c, from: a@b.c, smarthost: "h:25", auth_password: s3cret }]', 'receivers[0].email_configs[0].auth_password: is a literal secret'],
      ['webhook_configs: [{ url: "http://h/", http_config: { basic_auth: { username: u, password: s3cret } } }]', 'receivers[0].webhook_configs[0].http_config.basic_auth.password: is a literal secret (value not shown); secrets must not be literals in config files: use `password_file`'],
      ['webhook_configs: [{ url: "http://h/", http_config: { bearer_token: s3cret } }]', 'receivers[0].webhook_configs[0].http_config.bearer_token: is a literal secret'],
      ['msteamsv2_configs: [{ webhook_url: s3cret }]', 'receivers[0].msteamsv2_configs[0].webhook_url: is a literal secret'],
    ];
    for (const [integration, expected] of cases) {
      const message = amError(`${ROUTE}receivers:\n  - name: r\n    ${integration}\n`);
      expect(message).toContain(expected);
      expect(message).not.toContain('s3cret');
    }
    expect(amError(`global: { slack_api_url: s3cret }\n${ROUTE}receivers: [{ name: r }]\n`)).toContain('global.slack_api_url: is a literal secret');
  });

  test('the one integration the library does not take is named, with the reason and the supported ones', () => {
    expect(amError(`${ROUTE}receivers:\n  - name: r\n    msteams_configs: [{ webhook_url: x }]\n`)).toBe(
      'am.yml:4:5, receiver r, receivers[0].msteams_configs: the msteams integration (`msteams_configs`) is not supported by cdktf-monitoring ' +
        '(Office 365 connectors are retired: use `msteamsv2_configs` (Teams Workflows, Alertmanager 0.28)); supported integrations: ' +
        '`discord_configs`, `email_configs`, `incidentio_configs`, `jira_configs`, `mattermost_configs`, `msteamsv2_configs`, `opsgenie_configs`, ' +
        '`pagerduty_configs`, `pushover_configs`, `rocketchat_configs`, `slack_configs`, `sns_configs`, `telegram_configs`, `victorops_configs`, ' +
        '`webex_configs`, `webhook_configs`, `wechat_configs`',
    );
  });

  test('fields Alertmanager has that the library leaves out ("not supported"), fields it does not have and typos ("did you mean")', () => {
    expect(amError(`${ROUTE}receivers:\n  - name: r\n    webhook_configs: [{ url: 'http://h/', http_config: { http_headers: { X: { values: [a] } } } }]\n`)).toContain(
      'receivers[0].webhook_configs[0].http_config.http_headers: `http_headers` of http_config is not supported by cdktf-monitoring (yet); extra request headers are not modelled',
    );
    expect(amError(`${ROUTE}receivers:\n  - name: r\n    pagerduty_configs: [{ service_key_file: /k }]\n`)).toContain(
      '`service_key_file` of pagerduty_configs is not supported by cdktf-monitoring (yet); `service_key` is the PagerDuty Events API v1 key',
    );
    expect(amError(`${ROUTE}receivers:\n  - name: r\n    sns_configs: [{ topic_arn: 'arn:aws:sns:eu-west-1:1:t', sigv4: { secret_key: x } }]\n`)).toContain(
      'sigv4.secret_key: `secret_key` of sigv4 is not supported by cdktf-monitoring (yet); static AWS keys would sit literally in alertmanager.yml',
    );
    expect(amError(`${ROUTE}receivers:\n  - name: r\n    slack_configs: [{ api_url_file: /s, chanel: '#a' }]\n`)).toContain(
      'receivers[0].slack_configs[0].chanel: slack_configs has no `chanel` (did you mean `channel`?)',
    );
    expect(amError(`${ROUTE}receivers:\n  - name: r\n    webhook_configs: [{ url: 'http://h/', http_config: { tls_config: { insecure_skip_verfy: true } } }]\n`)).toContain(
      'http_config.tls_config.insecure_skip_verfy: tls_config has no `insecure_skip_verfy` (did you mean `insecure_skip_verify`?)',
    );
    expect(amError(`${ROUTE}recievers: []\n`)).toBe(
      'am.yml:2:1, recievers: an Alertmanager configuration has no `recievers` (did you mean `receivers`?); expected one of `global`, `route`, `receivers`, `inhibit_rules`, `time_intervals`, `mute_time_intervals`, `templates`',
    );
  });

  test('routes: an undeclared receiver anywhere in the tree, matchers on the root, an undeclared time interval', () => {
    expect(amError('route:\n  receiver: r\n  routes:\n    - routes:\n        - receiver: nobody\nreceivers: [{ name: r }]\n')).toBe(
      'am.yml:5:21, route.routes[0].routes[0].receiver: got "nobody", expected the name of a declared receiver (declared: "r")',
    );
    expect(amError('route:\n  receiver: r\n  match: { severity: critical }\nreceivers: [{ name: r }]\n')).toBe(
      'am.yml:3:3, route.match: the root route has no `match`; the root route takes every alert that no child route takes: move this into a child route under `routes:`',
    );
    expect(amError('route:\n  receiver: r\n  routes: [{ receiver: r, mute_time_intervals: [weekends] }]\nreceivers: [{ name: r }]\n')).toBe(
      'am.yml:3:49, route.routes[0].mute_time_intervals[0]: got "weekends", expected the name of a declared time interval (no time interval is declared)',
    );
    expect(amError('route:\n  receiver: r\n  group_wait: 30 seconds\nreceivers: [{ name: r }]\n')).toBe(
      'am.yml:3:15, route.group_wait: got "30 seconds", expected a Prometheus duration such as "30s", "5m", "1h30m" or "15d" (units y, w, d, h, m, s, ms, largest first)',
    );
  });

  test('receivers and inhibit rules checked like typed input', () => {
    expect(amError(`${ROUTE}receivers: [{ name: r }, { name: r }]\n`)).toBe('am.yml:2:34, receivers[1].name: got "r", which is already used by receivers[0]; expected a unique value');
    expect(amError(`${ROUTE}receivers:\n  - name: r\n    webhook_configs: [{ url: 'hook:8080' }]\n`)).toBe(
      'am.yml:3:5, receivers[0], receiver r, webhook, url: got "hook:8080", expected an http:// or https:// URL',
    );
    expect(amError(`${ROUTE}receivers: [{ name: r }]\ninhibit_rules:\n  - target_matchers: [severity=warning]\n`)).toBe(
      'am.yml:4:5, inhibit_rules[0].sourceMatchers: got [], expected at least one matcher',
    );
  });
});
