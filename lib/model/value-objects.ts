import { Duration } from './duration';
import { MonitoringConfigError } from './errors';
import { checkSecret, Secret } from './secret';
import { checkSeverity, Severity } from './severity';

// `Duration.seconds(-1)`, `Secret.fromVariable('bad name')` and `Severity.of('not a word')` are written inside a
// construct's props, before the construct exists, so they cannot name it. They return a value that carries its error
// instead, and the construct that receives it reports it here, with its path and the field that held it.

const MAX_DEPTH = 12;

function join(field: string, key: string | number): string {
  if (typeof key === 'number') return `${field}[${key}]`;
  return field === '' ? key : `${field}.${key}`;
}

/** Objects not walked: constructs, Terraform tokens and anything with behaviour of its own. */
function opaque(value: object): boolean {
  const record = value as Record<string, unknown>;
  return 'node' in record || typeof record.resolve === 'function' || typeof record.build === 'function';
}

/**
 * Throws, with `where` and the field path (`rules[0].for`, `receivers[1].integrations[0].options.apiUrl`), the error
 * of the first invalid Duration, Secret or Severity found in `value` (props, an option object, a receiver).
 */
export function checkValueObjects(value: unknown, where: string, field = ''): void {
  walk(value, where, field, 0, new Set());
}

function walk(value: unknown, where: string, field: string, depth: number, seen: Set<object>): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Duration) {
    if (value.problem) throw value.problem.at(where, field || 'value');
    return;
  }
  if (value instanceof Secret) return checkSecret(value, where, field || 'secret');
  if (value instanceof Severity) return checkSeverity(value, where, field || 'severity');
  if (value instanceof MonitoringConfigError || opaque(value)) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, where, join(field, i), depth + 1, seen));
    return;
  }
  for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], where, join(field, key), depth + 1, seen);
}
