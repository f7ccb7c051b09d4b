import { Discovery } from '../../lib';
import { buildScrapeJob } from '../../lib/model/scrape';
import { buildDiscovery, DockerDiscoveryOptions } from '../../lib/model/service-discovery';
import { DISCOVERY_META_LABELS, metaLabelKind, sanitizeLabelName } from '../../lib/model/service-discovery-labels';
import { messageOf } from '../helpers/errors';

const W = 'ServiceScrape dev/monitoring/x';
const job = (discovery: Discovery[], extra: Record<string, unknown> = {}) => buildScrapeJob({ jobName: 'x', targets: [], discovery, ...extra }, W);
const bad = (d: Discovery) => messageOf(() => buildDiscovery(d, W, 'discovery[0]'));

describe('Discovery: validated where it is given', () => {
  test('a job with discovery needs no static targets; without either it is refused', () => {
    expect(job([Discovery.docker()]).targets).toEqual([]);
    expect(messageOf(() => buildScrapeJob({ jobName: 'x', targets: [] }, W))).toBe(
      `${W}, targets: got [], expected a non-empty list of "host:port" targets, e.g. ["api:8000"], or a discovery (Discovery.docker(), Discovery.files(...), ...)`,
    );
    expect(messageOf(() => buildScrapeJob({ jobName: 'x', targets: [], discovery: [{ kind: 'consul' } as unknown as Discovery] }, W))).toMatch(
      /discovery\[0\]: got .*expected a Discovery: Discovery.docker\(...\), Discovery.files\(...\), Discovery.dns\(...\), Discovery.http\(...\) or Discovery.kubernetes\(...\)$/,
    );
  });

  test('docker: host, label, ports, network, filters, options', () => {
    expect(bad(Discovery.docker({ host: 'ssh://me@host' }))).toBe(
      `${W}, discovery[0] (docker).host: got "ssh://me@host", expected a Docker daemon address: "unix:///var/run/docker.sock" or "tcp://docker-socket-proxy:2375"`,
    );
    expect(bad(Discovery.docker({ label: 'a b' }))).toContain('discovery[0] (docker).label: got "a b", expected a container label filter');
    expect(bad(Discovery.docker({ defaultPort: 70000 }))).toBe(`${W}, discovery[0] (docker).defaultPort: got 70000, expected a port between 1 and 65535`);
    expect(bad(Discovery.docker({ network: 'bad net' }))).toContain('(docker).network: got "bad net", expected the name of a Docker network');
    expect(bad(Discovery.docker({ filters: [{ name: 'label', values: [] }] }))).toContain('(docker).filters[0].values: got [], expected a non-empty list of non-empty strings');
    expect(bad(Discovery.docker({ lable: 'x' } as DockerDiscoveryOptions))).toContain('(docker).lable: got "lable", expected an option of Discovery.docker: one of label, portLabel');
    expect(bad(Discovery.docker({ libraryRelabeling: false, portLabel: 'p' }))).toContain('(docker).portLabel: got "p", expected no label-based option with libraryRelabeling: false');
    expect(bad(Discovery.docker({ host: 'tcp://user:pw@proxy:2375' }))).toContain('(docker).host');
  });

  test('files: targetGroups or paths, checked', () => {
    expect(bad(Discovery.files({}))).toBe(`${W}, discovery[0] (file): got "neither targetGroups nor paths", expected either targetGroups (written by the library) or paths (files you manage)`);
    expect(bad(Discovery.files({ targetGroups: [{ targets: ['a:1'] }], paths: ['/x/y.json'] }))).toContain('got "both targetGroups and paths"');
    expect(bad(Discovery.files({ targetGroups: [{ targets: ['http://api:8000'] }] }))).toBe(
      `${W}, discovery[0] (file).targetGroups[0].targets[0]: got "http://api:8000", expected a "host:port" target such as "api:8000" (leave out the scheme: set \`scheme\` and \`metricsPath\` instead)`,
    );
    expect(bad(Discovery.files({ targetGroups: [{ targets: ['a:1'], labels: { 'bad-name': 'x' } }] }))).toContain('targetGroups[0].labels');
    expect(bad(Discovery.files({ paths: ['targets/*.json'] }))).toBe(
      `${W}, discovery[0] (file).paths[0]: got "targets/*.json", expected an absolute path ending in .json, .yml or .yaml, with "*" only in the file name, e.g. "/etc/prometheus/targets/*.json"`,
    );
    expect(bad(Discovery.files({ paths: ['/srv/*/targets.json'] }))).toContain('paths[0]: got "/srv/*/targets.json"');
    expect(bad(Discovery.files({ paths: ['/srv/targets.txt'] }))).toContain('paths[0]: got "/srv/targets.txt"');
    expect(buildDiscovery(Discovery.files({ paths: ['/srv/t/*.yml'], refreshInterval: '30s' }), W, 'd')).toMatchObject({ kind: 'file', paths: ['/srv/t/*.yml'] });
  });

  test('dns: names, type, a port for every type but SRV', () => {
    expect(bad(Discovery.dns({ names: [] }))).toBe(`${W}, discovery[0] (dns).names: got [], expected a non-empty list of DNS names`);
    expect(bad(Discovery.dns({ names: ['bad name'] }))).toContain('(dns).names[0]: got "bad name", expected a DNS name');
    expect(bad(Discovery.dns({ names: ['api.internal'], type: 'TXT' as 'A' }))).toBe(`${W}, discovery[0] (dns).type: got "TXT", expected one of SRV, A, AAAA, MX, NS`);
    expect(bad(Discovery.dns({ names: ['api.internal'], type: 'A' }))).toBe(`${W}, discovery[0] (dns).port: got nothing, expected a port: A records carry no port (only SRV records do)`);
    expect(buildDiscovery(Discovery.dns({ names: ['_m._tcp.api.internal'] }), W, 'd')).toEqual({ kind: 'dns', names: ['_m._tcp.api.internal'], type: 'SRV', port: undefined, refreshInterval: undefined });
  });

  test('http: an http(s) URL with a host and no credential', () => {
    expect(bad(Discovery.http({ url: 'sd:8080/targets' }))).toBe(`${W}, discovery[0] (http).url: got "sd:8080/targets", expected an http:// or https:// URL with a host, e.g. "http://sd.internal:8080/targets"`);
    expect(bad(Discovery.http({ url: 'https://user:secret@sd/targets' }))).not.toContain('secret@');
    expect(bad(Discovery.http({ url: 'https://sd/targets', refreshInterval: '0s' }))).toBe(`${W}, discovery[0] (http).refreshInterval: got "0s", expected a duration > 0`);
  });

  test('kubernetes: role, namespaces, selectors', () => {
    expect(bad(Discovery.kubernetes({ role: 'deployment' as 'pod' }))).toBe(`${W}, discovery[0] (kubernetes).role: got "deployment", expected one of node, service, pod, endpoints, endpointslice, ingress`);
    expect(bad(Discovery.kubernetes({ role: 'pod', namespaces: ['Default'] }))).toContain('(kubernetes).namespaces[0]: got "Default"');
    expect(bad(Discovery.kubernetes({ role: 'pod', labelSelector: ' ' }))).toContain('(kubernetes).labelSelector');
  });

  test('a __meta_* label of a mechanism the job does not use is refused (it is always empty)', () => {
    expect(messageOf(() => job([Discovery.files({ paths: ['/srv/t.json'] })], { relabelConfigs: [{ sourceLabels: ['__meta_docker_container_label_team'], targetLabel: 'team' }] }))).toBe(
      `${W}, relabelConfigs[0].sourceLabels[0]: got "__meta_docker_container_label_team", expected a label this job's targets have: ` +
        '__meta_docker_container_label_team is set by docker_sd_configs only, and this job has file_sd_configs',
    );
    expect(messageOf(() => buildScrapeJob({ jobName: 'x', targets: ['a:1'], relabelConfigs: [{ sourceLabels: ['__meta_filepath'], action: 'drop' }] }, W))).toContain(
      'and this job has static targets only',
    );
    expect(job([Discovery.files({ paths: ['/srv/t.json'] })], { relabelConfigs: [{ sourceLabels: ['__meta_filepath'], targetLabel: 'file' }] }).relabelConfigs).toHaveLength(1);
    expect(messageOf(() => job([Discovery.files({ paths: ['/srv/t.json'] })], { metricRelabelConfigs: [{ sourceLabels: ['__meta_filepath'], action: 'drop' }] }))).toBe(
      `${W}, metricRelabelConfigs[0].sourceLabels[0]: got "__meta_filepath", expected a label of the scraped samples: __meta_* labels exist only in relabelConfigs (copy one to a label there first)`,
    );
  });

  test('Discovery.docker puts its relabel rules before the job\'s own; libraryRelabeling: false puts none', () => {
    const j = job([Discovery.docker({ network: 'app.net', portLabel: 'metrics/port' })], { relabelConfigs: [{ sourceLabels: ['container'], regex: 'db.*', action: 'drop' }] });
    expect(j.relabelConfigs).toEqual([
      { sourceLabels: ['__meta_docker_network_name'], regex: 'app\\.net', action: 'keep' },
      { sourceLabels: ['__meta_docker_network_ip', '__meta_docker_container_label_metrics_port'], regex: '(.+);(\\d+)', targetLabel: '__address__', replacement: '$1:$2' },
      { sourceLabels: ['__meta_docker_container_label_prometheus_io_path'], regex: '(/.*)', targetLabel: '__metrics_path__' },
      { sourceLabels: ['__meta_docker_container_name'], regex: '/?(.*)', targetLabel: 'container' },
      { sourceLabels: ['container'], regex: 'db.*', action: 'drop' },
    ]);
    expect(j.discovery).toEqual([{ kind: 'docker', host: 'unix:///var/run/docker.sock', port: undefined, filters: [{ name: 'label', values: ['prometheus.io/scrape=true'] }], refreshInterval: undefined }]);
    const raw = job([Discovery.docker({ libraryRelabeling: false, host: 'tcp://proxy:2375' })]);
    expect([raw.relabelConfigs, raw.discovery?.[0]]).toEqual([[], { kind: 'docker', host: 'tcp://proxy:2375', port: undefined, filters: [], refreshInterval: undefined }]);
  });

  test('the __meta_* labels of each mechanism, and label name sanitizing', () => {
    expect(Object.keys(DISCOVERY_META_LABELS)).toEqual(['docker', 'file', 'dns', 'http', 'kubernetes']);
    for (const [kind, labels] of Object.entries(DISCOVERY_META_LABELS)) for (const l of labels) expect([l, metaLabelKind(l)]).toEqual([l, kind]);
    expect(sanitizeLabelName('prometheus.io/scrape')).toBe('prometheus_io_scrape');
    expect(metaLabelKind('__meta_consul_service')).toBeUndefined();
  });
});
