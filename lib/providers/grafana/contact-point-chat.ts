/**
 * Chat integration blocks of `grafana_contact_point`: `slack`, `teams`, `discord`, `telegram`,
 * `googlechat` (schema: terraform-provider-grafana docs/resources/contact_point.md).
 */
import * as cdktf from 'cdktf';
import { assertNotComplex, definedHcl, hclBoolean, hclString, passThrough } from './common';
import {
  contactPointIntegrationCommonToHclTerraform,
  contactPointIntegrationCommonToTerraform,
  type ContactPointIntegrationCommon,
} from './contact-point-common';

/** Sends notifications to Slack, by webhook or with a bot token (block `slack`). */
export interface ContactPointSlack extends ContactPointIntegrationCommon {
  /** Incoming-webhook URL (the webhook method). Sensitive. Terraform: `url`. */
  readonly url?: string;
  /** Slack API token (the bot method, instead of `url`). Sensitive. Terraform: `token`. */
  readonly token?: string;
  /** Channel, private group or IM to post to, by ID or name. Terraform: `recipient`. */
  readonly recipient?: string;
  /** Replacement for the Slack API endpoint URL. Terraform: `endpoint_url`. */
  readonly endpointUrl?: string;
  /** Bot user name. Terraform: `username`. */
  readonly username?: string;
  /** Workspace emoji used as the bot's icon. Terraform: `icon_emoji`. */
  readonly iconEmoji?: string;
  /** Image URL used as the bot's icon. Terraform: `icon_url`. */
  readonly iconUrl?: string;
  /** Message title (templated). Terraform: `title`. */
  readonly title?: string;
  /** Message body (templated). Terraform: `text`. */
  readonly text?: string;
  /** Message color (templated). Terraform: `color`. */
  readonly color?: string;
  /** Channel ping: `here`, `channel`, or empty for none. Terraform: `mention_channel`. */
  readonly mentionChannel?: string;
  /** Comma-separated users to mention. Terraform: `mention_users`. */
  readonly mentionUsers?: string;
  /** Comma-separated groups to mention. Terraform: `mention_groups`. */
  readonly mentionGroups?: string;
}

export function contactPointSlackToTerraform(struct?: ContactPointSlack | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointSlack;
  return {
    url: cdktf.stringToTerraform(s.url),
    token: cdktf.stringToTerraform(s.token),
    recipient: cdktf.stringToTerraform(s.recipient),
    endpoint_url: cdktf.stringToTerraform(s.endpointUrl),
    username: cdktf.stringToTerraform(s.username),
    icon_emoji: cdktf.stringToTerraform(s.iconEmoji),
    icon_url: cdktf.stringToTerraform(s.iconUrl),
    title: cdktf.stringToTerraform(s.title),
    text: cdktf.stringToTerraform(s.text),
    color: cdktf.stringToTerraform(s.color),
    mention_channel: cdktf.stringToTerraform(s.mentionChannel),
    mention_users: cdktf.stringToTerraform(s.mentionUsers),
    mention_groups: cdktf.stringToTerraform(s.mentionGroups),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointSlackToHclTerraform(struct?: ContactPointSlack | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointSlack;
  return definedHcl({
    url: hclString(s.url),
    token: hclString(s.token),
    recipient: hclString(s.recipient),
    endpoint_url: hclString(s.endpointUrl),
    username: hclString(s.username),
    icon_emoji: hclString(s.iconEmoji),
    icon_url: hclString(s.iconUrl),
    title: hclString(s.title),
    text: hclString(s.text),
    color: hclString(s.color),
    mention_channel: hclString(s.mentionChannel),
    mention_users: hclString(s.mentionUsers),
    mention_groups: hclString(s.mentionGroups),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** Sends notifications to a Microsoft Teams webhook (block `teams`). */
export interface ContactPointTeams extends ContactPointIntegrationCommon {
  /** Teams webhook URL. Sensitive. Terraform: `url` (required). */
  readonly url: string;
  /** Message title (templated). Terraform: `title`. */
  readonly title?: string;
  /** Subtitle of each message section (templated). Terraform: `section_title`. */
  readonly sectionTitle?: string;
  /** Message body (templated). Terraform: `message`. */
  readonly message?: string;
}

export function contactPointTeamsToTerraform(struct?: ContactPointTeams | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointTeams;
  return {
    url: cdktf.stringToTerraform(s.url),
    title: cdktf.stringToTerraform(s.title),
    section_title: cdktf.stringToTerraform(s.sectionTitle),
    message: cdktf.stringToTerraform(s.message),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointTeamsToHclTerraform(struct?: ContactPointTeams | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointTeams;
  return definedHcl({
    url: hclString(s.url),
    title: hclString(s.title),
    section_title: hclString(s.sectionTitle),
    message: hclString(s.message),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** Sends notifications to a Discord webhook (block `discord`). */
export interface ContactPointDiscord extends ContactPointIntegrationCommon {
  /** Discord webhook URL. Sensitive. Terraform: `url` (required). */
  readonly url: string;
  /** Message title (templated). Terraform: `title`. */
  readonly title?: string;
  /**
   * Message body (templated). Terraform: `message`.
   * @default ""
   */
  readonly message?: string;
  /**
   * URL of an avatar image for the webhook user. Terraform: `avatar_url`.
   * @default ""
   */
  readonly avatarUrl?: string;
  /**
   * Post under the bot account's own user name rather than "Grafana". Terraform: `use_discord_username`.
   * @default false
   */
  readonly useDiscordUsername?: boolean | cdktf.IResolvable;
}

export function contactPointDiscordToTerraform(struct?: ContactPointDiscord | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointDiscord;
  return {
    url: cdktf.stringToTerraform(s.url),
    title: cdktf.stringToTerraform(s.title),
    message: cdktf.stringToTerraform(s.message),
    avatar_url: cdktf.stringToTerraform(s.avatarUrl),
    use_discord_username: cdktf.booleanToTerraform(s.useDiscordUsername),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointDiscordToHclTerraform(struct?: ContactPointDiscord | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointDiscord;
  return definedHcl({
    url: hclString(s.url),
    title: hclString(s.title),
    message: hclString(s.message),
    avatar_url: hclString(s.avatarUrl),
    use_discord_username: hclBoolean(s.useDiscordUsername),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** Sends notifications through a Telegram bot (block `telegram`). */
export interface ContactPointTelegram extends ContactPointIntegrationCommon {
  /** Bot token. Sensitive. Terraform: `token` (required). */
  readonly token: string;
  /** Chat to post to. Terraform: `chat_id` (required). */
  readonly chatId: string;
  /** Thread of the chat to post to. Terraform: `message_thread_id`. */
  readonly messageThreadId?: string;
  /** Message body (templated). Terraform: `message`. */
  readonly message?: string;
  /** Entity parsing: `None`, `Markdown`, `MarkdownV2` or `HTML`. Terraform: `parse_mode`. @default "HTML" */
  readonly parseMode?: string;
  /** Do not show link previews. Terraform: `disable_web_page_preview`. */
  readonly disableWebPagePreview?: boolean | cdktf.IResolvable;
  /** Forbid forwarding and saving the message. Terraform: `protect_content`. */
  readonly protectContent?: boolean | cdktf.IResolvable;
  /** Deliver silently (no sound). Terraform: `disable_notifications`. */
  readonly disableNotifications?: boolean | cdktf.IResolvable;
}

export function contactPointTelegramToTerraform(struct?: ContactPointTelegram | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointTelegram;
  return {
    token: cdktf.stringToTerraform(s.token),
    chat_id: cdktf.stringToTerraform(s.chatId),
    message_thread_id: cdktf.stringToTerraform(s.messageThreadId),
    message: cdktf.stringToTerraform(s.message),
    parse_mode: cdktf.stringToTerraform(s.parseMode),
    disable_web_page_preview: cdktf.booleanToTerraform(s.disableWebPagePreview),
    protect_content: cdktf.booleanToTerraform(s.protectContent),
    disable_notifications: cdktf.booleanToTerraform(s.disableNotifications),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointTelegramToHclTerraform(struct?: ContactPointTelegram | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointTelegram;
  return definedHcl({
    token: hclString(s.token),
    chat_id: hclString(s.chatId),
    message_thread_id: hclString(s.messageThreadId),
    message: hclString(s.message),
    parse_mode: hclString(s.parseMode),
    disable_web_page_preview: hclBoolean(s.disableWebPagePreview),
    protect_content: hclBoolean(s.protectContent),
    disable_notifications: hclBoolean(s.disableNotifications),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** Sends notifications to a Google Chat webhook (block `googlechat`). */
export interface ContactPointGooglechat extends ContactPointIntegrationCommon {
  /** Google Chat webhook URL. Sensitive. Terraform: `url` (required). */
  readonly url: string;
  /** Message title (templated). Terraform: `title`. */
  readonly title?: string;
  /** Message body (templated). Terraform: `message`. */
  readonly message?: string;
  /** Leave out the "Open URL" button (Grafana 12.4+). Terraform: `hide_open_button`. */
  readonly hideOpenButton?: boolean | cdktf.IResolvable;
  /**
   * Leave out the Grafana version line (Grafana 12.4+). Terraform: `hide_version_info`.
   * @default false
   */
  readonly hideVersionInfo?: boolean | cdktf.IResolvable;
}

export function contactPointGooglechatToTerraform(struct?: ContactPointGooglechat | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointGooglechat;
  return {
    url: cdktf.stringToTerraform(s.url),
    title: cdktf.stringToTerraform(s.title),
    message: cdktf.stringToTerraform(s.message),
    hide_open_button: cdktf.booleanToTerraform(s.hideOpenButton),
    hide_version_info: cdktf.booleanToTerraform(s.hideVersionInfo),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointGooglechatToHclTerraform(struct?: ContactPointGooglechat | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointGooglechat;
  return definedHcl({
    url: hclString(s.url),
    title: hclString(s.title),
    message: hclString(s.message),
    hide_open_button: hclBoolean(s.hideOpenButton),
    hide_version_info: hclBoolean(s.hideVersionInfo),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}
