/** Every integration of Alertmanager's receivers that the model takes, by type (tables: ./fields.ts). */
import { DISCORD, MATTERMOST, MSTEAMS, ROCKETCHAT, SLACK, TELEGRAM, WEBEX, WECHAT } from './chat';
import { IntegrationSpec } from './fields';
import { INCIDENTIO, JIRA, OPSGENIE, PAGERDUTY, VICTOROPS } from './incident';
import { EMAIL, PUSHOVER, SNS, WEBHOOK } from './messaging';

/** The integrations, in the order a receiver's `*_configs` are rendered (alphabetical by YAML key). */
export const INTEGRATION_SPECS: readonly IntegrationSpec[] = [
  DISCORD, EMAIL, INCIDENTIO, JIRA, MATTERMOST, MSTEAMS, OPSGENIE, PAGERDUTY, PUSHOVER, ROCKETCHAT, SLACK, SNS, TELEGRAM,
  VICTOROPS, WEBEX, WEBHOOK, WECHAT,
].sort((a, b) => (a.key < b.key ? -1 : 1));

/** The table of an integration type. */
export function integrationSpec(type: string): IntegrationSpec | undefined {
  return INTEGRATION_SPECS.find((s) => s.type === type);
}

/**
 * Integrations Alertmanager has that the model does not take, with the reason and the way out. (Every other
 * `*_configs` key of Alertmanager v0.34.0's Receiver struct is in {@link INTEGRATION_SPECS}.)
 */
export const INTEGRATIONS_NOT_SUPPORTED: Readonly<Record<string, string>> = {
  msteams_configs:
    'Office 365 connectors are retired: use `msteamsv2_configs` (Teams Workflows, Alertmanager 0.28)',
};
