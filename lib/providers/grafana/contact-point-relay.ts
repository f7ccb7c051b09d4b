/**
 * Relay and ticketing integration blocks of `grafana_contact_point` (schema: terraform-provider-grafana v4.45.1
 * (7f331169) docs/resources/contact_point.md; generated from that page's nested schemas, one interface and two
 * synthesizers per block, like the hand-written blocks beside it).
 */
import * as cdktf from 'cdktf';
import { assertNotComplex, definedHcl, hclNumber, hclString, hclStringList, hclStringMap, passThrough } from './common';
import {
  contactPointIntegrationCommonToHclTerraform,
  contactPointIntegrationCommonToTerraform,
  type ContactPointIntegrationCommon,
} from './contact-point-common';

/** A contact point that sends notifications to other Alertmanager instances (block `alertmanager`). */
export interface ContactPointAlertmanager extends ContactPointIntegrationCommon {
  /** The URL of the Alertmanager instance. Terraform: `url` (required). */
  readonly url: string;
  /** The password component of the basic auth credentials to use. Sensitive. Terraform: `basic_auth_password`. */
  readonly basicAuthPassword?: string;
  /** The username component of the basic auth credentials to use. Terraform: `basic_auth_user`. */
  readonly basicAuthUser?: string;
}

export function contactPointAlertmanagerToTerraform(struct?: ContactPointAlertmanager | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointAlertmanager;
  return {
    url: cdktf.stringToTerraform(s.url),
    basic_auth_password: cdktf.stringToTerraform(s.basicAuthPassword),
    basic_auth_user: cdktf.stringToTerraform(s.basicAuthUser),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointAlertmanagerToHclTerraform(struct?: ContactPointAlertmanager | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointAlertmanager;
  return definedHcl({
    url: hclString(s.url),
    basic_auth_password: hclString(s.basicAuthPassword),
    basic_auth_user: hclString(s.basicAuthUser),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to Grafana On-Call (block `oncall`). */
export interface ContactPointOncall extends ContactPointIntegrationCommon {
  /** The URL to send webhook requests to. Terraform: `url` (required). */
  readonly url: string;
  /** Allows a custom authorization scheme - attaches an auth header with this value. Do not use in conjunction with basic auth parameters. Sensitive. Terraform: `authorization_credentials`. */
  readonly authorizationCredentials?: string;
  /** Allows a custom authorization scheme - attaches an auth header with this name. Do not use in conjunction with basic auth parameters. Terraform: `authorization_scheme`. */
  readonly authorizationScheme?: string;
  /** The username to use in basic auth headers attached to the request. If omitted, basic auth will not be used. Sensitive. Terraform: `basic_auth_password`. */
  readonly basicAuthPassword?: string;
  /** The username to use in basic auth headers attached to the request. If omitted, basic auth will not be used. Terraform: `basic_auth_user`. */
  readonly basicAuthUser?: string;
  /** The HTTP method to use in the request. Defaults to `POST`. Terraform: `http_method`. */
  readonly httpMethod?: string;
  /** The maximum number of alerts to send in a single request. This can be helpful in limiting the size of the request body. The default is 0, which indicates no limit. Terraform: `max_alerts`. */
  readonly maxAlerts?: number;
  /** Custom message. You can use template variables. Terraform: `message`. */
  readonly message?: string;
  /** Templated title of the message. Terraform: `title`. */
  readonly title?: string;
}

export function contactPointOncallToTerraform(struct?: ContactPointOncall | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointOncall;
  return {
    url: cdktf.stringToTerraform(s.url),
    authorization_credentials: cdktf.stringToTerraform(s.authorizationCredentials),
    authorization_scheme: cdktf.stringToTerraform(s.authorizationScheme),
    basic_auth_password: cdktf.stringToTerraform(s.basicAuthPassword),
    basic_auth_user: cdktf.stringToTerraform(s.basicAuthUser),
    http_method: cdktf.stringToTerraform(s.httpMethod),
    max_alerts: cdktf.numberToTerraform(s.maxAlerts),
    message: cdktf.stringToTerraform(s.message),
    title: cdktf.stringToTerraform(s.title),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointOncallToHclTerraform(struct?: ContactPointOncall | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointOncall;
  return definedHcl({
    url: hclString(s.url),
    authorization_credentials: hclString(s.authorizationCredentials),
    authorization_scheme: hclString(s.authorizationScheme),
    basic_auth_password: hclString(s.basicAuthPassword),
    basic_auth_user: hclString(s.basicAuthUser),
    http_method: hclString(s.httpMethod),
    max_alerts: hclNumber(s.maxAlerts),
    message: hclString(s.message),
    title: hclString(s.title),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that publishes notifications to Apache Kafka topics (block `kafka`). */
export interface ContactPointKafka extends ContactPointIntegrationCommon {
  /** The URL of the Kafka REST proxy to send requests to. Sensitive. Terraform: `rest_proxy_url` (required). */
  readonly restProxyUrl: string;
  /** The name of the Kafka topic to publish to. Terraform: `topic` (required). */
  readonly topic: string;
  /** The API version to use when contacting the Kafka REST Server. Supported: v2 (default) and v3. Defaults to `v2`. Terraform: `api_version`. */
  readonly apiVersion?: string;
  /** The Id of cluster to use when contacting the Kafka REST Server. Required api_version to be 'v3'. Terraform: `cluster_id`. */
  readonly clusterId?: string;
  /** The templated description of the Kafka message. Terraform: `description`. */
  readonly description?: string;
  /** The templated details to include with the message. Terraform: `details`. */
  readonly details?: string;
  /** The password to use when making a call to the Kafka REST Proxy. Sensitive. Terraform: `password`. */
  readonly password?: string;
  /** The user name to use when making a call to the Kafka REST Proxy. Terraform: `username`. */
  readonly username?: string;
}

export function contactPointKafkaToTerraform(struct?: ContactPointKafka | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointKafka;
  return {
    rest_proxy_url: cdktf.stringToTerraform(s.restProxyUrl),
    topic: cdktf.stringToTerraform(s.topic),
    api_version: cdktf.stringToTerraform(s.apiVersion),
    cluster_id: cdktf.stringToTerraform(s.clusterId),
    description: cdktf.stringToTerraform(s.description),
    details: cdktf.stringToTerraform(s.details),
    password: cdktf.stringToTerraform(s.password),
    username: cdktf.stringToTerraform(s.username),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointKafkaToHclTerraform(struct?: ContactPointKafka | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointKafka;
  return definedHcl({
    rest_proxy_url: hclString(s.restProxyUrl),
    topic: hclString(s.topic),
    api_version: hclString(s.apiVersion),
    cluster_id: hclString(s.clusterId),
    description: hclString(s.description),
    details: hclString(s.details),
    password: hclString(s.password),
    username: hclString(s.username),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to SensuGo (block `sensugo`). */
export interface ContactPointSensugo extends ContactPointIntegrationCommon {
  /** The SensuGo API key. Sensitive. Terraform: `api_key` (required). */
  readonly apiKey: string;
  /** The SensuGo URL to send requests to. Terraform: `url` (required). */
  readonly url: string;
  /** The SensuGo check to which the event should be routed. Terraform: `check`. */
  readonly check?: string;
  /** The entity being monitored. Terraform: `entity`. */
  readonly entity?: string;
  /** A custom handler to execute in addition to the check. Terraform: `handler`. */
  readonly handler?: string;
  /** Templated message content describing the alert. Terraform: `message`. */
  readonly message?: string;
  /** The namespace in which the check resides. Terraform: `namespace`. */
  readonly namespace?: string;
}

export function contactPointSensugoToTerraform(struct?: ContactPointSensugo | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointSensugo;
  return {
    api_key: cdktf.stringToTerraform(s.apiKey),
    url: cdktf.stringToTerraform(s.url),
    check: cdktf.stringToTerraform(s.check),
    entity: cdktf.stringToTerraform(s.entity),
    handler: cdktf.stringToTerraform(s.handler),
    message: cdktf.stringToTerraform(s.message),
    namespace: cdktf.stringToTerraform(s.namespace),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointSensugoToHclTerraform(struct?: ContactPointSensugo | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointSensugo;
  return definedHcl({
    api_key: hclString(s.apiKey),
    url: hclString(s.url),
    check: hclString(s.check),
    entity: hclString(s.entity),
    handler: hclString(s.handler),
    message: hclString(s.message),
    namespace: hclString(s.namespace),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}

/** A contact point that sends notifications to Jira (block `jira`). */
export interface ContactPointJira extends ContactPointIntegrationCommon {
  /** The URL of the Jira REST API (v2 or v3). Terraform: `api_url` (required). */
  readonly apiUrl: string;
  /** The type of issue to create (e.g., Bug, Task, Story). Terraform: `issue_type` (required). */
  readonly issueType: string;
  /** The project key in Jira. Terraform: `project` (required). */
  readonly project: string;
  /** Personal Access Token that is used as a bearer authorization header. Sensitive. Terraform: `api_token`. */
  readonly apiToken?: string;
  /** Custom field ID for storing deduplication keys. Must be numeric. Terraform: `dedup_key_field`. */
  readonly dedupKeyField?: string;
  /** The templated description of the Jira issue. Maximum length is 32767 characters. Terraform: `description`. */
  readonly description?: string;
  /** Custom Jira issue fields. Terraform: `fields`. */
  readonly fields?: { [key: string]: string };
  /** Labels to assign to the Jira issue. Terraform: `labels`. */
  readonly labels?: string[];
  /** Password to use for Jira authentication. Sensitive. Terraform: `password`. */
  readonly password?: string;
  /** The priority level of the issue (e.g., High, Medium, Low). Terraform: `priority`. */
  readonly priority?: string;
  /** Duration to consider reopening issues (e.g., '10m'). Terraform: `reopen_duration`. */
  readonly reopenDuration?: string;
  /** The name of the workflow transition to reopen an issue. Terraform: `reopen_transition`. */
  readonly reopenTransition?: string;
  /** The name of the workflow transition to resolve an issue. Terraform: `resolve_transition`. */
  readonly resolveTransition?: string;
  /** The templated summary of the Jira issue. Maximum length is 255 characters. Terraform: `summary`. */
  readonly summary?: string;
  /** Username to use for Jira authentication. Sensitive. Terraform: `user`. */
  readonly user?: string;
  /** Resolution status to exclude from reopening/updating. Terraform: `wont_fix_resolution`. */
  readonly wontFixResolution?: string;
}

export function contactPointJiraToTerraform(struct?: ContactPointJira | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointJira;
  return {
    api_url: cdktf.stringToTerraform(s.apiUrl),
    issue_type: cdktf.stringToTerraform(s.issueType),
    project: cdktf.stringToTerraform(s.project),
    api_token: cdktf.stringToTerraform(s.apiToken),
    dedup_key_field: cdktf.stringToTerraform(s.dedupKeyField),
    description: cdktf.stringToTerraform(s.description),
    fields: cdktf.hashMapper(cdktf.stringToTerraform)(s.fields),
    labels: cdktf.listMapper(cdktf.stringToTerraform, false)(s.labels),
    password: cdktf.stringToTerraform(s.password),
    priority: cdktf.stringToTerraform(s.priority),
    reopen_duration: cdktf.stringToTerraform(s.reopenDuration),
    reopen_transition: cdktf.stringToTerraform(s.reopenTransition),
    resolve_transition: cdktf.stringToTerraform(s.resolveTransition),
    summary: cdktf.stringToTerraform(s.summary),
    user: cdktf.stringToTerraform(s.user),
    wont_fix_resolution: cdktf.stringToTerraform(s.wontFixResolution),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointJiraToHclTerraform(struct?: ContactPointJira | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointJira;
  return definedHcl({
    api_url: hclString(s.apiUrl),
    issue_type: hclString(s.issueType),
    project: hclString(s.project),
    api_token: hclString(s.apiToken),
    dedup_key_field: hclString(s.dedupKeyField),
    description: hclString(s.description),
    fields: hclStringMap(s.fields),
    labels: hclStringList(s.labels),
    password: hclString(s.password),
    priority: hclString(s.priority),
    reopen_duration: hclString(s.reopenDuration),
    reopen_transition: hclString(s.reopenTransition),
    resolve_transition: hclString(s.resolveTransition),
    summary: hclString(s.summary),
    user: hclString(s.user),
    wont_fix_resolution: hclString(s.wontFixResolution),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}
