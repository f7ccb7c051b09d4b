import { AlertmanagerModel, InhibitRuleModel, RouteModel } from '../model/routing';
import { Integration, Receiver } from '../model/receivers';
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

function renderIntegration(integration: Integration): Record<string, unknown> {
  switch (integration.type) {
    case 'webhook': {
      const o = integration.options;
      const auth = o.auth;
      const httpConfig = auth?.bearerToken
        ? { authorization: { type: 'Bearer', credentials_file: auth.bearerToken.filePath } }
        : auth?.password
          ? { basic_auth: { username: auth.username, password_file: auth.password.filePath } }
          : undefined;
      // A Secret URL is read from a file (Alertmanager 0.28+; checked against alertmanager.version when routing is built).
      const url = typeof o.url === 'string' ? { url: o.url } : { url_file: o.url.filePath };
      return compact({ send_resolved: o.sendResolved, ...url, max_alerts: o.maxAlerts, http_config: httpConfig });
    }
    case 'email': {
      const o = integration.options;
      return compact({
        send_resolved: o.sendResolved,
        to: o.to,
        from: o.from,
        smarthost: o.smarthost,
        auth_username: o.authUsername,
        auth_password_file: o.authPassword?.filePath,
        require_tls: o.requireTls,
        headers: o.subject !== undefined ? { Subject: o.subject } : undefined,
        html: o.html,
        text: o.text,
      });
    }
    case 'slack': {
      const o = integration.options;
      return compact({ send_resolved: o.sendResolved, api_url_file: o.apiUrl.filePath, channel: o.channel, title: o.title, text: o.text });
    }
    case 'pagerduty': {
      const o = integration.options;
      return compact({ send_resolved: o.sendResolved, routing_key_file: o.routingKey.filePath, severity: o.severity, description: o.description });
    }
    case 'opsgenie': {
      const o = integration.options;
      return compact({
        send_resolved: o.sendResolved,
        api_key_file: o.apiKey.filePath,
        message: o.message,
        priority: o.priority,
        tags: o.tags,
        responders: o.responders?.map((r) => ({ type: r.type, name: r.name })),
      });
    }
    case 'msteams': {
      const o = integration.options;
      return compact({ send_resolved: o.sendResolved, webhook_url_file: o.webhookUrl.filePath, title: o.title, text: o.text });
    }
  }
}

const CONFIG_KEY: Record<Integration['type'], string> = {
  webhook: 'webhook_configs',
  email: 'email_configs',
  slack: 'slack_configs',
  pagerduty: 'pagerduty_configs',
  opsgenie: 'opsgenie_configs',
  msteams: 'msteamsv2_configs',
};

/** Renders one receiver, grouping its integrations by kind in a fixed order. */
export function renderReceiver(receiver: Receiver): Record<string, unknown> {
  const out: Record<string, unknown> = { name: receiver.name };
  for (const type of ['email', 'msteams', 'opsgenie', 'pagerduty', 'slack', 'webhook'] as const) {
    const configs = receiver.integrations.filter((i) => i.type === type).map(renderIntegration);
    if (configs.length > 0) out[CONFIG_KEY[type]] = configs;
  }
  return out;
}

/** Renders alertmanager.yml. Receivers are sorted by name; routes keep their order (it matters). */
export function renderAlertmanagerConfig(model: AlertmanagerModel, environment: string): string {
  const receivers = [...model.receivers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const doc = compact({
    global: model.resolveTimeout ? { resolve_timeout: model.resolveTimeout.toPrometheus() } : undefined,
    route: renderRoute(model.route),
    inhibit_rules: model.inhibitRules.length > 0 ? model.inhibitRules.map(renderInhibit) : undefined,
    receivers: receivers.map(renderReceiver),
    time_intervals: model.timeIntervals && model.timeIntervals.length > 0 ? model.timeIntervals.map(renderTimeInterval) : undefined,
    // Relative to alertmanager.yml, so amtool loads the very same files in CI.
    templates: model.templates && Object.keys(model.templates).length > 0 ? [`${TEMPLATES_DIR}/*.tmpl`] : undefined,
  });
  return toYaml(doc, generatedHeader(`Alertmanager configuration for environment "${environment}".`));
}
