/**
 * Arguments every integration block of `grafana_contact_point` has
 * (schema: terraform-provider-grafana docs/resources/contact_point.md).
 */
import * as cdktf from 'cdktf';
import { hclBoolean, hclStringMap, type HclAttribute } from './common';

/** Arguments shared by all integration blocks of a contact point. */
export interface ContactPointIntegrationCommon {
  /**
   * Do not send a notification when the alerts resolve. Terraform: `disable_resolve_message`.
   * @default false
   */
  readonly disableResolveMessage?: boolean | cdktf.IResolvable;
  /**
   * Extra notifier settings not covered by the block's arguments, passed to Grafana as they are
   * (keys are kept as given). Sensitive. Terraform: `settings`.
   * @default {}
   */
  readonly settings?: { [key: string]: string };
}

/** The JSON attributes of {@link ContactPointIntegrationCommon}. */
export function contactPointIntegrationCommonToTerraform(s: ContactPointIntegrationCommon): { [name: string]: any } {
  return {
    disable_resolve_message: cdktf.booleanToTerraform(s.disableResolveMessage),
    settings: cdktf.hashMapper(cdktf.stringToTerraform)(s.settings),
  };
}

/** The HCL attribute descriptors of {@link ContactPointIntegrationCommon}. */
export function contactPointIntegrationCommonToHclTerraform(s: ContactPointIntegrationCommon): {
  [name: string]: HclAttribute;
} {
  return {
    disable_resolve_message: hclBoolean(s.disableResolveMessage),
    settings: hclStringMap(s.settings),
  };
}
