/** Options every integration has, and the field tables they share (sources: ./fields.ts). */
import { FieldSpec } from './fields';
import { HTTP_CONFIG_FIELDS, HTTP_CONFIG_NOT_SUPPORTED, HttpClientOptions } from './http-config';

/** Options shared by every integration. */
export interface IntegrationOptions {
  /**
   * Also notify when the alert resolves.
   * @default - Alertmanager's default for the integration (false for email, Slack, Rocket.Chat and WeChat; true for the others)
   */
  readonly sendResolved?: boolean;
}

/** Options of integrations that call an HTTP API. */
export interface HttpIntegrationOptions extends IntegrationOptions {
  /**
   * The HTTP client: authentication, proxy, TLS. Without it the integration uses `global.httpConfig`, as
   * Alertmanager does.
   * @default - the environment's `alertmanager.global.httpConfig`, else Alertmanager's defaults
   */
  readonly httpConfig?: HttpClientOptions;
}

/** The `http_config` field of an integration's table. */
export const HTTP_CONFIG_FIELD: FieldSpec = { prop: 'httpConfig', key: 'http_config', kind: { object: HTTP_CONFIG_FIELDS }, alertmanagerOnly: Object.keys(HTTP_CONFIG_NOT_SUPPORTED) };

/** `{ title, value, short }` entries of Slack, Rocket.Chat and Mattermost messages. */
export interface MessageField {
  /** Field title. */
  readonly title: string;
  /** Field value. */
  readonly value: string;
  /** Short enough to sit next to another field. @default - the integration's `shortFields` */
  readonly short?: boolean;
}

/** The table of a {@link MessageField}. */
export const MESSAGE_FIELD_FIELDS: readonly FieldSpec[] = [
  { prop: 'title', key: 'title', kind: 'template', required: true },
  { prop: 'value', key: 'value', kind: 'template', required: true },
  { prop: 'short', key: 'short', kind: 'boolean' },
];
