/**
 * Binding for the `grafana_contact_point` resource of grafana/grafana `~> 4.45`
 * (schema: terraform-provider-grafana docs/resources/contact_point.md).
 *
 * Covered integration blocks: all 22 of v4.45.1 — `email`, `slack`, `pagerduty`, `webhook`, `opsgenie`, `teams`,
 * `discord`, `telegram`, `sns`, `googlechat`, and `alertmanager`, `oncall`, `kafka`, `sensugo`, `jira`, `dingding`,
 * `line`, `pushover`, `threema`, `victorops`, `webex`, `wecom` (their block types live in the `contact-point-*.ts`
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
  contactPointAlertmanagerToHclTerraform,
  contactPointAlertmanagerToTerraform,
  contactPointOncallToHclTerraform,
  contactPointOncallToTerraform,
  contactPointKafkaToHclTerraform,
  contactPointKafkaToTerraform,
  contactPointSensugoToHclTerraform,
  contactPointSensugoToTerraform,
  contactPointJiraToHclTerraform,
  contactPointJiraToTerraform,
  type ContactPointAlertmanager,
  type ContactPointOncall,
  type ContactPointKafka,
  type ContactPointSensugo,
  type ContactPointJira,
} from './contact-point-relay';
import {
  contactPointDingdingToHclTerraform,
  contactPointDingdingToTerraform,
  contactPointLineToHclTerraform,
  contactPointLineToTerraform,
  contactPointPushoverToHclTerraform,
  contactPointPushoverToTerraform,
  contactPointThreemaToHclTerraform,
  contactPointThreemaToTerraform,
  contactPointVictoropsToHclTerraform,
  contactPointVictoropsToTerraform,
  contactPointWebexToHclTerraform,
  contactPointWebexToTerraform,
  contactPointWecomToHclTerraform,
  contactPointWecomToTerraform,
  type ContactPointDingding,
  type ContactPointLine,
  type ContactPointPushover,
  type ContactPointThreema,
  type ContactPointVictorops,
  type ContactPointWebex,
  type ContactPointWecom,
} from './contact-point-notify';
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
export * from './contact-point-relay';
export * from './contact-point-notify';

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
  /** Alertmanager integrations (block `alertmanager`). */
  readonly alertmanager?: ContactPointAlertmanager[] | cdktf.IResolvable;
  /** Grafana OnCall integrations (block `oncall`). */
  readonly oncall?: ContactPointOncall[] | cdktf.IResolvable;
  /** Kafka REST proxy integrations (block `kafka`). */
  readonly kafka?: ContactPointKafka[] | cdktf.IResolvable;
  /** Sensu Go integrations (block `sensugo`). */
  readonly sensugo?: ContactPointSensugo[] | cdktf.IResolvable;
  /** Jira integrations (block `jira`). */
  readonly jira?: ContactPointJira[] | cdktf.IResolvable;
  /** DingDing integrations (block `dingding`). */
  readonly dingding?: ContactPointDingding[] | cdktf.IResolvable;
  /** LINE integrations (block `line`). */
  readonly line?: ContactPointLine[] | cdktf.IResolvable;
  /** Pushover integrations (block `pushover`). */
  readonly pushover?: ContactPointPushover[] | cdktf.IResolvable;
  /** Threema integrations (block `threema`). */
  readonly threema?: ContactPointThreema[] | cdktf.IResolvable;
  /** VictorOps (Splunk On-Call) integrations (block `victorops`). */
  readonly victorops?: ContactPointVictorops[] | cdktf.IResolvable;
  /** Webex integrations (block `webex`). */
  readonly webex?: ContactPointWebex[] | cdktf.IResolvable;
  /** WeCom integrations (block `wecom`). */
  readonly wecom?: ContactPointWecom[] | cdktf.IResolvable;
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
      alertmanager: cdktf.listMapper(contactPointAlertmanagerToTerraform, true)(c.alertmanager),
      oncall: cdktf.listMapper(contactPointOncallToTerraform, true)(c.oncall),
      kafka: cdktf.listMapper(contactPointKafkaToTerraform, true)(c.kafka),
      sensugo: cdktf.listMapper(contactPointSensugoToTerraform, true)(c.sensugo),
      jira: cdktf.listMapper(contactPointJiraToTerraform, true)(c.jira),
      dingding: cdktf.listMapper(contactPointDingdingToTerraform, true)(c.dingding),
      line: cdktf.listMapper(contactPointLineToTerraform, true)(c.line),
      pushover: cdktf.listMapper(contactPointPushoverToTerraform, true)(c.pushover),
      threema: cdktf.listMapper(contactPointThreemaToTerraform, true)(c.threema),
      victorops: cdktf.listMapper(contactPointVictoropsToTerraform, true)(c.victorops),
      webex: cdktf.listMapper(contactPointWebexToTerraform, true)(c.webex),
      wecom: cdktf.listMapper(contactPointWecomToTerraform, true)(c.wecom),
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
      alertmanager: hclBlockList(contactPointAlertmanagerToHclTerraform, c.alertmanager, 'ContactPointAlertmanagerList', true),
      oncall: hclBlockList(contactPointOncallToHclTerraform, c.oncall, 'ContactPointOncallList', true),
      kafka: hclBlockList(contactPointKafkaToHclTerraform, c.kafka, 'ContactPointKafkaList', true),
      sensugo: hclBlockList(contactPointSensugoToHclTerraform, c.sensugo, 'ContactPointSensugoList', true),
      jira: hclBlockList(contactPointJiraToHclTerraform, c.jira, 'ContactPointJiraList', true),
      dingding: hclBlockList(contactPointDingdingToHclTerraform, c.dingding, 'ContactPointDingdingList', true),
      line: hclBlockList(contactPointLineToHclTerraform, c.line, 'ContactPointLineList', true),
      pushover: hclBlockList(contactPointPushoverToHclTerraform, c.pushover, 'ContactPointPushoverList', true),
      threema: hclBlockList(contactPointThreemaToHclTerraform, c.threema, 'ContactPointThreemaList', true),
      victorops: hclBlockList(contactPointVictoropsToHclTerraform, c.victorops, 'ContactPointVictoropsList', true),
      webex: hclBlockList(contactPointWebexToHclTerraform, c.webex, 'ContactPointWebexList', true),
      wecom: hclBlockList(contactPointWecomToHclTerraform, c.wecom, 'ContactPointWecomList', true),
    });
  }
}
