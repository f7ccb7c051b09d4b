import { invalid, needsNewerVersion } from './errors';
import { Integration } from './receivers';
import { Secret } from './secret';
import { newestField } from './receivers/fields';
import { integrationSpec } from './receivers/specs';

/**
 * The oldest Alertmanager that must accept a rendered alertmanager.yml, as `"0.<minor>"` (e.g. `"0.28"`). Set it
 * lower for an Alertmanager you do not upgrade (an older install, a managed service); a receiver that needs a newer
 * Alertmanager is then refused with the version it needs.
 */
export type AlertmanagerVersion = `0.${number}`;

/**
 * The default: 0.28, the first line with Teams Workflows (`msteamsv2_configs`) and a webhook `url_file` that works,
 * so no secret URL is ever literal. The Docker host runs a newer image; the tests check with amtool 0.33.
 */
export const DEFAULT_ALERTMANAGER_VERSION: AlertmanagerVersion = '0.28';

/** The oldest line the renderer writes for (its `matchers`, `time_intervals` and `*_file` fields; checked with amtool 0.25). */
const OLDEST_MINOR = 25;

/** Validates an `alertmanager.version` setting and returns it. */
export function checkAlertmanagerVersion(version: unknown, where: string, field: string): AlertmanagerVersion {
  const minor = typeof version === 'string' ? /^0\.(\d{1,3})$/.exec(version)?.[1] : undefined;
  if (minor === undefined || Number(minor) < OLDEST_MINOR) {
    throw invalid(where, field, version, `an Alertmanager version "0.${OLDEST_MINOR}" or newer, written "0.<minor>" (e.g. "0.28")`);
  }
  return version as AlertmanagerVersion;
}

/** The minor version of a checked `AlertmanagerVersion`: `"0.28"` → 28. */
export function alertmanagerMinor(version: AlertmanagerVersion): number {
  return Number(version.slice(2));
}

/**
 * What an integration needs from Alertmanager beyond the oldest line, and why: the integration itself, or its newest
 * field (versions read tag by tag from Alertmanager's config structs, see lib/model/receivers/fields.ts).
 */
export function integrationRequirement(integration: Integration): { readonly minor: number; readonly feature: string; readonly field?: string } | undefined {
  let need: { minor: number; feature: string; field?: string } | undefined;
  const consider = (candidate: { minor: number; feature: string; field?: string } | undefined) => {
    if (candidate && (need === undefined || candidate.minor > need.minor)) need = candidate;
  };
  if (integration.type === 'msteams') consider({ minor: 28, feature: 'Teams Workflows webhooks (msteamsv2_configs) came in Alertmanager 0.28.0' });
  if (integration.type === 'webhook' && integration.options.url instanceof Secret) {
    consider({ minor: 28, feature: 'a webhook URL read from a file (url_file) came in 0.26.0 and stopped crashing Alertmanager in 0.28.0' });
  }
  const spec = integrationSpec(integration.type);
  if (spec?.minor !== undefined) consider({ minor: spec.minor, feature: `${spec.key} came in Alertmanager 0.${spec.minor}.0` });
  const field = spec === undefined ? undefined : newestField(integration.options, spec.fields);
  if (field) consider({ minor: field.minor, feature: `\`${field.field}\` came in Alertmanager 0.${field.minor}.0`, field: field.field });
  return need;
}

/**
 * Refuses an integration the configured Alertmanager version cannot run, naming the receiver and the minimum version.
 * @param where the construct that declared the receiver
 */
export function checkIntegrationVersion(integration: Integration, receiver: string, version: AlertmanagerVersion, where: string): void {
  const need = integrationRequirement(integration);
  if (need && alertmanagerMinor(version) < need.minor) {
    throw needsNewerVersion(where, `receiver ${receiver}, ${integration.type}${need.field ? `, ${need.field}` : ''}`, 'Alertmanager', `0.${need.minor}`, version, need.feature, 'alertmanager.version');
  }
}
