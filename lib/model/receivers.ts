import { checkUrlHasNoSecret } from './clear-secrets';
import { invalid, missing } from './errors';
import { checkIntegrationTemplates } from './go-template-check';
import { Secret } from './secret';
import { checkEmailAddresses, checkMaxAlerts } from './receiver-values';

/** Options shared by every integration. */
export interface IntegrationOptions {
  /**
   * Also notify when the alert resolves.
   * @default - Alertmanager's default for the integration (true for webhook, Slack is false, email false, PagerDuty true)
   */
  readonly sendResolved?: boolean;
}

/** HTTP credentials for a webhook call, kept out of the rendered file. */
export interface WebhookAuth {
  /** `Authorization: Bearer <token>`, the token read from a file. @default - none */
  readonly bearerToken?: Secret;
  /** Basic auth user; the password comes from `password`. @default - none */
  readonly username?: string;
  /** Basic auth password. @default - none */
  readonly password?: Secret;
}

/** A generic webhook (`webhook_configs`). */
export interface WebhookOptions extends IntegrationOptions {
  /**
   * The URL Alertmanager POSTs to. A URL that grants access by itself (a token in its path or query, a chat
   * service's incoming webhook) is a Secret: Alertmanager reads it from a file (`url_file`, Alertmanager 0.28+).
   * A plain string is for URLs that carry no credential (an in-network bridge); put credentials in `auth`.
   */
  readonly url: string | Secret;
  /** Most alerts sent in one message (0 = all). @default 0 */
  readonly maxAlerts?: number;
  /** Credentials for the call. @default - none */
  readonly auth?: WebhookAuth;
}

/** An email (`email_configs`). */
export interface EmailOptions extends IntegrationOptions {
  /** Recipient address(es), comma-separated. */
  readonly to: string;
  /** Sender address. */
  readonly from: string;
  /** SMTP server as `host:port`. */
  readonly smarthost: string;
  /** SMTP user. @default - no SMTP authentication */
  readonly authUsername?: string;
  /** SMTP password, read from a file. @default - none */
  readonly authPassword?: Secret;
  /** Require STARTTLS. @default true */
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
}

/** A Slack incoming webhook (`slack_configs`). */
export interface SlackOptions extends IntegrationOptions {
  /** The incoming-webhook URL, a secret (it grants posting rights). */
  readonly apiUrl: Secret;
  /** Channel, e.g. `#alerts`. @default - the webhook's channel */
  readonly channel?: string;
  /** Message title (Go template). @default - Alertmanager's default */
  readonly title?: string;
  /** Message text (Go template). @default - Alertmanager's default */
  readonly text?: string;
}

/** PagerDuty Events API v2 (`pagerduty_configs`). */
export interface PagerDutyOptions extends IntegrationOptions {
  /** The integration's routing key, a secret. */
  readonly routingKey: Secret;
  /** PagerDuty severity (Go template). @default - Alertmanager's default ("error") */
  readonly severity?: string;
  /** Incident description (Go template). @default - Alertmanager's default */
  readonly description?: string;
}

/** An Opsgenie responder: who gets the alert. */
export interface OpsgenieResponder {
  /** `team`, `user`, `escalation` or `schedule`. */
  readonly type: 'team' | 'user' | 'escalation' | 'schedule';
  /** The responder's name. */
  readonly name: string;
}

/** Opsgenie (`opsgenie_configs`). */
export interface OpsgenieOptions extends IntegrationOptions {
  /** The Opsgenie API key, a secret. */
  readonly apiKey: Secret;
  /** Alert text (Go template). @default - Alertmanager's default */
  readonly message?: string;
  /** Priority P1–P5 (Go template allowed). @default - Opsgenie's default (P3) */
  readonly priority?: string;
  /** Who is notified. @default - Opsgenie's routing */
  readonly responders?: readonly OpsgenieResponder[];
  /** Comma-separated tags. @default - none */
  readonly tags?: string;
}

/**
 * Microsoft Teams through a Workflows (Power Automate) webhook (`msteamsv2_configs`). Office 365 connectors are
 * retired; Alertmanager supports Workflows from 0.28 (the default `alertmanager.version`; an environment set to an
 * older version refuses this receiver).
 */
export interface MsTeamsOptions extends IntegrationOptions {
  /** The Workflows webhook URL, a secret. */
  readonly webhookUrl: Secret;
  /** Card title (Go template). @default - Alertmanager's default */
  readonly title?: string;
  /** Card text (Go template). @default - Alertmanager's default */
  readonly text?: string;
}

/** One notification integration of a receiver. */
export type Integration =
  | { readonly type: 'webhook'; readonly options: WebhookOptions }
  | { readonly type: 'email'; readonly options: EmailOptions }
  | { readonly type: 'slack'; readonly options: SlackOptions }
  | { readonly type: 'pagerduty'; readonly options: PagerDutyOptions }
  | { readonly type: 'opsgenie'; readonly options: OpsgenieOptions }
  | { readonly type: 'msteams'; readonly options: MsTeamsOptions };

/**
 * Where notifications go: a named receiver with one or more integrations.
 *
 * `Receiver.slack('team', {...})` covers the common single-integration case; `Receiver.of('oncall', [...])`
 * combines several (e.g. PagerDuty and Slack); `Receiver.discard('null')` is the explicit "send nowhere".
 */
export class Receiver {
  /** A webhook receiver. */
  public static webhook(name: string, options: WebhookOptions): Receiver {
    return new Receiver(name, [{ type: 'webhook', options }], false);
  }
  /** An email receiver. */
  public static email(name: string, options: EmailOptions): Receiver {
    return new Receiver(name, [{ type: 'email', options }], false);
  }
  /** A Slack receiver. */
  public static slack(name: string, options: SlackOptions): Receiver {
    return new Receiver(name, [{ type: 'slack', options }], false);
  }
  /** A PagerDuty receiver. */
  public static pagerduty(name: string, options: PagerDutyOptions): Receiver {
    return new Receiver(name, [{ type: 'pagerduty', options }], false);
  }
  /** An Opsgenie receiver. */
  public static opsgenie(name: string, options: OpsgenieOptions): Receiver {
    return new Receiver(name, [{ type: 'opsgenie', options }], false);
  }
  /** A Microsoft Teams receiver (Workflows webhook; Alertmanager 0.28+, see {@link MsTeamsOptions}). */
  public static msteams(name: string, options: MsTeamsOptions): Receiver {
    return new Receiver(name, [{ type: 'msteams', options }], false);
  }
  /** A receiver with several integrations. */
  public static of(name: string, integrations: readonly Integration[]): Receiver {
    return new Receiver(name, [...integrations], false);
  }
  /** A receiver that deliberately notifies nobody (routes that silence a class of alerts). */
  public static discard(name: string): Receiver {
    return new Receiver(name, [], true);
  }
  /** Integration builders for {@link Receiver.of}. */
  public static readonly integration = {
    webhook: (options: WebhookOptions): Integration => ({ type: 'webhook', options }),
    email: (options: EmailOptions): Integration => ({ type: 'email', options }),
    slack: (options: SlackOptions): Integration => ({ type: 'slack', options }),
    pagerduty: (options: PagerDutyOptions): Integration => ({ type: 'pagerduty', options }),
    opsgenie: (options: OpsgenieOptions): Integration => ({ type: 'opsgenie', options }),
    msteams: (options: MsTeamsOptions): Integration => ({ type: 'msteams', options }),
  };

  private constructor(
    /** The receiver's name, referenced by routes. */
    public readonly name: string,
    /** Its integrations. */
    public readonly integrations: readonly Integration[],
    /** True for an intentional no-op receiver. */
    public readonly discards: boolean,
  ) {}

  /** Validates the receiver; `where` names the owning construct. */
  public validate(where: string): void {
    if (typeof this.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.:-]*$/.test(this.name)) {
      throw invalid(where, 'receivers[].name', this.name, 'a receiver name of letters, digits, ".", "_", ":" and "-"');
    }
    const here = `${where}, receiver ${this.name}`;
    if (!this.discards && this.integrations.length === 0) {
      throw invalid(here, 'integrations', [], 'at least one integration (webhook, email, slack, pagerduty, opsgenie, msteams); use Receiver.discard(name) for a receiver that notifies nobody');
    }
    this.integrations.forEach((integration, i) => validateIntegration(integration, here, `integrations[${i}]`));
  }
}

function checkUrl(value: unknown, where: string, field: string): void {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/?#]+([/?#]\S*)?$/.test(value)) {
    throw invalid(where, field, value, 'an http:// or https:// URL');
  }
}

/** What to use instead of a webhook URL that carries a credential. */
const WEBHOOK_URL_SECRET =
  'a Secret for the whole URL (Secret.fromVariable(...) or Secret.fromFile(...)), which Alertmanager reads from a file (url_file) ' +
  'so it never appears in alertmanager.yml, or a URL without the credential and auth with a Secret';

function requireSecret(value: unknown, where: string, field: string): void {
  if (value === undefined) throw missing(where, field, 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...))');
  if (!(value instanceof Secret)) {
    throw invalid(where, field, '<redacted>', 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...)); secrets are never written into alertmanager.yml');
  }
}

function validateIntegration(integration: Integration, where: string, field: string): void {
  if (integration === null || typeof integration !== 'object') {
    throw invalid(where, field, integration, 'an integration from Receiver.integration.*');
  }
  const here = `${where}, ${integration.type}`;
  switch (integration.type) {
    case 'webhook': {
      const url = integration.options.url;
      if (!(url instanceof Secret)) {
        // The credential check comes first: the URL check's message shows the URL as given.
        checkUrlHasNoSecret(url, here, 'url', WEBHOOK_URL_SECRET);
        checkUrl(url, here, 'url');
      }
      checkMaxAlerts(integration.options.maxAlerts, here);
      const auth = integration.options.auth;
      if (auth?.bearerToken !== undefined) requireSecret(auth.bearerToken, here, 'auth.bearerToken');
      if (auth?.password !== undefined || auth?.username !== undefined) {
        if (!auth.username) throw missing(here, 'auth.username', 'a user name for basic auth');
        requireSecret(auth.password, here, 'auth.password');
        if (auth.bearerToken) throw invalid(here, 'auth', 'bearerToken and basic auth', 'one of bearerToken or username/password');
      }
      break;
    }
    case 'email': {
      const o = integration.options;
      checkEmailAddresses(o, here);
      if (typeof o.smarthost !== 'string' || !/^[^\s:]+:\d+$/.test(o.smarthost)) {
        throw invalid(here, 'smarthost', o.smarthost, 'an SMTP server as "host:port", e.g. "smtp.example.com:587"');
      }
      if (o.authPassword !== undefined) requireSecret(o.authPassword, here, 'authPassword');
      if (o.authPassword !== undefined && !o.authUsername) throw missing(here, 'authUsername', 'the SMTP user that goes with authPassword');
      break;
    }
    case 'slack':
      requireSecret(integration.options.apiUrl, here, 'apiUrl');
      if (integration.options.channel !== undefined && !/^[#@]?[\w.-]+$/.test(integration.options.channel)) {
        throw invalid(here, 'channel', integration.options.channel, 'a channel such as "#alerts"');
      }
      break;
    case 'pagerduty':
      requireSecret(integration.options.routingKey, here, 'routingKey');
      break;
    case 'opsgenie': {
      requireSecret(integration.options.apiKey, here, 'apiKey');
      const priority = integration.options.priority;
      if (priority !== undefined && !/^P[1-5]$/.test(priority) && !priority.includes('{{')) {
        throw invalid(here, 'priority', priority, 'P1, P2, P3, P4 or P5 (or a Go template)');
      }
      (integration.options.responders ?? []).forEach((r, i) => {
        if (!['team', 'user', 'escalation', 'schedule'].includes(r?.type) || typeof r.name !== 'string' || r.name === '') {
          throw invalid(here, `responders[${i}]`, r, '{ type: "team" | "user" | "escalation" | "schedule", name: "..." }');
        }
      });
      break;
    }
    case 'msteams':
      requireSecret(integration.options.webhookUrl, here, 'webhookUrl');
      break;
    default:
      throw invalid(where, `${field}.type`, (integration as { type: unknown }).type, 'one of webhook, email, slack, pagerduty, opsgenie, msteams');
  }
  checkIntegrationTemplates(integration, here);
}
