/**
 * Reads YAML into typed options by the field tables of lib/model/receivers/*.ts: the same tables the renderer
 * writes from, so what imports renders back to the same keys. `<key>_file` becomes `Secret.fromFile`; a literal
 * secret is refused; a key Alertmanager has that the library leaves out is "not supported by cdktf-monitoring";
 * any other unknown key gets "did you mean".
 */
import { Duration } from '../model/duration';
import { FieldSpec } from '../model/receivers/fields';
import { HTTP_CONFIG_FIELDS, HTTP_CONFIG_NOT_SUPPORTED, HttpClientOptions, TLS_FIELDS } from '../model/receivers/http-config';
import { SIGV4_NOT_SUPPORTED, SNS } from '../model/receivers/messaging';
import { literalSecret, noSuchField, unsupportedField } from './messages';
import { fileSecret } from './shared';
import { SourceMap, SourceNode } from './yaml-source';

/** The program name used in secret messages. */
export const ALERTMANAGER = 'Alertmanager';

const SECRET_MANAGER_REF = 'a reference into a secret manager, which Alertmanager does not configure: use the `_file` form';

/** Keys of nested tables that Alertmanager (prometheus/common, sigv4) has and the model leaves out, with the reason. */
const NESTED_NOT_SUPPORTED = new Map<readonly FieldSpec[], Readonly<Record<string, string>>>([
  [HTTP_CONFIG_FIELDS, HTTP_CONFIG_NOT_SUPPORTED],
  [TLS_FIELDS, { ca_ref: SECRET_MANAGER_REF, cert_ref: SECRET_MANAGER_REF, key_ref: SECRET_MANAGER_REF }],
]);
const SIGV4_FIELDS = (SNS.fields.find((f) => f.prop === 'sigv4')!.kind as { object: readonly FieldSpec[] }).object;
NESTED_NOT_SUPPORTED.set(SIGV4_FIELDS, SIGV4_NOT_SUPPORTED);
for (const f of HTTP_CONFIG_FIELDS) {
  if (typeof f.kind !== 'string' && f.kind.object && f.kind.object !== TLS_FIELDS) {
    const refs = f.kind.object.filter((x) => x.kind === 'secret' || x.prop === 'username').map((x) => `${x.key}_ref`);
    NESTED_NOT_SUPPORTED.set(f.kind.object, Object.fromEntries(refs.map((r) => [r, SECRET_MANAGER_REF])));
  }
}

/** The YAML keys a table reads: a secret as `<key>_file`, a URL-or-secret as both. */
export function keysOf(fields: readonly FieldSpec[]): string[] {
  return fields.flatMap((f) => (f.kind === 'secret' ? [`${f.key}_file`] : f.kind === 'urlOrSecret' ? [f.key, `${f.key}_file`] : [f.key]));
}

/**
 * Reads `map` by `fields`.
 * @param owner how the map is named in messages (`slack_configs`, `http_config`)
 * @param handled keys the caller reads itself
 * @param notSupported keys Alertmanager has that are not taken, with the reason
 */
export function importFields(
  map: SourceMap,
  fields: readonly FieldSpec[],
  owner: string,
  handled: readonly string[] = [],
  notSupported: Readonly<Record<string, string>> = NESTED_NOT_SUPPORTED.get(fields) ?? {},
): Record<string, unknown> {
  const known = keysOf(fields);
  const literalSecrets = fields.filter((f) => f.kind === 'secret').map((f) => f.key);
  for (const key of map.keys()) {
    if (handled.includes(key) || known.includes(key)) continue;
    const at = map.keyOf(key);
    if (key in notSupported) throw unsupportedField(at.where, at.field, owner, key, [...known, ...handled], notSupported[key]);
    if (literalSecrets.includes(key)) {
      const node = map.get(key)!;
      throw literalSecret(node.where, node.field, `${key}_file`, ALERTMANAGER);
    }
    throw noSuchField(at.where, at.field, owner, key, [...known, ...handled]);
  }
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const fileKey = `${field.key}_file`;
    if (field.kind === 'secret' || field.kind === 'urlOrSecret') {
      const file = map.opt(fileKey);
      if (file !== undefined) {
        if (field.kind === 'urlOrSecret' && map.has(field.key)) throw file.invalid(`either \`${field.key}\` or \`${fileKey}\`, not both (Alertmanager refuses both)`);
        out[field.prop] = fileSecret(file, ALERTMANAGER);
        continue;
      }
      if (field.kind === 'secret') continue;
    }
    const node = map.opt(field.key);
    if (node === undefined || node.isNull) continue;
    out[field.prop] = readValue(node, field);
  }
  return out;
}

function readValue(node: SourceNode, field: FieldSpec): unknown {
  const kind = field.kind;
  if (typeof kind !== 'string') {
    if (field.shorthand !== undefined && !node.isList && isScalarNode(node)) return { [field.shorthand]: node.string('a Go template') };
    if (kind.list) return node.seq(`a list of ${field.key} entries`).map((item) => importFields(item.map(`a ${field.key} entry`), kind.list!, field.key));
    if (kind.object === HTTP_CONFIG_FIELDS) return importHttpConfig(node);
    return importFields(node.map(`${field.key} settings`), kind.object!, field.key);
  }
  switch (kind) {
    case 'boolean':
      return node.boolean();
    case 'integer':
      return node.integer();
    case 'signedInteger': {
      const v = node.toJS();
      if (typeof v !== 'number' || !Number.isInteger(v)) throw node.invalid('a whole number');
      return v;
    }
    case 'goDuration':
    case 'duration':
      return Duration.parse(node.string('a duration such as "30s"'), node.where, node.field);
    case 'strings':
      return node.strings('a list of strings');
    case 'stringMap':
      return node.stringMap('a map of strings');
    case 'anyMap':
      node.map('a map');
      return node.toJS();
    default:
      return node.string(field.oneOf ? `one of ${field.oneOf.join(', ')}` : 'a string');
  }
}

/** An `http_config`, with the legacy `bearer_token_file` read as `authorization.credentials`. */
export function importHttpConfig(node: SourceNode): HttpClientOptions {
  const map = node.map('HTTP client settings');
  const literal = map.opt('bearer_token');
  if (literal !== undefined) throw literalSecret(literal.where, literal.field, 'bearer_token_file', ALERTMANAGER);
  const out = importFields(map, HTTP_CONFIG_FIELDS, 'http_config', ['bearer_token_file']) as HttpClientOptions;
  const tokenFile = map.opt('bearer_token_file');
  if (tokenFile === undefined) return out;
  if (out.authorization || out.basicAuth || out.oauth2) throw tokenFile.invalid('either `bearer_token_file` or `authorization`/`basic_auth`/`oauth2`, not both');
  return { ...out, authorization: { credentials: fileSecret(tokenFile, ALERTMANAGER) } };
}

function isScalarNode(node: SourceNode): boolean {
  const v = node.toJS();
  return v === null || typeof v !== 'object';
}

/** Refuses the first key of `map` that Alertmanager has but the library does not take, with its reason. */
export function refuseNotSupported(map: SourceMap, owner: string, supported: readonly string[], notSupported: Readonly<Record<string, string>>): void {
  for (const [key, reason] of Object.entries(notSupported)) {
    if (!map.has(key)) continue;
    const at = map.keyOf(key);
    throw unsupportedField(at.where, at.field, owner, key, supported, reason);
  }
}
