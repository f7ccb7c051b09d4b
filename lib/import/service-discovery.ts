import { Duration } from '../model/duration';
import { Discovery, DnsRecordType, DockerFilter, KubernetesRole } from '../model/service-discovery';
import { DISCOVERY_KEYS } from '../model/service-discovery-labels';
import { unsupportedDiscovery } from './messages';
import { duration, unsupported } from './prometheus-global';
import { optional } from './shared';
import { SourceMap, SourceNode } from './yaml-source';

/** The `*_sd_configs` keys that import, in the order the library renders them. */
export const IMPORTED_DISCOVERY_KEYS: readonly string[] = Object.values(DISCOVERY_KEYS);

// Keys of each mechanism as Prometheus 3.x defines them (docs/configuration/configuration.md): the first list imports,
// the second is Prometheus' but not modelled (refused as "not supported by cdktf-monitoring"); anything else is a typo.
const HTTP_CLIENT = [
  'basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file', 'tls_config', 'proxy_url', 'no_proxy', 'proxy_from_environment',
  'proxy_connect_header', 'follow_redirects', 'enable_http2', 'http_headers',
];
const KEYS: Readonly<Record<string, { readonly supported: readonly string[]; readonly other: readonly string[] }>> = {
  docker_sd_configs: { supported: ['host', 'port', 'filters', 'refresh_interval'], other: ['host_networking_host', 'match_first_network', ...HTTP_CLIENT] },
  file_sd_configs: { supported: ['files', 'refresh_interval'], other: [] },
  dns_sd_configs: { supported: ['names', 'type', 'port', 'refresh_interval'], other: [] },
  http_sd_configs: { supported: ['url', 'refresh_interval'], other: HTTP_CLIENT },
  kubernetes_sd_configs: { supported: ['role', 'namespaces', 'selectors'], other: ['api_server', 'kubeconfig_file', 'attach_metadata', ...HTTP_CLIENT] },
};

function checkKeys(map: SourceMap, key: string): void {
  const { supported, other } = KEYS[key];
  const owner = `an entry of ${key}`;
  for (const k of map.keys()) if (other.includes(k)) throw unsupported(map, k, owner, supported);
  map.checkKeys(owner, supported);
}

function refresh(map: SourceMap): { refreshInterval?: Duration } {
  return optional('refreshInterval', duration(map, 'refresh_interval'));
}

/**
 * Imports a job's `*_sd_configs` as Discovery objects (`buildScrapeJob` validates them afterwards). A mechanism the
 * library does not render is refused naming the job, the key and the supported ones.
 */
export function importDiscovery(job: SourceMap): Discovery[] {
  const out: Discovery[] = [];
  for (const key of job.keys()) {
    if (!key.endsWith('_sd_configs')) continue;
    if (!IMPORTED_DISCOVERY_KEYS.includes(key)) {
      const at = job.keyOf(key);
      throw unsupportedDiscovery(at.where, at.field, key, IMPORTED_DISCOVERY_KEYS);
    }
    for (const node of job.get(key)!.seq(`a list of ${key} entries`)) out.push(importOne(key, node));
  }
  return out;
}

function importOne(key: string, node: SourceNode): Discovery {
  const map = node.map(`an entry of ${key}`);
  checkKeys(map, key);
  switch (key) {
    case 'docker_sd_configs':
      return Discovery.docker({
        libraryRelabeling: false,
        host: map.req('host', 'the Docker daemon address, e.g. unix:///var/run/docker.sock').string('a Docker daemon address'),
        ...optional('defaultPort', map.opt('port')?.integer()),
        ...optional('filters', map.opt('filters')?.seq('a list of { name, values } filters').map((f) => importFilter(f))),
        ...refresh(map),
      });
    case 'file_sd_configs': {
      const files = map.req('files', 'a list of target file patterns');
      const paths = files.seq('a list of target file patterns').map((p) => {
        const path = p.string('a file path');
        // Prometheus resolves a relative path against prometheus.yml's folder: the rendered config volume here.
        if (!path.startsWith('/')) {
          throw p.invalid(
            'an absolute path of a target file you manage (a relative path resolves against the folder of prometheus.yml, which cdktf-monitoring renders); ' +
              'or list the targets in code with Discovery.files({ targetGroups })',
          );
        }
        return path;
      });
      return Discovery.files({ paths, ...refresh(map) });
    }
    case 'dns_sd_configs':
      return Discovery.dns({
        names: map.req('names', 'a list of DNS names').strings('a list of DNS names'),
        ...optional('type', map.optString('type', 'a record type') as DnsRecordType | undefined),
        ...optional('port', map.opt('port')?.integer()),
        ...refresh(map),
      });
    case 'http_sd_configs':
      return Discovery.http({ url: map.req('url', 'an http(s) URL').string('an http(s) URL'), ...refresh(map) });
    default:
      return importKubernetes(map);
  }
}

function importFilter(node: SourceNode): DockerFilter {
  const map = node.map('a filter: { name, values }');
  map.checkKeys('a Docker filter', ['name', 'values']);
  return { name: map.req('name', 'a filter name').string('a filter name'), values: map.req('values', 'a list of values').strings('a list of values') };
}

function importKubernetes(map: SourceMap): Discovery {
  const role = map.req('role', 'a Kubernetes role').string('a Kubernetes role') as KubernetesRole;
  let namespaces: string[] | undefined;
  const ns = map.opt('namespaces');
  if (ns !== undefined) {
    const nsMap = ns.map('namespaces: { names: [...] }');
    for (const k of nsMap.keys()) if (k === 'own_namespace') throw unsupported(nsMap, k, 'namespaces of kubernetes_sd_configs', ['names']);
    nsMap.checkKeys('namespaces of kubernetes_sd_configs', ['names']);
    namespaces = nsMap.opt('names')?.strings('a list of namespace names');
  }
  let labelSelector: string | undefined;
  let fieldSelector: string | undefined;
  const selectors = map.opt('selectors')?.seq('a list of selectors') ?? [];
  for (const [i, s] of selectors.entries()) {
    const sel = s.map('a selector: { role, label, field }');
    sel.checkKeys('a selector of kubernetes_sd_configs', ['role', 'label', 'field']);
    const selRole = sel.req('role', 'the role the selector applies to').string('a role');
    // One selector for the job's own role is what Discovery.kubernetes models.
    if (selRole !== role || i > 0) {
      throw sel.get('role')!.invalid(`one selector, for the job's role "${role}" (selectors for other roles are not supported by cdktf-monitoring)`);
    }
    labelSelector = sel.optString('label', 'a label selector');
    fieldSelector = sel.optString('field', 'a field selector');
  }
  return Discovery.kubernetes({ role, ...optional('namespaces', namespaces), ...optional('labelSelector', labelSelector), ...optional('fieldSelector', fieldSelector) });
}
