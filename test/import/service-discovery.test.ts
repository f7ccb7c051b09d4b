import { Discovery, ServiceScrape } from '../../lib';
import { importScrapeConfigs } from '../../lib/import';
import { dockerEnvironment } from '../helpers/stacks';
import { errorOf } from './helpers';

const job = (body: string) => `scrape_configs:\n  - job_name: api\n${body}`;
const imported = (body: string) => importScrapeConfigs(job(body), 'p.yml').jobs[0];

describe('importScrapeConfigs: service discovery', () => {
  test('each supported mechanism imports as a Discovery, with its relabel configs', () => {
    expect(imported('    docker_sd_configs: [{ host: "unix:///var/run/docker.sock", port: 9100, refresh_interval: 30s, filters: [{ name: label, values: [a=b] }] }]\n    relabel_configs: [{ source_labels: [__meta_docker_container_name], regex: "/(.*)", target_label: container }]\n')).toEqual({
      jobName: 'api',
      targets: [],
      discovery: [Discovery.docker({ libraryRelabeling: false, host: 'unix:///var/run/docker.sock', defaultPort: 9100, filters: [{ name: 'label', values: ['a=b'] }], refreshInterval: expect.anything() })],
      relabelConfigs: [{ sourceLabels: ['__meta_docker_container_name'], regex: '/(.*)', targetLabel: 'container' }],
    });
    expect(imported('    file_sd_configs: [{ files: [/etc/prometheus/t/*.json] }]\n').discovery).toEqual([Discovery.files({ paths: ['/etc/prometheus/t/*.json'] })]);
    expect(imported('    dns_sd_configs: [{ names: [api.internal], type: A, port: 80 }]\n').discovery).toEqual([Discovery.dns({ names: ['api.internal'], type: 'A', port: 80 })]);
    expect(imported('    http_sd_configs: [{ url: "http://sd/t" }]\n').discovery).toEqual([Discovery.http({ url: 'http://sd/t' })]);
    expect(imported('    kubernetes_sd_configs: [{ role: pod, namespaces: { names: [shop] }, selectors: [{ role: pod, label: app=api }] }]\n').discovery).toEqual([
      Discovery.kubernetes({ role: 'pod', namespaces: ['shop'], labelSelector: 'app=api' }),
    ]);
    // Static targets beside discovery stay.
    expect(imported('    static_configs: [{ targets: [a:1] }]\n    dns_sd_configs: [{ names: [_m._tcp.x] }]\n').targets).toEqual(['a:1']);
  });

  test('an imported discovery job becomes a ServiceScrape', () => {
    const { monitoring } = dockerEnvironment();
    const [scrape] = ServiceScrape.fromPrometheusConfig(monitoring, job('    http_sd_configs: [{ url: "http://sd/t" }]\n'));
    expect(scrape.job.discovery).toEqual([{ kind: 'http', url: 'http://sd/t', refreshInterval: undefined }]);
  });

  test('other mechanisms are refused naming the job, the key and what is supported', () => {
    expect(errorOf(() => importScrapeConfigs(job('    ec2_sd_configs: [{ region: eu-west-1 }]\n'), 'p.yml'))).toBe(
      'p.yml:3:5, job api, scrape_configs[0].ec2_sd_configs: service discovery with `ec2_sd_configs` is not supported by cdktf-monitoring; supported: `static_configs`, ' +
        '`docker_sd_configs`, `file_sd_configs`, `dns_sd_configs`, `http_sd_configs`, `kubernetes_sd_configs` (list the targets in static_configs, or write them to a file for file_sd_configs)',
    );
  });

  test('fields of a mechanism: unmodelled ones refused as not supported, typos with the list, bad values with their line', () => {
    expect(errorOf(() => importScrapeConfigs(job('    http_sd_configs: [{ url: "http://sd/t", oauth2: {} }]\n'), 'p.yml'))).toBe(
      'p.yml:3:45, job api, scrape_configs[0].http_sd_configs[0].oauth2: `oauth2` of an entry of http_sd_configs is not supported by cdktf-monitoring (yet); supported: `url`, `refresh_interval`',
    );
    expect(errorOf(() => importScrapeConfigs(job('    dns_sd_configs: [{ names: [a.b], typ: A }]\n'), 'p.yml'))).toContain('dns_sd_configs[0].typ: an entry of dns_sd_configs has no `typ` (did you mean `type`?)');
    expect(errorOf(() => importScrapeConfigs(job('    file_sd_configs: [{ files: [targets/*.json] }]\n'), 'p.yml'))).toBe(
      'p.yml:3:33, job api, scrape_configs[0].file_sd_configs[0].files[0]: got "targets/*.json", expected an absolute path of a target file you manage (a relative path resolves against the folder of prometheus.yml, which cdktf-monitoring renders); ' +
        'or list the targets in code with Discovery.files({ targetGroups })',
    );
    expect(errorOf(() => importScrapeConfigs(job('    dns_sd_configs: [{ names: [a.b], type: A }]\n'), 'p.yml'))).toBe(
      'p.yml:2:5, job api, scrape_configs[0], discovery[0] (dns).port: got nothing, expected a port: A records carry no port (only SRV records do)',
    );
    expect(errorOf(() => importScrapeConfigs(job('    kubernetes_sd_configs: [{ role: pod, selectors: [{ role: node, label: a=b }] }]\n'), 'p.yml'))).toContain(
      'kubernetes_sd_configs[0].selectors[0].role: got "node", expected one selector, for the job\'s role "pod"',
    );
    expect(errorOf(() => importScrapeConfigs(job('    kubernetes_sd_configs: [{ role: pod, api_server: "https://k8s" }]\n'), 'p.yml'))).toContain(
      '`api_server` of an entry of kubernetes_sd_configs is not supported by cdktf-monitoring (yet); supported: `role`, `namespaces`, `selectors`',
    );
  });

  test('static labels in a job that also discovers are refused (a ServiceScrape\'s labels reach every target)', () => {
    expect(errorOf(() => importScrapeConfigs(job('    static_configs: [{ targets: [a:1], labels: { x: y } }]\n    http_sd_configs: [{ url: "http://sd/t" }]\n'), 'p.yml'))).toContain(
      'static_configs without labels in a job that also discovers targets',
    );
  });
});
