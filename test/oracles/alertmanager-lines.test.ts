import * as path from 'path';
import { AlertmanagerVersion } from '../../lib';
import { MonitoringEnvironment } from '../../lib/model/environment';
import { Receiver } from '../../lib/model/receivers';
import { buildInhibitRule, buildRootRoute, buildRoute } from '../../lib/model/routing';
import { Secret } from '../../lib/model/secret';
import { renderAlertmanagerConfig, TEMPLATES_DIR } from '../../lib/render/alertmanager-config';
import { runTool, writeTempFiles } from '../helpers/tools';

/**
 * The `alertmanager.version` setting, checked by each line's own amtool: the default (0.28) by amtool >= 0.33 from
 * the tool cache, and 0.25 by Debian bookworm's amtool 0.25 (`.tools/bin/amtool-0.25`). The older line is kept
 * deliberately: managed services and installs that are not upgraded run it, and the rendering for it differs
 * (no Teams Workflows, no webhook url_file), so only its own amtool can tell that the file loads there.
 */
const TEMPLATE = '{{ define "slack.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}';

/** Every integration the renderer has, as far as `version` allows. */
function receiversFor(version: AlertmanagerVersion): Receiver[] {
  const modern = version !== '0.25';
  return [
    Receiver.of('oncall', [
      Receiver.integration.pagerduty({ routingKey: Secret.fromVariable('pd_key'), severity: 'critical' }),
      Receiver.integration.slack({ apiUrl: Secret.fromVariable('slack_url'), channel: '#oncall', title: '{{ template "slack.title" . }}' }),
      Receiver.integration.opsgenie({ apiKey: Secret.fromVariable('opsgenie_key'), priority: 'P1', responders: [{ type: 'team', name: 'sre' }] }),
      ...(modern ? [Receiver.integration.msteams({ webhookUrl: Secret.fromVariable('teams_url') })] : []),
    ]),
    Receiver.of('hooks', [
      modern
        ? Receiver.integration.webhook({ url: Secret.fromVariable('incident_hook_url'), sendResolved: true })
        : Receiver.integration.webhook({ url: 'https://incidents.example.com/hooks/alertmanager', sendResolved: true, auth: { bearerToken: Secret.fromVariable('hook_token') } }),
    ]),
    Receiver.email('mail', {
      to: 'ops@example.com',
      from: 'alertmanager@example.com',
      smarthost: 'smtp.example.com:587',
      authUsername: 'am',
      authPassword: Secret.fromVariable('smtp_password'),
      subject: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}',
    }),
    Receiver.discard('null'),
  ];
}

function render(version: AlertmanagerVersion): { dir: string; text: string } {
  const env = new MonitoringEnvironment('prod', {}, { version });
  env.addRouting({
    declaredBy: 'R',
    receivers: receiversFor(version),
    root: buildRootRoute({ receiver: 'mail' }, 'R'),
    routes: [
      buildRoute({ matchers: { severity: 'critical' }, receiver: 'oncall', continue: true, muteTimeIntervals: ['maintenance'] }, 'R', 'routes[0]'),
      buildRoute({ matchers: { team: 'incidents' }, receiver: 'hooks', activeTimeIntervals: ['office'] }, 'R', 'routes[1]'),
      buildRoute({ matchers: { severity: 'none' }, receiver: 'null' }, 'R', 'routes[2]'),
    ],
    inhibitRules: [buildInhibitRule({ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['alertname'] }, 'R', 'i')],
    timeIntervals: [
      { name: 'maintenance', periods: [{ weekdays: ['sunday'], times: [{ start: '02:00', end: '04:00' }], location: 'Europe/Berlin' }] },
      { name: 'office', periods: [{ weekdays: ['monday:friday'], times: [{ start: '08:00', end: '18:00' }] }] },
    ],
    templates: { slack: TEMPLATE },
    expectations: [],
  });
  expect(env.validate()).toEqual([]);
  const text = renderAlertmanagerConfig(env.alertmanagerModel(), 'prod');
  const dir = writeTempFiles({ 'alertmanager.yml': text, [`${TEMPLATES_DIR}/slack.tmpl`]: TEMPLATE });
  return { dir, text };
}

const check = (tool: 'amtool' | 'amtool-0.25', dir: string) => runTool(tool, ['check-config', path.join(dir, 'alertmanager.yml')]);

describe('Alertmanager lines: each rendering checked by its own amtool', () => {
  test('the default (0.28): Teams Workflows and a webhook url_file; amtool >= 0.33 accepts it', () => {
    const { dir, text } = render('0.28');
    expect(text).toContain('msteamsv2_configs:');
    expect(text).toContain('url_file: /etc/monitoring/secrets/incident_hook_url');
    const result = check('amtool', dir);
    expect({ status: result.status, output: result.output }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  test('the oracle of the older line is live: amtool 0.25 refuses the default rendering', () => {
    const result = check('amtool-0.25', render('0.28').dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/field (msteamsv2_configs|url_file) not found/);
  });

  test('version 0.25: no Teams, a literal webhook URL; amtool 0.25 accepts it, and so does amtool >= 0.33', () => {
    const { dir, text } = render('0.25');
    expect(text).not.toMatch(/msteamsv2_configs|\burl_file:/);
    for (const tool of ['amtool-0.25', 'amtool'] as const) {
      const result = check(tool, dir);
      expect({ tool, status: result.status, output: result.output }).toEqual({ tool, status: 0, output: expect.stringContaining('SUCCESS') });
    }
  });
});
