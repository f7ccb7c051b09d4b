import { invalid } from '../../model/errors';

/** The Amazon Managed Grafana workspace options both AWS targets take. */
export interface GrafanaWorkspaceOptionsInput {
  readonly authenticationProviders?: readonly ('AWS_SSO' | 'SAML')[];
  readonly grafanaVersion?: string;
}

/** The checked options, defaults applied. */
export interface GrafanaWorkspaceSettings {
  readonly authenticationProviders: ('AWS_SSO' | 'SAML')[];
  readonly grafanaVersion: string;
}

/** The Grafana version of a workspace when none is given. */
export const DEFAULT_GRAFANA_VERSION = '10.4';

/** Checks the workspace options (`grafana.…` props) and applies their defaults. */
export function checkGrafanaWorkspaceOptions(options: GrafanaWorkspaceOptionsInput, where: string): GrafanaWorkspaceSettings {
  const providers = [...(options.authenticationProviders ?? ['AWS_SSO' as const])];
  if (providers.length === 0 || providers.some((p) => p !== 'AWS_SSO' && p !== 'SAML')) {
    throw invalid(where, 'grafana.authenticationProviders', providers, 'one or both of "AWS_SSO" and "SAML"');
  }
  const version = options.grafanaVersion ?? DEFAULT_GRAFANA_VERSION;
  const [major, minor] = version.split('.').map(Number);
  if (!/^\d+(\.\d+)?$/.test(version) || major < 9 || (major === 9 && (minor ?? 0) < 4)) {
    throw invalid(where, 'grafana.grafanaVersion', version, 'a Grafana version of 9.4 or later such as "10.4" (service accounts need 9.4)');
  }
  return { authenticationProviders: providers, grafanaVersion: version };
}
