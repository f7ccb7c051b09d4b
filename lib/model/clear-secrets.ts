import { invalid, MonitoringConfigError } from './errors';

// Credentials written where a URL or an HTTP header is given end up in clear text: in prometheus.yml,
// alertmanager.yml, cdk.tf.json, Terraform state, the programs' UIs and logs. These checks refuse them and point at
// the Secret to use instead; messages never print the value (URLs are shown with the credential masked).

/** What replaces a credential in messages. */
export const REDACTED = '<redacted>';

/** Words that make a query parameter or header name a credential, compared without case, `-` and `_`. */
const SECRET_WORDS = ['token', 'secret', 'password', 'passwd', 'apikey', 'signature', 'credential', 'authorization', 'privatekey', 'accesskey', 'sessionkey', 'sessionid', 'authkey', 'cookie'];
/** Names that are a credential by themselves (`?key=`, `?sig=` of Azure SAS URLs, `?code=` of Azure Functions). */
const SECRET_NAMES = new Set(['key', 'sig', 'code', 'auth', 'pass', 'pw', 'pwd', 'jwt', 'sas', 'hmac']);
/** Hosts whose webhook URLs are credentials by themselves: whoever has the URL can post. */
const SECRET_URL_HOSTS = [/^hooks\.slack\.com$/, /(^|\.)discord(app)?\.com$/, /\.webhook\.office\.com$/, /\.logic\.azure\.com$/, /\.powerplatform\.com$/];

function normalized(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

/** True for a query parameter or HTTP header name that carries a credential (`token`, `api_key`, `X-Api-Key`, `Authorization`, `sig`, ...). */
export function isCredentialName(name: string): boolean {
  const n = normalized(name);
  return SECRET_NAMES.has(n) || SECRET_WORDS.some((word) => n.includes(word));
}

/** What in a URL is a credential, or undefined. */
export type UrlCredential =
  | { readonly kind: 'userinfo' }
  | { readonly kind: 'parameter'; readonly name: string }
  | { readonly kind: 'host'; readonly host: string };

/** The first credential a URL carries: `user:password@`, a token-like query parameter, or a host whose URLs are secrets. */
export function urlCredential(url: string): UrlCredential | undefined {
  const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  if (authority.includes('@')) return { kind: 'userinfo' };
  let parsed: URL;
  try {
    // A path with a query (a metrics path) is read against a placeholder origin.
    parsed = new URL(url, 'http://localhost');
  } catch {
    return undefined;
  }
  const name = [...parsed.searchParams.keys()].find(isCredentialName);
  if (name !== undefined) return { kind: 'parameter', name };
  const host = SECRET_URL_HOSTS.find((h) => h.test(parsed.hostname));
  return host ? { kind: 'host', host: parsed.hostname } : undefined;
}

/**
 * The URL with every credential masked, for messages: user info, the values of token-like query parameters, and the
 * path of a URL that is a credential by itself (`https://hooks.slack.com/<redacted>`).
 */
export function redactUrl(url: string): string {
  let out = url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#]*@/, `$1${REDACTED}@`);
  out = out.replace(/([?&])([^=&#]*)=([^&#]*)/g, (all, sep: string, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // keep the raw name
    }
    return isCredentialName(decoded) ? `${sep}${name}=${REDACTED}` : all;
  });
  const credential = urlCredential(url);
  if (credential?.kind === 'host') out = out.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)[/?#].*$/, `$1/${REDACTED}`);
  return out;
}

/** The credential in words, for the message. */
function describeCredential(credential: UrlCredential): string {
  switch (credential.kind) {
    case 'userinfo':
      return 'the user:password@ part is a credential';
    case 'parameter':
      return `the ${credential.name} parameter is a credential`;
    case 'host':
      return `a ${credential.host} URL grants access by itself`;
  }
}

/**
 * Refuses a URL that carries a credential (`user:pass@`, `?token=...`, `?api_key=...`, `?sig=...`, a Slack or Teams
 * webhook URL); the message shows the URL masked and names what to use instead.
 * @param instead the Secret to use instead, e.g. `a Secret (Secret.fromVariable(...)) for the whole URL (url_file)`
 * @param where the construct
 * @param field the field that holds the URL
 */
export function checkUrlHasNoSecret(url: string, where: string, field: string, instead: string): void {
  if (typeof url !== 'string') return;
  const credential = urlCredential(url);
  if (credential === undefined) return;
  throw invalid(where, field, redactUrl(url), `${instead}; ${describeCredential(credential)} and would be written in clear text`);
}

/** Options of {@link checkHeadersHaveNoSecret}. */
export interface HeaderCheckOptions {
  /** True for a value that is not a literal (a Terraform reference), which is let through. @default - every string is a literal */
  readonly isReference?: (value: string) => boolean;
}

/**
 * Refuses a literal value for a credential header (`Authorization`, `Proxy-Authorization`, `X-Api-Key`, `Cookie`,
 * `X-Auth-Token`, ...). Values that are not strings (a Secret) are left to the caller. The value is never printed.
 * @param instead the Secret to use instead
 */
export function checkHeadersHaveNoSecret(
  headers: Readonly<Record<string, unknown>> | undefined,
  where: string,
  field: string,
  instead: string,
  options: HeaderCheckOptions = {},
): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value !== 'string' || !isCredentialName(name)) continue;
    if (options.isReference?.(value)) continue;
    throw invalid(where, `${field}.${name}`, REDACTED, `${instead}; a literal ${name} header is a credential and would be written in clear text`);
  }
}

/**
 * Refuses query parameters (`params` of a scrape job) whose name is a credential: Prometheus writes them into
 * prometheus.yml and sends them in every scrape URL, and cannot read them from a file.
 */
export function checkParamsHaveNoSecret(params: Readonly<Record<string, readonly string[]>> | undefined, where: string, field: string, instead: string): void {
  for (const name of Object.keys(params ?? {})) {
    if (!isCredentialName(name)) continue;
    throw new MonitoringConfigError(
      where,
      `${field}.${name}`,
      `got ${JSON.stringify(REDACTED)}, expected ${instead}; the ${name} parameter is a credential and would be written in clear text`,
    );
  }
}
