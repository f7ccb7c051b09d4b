/**
 * Binding for the `grafana_folder` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/folder.md).
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { definedHcl, hclBoolean, hclString, resourceConfig } from './common';

export interface FolderConfig extends cdktf.TerraformMetaArguments {
  /** Display title of the folder. Terraform: `title` (required). */
  readonly title: string;
  /** Unique identifier to give the folder; Grafana generates one when unset. Terraform: `uid`. */
  readonly uid?: string;
  /**
   * UID of the folder to nest this one under; the folder goes to the root when unset
   * (nested folders need the `nestedFolders` feature of Grafana). Terraform: `parent_folder_uid`.
   */
  readonly parentFolderUid?: string;
  /**
   * Refuse to delete the folder while it still holds dashboards or alert rules (Grafana 10.2+).
   * Terraform: `prevent_destroy_if_not_empty`.
   * @default false
   */
  readonly preventDestroyIfNotEmpty?: boolean | cdktf.IResolvable;
  /** Organization the folder belongs to; the provider's org is used when unset. Terraform: `org_id`. */
  readonly orgId?: string;
}

/** A Grafana folder (`grafana_folder`). */
export class Folder extends cdktf.TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_folder';

  /**
   * Generates an `import` block for an existing folder (`cdktf plan` then writes its configuration).
   * @param importFromId the folder UID, or `orgID:uid`
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: Folder.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private readonly _config: FolderConfig;

  public constructor(scope: Construct, id: string, config: FolderConfig) {
    super(scope, id, resourceConfig(Folder.tfResourceType, config));
    this._config = config;
  }

  /** The Terraform ID of the folder. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The folder's UID (given or generated): use it as `folder_uid`/`parent_folder_uid` elsewhere. */
  public get uid(): string {
    return this.getStringAttribute('uid');
  }

  /** The full URL of the folder. */
  public get url(): string {
    return this.getStringAttribute('url');
  }

  /** The folder's title. */
  public get title(): string {
    return this.getStringAttribute('title');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      title: cdktf.stringToTerraform(c.title),
      uid: cdktf.stringToTerraform(c.uid),
      parent_folder_uid: cdktf.stringToTerraform(c.parentFolderUid),
      prevent_destroy_if_not_empty: cdktf.booleanToTerraform(c.preventDestroyIfNotEmpty),
      org_id: cdktf.stringToTerraform(c.orgId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    return definedHcl({
      title: hclString(c.title),
      uid: hclString(c.uid),
      parent_folder_uid: hclString(c.parentFolderUid),
      prevent_destroy_if_not_empty: hclBoolean(c.preventDestroyIfNotEmpty),
      org_id: hclString(c.orgId),
    });
  }
}
