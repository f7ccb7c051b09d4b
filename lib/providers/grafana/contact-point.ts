/**
 * Binding for the `grafana_contact_point` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/contact_point.md).
 *
 * Covered integration blocks: `email`, `slack`, `pagerduty`, `webhook`, `opsgenie`, `teams`,
 * `discord`, `telegram`, `sns`, `googlechat` (their block types live in the `contact-point-*.ts`
 * files and are re-exported here). Every integration block has nesting mode `set`.
 */
import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { definedHcl, hclBlockList, hclBoolean, hclString, resourceConfig } from './common';
import {
  contactPointDiscordToHclTerraform,
  contactPointDiscordToTerraform,
  contactPointGooglechatToHclTerraform,
  contactPointGooglechatToTerraform,
  contactPointSlackToHclTerraform,
  contactPointSlackToTerraform,
  contactPointTeamsToHclTerraform,
  contactPointTeamsToTerraform,
  contactPointTelegramToHclTerraform,
  contactPointTelegramToTerraform,
  type ContactPointDiscord,
  type ContactPointGooglechat,
  type ContactPointSlack,
  type ContactPointTeams,
  type ContactPointTelegram,
} from './contact-point-chat';
import {
  contactPointOpsgenieToHclTerraform,
  contactPointOpsgenieToTerraform,
  contactPointPagerdutyToHclTerraform,
  contactPointPagerdutyToTerraform,
  type ContactPointOpsgenie,
  type ContactPointPagerduty,
} from './contact-point-incident';
import {
  contactPointEmailToHclTerraform,
  contactPointEmailToTerraform,
  contactPointSnsToHclTerraform,
  contactPointSnsToTerraform,
  type ContactPointEmail,
  type ContactPointSns,
} from './contact-point-messaging';
import {
  contactPointWebhookToHclTerraform,
  contactPointWebhookToTerraform,
  type ContactPointWebhook,
} from './contact-point-webhook';

export * from './contact-point-common';
export * from './contact-point-chat';
export * from './contact-point-incident';
export * from './contact-point-messaging';
export * from './contact-point-webhook';

export interface ContactPointConfig extends cdktf.TerraformMetaArguments {
  /** Name of the contact point, referenced from notification policies. Terraform: `name` (required). */
  readonly name: string;
  /**
   * Leave the contact point editable outside Terraform. Terraform: `disable_provenance`.
   * @default false
   */
  readonly disableProvenance?: boolean | cdktf.IResolvable;
  /** Organization the contact point belongs to; the provider's org is used when unset. Terraform: `org_id`. */
  readonly orgId?: string;
  /** Email integrations (block `email`). */
  readonly email?: ContactPointEmail[] | cdktf.IResolvable;
  /** Slack integrations (block `slack`). */
  readonly slack?: ContactPointSlack[] | cdktf.IResolvable;
  /** PagerDuty integrations (block `pagerduty`). */
  readonly pagerduty?: ContactPointPagerduty[] | cdktf.IResolvable;
  /** Webhook integrations (block `webhook`). */
  readonly webhook?: ContactPointWebhook[] | cdktf.IResolvable;
  /** OpsGenie integrations (block `opsgenie`). */
  readonly opsgenie?: ContactPointOpsgenie[] | cdktf.IResolvable;
  /** Microsoft Teams integrations (block `teams`). */
  readonly teams?: ContactPointTeams[] | cdktf.IResolvable;
  /** Discord integrations (block `discord`). */
  readonly discord?: ContactPointDiscord[] | cdktf.IResolvable;
  /** Telegram integrations (block `telegram`). */
  readonly telegram?: ContactPointTelegram[] | cdktf.IResolvable;
  /** Amazon SNS integrations (block `sns`). */
  readonly sns?: ContactPointSns[] | cdktf.IResolvable;
  /** Google Chat integrations (block `googlechat`). */
  readonly googlechat?: ContactPointGooglechat[] | cdktf.IResolvable;
}

/** A contact point of Grafana Alerting: one or more integrations notified together (`grafana_contact_point`). */
export class ContactPoint extends cdktf.TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'grafana_contact_point';

  /**
   * Generates an `import` block for an existing contact point.
   * @param importFromId the contact point name, or `orgID:name`
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: ContactPoint.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private readonly _config: ContactPointConfig;

  public constructor(scope: Construct, id: string, config: ContactPointConfig) {
    super(scope, id, resourceConfig(ContactPoint.tfResourceType, config));
    this._config = config;
  }

  /** The Terraform ID of the contact point. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The contact point's name: use it as `contact_point` of notification policies (it orders their creation). */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this._config;
    return {
      name: cdktf.stringToTerraform(c.name),
      disable_provenance: cdktf.booleanToTerraform(c.disableProvenance),
      org_id: cdktf.stringToTerraform(c.orgId),
      email: cdktf.listMapper(contactPointEmailToTerraform, true)(c.email),
      slack: cdktf.listMapper(contactPointSlackToTerraform, true)(c.slack),
      pagerduty: cdktf.listMapper(contactPointPagerdutyToTerraform, true)(c.pagerduty),
      webhook: cdktf.listMapper(contactPointWebhookToTerraform, true)(c.webhook),
      opsgenie: cdktf.listMapper(contactPointOpsgenieToTerraform, true)(c.opsgenie),
      teams: cdktf.listMapper(contactPointTeamsToTerraform, true)(c.teams),
      discord: cdktf.listMapper(contactPointDiscordToTerraform, true)(c.discord),
      telegram: cdktf.listMapper(contactPointTelegramToTerraform, true)(c.telegram),
      sns: cdktf.listMapper(contactPointSnsToTerraform, true)(c.sns),
      googlechat: cdktf.listMapper(contactPointGooglechatToTerraform, true)(c.googlechat),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this._config;
    return definedHcl({
      name: hclString(c.name),
      disable_provenance: hclBoolean(c.disableProvenance),
      org_id: hclString(c.orgId),
      email: hclBlockList(contactPointEmailToHclTerraform, c.email, 'ContactPointEmailList', true),
      slack: hclBlockList(contactPointSlackToHclTerraform, c.slack, 'ContactPointSlackList', true),
      pagerduty: hclBlockList(contactPointPagerdutyToHclTerraform, c.pagerduty, 'ContactPointPagerdutyList', true),
      webhook: hclBlockList(contactPointWebhookToHclTerraform, c.webhook, 'ContactPointWebhookList', true),
      opsgenie: hclBlockList(contactPointOpsgenieToHclTerraform, c.opsgenie, 'ContactPointOpsgenieList', true),
      teams: hclBlockList(contactPointTeamsToHclTerraform, c.teams, 'ContactPointTeamsList', true),
      discord: hclBlockList(contactPointDiscordToHclTerraform, c.discord, 'ContactPointDiscordList', true),
      telegram: hclBlockList(contactPointTelegramToHclTerraform, c.telegram, 'ContactPointTelegramList', true),
      sns: hclBlockList(contactPointSnsToHclTerraform, c.sns, 'ContactPointSnsList', true),
      googlechat: hclBlockList(contactPointGooglechatToHclTerraform, c.googlechat, 'ContactPointGooglechatList', true),
    });
  }
}
