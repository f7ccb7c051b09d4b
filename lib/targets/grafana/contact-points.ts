/**
 * Receivers of the environment as Grafana contact points: one `grafana_contact_point` per receiver, one
 * integration block per integration. Secrets come from sensitive Terraform variables ({@link SecretVariables}).
 */
import { parseMailAddressList } from '../../model/email-address';
import { MonitoringConfigError, showValue } from '../../model/errors';
import { AlertmanagerGlobal, Receiver } from '../../model/receivers';
import { durationOf } from '../../model/receivers/fields';
import { withGlobal } from '../../model/receivers/global';
import { integrationSpec } from '../../model/receivers/specs';
import type {
  ContactPointConfig,
  ContactPointDiscord,
  ContactPointJira,
  ContactPointPushover,
  ContactPointSns,
  ContactPointTelegram,
  ContactPointVictorops,
  ContactPointWebex,
  ContactPointWecom,
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

/**
 * Integrations with no `grafana_contact_point` block (terraform-provider-grafana v4.45.1 docs/resources/contact_point.md
 * lists 22 blocks; none is for these), and what to do instead.
 */
const NO_GRAFANA_BLOCK: Readonly<Record<string, string>> = {
  mattermost: 'Grafana has no Mattermost contact point: use Receiver.slack with the Mattermost incoming-webhook URL (Mattermost accepts Slack payloads) or a webhook',
  rocketchat: 'Grafana has no Rocket.Chat contact point: use a Rocket.Chat incoming webhook through Receiver.webhook',
  incidentio: "Grafana has no incident.io contact point: use incident.io's Alertmanager-compatible HTTP source through Receiver.webhook with its URL as a Secret",
};

/** Splunk On-Call's REST endpoint, Alertmanager's default `victorops_api_url` (config/config.go v0.34.0). */
const VICTOROPS_API_URL = 'https://alert.victorops.com/integrations/generic/20131114/alert/';

/** Whole seconds of a duration option, for Grafana's numeric `retry`/`expire`. */
const seconds = (value: unknown) => (value === undefined ? undefined : Math.round(durationOf(value).toMilliseconds() / 1000));

/** The options each integration's Grafana block takes; any other option set is left out with a warning. */
const MAPPED: Readonly<Record<string, readonly string[]>> = {
  email: ['sendResolved', 'to', 'from', 'smarthost', 'authUsername', 'requireTls', 'subject', 'text'],
  slack: ['sendResolved', 'apiUrl', 'appToken', 'appUrl', 'channel', 'title', 'text', 'username', 'iconEmoji', 'iconUrl', 'color'],
  pagerduty: ['sendResolved', 'routingKey', 'severity', 'description', 'class', 'component', 'group', 'source', 'client', 'clientUrl', 'url', 'details'],
  webhook: ['sendResolved', 'url', 'maxAlerts', 'auth', 'httpConfig'],
  opsgenie: ['sendResolved', 'apiKey', 'apiUrl', 'message', 'description', 'responders', 'priority', 'tags'],
  msteams: ['sendResolved', 'webhookUrl', 'title', 'text'],
  discord: ['sendResolved', 'webhookUrl', 'title', 'message', 'avatarUrl'],
  telegram: ['sendResolved', 'botToken', 'chatId', 'chatIdFile', 'messageThreadId', 'message', 'parseMode', 'disableNotifications'],
  sns: ['sendResolved', 'topicArn', 'phoneNumber', 'targetArn', 'sigv4', 'subject', 'message'],
  victorops: ['sendResolved', 'apiKey', 'apiUrl', 'routingKey', 'messageType', 'entityDisplayName', 'stateMessage'],
  pushover: ['sendResolved', 'token', 'userKey', 'title', 'message', 'device', 'sound', 'priority', 'retry', 'expire'],
  webex: ['sendResolved', 'roomId', 'httpConfig', 'apiUrl', 'message'],
  wechat: ['sendResolved', 'corpId', 'apiSecret', 'agentId', 'toUser', 'message', 'messageType'],
  jira: ['sendResolved', 'apiUrl', 'project', 'issueType', 'summary', 'description', 'labels', 'priority', 'reopenTransition', 'resolveTransition', 'wontFixResolution', 'reopenDuration', 'fields', 'httpConfig'],
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
export function contactPointFor(receiver: Receiver, declaredBy: string, secrets: SecretVariables, global?: AlertmanagerGlobal): ContactPointPlan | undefined {
  if (receiver.discards || receiver.integrations.length === 0) return undefined;
  const where = `${declaredBy}, receiver ${receiver.name}`;
  const warnings: string[] = [];
  const email: ContactPointEmail[] = [];
  const slack: ContactPointSlack[] = [];
  const pagerduty: ContactPointPagerduty[] = [];
  const webhook: ContactPointWebhook[] = [];
  const opsgenie: ContactPointOpsgenie[] = [];
  const teams: ContactPointTeams[] = [];
  const discord: ContactPointDiscord[] = [];
  const telegram: ContactPointTelegram[] = [];
  const sns: ContactPointSns[] = [];
  const victorops: ContactPointVictorops[] = [];
  const pushover: ContactPointPushover[] = [];
  const webex: ContactPointWebex[] = [];
  const wecom: ContactPointWecom[] = [];
  const jira: ContactPointJira[] = [];
  for (const declared of receiver.integrations) {
    // The values Alertmanager would use once `global` is applied: Grafana has no global section.
    const integration = withGlobal(declared, global);
    const here = `${where}, ${integration.type}`;
    // Alertmanager's `send_resolved` defaults, kept so a receiver behaves the same on both targets.
    const disableResolveMessage = !(integration.options.sendResolved ?? integrationSpec(integration.type)!.sendResolved);
    const mapped = MAPPED[integration.type];
    if (mapped !== undefined) {
      for (const [prop, value] of Object.entries(integration.options)) {
        if (value !== undefined && !mapped.includes(prop) && !(integration.type === 'email' && ['authPassword', 'html'].includes(prop))) {
          warnings.push(leftOutWarning(here, prop, `Grafana's contact point has no such setting`));
        }
      }
    }
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
          url: o.appToken === undefined ? secrets.value(o.apiUrl, here, 'apiUrl') : undefined,
          token: secrets.optional(o.appToken, here, 'appToken'),
          username: text(o.username),
          iconEmoji: o.iconEmoji,
          iconUrl: o.iconUrl,
          color: text(o.color),
          recipient: o.channel,
          title: text(o.title),
          text: text(o.text),
          disableResolveMessage,
        });
        break;
      }
      case 'pagerduty': {
        const o = integration.options;
        const details = Object.entries(o.details ?? {}).filter(([, v]) => typeof v === 'string');
        pagerduty.push({
          integrationKey: secrets.value(o.routingKey, here, 'routingKey'),
          severity: text(o.severity),
          summary: text(o.description),
          class: text(o.class),
          component: text(o.component),
          group: text(o.group),
          source: text(o.source),
          client: text(o.client),
          clientUrl: text(o.clientUrl),
          url: o.url,
          details: details.length > 0 ? Object.fromEntries(details.map(([k, v]) => [k, text(v as string)!])) : undefined,
          disableResolveMessage,
        });
        break;
      }
      case 'webhook': {
        const o = integration.options;
        const auth = o.auth;
        const http = o.httpConfig;
        // The webhook's http_config as far as Grafana's webhook block has places for it: one credential, OAuth2
        // (with its proxy and inline TLS), and the connection's TLS verification.
        const oauth2 = http?.oauth2;
        const leftOut = Object.keys(http ?? {}).filter((k) => !['authorization', 'basicAuth', 'oauth2', 'tlsConfig'].includes(k));
        leftOut.push(...Object.keys(http?.tlsConfig ?? {}).filter((k) => k !== 'insecureSkipVerify').map((k) => `tlsConfig.${k}`));
        const oauth2Mapped = ['clientId', 'clientSecret', 'tokenUrl', 'scopes', 'endpointParams', 'proxyUrl', 'noProxy', 'proxyFromEnvironment', 'tlsConfig'];
        leftOut.push(...Object.keys(http?.oauth2 ?? {}).filter((k) => !oauth2Mapped.includes(k)).map((k) => `oauth2.${k}`));
        leftOut.push(...Object.keys(http?.oauth2?.tlsConfig ?? {}).filter((k) => !['ca', 'cert', 'insecureSkipVerify'].includes(k)).map((k) => `oauth2.tlsConfig.${k}`));
        leftOut.forEach((k) => warnings.push(leftOutWarning(here, `httpConfig.${k}`, "Grafana's webhook block has no such setting")));
        const bearer = auth?.bearerToken ?? http?.authorization?.credentials;
        const basic = auth?.password !== undefined ? { username: auth.username, password: auth.password } : http?.basicAuth;
        webhook.push({
          url: typeof o.url === 'string' ? o.url : secrets.value(o.url, here, 'url'),
          maxAlerts: o.maxAlerts === undefined || o.maxAlerts === 0 ? undefined : o.maxAlerts,
          authorizationScheme: bearer !== undefined ? (http?.authorization?.type ?? 'Bearer') : undefined,
          authorizationCredentials: secrets.optional(bearer, here, auth?.bearerToken ? 'auth.bearerToken' : 'httpConfig.authorization.credentials'),
          basicAuthUser: basic?.username,
          basicAuthPassword: basic !== undefined ? secrets.value(basic.password, here, auth?.password ? 'auth.password' : 'httpConfig.basicAuth.password') : undefined,
          tlsConfig: http?.tlsConfig?.insecureSkipVerify !== undefined ? { insecureSkipVerify: String(http.tlsConfig.insecureSkipVerify) } : undefined,
          httpConfig:
            oauth2 === undefined
              ? undefined
              : {
                  oauth2: {
                    clientId: oauth2.clientId,
                    clientSecret: secrets.value(oauth2.clientSecret, here, 'httpConfig.oauth2.clientSecret'),
                    tokenUrl: oauth2.tokenUrl,
                    scopes: oauth2.scopes ? [...oauth2.scopes] : undefined,
                    endpointParams: oauth2.endpointParams ? { ...oauth2.endpointParams } : undefined,
                    proxyConfig:
                      oauth2.proxyUrl ?? oauth2.noProxy ?? oauth2.proxyFromEnvironment
                        ? { proxyUrl: oauth2.proxyUrl, noProxy: oauth2.noProxy, proxyFromEnvironment: oauth2.proxyFromEnvironment }
                        : undefined,
                    tlsConfig:
                      oauth2.tlsConfig === undefined
                        ? undefined
                        : { caCertificate: oauth2.tlsConfig.ca, clientCertificate: oauth2.tlsConfig.cert, insecureSkipVerify: oauth2.tlsConfig.insecureSkipVerify },
                  },
                },
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
          description: text(o.description),
          url: o.apiUrl,
          responders: o.responders?.map((r) => ({ type: r.type, name: r.name, id: r.id, username: r.username })),
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
      case 'discord': {
        const o = integration.options;
        discord.push({
          url: secrets.value(o.webhookUrl, here, 'webhookUrl'),
          title: text(o.title),
          message: text(o.message),
          avatarUrl: o.avatarUrl,
          disableResolveMessage,
        });
        break;
      }
      case 'telegram': {
        const o = integration.options;
        if (o.chatId === undefined) {
          throw new MonitoringConfigError(here, 'chatIdFile', `got ${showValue(o.chatIdFile)}, expected chatId: Grafana's telegram block takes the chat id as a value, not a file`);
        }
        telegram.push({
          token: secrets.value(o.botToken, here, 'botToken'),
          chatId: String(o.chatId),
          messageThreadId: o.messageThreadId === undefined ? undefined : String(o.messageThreadId),
          message: text(o.message),
          parseMode: o.parseMode,
          disableNotifications: o.disableNotifications,
          disableResolveMessage,
        });
        break;
      }
      case 'sns': {
        const o = integration.options;
        if (o.topicArn === undefined) {
          throw new MonitoringConfigError(here, o.phoneNumber !== undefined ? 'phoneNumber' : 'targetArn', "is not a topic, expected topicArn: Grafana's sns block publishes to a topic only (Amazon Managed Grafana)");
        }
        sns.push({
          topic: o.topicArn,
          assumeRoleArn: o.sigv4?.roleArn,
          externalId: o.sigv4?.externalId,
          authProvider: o.sigv4?.roleArn !== undefined ? 'arn' : undefined,
          subject: text(o.subject),
          body: text(o.message),
          disableResolveMessage,
        });
        break;
      }
      case 'victorops': {
        const o = integration.options;
        // Grafana takes the whole REST endpoint URL: <api_url><api_key>/<routing_key>, as Alertmanager builds it.
        victorops.push({
          url: `${o.apiUrl ?? VICTOROPS_API_URL}${secrets.value(o.apiKey, here, 'apiKey')}/${o.routingKey}`,
          messageType: o.messageType,
          title: text(o.entityDisplayName),
          description: text(o.stateMessage),
          disableResolveMessage,
        });
        break;
      }
      case 'pushover': {
        const o = integration.options;
        const priority = o.priority !== undefined && /^-?[0-2]$/.test(o.priority) ? Number(o.priority) : undefined;
        if (o.priority !== undefined && priority === undefined) warnings.push(leftOutWarning(here, 'priority', "Grafana's pushover block takes a number from -2 to 2, not a template"));
        pushover.push({
          apiToken: secrets.value(o.token, here, 'token'),
          userKey: secrets.value(o.userKey, here, 'userKey'),
          title: text(o.title),
          message: text(o.message),
          device: o.device,
          sound: o.sound,
          priority,
          retry: seconds(o.retry),
          expire: seconds(o.expire),
          disableResolveMessage,
        });
        break;
      }
      case 'webex': {
        const o = integration.options;
        webex.push({
          roomId: o.roomId,
          token: secrets.value(o.httpConfig?.authorization?.credentials, here, 'httpConfig.authorization.credentials'),
          apiUrl: o.apiUrl,
          message: text(o.message),
          disableResolveMessage,
        });
        break;
      }
      case 'wechat': {
        const o = integration.options;
        wecom.push({
          corpId: o.corpId,
          secret: secrets.value(o.apiSecret, here, 'apiSecret'),
          agentId: o.agentId,
          toUser: o.toUser,
          message: text(o.message),
          msgType: o.messageType,
          disableResolveMessage,
        });
        break;
      }
      case 'jira': {
        const o = integration.options;
        const template = (field: typeof o.summary) => (typeof field === 'string' ? field : field?.template);
        const fields = Object.entries(o.fields ?? {}).filter(([, v]) => typeof v === 'string') as [string, string][];
        if (fields.length < Object.keys(o.fields ?? {}).length) warnings.push(leftOutWarning(here, 'fields', "Grafana's jira block takes string field values only"));
        const basic = o.httpConfig?.basicAuth;
        jira.push({
          apiUrl: o.apiUrl!,
          project: o.project,
          issueType: o.issueType,
          summary: text(template(o.summary)),
          description: text(template(o.description)),
          labels: o.labels ? [...o.labels] : undefined,
          priority: text(o.priority),
          reopenTransition: o.reopenTransition,
          resolveTransition: o.resolveTransition,
          wontFixResolution: o.wontFixResolution,
          reopenDuration: o.reopenDuration === undefined ? undefined : durationOf(o.reopenDuration).toPrometheus(),
          fields: fields.length > 0 ? Object.fromEntries(fields) : undefined,
          user: basic?.username,
          password: basic ? secrets.value(basic.password, here, 'httpConfig.basicAuth.password') : undefined,
          apiToken: secrets.optional(o.httpConfig?.authorization?.credentials, here, 'httpConfig.authorization.credentials'),
          disableResolveMessage,
        });
        break;
      }
      default: {
        const type = (integration as { type: string }).type;
        throw new MonitoringConfigError(
          here,
          'type',
          `got ${showValue(type)}, expected an integration Grafana has a contact point for (email, slack, pagerduty, webhook, opsgenie, msteams, discord, telegram, sns, victorops, pushover, webex, wechat as wecom, jira); ${NO_GRAFANA_BLOCK[type] ?? 'deliver it through a webhook'}`,
        );
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
      discord: discord.length > 0 ? discord : undefined,
      telegram: telegram.length > 0 ? telegram : undefined,
      sns: sns.length > 0 ? sns : undefined,
      victorops: victorops.length > 0 ? victorops : undefined,
      pushover: pushover.length > 0 ? pushover : undefined,
      webex: webex.length > 0 ? webex : undefined,
      wecom: wecom.length > 0 ? wecom : undefined,
      jira: jira.length > 0 ? jira : undefined,
    },
    warnings,
  };
}
