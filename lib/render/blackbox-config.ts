import { BlackboxModuleModel } from '../model/exporters';
import { compact, generatedHeader, toYaml } from './yaml';

/** Renders blackbox.yml with every module the environment's probes use, sorted by name. */
export function renderBlackboxConfig(modules: readonly BlackboxModuleModel[]): string {
  const sorted = [...modules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const m of sorted) {
    out[m.name] = {
      prober: 'http',
      timeout: m.timeout.toPrometheus(),
      http: compact({
        method: m.http.method,
        valid_status_codes: m.http.validStatusCodes && m.http.validStatusCodes.length > 0 ? [...m.http.validStatusCodes] : undefined,
        fail_if_not_ssl: m.http.failIfNotSsl,
        follow_redirects: m.http.noFollowRedirects ? false : undefined,
        preferred_ip_protocol: m.http.preferredIpProtocol ?? 'ip4',
        fail_if_body_not_matches_regexp: m.http.failIfBodyNotMatchesRegexp && m.http.failIfBodyNotMatchesRegexp.length > 0 ? [...m.http.failIfBodyNotMatchesRegexp] : undefined,
      }),
    };
  }
  return toYaml({ modules: out }, generatedHeader('blackbox-exporter modules.'));
}
