/**
 * A tiny schema checker for rendered YAML configs: every key path the renderer emits must be listed (with the
 * documentation line that proves it exists), values must have the documented type, required keys must be present.
 *
 * Paths use `.` between keys and `[]` for list items, e.g. `scrape_configs[].pipeline_stages[].json.expressions`.
 */

/** Value types as the config references name them. */
export type SchemaType =
  | 'block' // a map whose keys are listed in the schema
  | 'list(block)' // a list of such maps
  | 'string'
  | 'int'
  | 'float'
  | 'boolean'
  | 'duration' // Go time.ParseDuration syntax (accepted by Prometheus-style duration fields too)
  | 'daytime' // YYYY-MM-DD
  | 'bytes' // 8KB, 1MB, 100B (base-2 units)
  | 'list(string)'
  | 'string|list(string)'
  | 'map(string)'; // free keys (checked with `keys`), string values

/** One documented key. */
export interface SchemaEntry {
  readonly type: SchemaType;
  readonly required?: boolean;
  /** Allowed values of a string. */
  readonly oneOf?: readonly string[];
  /** Which keys a map(string) may have. */
  readonly keys?: RegExp;
}

/** Documented keys by path. */
export type Schema = Readonly<Record<string, SchemaEntry>>;

const GO_DURATION = /^(\d+(ns|us|µs|ms|s|m|h))+$/;

function typeProblem(entry: SchemaEntry, value: unknown): string | undefined {
  const isString = typeof value === 'string';
  switch (entry.type) {
    case 'block':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : 'expected a map';
    case 'list(block)':
      return Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) ? undefined : 'expected a list of maps';
    case 'string':
      if (!isString) return 'expected a string';
      return entry.oneOf && !entry.oneOf.includes(value) ? `expected one of ${entry.oneOf.join(', ')}` : undefined;
    case 'int':
      return Number.isInteger(value) ? undefined : 'expected an integer';
    case 'float':
      return typeof value === 'number' ? undefined : 'expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected a boolean';
    case 'duration':
      return isString && GO_DURATION.test(value) ? undefined : 'expected a duration such as 10m or 720h';
    case 'daytime':
      return isString && /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : 'expected YYYY-MM-DD';
    case 'bytes':
      return isString && /^\d+(B|KB|MB)$/.test(value) ? undefined : 'expected a size such as 8KB';
    case 'list(string)':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'expected a list of strings';
    case 'string|list(string)':
      return isString || (Array.isArray(value) && value.every((v) => typeof v === 'string')) ? undefined : 'expected a string or a list of strings';
    case 'map(string)': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'expected a map';
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string') return `expected string values (key ${k})`;
        if (entry.keys && !entry.keys.test(k)) return `key ${k} does not match ${entry.keys}`;
      }
      return undefined;
    }
  }
}

/** Returns every problem found in `value` against `schema`, as `path: problem` lines. */
export function checkAgainstSchema(value: unknown, schema: Schema): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      const entry = schema[childPath];
      if (!entry) {
        problems.push(`${childPath}: not in the documented schema`);
        continue;
      }
      const problem = typeProblem(entry, child);
      if (problem) problems.push(`${childPath}: ${problem}, got ${JSON.stringify(child)}`);
      else if (entry.type === 'block') visit(child, childPath);
      else if (entry.type === 'list(block)') (child as unknown[]).forEach((item) => visit(item, `${childPath}[]`));
    }
    // Required keys of this map.
    const prefix = path === '' ? '' : `${path}.`;
    for (const [p, entry] of Object.entries(schema)) {
      if (!entry.required || !p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      if (rest.includes('.') || rest.includes('[]')) continue;
      if ((node as Record<string, unknown>)[rest] === undefined) problems.push(`${p}: required but missing`);
    }
  };
  visit(value, '');
  return problems;
}

/** Every path of the schema that some rendered document used, to show the test exercised the whole schema. */
export function usedPaths(value: unknown): Set<string> {
  const used = new Set<string>();
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item) => visit(item, `${path}[]`));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      used.add(childPath);
      visit(child, childPath);
    }
  };
  visit(value, '');
  return used;
}
