import { IConstruct } from 'constructs';
import { CROSS_CHECK_WARNINGS, CrossCheckWarning } from '../model/cross-checks';
import { MonitoringConfigError, showValue } from '../model/errors';

export type { CrossCheckWarning } from '../model/cross-checks';

const ACKNOWLEDGEMENTS = Symbol.for('cdktf-monitoring.Acknowledgements');

/**
 * Silences a cross-construct warning for one construct and everything inside it, with the reason kept in code. The
 * checks at synth warn about what is likely wrong (see {@link CROSS_CHECK_WARNINGS}); when it is right on purpose,
 * say so where it is declared:
 *
 * ```ts
 * const legacy = new AlertGroup(monitoring, 'legacy', { rules: [...] });
 * Acknowledge.of(legacy).add('unscraped-job', 'the legacy job is scraped by the shared Prometheus and federated here');
 * ```
 *
 * Acknowledging on a MonitoringStack silences the warning for the whole environment. A warning is silenced when any
 * construct it involves is acknowledged (a dropped metric involves the rule and the ServiceScrape that drops it).
 */
export class Acknowledge {
  /** The acknowledgements of `scope`. */
  public static of(scope: IConstruct): Acknowledge {
    const holder = scope as unknown as Record<symbol, Acknowledge | undefined>;
    let found = holder[ACKNOWLEDGEMENTS];
    if (!found) {
      found = new Acknowledge(scope);
      Object.defineProperty(scope, ACKNOWLEDGEMENTS, { value: found });
    }
    return found;
  }

  /** The reason `warning` is acknowledged for `scope` (on it or on a construct that contains it), or undefined. */
  public static reasonFor(scope: IConstruct, warning: CrossCheckWarning): string | undefined {
    for (const s of [...scope.node.scopes].reverse()) {
      const reason = (s as unknown as Record<symbol, Acknowledge | undefined>)[ACKNOWLEDGEMENTS]?.reasons.get(warning);
      if (reason !== undefined) return reason;
    }
    return undefined;
  }

  private readonly reasons = new Map<CrossCheckWarning, string>();

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Acknowledges `warning` for this construct and its children.
   * @param warning one of `unscraped-job`, `dropped-metric`, `unreached-receiver`, `unproducible-equal`, `only-child-continue`
   * @param reason why it is right here, for the next reader (required)
   */
  public add(warning: CrossCheckWarning, reason: string): this {
    const where = `Acknowledge.of(${this.scope.node.path})`;
    if (!Object.prototype.hasOwnProperty.call(CROSS_CHECK_WARNINGS, warning)) {
      throw new MonitoringConfigError(where, 'warning', `got ${showValue(warning)}, expected one of ${Object.keys(CROSS_CHECK_WARNINGS).map((w) => showValue(w)).join(', ')}`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new MonitoringConfigError(where, 'reason', `got ${showValue(reason)}, expected why the warning does not apply here, for the next reader`);
    }
    this.reasons.set(warning, reason);
    return this;
  }

  /** The acknowledged warnings of this construct itself, with their reasons. */
  public get all(): ReadonlyMap<CrossCheckWarning, string> {
    return this.reasons;
  }
}
