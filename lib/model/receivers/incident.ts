/**
 * Incident and paging integrations: PagerDuty, Opsgenie, VictorOps (Splunk On-Call), incident.io and Jira
 * (sources: ./fields.ts).
 */
import { Duration } from '../duration';
import { Secret } from '../secret';
import { HTTP_CONFIG_FIELD, HttpIntegrationOptions } from './common';
import { FieldSpec, IntegrationSpec } from './fields';

/** A link of a PagerDuty incident. */
export interface PagerDutyLink {
  /** Link target (Go template). */
  readonly href: string;
  /** Link text (Go template). @default - the URL */
  readonly text?: string;
}

/** An image of a PagerDuty incident. */
export interface PagerDutyImage {
  /** Image URL (Go template). */
  readonly src: string;
  /** Alternative text (Go template). @default - none */
  readonly alt?: string;
  /** Link of the image (Go template). @default - none */
  readonly href?: string;
}

/** PagerDuty Events API v2 (`pagerduty_configs`). */
export interface PagerDutyOptions extends HttpIntegrationOptions {
  /** The integration's routing key, a secret. */
  readonly routingKey: Secret;
  /** PagerDuty severity (Go template). @default - Alertmanager's default ("error") */
  readonly severity?: string;
  /** Incident description (Go template). @default - Alertmanager's default */
  readonly description?: string;
  /** Events API endpoint. @default - `global.pagerdutyUrl`, else https://events.pagerduty.com/v2/enqueue */
  readonly url?: string;
  /** Client name shown in PagerDuty. @default - Alertmanager's default */
  readonly client?: string;
  /** Client link shown in PagerDuty. @default - Alertmanager's default */
  readonly clientUrl?: string;
  /** Custom details (values may be Go templates). @default - firing, resolved, num_firing, num_resolved */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Images. @default - none */
  readonly images?: readonly PagerDutyImage[];
  /** Links. @default - none */
  readonly links?: readonly PagerDutyLink[];
  /** Affected system (Go template). @default - `client` */
  readonly source?: string;
  /** Event class (Go template). @default - none */
  readonly class?: string;
  /** Component (Go template). @default - none */
  readonly component?: string;
  /** Logical group (Go template). @default - none */
  readonly group?: string;
  /** Time limit of one call (Alertmanager 0.30+). @default - none */
  readonly timeout?: Duration | string;
}

/** An Opsgenie responder: who gets the alert. */
export interface OpsgenieResponder {
  /** `team`, `teams`, `user`, `escalation` or `schedule` (or a Go template). */
  readonly type: 'team' | 'teams' | 'user' | 'escalation' | 'schedule' | (string & {});
  /** The responder's name (Go template). @default - none: set `name`, `id` or `username` */
  readonly name?: string;
  /** The responder's id (Go template). @default - none */
  readonly id?: string;
  /** The user name of a `user` responder (Go template). @default - none */
  readonly username?: string;
}

/** Opsgenie (`opsgenie_configs`). */
export interface OpsgenieOptions extends HttpIntegrationOptions {
  /** The Opsgenie API key, a secret. @default - `alertmanager.global.opsgenieApiKey`; one of them is required */
  readonly apiKey?: Secret;
  /** Alert text (Go template). @default - Alertmanager's default */
  readonly message?: string;
  /** Priority P1–P5 (Go template allowed). @default - Opsgenie's default (P3) */
  readonly priority?: string;
  /** Comma-separated tags. @default - none */
  readonly tags?: string;
  /** Who is notified. @default - Opsgenie's routing */
  readonly responders?: readonly OpsgenieResponder[];
  /** API endpoint. @default - `global.opsgenieApiUrl`, else https://api.opsgenie.com/ */
  readonly apiUrl?: string;
  /** Alert description (Go template). @default - Alertmanager's default */
  readonly description?: string;
  /** Alert source (Go template). @default - Alertmanager's default */
  readonly source?: string;
  /** Extra properties. @default - none */
  readonly details?: Readonly<Record<string, string>>;
  /** Entity (Go template). @default - none */
  readonly entity?: string;
  /** Comma-separated actions (Go template). @default - none */
  readonly actions?: string;
  /** Note (Go template). @default - none */
  readonly note?: string;
  /** Update message and description of existing alerts. @default false */
  readonly updateAlerts?: boolean;
}

/** VictorOps / Splunk On-Call (`victorops_configs`). */
export interface VictorOpsOptions extends HttpIntegrationOptions {
  /** The API key, a secret. @default - `alertmanager.global.victoropsApiKey`; one of them is required */
  readonly apiKey?: Secret;
  /** API endpoint. @default - `global.victoropsApiUrl`, else Splunk On-Call's REST endpoint */
  readonly apiUrl?: string;
  /** Routing key (Go template). */
  readonly routingKey: string;
  /** `CRITICAL`, `WARNING` or `INFO` (Go template). @default "CRITICAL" */
  readonly messageType?: string;
  /** State message (Go template). @default - Alertmanager's default */
  readonly stateMessage?: string;
  /** Entity name (Go template). @default - Alertmanager's default */
  readonly entityDisplayName?: string;
  /** Monitoring tool name (Go template). @default - Alertmanager's default */
  readonly monitoringTool?: string;
  /** Extra fields (not `routing_key`, `message_type`, `state_message`, `entity_display_name`, `monitoring_tool`, `entity_id`, `entity_state`). @default - none */
  readonly customFields?: Readonly<Record<string, string>>;
}

/** incident.io (`incidentio_configs`, Alertmanager 0.29+). */
export interface IncidentioOptions extends HttpIntegrationOptions {
  /** The alert source URL; a Secret when it carries a token. */
  readonly url: string | Secret;
  /** The alert source token, a secret. @default - none: set it or `httpConfig.authorization` */
  readonly alertSourceToken?: Secret;
  /** Most alerts sent in one message (0 = all). @default 0 */
  readonly maxAlerts?: number;
  /** Time limit of one call. @default - none */
  readonly timeout?: Duration | string;
}

/** A Jira field that may stay unchanged on updates. */
export interface JiraField {
  /** The text (Go template). */
  readonly template: string;
  /** Update the field when the issue is updated (Alertmanager 0.30+). @default true */
  readonly enableUpdate?: boolean;
}

/** Jira (`jira_configs`, Alertmanager 0.28+); credentials go in `httpConfig`. */
export interface JiraOptions extends HttpIntegrationOptions {
  /** Jira REST API URL. @default - `alertmanager.global.jiraApiUrl`; one of them is required */
  readonly apiUrl?: string;
  /** `auto`, `cloud` or `datacenter` (Alertmanager 0.29+). @default "auto" */
  readonly apiType?: 'auto' | 'cloud' | 'datacenter';
  /** Project key (Go template). */
  readonly project: string;
  /** Issue summary (Go template). @default - Alertmanager's default */
  readonly summary?: string | JiraField;
  /** Issue description (Go template). @default - Alertmanager's default */
  readonly description?: string | JiraField;
  /** Labels (Go templates). @default - none */
  readonly labels?: readonly string[];
  /** Priority (Go template). @default - Alertmanager's default */
  readonly priority?: string;
  /** Issue type, e.g. `Bug` (Go template). */
  readonly issueType: string;
  /** Transition that reopens an issue. @default - none */
  readonly reopenTransition?: string;
  /** Transition that resolves an issue. @default - none: resolved alerts leave the issue open */
  readonly resolveTransition?: string;
  /** Resolution that marks an issue as not to be reopened. @default - none */
  readonly wontFixResolution?: string;
  /** How long after resolution an issue is reopened rather than a new one opened. @default - always reopen */
  readonly reopenDuration?: Duration | string;
  /** Further fields, by Jira field id (`customfield_10001`). @default - none */
  readonly fields?: Readonly<Record<string, unknown>>;
}

const T = 'template' as const;

const SERVICE_KEY_NOTE =
  '`service_key` is the PagerDuty Events API v1 key, and Receiver.pagerduty sends to the Events API v2: create an Events API v2 integration and use its routing key';

/** `pagerduty_configs`. */
export const PAGERDUTY: IntegrationSpec = {
  type: 'pagerduty',
  key: 'pagerduty_configs',
  title: 'PagerDuty',
  sendResolved: true,
  fields: [
    { prop: 'routingKey', key: 'routing_key', kind: 'secret', required: true },
    { prop: 'severity', key: 'severity', kind: T },
    { prop: 'description', key: 'description', kind: T },
    { prop: 'url', key: 'url', kind: 'url' },
    { prop: 'client', key: 'client', kind: T },
    { prop: 'clientUrl', key: 'client_url', kind: T },
    { prop: 'details', key: 'details', kind: 'anyMap' },
    {
      prop: 'images',
      key: 'images',
      kind: { list: [{ prop: 'src', key: 'src', kind: T, required: true }, { prop: 'alt', key: 'alt', kind: T }, { prop: 'href', key: 'href', kind: T }] },
    },
    { prop: 'links', key: 'links', kind: { list: [{ prop: 'href', key: 'href', kind: T, required: true }, { prop: 'text', key: 'text', kind: T }] } },
    { prop: 'source', key: 'source', kind: T },
    { prop: 'class', key: 'class', kind: T },
    { prop: 'component', key: 'component', kind: T },
    { prop: 'group', key: 'group', kind: T },
    { prop: 'timeout', key: 'timeout', kind: 'goDuration', minor: 30 },
    HTTP_CONFIG_FIELD,
  ],
  notSupported: {
    service_key: SERVICE_KEY_NOTE,
    service_key_file: SERVICE_KEY_NOTE,
  },
};

/** `opsgenie_configs`. */
export const OPSGENIE: IntegrationSpec = {
  type: 'opsgenie',
  key: 'opsgenie_configs',
  title: 'Opsgenie',
  sendResolved: true,
  fields: [
    { prop: 'apiKey', key: 'api_key', kind: 'secret' },
    { prop: 'message', key: 'message', kind: T },
    { prop: 'priority', key: 'priority', kind: T, oneOf: ['P1', 'P2', 'P3', 'P4', 'P5'], templated: true, expect: 'P1, P2, P3, P4 or P5 (or a Go template)' },
    { prop: 'tags', key: 'tags', kind: T },
    {
      prop: 'responders',
      key: 'responders',
      kind: {
        list: [
          { prop: 'type', key: 'type', kind: T, required: true, oneOf: ['team', 'teams', 'user', 'escalation', 'schedule'], templated: true },
          { prop: 'name', key: 'name', kind: T },
          { prop: 'id', key: 'id', kind: T },
          { prop: 'username', key: 'username', kind: T },
        ],
      },
    },
    { prop: 'apiUrl', key: 'api_url', kind: 'url' },
    { prop: 'description', key: 'description', kind: T },
    { prop: 'source', key: 'source', kind: T },
    { prop: 'details', key: 'details', kind: 'stringMap' },
    { prop: 'entity', key: 'entity', kind: T },
    { prop: 'actions', key: 'actions', kind: T },
    { prop: 'note', key: 'note', kind: T },
    { prop: 'updateAlerts', key: 'update_alerts', kind: 'boolean' },
    HTTP_CONFIG_FIELD,
  ],
};

/** `victorops_configs`. */
export const VICTOROPS: IntegrationSpec = {
  type: 'victorops',
  key: 'victorops_configs',
  title: 'VictorOps',
  sendResolved: true,
  fields: [
    { prop: 'apiKey', key: 'api_key', kind: 'secret' },
    { prop: 'apiUrl', key: 'api_url', kind: 'url' },
    { prop: 'routingKey', key: 'routing_key', kind: T, required: true },
    { prop: 'messageType', key: 'message_type', kind: T },
    { prop: 'stateMessage', key: 'state_message', kind: T },
    { prop: 'entityDisplayName', key: 'entity_display_name', kind: T },
    { prop: 'monitoringTool', key: 'monitoring_tool', kind: T },
    { prop: 'customFields', key: 'custom_fields', kind: 'stringMap' },
    HTTP_CONFIG_FIELD,
  ],
};

/** `incidentio_configs`. */
export const INCIDENTIO: IntegrationSpec = {
  type: 'incidentio',
  key: 'incidentio_configs',
  title: 'incident.io',
  sendResolved: true,
  minor: 29,
  fields: [
    { prop: 'url', key: 'url', kind: 'urlOrSecret', required: true },
    { prop: 'alertSourceToken', key: 'alert_source_token', kind: 'secret' },
    { prop: 'maxAlerts', key: 'max_alerts', kind: 'integer' },
    { prop: 'timeout', key: 'timeout', kind: 'goDuration' },
    HTTP_CONFIG_FIELD,
  ],
};

const JIRA_FIELD: FieldSpec['kind'] = {
  object: [
    { prop: 'template', key: 'template', kind: T, required: true },
    { prop: 'enableUpdate', key: 'enable_update', kind: 'boolean', minor: 30 },
  ],
};

/** `jira_configs`. */
export const JIRA: IntegrationSpec = {
  type: 'jira',
  key: 'jira_configs',
  title: 'Jira',
  sendResolved: true,
  minor: 28,
  fields: [
    { prop: 'apiUrl', key: 'api_url', kind: 'url' },
    { prop: 'apiType', key: 'api_type', kind: 'string', oneOf: ['auto', 'cloud', 'datacenter'], minor: 29 },
    { prop: 'project', key: 'project', kind: T, required: true },
    { prop: 'summary', key: 'summary', kind: JIRA_FIELD, shorthand: 'template' },
    { prop: 'description', key: 'description', kind: JIRA_FIELD, shorthand: 'template' },
    { prop: 'labels', key: 'labels', kind: 'strings' },
    { prop: 'priority', key: 'priority', kind: T },
    { prop: 'issueType', key: 'issue_type', kind: T, required: true },
    { prop: 'reopenTransition', key: 'reopen_transition', kind: T },
    { prop: 'resolveTransition', key: 'resolve_transition', kind: T },
    { prop: 'wontFixResolution', key: 'wont_fix_resolution', kind: T },
    { prop: 'reopenDuration', key: 'reopen_duration', kind: 'duration' },
    { prop: 'fields', key: 'fields', kind: 'anyMap' },
    HTTP_CONFIG_FIELD,
  ],
};
