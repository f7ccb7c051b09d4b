import * as path from 'path';
import { AlertRouting, Receiver, Secret } from '../../lib';
import { AlertmanagerGlobal, Integration } from '../../lib/model/receivers';
import { FieldSpec } from '../../lib/model/receivers/fields';
import { GLOBAL_FIELDS, missingInherited } from '../../lib/model/receivers/global';
import { HTTP_CONFIG_FIELDS } from '../../lib/model/receivers/http-config';
import { INTEGRATION_SPECS } from '../../lib/model/receivers/specs';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';

/**
 * The version table of lib/model/receivers/*.ts (the Alertmanager minor that added each integration and field)
 * against a real binary of the oldest line: every integration and field the table dates to 0.25 or earlier, set all
 * at once with sample values, must pass amtool 0.25; and a field dated later must be refused by it.
 */
function sample(field: FieldSpec, maxMinor: number): unknown {
  const kind = field.kind;
  if (typeof kind !== 'string') {
    const inner = sampleOptions(kind.list ?? kind.object!, maxMinor);
    return kind.list ? [inner] : inner;
  }
  if (field.oneOf) return field.oneOf[0];
  switch (kind) {
    case 'boolean':
      return true;
    case 'integer':
    case 'signedInteger':
      return 3;
    case 'goDuration':
    case 'duration':
      return '2m';
    case 'secret':
      return Secret.fromFile(`/run/secrets/${field.key}`);
    case 'url':
    case 'urlOrSecret':
      return 'https://example.com/api/';
    case 'strings':
      return ['x'];
    case 'stringMap':
    case 'anyMap':
      return { team: 'ops' };
    default:
      return `sample-${field.key}`;
  }
}

function sampleOptions(fields: readonly FieldSpec[], maxMinor: number): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => (f.minor ?? 0) <= maxMinor).map((f) => [f.prop, sample(f, maxMinor)]));
}

/** What each integration needs beyond "every field" to be valid at all (Alertmanager's own rules). */
const FIXES: Record<string, (o: Record<string, unknown>) => Record<string, unknown>> = {
  email: (o) => ({ ...o, to: 'ops@example.com', from: 'am@example.com', smarthost: 'smtp.example.com:587', headers: { 'X-Team': 'ops' } }),
  slack: (o) => ({ ...o, channel: '#alerts', actions: [{ type: 'button', text: 'x', url: 'https://example.com/' }] }),
  sns: (o) => ({ ...o, phoneNumber: undefined, targetArn: undefined, topicArn: 'arn:aws:sns:eu-west-1:1:t' }),
  webhook: (o) => ({ ...o, url: 'http://hook:8080/' }),
  webex: (o) => o,
  opsgenie: (o) => ({ ...o, responders: [{ type: 'team', name: 'ops' }] }),
  victorops: (o) => ({ ...o, customFields: { team: 'ops' } }),
  wechat: (o) => o,
};

/** A valid http_config of the oldest line: one authentication, a proxy, TLS. */
const httpConfig = (maxMinor: number) => {
  const all = sampleOptions(HTTP_CONFIG_FIELDS, maxMinor);
  return { authorization: all.authorization, tlsConfig: all.tlsConfig, followRedirects: true, enableHttp2: true, proxyUrl: 'http://proxy:3128' };
};

function render(version: `0.${number}`, integrations: Integration[], global: Record<string, unknown>): string {
  const { monitoring } = dockerEnvironment({ alertmanager: { version, global: global as AlertmanagerGlobal } });
  new AlertRouting(monitoring, 'routing', { route: { receiver: 'all' }, receivers: [Receiver.of('all', integrations)] });
  expect(monitoring.model.validate()).toEqual([]);
  return writeTempFiles({ 'alertmanager.yml': monitoring.renderedFiles()['alertmanager/alertmanager.yml'] });
}
const check = (tool: 'amtool' | 'amtool-0.25', dir: string) => runTool(tool, ['check-config', path.join(dir, 'alertmanager.yml')]).output;

describe('the version table against amtool 0.25', () => {
  const oldest = 25;
  const global = { ...sampleOptions(GLOBAL_FIELDS, oldest), httpConfig: httpConfig(oldest), smtpSmarthost: 'smtp.example.com:587', smtpFrom: 'am@example.com' };
  const specs = INTEGRATION_SPECS.filter((s) => s.minor === undefined);
  const build = (spec: (typeof specs)[number]): Integration => {
    let options = sampleOptions(spec.fields, oldest);
    if (options.httpConfig !== undefined) options.httpConfig = httpConfig(oldest);
    options = (FIXES[spec.type] ?? ((o) => o))(options);
    if (spec.type === 'webex') options.httpConfig = { authorization: { credentials: Secret.fromFile('/run/secrets/webex') } };
    return { type: spec.type, options } as unknown as Integration;
  };
  // An integration whose required secret has a file form only from a later version (its own or global's) cannot be written for 0.25.
  const writable = specs.filter((s) => s.fields.every((f) => !(f.required && (f.minor ?? 0) > oldest)) && missingInherited(build(s), global as AlertmanagerGlobal).length === 0);

  test('every integration and field dated ≤ 0.25, all set at once, passes amtool 0.25 (and amtool 0.33)', () => {
    const integrations = writable.map(build);
    const dir = render('0.25', integrations, global);
    expect(writable.map((s) => s.type).sort()).toEqual(['email', 'opsgenie', 'pagerduty', 'slack', 'sns', 'victorops', 'webex', 'webhook'].sort()); // WeChat's secret file form is 0.31
    expect(check('amtool-0.25', dir)).toContain('SUCCESS');
    expect(check('amtool', dir)).toContain('SUCCESS');
  });

  test.each([
    ['telegram message_thread_id (0.28)', Receiver.integration.telegram({ botToken: Secret.fromFile('/s/t'), chatId: 1, messageThreadId: 2 }), '0.28'],
    ['webhook timeout (0.28)', Receiver.integration.webhook({ url: 'http://h/', timeout: '5s' }), '0.28'],
    ['http_config no_proxy (0.26)', Receiver.integration.webhook({ url: 'http://h/', httpConfig: { proxyUrl: 'http://p:3128', noProxy: 'localhost' } }), '0.26'],
    ['tls_config ca (0.26)', Receiver.integration.webhook({ url: 'http://h/', httpConfig: { tlsConfig: { ca: 'PEM' } } }), '0.26'],
    ['pushover ttl (0.27)', Receiver.integration.pushover({ userKey: Secret.fromFile('/s/u'), token: Secret.fromFile('/s/t'), ttl: '1h' }), '0.27'],
  ] as const)('a field dated later is refused by amtool 0.25: %s', (_name, integration, version) => {
    const dir = render(version, [integration], {});
    expect(check('amtool-0.25', dir)).toContain('FAILED');
    expect(check('amtool', dir)).toContain('SUCCESS');
  });
});
