/**
 * Receivers of the environment as Grafana contact points: one `grafana_contact_point` per receiver, one
 * integration block per integration. Secrets come from sensitive Terraform variables ({@link SecretVariables}).
 */
import { parseMailAddressList } from '../../model/email-address';
import { Receiver, Integration } from '../../model/receivers';
import type {
  ContactPointConfig,
  ContactPointEmail,
  ContactPointOpsgenie,
  ContactPointPagerduty,
  ContactPointSlack,
  ContactPointTeams,
  ContactPointWebhook,
} from '../../providers/grafana/contact-point';
import { escapeTerraformTemplate } from '../terraform-escape';
import { leftOutWarning } from './messages';
import { SecretVariables } from './secrets';

/** Alertmanager's `send_resolved` defaults, kept so a receiver behaves the same on both targets. */
const SEND_RESOLVED_DEFAULT: Record<Integration['type'], boolean> = {
  webhook: true,
  email: false,
  slack: false,
  pagerduty: true,
  opsgenie: true,
  msteams: true,
};

/** The contact point of a receiver, plus warnings about settings Grafana has no place for. */
export interface ContactPointPlan {
  readonly config: Omit<ContactPointConfig, 'provider'>;
  readonly warnings: string[];
}

const text = (value: string | undefined) => (value === undefined ? undefined : escapeTerraformTemplate(value));

/**
 * The contact point of `receiver`, or undefined for a receiver that discards (it has no integration; routes to it
 * are muted instead, see the policy tree).
 * @param declaredBy the AlertRouting that declared the receiver, for messages
 */
export function contactPointFor(receiver: Receiver, declaredBy: string, secrets: SecretVariables): ContactPointPlan | undefined {
  if (receiver.discards || receiver.integrations.length === 0) return undefined;
  const where = `${declaredBy}, receiver ${receiver.name}`;
  const warnings: string[] = [];
  const email: ContactPointEmail[] = [];
  const slack: ContactPointSlack[] = [];
  const pagerduty: ContactPointPagerduty[] = [];
  const webhook: ContactPointWebhook[] = [];
  const opsgenie: ContactPointOpsgenie[] = [];
  const teams: ContactPointTeams[] = [];
  for (const integration of receiver.integrations) {
    const here = `${where}, ${integration.type}`;
    const disableResolveMessage = !(integration.options.sendResolved ?? SEND_RESOLVED_DEFAULT[integration.type]);
    switch (integration.type) {
      case 'email': {
        const o = integration.options;
        // Grafana sends email through its own [smtp] server settings: sender, server and credentials are not per contact point.
        if (o.authPassword !== undefined || o.html !== undefined) {
          warnings.push(
            leftOutWarning(here, o.html !== undefined ? 'html' : 'authPassword', "Grafana sends email with its server's [smtp] settings and its own HTML template; put the body in `text`"),
          );
        }
        email.push({
          // Grafana takes bare addresses; a display name ("Ops" <ops@example.com>) only applies to Alertmanager.
          addresses: (parseMailAddressList(o.to) ?? []).map((a) => a.address),
          // Alertmanager sends one email to all recipients; so does Grafana with single_email.
          singleEmail: true,
          subject: text(o.subject),
          message: text(o.text),
          disableResolveMessage,
        });
        break;
      }
      case 'slack': {
        const o = integration.options;
        slack.push({
          url: secrets.value(o.apiUrl, here, 'apiUrl'),
          recipient: o.channel,
          title: text(o.title),
          text: text(o.text),
          disableResolveMessage,
        });
        break;
      }
      case 'pagerduty': {
        const o = integration.options;
        pagerduty.push({
          integrationKey: secrets.value(o.routingKey, here, 'routingKey'),
          severity: text(o.severity),
          summary: text(o.description),
          disableResolveMessage,
        });
        break;
      }
      case 'webhook': {
        const o = integration.options;
        const auth = o.auth;
        webhook.push({
          url: typeof o.url === 'string' ? o.url : secrets.value(o.url, here, 'url'),
          maxAlerts: o.maxAlerts === undefined || o.maxAlerts === 0 ? undefined : o.maxAlerts,
          authorizationScheme: auth?.bearerToken !== undefined ? 'Bearer' : undefined,
          authorizationCredentials: secrets.optional(auth?.bearerToken, here, 'auth.bearerToken'),
          basicAuthUser: auth?.username,
          basicAuthPassword: auth?.username !== undefined ? secrets.value(auth.password, here, 'auth.password') : undefined,
          disableResolveMessage,
        });
        break;
      }
      case 'opsgenie': {
        const o = integration.options;
        // Grafana's Opsgenie integration takes priority and tags from annotations (og_priority, send_tags_as).
        if (o.priority !== undefined || o.tags !== undefined) {
          warnings.push(
            leftOutWarning(here, o.priority !== undefined ? 'priority' : 'tags', 'Grafana takes them from the alert\'s annotations (og_priority, and annotations as tags)'),
          );
        }
        opsgenie.push({
          apiKey: secrets.value(o.apiKey, here, 'apiKey'),
          message: text(o.message),
          responders: o.responders?.map((r) => ({ type: r.type, name: r.name })),
          disableResolveMessage,
        });
        break;
      }
      case 'msteams': {
        const o = integration.options;
        teams.push({
          url: secrets.value(o.webhookUrl, here, 'webhookUrl'),
          title: text(o.title),
          message: text(o.text),
          disableResolveMessage,
        });
        break;
      }
    }
  }
  return {
    config: {
      name: receiver.name,
      email: email.length > 0 ? email : undefined,
      slack: slack.length > 0 ? slack : undefined,
      pagerduty: pagerduty.length > 0 ? pagerduty : undefined,
      webhook: webhook.length > 0 ? webhook : undefined,
      opsgenie: opsgenie.length > 0 ? opsgenie : undefined,
      teams: teams.length > 0 ? teams : undefined,
    },
    warnings,
  };
}
