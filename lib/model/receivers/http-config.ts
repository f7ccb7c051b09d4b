/**
 * `http_config` and `tls_config` of Alertmanager integrations (prometheus/common v0.70.1 config/http_config.go, the
 * version Alertmanager v0.34.0 builds with; see ./fields.ts). Secrets are Secrets, rendered as `*_file`.
 */
import { invalid, MonitoringConfigError } from '../errors';
import { Secret } from '../secret';
import { checkFields, FieldSpec } from './fields';

/** TLS settings of a connection (`tls_config`). */
export interface TlsOptions {
  /** CA certificate(s), PEM text. @default - the system's CAs */
  readonly ca?: string;
  /** CA certificate file inside the Alertmanager container. @default - the system's CAs */
  readonly caFile?: string;
  /** Client certificate, PEM text. @default - no client certificate */
  readonly cert?: string;
  /** Client certificate file inside the container. @default - no client certificate */
  readonly certFile?: string;
  /** Client key, read from a file (`key_file`). @default - no client key */
  readonly key?: Secret;
  /** Server name to verify the certificate against (SNI). @default - the host of the URL */
  readonly serverName?: string;
  /** Skip certificate verification (insecure). @default false */
  readonly insecureSkipVerify?: boolean;
  /** Lowest TLS version: `TLS10`, `TLS11`, `TLS12` or `TLS13`. @default TLS12 */
  readonly minVersion?: 'TLS10' | 'TLS11' | 'TLS12' | 'TLS13';
  /** Highest TLS version. @default - the newest Go supports */
  readonly maxVersion?: 'TLS10' | 'TLS11' | 'TLS12' | 'TLS13';
}

/** Basic authentication (`basic_auth`). */
export interface BasicAuthOptions {
  /** User name. @default - none: set `username` or `usernameFile` */
  readonly username?: string;
  /** File holding the user name, inside the container. @default - none */
  readonly usernameFile?: string;
  /** Password, read from a file (`password_file`). @default - no password */
  readonly password?: Secret;
}

/** An `Authorization` header (`authorization`). */
export interface AuthorizationOptions {
  /** The scheme. @default "Bearer" */
  readonly type?: string;
  /** The credentials, read from a file (`credentials_file`). */
  readonly credentials: Secret;
}

/** Proxy settings (inline in `http_config` and `oauth2`). */
export interface ProxyOptions {
  /** Proxy URL, e.g. `http://proxy.internal:3128`. @default - no proxy */
  readonly proxyUrl?: string;
  /** Comma-separated hosts, IPs or CIDRs that bypass the proxy. @default - none */
  readonly noProxy?: string;
  /** Use the proxy of the environment (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`). @default false */
  readonly proxyFromEnvironment?: boolean;
}

/** OAuth 2.0 client credentials or JWT bearer grant (`oauth2`). */
export interface OAuth2Options extends ProxyOptions {
  /** Client id. */
  readonly clientId: string;
  /** Client secret, read from a file (`client_secret_file`). @default - none (JWT grant) */
  readonly clientSecret?: Secret;
  /** Key id of the JWT signing key (Alertmanager 0.30+). @default - none */
  readonly clientCertificateKeyId?: string;
  /** JWT signing key, read from a file (Alertmanager 0.30+). @default - none */
  readonly clientCertificateKey?: Secret;
  /** Grant type, e.g. `urn:ietf:params:oauth:grant-type:jwt-bearer` (Alertmanager 0.30+). @default "client_credentials" */
  readonly grantType?: string;
  /** JWT signature algorithm: RS256, RS384 or RS512 (Alertmanager 0.30+). @default "RS256" */
  readonly signatureAlgorithm?: string;
  /** JWT issuer (Alertmanager 0.30+). @default - none */
  readonly iss?: string;
  /** JWT audience (Alertmanager 0.30+). @default - none */
  readonly audience?: string;
  /** Extra JWT claims (Alertmanager 0.30+). @default - none */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Scopes. @default - none */
  readonly scopes?: readonly string[];
  /** Token endpoint. */
  readonly tokenUrl: string;
  /** Extra parameters of the token request. @default - none */
  readonly endpointParams?: Readonly<Record<string, string>>;
  /** TLS of the token request. @default - defaults */
  readonly tlsConfig?: TlsOptions;
}

/** The HTTP client of an integration (`http_config`). */
export interface HttpClientOptions extends ProxyOptions {
  /** Basic authentication. @default - none */
  readonly basicAuth?: BasicAuthOptions;
  /** An Authorization header. @default - none */
  readonly authorization?: AuthorizationOptions;
  /** OAuth 2.0. @default - none */
  readonly oauth2?: OAuth2Options;
  /** TLS settings. @default - defaults */
  readonly tlsConfig?: TlsOptions;
  /** Follow HTTP 3xx redirects. @default true */
  readonly followRedirects?: boolean;
  /** Try HTTP/2. @default true */
  readonly enableHttp2?: boolean;
}

const TLS_VERSIONS = ['TLS10', 'TLS11', 'TLS12', 'TLS13'];

/** `tls_config`. Versions of prometheus/common's fields: the Alertmanager that first required that common release. */
export const TLS_FIELDS: readonly FieldSpec[] = [
  // Inline `ca`/`cert`: prometheus/common v0.44.0, first required by Alertmanager v0.26.0.
  { prop: 'ca', key: 'ca', kind: 'string', minor: 26 },
  { prop: 'caFile', key: 'ca_file', kind: 'string' },
  { prop: 'cert', key: 'cert', kind: 'string', minor: 26 },
  { prop: 'certFile', key: 'cert_file', kind: 'string' },
  { prop: 'key', key: 'key', kind: 'secret' },
  { prop: 'serverName', key: 'server_name', kind: 'string' },
  { prop: 'insecureSkipVerify', key: 'insecure_skip_verify', kind: 'boolean' },
  { prop: 'minVersion', key: 'min_version', kind: 'string', oneOf: TLS_VERSIONS },
  { prop: 'maxVersion', key: 'max_version', kind: 'string', oneOf: TLS_VERSIONS },
];

const PROXY_FIELDS: readonly FieldSpec[] = [
  { prop: 'proxyUrl', key: 'proxy_url', kind: 'url' },
  // prometheus/common v0.44.0 (Alertmanager v0.26.0).
  { prop: 'noProxy', key: 'no_proxy', kind: 'string', minor: 26 },
  { prop: 'proxyFromEnvironment', key: 'proxy_from_environment', kind: 'boolean', minor: 26 },
];

const JWT_MINOR = 30; // prometheus/common v0.67.4, first required by Alertmanager v0.30.0

/** `http_config`. */
export const HTTP_CONFIG_FIELDS: readonly FieldSpec[] = [
  {
    prop: 'basicAuth',
    key: 'basic_auth',
    kind: {
      object: [
        { prop: 'username', key: 'username', kind: 'string' },
        { prop: 'usernameFile', key: 'username_file', kind: 'string', minor: 27 }, // prometheus/common v0.46.0
        { prop: 'password', key: 'password', kind: 'secret' },
      ],
    },
  },
  {
    prop: 'authorization',
    key: 'authorization',
    kind: {
      object: [
        { prop: 'type', key: 'type', kind: 'string' },
        { prop: 'credentials', key: 'credentials', kind: 'secret', required: true },
      ],
    },
  },
  {
    prop: 'oauth2',
    key: 'oauth2',
    kind: {
      object: [
        { prop: 'clientId', key: 'client_id', kind: 'string', required: true },
        { prop: 'clientSecret', key: 'client_secret', kind: 'secret' },
        { prop: 'clientCertificateKeyId', key: 'client_certificate_key_id', kind: 'string', minor: JWT_MINOR },
        { prop: 'clientCertificateKey', key: 'client_certificate_key', kind: 'secret', minor: JWT_MINOR },
        { prop: 'grantType', key: 'grant_type', kind: 'string', minor: JWT_MINOR },
        { prop: 'signatureAlgorithm', key: 'signature_algorithm', kind: 'string', oneOf: ['RS256', 'RS384', 'RS512'], minor: JWT_MINOR },
        { prop: 'iss', key: 'iss', kind: 'string', minor: JWT_MINOR },
        { prop: 'audience', key: 'audience', kind: 'string', minor: JWT_MINOR },
        { prop: 'claims', key: 'claims', kind: 'anyMap', minor: JWT_MINOR },
        { prop: 'scopes', key: 'scopes', kind: 'strings' },
        { prop: 'tokenUrl', key: 'token_url', kind: 'url', required: true },
        { prop: 'endpointParams', key: 'endpoint_params', kind: 'stringMap' },
        { prop: 'tlsConfig', key: 'tls_config', kind: { object: TLS_FIELDS } },
        ...PROXY_FIELDS,
      ],
    },
  },
  { prop: 'tlsConfig', key: 'tls_config', kind: { object: TLS_FIELDS } },
  { prop: 'followRedirects', key: 'follow_redirects', kind: 'boolean' },
  { prop: 'enableHttp2', key: 'enable_http2', kind: 'boolean' },
  ...PROXY_FIELDS,
];

/**
 * Keys of prometheus/common's HTTP client that the model does not take, with the reason (shown by the importer and
 * for a property of that name in code).
 */
export const HTTP_CONFIG_NOT_SUPPORTED: Readonly<Record<string, string>> = {
  bearer_token: 'a literal secret: use `authorization: { credentials_file: ... }` (typed: authorization.credentials, a Secret)',
  http_headers: 'extra request headers are not modelled; put credentials in `authorization` or `basic_auth`',
  proxy_connect_header: 'its values are literal secrets in alertmanager.yml (no file form)',
};

/** Checks an `http_config`: types, and the combinations prometheus/common refuses (HTTPClientConfig.Validate). */
export function checkHttpConfig(value: unknown, where: string, field: string): void {
  checkFields(value, HTTP_CONFIG_FIELDS, where, field, Object.keys(HTTP_CONFIG_NOT_SUPPORTED));
  const http = value as HttpClientOptions;
  const auths = (['basicAuth', 'authorization', 'oauth2'] as const).filter((k) => http[k] !== undefined);
  if (auths.length > 1) throw invalid(where, `${field}.${auths[1]}`, auths.join(' and '), 'at most one of basicAuth, authorization and oauth2');
  checkProxy(http, where, field);
  if (http.oauth2) checkProxy(http.oauth2, where, `${field}.oauth2`);
  const basic = http.basicAuth;
  if (basic && basic.username !== undefined && basic.usernameFile !== undefined) {
    throw invalid(where, `${field}.basicAuth.usernameFile`, basic.usernameFile, 'either username or usernameFile, not both');
  }
  if (http.authorization?.type !== undefined && http.authorization.type.toLowerCase() === 'basic') {
    throw invalid(where, `${field}.authorization.type`, http.authorization.type, 'another scheme than "Basic": use basicAuth for basic authentication');
  }
}

function checkProxy(p: ProxyOptions, where: string, field: string): void {
  if (p.proxyFromEnvironment && p.proxyUrl !== undefined) {
    throw new MonitoringConfigError(where, `${field}.proxyUrl`, 'is set together with proxyFromEnvironment; expected one of them');
  }
  if (p.noProxy !== undefined && p.proxyUrl === undefined) {
    throw new MonitoringConfigError(where, `${field}.noProxy`, 'is set without proxyUrl; expected proxyUrl too (Alertmanager refuses no_proxy alone)');
  }
}
