/**
 * Field tables of Alertmanager's receiver configuration: one table per integration (and for `http_config`,
 * `tls_config`, `global`), read by the validation here, by the renderer (lib/render/alertmanager-integrations.ts)
 * and by the importer (lib/import/alertmanager-integrations.ts), so a field is described once.
 *
 * Source of every table: prometheus/alertmanager v0.34.0 (commit 085f0ef7eb41da24cab8cd000f1345b6250f2edb),
 * config/config.go, config/notifiers.go and notify/<integration>/config.go. The receiver structs are unchanged at
 * main 68fb2d5759b3 (2026-08-22, the line released as 0.35; only moved to their own packages); the v0.35 tag
 * itself is not in the stored mirror. `http_config`/`tls_config`: prometheus/common v0.70.1 (b63d8c0f)
 * config/http_config.go, the version v0.34.0's go.mod requires. `sigv4`: prometheus/sigv4 v0.4.1 (6b687b3b),
 * sigv4_config.go. The `minor` of each field is the first tag whose struct has its YAML key (v0.25.0 … v0.34.0,
 * read tag by tag from the same files).
 */
import { Duration } from '../duration';
import { editDistance } from '../edit-distance';
import { invalid, missing, MonitoringConfigError } from '../errors';
import { Secret } from '../secret';

/** How one field is typed in the model and written in alertmanager.yml. */
export type FieldKind =
  /** Plain text. */
  | 'string'
  /** Go template text, expanded by Alertmanager at send time. */
  | 'template'
  | 'boolean'
  /** A whole number ≥ 0 (Go uint64/int). */
  | 'integer'
  /** A whole number, may be negative (Telegram chat ids). */
  | 'signedInteger'
  /** A Go `time.Duration` (`timeout`, `retry`): rendered in h/m/s, which Go's ParseDuration reads. */
  | 'goDuration'
  /** A Prometheus duration (`model.Duration`, e.g. `1d`). */
  | 'duration'
  /** A Secret: rendered as `<key>_file`; the literal `<key>` is never written. */
  | 'secret'
  /** An http(s) URL without credentials. */
  | 'url'
  /** A plain URL (`<key>`) or a Secret (`<key>_file`). */
  | 'urlOrSecret'
  | 'strings'
  | 'stringMap'
  /** A map of YAML values (PagerDuty `details`, Jira `fields`, webhook `payload`). */
  | 'anyMap';

/** A nested object or list of objects. */
export interface NestedKind {
  readonly object?: readonly FieldSpec[];
  readonly list?: readonly FieldSpec[];
}

/** One field of an integration (or of a nested object). */
export interface FieldSpec {
  /** The property name in the options object. */
  readonly prop: string;
  /** The YAML key (for a `secret`, without `_file`). */
  readonly key: string;
  readonly kind: FieldKind | NestedKind;
  /** The field must be set (after `global` is applied, for fields Alertmanager inherits). */
  readonly required?: boolean;
  /** The values Alertmanager accepts (a Go template is accepted too when `templated`). */
  readonly oneOf?: readonly string[];
  /** With `oneOf`: a value containing `{{` is passed on as a template. */
  readonly templated?: boolean;
  /** The first Alertmanager minor version that has the field, when newer than 0.25. */
  readonly minor?: number;
  /**
   * For an object field: the one property that may stand alone, written as a plain value (Jira's `summary:
   * "text"` is `summary: { template: "text" }`).
   */
  readonly shorthand?: string;
  /** What the field expects, for messages, when the kind's own wording is not precise enough. @default - from the kind */
  readonly expect?: string;
  /** For an object field: YAML keys Alertmanager has inside it that the table leaves out (for "not supported"). */
  readonly alertmanagerOnly?: readonly string[];
}

/** How one integration (`slack_configs`, …) is described. */
export interface IntegrationSpec {
  /** The model's integration type (`Receiver.integration.<type>`). */
  readonly type: string;
  /** The key of the receiver that lists it, e.g. `slack_configs`. */
  readonly key: string;
  /** The product name for messages. */
  readonly title: string;
  /** Alertmanager's `send_resolved` default for the integration. */
  readonly sendResolved: boolean;
  /** The first Alertmanager minor version that has the integration, when newer than 0.25. */
  readonly minor?: number;
  /** Its fields, in the order they are rendered (`send_resolved` comes first and is not listed). */
  readonly fields: readonly FieldSpec[];
  /**
   * Keys Alertmanager reads for this integration that the model writes another way (email `headers.Subject` as
   * `subject`, the webhook's `auth`), or that are deliberately not supported, each with the reason.
   */
  readonly notSupported?: Readonly<Record<string, string>>;
  /** Properties of the options that the renderer and importer handle by hand (email `subject`, webhook `auth`). */
  readonly custom?: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `api_url` → `apiUrl`: the property name a YAML key would have. */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A property that is not in the table: "not supported" when Alertmanager has the key, else "did you mean". */
export function unknownProperty(where: string, field: string, prop: string, fields: readonly FieldSpec[], alertmanagerKeys: readonly string[]): MonitoringConfigError {
  const props = fields.map((f) => f.prop);
  if (alertmanagerKeys.map(camelCase).includes(prop) || alertmanagerKeys.includes(prop)) {
    return new MonitoringConfigError(where, field, `\`${prop}\` is an Alertmanager field that is not supported by cdktf-monitoring; supported: ${props.join(', ')}`);
  }
  let best: string | undefined;
  let distance = Infinity;
  for (const p of props) {
    const d = editDistance(prop, p, true);
    if (d < distance) [best, distance] = [p, d];
  }
  const guess = best !== undefined && distance <= Math.max(2, Math.floor(best.length / 4)) ? ` (did you mean \`${best}\`?)` : '';
  return new MonitoringConfigError(where, field, `Alertmanager has no \`${prop}\`${guess}; expected one of ${props.join(', ')}`);
}

const SECRET_EXPECTED = 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...)); secrets are never written into alertmanager.yml';

/**
 * Checks `options` against `fields`: types, required fields, allowed values and unknown properties.
 * @param path the field path of `options` in messages (`''` at the top of an integration)
 * @param alertmanagerKeys keys Alertmanager has at this level that the table leaves out (for "not supported")
 */
export function checkFields(
  options: unknown,
  fields: readonly FieldSpec[],
  where: string,
  path: string,
  alertmanagerKeys: readonly string[] = [],
  extraProps: readonly string[] = [],
): void {
  const at = (prop: string) => (path === '' ? prop : `${path}.${prop}`);
  if (!isRecord(options)) throw invalid(where, path || 'options', options, 'an object of options');
  for (const prop of Object.keys(options)) {
    if (options[prop] === undefined || extraProps.includes(prop)) continue;
    if (!fields.some((f) => f.prop === prop)) throw unknownProperty(where, at(prop), prop, fields, alertmanagerKeys);
  }
  for (const field of fields) {
    const value = options[field.prop];
    if (value === undefined) {
      if (field.required) throw missing(where, at(field.prop), expectation(field));
      continue;
    }
    checkValue(value, field, where, at(field.prop));
  }
}

/** What a field expects, for messages. */
export function expectation(field: FieldSpec): string {
  const kind = field.kind;
  if (field.expect !== undefined) return field.expect;
  if (typeof kind !== 'string') return kind.list ? 'a list of objects' : 'an object';
  if (field.oneOf) return `one of ${field.oneOf.map((v) => JSON.stringify(v)).join(', ')}${field.templated ? ' (or a Go template)' : ''}`;
  switch (kind) {
    case 'string':
      return 'a string';
    case 'template':
      return 'a string (Go template allowed)';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number ≥ 0';
    case 'signedInteger':
      return 'a whole number';
    case 'goDuration':
    case 'duration':
      return 'a Duration (Duration.seconds(30)) or a duration string such as "30s"';
    case 'secret':
      return SECRET_EXPECTED;
    case 'url':
      return 'an http:// or https:// URL';
    case 'urlOrSecret':
      return 'an http:// or https:// URL without credentials, or a Secret holding the URL';
    case 'strings':
      return 'a list of strings';
    case 'stringMap':
      return 'a map of strings to strings';
    case 'anyMap':
      return 'a map of names to values';
  }
}

function checkValue(value: unknown, field: FieldSpec, where: string, at: string): void {
  const kind = field.kind;
  if (typeof kind !== 'string') {
    if (field.shorthand !== undefined && typeof value === 'string') return;
    if (kind.list) {
      if (!Array.isArray(value)) throw invalid(where, at, value, 'a list of objects');
      value.forEach((item, i) => checkFields(item, kind.list!, where, `${at}[${i}]`, field.alertmanagerOnly));
    } else {
      checkFields(value, kind.object!, where, at, field.alertmanagerOnly);
    }
    return;
  }
  const bad = () => invalid(where, at, kind === 'secret' ? '<redacted>' : value, expectation(field));
  switch (kind) {
    case 'string':
    case 'template':
      if (typeof value !== 'string') throw bad();
      if (field.oneOf && !field.oneOf.includes(value) && !(field.templated && value.includes('{{'))) throw bad();
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw bad();
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw bad();
      return;
    case 'signedInteger':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw bad();
      return;
    case 'goDuration':
    case 'duration':
      if (!(value instanceof Duration)) Duration.from(value as string, where, at);
      return;
    case 'secret':
      if (!(value instanceof Secret)) throw bad();
      return;
    case 'url':
      if (typeof value !== 'string' || !/^https?:\/\/[^\s/?#]+([/?#]\S*)?$/.test(value)) throw bad();
      return;
    case 'urlOrSecret':
      if (value instanceof Secret) return;
      if (typeof value !== 'string' || !/^https?:\/\/[^\s/?#]+([/?#]\S*)?$/.test(value)) throw bad();
      return;
    case 'strings':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw bad();
      return;
    case 'stringMap':
      if (!isRecord(value) || Object.values(value).some((v) => typeof v !== 'string')) throw bad();
      return;
    case 'anyMap':
      if (!isRecord(value)) throw bad();
      return;
  }
}

/** A Duration from a field value already checked by {@link checkFields}. */
export function durationOf(value: unknown): Duration {
  return value instanceof Duration ? value : Duration.parse(value as string);
}

/**
 * A duration as Go's `time.ParseDuration` reads it (no `d`, `w` or `y` units): `1d` → `24h`, `90s` → `1m30s`.
 */
export function goDuration(value: unknown): string {
  let ms = durationOf(value).toMilliseconds();
  if (ms === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(ms / size);
    if (n > 0) parts.push(`${n}${unit}`);
    ms -= n * size;
  }
  return parts.join('');
}

/** Every Secret inside a value (options of an integration, `global`), depth-first. */
export function secretsIn(value: unknown, out: Secret[] = [], depth = 0): Secret[] {
  if (value instanceof Secret) out.push(value);
  else if (Array.isArray(value) && depth < 8) value.forEach((v) => secretsIn(v, out, depth + 1));
  else if (isRecord(value) && depth < 8 && !(value instanceof Duration)) Object.values(value).forEach((v) => secretsIn(v, out, depth + 1));
  return out;
}

/**
 * The newest field (or the integration itself) of `options` that needs a newer Alertmanager than `minor`:
 * `[field path, minor]`, or undefined when the version has every field used.
 */
export function newestField(options: unknown, fields: readonly FieldSpec[], path = ''): { field: string; minor: number } | undefined {
  if (!isRecord(options)) return undefined;
  let newest: { field: string; minor: number } | undefined;
  const consider = (field: string, minor: number | undefined) => {
    if (minor !== undefined && (newest === undefined || minor > newest.minor)) newest = { field, minor };
  };
  for (const field of fields) {
    const value = options[field.prop];
    if (value === undefined) continue;
    const at = path === '' ? field.prop : `${path}.${field.prop}`;
    consider(at, field.minor);
    const kind = field.kind;
    if (typeof kind === 'string') continue;
    const items = kind.list ? (Array.isArray(value) ? value : []) : [value];
    items.forEach((item, i) => {
      const inner = newestField(item, kind.list ?? kind.object!, kind.list ? `${at}[${i}]` : at);
      if (inner) consider(inner.field, inner.minor);
    });
  }
  return newest;
}
