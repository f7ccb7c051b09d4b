import { AlertmanagerModel, InhibitRuleModel, RouteModel } from '../model/routing';
import { Receiver } from '../model/receivers';
import { INTEGRATION_SPECS } from '../model/receivers/specs';
import { renderGlobal, renderIntegration } from './alertmanager-integrations';
import { TimeIntervalOptions } from '../model/time-intervals';
import { compact, generatedHeader, toYaml } from './yaml';

/** Directory (relative to alertmanager.yml) of the notification templates. */
export const TEMPLATES_DIR = 'templates';

function renderRoute(route: RouteModel): Record<string, unknown> {
  return compact({
    receiver: route.receiver,
    matchers: route.matchers.length > 0 ? route.matchers.map(String) : undefined,
    continue: route.continue,
    group_by: route.groupBy ? [...route.groupBy] : undefined,
    group_wait: route.groupWait?.toPrometheus(),
    group_interval: route.groupInterval?.toPrometheus(),
    repeat_interval: route.repeatInterval?.toPrometheus(),
    mute_time_intervals: route.muteTimeIntervals && route.muteTimeIntervals.length > 0 ? [...route.muteTimeIntervals] : undefined,
    active_time_intervals: route.activeTimeIntervals && route.activeTimeIntervals.length > 0 ? [...route.activeTimeIntervals] : undefined,
    routes: route.routes.length > 0 ? route.routes.map(renderRoute) : undefined,
  });
}

function renderTimeInterval(interval: TimeIntervalOptions): Record<string, unknown> {
  return {
    name: interval.name,
    time_intervals: interval.periods.map((p) =>
      compact({
        times: p.times?.map((t) => ({ start_time: t.start, end_time: t.end })),
        weekdays: p.weekdays ? [...p.weekdays] : undefined,
        days_of_month: p.daysOfMonth ? [...p.daysOfMonth] : undefined,
        months: p.months ? [...p.months] : undefined,
        years: p.years ? [...p.years] : undefined,
        location: p.location,
      }),
    ),
  };
}

function renderInhibit(rule: InhibitRuleModel): Record<string, unknown> {
  return compact({
    source_matchers: rule.sourceMatchers.map(String),
    target_matchers: rule.targetMatchers.map(String),
    equal: rule.equal.length > 0 ? [...rule.equal] : undefined,
  });
}

/** Renders one receiver, grouping its integrations by kind in a fixed order (alphabetical by YAML key). */
export function renderReceiver(receiver: Receiver): Record<string, unknown> {
  const out: Record<string, unknown> = { name: receiver.name };
  for (const spec of INTEGRATION_SPECS) {
    const configs = receiver.integrations.filter((i) => i.type === spec.type).map(renderIntegration);
    if (configs.length > 0) out[spec.key] = configs;
  }
  return out;
}

/** Renders alertmanager.yml. Receivers are sorted by name; routes keep their order (it matters). */
export function renderAlertmanagerConfig(model: AlertmanagerModel, environment: string): string {
  const receivers = [...model.receivers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const doc = compact({
    global: renderGlobal(model.resolveTimeout, model.global),
    route: renderRoute(model.route),
    inhibit_rules: model.inhibitRules.length > 0 ? model.inhibitRules.map(renderInhibit) : undefined,
    receivers: receivers.map(renderReceiver),
    time_intervals: model.timeIntervals && model.timeIntervals.length > 0 ? model.timeIntervals.map(renderTimeInterval) : undefined,
    // Relative to alertmanager.yml, so amtool loads the very same files in CI.
    templates: model.templates && Object.keys(model.templates).length > 0 ? [`${TEMPLATES_DIR}/*.tmpl`] : undefined,
  });
  return toYaml(doc, generatedHeader(`Alertmanager configuration for environment "${environment}".`));
}
