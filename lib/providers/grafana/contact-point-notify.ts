/**
 * Messaging and paging integration blocks of `grafana_contact_point` (schema: terraform-provider-grafana v4.45.1
 * (7f331169) docs/resources/contact_point.md; generated from that page's nested schemas, one interface and two
 * synthesizers per block, like the hand-written blocks beside it).
 */
import * as cdktf from 'cdktf';
import { assertNotComplex, definedHcl, hclBoolean, hclNumber, hclString, passThrough } from './common';
import {
  contactPointIntegrationCommonToHclTerraform,
  contactPointIntegrationCommonToTerraform,
  type ContactPointIntegrationCommon,
} from './contact-point-common';

/** A contact point that sends notifications to DingDing (block `dingding`). */
export interface ContactPointDingding extends ContactPointIntegrationCommon {
  /** The DingDing webhook URL. Sensitive. Terraform: `url` (required). */
  readonly url: string;
  /** The templated content of the message. Terraform: `message`. */
  readonly message?: string;
  /** The format of message to send - either 'link' or 'actionCard'. Terraform: `message_type`. */
  readonly messageType?: string;
  /** The templated title of the message. Terraform: `title`. */
  readonly title?: string;
}

export function contactPointDingdingToTerraform(struct?: ContactPointDingding | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointDingding;
  return {
    url: cdktf.stringToTerraform(s.url),
    message: cdktf.stringToTerraform(s.message),
    message_type: cdktf.stringToTerraform(s.messageType),
    title: cdktf.stringToTerraform(s.title),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointDingdingToHclTerraform(struct?: ContactPointDingding | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointDingding;
  return definedHcl({
    url: hclString(s.url),
    message: hclString(s.message),
    message_type: hclString(s.messageType),
    title: hclString(s.title),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to LINE.me (block `line`). */
export interface ContactPointLine extends ContactPointIntegrationCommon {
  /** The bearer token used to authorize the client. Sensitive. Terraform: `token` (required). */
  readonly token: string;
  /** The templated description of the message. Terraform: `description`. */
  readonly description?: string;
  /** The templated title of the message. Terraform: `title`. */
  readonly title?: string;
}

export function contactPointLineToTerraform(struct?: ContactPointLine | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointLine;
  return {
    token: cdktf.stringToTerraform(s.token),
    description: cdktf.stringToTerraform(s.description),
    title: cdktf.stringToTerraform(s.title),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointLineToHclTerraform(struct?: ContactPointLine | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointLine;
  return definedHcl({
    token: hclString(s.token),
    description: hclString(s.description),
    title: hclString(s.title),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to Pushover (block `pushover`). */
export interface ContactPointPushover extends ContactPointIntegrationCommon {
  /** The Pushover API token. Sensitive. Terraform: `api_token` (required). */
  readonly apiToken: string;
  /** The Pushover user key. Sensitive. Terraform: `user_key` (required). */
  readonly userKey: string;
  /** Comma-separated list of devices to which the event is associated. Terraform: `device`. */
  readonly device?: string;
  /** How many seconds for which the notification will continue to be retried by Pushover. Terraform: `expire`. */
  readonly expire?: number;
  /** The templated notification message content. Terraform: `message`. */
  readonly message?: string;
  /** The priority level of the resolved event. Terraform: `ok_priority`. */
  readonly okPriority?: number;
  /** The sound associated with the resolved notification. Terraform: `ok_sound`. */
  readonly okSound?: string;
  /** The priority level of the event. Terraform: `priority`. */
  readonly priority?: number;
  /** How often, in seconds, the Pushover servers will send the same notification to the user. Terraform: `retry`. */
  readonly retry?: number;
  /** The sound associated with the notification. Terraform: `sound`. */
  readonly sound?: string;
  /** The templated title of the message. Terraform: `title`. */
  readonly title?: string;
  /** Whether to send images in the notification or not. Default is true. Requires Grafana to be configured to send images in notifications. Terraform: `upload_image`. */
  readonly uploadImage?: boolean | cdktf.IResolvable;
}

export function contactPointPushoverToTerraform(struct?: ContactPointPushover | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointPushover;
  return {
    api_token: cdktf.stringToTerraform(s.apiToken),
    user_key: cdktf.stringToTerraform(s.userKey),
    device: cdktf.stringToTerraform(s.device),
    expire: cdktf.numberToTerraform(s.expire),
    message: cdktf.stringToTerraform(s.message),
    ok_priority: cdktf.numberToTerraform(s.okPriority),
    ok_sound: cdktf.stringToTerraform(s.okSound),
    priority: cdktf.numberToTerraform(s.priority),
    retry: cdktf.numberToTerraform(s.retry),
    sound: cdktf.stringToTerraform(s.sound),
    title: cdktf.stringToTerraform(s.title),
    upload_image: cdktf.booleanToTerraform(s.uploadImage),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointPushoverToHclTerraform(struct?: ContactPointPushover | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointPushover;
  return definedHcl({
    api_token: hclString(s.apiToken),
    user_key: hclString(s.userKey),
    device: hclString(s.device),
    expire: hclNumber(s.expire),
    message: hclString(s.message),
    ok_priority: hclNumber(s.okPriority),
    ok_sound: hclString(s.okSound),
    priority: hclNumber(s.priority),
    retry: hclNumber(s.retry),
    sound: hclString(s.sound),
    title: hclString(s.title),
    upload_image: hclBoolean(s.uploadImage),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to Threema (block `threema`). */
export interface ContactPointThreema extends ContactPointIntegrationCommon {
  /** The Threema API key. Sensitive. Terraform: `api_secret` (required). */
  readonly apiSecret: string;
  /** The Threema gateway ID. Terraform: `gateway_id` (required). */
  readonly gatewayId: string;
  /** The ID of the recipient of the message. Terraform: `recipient_id` (required). */
  readonly recipientId: string;
  /** The templated description of the message. Terraform: `description`. */
  readonly description?: string;
  /** The templated title of the message. Terraform: `title`. */
  readonly title?: string;
}

export function contactPointThreemaToTerraform(struct?: ContactPointThreema | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointThreema;
  return {
    api_secret: cdktf.stringToTerraform(s.apiSecret),
    gateway_id: cdktf.stringToTerraform(s.gatewayId),
    recipient_id: cdktf.stringToTerraform(s.recipientId),
    description: cdktf.stringToTerraform(s.description),
    title: cdktf.stringToTerraform(s.title),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointThreemaToHclTerraform(struct?: ContactPointThreema | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointThreema;
  return definedHcl({
    api_secret: hclString(s.apiSecret),
    gateway_id: hclString(s.gatewayId),
    recipient_id: hclString(s.recipientId),
    description: hclString(s.description),
    title: hclString(s.title),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to VictorOps (now known as Splunk OnCall) (block `victorops`). */
export interface ContactPointVictorops extends ContactPointIntegrationCommon {
  /** The VictorOps webhook URL. Sensitive. Terraform: `url` (required). */
  readonly url: string;
  /** Templated description of the message. Terraform: `description`. */
  readonly description?: string;
  /** The VictorOps alert state - typically either `CRITICAL` or `RECOVERY`. Terraform: `message_type`. */
  readonly messageType?: string;
  /** Templated title to display. Terraform: `title`. */
  readonly title?: string;
}

export function contactPointVictoropsToTerraform(struct?: ContactPointVictorops | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointVictorops;
  return {
    url: cdktf.stringToTerraform(s.url),
    description: cdktf.stringToTerraform(s.description),
    message_type: cdktf.stringToTerraform(s.messageType),
    title: cdktf.stringToTerraform(s.title),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointVictoropsToHclTerraform(struct?: ContactPointVictorops | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointVictorops;
  return definedHcl({
    url: hclString(s.url),
    description: hclString(s.description),
    message_type: hclString(s.messageType),
    title: hclString(s.title),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to Cisco Webex (block `webex`). */
export interface ContactPointWebex extends ContactPointIntegrationCommon {
  /** ID of the Webex Teams room where to send the messages. Terraform: `room_id` (required). */
  readonly roomId: string;
  /** The bearer token used to authorize the client. Sensitive. Terraform: `token` (required). */
  readonly token: string;
  /** The URL to send webhook requests to. Terraform: `api_url`. */
  readonly apiUrl?: string;
  /** The templated title of the message to send. Terraform: `message`. */
  readonly message?: string;
}

export function contactPointWebexToTerraform(struct?: ContactPointWebex | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebex;
  return {
    room_id: cdktf.stringToTerraform(s.roomId),
    token: cdktf.stringToTerraform(s.token),
    api_url: cdktf.stringToTerraform(s.apiUrl),
    message: cdktf.stringToTerraform(s.message),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointWebexToHclTerraform(struct?: ContactPointWebex | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebex;
  return definedHcl({
    room_id: hclString(s.roomId),
    token: hclString(s.token),
    api_url: hclString(s.apiUrl),
    message: hclString(s.message),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to WeCom (block `wecom`). */
export interface ContactPointWecom extends ContactPointIntegrationCommon {
  /** Agent ID added to the request payload when using APIAPP. Terraform: `agent_id`. */
  readonly agentId?: string;
  /** Corp ID used to get token when using APIAPP. Terraform: `corp_id`. */
  readonly corpId?: string;
  /** The templated content of the message to send. Terraform: `message`. */
  readonly message?: string;
  /** The type of them message. Supported: markdown, text. Default: text. Terraform: `msg_type`. */
  readonly msgType?: string;
  /** The secret key required to obtain access token when using APIAPP. See https://work.weixin.qq.com/wework_admin/frame#apps to create APIAPP. Sensitive. Terraform: `secret`. */
  readonly secret?: string;
  /** The templated title of the message to send. Terraform: `title`. */
  readonly title?: string;
  /** The ID of user that should receive the message. Multiple entries should be separated by '|'. Default: @all. Terraform: `to_user`. */
  readonly toUser?: string;
  /** The WeCom webhook URL. Required if using GroupRobot. Sensitive. Terraform: `url`. */
  readonly url?: string;
}

export function contactPointWecomToTerraform(struct?: ContactPointWecom | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWecom;
  return {
    agent_id: cdktf.stringToTerraform(s.agentId),
    corp_id: cdktf.stringToTerraform(s.corpId),
    message: cdktf.stringToTerraform(s.message),
    msg_type: cdktf.stringToTerraform(s.msgType),
    secret: cdktf.stringToTerraform(s.secret),
    title: cdktf.stringToTerraform(s.title),
    to_user: cdktf.stringToTerraform(s.toUser),
    url: cdktf.stringToTerraform(s.url),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointWecomToHclTerraform(struct?: ContactPointWecom | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWecom;
  return definedHcl({
    agent_id: hclString(s.agentId),
    corp_id: hclString(s.corpId),
    message: hclString(s.message),
    msg_type: hclString(s.msgType),
    secret: hclString(s.secret),
    title: hclString(s.title),
    to_user: hclString(s.toUser),
    url: hclString(s.url),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}
