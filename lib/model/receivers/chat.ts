/**
 * Chat integrations: Slack, Microsoft Teams (Workflows), Discord, Telegram, Webex, Mattermost, Rocket.Chat and
 * WeChat (sources: ./fields.ts).
 */
import { Duration } from '../duration';
import { Secret } from '../secret';
import { HTTP_CONFIG_FIELD, HttpIntegrationOptions, MESSAGE_FIELD_FIELDS, MessageField } from './common';
import { IntegrationSpec } from './fields';

/** A confirmation dialog of a Slack button. */
export interface SlackConfirm {
  /** Dialog text. */
  readonly text: string;
  /** Dialog title. @default - none */
  readonly title?: string;
  /** Label of the OK button. @default - Slack's */
  readonly okText?: string;
  /** Label of the dismiss button. @default - Slack's */
  readonly dismissText?: string;
}

/** A Slack message button (`actions`). */
export interface SlackAction {
  /** Action type, e.g. `button`. */
  readonly type: string;
  /** Button label. */
  readonly text: string;
  /** Link the button opens (a link button). @default - none: set `url` or `name` */
  readonly url?: string;
  /** `default`, `primary` or `danger`. @default - Slack's */
  readonly style?: string;
  /** Name of an interactive action. @default - none */
  readonly name?: string;
  /** Value of an interactive action. @default - none */
  readonly value?: string;
  /** Confirmation dialog of an interactive action. @default - none */
  readonly confirm?: SlackConfirm;
}

/** A Slack incoming webhook or bot (`slack_configs`). */
export interface SlackOptions extends HttpIntegrationOptions {
  /**
   * The incoming-webhook URL, a secret (it grants posting rights).
   * @default - `alertmanager.global.slackApiUrl` (Alertmanager's inheritance); one of them, or `appToken`, is required
   */
  readonly apiUrl?: Secret;
  /** A bot token (`chat:write`), instead of a webhook URL (Alertmanager 0.30+). @default - none */
  readonly appToken?: Secret;
  /** The API endpoint used with `appToken` (Alertmanager 0.30+). @default - https://slack.com/api/chat.postMessage */
  readonly appUrl?: string;
  /** Channel, e.g. `#alerts`. @default - the webhook's channel */
  readonly channel?: string;
  /** Message title (Go template). @default - Alertmanager's default */
  readonly title?: string;
  /** Message text (Go template). @default - Alertmanager's default */
  readonly text?: string;
  /** Bot user name (Go template). @default - Alertmanager's default */
  readonly username?: string;
  /** Attachment color (Go template). @default - red when firing, green when resolved */
  readonly color?: string;
  /** Link of the title (Go template). @default - Alertmanager's default */
  readonly titleLink?: string;
  /** Text above the attachment. @default - none */
  readonly pretext?: string;
  /** Text of the message outside the attachment (Alertmanager 0.31+). @default - none */
  readonly messageText?: string;
  /** Attachment fields. @default - none */
  readonly fields?: readonly MessageField[];
  /** Show fields side by side. @default false */
  readonly shortFields?: boolean;
  /** Attachment footer. @default - none */
  readonly footer?: string;
  /** Plain-text summary for clients without attachments. @default - Alertmanager's default */
  readonly fallback?: string;
  /** Callback id of interactive actions. @default - none */
  readonly callbackId?: string;
  /** Emoji of the bot, e.g. `:fire:`. @default - the webhook's */
  readonly iconEmoji?: string;
  /** Image URL of the bot. @default - the webhook's */
  readonly iconUrl?: string;
  /** Image in the attachment. @default - none */
  readonly imageUrl?: string;
  /** Thumbnail in the attachment. @default - none */
  readonly thumbUrl?: string;
  /** Link channel names and user names. @default false */
  readonly linkNames?: boolean;
  /** Fields formatted as Markdown, e.g. `['text', 'pretext']`. @default - none */
  readonly mrkdwnIn?: readonly string[];
  /** Buttons. @default - none */
  readonly actions?: readonly SlackAction[];
  /** Update the first message of a group instead of posting new ones; needs `appToken` (Alertmanager 0.32+). @default false */
  readonly updateMessage?: boolean;
  /** Time limit of one call (Alertmanager 0.30+). @default - none */
  readonly timeout?: Duration | string;
}

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook (`msteamsv2_configs`). Office 365 connectors are
 * retired; Alertmanager supports Workflows from 0.28 (the default `alertmanager.version`; an environment set to an
 * older version refuses this receiver).
 */
export interface MsTeamsOptions extends HttpIntegrationOptions {
  /** The Workflows webhook URL, a secret. */
  readonly webhookUrl: Secret;
  /** Card title (Go template). @default - Alertmanager's default */
  readonly title?: string;
  /** Card text (Go template). @default - Alertmanager's default */
  readonly text?: string;
}

/** Discord (`discord_configs`). */
export interface DiscordOptions extends HttpIntegrationOptions {
  /** The channel webhook URL, a secret. */
  readonly webhookUrl: Secret;
  /** Embed title (Go template). @default - Alertmanager's default */
  readonly title?: string;
  /** Embed text (Go template). @default - Alertmanager's default */
  readonly message?: string;
  /** Message text outside the embed, e.g. mentions (Go template; Alertmanager 0.28+). @default - none */
  readonly content?: string;
  /** Name the message is posted as (Go template; Alertmanager 0.28+). @default - the webhook's */
  readonly username?: string;
  /** Avatar image URL (Alertmanager 0.28+). @default - the webhook's */
  readonly avatarUrl?: string;
}

/** Telegram (`telegram_configs`). */
export interface TelegramOptions extends HttpIntegrationOptions {
  /** The bot token, a secret. @default - `alertmanager.global.telegramBotToken`; one of them is required */
  readonly botToken?: Secret;
  /** Bot API endpoint. @default - `global.telegramApiUrl`, else https://api.telegram.org */
  readonly apiUrl?: string;
  /** Chat id (negative for groups). @default - none: set `chatId` or `chatIdFile` */
  readonly chatId?: number;
  /** File holding the chat id, inside the container (Alertmanager 0.31+). @default - none */
  readonly chatIdFile?: string;
  /** Topic (thread) id of a forum group (Alertmanager 0.28+). @default - none */
  readonly messageThreadId?: number;
  /** Message text (Go template). @default - Alertmanager's default */
  readonly message?: string;
  /** Send silently. @default false */
  readonly disableNotifications?: boolean;
  /** `HTML`, `Markdown` or `MarkdownV2`. @default "HTML" */
  readonly parseMode?: 'HTML' | 'Markdown' | 'MarkdownV2';
}

/** Cisco Webex (`webex_configs`); the bot token goes in `httpConfig.authorization`. */
export interface WebexOptions extends HttpIntegrationOptions {
  /** Room id (Go template). */
  readonly roomId: string;
  /** Message text (Go template). @default - Alertmanager's default */
  readonly message?: string;
  /** API endpoint. @default - `global.webexApiUrl`, else https://webexapis.com/v1/messages */
  readonly apiUrl?: string;
}

/** An attachment of a Mattermost message. */
export interface MattermostAttachment {
  /** Plain-text summary. @default - none */
  readonly fallback?: string;
  /** Side bar color. @default - none */
  readonly color?: string;
  /** Text above the attachment. @default - none */
  readonly pretext?: string;
  /** Attachment text. @default - none */
  readonly text?: string;
  /** Author name. @default - none */
  readonly authorName?: string;
  /** Author link. @default - none */
  readonly authorLink?: string;
  /** Author icon URL. @default - none */
  readonly authorIcon?: string;
  /** Title. @default - none */
  readonly title?: string;
  /** Link of the title. @default - none */
  readonly titleLink?: string;
  /** Fields. @default - none */
  readonly fields?: readonly MessageField[];
  /** Thumbnail URL. @default - none */
  readonly thumbUrl?: string;
  /** Footer. @default - none */
  readonly footer?: string;
  /** Footer icon URL. @default - none */
  readonly footerIcon?: string;
  /** Image URL. @default - none */
  readonly imageUrl?: string;
}

/** Mattermost (`mattermost_configs`, Alertmanager 0.30+). */
export interface MattermostOptions extends HttpIntegrationOptions, MattermostAttachment {
  /** The incoming-webhook URL, a secret. @default - `alertmanager.global.mattermostWebhookUrl` (Alertmanager 0.32+); one of them is required */
  readonly webhookUrl?: Secret;
  /** Channel override. @default - the webhook's */
  readonly channel?: string;
  /** Name the message is posted as. @default - Alertmanager's default */
  readonly username?: string;
  /** Icon URL. @default - the webhook's */
  readonly iconUrl?: string;
  /** Icon emoji. @default - the webhook's */
  readonly iconEmoji?: string;
  /** Further attachments. @default - none */
  readonly attachments?: readonly MattermostAttachment[];
  /** Post type. @default - none */
  readonly type?: string;
  /** Post properties (`card`). @default - none */
  readonly props?: { readonly card?: string };
  /** Message priority. @default - none */
  readonly priority?: { readonly priority?: string; readonly requestedAck?: boolean; readonly persistentNotifications?: boolean };
}

/** A Rocket.Chat message button. */
export interface RocketchatAction {
  /** Action type, e.g. `button`. @default - none */
  readonly type?: string;
  /** Button label. @default - none */
  readonly text?: string;
  /** Link the button opens. @default - none */
  readonly url?: string;
  /** Message the button sends. @default - none */
  readonly msg?: string;
}

/** Rocket.Chat (`rocketchat_configs`, Alertmanager 0.28+). */
export interface RocketchatOptions extends HttpIntegrationOptions {
  /** Server URL. @default - `global.rocketchatApiUrl`, else https://open.rocket.chat/ */
  readonly apiUrl?: string;
  /** The user id of the token, a secret. @default - `alertmanager.global.rocketchatTokenId`; one of them is required */
  readonly tokenId?: Secret;
  /** The personal access token, a secret. @default - `alertmanager.global.rocketchatToken`; one of them is required */
  readonly token?: Secret;
  /** Channel, e.g. `#alerts`. @default - the token user's default */
  readonly channel?: string;
  /** Attachment color. @default - red when firing, green when resolved */
  readonly color?: string;
  /** Title. @default - Alertmanager's default */
  readonly title?: string;
  /** Link of the title. @default - Alertmanager's default */
  readonly titleLink?: string;
  /** Text. @default - Alertmanager's default */
  readonly text?: string;
  /** Fields. @default - none */
  readonly fields?: readonly MessageField[];
  /** Show fields side by side. @default false */
  readonly shortFields?: boolean;
  /** Emoji of the message. @default - Alertmanager's default */
  readonly emoji?: string;
  /** Icon URL. @default - Alertmanager's default */
  readonly iconUrl?: string;
  /** Image URL. @default - none */
  readonly imageUrl?: string;
  /** Thumbnail URL. @default - none */
  readonly thumbUrl?: string;
  /** Link channel and user names. @default false */
  readonly linkNames?: boolean;
  /** Buttons. @default - none */
  readonly actions?: readonly RocketchatAction[];
}

/** WeChat Work (`wechat_configs`). */
export interface WechatOptions extends HttpIntegrationOptions {
  /** The API secret (file form from Alertmanager 0.31). @default - `alertmanager.global.wechatApiSecret`; one of them is required */
  readonly apiSecret?: Secret;
  /** Corporate id. @default - `global.wechatApiCorpId`; one of them is required */
  readonly corpId?: string;
  /** Message text (Go template). @default - Alertmanager's default */
  readonly message?: string;
  /** API endpoint. @default - `global.wechatApiUrl`, else https://qyapi.weixin.qq.com/cgi-bin/ */
  readonly apiUrl?: string;
  /** Users to notify. @default - Alertmanager's default */
  readonly toUser?: string;
  /** Departments to notify. @default - Alertmanager's default */
  readonly toParty?: string;
  /** Tags to notify. @default - Alertmanager's default */
  readonly toTag?: string;
  /** Agent id. @default - Alertmanager's default */
  readonly agentId?: string;
  /** `text` or `markdown`. @default "text" */
  readonly messageType?: 'text' | 'markdown';
}

const T = 'template' as const;

/** `slack_configs`. */
export const SLACK: IntegrationSpec = {
  type: 'slack',
  key: 'slack_configs',
  title: 'Slack',
  sendResolved: false,
  fields: [
    { prop: 'apiUrl', key: 'api_url', kind: 'secret' },
    { prop: 'channel', key: 'channel', kind: T },
    { prop: 'title', key: 'title', kind: T },
    { prop: 'text', key: 'text', kind: T },
    { prop: 'appToken', key: 'app_token', kind: 'secret', minor: 30 },
    { prop: 'appUrl', key: 'app_url', kind: 'url', minor: 30 },
    { prop: 'username', key: 'username', kind: T },
    { prop: 'color', key: 'color', kind: T },
    { prop: 'titleLink', key: 'title_link', kind: T },
    { prop: 'pretext', key: 'pretext', kind: T },
    { prop: 'messageText', key: 'message_text', kind: T, minor: 31 },
    { prop: 'fields', key: 'fields', kind: { list: MESSAGE_FIELD_FIELDS } },
    { prop: 'shortFields', key: 'short_fields', kind: 'boolean' },
    { prop: 'footer', key: 'footer', kind: T },
    { prop: 'fallback', key: 'fallback', kind: T },
    { prop: 'callbackId', key: 'callback_id', kind: T },
    { prop: 'iconEmoji', key: 'icon_emoji', kind: T },
    { prop: 'iconUrl', key: 'icon_url', kind: T },
    { prop: 'imageUrl', key: 'image_url', kind: T },
    { prop: 'thumbUrl', key: 'thumb_url', kind: T },
    { prop: 'linkNames', key: 'link_names', kind: 'boolean' },
    { prop: 'mrkdwnIn', key: 'mrkdwn_in', kind: 'strings' },
    {
      prop: 'actions',
      key: 'actions',
      kind: {
        list: [
          { prop: 'type', key: 'type', kind: T, required: true },
          { prop: 'text', key: 'text', kind: T, required: true },
          { prop: 'url', key: 'url', kind: T },
          { prop: 'style', key: 'style', kind: T },
          { prop: 'name', key: 'name', kind: T },
          { prop: 'value', key: 'value', kind: T },
          {
            prop: 'confirm',
            key: 'confirm',
            kind: {
              object: [
                { prop: 'text', key: 'text', kind: T, required: true },
                { prop: 'title', key: 'title', kind: T },
                { prop: 'okText', key: 'ok_text', kind: T },
                { prop: 'dismissText', key: 'dismiss_text', kind: T },
              ],
            },
          },
        ],
      },
    },
    { prop: 'updateMessage', key: 'update_message', kind: 'boolean', minor: 32 },
    { prop: 'timeout', key: 'timeout', kind: 'goDuration', minor: 30 },
    HTTP_CONFIG_FIELD,
  ],
};

/** `msteamsv2_configs`. */
export const MSTEAMS: IntegrationSpec = {
  type: 'msteams',
  key: 'msteamsv2_configs',
  title: 'Microsoft Teams (Workflows)',
  sendResolved: true,
  minor: 28,
  fields: [
    { prop: 'webhookUrl', key: 'webhook_url', kind: 'secret', required: true },
    { prop: 'title', key: 'title', kind: T },
    { prop: 'text', key: 'text', kind: T },
    HTTP_CONFIG_FIELD,
  ],
};

/** `discord_configs`. */
export const DISCORD: IntegrationSpec = {
  type: 'discord',
  key: 'discord_configs',
  title: 'Discord',
  sendResolved: true,
  fields: [
    // webhook_url_file: 0.27, and fixed in 0.28.0 (CHANGELOG: "Fix webhook_url_file for both the Discord and Microsoft Teams integrations").
    { prop: 'webhookUrl', key: 'webhook_url', kind: 'secret', required: true, minor: 28 },
    { prop: 'title', key: 'title', kind: T },
    { prop: 'message', key: 'message', kind: T },
    { prop: 'content', key: 'content', kind: T, minor: 28 },
    { prop: 'username', key: 'username', kind: T, minor: 28 },
    { prop: 'avatarUrl', key: 'avatar_url', kind: 'url', minor: 28 },
    HTTP_CONFIG_FIELD,
  ],
};

/** `telegram_configs`. */
export const TELEGRAM: IntegrationSpec = {
  type: 'telegram',
  key: 'telegram_configs',
  title: 'Telegram',
  sendResolved: true,
  fields: [
    { prop: 'botToken', key: 'bot_token', kind: 'secret', minor: 26 },
    { prop: 'apiUrl', key: 'api_url', kind: 'url' },
    { prop: 'chatId', key: 'chat_id', kind: 'signedInteger' },
    { prop: 'chatIdFile', key: 'chat_id_file', kind: 'string', minor: 31 },
    { prop: 'messageThreadId', key: 'message_thread_id', kind: 'integer', minor: 28 },
    { prop: 'message', key: 'message', kind: T },
    { prop: 'disableNotifications', key: 'disable_notifications', kind: 'boolean' },
    { prop: 'parseMode', key: 'parse_mode', kind: 'string', oneOf: ['HTML', 'Markdown', 'MarkdownV2'] },
    HTTP_CONFIG_FIELD,
  ],
};

/** `webex_configs`. */
export const WEBEX: IntegrationSpec = {
  type: 'webex',
  key: 'webex_configs',
  title: 'Webex',
  sendResolved: true,
  fields: [
    { prop: 'roomId', key: 'room_id', kind: T, required: true },
    { prop: 'message', key: 'message', kind: T },
    { prop: 'apiUrl', key: 'api_url', kind: 'url' },
    HTTP_CONFIG_FIELD,
  ],
};

const MATTERMOST_ATTACHMENT = [
  { prop: 'fallback', key: 'fallback', kind: T },
  { prop: 'color', key: 'color', kind: T },
  { prop: 'pretext', key: 'pretext', kind: T },
  { prop: 'text', key: 'text', kind: T },
  { prop: 'authorName', key: 'author_name', kind: T },
  { prop: 'authorLink', key: 'author_link', kind: T },
  { prop: 'authorIcon', key: 'author_icon', kind: T },
  { prop: 'title', key: 'title', kind: T },
  { prop: 'titleLink', key: 'title_link', kind: T },
  { prop: 'fields', key: 'fields', kind: { list: MESSAGE_FIELD_FIELDS } },
  { prop: 'thumbUrl', key: 'thumb_url', kind: T },
  { prop: 'footer', key: 'footer', kind: T },
  { prop: 'footerIcon', key: 'footer_icon', kind: T },
  { prop: 'imageUrl', key: 'image_url', kind: T },
] as const;

/** `mattermost_configs`. */
export const MATTERMOST: IntegrationSpec = {
  type: 'mattermost',
  key: 'mattermost_configs',
  title: 'Mattermost',
  sendResolved: true,
  minor: 30,
  fields: [
    { prop: 'webhookUrl', key: 'webhook_url', kind: 'secret' },
    { prop: 'channel', key: 'channel', kind: T },
    { prop: 'username', key: 'username', kind: T },
    // The attachment fields at the top level came in 0.32 ("mattermost: Flatten attachments into top-level config"); `text` was there from 0.30.
    ...MATTERMOST_ATTACHMENT.map((f) => (f.prop === 'text' ? f : { ...f, minor: 32 })),
    { prop: 'iconUrl', key: 'icon_url', kind: T },
    { prop: 'iconEmoji', key: 'icon_emoji', kind: T },
    { prop: 'attachments', key: 'attachments', kind: { list: MATTERMOST_ATTACHMENT } },
    { prop: 'type', key: 'type', kind: 'string' },
    { prop: 'props', key: 'props', kind: { object: [{ prop: 'card', key: 'card', kind: T }] } },
    {
      prop: 'priority',
      key: 'priority',
      kind: {
        object: [
          { prop: 'priority', key: 'priority', kind: 'string' },
          { prop: 'requestedAck', key: 'requested_ack', kind: 'boolean' },
          { prop: 'persistentNotifications', key: 'persistent_notifications', kind: 'boolean' },
        ],
      },
    },
    HTTP_CONFIG_FIELD,
  ],
};

/** `rocketchat_configs`. */
export const ROCKETCHAT: IntegrationSpec = {
  type: 'rocketchat',
  key: 'rocketchat_configs',
  title: 'Rocket.Chat',
  sendResolved: false,
  minor: 28,
  fields: [
    { prop: 'apiUrl', key: 'api_url', kind: 'url' },
    { prop: 'tokenId', key: 'token_id', kind: 'secret' },
    { prop: 'token', key: 'token', kind: 'secret' },
    { prop: 'channel', key: 'channel', kind: T },
    { prop: 'color', key: 'color', kind: T },
    { prop: 'title', key: 'title', kind: T },
    { prop: 'titleLink', key: 'title_link', kind: T },
    { prop: 'text', key: 'text', kind: T },
    { prop: 'fields', key: 'fields', kind: { list: MESSAGE_FIELD_FIELDS } },
    { prop: 'shortFields', key: 'short_fields', kind: 'boolean' },
    { prop: 'emoji', key: 'emoji', kind: T },
    { prop: 'iconUrl', key: 'icon_url', kind: T },
    { prop: 'imageUrl', key: 'image_url', kind: T },
    { prop: 'thumbUrl', key: 'thumb_url', kind: T },
    { prop: 'linkNames', key: 'link_names', kind: 'boolean' },
    {
      prop: 'actions',
      key: 'actions',
      // RocketchatAttachmentAction has JSON tags only: yaml.v2 reads the lower-cased Go field names.
      kind: {
        list: [
          { prop: 'type', key: 'type', kind: T },
          { prop: 'text', key: 'text', kind: T },
          { prop: 'url', key: 'url', kind: T },
          { prop: 'msg', key: 'msg', kind: T },
        ],
      },
    },
    HTTP_CONFIG_FIELD,
  ],
};

/** `wechat_configs`. */
export const WECHAT: IntegrationSpec = {
  type: 'wechat',
  key: 'wechat_configs',
  title: 'WeChat',
  sendResolved: false,
  fields: [
    // api_secret_file came in 0.31; before, the secret could only be literal.
    { prop: 'apiSecret', key: 'api_secret', kind: 'secret', minor: 31 },
    { prop: 'corpId', key: 'corp_id', kind: 'string' },
    { prop: 'message', key: 'message', kind: T },
    { prop: 'apiUrl', key: 'api_url', kind: 'url' },
    { prop: 'toUser', key: 'to_user', kind: T },
    { prop: 'toParty', key: 'to_party', kind: T },
    { prop: 'toTag', key: 'to_tag', kind: T },
    { prop: 'agentId', key: 'agent_id', kind: T },
    { prop: 'messageType', key: 'message_type', kind: 'string', oneOf: ['text', 'markdown'] },
    HTTP_CONFIG_FIELD,
  ],
};
