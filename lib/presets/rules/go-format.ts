/**
 * Number formatting as Prometheus' alert templates do it (Go's `fmt` and the `humanize*` template functions),
 * so expected annotations of generated promtool tests can be computed in TypeScript.
 */

interface Digits {
  readonly negative: boolean;
  /** Significant digits without trailing zeros, e.g. "125". */
  readonly digits: string;
  /** Position of the decimal point relative to the digits: 0.125 → -0 (0), 12.5 → 2. */
  readonly point: number;
}

function decompose(value: number, precision?: number): Digits {
  const text = precision === undefined ? Math.abs(value).toExponential() : Math.abs(value).toExponential(precision - 1);
  const [mantissa, exponent] = text.split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { negative: value < 0 || Object.is(value, -0), digits, point: Number(exponent) + 1 };
}

function fixed(d: Digits, decimals: number): string {
  let int: string;
  let frac: string;
  if (d.point <= 0) {
    int = '0';
    frac = '0'.repeat(-d.point) + d.digits;
  } else if (d.point >= d.digits.length) {
    int = d.digits + '0'.repeat(d.point - d.digits.length);
    frac = '';
  } else {
    int = d.digits.slice(0, d.point);
    frac = d.digits.slice(d.point);
  }
  frac = (frac + '0'.repeat(decimals)).slice(0, decimals);
  return `${d.negative ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
}

function exponential(d: Digits, decimals: number): string {
  const exp = d.point - 1;
  const mantissa = d.digits[0] + (decimals > 0 ? `.${(d.digits.slice(1) + '0'.repeat(decimals)).slice(0, decimals)}` : '');
  const sign = exp < 0 ? '-' : '+';
  const abs = Math.abs(exp);
  return `${d.negative ? '-' : ''}${mantissa}e${sign}${abs < 10 ? `0${abs}` : abs}`;
}

function special(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

/**
 * Go's `%.<precision>g` (or `%v` for float64 when precision is undefined): shortest representation,
 * exponent form for very small or large numbers.
 */
export function goFormatG(value: number, precision?: number): string {
  const s = special(value);
  if (s !== undefined) return s;
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const d = decompose(value, precision);
  // strconv's 'g': the exponent form is used below 1e-4 and from `eprec` digits on (6 for the shortest form).
  let eprec = precision ?? 6;
  if (precision !== undefined && eprec > d.digits.length && d.digits.length >= d.point) eprec = d.digits.length;
  const exp = d.point - 1;
  if (exp < -4 || exp >= eprec) {
    return exponential(d, d.digits.length - 1);
  }
  return fixed(d, Math.max(d.digits.length - d.point, 0));
}

/** Go's `%.<decimals>f`. */
export function goFormatFixed(value: number, decimals: number): string {
  const s = special(value);
  if (s !== undefined) return s;
  return value.toFixed(decimals);
}

/** Prometheus' `humanize`: SI prefixes, 4 significant digits (`1234567` → `1.235M`). */
export function humanize(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return goFormatG(value, 4);
  let v = value;
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const p of ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y']) {
      if (Math.abs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
  } else {
    for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) {
      if (Math.abs(v) >= 1) break;
      prefix = p;
      v *= 1000;
    }
  }
  return `${goFormatG(v, 4)}${prefix}`;
}

/** Prometheus' `humanize1024`: binary prefixes (`ki`, `Mi`, …), 4 significant digits. */
export function humanize1024(value: number): string {
  if (Math.abs(value) <= 1 || !Number.isFinite(value)) return goFormatG(value, 4);
  let v = value;
  let prefix = '';
  for (const p of ['ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi']) {
    if (Math.abs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return `${goFormatG(v, 4)}${prefix}`;
}

/** Prometheus' `humanizePercentage`: `0.1234` → `12.34%`. */
export function humanizePercentage(value: number): string {
  return `${goFormatG(value * 100, 4)}%`;
}

/** Prometheus' `humanizeDuration` (2.42): `90` → `1m 30s`, `0.25` → `250ms`. */
export function humanizeDuration(value: number): string {
  if (!Number.isFinite(value)) return goFormatG(value, 4);
  if (value === 0) return `${goFormatG(value, 4)}s`;
  if (Math.abs(value) >= 1) {
    const sign = value < 0 ? '-' : '';
    const v = Math.abs(value);
    const whole = Math.trunc(v);
    const seconds = whole % 60;
    const minutes = Math.trunc(whole / 60) % 60;
    const hours = Math.trunc(whole / 3600) % 24;
    const days = Math.trunc(whole / 86400);
    if (days !== 0) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours !== 0) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes !== 0) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${goFormatG(v, 4)}s`;
  }
  let v = value;
  let prefix = '';
  for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return `${goFormatG(v, 4)}${prefix}s`;
}
