/**
 * Binding for the grafana/grafana provider configuration, `~> 4.45`
 * (schema: terraform-provider-grafana docs/index.md).
 *
 * Every argument may instead come from the `GRAFANA_*` environment variable the provider documents
 * for it (`GRAFANA_URL`, `GRAFANA_AUTH`, ...).
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import {
  definedHcl,
  GRAFANA_PROVIDER_METADATA,
  hclBoolean,
  hclNumber,
  hclString,
  hclStringList,
  hclStringMap,
  verbatimKeys,
} from './common';

export interface GrafanaProviderConfig {
  /** Root URL of the Grafana instance. Terraform: `url`. */
  readonly url?: string;
  /**
   * Credentials for the Grafana API: a service account token, an API key, `user:password`, or
   * `anonymous`. Sensitive. Terraform: `auth`.
   */
  readonly auth?: string;
  /** Organization to manage (self-hosted OSS or Enterprise Grafana). Terraform: `org_id`. */
  readonly orgId?: number;
  /** Grafana Cloud stack to manage. Terraform: `stack_id`. */
  readonly stackId?: number;
  /**
   * HTTP headers added to every Grafana and Grafana Cloud API request, e.g. `{ 'X-Scope-OrgID': '1' }`.
   * Header names are synthesized exactly as given. Sensitive. Terraform: `http_headers`.
   */
  readonly httpHeaders?: { [key: string]: string };
  /** How many times a failed API call is retried. Terraform: `retries`. */
  readonly retries?: number;
  /**
   * Status codes that are retried; `x` is a digit wildcard, e.g. `5xx`. Terraform: `retry_status_codes`.
   * @default ["429", "5xx"]
   */
  readonly retryStatusCodes?: string[];
  /** Seconds to wait between retries. Terraform: `retry_wait`. */
  readonly retryWait?: number;
  /** Skip verifying the Grafana server's TLS certificate. Terraform: `insecure_skip_verify`. */
  readonly insecureSkipVerify?: boolean | cdktf.IResolvable;
  /** CA bundle (file path or PEM content) to verify the Grafana server with. Terraform: `ca_cert`. */
  readonly caCert?: string;
  /** Client certificate (file path or PEM content) for mutual TLS. Terraform: `tls_cert`. */
  readonly tlsCert?: string;
  /** Client key (file path or PEM content) for mutual TLS. Terraform: `tls_key`. */
  readonly tlsKey?: string;
  /** Keep only a SHA-256 of each dashboard's JSON in the state, not the JSON. Terraform: `store_dashboard_sha256`. */
  readonly storeDashboardSha256?: boolean | cdktf.IResolvable;
  /** Grafana Cloud access policy token (Cloud API resources). Sensitive. Terraform: `cloud_access_policy_token`. */
  readonly cloudAccessPolicyToken?: string;
  /** Grafana Cloud API URL. Terraform: `cloud_api_url`. */
  readonly cloudApiUrl?: string;
  /** Synthetic Monitoring access token. Sensitive. Terraform: `sm_access_token`. */
  readonly smAccessToken?: string;
  /**
   * Synthetic Monitoring API URL; it must match the stack's region. Terraform: `sm_url`.
   */
  readonly smUrl?: string;
  /** Grafana OnCall access token (dedicated OnCall API tokens only). Sensitive. Terraform: `oncall_access_token`. */
  readonly oncallAccessToken?: string;
  /** Grafana OnCall API URL (OnCall OSS only). Terraform: `oncall_url`. */
  readonly oncallUrl?: string;
  /** Cloud Provider Observability access token. Sensitive. Terraform: `cloud_provider_access_token`. */
  readonly cloudProviderAccessToken?: string;
  /** Cloud Provider Observability API URL. Terraform: `cloud_provider_url`. */
  readonly cloudProviderUrl?: string;
  /** Connections API access token. Sensitive. Terraform: `connections_api_access_token`. */
  readonly connectionsApiAccessToken?: string;
  /** Connections API URL. Terraform: `connections_api_url`. */
  readonly connectionsApiUrl?: string;
  /** Fleet Management credentials, `instanceID:token`. Sensitive. Terraform: `fleet_management_auth`. */
  readonly fleetManagementAuth?: string;
  /** Fleet Management API URL. Terraform: `fleet_management_url`. */
  readonly fleetManagementUrl?: string;
  /** Frontend Observability API access token. Sensitive. Terraform: `frontend_o11y_api_access_token`. */
  readonly frontendO11YApiAccessToken?: string;
  /** Replacement Frontend Observability API URL. Terraform: `frontend_o11y_api_url`. */
  readonly frontendO11YApiUrl?: string;
  /** k6 Cloud API token. Sensitive. Terraform: `k6_access_token`. */
  readonly k6AccessToken?: string;
  /** k6 Cloud API URL. Terraform: `k6_url`. */
  readonly k6Url?: string;
  /** Alias of this provider configuration, for several Grafana instances or organizations. Terraform: `alias`. */
  readonly alias?: string;
}

/** The grafana/grafana provider configuration (`provider "grafana"`). */
export class GrafanaProvider extends cdktf.TerraformProvider {
  /** The Terraform provider type. */
  public static readonly tfResourceType = 'grafana';

  private readonly _config: GrafanaProviderConfig;
  private _alias?: string;

  public constructor(scope: Construct, id: string, config: GrafanaProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: GrafanaProvider.tfResourceType,
      terraformGeneratorMetadata: GRAFANA_PROVIDER_METADATA,
      terraformProviderSource: 'grafana/grafana',
    });
    this._config = config;
    this._alias = config.alias;
  }

  /** The provider alias, if any. */
  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      url: cdktf.stringToTerraform(c.url),
      auth: cdktf.stringToTerraform(c.auth),
      org_id: cdktf.numberToTerraform(c.orgId),
      stack_id: cdktf.numberToTerraform(c.stackId),
      // keysToSnakeCase would rewrite the header names: see verbatimKeys
      http_headers: verbatimKeys(cdktf.hashMapper(cdktf.stringToTerraform)(c.httpHeaders)),
      retries: cdktf.numberToTerraform(c.retries),
      retry_status_codes: cdktf.listMapper(cdktf.stringToTerraform, false)(c.retryStatusCodes),
      retry_wait: cdktf.numberToTerraform(c.retryWait),
      insecure_skip_verify: cdktf.booleanToTerraform(c.insecureSkipVerify),
      ca_cert: cdktf.stringToTerraform(c.caCert),
      tls_cert: cdktf.stringToTerraform(c.tlsCert),
      tls_key: cdktf.stringToTerraform(c.tlsKey),
      store_dashboard_sha256: cdktf.booleanToTerraform(c.storeDashboardSha256),
      cloud_access_policy_token: cdktf.stringToTerraform(c.cloudAccessPolicyToken),
      cloud_api_url: cdktf.stringToTerraform(c.cloudApiUrl),
      sm_access_token: cdktf.stringToTerraform(c.smAccessToken),
      sm_url: cdktf.stringToTerraform(c.smUrl),
      oncall_access_token: cdktf.stringToTerraform(c.oncallAccessToken),
      oncall_url: cdktf.stringToTerraform(c.oncallUrl),
      cloud_provider_access_token: cdktf.stringToTerraform(c.cloudProviderAccessToken),
      cloud_provider_url: cdktf.stringToTerraform(c.cloudProviderUrl),
      connections_api_access_token: cdktf.stringToTerraform(c.connectionsApiAccessToken),
      connections_api_url: cdktf.stringToTerraform(c.connectionsApiUrl),
      fleet_management_auth: cdktf.stringToTerraform(c.fleetManagementAuth),
      fleet_management_url: cdktf.stringToTerraform(c.fleetManagementUrl),
      frontend_o11y_api_access_token: cdktf.stringToTerraform(c.frontendO11YApiAccessToken),
      frontend_o11y_api_url: cdktf.stringToTerraform(c.frontendO11YApiUrl),
      k6_access_token: cdktf.stringToTerraform(c.k6AccessToken),
      k6_url: cdktf.stringToTerraform(c.k6Url),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    const httpHeaders = hclStringMap(c.httpHeaders);
    return definedHcl({
      url: hclString(c.url),
      auth: hclString(c.auth),
      org_id: hclNumber(c.orgId),
      stack_id: hclNumber(c.stackId),
      http_headers: { ...httpHeaders, value: verbatimKeys(httpHeaders.value) },
      retries: hclNumber(c.retries),
      retry_status_codes: hclStringList(c.retryStatusCodes, true),
      retry_wait: hclNumber(c.retryWait),
      insecure_skip_verify: hclBoolean(c.insecureSkipVerify),
      ca_cert: hclString(c.caCert),
      tls_cert: hclString(c.tlsCert),
      tls_key: hclString(c.tlsKey),
      store_dashboard_sha256: hclBoolean(c.storeDashboardSha256),
      cloud_access_policy_token: hclString(c.cloudAccessPolicyToken),
      cloud_api_url: hclString(c.cloudApiUrl),
      sm_access_token: hclString(c.smAccessToken),
      sm_url: hclString(c.smUrl),
      oncall_access_token: hclString(c.oncallAccessToken),
      oncall_url: hclString(c.oncallUrl),
      cloud_provider_access_token: hclString(c.cloudProviderAccessToken),
      cloud_provider_url: hclString(c.cloudProviderUrl),
      connections_api_access_token: hclString(c.connectionsApiAccessToken),
      connections_api_url: hclString(c.connectionsApiUrl),
      fleet_management_auth: hclString(c.fleetManagementAuth),
      fleet_management_url: hclString(c.fleetManagementUrl),
      frontend_o11y_api_access_token: hclString(c.frontendO11YApiAccessToken),
      frontend_o11y_api_url: hclString(c.frontendO11YApiUrl),
      k6_access_token: hclString(c.k6AccessToken),
      k6_url: hclString(c.k6Url),
      alias: hclString(this._alias),
    });
  }
}
