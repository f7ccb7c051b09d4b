/**
 * Binding for the `grafana_message_template` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/message_template.md).
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { definedHcl, hclBoolean, hclString, resourceConfig } from './common';

export interface MessageTemplateConfig extends cdktf.TerraformMetaArguments {
  /** Name of the notification template group. Terraform: `name` (required). */
  readonly name: string;
  /**
   * The template group's content: Go templates, usually `{{ define "name" }}...{{ end }}` blocks.
   * Terraform: `template` (required).
   */
  readonly template: string;
  /**
   * Leave the template editable outside Terraform (in the Grafana UI, for instance).
   * Terraform: `disable_provenance`.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** Organization the template belongs to; the provider's org is used when unset. Terraform: `org_id`. */
  readonly orgId?: string;
}

/** A notification template group of Grafana Alerting (`grafana_message_template`). */
export class MessageTemplate extends cdktf.TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_message_template';

  /**
   * Generates an `import` block for an existing template group.
   * @param importFromId the template name, or `orgID:name`
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: MessageTemplate.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private readonly _config: MessageTemplateConfig;

  public constructor(scope: Construct, id: string, config: MessageTemplateConfig) {
    super(scope, id, resourceConfig(MessageTemplate.tfResourceType, config));
    this._config = config;
  }

  /** The Terraform ID of the template group. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The template group's name. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      name: cdktf.stringToTerraform(c.name),
      template: cdktf.stringToTerraform(c.template),
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      org_id: cdktf.stringToTerraform(c.orgId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    return definedHcl({
      name: hclString(c.name),
      template: hclString(c.template),
      disable_provenance: hclBoolean(c.disableProvenance),
      org_id: hclString(c.orgId),
    });
  }
}
