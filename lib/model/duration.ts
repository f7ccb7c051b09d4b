import { invalid, MonitoringConfigError } from './errors';

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
    return Duration.of(n, 1, 'ms', 'millis');
  }
  /** `n` seconds. */
  public static seconds(n: number): Duration {
    return Duration.of(n, UNIT_MS.s, 's', 'seconds');
  }
  /** `n` minutes. */
  public static minutes(n: number): Duration {
    return Duration.of(n, UNIT_MS.m, 'm', 'minutes');
  }
  /** `n` hours. */
  public static hours(n: number): Duration {
    return Duration.of(n, UNIT_MS.h, 'h', 'hours');
  }
  /** `n` days. */
  public static days(n: number): Duration {
    return Duration.of(n, UNIT_MS.d, 'd', 'days');
  }
  /** `n` weeks. */
  public static weeks(n: number): Duration {
    return Duration.of(n, UNIT_MS.w, 'w', 'weeks');
  }

  /**
   * Parses Prometheus duration text such as `90s`, `5m` or `1h30m`.
   * @param text the duration text
   * @param where who gave it, for the error message
   * @param field which field held it, for the error message
   */
  public static parse(text: string, where?: string, field?: string): Duration {
    const match = typeof text === 'string' ? PROMETHEUS_DURATION.exec(text) : null;
    if (!match || text === '') {
      const expected = 'a Prometheus duration such as "30s", "5m", "1h30m" or "15d" (units y, w, d, h, m, s, ms, largest first)';
      // Without a receiver to name, the error waits for the construct that receives the value (see Duration.from).
      if (where === undefined) return new Duration(NaN, invalid('Duration.parse', 'text', text, expected));
      throw invalid(where, field ?? 'value', text, expected);
    }
    let ms = 0;
    UNIT_ORDER.forEach((unit, i) => {
      if (match[i + 1] !== undefined) ms += Number(match[i + 1]) * UNIT_MS[unit];
    });
    return new Duration(ms);
  }

  /** Accepts either a Duration or Prometheus duration text. */
  public static from(value: Duration | string, where: string, field: string): Duration {
    if (value instanceof Duration) {
      if (value.problem) throw value.problem.at(where, field);
      return value;
    }
    return Duration.parse(value, where, field);
  }

  /**
   * A duration of `n` units. A bad `n` (negative, not finite, not a whole number of milliseconds) gives a Duration that
   * carries its error: the construct that receives it reports it with its path and field, and using it anywhere else
   * throws it.
   */
  private static of(n: number, unitMs: number, unit: string, factory: string): Duration {
    if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n * unitMs)) {
      const problem = new MonitoringConfigError(
        'Duration',
        unit,
        `got Duration.${factory}(${typeof n === 'number' ? String(n) : JSON.stringify(n)}), expected a non-negative number that is a whole number of milliseconds`,
      );
      return new Duration(NaN, problem);
    }
    return new Duration(n * unitMs);
  }

  private constructor(
    private readonly length: number,
    /** Why this duration is invalid, for the construct that receives it. @default - none: the duration is valid */
    public readonly problem?: MonitoringConfigError,
  ) {}

  /** The length in milliseconds; throws the value's error when it is invalid. */
  private get ms(): number {
    if (this.problem) throw this.problem;
    return this.length;
  }

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
