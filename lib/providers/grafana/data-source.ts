/**
 * Binding for the `grafana_data_source` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/data_source.md).
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { definedHcl, hclBoolean, hclString, hclStringMap, resourceConfig } from './common';

export interface DataSourceConfig extends cdktf.TerraformMetaArguments {
  /** Data source plugin id, e.g. `prometheus`, `loki`, `cloudwatch`. Terraform: `type` (required). */
  readonly type: string;
  /** Name of the data source, unique in the organization. Terraform: `name` (required). */
  readonly name: string;
  /** Unique identifier to give the data source; generated when unset. Terraform: `uid`. */
  readonly uid?: string;
  /** Address of the backing service; its form depends on the data source type. Terraform: `url`. */
  readonly url?: string;
  /**
   * How Grafana reaches the data source: `proxy` (through the Grafana server) or `direct` (from the browser).
   * Terraform: `access_mode`.
   * @default "proxy"
   */
  readonly accessMode?: string;
  /**
   * Turn on HTTP basic authentication towards the data source. Terraform: `basic_auth_enabled`.
   * @default false
   */
  readonly basicAuthEnabled?: boolean | cdktf.IResolvable;
  /**
   * User name for basic authentication (its password goes in `secureJsonDataEncoded`).
   * Terraform: `basic_auth_username`.
   * @default ""
   */
  readonly basicAuthUsername?: string;
  /**
   * Database to use, for the data source types that need one. Terraform: `database_name`.
   * @default ""
   */
  readonly databaseName?: string;
  /**
   * Make this the organization's default data source (set it on one data source only). Terraform: `is_default`.
   * @default false
   */
  readonly isDefault?: boolean | cdktf.IResolvable;
  /**
   * User name, for the data source types that authenticate with one. Terraform: `username`.
   * @default ""
   */
  readonly username?: string;
  /**
   * Type-specific settings (Grafana's `jsonData`) as a JSON string, e.g. `JSON.stringify({ httpMethod: 'POST' })`.
   * Terraform: `json_data_encoded`.
   */
  readonly jsonDataEncoded?: string;
  /**
   * Type-specific secrets (Grafana's `secureJsonData`, e.g. `basicAuthPassword`) as a JSON string.
   * Sensitive. Terraform: `secure_json_data_encoded`.
   */
  readonly secureJsonDataEncoded?: string;
  /**
   * Extra HTTP headers Grafana sends to the data source, header name to value; names are kept as given.
   * Sensitive. Terraform: `http_headers`.
   */
  readonly httpHeaders?: { [key: string]: string };
  /**
   * Private Data source Connect network to reach the data source through (Grafana Cloud only).
   * Terraform: `private_data_source_connect_network_id`.
   * @default ""
   */
  readonly privateDataSourceConnectNetworkId?: string;
  /** Organization the data source belongs to; the provider's org is used when unset. Terraform: `org_id`. */
  readonly orgId?: string;
}

/** A Grafana data source (`grafana_data_source`). */
export class DataSource extends cdktf.TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_data_source';

  /**
   * Generates an `import` block for an existing data source.
   * @param importFromId the data source UID, or `orgID:uid`
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: DataSource.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private readonly _config: DataSourceConfig;

  public constructor(scope: Construct, id: string, config: DataSourceConfig) {
    super(scope, id, resourceConfig(DataSource.tfResourceType, config));
    this._config = config;
  }

  /** The Terraform ID of the data source. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The data source's UID (given or generated): reference it from alert rule queries and dashboards. */
  public get uid(): string {
    return this.getStringAttribute('uid');
  }

  /** The data source's name. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      type: cdktf.stringToTerraform(c.type),
      name: cdktf.stringToTerraform(c.name),
      uid: cdktf.stringToTerraform(c.uid),
      url: cdktf.stringToTerraform(c.url),
      access_mode: cdktf.stringToTerraform(c.accessMode),
      basic_auth_enabled: cdktf.booleanToTerraform(c.basicAuthEnabled),
      basic_auth_username: cdktf.stringToTerraform(c.basicAuthUsername),
      database_name: cdktf.stringToTerraform(c.databaseName),
      is_default: cdktf.booleanToTerraform(c.isDefault),
      username: cdktf.stringToTerraform(c.username),
      json_data_encoded: cdktf.stringToTerraform(c.jsonDataEncoded),
      secure_json_data_encoded: cdktf.stringToTerraform(c.secureJsonDataEncoded),
      http_headers: cdktf.hashMapper(cdktf.stringToTerraform)(c.httpHeaders),
      private_data_source_connect_network_id: cdktf.stringToTerraform(c.privateDataSourceConnectNetworkId),
      org_id: cdktf.stringToTerraform(c.orgId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    return definedHcl({
      type: hclString(c.type),
      name: hclString(c.name),
      uid: hclString(c.uid),
      url: hclString(c.url),
      access_mode: hclString(c.accessMode),
      basic_auth_enabled: hclBoolean(c.basicAuthEnabled),
      basic_auth_username: hclString(c.basicAuthUsername),
      database_name: hclString(c.databaseName),
      is_default: hclBoolean(c.isDefault),
      username: hclString(c.username),
      json_data_encoded: hclString(c.jsonDataEncoded),
      secure_json_data_encoded: hclString(c.secureJsonDataEncoded),
      http_headers: hclStringMap(c.httpHeaders),
      private_data_source_connect_network_id: hclString(c.privateDataSourceConnectNetworkId),
      org_id: hclString(c.orgId),
    });
  }
}
