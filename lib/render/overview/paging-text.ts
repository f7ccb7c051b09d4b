/**
 * Short texts of paging facts shared by the Markdown table and the overview page: receivers, routes, time
 * intervals, inhibit rules and who sends the alerts.
 */
import { Matcher } from '../../model/matchers';
import { AlertSender } from '../../model/paging';
import { Receiver } from '../../model/receivers';
import { MatchedRoute } from '../../model/route-walk';
import { InhibitRuleModel } from '../../model/routing';
import { Secret } from '../../model/secret';

/** One integration in a few words: `webhook http://…`, `email oncall@example.com`, `slack #alerts`. */
export function describeIntegration(integration: { readonly type: string; readonly options?: unknown }): string {
  const o = (integration.options ?? {}) as Record<string, unknown>;
  const resolved = o.sendResolved === true ? ', also when resolved' : '';
  switch (integration.type) {
    case 'webhook':
      return `webhook ${o.url instanceof Secret ? '(URL from a secret file)' : String(o.url)}${resolved}`;
    case 'email':
      return `email to ${String(o.to)}${resolved}`;
    case 'slack':
      return `Slack ${typeof o.channel === 'string' ? o.channel : "(the webhook's channel)"}${resolved}`;
    case 'pagerduty':
      return `PagerDuty${resolved}`;
    case 'opsgenie':
      return `Opsgenie${resolved}`;
    case 'msteams':
      return `Microsoft Teams${resolved}`;
    default:
      return `${integration.type}${resolved}`;
  }
}

/** A receiver: its integrations, or that it discards. */
export function describeReceiver(receiver: Receiver): string {
  if (receiver.discards || receiver.integrations.length === 0) return 'discards: notifies nobody';
  return receiver.integrations.map((i) => describeIntegration(i)).join('; ');
}

/** Matchers as Alertmanager prints them, comma-separated. */
export function matchersText(matchers: readonly Matcher[]): string {
  return matchers.map((m) => m.toString()).join(', ');
}

/** The route chain below the root: `severity="critical" › team="db"`, or `(root)`. */
export function routeText(route: MatchedRoute): string {
  const parts = route.matchers.filter((m) => m.length > 0).map(matchersText);
  return parts.length === 0 ? '(root)' : parts.join(' › ');
}

/** How often a matched route re-sends a firing alert: `repeat 1h` ('' when unset). */
export function timingText(route: MatchedRoute): string {
  return route.repeatInterval ? `repeat ${route.repeatInterval.toPrometheus()}` : '';
}

/** The time intervals of the routes an alert ends on: `mute: maintenance; active: business-hours`, or ''. */
export function intervalsText(routes: readonly MatchedRoute[]): string {
  const mute = [...new Set(routes.flatMap((r) => r.muteTimeIntervals))];
  const active = [...new Set(routes.flatMap((r) => r.activeTimeIntervals))];
  const parts: string[] = [];
  if (mute.length > 0) parts.push(`mute: ${mute.join(', ')}`);
  if (active.length > 0) parts.push(`active: ${active.join(', ')}`);
  return parts.join('; ');
}

/** An inhibit rule in one line. */
export function inhibitRuleText(rule: InhibitRuleModel): string {
  const equal = rule.equal.length > 0 ? ` with the same ${rule.equal.join(', ')}` : '';
  return `while an alert matching ${matchersText(rule.sourceMatchers)} fires${equal}, alerts matching ${matchersText(rule.targetMatchers)} are silenced`;
}

/** Who sends the alerts of Prometheus rule groups, as a sentence fragment. */
export function senderText(sender: AlertSender, alertmanagers: readonly string[]): string {
  switch (sender) {
    case 'prometheus':
      return `Prometheus evaluates the rules and sends alerts to Alertmanager (${alertmanagers.join(', ')}), adding its external labels`;
    case 'grafana':
      return 'Grafana evaluates the rules (Grafana-managed alerting) and routes them by this tree; Grafana adds `grafana_folder`, no external labels';
    case 'amp':
      return "Amazon Managed Service for Prometheus evaluates the rules and routes them by this tree through Amazon SNS; series carry the agents' external labels, known at runtime";
    case 'loki':
      return "Loki's ruler evaluates LogQL rules and sends alerts to Alertmanager, adding no external labels";
    case 'none':
      return 'nothing sends the alerts of Prometheus rules anywhere: Prometheus has no Alertmanager and no other target evaluates them';
  }
}

/** Receivers an entry reaches, with a word when they only discard. */
export function receiversText(receivers: readonly string[], discards: ReadonlySet<string>): string {
  if (receivers.length === 0) return 'no one (nothing sends it)';
  return receivers.map((r) => (discards.has(r) ? `${r} (discards)` : r)).join(', ');
}
