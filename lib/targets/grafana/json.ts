/**
 * JSON text with object keys in code-point order at every level: the form Go's `json.Marshal` gives a map,
 * which is how the grafana/grafana provider stores `model` and `json_data_encoded` in the state. Writing the
 * same form keeps plans quiet and makes the text independent of the order keys were set in.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
