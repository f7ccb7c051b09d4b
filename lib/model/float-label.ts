/**
 * A number as Prometheus 3 writes it into the `le` label of a classic histogram bucket and the `quantile` label of
 * a summary: Go's shortest `%g` formatting, with ".0" added when that has neither "." nor "e" (model/labels
 * `FormatOpenMetricsFloat`). Prometheus 3 normalises those labels this way at scrape time, so `le="1"` matches
 * nothing and `le="1.0"` matches the bucket (Prometheus 3.0 migration guide).
 *
 * Examples: 1 → `1.0`, 0.3 → `0.3`, 100000 → `100000.0`, 1000000 → `1e+06`, 0.00001 → `1e-05`, Infinity → `+Inf`.
 */
export function prometheusFloatLabel(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const sign = value < 0 ? '-' : '';
  // toExponential() without digits gives the shortest digits that read back as the same number, as Go's -1 precision.
  const [mantissa, e] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(e);
  let text: string;
  if (exp < -4 || exp >= 6) {
    // Go's %g with the shortest precision switches to %e outside [1e-4, 1e6); exponents have at least two digits.
    text = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    text = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else {
    const point = exp + 1;
    text = digits.length <= point ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  text = sign + text;
  return /[.e]/.test(text) ? text : `${text}.0`;
}
