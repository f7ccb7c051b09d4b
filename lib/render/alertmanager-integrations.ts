/**
 * Integrations and `global` as alertmanager.yml writes them, from the field tables of lib/model/receivers/*.ts:
 * Secrets become `<key>_file`, durations Go or Prometheus durations, nested objects follow their tables.
 */
import { Integration } from '../model/receivers';
import { Duration } from '../model/duration';
import { FieldSpec, goDuration } from '../model/receivers/fields';
import { AlertmanagerGlobal, GLOBAL_FIELDS } from '../model/receivers/global';
import { integrationSpec } from '../model/receivers/specs';
import { Secret } from '../model/secret';

/** The YAML of `options` by `fields`, in table order; unset fields are left out. */
export function renderFields(options: object, fields: readonly FieldSpec[]): Record<string, unknown> {
  const o = options as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = o[field.prop];
    if (value === undefined) continue;
    const kind = field.kind;
    if (typeof kind !== 'string') {
      if (field.shorthand !== undefined && typeof value === 'string') out[field.key] = value;
      else if (kind.list) out[field.key] = (value as object[]).map((item) => renderFields(item, kind.list!));
      else {
        const inner = renderFields(value as object, kind.object!);
        const keys = Object.keys(inner);
        // Jira's `summary: { template: x }` is written `summary: x`, which every Alertmanager since 0.28 reads.
        out[field.key] = field.shorthand !== undefined && keys.length === 1 && keys[0] === field.shorthand ? inner[field.shorthand] : inner;
      }
      continue;
    }
    switch (kind) {
      case 'secret':
        out[`${field.key}_file`] = (value as Secret).filePath;
        break;
      case 'urlOrSecret':
        if (value instanceof Secret) out[`${field.key}_file`] = value.filePath;
        else out[field.key] = value;
        break;
      case 'goDuration':
        out[field.key] = goDuration(value);
        break;
      case 'duration':
        out[field.key] = (value instanceof Duration ? value : Duration.parse(value as string)).toPrometheus();
        break;
      case 'strings':
        out[field.key] = [...(value as string[])];
        break;
      case 'stringMap':
      case 'anyMap':
        out[field.key] = { ...(value as object) };
        break;
      default:
        out[field.key] = value;
    }
  }
  return out;
}

/** One `*_configs` entry. */
export function renderIntegration(integration: Integration): Record<string, unknown> {
  const spec = integrationSpec(integration.type)!;
  const o = integration.options as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (o.sendResolved !== undefined) out.send_resolved = o.sendResolved;
  if (integration.type === 'webhook') {
    // A Secret URL is read from a file (Alertmanager 0.28+; checked against alertmanager.version when routing is built).
    const url = integration.options.url;
    if (url instanceof Secret) out.url_file = url.filePath;
    else out.url = url;
  }
  // Alertmanager has no `subject` field: the subject is the Subject header.
  const options =
    integration.type === 'email' && integration.options.subject !== undefined
      ? { ...integration.options, headers: { Subject: integration.options.subject, ...(integration.options.headers ?? {}) } }
      : integration.options;
  Object.assign(out, renderFields(options, spec.fields));
  if (integration.type === 'webhook' && integration.options.auth !== undefined) {
    const auth = integration.options.auth;
    const credentials = auth.bearerToken
      ? { authorization: { type: 'Bearer', credentials_file: auth.bearerToken.filePath } }
      : auth.password
        ? { basic_auth: { username: auth.username, password_file: auth.password.filePath } }
        : {};
    out.http_config = { ...credentials, ...((out.http_config as object | undefined) ?? {}) };
  }
  return out;
}

/** `global:`: `resolve_timeout` first, then the integration defaults in table order. */
export function renderGlobal(resolveTimeout: Duration | undefined, global: AlertmanagerGlobal | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (resolveTimeout !== undefined) out.resolve_timeout = resolveTimeout.toPrometheus();
  if (global !== undefined) Object.assign(out, renderFields(global, GLOBAL_FIELDS));
  return Object.keys(out).length > 0 ? out : undefined;
}
