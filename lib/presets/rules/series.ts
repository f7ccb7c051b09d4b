/**
 * Helpers that write input series values for generated promtool tests, in promtool's expanding notation.
 */

/** A number as series values notation accepts it. */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`series values must be finite, got ${value}`);
  return String(value);
}

/** `steps + 1` samples of the same value. */
export function gauge(value: number, steps: number): string {
  return `${num(value)}x${steps}`;
}

/** `steps + 1` samples starting at `start`, each `perStep` more than the one before (a counter when ≥ 0). */
export function ramp(perStep: number, steps: number, start = 0): string {
  return perStep < 0 ? `${num(start)}-${num(-perStep)}x${steps}` : `${num(start)}+${num(perStep)}x${steps}`;
}
