import { IConstruct } from 'constructs';
import { alertNameErrors, crossCheckFindings, CrossCheckContext, CrossCheckFinding } from '../model/cross-checks';
import { Acknowledge } from './acknowledge';
import type { MonitoringStack } from './monitoring-stack';

/** Alerts Grafana raises itself for Grafana-managed rules whose query fails or returns nothing. */
const GRAFANA_ALERTS = ['DatasourceError', 'DatasourceNoData'];

/** The construct path in a `declaredBy` text (`AlertGroup dev/monitoring/api-health` → `dev/monitoring/api-health`). */
function pathOf(declaredBy: string): string | undefined {
  return /^[A-Z]\w* (\S+)/.exec(declaredBy)?.[1];
}

function contextOf(monitoring: MonitoringStack): CrossCheckContext {
  const grafana = monitoring.model.grafanaAlerting !== undefined || monitoring.targets.some((t) => t.kind === 'GrafanaTarget');
  return {
    extraJobs: monitoring.targets.flatMap((t) => [...(t.scrapedJobs?.() ?? [])]),
    extraAlerts: grafana ? GRAFANA_ALERTS : [],
  };
}

/** The findings that no involved construct acknowledges, each with the construct that reports it. */
export function unacknowledgedFindings(monitoring: MonitoringStack): { finding: CrossCheckFinding; scope: IConstruct }[] {
  const byPath = new Map(monitoring.node.root.node.findAll().map((c) => [c.node.path, c] as const));
  const out: { finding: CrossCheckFinding; scope: IConstruct }[] = [];
  for (const finding of crossCheckFindings(monitoring.model, contextOf(monitoring))) {
    const involved = finding.involved.map((d) => byPath.get(pathOf(d) ?? '')).filter((c): c is IConstruct => c !== undefined);
    if (involved.some((c) => Acknowledge.reasonFor(c, finding.warning) !== undefined)) continue;
    if (Acknowledge.reasonFor(monitoring, finding.warning) !== undefined) continue;
    out.push({ finding, scope: involved[0] ?? monitoring });
  }
  return out;
}

/**
 * The checks that span constructs, run at synth: errors for routes and inhibit rules that match an alert name no rule
 * fires, and warnings (see `CROSS_CHECK_WARNINGS`) for what is likely wrong, unless acknowledged with
 * {@link Acknowledge}. Each warning names itself: `... (warning "unscraped-job"; acknowledge with ...)`.
 */
export function addCrossConstructChecks(monitoring: MonitoringStack): void {
  monitoring.node.addValidation({ validate: () => alertNameErrors(monitoring.model, contextOf(monitoring)) });
  monitoring.node.addValidation({
    validate: () => {
      for (const { finding, scope } of unacknowledgedFindings(monitoring)) {
        // The engine prints it once per construct, without a stack trace (synth output must not depend on the checkout's location).
        monitoring.engine.addWarning(
          scope,
          `${finding.message} (warning "${finding.warning}"; if this is intended, acknowledge it: Acknowledge.of(construct).add('${finding.warning}', 'why'))`,
        );
      }
      return [];
    },
  });
}
