import { checkUrlHasNoSecret } from './clear-secrets';
import { invalid, missing } from './errors';
import { checkIntegrationTemplates } from './go-template-check';
import { Secret } from './secret';
import { checkEmailAddresses, checkMaxAlerts } from './receiver-values';
import { DiscordOptions, MattermostOptions, MsTeamsOptions, RocketchatOptions, SlackOptions, TelegramOptions, WebexOptions, WechatOptions } from './receivers/chat';
import { checkFields } from './receivers/fields';
import { AlertmanagerGlobal, checkInheritedFields } from './receivers/global';
import { checkHttpConfig } from './receivers/http-config';
import { IncidentioOptions, JiraOptions, OpsgenieOptions, PagerDutyOptions, VictorOpsOptions } from './receivers/incident';
import { EmailOptions, PushoverOptions, SigV4Options, SnsOptions, WebhookOptions } from './receivers/messaging';
import { integrationSpec, INTEGRATION_SPECS } from './receivers/specs';

export type { IntegrationOptions, HttpIntegrationOptions, MessageField } from './receivers/common';
export type { AuthorizationOptions, BasicAuthOptions, HttpClientOptions, OAuth2Options, ProxyOptions, TlsOptions } from './receivers/http-config';
export type {
  DiscordOptions, MattermostAttachment, MattermostOptions, MsTeamsOptions, RocketchatAction, RocketchatOptions, SlackAction, SlackConfirm,
  SlackOptions, TelegramOptions, WebexOptions, WechatOptions,
} from './receivers/chat';
export type {
  IncidentioOptions, JiraField, JiraOptions, OpsgenieOptions, OpsgenieResponder, PagerDutyImage, PagerDutyLink, PagerDutyOptions, VictorOpsOptions,
} from './receivers/incident';
export type { EmailOptions, EmailThreading, PushoverOptions, SigV4Options, SnsOptions, WebhookAuth, WebhookOptions } from './receivers/messaging';
export type { AlertmanagerGlobal } from './receivers/global';

/** One notification integration of a receiver. */
export type Integration =
  | { readonly type: 'webhook'; readonly options: WebhookOptions }
  | { readonly type: 'email'; readonly options: EmailOptions }
  | { readonly type: 'slack'; readonly options: SlackOptions }
  | { readonly type: 'pagerduty'; readonly options: PagerDutyOptions }
  | { readonly type: 'opsgenie'; readonly options: OpsgenieOptions }
  | { readonly type: 'msteams'; readonly options: MsTeamsOptions }
  | { readonly type: 'discord'; readonly options: DiscordOptions }
  | { readonly type: 'telegram'; readonly options: TelegramOptions }
  | { readonly type: 'webex'; readonly options: WebexOptions }
  | { readonly type: 'mattermost'; readonly options: MattermostOptions }
  | { readonly type: 'rocketchat'; readonly options: RocketchatOptions }
  | { readonly type: 'wechat'; readonly options: WechatOptions }
  | { readonly type: 'victorops'; readonly options: VictorOpsOptions }
  | { readonly type: 'incidentio'; readonly options: IncidentioOptions }
  | { readonly type: 'jira'; readonly options: JiraOptions }
  | { readonly type: 'pushover'; readonly options: PushoverOptions }
  | { readonly type: 'sns'; readonly options: SnsOptions };

/** The integration types, for messages. */
const TYPES = INTEGRATION_SPECS.map((s) => s.type).sort().join(', ');

/**
 * Where notifications go: a named receiver with one or more integrations.
 *
 * `Receiver.slack('team', {...})` covers the common single-integration case; `Receiver.of('oncall', [...])`
 * combines several (e.g. PagerDuty and Slack); `Receiver.discard('null')` is the explicit "send nowhere".
 */
export class Receiver {
  /** A webhook receiver. */
  public static webhook(name: string, options: WebhookOptions): Receiver {
    return new Receiver(name, [{ type: 'webhook', options }], false);
  }
  /** An email receiver. */
  public static email(name: string, options: EmailOptions): Receiver {
    return new Receiver(name, [{ type: 'email', options }], false);
  }
  /** A Slack receiver. */
  public static slack(name: string, options: SlackOptions): Receiver {
    return new Receiver(name, [{ type: 'slack', options }], false);
  }
  /** A PagerDuty receiver. */
  public static pagerduty(name: string, options: PagerDutyOptions): Receiver {
    return new Receiver(name, [{ type: 'pagerduty', options }], false);
  }
  /** An Opsgenie receiver. */
  public static opsgenie(name: string, options: OpsgenieOptions): Receiver {
    return new Receiver(name, [{ type: 'opsgenie', options }], false);
  }
  /** A Microsoft Teams receiver (Workflows webhook; Alertmanager 0.28+, see {@link MsTeamsOptions}). */
  public static msteams(name: string, options: MsTeamsOptions): Receiver {
    return new Receiver(name, [{ type: 'msteams', options }], false);
  }
  /** A Discord receiver. */
  public static discord(name: string, options: DiscordOptions): Receiver {
    return new Receiver(name, [{ type: 'discord', options }], false);
  }
  /** A Telegram receiver. */
  public static telegram(name: string, options: TelegramOptions): Receiver {
    return new Receiver(name, [{ type: 'telegram', options }], false);
  }
  /** A Cisco Webex receiver. */
  public static webex(name: string, options: WebexOptions): Receiver {
    return new Receiver(name, [{ type: 'webex', options }], false);
  }
  /** A Mattermost receiver (Alertmanager 0.30+). */
  public static mattermost(name: string, options: MattermostOptions): Receiver {
    return new Receiver(name, [{ type: 'mattermost', options }], false);
  }
  /** A Rocket.Chat receiver (Alertmanager 0.28+). */
  public static rocketchat(name: string, options: RocketchatOptions): Receiver {
    return new Receiver(name, [{ type: 'rocketchat', options }], false);
  }
  /** A WeChat Work receiver. */
  public static wechat(name: string, options: WechatOptions): Receiver {
    return new Receiver(name, [{ type: 'wechat', options }], false);
  }
  /** A VictorOps (Splunk On-Call) receiver. */
  public static victorops(name: string, options: VictorOpsOptions): Receiver {
    return new Receiver(name, [{ type: 'victorops', options }], false);
  }
  /** An incident.io receiver (Alertmanager 0.29+). */
  public static incidentio(name: string, options: IncidentioOptions): Receiver {
    return new Receiver(name, [{ type: 'incidentio', options }], false);
  }
  /** A Jira receiver (Alertmanager 0.28+). */
  public static jira(name: string, options: JiraOptions): Receiver {
    return new Receiver(name, [{ type: 'jira', options }], false);
  }
  /** A Pushover receiver. */
  public static pushover(name: string, options: PushoverOptions): Receiver {
    return new Receiver(name, [{ type: 'pushover', options }], false);
  }
  /** An Amazon SNS receiver. */
  public static sns(name: string, options: SnsOptions): Receiver {
    return new Receiver(name, [{ type: 'sns', options }], false);
  }
  /** A receiver with several integrations. */
  public static of(name: string, integrations: readonly Integration[]): Receiver {
    return new Receiver(name, [...integrations], false);
  }
  /** A receiver that deliberately notifies nobody (routes that silence a class of alerts). */
  public static discard(name: string): Receiver {
    return new Receiver(name, [], true);
  }
  /** Integration builders for {@link Receiver.of}. */
  public static readonly integration = {
    webhook: (options: WebhookOptions): Integration => ({ type: 'webhook', options }),
    email: (options: EmailOptions): Integration => ({ type: 'email', options }),
    slack: (options: SlackOptions): Integration => ({ type: 'slack', options }),
    pagerduty: (options: PagerDutyOptions): Integration => ({ type: 'pagerduty', options }),
    opsgenie: (options: OpsgenieOptions): Integration => ({ type: 'opsgenie', options }),
    msteams: (options: MsTeamsOptions): Integration => ({ type: 'msteams', options }),
    discord: (options: DiscordOptions): Integration => ({ type: 'discord', options }),
    telegram: (options: TelegramOptions): Integration => ({ type: 'telegram', options }),
    webex: (options: WebexOptions): Integration => ({ type: 'webex', options }),
    mattermost: (options: MattermostOptions): Integration => ({ type: 'mattermost', options }),
    rocketchat: (options: RocketchatOptions): Integration => ({ type: 'rocketchat', options }),
    wechat: (options: WechatOptions): Integration => ({ type: 'wechat', options }),
    victorops: (options: VictorOpsOptions): Integration => ({ type: 'victorops', options }),
    incidentio: (options: IncidentioOptions): Integration => ({ type: 'incidentio', options }),
    jira: (options: JiraOptions): Integration => ({ type: 'jira', options }),
    pushover: (options: PushoverOptions): Integration => ({ type: 'pushover', options }),
    sns: (options: SnsOptions): Integration => ({ type: 'sns', options }),
  };

  private constructor(
    /** The receiver's name, referenced by routes. */
    public readonly name: string,
    /** Its integrations. */
    public readonly integrations: readonly Integration[],
    /** True for an intentional no-op receiver. */
    public readonly discards: boolean,
  ) {}

  /**
   * Validates the receiver; `where` names the owning construct. With `global`, the fields Alertmanager requires
   * once `global` is applied (an email's smarthost, an Opsgenie key, …) are checked too.
   */
  public validate(where: string, global?: AlertmanagerGlobal): void {
    if (typeof this.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.:-]*$/.test(this.name)) {
      throw invalid(where, 'receivers[].name', this.name, 'a receiver name of letters, digits, ".", "_", ":" and "-"');
    }
    const here = `${where}, receiver ${this.name}`;
    if (!this.discards && this.integrations.length === 0) {
      throw invalid(here, 'integrations', [], `at least one integration (${TYPES}); use Receiver.discard(name) for a receiver that notifies nobody`);
    }
    this.integrations.forEach((integration, i) => {
      validateIntegration(integration, here, `integrations[${i}]`);
      if (global !== undefined) checkInheritedFields(integration, global, `${here}, ${integration.type}`);
    });
  }
}

/** What to use instead of a webhook URL that carries a credential. */
const WEBHOOK_URL_SECRET =
  'a Secret for the whole URL (Secret.fromVariable(...) or Secret.fromFile(...)), which Alertmanager reads from a file (url_file) ' +
  'so it never appears in alertmanager.yml, or a URL without the credential and auth with a Secret';

function requireSecret(value: unknown, where: string, field: string): void {
  if (value === undefined) throw missing(where, field, 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...))');
  if (!(value instanceof Secret)) {
    throw invalid(where, field, '<redacted>', 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...)); secrets are never written into alertmanager.yml');
  }
}

/** Keys Alertmanager has on every integration table that the model leaves out (for "not supported"). */
function alertmanagerOnlyKeys(type: string): string[] {
  const spec = integrationSpec(type);
  return Object.keys(spec?.notSupported ?? {});
}

function validateIntegration(integration: Integration, where: string, field: string): void {
  if (integration === null || typeof integration !== 'object') {
    throw invalid(where, field, integration, 'an integration from Receiver.integration.*');
  }
  const spec = integrationSpec(integration.type);
  if (spec === undefined) throw invalid(where, `${field}.type`, (integration as { type: unknown }).type, `one of ${TYPES}`);
  const here = `${where}, ${integration.type}`;
  const options = integration.options as unknown as Record<string, unknown>;
  // max_alerts first, with its own wording (it is unsigned in Alertmanager).
  if (integration.type === 'webhook' || integration.type === 'incidentio') checkMaxAlerts(integration.options.maxAlerts, here);
  checkFields(options, spec.fields, here, '', [...alertmanagerOnlyKeys(integration.type), 'send_resolved'], ['sendResolved', ...(spec.custom ?? [])]);
  if (options.sendResolved !== undefined && typeof options.sendResolved !== 'boolean') throw invalid(here, 'sendResolved', options.sendResolved, 'true or false');
  if (options.httpConfig !== undefined) checkHttpConfig(options.httpConfig, here, 'httpConfig');
  checkIntegrationRules(integration, here);
  checkIntegrationTemplates(integration, here);
}

/** The rules of each integration beyond its field types (the checks of its UnmarshalYAML in Alertmanager). */
function checkIntegrationRules(integration: Integration, here: string): void {
  switch (integration.type) {
    case 'webhook': {
      const url = integration.options.url;
      if (!(url instanceof Secret)) {
        // The credential check comes first: the URL check's message shows the URL as given.
        checkUrlHasNoSecret(url, here, 'url', WEBHOOK_URL_SECRET);
        if (typeof url !== 'string' || !/^https?:\/\/[^\s/?#]+([/?#]\S*)?$/.test(url)) throw invalid(here, 'url', url, 'an http:// or https:// URL');
      }
      checkMaxAlerts(integration.options.maxAlerts, here);
      const auth = integration.options.auth;
      if (auth?.bearerToken !== undefined) requireSecret(auth.bearerToken, here, 'auth.bearerToken');
      if (auth?.password !== undefined || auth?.username !== undefined) {
        if (!auth.username) throw missing(here, 'auth.username', 'a user name for basic auth');
        requireSecret(auth.password, here, 'auth.password');
        if (auth.bearerToken) throw invalid(here, 'auth', 'bearerToken and basic auth', 'one of bearerToken or username/password');
      }
      const http = integration.options.httpConfig;
      if (auth !== undefined && http !== undefined && (http.authorization || http.basicAuth || http.oauth2)) {
        throw invalid(here, 'auth', 'auth and httpConfig credentials', 'credentials in one place: auth or httpConfig');
      }
      break;
    }
    case 'email': {
      const o = integration.options;
      checkEmailAddresses({ to: o.to, from: o.from ?? 'unset@example.invalid' }, here);
      if (o.smarthost !== undefined && (typeof o.smarthost !== 'string' || !/^[^\s:]+:\d+$/.test(o.smarthost))) {
        throw invalid(here, 'smarthost', o.smarthost, 'an SMTP server as "host:port", e.g. "smtp.example.com:587"');
      }
      if (o.authPassword !== undefined && !o.authUsername) throw missing(here, 'authUsername', 'the SMTP user that goes with authPassword');
      const headers = Object.keys(o.headers ?? {});
      const subject = headers.find((h) => h.toLowerCase() === 'subject');
      if (subject !== undefined) throw invalid(here, `headers.${subject}`, o.headers![subject], 'the subject in `subject` (it is rendered as the Subject header)');
      const lower = headers.map((h) => h.toLowerCase());
      const twice = headers.find((h, i) => lower.indexOf(h.toLowerCase()) !== i);
      if (twice !== undefined) throw invalid(here, `headers.${twice}`, twice, 'each header once (header names are case-insensitive)');
      if (o.threading?.enabled) {
        if (o.threading.threadByDate === undefined) throw missing(here, 'threading.threadByDate', '"none" or "daily" when threading is enabled');
        const clash = headers.find((h) => ['references', 'in-reply-to'].includes(h.toLowerCase()));
        if (clash) throw invalid(here, `headers.${clash}`, clash, 'no References or In-Reply-To header when threading is enabled');
      }
      break;
    }
    case 'slack': {
      const o = integration.options;
      if (o.channel !== undefined && !/^[#@]?[\w.-]+$/.test(o.channel) && !o.channel.includes('{{')) {
        throw invalid(here, 'channel', o.channel, 'a channel such as "#alerts"');
      }
      if (o.apiUrl !== undefined && o.appToken !== undefined) throw invalid(here, 'appToken', '<redacted>', 'either apiUrl (a webhook) or appToken (a bot), not both');
      if (o.appToken !== undefined && o.httpConfig?.authorization) throw invalid(here, 'httpConfig.authorization', '<redacted>', 'no authorization with appToken (Alertmanager sends the token as the Bearer credentials)');
      if (o.updateMessage) {
        // Alertmanager v0.32–v0.34 accept update_message only with a literal `api_url: https://slack.com/api/chat.postMessage`
        // (config/notifiers.go SlackConfig.UnmarshalYAML); with api_url_file or app_token its config loader dereferences
        // a nil URL and crashes (amtool 0.33.1 panics the same way). The model keeps Slack URLs in files, so it cannot.
        throw invalid(here, 'updateMessage', true, 'updateMessage unset: Alertmanager only takes it with a literal api_url (with a file or an app token its config loader crashes)');
      }
      (o.actions ?? []).forEach((a, i) => {
        if (a.url === undefined && a.name === undefined) throw missing(here, `actions[${i}].url`, 'a url (a link button) or a name (an interactive button)');
      });
      break;
    }
    case 'pagerduty':
      requireSecret(integration.options.routingKey, here, 'routingKey');
      break;
    case 'opsgenie':
      (integration.options.responders ?? []).forEach((r, i) => {
        if (r.name === undefined && r.id === undefined && r.username === undefined) {
          throw missing(here, `responders[${i}].name`, 'a name, id or username of the responder');
        }
      });
      break;
    case 'msteams':
    case 'discord':
      requireSecret(integration.options.webhookUrl, here, 'webhookUrl');
      break;
    case 'telegram': {
      const o = integration.options;
      if ((o.chatId === undefined) === (o.chatIdFile === undefined)) {
        throw invalid(here, 'chatId', o.chatId ?? o.chatIdFile, 'exactly one of chatId or chatIdFile');
      }
      if (o.chatId === 0) throw invalid(here, 'chatId', 0, 'a chat id other than 0 (Alertmanager reads 0 as unset)');
      break;
    }
    case 'webex':
      if (integration.options.httpConfig?.authorization === undefined) {
        throw missing(here, 'httpConfig.authorization', "the bot's access token: httpConfig: { authorization: { credentials: Secret.fromVariable('webex_token') } } (Alertmanager requires it on each webex config)");
      }
      break;
    case 'victorops': {
      const reserved = ['routing_key', 'message_type', 'state_message', 'entity_display_name', 'monitoring_tool', 'entity_id', 'entity_state'];
      const clash = Object.keys(integration.options.customFields ?? {}).find((k) => reserved.includes(k));
      if (clash) throw invalid(here, `customFields.${clash}`, clash, `a field name other than ${reserved.join(', ')} (VictorOps sets them itself)`);
      break;
    }
    case 'incidentio': {
      const o = integration.options;
      checkMaxAlerts(o.maxAlerts, here);
      if (typeof o.url === 'string') checkUrlHasNoSecret(o.url, here, 'url', WEBHOOK_URL_SECRET);
      const viaHeader = o.httpConfig?.authorization !== undefined;
      if (viaHeader && o.alertSourceToken !== undefined) throw invalid(here, 'alertSourceToken', '<redacted>', 'either alertSourceToken or httpConfig.authorization, not both');
      if (!viaHeader && o.alertSourceToken === undefined) throw missing(here, 'alertSourceToken', 'the alert source token (a Secret), or httpConfig.authorization');
      break;
    }
    case 'pushover':
      if (integration.options.html && integration.options.monospace) throw invalid(here, 'monospace', true, 'either html or monospace, not both');
      break;
    case 'sns': {
      const o = integration.options;
      const targets = (['topicArn', 'phoneNumber', 'targetArn'] as const).filter((k) => o[k] !== undefined);
      if (targets.length !== 1) throw invalid(here, 'topicArn', targets.length === 0 ? undefined : targets.join(' and '), 'exactly one of topicArn, phoneNumber and targetArn');
      const sigv4 = o.sigv4 as (SigV4Options & Record<string, unknown>) | undefined;
      if (sigv4?.externalId !== undefined && sigv4.roleArn === undefined) throw missing(here, 'sigv4.roleArn', 'the role that externalId belongs to');
      break;
    }
    default:
      break;
  }
}
