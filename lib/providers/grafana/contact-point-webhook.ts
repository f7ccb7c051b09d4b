/**
 * The `webhook` integration block of `grafana_contact_point` and its nested blocks
 * (schema: terraform-provider-grafana docs/resources/contact_point.md).
 */
import * as cdktf from 'cdktf';
import {
  assertNotComplex,
  definedHcl,
  hclBoolean,
  hclNumber,
  hclSingleBlock,
  hclString,
  hclStringList,
  hclStringMap,
  passThrough,
} from './common';
import {
  contactPointIntegrationCommonToHclTerraform,
  contactPointIntegrationCommonToTerraform,
  type ContactPointIntegrationCommon,
} from './contact-point-common';

/** Signs each request with an HMAC (block `webhook.hmac_config`, at most one). */
export interface ContactPointWebhookHmacConfig {
  /** Key the signature is computed with. Sensitive. Terraform: `secret` (required). */
  readonly secret: string;
  /**
   * Header carrying the signature. Terraform: `header`.
   * @default "X-Grafana-Alerting-Signature"
   */
  readonly header?: string;
  /** Header carrying a timestamp, which is then included in the signature. Terraform: `timestamp_header`. */
  readonly timestampHeader?: string;
}

export function contactPointWebhookHmacConfigToTerraform(
  struct?: ContactPointWebhookHmacConfig | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHmacConfig;
  return {
    secret: cdktf.stringToTerraform(s.secret),
    header: cdktf.stringToTerraform(s.header),
    timestamp_header: cdktf.stringToTerraform(s.timestampHeader),
  };
}

export function contactPointWebhookHmacConfigToHclTerraform(
  struct?: ContactPointWebhookHmacConfig | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHmacConfig;
  return definedHcl({
    secret: hclString(s.secret),
    header: hclString(s.header),
    timestamp_header: hclString(s.timestampHeader),
  });
}

/** Proxy used for the OAuth2 token requests (block `webhook.http_config.oauth2.proxy_config`, at most one). */
export interface ContactPointWebhookHttpConfigOauth2ProxyConfig {
  /** HTTP proxy URL. Terraform: `proxy_url`. */
  readonly proxyUrl?: string;
  /** Comma-separated addresses that bypass the proxy. Terraform: `no_proxy`. */
  readonly noProxy?: string;
  /**
   * Take the proxy from `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY`. Terraform: `proxy_from_environment`.
   * @default false
   */
  readonly proxyFromEnvironment?: boolean | cdktf.IResolvable;
  /** Headers sent to the proxy on CONNECT (names kept as given). Terraform: `proxy_connect_header`. */
  readonly proxyConnectHeader?: { [key: string]: string };
}

export function contactPointWebhookHttpConfigOauth2ProxyConfigToTerraform(
  struct?: ContactPointWebhookHttpConfigOauth2ProxyConfig | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHttpConfigOauth2ProxyConfig;
  return {
    proxy_url: cdktf.stringToTerraform(s.proxyUrl),
    no_proxy: cdktf.stringToTerraform(s.noProxy),
    proxy_from_environment: cdktf.booleanToTerraform(s.proxyFromEnvironment),
    proxy_connect_header: cdktf.hashMapper(cdktf.stringToTerraform)(s.proxyConnectHeader),
  };
}

export function contactPointWebhookHttpConfigOauth2ProxyConfigToHclTerraform(
  struct?: ContactPointWebhookHttpConfigOauth2ProxyConfig | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHttpConfigOauth2ProxyConfig;
  return definedHcl({
    proxy_url: hclString(s.proxyUrl),
    no_proxy: hclString(s.noProxy),
    proxy_from_environment: hclBoolean(s.proxyFromEnvironment),
    proxy_connect_header: hclStringMap(s.proxyConnectHeader),
  });
}

/** TLS settings of the OAuth2 token requests (block `webhook.http_config.oauth2.tls_config`, at most one). */
export interface ContactPointWebhookHttpConfigOauth2TlsConfig {
  /** PEM CA certificate to verify the server with. Sensitive. Terraform: `ca_certificate`. */
  readonly caCertificate?: string;
  /** PEM client certificate. Sensitive. Terraform: `client_certificate`. */
  readonly clientCertificate?: string;
  /** PEM client key. Sensitive. Terraform: `client_key`. */
  readonly clientKey?: string;
  /**
   * Skip verifying the server's certificate and host name. Terraform: `insecure_skip_verify`.
   * @default false
   */
  readonly insecureSkipVerify?: boolean | cdktf.IResolvable;
}

export function contactPointWebhookHttpConfigOauth2TlsConfigToTerraform(
  struct?: ContactPointWebhookHttpConfigOauth2TlsConfig | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHttpConfigOauth2TlsConfig;
  return {
    ca_certificate: cdktf.stringToTerraform(s.caCertificate),
    client_certificate: cdktf.stringToTerraform(s.clientCertificate),
    client_key: cdktf.stringToTerraform(s.clientKey),
    insecure_skip_verify: cdktf.booleanToTerraform(s.insecureSkipVerify),
  };
}

export function contactPointWebhookHttpConfigOauth2TlsConfigToHclTerraform(
  struct?: ContactPointWebhookHttpConfigOauth2TlsConfig | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHttpConfigOauth2TlsConfig;
  return definedHcl({
    ca_certificate: hclString(s.caCertificate),
    client_certificate: hclString(s.clientCertificate),
    client_key: hclString(s.clientKey),
    insecure_skip_verify: hclBoolean(s.insecureSkipVerify),
  });
}

/** OAuth2 client-credentials authentication of the requests (block `webhook.http_config.oauth2`, at most one). */
export interface ContactPointWebhookHttpConfigOauth2 {
  /** OAuth2 client ID. Terraform: `client_id` (required). */
  readonly clientId: string;
  /** OAuth2 client secret. Sensitive. Terraform: `client_secret` (required). */
  readonly clientSecret: string;
  /** Token endpoint URL. Terraform: `token_url` (required). */
  readonly tokenUrl: string;
  /** Scopes to request with the token. Terraform: `scopes`. */
  readonly scopes?: string[];
  /** Extra parameters of the token request (names kept as given). Terraform: `endpoint_params`. */
  readonly endpointParams?: { [key: string]: string };
  /** Proxy for the token requests (block `proxy_config`, at most one). */
  readonly proxyConfig?: ContactPointWebhookHttpConfigOauth2ProxyConfig;
  /** TLS settings of the token requests (block `tls_config`, at most one). */
  readonly tlsConfig?: ContactPointWebhookHttpConfigOauth2TlsConfig;
}

export function contactPointWebhookHttpConfigOauth2ToTerraform(
  struct?: ContactPointWebhookHttpConfigOauth2 | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHttpConfigOauth2;
  return {
    client_id: cdktf.stringToTerraform(s.clientId),
    client_secret: cdktf.stringToTerraform(s.clientSecret),
    token_url: cdktf.stringToTerraform(s.tokenUrl),
    scopes: cdktf.listMapper(cdktf.stringToTerraform, false)(s.scopes),
    endpoint_params: cdktf.hashMapper(cdktf.stringToTerraform)(s.endpointParams),
    proxy_config: contactPointWebhookHttpConfigOauth2ProxyConfigToTerraform(s.proxyConfig),
    tls_config: contactPointWebhookHttpConfigOauth2TlsConfigToTerraform(s.tlsConfig),
  };
}

export function contactPointWebhookHttpConfigOauth2ToHclTerraform(
  struct?: ContactPointWebhookHttpConfigOauth2 | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHttpConfigOauth2;
  return definedHcl({
    client_id: hclString(s.clientId),
    client_secret: hclString(s.clientSecret),
    token_url: hclString(s.tokenUrl),
    scopes: hclStringList(s.scopes),
    endpoint_params: hclStringMap(s.endpointParams),
    proxy_config: hclSingleBlock(
      contactPointWebhookHttpConfigOauth2ProxyConfigToHclTerraform(s.proxyConfig),
      'ContactPointWebhookHttpConfigOauth2ProxyConfigList',
      true,
    ),
    tls_config: hclSingleBlock(
      contactPointWebhookHttpConfigOauth2TlsConfigToHclTerraform(s.tlsConfig),
      'ContactPointWebhookHttpConfigOauth2TlsConfigList',
      true,
    ),
  });
}

/** HTTP client options of the webhook (block `webhook.http_config`, at most one). */
export interface ContactPointWebhookHttpConfig {
  /** OAuth2 authentication (block `oauth2`, at most one). */
  readonly oauth2?: ContactPointWebhookHttpConfigOauth2;
}

export function contactPointWebhookHttpConfigToTerraform(
  struct?: ContactPointWebhookHttpConfig | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHttpConfig;
  return {
    oauth2: contactPointWebhookHttpConfigOauth2ToTerraform(s.oauth2),
  };
}

export function contactPointWebhookHttpConfigToHclTerraform(
  struct?: ContactPointWebhookHttpConfig | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookHttpConfig;
  return definedHcl({
    oauth2: hclSingleBlock(
      contactPointWebhookHttpConfigOauth2ToHclTerraform(s.oauth2),
      'ContactPointWebhookHttpConfigOauth2List',
      true,
    ),
  });
}

/** A custom request body (block `webhook.payload`, at most one); it replaces `title` and `message`. */
export interface ContactPointWebhookPayload {
  /** Go template of the body. Terraform: `template` (required). */
  readonly template: string;
  /** Variables the template reads as `.Vars.<name>` (names kept as given). Terraform: `vars`. */
  readonly vars?: { [key: string]: string };
}

export function contactPointWebhookPayloadToTerraform(struct?: ContactPointWebhookPayload | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookPayload;
  return {
    template: cdktf.stringToTerraform(s.template),
    vars: cdktf.hashMapper(cdktf.stringToTerraform)(s.vars),
  };
}

export function contactPointWebhookPayloadToHclTerraform(
  struct?: ContactPointWebhookPayload | cdktf.IResolvable,
): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhookPayload;
  return definedHcl({
    template: hclString(s.template),
    vars: hclStringMap(s.vars),
  });
}

/** Posts notifications to any URL in the Prometheus Alertmanager webhook format (block `webhook`). */
export interface ContactPointWebhook extends ContactPointIntegrationCommon {
  /** URL the requests are sent to. Terraform: `url` (required). */
  readonly url: string;
  /**
   * HTTP method of the requests. Terraform: `http_method`.
   * @default "POST"
   */
  readonly httpMethod?: string;
  /** User name for basic authentication; no basic auth when unset. Terraform: `basic_auth_user`. */
  readonly basicAuthUser?: string;
  /** Password for basic authentication. Sensitive. Terraform: `basic_auth_password`. */
  readonly basicAuthPassword?: string;
  /**
   * Scheme of a custom `Authorization` header, e.g. `Bearer` (not with basic auth).
   * Terraform: `authorization_scheme`.
   */
  readonly authorizationScheme?: string;
  /** Credentials of the custom `Authorization` header. Sensitive. Terraform: `authorization_credentials`. */
  readonly authorizationCredentials?: string;
  /**
   * Largest number of alerts sent in one request; 0 means no limit. Terraform: `max_alerts`.
   * @default 0
   */
  readonly maxAlerts?: number;
  /** Message title (templated). Terraform: `title`. */
  readonly title?: string;
  /** Message (templated). Terraform: `message`. */
  readonly message?: string;
  /** Extra request headers (names kept as given). Terraform: `headers`. */
  readonly headers?: { [key: string]: string };
  /**
   * TLS settings of the requests as Grafana's key/values (e.g. `insecureSkipVerify`; keys kept as
   * given). Sensitive. Terraform: `tls_config`.
   */
  readonly tlsConfig?: { [key: string]: string };
  /** HMAC request signing (block `hmac_config`, at most one). */
  readonly hmacConfig?: ContactPointWebhookHmacConfig;
  /** HTTP client options (block `http_config`, at most one). */
  readonly httpConfig?: ContactPointWebhookHttpConfig;
  /** Custom request body (block `payload`, at most one). */
  readonly payload?: ContactPointWebhookPayload;
}

export function contactPointWebhookToTerraform(struct?: ContactPointWebhook | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhook;
  return {
    url: cdktf.stringToTerraform(s.url),
    http_method: cdktf.stringToTerraform(s.httpMethod),
    basic_auth_user: cdktf.stringToTerraform(s.basicAuthUser),
    basic_auth_password: cdktf.stringToTerraform(s.basicAuthPassword),
    authorization_scheme: cdktf.stringToTerraform(s.authorizationScheme),
    authorization_credentials: cdktf.stringToTerraform(s.authorizationCredentials),
    max_alerts: cdktf.numberToTerraform(s.maxAlerts),
    title: cdktf.stringToTerraform(s.title),
    message: cdktf.stringToTerraform(s.message),
    headers: cdktf.hashMapper(cdktf.stringToTerraform)(s.headers),
    tls_config: cdktf.hashMapper(cdktf.stringToTerraform)(s.tlsConfig),
    hmac_config: contactPointWebhookHmacConfigToTerraform(s.hmacConfig),
    http_config: contactPointWebhookHttpConfigToTerraform(s.httpConfig),
    payload: contactPointWebhookPayloadToTerraform(s.payload),
    ...contactPointIntegrationCommonToTerraform(s),
  };
}

export function contactPointWebhookToHclTerraform(struct?: ContactPointWebhook | cdktf.IResolvable): any {
  if (passThrough(struct)) {
    return struct;
  }
  assertNotComplex(struct);
  const s = struct as ContactPointWebhook;
  return definedHcl({
    url: hclString(s.url),
    http_method: hclString(s.httpMethod),
    basic_auth_user: hclString(s.basicAuthUser),
    basic_auth_password: hclString(s.basicAuthPassword),
    authorization_scheme: hclString(s.authorizationScheme),
    authorization_credentials: hclString(s.authorizationCredentials),
    max_alerts: hclNumber(s.maxAlerts),
    title: hclString(s.title),
    message: hclString(s.message),
    headers: hclStringMap(s.headers),
    tls_config: hclStringMap(s.tlsConfig),
    hmac_config: hclSingleBlock(
      contactPointWebhookHmacConfigToHclTerraform(s.hmacConfig),
      'ContactPointWebhookHmacConfigList',
      true,
    ),
    http_config: hclSingleBlock(
      contactPointWebhookHttpConfigToHclTerraform(s.httpConfig),
      'ContactPointWebhookHttpConfigList',
      true,
    ),
    payload: hclSingleBlock(contactPointWebhookPayloadToHclTerraform(s.payload), 'ContactPointWebhookPayloadList', true),
    ...contactPointIntegrationCommonToHclTerraform(s),
  });
}
