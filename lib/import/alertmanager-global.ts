import { Duration } from '../model/duration';
import { Secret } from '../model/secret';
import { unsupportedField } from './messages';
import { secretField } from './shared';
import { SourceNode } from './yaml-source';

/** The `global` defaults Alertmanager applies to every integration that does not set its own value. */
export interface IntegrationDefaults {
  /** `smtp_from`. @default - none: each email config needs `from` */
  readonly smtpFrom?: string;
  /** `smtp_smarthost`. @default - none: each email config needs `smarthost` */
  readonly smtpSmarthost?: string;
  /** `smtp_auth_username`. @default - no SMTP authentication */
  readonly smtpAuthUsername?: string;
  /** `smtp_auth_password_file`. @default - none */
  readonly smtpAuthPassword?: Secret;
  /** `smtp_require_tls`. @default - Alertmanager's default (true) */
  readonly smtpRequireTls?: boolean;
  /** `slack_api_url_file`. @default - none: each Slack config needs `api_url_file` */
  readonly slackApiUrl?: Secret;
  /** `opsgenie_api_key_file`. @default - none: each Opsgenie config needs `api_key_file` */
  readonly opsgenieApiKey?: Secret;
}

/** The imported `global` section. */
export interface ImportedGlobal {
  /** `resolve_timeout`. @default - Alertmanager's default (5m) */
  readonly resolveTimeout?: Duration;
  /** Defaults for the integrations. */
  readonly defaults: IntegrationDefaults;
}

/** The program name used in secret messages. */
export const ALERTMANAGER = 'Alertmanager';

const GLOBAL_KEYS = [
  'resolve_timeout', 'smtp_from', 'smtp_smarthost', 'smtp_auth_username', 'smtp_auth_password', 'smtp_auth_password_file',
  'smtp_require_tls', 'slack_api_url', 'slack_api_url_file', 'opsgenie_api_key', 'opsgenie_api_key_file',
];
const GLOBAL_UNSUPPORTED = [
  'http_config', 'smtp_hello', 'smtp_auth_secret', 'smtp_auth_identity', 'pagerduty_url', 'opsgenie_api_url', 'wechat_api_url',
  'wechat_api_secret', 'wechat_api_corp_id', 'victorops_api_url', 'victorops_api_key', 'victorops_api_key_file', 'telegram_api_url', 'webex_api_url',
];

/**
 * Imports Alertmanager's `global` section. The integration defaults (`smtp_*`, `slack_api_url_file`,
 * `opsgenie_api_key_file`) are applied to each integration, as Alertmanager does, because the rendered file sets
 * them per integration.
 */
export function importAlertmanagerGlobal(node: SourceNode | undefined): ImportedGlobal {
  if (node === undefined) return { defaults: {} };
  const global = node.map('global settings');
  const smtpAuthPassword = secretField(global, 'smtp_auth_password', ALERTMANAGER);
  const slackApiUrl = secretField(global, 'slack_api_url', ALERTMANAGER);
  const opsgenieApiKey = secretField(global, 'opsgenie_api_key', ALERTMANAGER);
  for (const key of GLOBAL_UNSUPPORTED) {
    if (!global.has(key)) continue;
    const at = global.keyOf(key);
    throw unsupportedField(at.where, at.field, 'global', key, GLOBAL_KEYS.filter((k) => !['smtp_auth_password', 'slack_api_url', 'opsgenie_api_key'].includes(k)));
  }
  global.checkKeys('global', GLOBAL_KEYS);
  const resolve = global.opt('resolve_timeout');
  return {
    resolveTimeout: resolve === undefined ? undefined : Duration.parse(resolve.string('a duration'), resolve.where, resolve.field),
    defaults: {
      smtpFrom: global.optString('smtp_from', 'an email address'),
      smtpSmarthost: global.optString('smtp_smarthost', 'an SMTP server as "host:port"'),
      smtpAuthUsername: global.optString('smtp_auth_username', 'a user name'),
      smtpAuthPassword,
      smtpRequireTls: global.optBoolean('smtp_require_tls'),
      slackApiUrl,
      opsgenieApiKey,
    },
  };
}
