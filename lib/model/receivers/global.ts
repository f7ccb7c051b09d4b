/**
 * Alertmanager's `global` section: defaults every integration inherits when it does not set its own value,
 * exactly as Alertmanager's Config.UnmarshalYAML applies them (config/config.go at v0.34.0; see ./fields.ts).
 */
import { missing, needsNewerVersion } from '../errors';
import { Secret } from '../secret';
import { checkFields, FieldSpec, newestField } from './fields';
import { checkHttpConfig, HTTP_CONFIG_FIELDS, HTTP_CONFIG_NOT_SUPPORTED, HttpClientOptions, TLS_FIELDS, TlsOptions } from './http-config';

/**
 * Alertmanager-wide defaults (`global:` of alertmanager.yml). Each integration that leaves a field unset inherits it:
 * `smtp*` → email, `slackApiUrl`/`slackAppToken` → Slack, `opsgenie*`, `victorops*`, `wechat*`, `telegram*`,
 * `rocketchat*`, `mattermostWebhookUrl`, `*ApiUrl` → their integration, and `httpConfig` → every integration
 * without an `httpConfig` of its own (email excepted).
 */
export interface AlertmanagerGlobal {
  /** HTTP client of every integration without its own `httpConfig` (proxy, TLS, credentials). @default - Alertmanager's defaults */
  readonly httpConfig?: HttpClientOptions;
  /** Default sender address. @default - none */
  readonly smtpFrom?: string;
  /** Default HELO/EHLO host name. @default "localhost" */
  readonly smtpHello?: string;
  /** Default SMTP server as `host:port`. @default - none */
  readonly smtpSmarthost?: string;
  /** Default SMTP user. @default - none */
  readonly smtpAuthUsername?: string;
  /** Default SMTP password, read from a file. @default - none */
  readonly smtpAuthPassword?: Secret;
  /** Default CRAM-MD5 secret, read from a file (Alertmanager 0.31+). @default - none */
  readonly smtpAuthSecret?: Secret;
  /** Default PLAIN identity. @default - none */
  readonly smtpAuthIdentity?: string;
  /** Require STARTTLS by default. @default true */
  readonly smtpRequireTls?: boolean;
  /** Default TLS of SMTP connections (Alertmanager 0.28+). @default - defaults */
  readonly smtpTlsConfig?: TlsOptions;
  /** Implicit TLS by default (Alertmanager 0.31+). @default - implicit on port 465 */
  readonly smtpForceImplicitTls?: boolean;
  /** Default Slack incoming-webhook URL, a secret. @default - none */
  readonly slackApiUrl?: Secret;
  /** Default Slack bot token, a secret (Alertmanager 0.30+). @default - none */
  readonly slackAppToken?: Secret;
  /** Slack API endpoint for bot tokens (Alertmanager 0.30+). @default https://slack.com/api/chat.postMessage */
  readonly slackAppUrl?: string;
  /** PagerDuty Events API endpoint. @default https://events.pagerduty.com/v2/enqueue */
  readonly pagerdutyUrl?: string;
  /** Opsgenie API endpoint. @default https://api.opsgenie.com/ */
  readonly opsgenieApiUrl?: string;
  /** Default Opsgenie API key, a secret. @default - none */
  readonly opsgenieApiKey?: Secret;
  /** WeChat API endpoint. @default https://qyapi.weixin.qq.com/cgi-bin/ */
  readonly wechatApiUrl?: string;
  /** Default WeChat API secret, a secret (Alertmanager 0.31+). @default - none */
  readonly wechatApiSecret?: Secret;
  /** Default WeChat corporate id. @default - none */
  readonly wechatApiCorpId?: string;
  /** VictorOps API endpoint. @default - Splunk On-Call's REST endpoint */
  readonly victoropsApiUrl?: string;
  /** Default VictorOps API key, a secret. @default - none */
  readonly victoropsApiKey?: Secret;
  /** Telegram Bot API endpoint. @default https://api.telegram.org */
  readonly telegramApiUrl?: string;
  /** Default Telegram bot token, a secret (Alertmanager 0.31+). @default - none */
  readonly telegramBotToken?: Secret;
  /** Webex API endpoint. @default https://webexapis.com/v1/messages */
  readonly webexApiUrl?: string;
  /** Default Jira API URL (Alertmanager 0.28+). @default - none */
  readonly jiraApiUrl?: string;
  /** Rocket.Chat server (Alertmanager 0.28+). @default https://open.rocket.chat/ */
  readonly rocketchatApiUrl?: string;
  /** Default Rocket.Chat token, a secret (Alertmanager 0.28+). @default - none */
  readonly rocketchatToken?: Secret;
  /** Default Rocket.Chat token user id, a secret (Alertmanager 0.28+). @default - none */
  readonly rocketchatTokenId?: Secret;
  /** Default Mattermost webhook URL, a secret (Alertmanager 0.32+). @default - none */
  readonly mattermostWebhookUrl?: Secret;
}

/** The table of `global` (without `resolve_timeout`, which is `alertmanager.resolveTimeout`). */
export const GLOBAL_FIELDS: readonly FieldSpec[] = [
  { prop: 'httpConfig', key: 'http_config', kind: { object: HTTP_CONFIG_FIELDS }, alertmanagerOnly: Object.keys(HTTP_CONFIG_NOT_SUPPORTED) },
  { prop: 'smtpFrom', key: 'smtp_from', kind: 'string' },
  { prop: 'smtpHello', key: 'smtp_hello', kind: 'string' },
  { prop: 'smtpSmarthost', key: 'smtp_smarthost', kind: 'string' },
  { prop: 'smtpAuthUsername', key: 'smtp_auth_username', kind: 'string' },
  { prop: 'smtpAuthPassword', key: 'smtp_auth_password', kind: 'secret' },
  { prop: 'smtpAuthSecret', key: 'smtp_auth_secret', kind: 'secret', minor: 31 },
  { prop: 'smtpAuthIdentity', key: 'smtp_auth_identity', kind: 'string' },
  { prop: 'smtpRequireTls', key: 'smtp_require_tls', kind: 'boolean' },
  { prop: 'smtpTlsConfig', key: 'smtp_tls_config', kind: { object: TLS_FIELDS }, minor: 28 },
  { prop: 'smtpForceImplicitTls', key: 'smtp_force_implicit_tls', kind: 'boolean', minor: 31 },
  { prop: 'slackApiUrl', key: 'slack_api_url', kind: 'secret' },
  { prop: 'slackAppToken', key: 'slack_app_token', kind: 'secret', minor: 30 },
  { prop: 'slackAppUrl', key: 'slack_app_url', kind: 'url', minor: 30 },
  { prop: 'pagerdutyUrl', key: 'pagerduty_url', kind: 'url' },
  { prop: 'opsgenieApiUrl', key: 'opsgenie_api_url', kind: 'url' },
  { prop: 'opsgenieApiKey', key: 'opsgenie_api_key', kind: 'secret' },
  { prop: 'wechatApiUrl', key: 'wechat_api_url', kind: 'url' },
  { prop: 'wechatApiSecret', key: 'wechat_api_secret', kind: 'secret', minor: 31 },
  { prop: 'wechatApiCorpId', key: 'wechat_api_corp_id', kind: 'string' },
  { prop: 'victoropsApiUrl', key: 'victorops_api_url', kind: 'url' },
  { prop: 'victoropsApiKey', key: 'victorops_api_key', kind: 'secret' },
  { prop: 'telegramApiUrl', key: 'telegram_api_url', kind: 'url' },
  { prop: 'telegramBotToken', key: 'telegram_bot_token', kind: 'secret', minor: 31 },
  { prop: 'webexApiUrl', key: 'webex_api_url', kind: 'url' },
  { prop: 'jiraApiUrl', key: 'jira_api_url', kind: 'url', minor: 28 },
  { prop: 'rocketchatApiUrl', key: 'rocketchat_api_url', kind: 'url', minor: 28 },
  { prop: 'rocketchatToken', key: 'rocketchat_token', kind: 'secret', minor: 28 },
  { prop: 'rocketchatTokenId', key: 'rocketchat_token_id', kind: 'secret', minor: 28 },
  { prop: 'mattermostWebhookUrl', key: 'mattermost_webhook_url', kind: 'secret', minor: 32 },
];

/** Checks `alertmanager.global`. */
export function checkAlertmanagerGlobal(global: unknown, where: string, field = 'alertmanager.global'): void {
  checkFields(global, GLOBAL_FIELDS, where, field, ['resolve_timeout']);
  const g = global as AlertmanagerGlobal;
  if (g.httpConfig !== undefined) checkHttpConfig(g.httpConfig, where, `${field}.httpConfig`);
  if (g.smtpSmarthost !== undefined && !/^[^\s:]+:\d+$/.test(g.smtpSmarthost)) {
    throw missing(where, `${field}.smtpSmarthost`, `an SMTP server as "host:port", e.g. "smtp.example.com:587" (got ${JSON.stringify(g.smtpSmarthost)})`);
  }
}

/**
 * Which option of each integration falls back to which global field, and whether that option is required once the
 * fallback is applied (config/config.go v0.34.0, Config.UnmarshalYAML). `httpConfig` falls back for every
 * integration but email.
 */
export const INHERITED: Readonly<Record<string, readonly { readonly prop: string; readonly from: keyof AlertmanagerGlobal; readonly required?: string }[]>> = {
  email: [
    { prop: 'smarthost', from: 'smtpSmarthost', required: 'an SMTP server as "host:port"' },
    { prop: 'from', from: 'smtpFrom', required: 'a sender address' },
    { prop: 'hello', from: 'smtpHello' },
    { prop: 'authUsername', from: 'smtpAuthUsername' },
    { prop: 'authPassword', from: 'smtpAuthPassword' },
    { prop: 'authSecret', from: 'smtpAuthSecret' },
    { prop: 'authIdentity', from: 'smtpAuthIdentity' },
    { prop: 'requireTls', from: 'smtpRequireTls' },
    { prop: 'tlsConfig', from: 'smtpTlsConfig' },
    { prop: 'forceImplicitTls', from: 'smtpForceImplicitTls' },
  ],
  slack: [
    { prop: 'appUrl', from: 'slackAppUrl' },
    { prop: 'apiUrl', from: 'slackApiUrl' },
    { prop: 'appToken', from: 'slackAppToken' },
  ],
  pagerduty: [{ prop: 'url', from: 'pagerdutyUrl' }],
  opsgenie: [
    { prop: 'apiUrl', from: 'opsgenieApiUrl' },
    { prop: 'apiKey', from: 'opsgenieApiKey', required: 'the Opsgenie API key (a Secret)' },
  ],
  wechat: [
    { prop: 'apiUrl', from: 'wechatApiUrl' },
    { prop: 'apiSecret', from: 'wechatApiSecret', required: 'the WeChat API secret (a Secret)' },
    { prop: 'corpId', from: 'wechatApiCorpId', required: 'the WeChat corporate id' },
  ],
  victorops: [
    { prop: 'apiUrl', from: 'victoropsApiUrl' },
    { prop: 'apiKey', from: 'victoropsApiKey', required: 'the VictorOps API key (a Secret)' },
  ],
  telegram: [
    { prop: 'apiUrl', from: 'telegramApiUrl' },
    { prop: 'botToken', from: 'telegramBotToken', required: 'the bot token (a Secret)' },
  ],
  webex: [{ prop: 'apiUrl', from: 'webexApiUrl' }],
  jira: [{ prop: 'apiUrl', from: 'jiraApiUrl', required: 'the Jira REST API URL' }],
  rocketchat: [
    { prop: 'apiUrl', from: 'rocketchatApiUrl' },
    { prop: 'tokenId', from: 'rocketchatTokenId', required: 'the token user id (a Secret)' },
    { prop: 'token', from: 'rocketchatToken', required: 'the token (a Secret)' },
  ],
  mattermost: [{ prop: 'webhookUrl', from: 'mattermostWebhookUrl', required: 'the incoming-webhook URL (a Secret)' }],
};

/**
 * The options an integration runs with once `global` is applied (what Alertmanager does on load). Used by the
 * checks that need the effective value and by targets that have no `global` of their own (Grafana, SNS).
 */
export function withGlobal<T extends { readonly type: string; readonly options: object }>(integration: T, global: AlertmanagerGlobal = {}): T {
  const options: Record<string, unknown> = { ...(integration.options as Record<string, unknown>) };
  for (const { prop, from } of INHERITED[integration.type] ?? []) {
    if (options[prop] === undefined && global[from] !== undefined) options[prop] = global[from];
  }
  // Slack: a webhook URL set on the integration wins over a global bot token (and the other way round).
  if (integration.type === 'slack') {
    const own = integration.options as Record<string, unknown>;
    if (own.apiUrl !== undefined && own.appToken === undefined) delete options.appToken;
    if (own.appToken !== undefined && own.apiUrl === undefined) delete options.apiUrl;
    if (options.apiUrl !== undefined && options.appToken !== undefined && own.apiUrl === undefined && own.appToken === undefined) delete options.appToken;
  }
  // A webhook's `auth` is rendered as its http_config, so it has one of its own and inherits none.
  const ownHttp = options.httpConfig !== undefined || (integration.type === 'webhook' && options.auth !== undefined);
  if (integration.type !== 'email' && !ownHttp && global.httpConfig !== undefined) options.httpConfig = global.httpConfig;
  return { ...integration, options };
}

/** A field an integration lacks once `global` is applied, and the global field that would give it. */
export interface MissingInherited {
  /** The integration's property. */
  readonly prop: string;
  /** The global property that would supply it. */
  readonly from: keyof AlertmanagerGlobal;
  /** What the field holds, for messages. */
  readonly what: string;
}

/** The fields Alertmanager requires that an integration lacks once `global` is applied (empty when none). */
export function missingInherited(integration: { readonly type: string; readonly options: object }, global: AlertmanagerGlobal | undefined): MissingInherited[] {
  const effective = withGlobal(integration, global).options as Record<string, unknown>;
  const out: MissingInherited[] = [];
  for (const { prop, from, required } of INHERITED[integration.type] ?? []) {
    if (required !== undefined && effective[prop] === undefined) out.push({ prop, from, what: required });
  }
  if (integration.type === 'slack' && effective.apiUrl === undefined && effective.appToken === undefined) {
    out.push({ prop: 'apiUrl', from: 'slackApiUrl', what: 'the incoming-webhook URL (a Secret) or appToken' });
  }
  return out;
}

/** Refuses an integration that lacks a field Alertmanager requires once `global` is applied. */
export function checkInheritedFields(integration: { readonly type: string; readonly options: object }, global: AlertmanagerGlobal | undefined, where: string): void {
  const first = missingInherited(integration, global)[0];
  if (first) throw missing(where, first.prop, `${first.what}, here or as alertmanager.global.${first.from}`);
}

/** Refuses a `global` field newer than `alertmanager.version`. */
export function checkGlobalVersion(global: AlertmanagerGlobal, version: `0.${number}`, where: string): void {
  const newest = newestField(global, GLOBAL_FIELDS, 'alertmanager.global');
  if (newest && newest.minor > Number(version.slice(2))) {
    throw needsNewerVersion(where, newest.field, 'Alertmanager', `0.${newest.minor}`, version, `the field came in Alertmanager 0.${newest.minor}.0`, 'alertmanager.version');
  }
}
