import { missing } from '../model/errors';
import { Integration, OpsgenieResponder, Receiver, WebhookAuth } from '../model/receivers';
import { ALERTMANAGER, IntegrationDefaults } from './alertmanager-global';
import { literalSecret, unsupportedField } from './messages';
import { fileSecret, optional, secretField } from './shared';
import { SourceMap, SourceNode } from './yaml-source';

/** How one `*_configs` entry of a receiver is imported. */
interface IntegrationSpec {
  /** Keys the library models (file forms of secrets included). */
  readonly supported: readonly string[];
  /** Keys Alertmanager has that the library does not model. */
  readonly unsupported: readonly string[];
  /** What to write instead of a key Alertmanager does not have, or why a key is not supported. */
  readonly hints?: Readonly<Record<string, string>>;
  /** Reads the entry once the keys are checked (literal secrets are refused inside). */
  read(map: SourceMap, defaults: IntegrationDefaults): Integration;
}

const HTTP_CONFIG_KEYS = ['authorization', 'basic_auth', 'bearer_token_file'];
const HTTP_CONFIG_UNSUPPORTED = ['oauth2', 'tls_config', 'proxy_url', 'no_proxy', 'proxy_from_environment', 'proxy_connect_header', 'follow_redirects', 'enable_http2'];

const SERVICE_KEY_NOTE =
  '`service_key` is the PagerDuty Events API v1 key, and Receiver.pagerduty sends to the Events API v2: create an Events API v2 integration and use its routing key';

/** The integrations the importer reads, by their alertmanager.yml key. */
export const INTEGRATIONS: Readonly<Record<string, IntegrationSpec>> = {
  webhook_configs: {
    supported: ['url', 'url_file', 'max_alerts', 'http_config', 'send_resolved'],
    unsupported: [],
    read: (map) => {
      if (map.has('url') && map.has('url_file')) throw map.opt('url_file')!.invalid('either `url` or `url_file`, not both (Alertmanager refuses both)');
      return Receiver.integration.webhook({
        // `url_file` (Alertmanager 0.28+) becomes a Secret read from that file; a literal `url` stays a URL.
        url: map.has('url_file')
          ? fileSecret(map.req('url_file', 'the file holding the URL'), ALERTMANAGER)
          : map.req('url', 'the URL Alertmanager POSTs to, or `url_file`').string('a URL'),
        ...optional('maxAlerts', map.opt('max_alerts')?.integer()),
        ...optional('auth', webhookAuth(map.opt('http_config'))),
        ...optional('sendResolved', map.optBoolean('send_resolved')),
      });
    },
  },
  email_configs: {
    supported: ['to', 'from', 'smarthost', 'auth_username', 'auth_password_file', 'require_tls', 'headers', 'html', 'text', 'send_resolved'],
    unsupported: ['hello', 'auth_identity', 'auth_secret', 'tls_config'],
    hints: {
      subject: 'set `headers: { Subject: ... }` (typed: `subject`)',
      body: 'set `html:` or `text:` (typed: `html` / `text`)',
    },
    read: (map, d) => {
      const authPassword = secretField(map, 'auth_password', ALERTMANAGER);
      const smarthost = map.optString('smarthost', 'an SMTP server as "host:port"') ?? d.smtpSmarthost;
      const from = map.optString('from', 'an email address') ?? d.smtpFrom;
      if (smarthost === undefined) throw missing(map.node.where, `${map.node.path}.smarthost`, 'an SMTP server as "host:port", here or as global `smtp_smarthost`');
      if (from === undefined) throw missing(map.node.where, `${map.node.path}.from`, 'a sender address, here or as global `smtp_from`');
      return Receiver.integration.email({
        to: map.req('to', 'one or more recipient addresses').string('email addresses'),
        from,
        smarthost,
        ...optional('authUsername', map.optString('auth_username', 'a user name') ?? d.smtpAuthUsername),
        ...optional('authPassword', authPassword ?? d.smtpAuthPassword),
        ...optional('requireTls', map.optBoolean('require_tls') ?? d.smtpRequireTls),
        ...optional('subject', emailSubject(map.opt('headers'))),
        ...optional('html', map.optString('html', 'a Go template')),
        ...optional('text', map.optString('text', 'a Go template')),
        ...optional('sendResolved', map.optBoolean('send_resolved')),
      });
    },
  },
  slack_configs: {
    supported: ['api_url_file', 'channel', 'title', 'text', 'send_resolved'],
    unsupported: [
      'http_config', 'username', 'color', 'title_link', 'pretext', 'fields', 'short_fields', 'footer', 'fallback', 'callback_id',
      'icon_emoji', 'icon_url', 'image_url', 'thumb_url', 'link_names', 'mrkdwn_in', 'actions',
    ],
    read: (map, d) => {
      const apiUrl = secretField(map, 'api_url', ALERTMANAGER) ?? d.slackApiUrl;
      if (apiUrl === undefined) throw missing(map.node.where, `${map.node.path}.api_url_file`, 'the file holding the incoming-webhook URL, here or as global `slack_api_url_file`');
      return Receiver.integration.slack({
        apiUrl,
        ...optional('channel', map.optString('channel', 'a channel such as "#alerts"')),
        ...optional('title', map.optString('title', 'a Go template')),
        ...optional('text', map.optString('text', 'a Go template')),
        ...optional('sendResolved', map.optBoolean('send_resolved')),
      });
    },
  },
  pagerduty_configs: {
    supported: ['routing_key_file', 'severity', 'description', 'send_resolved'],
    unsupported: ['service_key_file', 'http_config', 'url', 'client', 'client_url', 'details', 'images', 'links', 'source', 'class', 'component', 'group'],
    hints: { service_key_file: SERVICE_KEY_NOTE },
    read: (map) => {
      const serviceKey = map.opt('service_key');
      if (serviceKey) {
        throw literalSecret(serviceKey.where, serviceKey.field, 'routing_key_file', ALERTMANAGER, SERVICE_KEY_NOTE);
      }
      const routingKey = secretField(map, 'routing_key', ALERTMANAGER);
      if (routingKey === undefined) throw missing(map.node.where, `${map.node.path}.routing_key_file`, 'the file holding the Events API v2 routing key');
      return Receiver.integration.pagerduty({
        routingKey,
        ...optional('severity', map.optString('severity', 'a PagerDuty severity')),
        ...optional('description', map.optString('description', 'a Go template')),
        ...optional('sendResolved', map.optBoolean('send_resolved')),
      });
    },
  },
  opsgenie_configs: {
    supported: ['api_key_file', 'message', 'priority', 'tags', 'responders', 'send_resolved'],
    unsupported: ['http_config', 'api_url', 'description', 'source', 'details', 'entity', 'actions', 'note', 'update_alerts'],
    read: (map, d) => {
      const apiKey = secretField(map, 'api_key', ALERTMANAGER) ?? d.opsgenieApiKey;
      if (apiKey === undefined) throw missing(map.node.where, `${map.node.path}.api_key_file`, 'the file holding the Opsgenie API key, here or as global `opsgenie_api_key_file`');
      return Receiver.integration.opsgenie({
        apiKey,
        ...optional('message', map.optString('message', 'a Go template')),
        ...optional('priority', map.optString('priority', 'P1 to P5')),
        ...optional('tags', map.optString('tags', 'comma-separated tags')),
        ...optional('responders', map.opt('responders')?.seq('a list of responders').map(responder)),
        ...optional('sendResolved', map.optBoolean('send_resolved')),
      });
    },
  },
  msteamsv2_configs: {
    supported: ['webhook_url_file', 'title', 'text', 'send_resolved'],
    unsupported: ['http_config'],
    read: (map) => {
      const webhookUrl = secretField(map, 'webhook_url', ALERTMANAGER);
      if (webhookUrl === undefined) throw missing(map.node.where, `${map.node.path}.webhook_url_file`, 'the file holding the Workflows webhook URL');
      return Receiver.integration.msteams({
        webhookUrl,
        ...optional('title', map.optString('title', 'a Go template')),
        ...optional('text', map.optString('text', 'a Go template')),
        ...optional('sendResolved', map.optBoolean('send_resolved')),
      });
    },
  },
};

/** Literal-secret keys of each integration, refused before the key check so the message says why. */
const LITERAL_SECRETS: Readonly<Record<string, readonly string[]>> = {
  email_configs: ['auth_password'],
  slack_configs: ['api_url'],
  pagerduty_configs: ['routing_key', 'service_key'],
  opsgenie_configs: ['api_key'],
  msteamsv2_configs: ['webhook_url'],
};

/** Imports one `*_configs` entry. */
export function importIntegration(key: string, node: SourceNode, defaults: IntegrationDefaults): Integration {
  const spec = INTEGRATIONS[key];
  const map = node.map(`a ${key} entry`);
  for (const k of spec.unsupported) {
    if (!map.has(k)) continue;
    const at = map.keyOf(k);
    throw unsupportedField(at.where, at.field, key, k, spec.supported, spec.hints?.[k]);
  }
  const literal = LITERAL_SECRETS[key] ?? [];
  for (const k of map.keys()) {
    const at = map.opt(k);
    if (!literal.includes(k) || k === 'service_key' || at === undefined) continue;
    throw literalSecret(at.where, at.field, `${k}_file`, ALERTMANAGER);
  }
  map.checkKeys(key, [...spec.supported, ...literal], spec.hints);
  return spec.read(map, defaults);
}

function emailSubject(node: SourceNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const headers = node.map('a map of header names to values');
  let subject: string | undefined;
  for (const name of headers.keys()) {
    if (name.toLowerCase() !== 'subject') {
      const at = headers.keyOf(name);
      throw unsupportedField(at.where, at.field, 'email_configs.headers', name, ['Subject']);
    }
    subject = headers.get(name)!.string('a Go template');
  }
  return subject;
}

function webhookAuth(node: SourceNode | undefined): WebhookAuth | undefined {
  if (node === undefined) return undefined;
  const http = node.map('HTTP client settings');
  const token = http.get('bearer_token');
  if (token) throw literalSecret(token.where, token.field, 'bearer_token_file', ALERTMANAGER);
  for (const k of HTTP_CONFIG_UNSUPPORTED) {
    if (!http.has(k)) continue;
    const at = http.keyOf(k);
    throw unsupportedField(at.where, at.field, 'http_config', k, HTTP_CONFIG_KEYS);
  }
  http.checkKeys('http_config', HTTP_CONFIG_KEYS);
  const authorization = http.opt('authorization');
  const basic = http.opt('basic_auth');
  const tokenFile = http.opt('bearer_token_file');
  if (authorization) {
    const map = authorization.map('authorization settings with `credentials_file`');
    const bearerToken = secretField(map, 'credentials', ALERTMANAGER);
    map.checkKeys('authorization', ['type', 'credentials', 'credentials_file']);
    const type = map.opt('type');
    if (type && type.string('Bearer') !== 'Bearer') throw type.invalid('"Bearer" (the only authorization type Receiver.webhook supports)');
    if (bearerToken === undefined) throw missing(map.node.where, `${map.node.path}.credentials_file`, 'the file holding the token');
    return { bearerToken };
  }
  if (basic) {
    const map = basic.map('basic auth settings with `username` and `password_file`');
    const password = secretField(map, 'password', ALERTMANAGER);
    map.checkKeys('basic_auth', ['username', 'password', 'password_file']);
    if (password === undefined) throw missing(map.node.where, `${map.node.path}.password_file`, 'the file holding the password');
    return { username: map.req('username', 'a user name').string('a user name'), password };
  }
  if (tokenFile) return { bearerToken: secretField(http, 'bearer_token', ALERTMANAGER) };
  return undefined;
}

function responder(node: SourceNode): OpsgenieResponder {
  const map = node.map('a responder: { type, name }');
  const unsupported = ['id', 'username'].find((k) => map.has(k));
  if (unsupported) {
    const at = map.keyOf(unsupported);
    throw unsupportedField(at.where, at.field, 'opsgenie responders', unsupported, ['type', 'name']);
  }
  map.checkKeys('an Opsgenie responder', ['type', 'name']);
  const type = map.req('type', 'team, user, escalation or schedule');
  const value = type.string('team, user, escalation or schedule');
  if (!['team', 'user', 'escalation', 'schedule'].includes(value)) throw type.invalid('team, user, escalation or schedule');
  return { type: value as OpsgenieResponder['type'], name: map.req('name', 'the responder name').string('a name') };
}
