/**
 * Binding for the `grafana_dashboard` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/dashboard.md).
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { definedHcl, hclBoolean, hclString, resourceConfig } from './common';

export interface DashboardConfig extends cdktf.TerraformMetaArguments {
  /**
   * The whole dashboard model as a JSON string (e.g. `JSON.stringify(model)`); its `uid` field, when
   * present, becomes the dashboard UID. Terraform: `config_json` (required).
   */
  readonly configJson: string;
  /** ID or UID of the folder to store the dashboard in; the General folder when unset. Terraform: `folder`. */
  readonly folder?: string;
  /**
   * Replace an existing dashboard that has the same UID, or the same title in the same folder.
   * Terraform: `overwrite`.
   */
  readonly overwrite?: boolean | cdktf.IResolvable;
  /** Commit message stored in the dashboard's version history. Terraform: `message`. */
  readonly message?: string;
  /** Organization the dashboard belongs to; the provider's org is used when unset. Terraform: `org_id`. */
  readonly orgId?: string;
}

/** A Grafana dashboard (`grafana_dashboard`). */
export class Dashboard extends cdktf.TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_dashboard';

  /**
   * Generates an `import` block for an existing dashboard.
   * @param importFromId the dashboard UID, or `orgID:uid`
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: Dashboard.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private readonly _config: DashboardConfig;

  public constructor(scope: Construct, id: string, config: DashboardConfig) {
    super(scope, id, resourceConfig(Dashboard.tfResourceType, config));
    this._config = config;
  }

  /** The Terraform ID of the dashboard. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The dashboard's UID (from the model, or generated). */
  public get uid(): string {
    return this.getStringAttribute('uid');
  }

  /** The full URL of the dashboard. */
  public get url(): string {
    return this.getStringAttribute('url');
  }

  /** The numeric dashboard ID Grafana assigned. */
  public get dashboardId(): number {
    return this.getNumberAttribute('dashboard_id');
  }

  /** The dashboard's current version number. */
  public get version(): number {
    return this.getNumberAttribute('version');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      config_json: cdktf.stringToTerraform(c.configJson),
      folder: cdktf.stringToTerraform(c.folder),
      overwrite: cdktf.booleanToTerraform(c.overwrite),
      message: cdktf.stringToTerraform(c.message),
      org_id: cdktf.stringToTerraform(c.orgId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    return definedHcl({
      config_json: hclString(c.configJson),
      folder: hclString(c.folder),
      overwrite: hclBoolean(c.overwrite),
      message: hclString(c.message),
      org_id: hclString(c.orgId),
    });
  }
}
