import { stringify } from 'yaml';

/** The `yaml` package options every rendered file uses (see toYaml). */
export const YAML_OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  indentSeq: true,
  singleQuote: false,
  // Prometheus and Alertmanager read YAML with go-yaml (YAML 1.1 rules): quote what 1.1 would read as
  // something else (`22:00` as a base-60 number, `on`/`yes` as booleans).
  version: '1.1',
} as const;

const FIRST_UNSAFE = /^[-?:,[\]{}#&*!|>'"%@`0-9+.~=<\s]/;
const ANYWHERE_UNSAFE = /[\x00-\x1f\x7f]|: | #|[\s:]$/;
const YAML11_WORDS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;

/**
 * A string the `yaml` package would write as a plain scalar for certain: conservative — anything that might need
 * quotes, a block literal or a YAML 1.1 reading check is left to the package itself.
 */
function isSurelyPlain(text: string): boolean {
  return text.length > 0 && !FIRST_UNSAFE.test(text) && !ANYWHERE_UNSAFE.test(text) && !YAML11_WORDS.test(text);
}

/**
 * Printable ASCII on one line that cannot be plain: starting with a flow indicator (Go templates such as
 * `{{ $labels.job }} is down`), holding `: ` or ` #`, or with a leading or trailing space. The package double-quotes
 * it, escaping just backslashes and double quotes.
 */
const SURELY_DOUBLE_QUOTED = /^(?:[{[][\x20-\x7e]*|[\x20-\x7e]*(?:: | #)[\x20-\x7e]*|\x20[\x20-\x7e]*|[\x20-\x7e]*\x20)$/;

/** A scalar as the `yaml` package writes it at column `column` (continuation lines of block literals re-indented). */
function scalar(value: unknown, column: number): string {
  if (typeof value === 'string' && isSurelyPlain(value)) return value;
  if (typeof value === 'string' && SURELY_DOUBLE_QUOTED.test(value)) return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  const text = stringify({ k: value }, YAML_OPTIONS).slice(3, -1);
  if (!text.includes('\n')) return text;
  const pad = ' '.repeat(column);
  return text.split('\n').map((line, i) => (i === 0 || line === '' ? line : pad + line)).join('\n');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Lines of a mapping whose keys start at `indent`. */
function mapping(value: Record<string, unknown>, indent: number, out: string[], firstPrefix?: string): void {
  const pad = ' '.repeat(indent);
  let first = true;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    const lead = first && firstPrefix !== undefined ? firstPrefix : pad;
    first = false;
    const k = /[\n\r]/.test(key) ? unsupported() : scalar(key, indent);
    if (Array.isArray(item)) {
      if (item.length === 0) out.push(`${lead}${k}: []`);
      else {
        out.push(`${lead}${k}:`);
        sequence(item, indent + 2, out);
      }
    } else if (isPlainObject(item)) {
      if (Object.keys(item).length === 0) out.push(`${lead}${k}: {}`);
      else {
        out.push(`${lead}${k}:`);
        mapping(item, indent + 2, out);
      }
    } else {
      out.push(`${lead}${k}: ${scalar(item, indent)}`);
    }
  }
}

/** Lines of a sequence whose dashes start at `indent`. */
function sequence(value: readonly unknown[], indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const item of value) {
    if (isPlainObject(item) && Object.keys(item).length > 0) mapping(item, indent + 2, out, `${pad}- `);
    else if (Array.isArray(item)) unsupported();
    else if (isPlainObject(item)) out.push(`${pad}- {}`);
    else out.push(`${pad}- ${scalar(item, indent)}`);
  }
}

class Unsupported extends Error {}

/** Leaves the whole document to the `yaml` package (multi-line keys, sequences directly in sequences). */
function unsupported(): never {
  throw new Unsupported();
}

/** True for data this emitter handles: plain objects, arrays, strings, booleans, numbers. */
function isSupported(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isSupported);
  if (isPlainObject(value)) return Object.values(value).every((v) => v === undefined || isSupported(v));
  return typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number';
}

/**
 * Writes plain data as YAML exactly as `yaml`'s `stringify(value, YAML_OPTIONS)` does, several times faster: the
 * structure is written here and only scalars that might need quoting go through the package. Anything unusual
 * (nested empty sequences in sequences, non-plain objects) is handed to the package whole. A test compares both
 * on every rendered file of every stack and example.
 */
export function emitYaml(value: unknown): string {
  if (!isSupported(value) || !(isPlainObject(value) && Object.keys(value).length > 0)) return stringify(value, YAML_OPTIONS);
  const out: string[] = [];
  try {
    mapping(value, 0, out);
  } catch (e) {
    if (e instanceof Unsupported) return stringify(value, YAML_OPTIONS);
    throw e;
  }
  return `${out.join('\n')}\n`;
}
