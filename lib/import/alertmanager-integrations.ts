import { Integration, WebhookAuth } from '../model/receivers';
import { HttpClientOptions } from '../model/receivers/http-config';
import { INTEGRATION_SPECS } from '../model/receivers/specs';
import { ALERTMANAGER, importFields, importHttpConfig } from './alertmanager-fields';
import { literalSecret, noSuchField } from './messages';
import { fileSecret, optional } from './shared';
import { SourceMap, SourceNode } from './yaml-source';

/** The `*_configs` keys the importer reads (every integration of the model). */
export const INTEGRATION_KEYS: readonly string[] = INTEGRATION_SPECS.map((s) => s.key);

/**
 * Imports one `*_configs` entry by its integration's field table. Values the file leaves to `global` stay unset
 * (the imported `global` carries them, as in the file).
 */
export function importIntegration(key: string, node: SourceNode): Integration {
  const spec = INTEGRATION_SPECS.find((s) => s.key === key)!;
  const map = node.map(`a ${key} entry`);
  const custom = spec.type === 'webhook' ? ['url', 'url_file', 'http_config'] : [];
  const hints: Record<string, string> =
    spec.type === 'email'
      ? { subject: 'set `headers: { Subject: ... }` (typed: `subject`)', body: 'set `html:` or `text:` (typed: `html` / `text`)' }
      : {};
  const serviceKey = spec.type === 'pagerduty' ? map.opt('service_key') : undefined;
  if (serviceKey) throw literalSecret(serviceKey.where, serviceKey.field, 'routing_key_file', ALERTMANAGER, spec.notSupported!.service_key);
  for (const [k, hint] of Object.entries(hints)) {
    if (!map.has(k)) continue;
    // The seeds' `subject:`/`body:` on email: fields Alertmanager does not have, with what to write instead.
    const at = map.keyOf(k);
    throw noSuchField(at.where, at.field, key, k, [], hint);
  }
  const options: Record<string, unknown> = {
    ...optional('sendResolved', map.optBoolean('send_resolved')),
    ...importFields(map, spec.fields, key, ['send_resolved', ...custom], spec.notSupported),
  };
  if (spec.type === 'webhook') {
    delete options.httpConfig;
    Object.assign(options, webhookUrlAndAuth(map));
  }
  if (spec.type === 'email') {
    // `headers: { Subject: ... }` is the typed `subject`; other headers stay headers.
    const headers = options.headers as Record<string, string> | undefined;
    const subjectKey = Object.keys(headers ?? {}).find((h) => h.toLowerCase() === 'subject');
    if (subjectKey !== undefined) {
      const { [subjectKey]: subject, ...rest } = headers!;
      options.subject = subject;
      if (Object.keys(rest).length > 0) options.headers = rest;
      else delete options.headers;
    }
  }
  return { type: spec.type, options } as unknown as Integration;
}

/**
 * A webhook's `url`/`url_file` and `http_config`. An `http_config` with nothing but a bearer token or basic auth is
 * the short form `auth`; anything more is the full `httpConfig`.
 */
function webhookUrlAndAuth(map: SourceMap): { url: unknown; auth?: WebhookAuth; httpConfig?: HttpClientOptions } {
  if (map.has('url') && map.has('url_file')) throw map.opt('url_file')!.invalid('either `url` or `url_file`, not both (Alertmanager refuses both)');
  // `url_file` (Alertmanager 0.26+) becomes a Secret read from that file; a literal `url` stays a URL.
  const url = map.has('url_file')
    ? fileSecret(map.req('url_file', 'the file holding the URL'), ALERTMANAGER)
    : map.req('url', 'the URL Alertmanager POSTs to, or `url_file`').string('a URL');
  const node = map.opt('http_config');
  if (node === undefined || node.isNull) return { url };
  const http = importHttpConfig(node);
  const keys = Object.keys(http);
  if (keys.length === 1 && http.authorization && (http.authorization.type ?? 'Bearer') === 'Bearer') return { url, auth: { bearerToken: http.authorization.credentials } };
  if (keys.length === 1 && http.basicAuth && http.basicAuth.username !== undefined && http.basicAuth.password !== undefined) {
    return { url, auth: { username: http.basicAuth.username, password: http.basicAuth.password } };
  }
  return { url, httpConfig: http };
}

