/** Email, webhooks, Pushover and Amazon SNS (sources: ./fields.ts). */
import { Duration } from '../duration';
import { Secret } from '../secret';
import { HTTP_CONFIG_FIELD, HttpIntegrationOptions, IntegrationOptions } from './common';
import { IntegrationSpec } from './fields';
import { TLS_FIELDS, TlsOptions } from './http-config';

/** HTTP credentials for a webhook call, kept out of the rendered file (a short form of `httpConfig`). */
export interface WebhookAuth {
  /** `Authorization: Bearer <token>`, the token read from a file. @default - none */
  readonly bearerToken?: Secret;
  /** Basic auth user; the password comes from `password`. @default - none */
  readonly username?: string;
  /** Basic auth password. @default - none */
  readonly password?: Secret;
}

/** A generic webhook (`webhook_configs`). */
export interface WebhookOptions extends HttpIntegrationOptions {
  /**
   * The URL Alertmanager POSTs to. A URL that grants access by itself (a token in its path or query, a chat
   * service's incoming webhook) is a Secret: Alertmanager reads it from a file (`url_file`, Alertmanager 0.28+).
   * A plain string is for URLs that carry no credential (an in-network bridge); put credentials in `auth`.
   */
  readonly url: string | Secret;
  /** Most alerts sent in one message (0 = all). @default 0 */
  readonly maxAlerts?: number;
  /** Credentials for the call (a short form of `httpConfig.authorization` / `httpConfig.basicAuth`). @default - none */
  readonly auth?: WebhookAuth;
  /** Time limit of one call (Alertmanager 0.28+). @default - none */
  readonly timeout?: Duration | string;
  /** A custom JSON body; string values are Go templates (Alertmanager 0.32+). @default - Alertmanager's webhook payload */
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** Email threading (Alertmanager 0.30+). */
export interface EmailThreading {
  /** Group the emails of an alert group into one thread. @default false */
  readonly enabled?: boolean;
  /** `none` or `daily` (a new thread every day). @default - none (required with `enabled`) */
  readonly threadByDate?: 'none' | 'daily';
}

/** An email (`email_configs`). */
export interface EmailOptions extends IntegrationOptions {
  /** Recipient address(es), comma-separated. */
  readonly to: string;
  /** Sender address. @default - `alertmanager.global.smtpFrom`; one of them is required */
  readonly from?: string;
  /** SMTP server as `host:port`. @default - `alertmanager.global.smtpSmarthost`; one of them is required */
  readonly smarthost?: string;
  /** SMTP user. @default - `global.smtpAuthUsername`, else no SMTP authentication */
  readonly authUsername?: string;
  /** SMTP password, read from a file. @default - `global.smtpAuthPassword` */
  readonly authPassword?: Secret;
  /** Require STARTTLS. @default - `global.smtpRequireTls`, else true */
  readonly requireTls?: boolean;
  /**
   * Subject line (Go template). Alertmanager has no `subject` field: it is sent as the `Subject` header.
   * @default - Alertmanager's default subject template
   */
  readonly subject?: string;
  /** HTML body (Go template). @default - Alertmanager's default email template */
  readonly html?: string;
  /** Plain-text body (Go template). @default - none */
  readonly text?: string;
  /** Further headers (Go templates); use `subject` for the subject. @default - none */
  readonly headers?: Readonly<Record<string, string>>;
  /** Host name sent in HELO/EHLO. @default - `global.smtpHello`, else "localhost" */
  readonly hello?: string;
  /** CRAM-MD5 secret, read from a file (Alertmanager 0.31+). @default - `global.smtpAuthSecret` */
  readonly authSecret?: Secret;
  /** PLAIN auth identity. @default - `global.smtpAuthIdentity` */
  readonly authIdentity?: string;
  /** TLS of the SMTP connection. @default - `global.smtpTlsConfig` */
  readonly tlsConfig?: TlsOptions;
  /** Implicit TLS (true) or STARTTLS (false) (Alertmanager 0.31+). @default - implicit on port 465 */
  readonly forceImplicitTls?: boolean;
  /** Threading (Alertmanager 0.30+). @default - no threading */
  readonly threading?: EmailThreading;
}

/** Pushover (`pushover_configs`). */
export interface PushoverOptions extends HttpIntegrationOptions {
  /** The recipient's user key, a secret. */
  readonly userKey: Secret;
  /** The application token, a secret. */
  readonly token: Secret;
  /** Title (Go template). @default - Alertmanager's default */
  readonly title?: string;
  /** Message (Go template). @default - Alertmanager's default */
  readonly message?: string;
  /** Supplementary URL (Go template). @default - Alertmanager's default */
  readonly url?: string;
  /** Title of the URL (Go template). @default - none */
  readonly urlTitle?: string;
  /** Device name(s) (Go template). @default - all the user's devices */
  readonly device?: string;
  /** Sound name (Go template). @default - the user's default */
  readonly sound?: string;
  /** Priority (Go template). @default - 2 when firing, 0 when resolved */
  readonly priority?: string;
  /** How often an emergency notification repeats. @default 1m */
  readonly retry?: Duration | string;
  /** How long an emergency notification repeats. @default 1h */
  readonly expire?: Duration | string;
  /** Time to live of the message (Alertmanager 0.27+). @default - none */
  readonly ttl?: Duration | string;
  /** Send the message as HTML. @default false */
  readonly html?: boolean;
  /** Send the message in a monospace font (Alertmanager 0.29+). @default false */
  readonly monospace?: boolean;
}

/** AWS Signature v4 of SNS calls (`sigv4`). Static keys are not taken: they would be literal in the file. */
export interface SigV4Options {
  /** AWS region. @default - from the environment */
  readonly region?: string;
  /** Named AWS profile. @default - the default chain */
  readonly profile?: string;
  /** Role to assume. @default - none */
  readonly roleArn?: string;
  /** External id of the role (Alertmanager 0.34+). @default - none */
  readonly externalId?: string;
  /** Use the FIPS STS endpoint (Alertmanager 0.29+). @default false */
  readonly useFipsStsEndpoint?: boolean;
  /** Service name to sign for (Alertmanager 0.29+). @default "sns" */
  readonly serviceName?: string;
}

/** Amazon SNS (`sns_configs`): exactly one of `topicArn`, `phoneNumber` and `targetArn`. */
export interface SnsOptions extends HttpIntegrationOptions {
  /** SNS API endpoint. @default - the region's */
  readonly apiUrl?: string;
  /** Signing. @default - the AWS default credential chain */
  readonly sigv4?: SigV4Options;
  /** Topic to publish to. @default - none */
  readonly topicArn?: string;
  /** Phone number for SMS (E.164). @default - none */
  readonly phoneNumber?: string;
  /** Mobile endpoint ARN. @default - none */
  readonly targetArn?: string;
  /** Subject (Go template). @default - Alertmanager's default */
  readonly subject?: string;
  /** Message (Go template). @default - Alertmanager's default */
  readonly message?: string;
  /** Message attributes. @default - none */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Use the AWS SDK's HTTP client (Alertmanager 0.33+). @default false */
  readonly useAwsHttpClient?: boolean;
}

const T = 'template' as const;

/** `webhook_configs`. */
export const WEBHOOK: IntegrationSpec = {
  type: 'webhook',
  key: 'webhook_configs',
  title: 'webhook',
  sendResolved: true,
  custom: ['url', 'auth'],
  fields: [
    { prop: 'maxAlerts', key: 'max_alerts', kind: 'integer' },
    HTTP_CONFIG_FIELD,
    { prop: 'timeout', key: 'timeout', kind: 'goDuration', minor: 28 },
    { prop: 'payload', key: 'payload', kind: 'anyMap', minor: 32 },
  ],
};

/** `email_configs`. */
export const EMAIL: IntegrationSpec = {
  type: 'email',
  key: 'email_configs',
  title: 'email',
  sendResolved: false,
  custom: ['subject'],
  fields: [
    { prop: 'to', key: 'to', kind: T, required: true },
    { prop: 'from', key: 'from', kind: T },
    { prop: 'smarthost', key: 'smarthost', kind: 'string' },
    { prop: 'authUsername', key: 'auth_username', kind: 'string' },
    { prop: 'authPassword', key: 'auth_password', kind: 'secret' },
    { prop: 'requireTls', key: 'require_tls', kind: 'boolean' },
    { prop: 'headers', key: 'headers', kind: 'stringMap' },
    { prop: 'html', key: 'html', kind: T },
    { prop: 'text', key: 'text', kind: T },
    { prop: 'hello', key: 'hello', kind: 'string' },
    { prop: 'authSecret', key: 'auth_secret', kind: 'secret', minor: 31 },
    { prop: 'authIdentity', key: 'auth_identity', kind: 'string' },
    { prop: 'tlsConfig', key: 'tls_config', kind: { object: TLS_FIELDS } },
    { prop: 'forceImplicitTls', key: 'force_implicit_tls', kind: 'boolean', minor: 31 },
    {
      prop: 'threading',
      key: 'threading',
      minor: 30,
      kind: { object: [{ prop: 'enabled', key: 'enabled', kind: 'boolean' }, { prop: 'threadByDate', key: 'thread_by_date', kind: 'string', oneOf: ['none', 'daily'] }] },
    },
  ],
};

/** `pushover_configs`. */
export const PUSHOVER: IntegrationSpec = {
  type: 'pushover',
  key: 'pushover_configs',
  title: 'Pushover',
  sendResolved: true,
  fields: [
    { prop: 'userKey', key: 'user_key', kind: 'secret', required: true, minor: 26 },
    { prop: 'token', key: 'token', kind: 'secret', required: true, minor: 26 },
    { prop: 'title', key: 'title', kind: T },
    { prop: 'message', key: 'message', kind: T },
    { prop: 'url', key: 'url', kind: T },
    { prop: 'urlTitle', key: 'url_title', kind: T },
    { prop: 'device', key: 'device', kind: T, minor: 26 },
    { prop: 'sound', key: 'sound', kind: T },
    { prop: 'priority', key: 'priority', kind: T },
    { prop: 'retry', key: 'retry', kind: 'goDuration' },
    { prop: 'expire', key: 'expire', kind: 'goDuration' },
    { prop: 'ttl', key: 'ttl', kind: 'goDuration', minor: 27 },
    { prop: 'html', key: 'html', kind: 'boolean' },
    { prop: 'monospace', key: 'monospace', kind: 'boolean', minor: 29 },
    HTTP_CONFIG_FIELD,
  ],
};

/** `sns_configs`. */
export const SNS: IntegrationSpec = {
  type: 'sns',
  key: 'sns_configs',
  title: 'Amazon SNS',
  sendResolved: true,
  fields: [
    { prop: 'apiUrl', key: 'api_url', kind: 'url' },
    {
      prop: 'sigv4',
      key: 'sigv4',
      alertmanagerOnly: ['access_key', 'secret_key'],
      kind: {
        object: [
          { prop: 'region', key: 'region', kind: 'string' },
          { prop: 'profile', key: 'profile', kind: 'string' },
          { prop: 'roleArn', key: 'role_arn', kind: 'string' },
          { prop: 'externalId', key: 'external_id', kind: 'string', minor: 34 },
          // prometheus/sigv4 v0.2.1, first required by Alertmanager v0.29.0 (0.28 used common/sigv4 v0.1.0).
          { prop: 'useFipsStsEndpoint', key: 'use_fips_sts_endpoint', kind: 'boolean', minor: 29 },
          { prop: 'serviceName', key: 'service_name', kind: 'string', minor: 29 },
        ],
      },
    },
    { prop: 'topicArn', key: 'topic_arn', kind: T },
    { prop: 'phoneNumber', key: 'phone_number', kind: T },
    { prop: 'targetArn', key: 'target_arn', kind: T },
    { prop: 'subject', key: 'subject', kind: T },
    { prop: 'message', key: 'message', kind: T },
    { prop: 'attributes', key: 'attributes', kind: 'stringMap' },
    { prop: 'useAwsHttpClient', key: 'use_aws_http_client', kind: 'boolean', minor: 33 },
    HTTP_CONFIG_FIELD,
  ],
};

/** Keys of `sigv4` that are not taken, with the reason. */
export const SIGV4_NOT_SUPPORTED: Readonly<Record<string, string>> = {
  access_key: 'static AWS keys would sit literally in alertmanager.yml (sigv4 has no file form): use `role_arn`, `profile` or the container\'s AWS credentials',
  secret_key: 'static AWS keys would sit literally in alertmanager.yml (sigv4 has no file form): use `role_arn`, `profile` or the container\'s AWS credentials',
};
