import { invalid } from './errors';

/** Prometheus label names: `[a-zA-Z_][a-zA-Z0-9_]*` (names starting with `__` are reserved). */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Prometheus metric and recording-rule names: `[a-zA-Z_:][a-zA-Z0-9_:]*`. */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Throws unless `name` is a label name a user may set (not reserved with `__`). */
export function checkLabelName(name: string, where: string, field: string): void {
  if (typeof name !== 'string' || !LABEL_NAME.test(name)) {
    throw invalid(where, field, name, 'a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*');
  }
  if (name.startsWith('__')) {
    throw invalid(where, field, name, 'a label name that does not start with "__" (reserved for Prometheus internal use)');
  }
}

/** Throws unless `value` is a valid label value (any UTF-8 string; here: a string). */
export function checkLabelValue(value: unknown, where: string, field: string): void {
  if (typeof value !== 'string') {
    throw invalid(where, field, value, 'a string label value');
  }
}

/** Checks every name and value of a label set. */
export function checkLabels(labels: Readonly<Record<string, string>> | undefined, where: string, field: string): void {
  if (labels === undefined) return;
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) {
    throw invalid(where, field, labels, 'an object of label names to string values');
  }
  for (const [name, value] of Object.entries(labels)) {
    checkLabelName(name, where, `${field} key`);
    checkLabelValue(value, where, `${field}.${name}`);
  }
}

/** Throws unless `name` is a valid metric (or recording rule) name. */
export function checkMetricName(name: string, where: string, field: string): void {
  if (typeof name !== 'string' || !METRIC_NAME.test(name)) {
    throw invalid(where, field, name, 'a Prometheus metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*');
  }
}

/** Returns a copy of `record` with keys in code-point order, so rendered output never depends on insertion order. */
export function sortedRecord<T>(record: Readonly<Record<string, T>> | undefined): Record<string, T> | undefined {
  if (record === undefined) return undefined;
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}

/** A name used for files, containers and Terraform ids: lowercase letters, digits and dashes. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
