/**
 * Incident-management integration blocks of `grafana_contact_point`: `pagerduty` and `opsgenie`
 * (schema: terraform-provider-grafana docs/resources/contact_point.md).
 */
import * as cdktf from 'cdktf';
import {
  assertNotComplex,
  definedHcl,
  hclBlockList,
  hclBoolean,
  hclString,
  hclStringMap,
  passThrough,
} from './common';
import {
  contactPointIntegrationCommonToHclTerraform,
  contactPointIntegrationCommonToTerraform,
  type ContactPointIntegrationCommon,
} from './contact-point-common';

/** Sends notifications as PagerDuty events (block `pagerduty`). */
export interface ContactPointPagerduty extends ContactPointIntegrationCommon {
  /** PagerDuty integration (routing) key. Sensitive. Terraform: `integration_key` (required). */
  readonly integrationKey: string;
  /** Event severity level, e.g. `critical`, `error`, `warning`, `info`. Terraform: `severity`. @default "critical" */
  readonly severity?: string;
  /** Event class or type, e.g. `ping failure`. Terraform: `class`. */
  readonly class?: string;
  /** Affected component. Terraform: `component`. */
  readonly component?: string;
  /** Group the component belongs to. Terraform: `group`. */
  readonly group?: string;
  /** Unique location of the affected system. Terraform: `source`. */
  readonly source?: string;
  /** Event summary (templated). Terraform: `summary`. */
  readonly summary?: string;
  /** Name of the monitoring client raising the event. Terraform: `client`. */
  readonly client?: string;
  /** URL of the monitoring client raising the event. Terraform: `client_url`. */
  readonly clientUrl?: string;
  /** Replacement URL of the PagerDuty events API. Terraform: `url`. */
  readonly url?: string;
  /** Free-form key/values added to the incident's details (keys are kept as given). Terraform: `details`. */
  readonly details?: { [key: string]: string };
}

export function contactPointPagerdutyToTerraform(struct?: ContactPointPagerduty | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointPagerduty;
  return {
    integration_key: cdktf.stringToTerraform(s.integrationKey),
    severity: cdktf.stringToTerraform(s.severity),
    class: cdktf.stringToTerraform(s.class),
    component: cdktf.stringToTerraform(s.component),
    group: cdktf.stringToTerraform(s.group),
    source: cdktf.stringToTerraform(s.source),
    summary: cdktf.stringToTerraform(s.summary),
    client: cdktf.stringToTerraform(s.client),
    client_url: cdktf.stringToTerraform(s.clientUrl),
    url: cdktf.stringToTerraform(s.url),
    details: cdktf.hashMapper(cdktf.stringToTerraform)(s.details),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointPagerdutyToHclTerraform(struct?: ContactPointPagerduty | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointPagerduty;
  return definedHcl({
    integration_key: hclString(s.integrationKey),
    severity: hclString(s.severity),
    class: hclString(s.class),
    component: hclString(s.component),
    group: hclString(s.group),
    source: hclString(s.source),
    summary: hclString(s.summary),
    client: hclString(s.client),
    client_url: hclString(s.clientUrl),
    url: hclString(s.url),
    details: hclStringMap(s.details),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A team, user, escalation or schedule OpsGenie routes the alert to (block `opsgenie.responders`; Grafana 10.3+). */
export interface ContactPointOpsgenieResponders {
  /**
   * Responder type: `team`, `teams`, `user`, `escalation`, `schedule`, or a template producing one.
   * Terraform: `type` (required).
   */
  readonly type: string;
  /** Responder ID; give one of `id`, `name` or `username`. Terraform: `id`. */
  readonly id?: string;
  /** Responder name; give one of `id`, `name` or `username`. Terraform: `name`. */
  readonly name?: string;
  /** Responder user name; give one of `id`, `name` or `username`. Terraform: `username`. */
  readonly username?: string;
}

export function contactPointOpsgenieRespondersToTerraform(
  struct?: ContactPointOpsgenieResponders | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointOpsgenieResponders;
  return {
    type: cdktf.stringToTerraform(s.type),
    id: cdktf.stringToTerraform(s.id),
    name: cdktf.stringToTerraform(s.name),
    username: cdktf.stringToTerraform(s.username),
  };
}

export function contactPointOpsgenieRespondersToHclTerraform(
  struct?: ContactPointOpsgenieResponders | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointOpsgenieResponders;
  return definedHcl({
    type: hclString(s.type),
    id: hclString(s.id),
    name: hclString(s.name),
    username: hclString(s.username),
  });
}

/** Sends notifications as OpsGenie alerts (block `opsgenie`). */
export interface ContactPointOpsgenie extends ContactPointIntegrationCommon {
  /** OpsGenie API key. Sensitive. Terraform: `api_key` (required). */
  readonly apiKey: string;
  /** Replacement URL of the OpsGenie API. Terraform: `url`. */
  readonly url?: string;
  /** Alert message (templated). Terraform: `message`. */
  readonly message?: string;
  /** Alert description (templated). Terraform: `description`. */
  readonly description?: string;
  /** Close the OpsGenie alert when the alert resolves. Terraform: `auto_close`. */
  readonly autoClose?: boolean | cdktf.IResolvable;
  /** Take the alert priority from the `og_priority` annotation. Terraform: `override_priority`. */
  readonly overridePriority?: boolean | cdktf.IResolvable;
  /**
   * Send annotations as `tags`, `details` or `both`; empty means tags. Terraform: `send_tags_as`.
   */
  readonly sendTagsAs?: string;
  /** Who the alert goes to (block `responders`). */
  readonly responders?: ContactPointOpsgenieResponders[] | cdktf.IResolvable;
}

export function contactPointOpsgenieToTerraform(struct?: ContactPointOpsgenie | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointOpsgenie;
  return {
    api_key: cdktf.stringToTerraform(s.apiKey),
    url: cdktf.stringToTerraform(s.url),
    message: cdktf.stringToTerraform(s.message),
    description: cdktf.stringToTerraform(s.description),
    auto_close: cdktf.booleanToTerraform(s.autoClose),
    override_priority: cdktf.booleanToTerraform(s.overridePriority),
    send_tags_as: cdktf.stringToTerraform(s.sendTagsAs),
    responders: cdktf.listMapper(contactPointOpsgenieRespondersToTerraform, true)(s.responders),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointOpsgenieToHclTerraform(struct?: ContactPointOpsgenie | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointOpsgenie;
  return definedHcl({
    api_key: hclString(s.apiKey),
    url: hclString(s.url),
    message: hclString(s.message),
    description: hclString(s.description),
    auto_close: hclBoolean(s.autoClose),
    override_priority: hclBoolean(s.overridePriority),
    send_tags_as: hclString(s.sendTagsAs),
    responders: hclBlockList(
      contactPointOpsgenieRespondersToHclTerraform,
      s.responders,
      'ContactPointOpsgenieRespondersList',
    ),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}
