import { invalid, MonitoringConfigError } from './errors';
import { LABEL_NAME } from './names';

/**
 * The `severity` label of an alert. Routing, inhibition and rule packs all key on it, so it is a
 * constrained value rather than free text.
 */
export class Severity {
  /** Wakes someone up: page now. */
  public static readonly CRITICAL = new Severity('critical');
  /** Needs attention during working hours: a ticket. */
  public static readonly WARNING = new Severity('warning');
  /** For dashboards and context; usually routed nowhere loud. */
  public static readonly INFO = new Severity('info');

  /** A custom severity (for teams that use e.g. `page`/`ticket`); must be a plain word. */
  public static of(value: string): Severity {
    if (typeof value !== 'string' || !LABEL_NAME.test(value)) {
      // Reported by the construct that receives it, with its path and field (see checkSeverity).
      return new Severity('', invalid('Severity.of', 'value', value, 'a plain word such as "critical", "warning" or "info"'));
    }
    return new Severity(value);
  }

  private constructor(
    /** The label value. */
    public readonly value: string,
    /** Why this severity is invalid, for the construct that receives it. @default - none: the severity is valid */
    public readonly problem?: MonitoringConfigError,
  ) {}

  public toString(): string {
    return this.value;
  }
}

/** Throws the error of an invalid Severity (`Severity.of('not a word')`) where it was received. */
export function checkSeverity(value: unknown, where: string, field: string): void {
  if (value instanceof Severity && value.problem) throw new MonitoringConfigError(where, field, `${value.problem.where}: ${value.problem.detail}`);
}
