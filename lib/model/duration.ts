import { invalid } from './errors';

const UNIT_MS: Record<string, number> = {
  y: 365 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};
const UNIT_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;
/** Prometheus' duration grammar: units in descending order, each at most once, e.g. `1h30m`. */
const PROMETHEUS_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * A length of time in Prometheus' duration syntax (`30s`, `5m`, `1h30m`, `15d`).
 *
 * Build it with a unit factory (`Duration.minutes(5)`) or parse the Prometheus text (`Duration.parse('5m')`);
 * it always renders in the canonical form Prometheus and Alertmanager print themselves.
 */
export class Duration {
  /** `n` milliseconds. */
  public static millis(n: number): Duration {
    return Duration.of(n, 1, 'ms');
  }
  /** `n` seconds. */
  public static seconds(n: number): Duration {
    return Duration.of(n, UNIT_MS.s, 's');
  }
  /** `n` minutes. */
  public static minutes(n: number): Duration {
    return Duration.of(n, UNIT_MS.m, 'm');
  }
  /** `n` hours. */
  public static hours(n: number): Duration {
    return Duration.of(n, UNIT_MS.h, 'h');
  }
  /** `n` days. */
  public static days(n: number): Duration {
    return Duration.of(n, UNIT_MS.d, 'd');
  }
  /** `n` weeks. */
  public static weeks(n: number): Duration {
    return Duration.of(n, UNIT_MS.w, 'w');
  }

  /**
   * Parses Prometheus duration text such as `90s`, `5m` or `1h30m`.
   * @param text the duration text
   * @param where who gave it, for the error message
   * @param field which field held it, for the error message
   */
  public static parse(text: string, where = 'Duration', field = 'value'): Duration {
    const match = typeof text === 'string' ? PROMETHEUS_DURATION.exec(text) : null;
    if (!match || text === '' ) {
      throw invalid(where, field, text, 'a Prometheus duration such as "30s", "5m", "1h30m" or "15d" (units y, w, d, h, m, s, ms, largest first)');
    }
    let ms = 0;
    UNIT_ORDER.forEach((unit, i) => {
      if (match[i + 1] !== undefined) ms += Number(match[i + 1]) * UNIT_MS[unit];
    });
    return new Duration(ms);
  }

  /** Accepts either a Duration or Prometheus duration text. */
  public static from(value: Duration | string, where: string, field: string): Duration {
    if (value instanceof Duration) return value;
    return Duration.parse(value, where, field);
  }

  private static of(n: number, unitMs: number, unit: string): Duration {
    if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n * unitMs)) {
      throw invalid('Duration', unit, n, 'a non-negative number that is a whole number of milliseconds');
    }
    return new Duration(n * unitMs);
  }

  private constructor(private readonly ms: number) {}

  /** The length in milliseconds. */
  public toMilliseconds(): number {
    return this.ms;
  }

  /** The length in (possibly fractional) seconds. */
  public toSeconds(): number {
    return this.ms / 1000;
  }

  /** True when this duration is strictly longer than `other`. */
  public isLongerThan(other: Duration): boolean {
    return this.ms > other.ms;
  }

  /** True when both durations are equally long. */
  public equals(other: Duration): boolean {
    return this.ms === other.ms;
  }

  /** Canonical Prometheus text, largest unit first (`90s` → `1m30s`, `0` → `0s`). */
  public toPrometheus(): string {
    if (this.ms === 0) return '0s';
    let rest = this.ms;
    let out = '';
    for (const unit of UNIT_ORDER) {
      const size = UNIT_MS[unit];
      const count = Math.floor(rest / size);
      if (count > 0) {
        out += `${count}${unit}`;
        rest -= count * size;
      }
    }
    return out;
  }

  /** Same as {@link toPrometheus}. */
  public toString(): string {
    return this.toPrometheus();
  }
}
