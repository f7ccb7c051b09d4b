import { Construct } from 'constructs';
import { describeConstruct } from '../model/errors';
import { checkValueObjects } from '../model/value-objects';
import { RuleTestCase } from '../model/rule-tests';
import { Severity } from '../model/severity';
import { buildSloRules, checkSlo, SloIndicator } from '../model/slo';
import { AlertGroup } from './alert-group';
import { renderedName } from './construct-name';
import { MonitoringStack } from './monitoring-stack';

/** Props of {@link ServiceLevelObjective}. */
export interface ServiceLevelObjectiveProps {
  /** The service, the `service` label of the alerts. */
  readonly service: string;
  /**
   * The SLO's name: the `slo` label, the alert names (`<Name>ErrorBudgetFastBurn`) and the rule group `slo-<name>`.
   * Set it when the construct id is taken.
   * @default - the construct id
   */
  readonly name?: string;
  /** Target share of good events, e.g. `0.999` for 99.9 % over 30 days. */
  readonly objective: number;
  /** How good and bad events are counted: `SloIndicator.availability`, `.latency` or `.probe`. */
  readonly indicator: SloIndicator;
  /**
   * Below this many events per second (over the last hour) the burn-rate alerts stay quiet, so a service with
   * little traffic does not page because one of its three requests failed. Not applied to probes.
   * @default 0.1 (360 events an hour)
   */
  readonly minimumEventsPerSecond?: number;
  /** Severity of the fast-burn alert. @default Severity.CRITICAL (page) */
  readonly pageSeverity?: Severity;
  /** Severity of the slow-burn alert. @default Severity.WARNING (ticket) */
  readonly ticketSeverity?: Severity;
  /** Runbook URL for both alerts. @default - none */
  readonly runbookUrl?: string;
  /** Alert unit tests for the SLO's rules (see AlertGroup). @default [] */
  readonly tests?: readonly RuleTestCase[];
}

/**
 * A service level objective: recording rules for the error ratio over 5m…3d and multiwindow multi-burn-rate
 * alerts as in the SRE workbook (page: 1h/5m at 14.4× and 6h/30m at 6× the budget rate; ticket: 1d/2h at 3× and
 * 3d/6h at 1×), in a rule group named `slo-<name>` (the construct id unless `name` is given).
 */
export class ServiceLevelObjective extends Construct {
  /** The rule group holding the SLO's rules. */
  public readonly alertGroup: AlertGroup;

  constructor(scope: Construct, id: string, props: ServiceLevelObjectiveProps) {
    super(scope, id);
    MonitoringStack.of(this, 'ServiceLevelObjective');
    const where = describeConstruct('ServiceLevelObjective', this.node.path);
    checkValueObjects(props, where);
    const name = renderedName(where, id, props.name);
    const input = {
      name,
      service: props.service,
      objective: props.objective,
      indicator: props.indicator,
      minimumEventsPerSecond: props.minimumEventsPerSecond ?? 0.1,
      pageSeverity: props.pageSeverity ?? Severity.CRITICAL,
      ticketSeverity: props.ticketSeverity ?? Severity.WARNING,
      runbookUrl: props.runbookUrl,
    };
    checkSlo(input, where);
    this.alertGroup = new AlertGroup(this, 'rules', { name: `slo-${name}`, rules: buildSloRules(input), tests: props.tests });
  }
}
