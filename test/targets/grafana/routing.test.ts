import { Testing } from 'cdktf';
import { AlertRouting, Duration, Matcher, Receiver, Secret } from '../../../lib';
import { ContactPoint } from '../../../lib/providers/grafana/contact-point';
import { NotificationPolicy } from '../../../lib/providers/grafana/notification-policy';
import { grafanaEnvironment, onlyResource, resourcesOf, synthJson, warningsOf } from './helpers';

const routingEnvironment = () => grafanaEnvironment({ manage: { routing: true } });

describe('GrafanaTarget: routing as contact points and one notification policy tree', () => {
  const { stack, monitoring } = routingEnvironment();
  new AlertRouting(monitoring, 'routing', {
    receivers: [
      Receiver.slack('team-slack', { apiUrl: Secret.fromVariable('slack_url'), channel: '#alerts', title: '{{ template "slack.title" . }}' }),
      Receiver.of('oncall', [
        Receiver.integration.pagerduty({ routingKey: Secret.fromVariable('pagerduty_key'), severity: 'critical', description: '{{ .CommonLabels.alertname }}' }),
        Receiver.integration.slack({ apiUrl: Secret.fromVariable('slack_url'), sendResolved: true }),
      ]),
      Receiver.discard('null'),
    ],
    route: { receiver: 'team-slack', groupBy: ['alertname', 'job'], groupWait: Duration.seconds(10) },
    routes: [
      {
        matchers: [Matcher.eq('severity', 'critical'), Matcher.re('team', 'db|api')],
        receiver: 'oncall',
        continue: true,
        repeatInterval: Duration.hours(1),
        routes: [{ matchers: { env: 'canary' }, receiver: 'null' }],
      },
      { matchers: { severity: 'warning' }, muteTimeIntervals: ['nights'], activeTimeIntervals: ['weekdays'] },
    ],
    timeIntervals: [
      { name: 'nights', periods: [{ times: [{ start: '22:00', end: '24:00' }, { start: '00:00', end: '06:00' }], location: 'Europe/Berlin' }] },
      { name: 'weekdays', periods: [{ weekdays: ['monday:friday'] }] },
    ],
    templates: { slack: '{{ define "slack.title" }}[{{ .Status }}] {{ .CommonLabels.alertname }}{{ end }}' },
  });
  // A second AlertRouting adds routes and receivers; the tree is merged as alertmanager.yml is.
  new AlertRouting(monitoring, 'db-routing', {
    receivers: [Receiver.webhook('db-hook', { url: 'https://hooks.example.com/db', auth: { bearerToken: Secret.fromVariable('db_hook_token') }, maxAlerts: 10 })],
    routes: [{ matchers: { team: 'db' }, receiver: 'db-hook', groupBy: ['...'] }],
    inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['job'] }],
  });
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);

  test('the notification policy tree, exactly', () => {
    const policy = onlyResource(json, 'grafana_notification_policy');
    expect(policy).toEqual({
      provider: 'grafana',
      contact_point: 'team-slack',
      group_by: ['alertname', 'job'],
      group_wait: '10s',
      group_interval: '5m',
      repeat_interval: '4h',
      depends_on: [
        expect.stringMatching(/^grafana_contact_point\.monitoring_grafana_contact-point-team-slack_/),
        expect.stringMatching(/^grafana_contact_point\.monitoring_grafana_contact-point-oncall_/),
        expect.stringMatching(/^grafana_contact_point\.monitoring_grafana_contact-point-db-hook_/),
        expect.stringMatching(/^grafana_mute_timing\.monitoring_grafana_mute-timing-nights_/),
        expect.stringMatching(/^grafana_mute_timing\.monitoring_grafana_mute-timing-weekdays_/),
        expect.stringMatching(/^grafana_mute_timing\.monitoring_grafana_discard-timing_/),
      ],
      policy: [
        {
          contact_point: 'oncall',
          continue: true,
          repeat_interval: '1h',
          matcher: [
            { label: 'severity', match: '=', value: 'critical' },
            { label: 'team', match: '=~', value: 'db|api' },
          ],
          policy: [{ matcher: [{ label: 'env', match: '=', value: 'canary' }], mute_timings: ['staging-discard'] }],
        },
        {
          matcher: [{ label: 'severity', match: '=', value: 'warning' }],
          mute_timings: ['nights'],
          active_timings: ['weekdays'],
        },
        { contact_point: 'db-hook', group_by: ['...'], matcher: [{ label: 'team', match: '=', value: 'db' }] },
      ],
    });
    expect(synthesized).toHaveResourceWithProperties(NotificationPolicy, { contact_point: 'team-slack' });
  });

  test('one contact point per receiver with integrations; secrets are variable references', () => {
    const byName = Object.fromEntries(resourcesOf(json, 'grafana_contact_point').map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['db-hook', 'oncall', 'team-slack']);
    expect(byName['team-slack']).toEqual({
      provider: 'grafana',
      name: 'team-slack',
      depends_on: [expect.stringMatching(/^grafana_message_template\.monitoring_grafana_message-template-slack_/)],
      slack: [{ url: '${var.slack_url}', recipient: '#alerts', title: '{{ template "slack.title" . }}', disable_resolve_message: true }],
    });
    expect(byName.oncall.pagerduty).toEqual([
      { integration_key: '${var.pagerduty_key}', severity: 'critical', summary: '{{ .CommonLabels.alertname }}', disable_resolve_message: false },
    ]);
    expect(byName.oncall.slack).toEqual([{ url: '${var.slack_url}', disable_resolve_message: false }]);
    expect(byName['db-hook'].webhook).toEqual([
      {
        url: 'https://hooks.example.com/db',
        max_alerts: 10,
        authorization_scheme: 'Bearer',
        authorization_credentials: '${var.db_hook_token}',
        disable_resolve_message: false,
      },
    ]);
    expect(synthesized).toHaveResourceWithProperties(ContactPoint, { name: 'oncall' });
    for (const name of ['slack_url', 'pagerduty_key', 'db_hook_token']) expect(json.variable[name]).toMatchObject({ sensitive: true });
  });

  test('time intervals become mute timings, templates message templates', () => {
    const timings = Object.fromEntries(resourcesOf(json, 'grafana_mute_timing').map((t) => [t.name, t]));
    expect(timings.nights.intervals).toEqual([
      {
        location: 'Europe/Berlin',
        times: [
          { start: '22:00', end: '24:00' },
          { start: '00:00', end: '06:00' },
        ],
      },
    ]);
    expect(timings.weekdays.intervals).toEqual([{ weekdays: ['monday:friday'] }]);
    expect(timings['staging-discard'].intervals).toEqual([{}]);
    expect(onlyResource(json, 'grafana_message_template')).toEqual({
      provider: 'grafana',
      name: 'slack',
      template: '{{ define "slack.title" }}[{{ .Status }}] {{ .CommonLabels.alertname }}{{ end }}',
    });
  });

  test('inhibit rules are left out with a warning', () => {
    expect(warningsOf(stack)).toContain(
      'AlertRouting test/monitoring/db-routing: inhibitRules (1) left out in Grafana: Grafana Alerting has no inhibition; consider mute timings or matchers instead',
    );
  });
});

describe('GrafanaTarget: routing details', () => {
  test('a policy on the deepest level gets the group_by it inherits (the provider requires it there)', () => {
    const { stack, monitoring } = routingEnvironment();
    const level = (n: number, inner?: object): object => ({ matchers: { level: String(n) }, ...(inner ? { routes: [inner] } : {}) });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('hook', { url: 'https://hooks.example.com/a' })],
      route: { receiver: 'hook', groupBy: ['alertname'] },
      routes: [level(1, level(2, level(3, level(4, level(5)))))],
    });
    let policy = onlyResource(synthJson(stack), 'grafana_notification_policy').policy[0];
    for (let depth = 1; depth < 5; depth++) {
      expect(policy.group_by).toBeUndefined();
      policy = policy.policy[0];
    }
    expect(policy).toEqual({ matcher: [{ label: 'level', match: '=', value: '5' }], group_by: ['alertname'] });
  });

  test('email: one mail to all addresses; Grafana\'s SMTP settings replace the sender and server, with a warning for a password', () => {
    const { stack, monitoring } = routingEnvironment();
    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.email('ops-mail', {
          to: 'ops@example.com, oncall@example.com',
          from: 'alerts@example.com',
          smarthost: 'smtp.example.com:587',
          authUsername: 'alerts',
          authPassword: Secret.fromVariable('smtp_password'),
          subject: '[{{ .Status }}] {{ .CommonLabels.alertname }}',
          text: 'See {{ .ExternalURL }}',
        }),
      ],
      route: { receiver: 'ops-mail' },
    });
    const out = synthJson(stack);
    expect(onlyResource(out, 'grafana_contact_point').email).toEqual([
      {
        addresses: ['ops@example.com', 'oncall@example.com'],
        single_email: true,
        subject: '[{{ .Status }}] {{ .CommonLabels.alertname }}',
        message: 'See {{ .ExternalURL }}',
        disable_resolve_message: true,
      },
    ]);
    expect(out.variable.smtp_password).toBeUndefined();
    expect(warningsOf(stack)).toContain(
      "AlertRouting test/monitoring/routing, receiver ops-mail, email: authPassword left out in Grafana: Grafana sends email with its server's [smtp] settings and its own HTML template; put the body in `text`",
    );
  });

  test('Opsgenie and Teams receivers map to their Grafana integrations', () => {
    // The environment's Alertmanager checks still apply: Teams Workflows need Alertmanager 0.28 there.
    const { stack, monitoring } = grafanaEnvironment({ manage: { routing: true } }, { alertmanager: { version: '0.28' } });
    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.opsgenie('opsgenie', { apiKey: Secret.fromVariable('opsgenie_key'), message: '{{ .CommonLabels.alertname }}', responders: [{ type: 'team', name: 'sre' }] }),
        Receiver.msteams('teams', { webhookUrl: Secret.fromVariable('teams_url'), title: 'Alerts', text: 'Details' }),
      ],
      route: { receiver: 'opsgenie' },
    });
    const byName = Object.fromEntries(resourcesOf(synthJson(stack), 'grafana_contact_point').map((c) => [c.name, c]));
    expect(byName.opsgenie.opsgenie).toEqual([
      { api_key: '${var.opsgenie_key}', message: '{{ .CommonLabels.alertname }}', responders: [{ type: 'team', name: 'sre' }], disable_resolve_message: false },
    ]);
    expect(byName.teams.teams).toEqual([{ url: '${var.teams_url}', title: 'Alerts', message: 'Details', disable_resolve_message: false }]);
  });
});
