import * as path from 'path';
import { parse } from 'yaml';
import { Discovery, ServiceScrape } from '../../lib';
import { importScrapeConfigs } from '../../lib/import';
import { AgentCredentials } from '../../lib/targets/aws';
import { dockerEnvironment, synthJson } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';
import { awsEnvironment } from '../targets/aws/helpers';

/** Only the Prometheus part of the rendered files (prometheus.yml, rule files, file_sd target files). */
function prometheusFiles(files: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('prometheus/')));
}

/** A Docker environment with one job of every mechanism a Docker host runs. */
function dockerSdEnvironment() {
  const env = dockerEnvironment({}, { dockerSocket: { groupId: 999 } });
  const { monitoring } = env;
  new ServiceScrape(monitoring, 'containers', { discovery: Discovery.docker({ network: 'app', refreshInterval: '15s' }), labels: { team: 'platform' } });
  new ServiceScrape(monitoring, 'proxied', {
    discovery: Discovery.docker({ host: 'tcp://docker-socket-proxy:2375', libraryRelabeling: false, filters: [{ name: 'network', values: ['app'] }], defaultPort: 9100 }),
    relabelConfigs: [{ sourceLabels: ['__meta_docker_container_label_com_docker_compose_service'], targetLabel: 'service' }],
  });
  new ServiceScrape(monitoring, 'batch', {
    discovery: Discovery.files({ targetGroups: [{ targets: ['batch-1:9000', 'batch-2:9000'], labels: { tier: 'batch' } }, { targets: ['cron:9000'] }] }),
    relabelConfigs: [{ sourceLabels: ['__meta_filepath'], targetLabel: 'target_file' }],
  });
  new ServiceScrape(monitoring, 'managed-files', { discovery: Discovery.files({ paths: ['/srv/prometheus/targets/*.json', '/srv/prometheus/more.yml'], refreshInterval: '1m' }) });
  new ServiceScrape(monitoring, 'by-dns', {
    discovery: [Discovery.dns({ names: ['_metrics._tcp.api.internal'] }), Discovery.dns({ names: ['api.internal'], type: 'A', port: 8000 })],
    relabelConfigs: [{ sourceLabels: ['__meta_dns_name'], targetLabel: 'dns_name' }],
  });
  new ServiceScrape(monitoring, 'by-http', { discovery: Discovery.http({ url: 'http://sd.internal:8080/targets', refreshInterval: '2m' }), targets: ['static:9000'] });
  return env;
}

describe('service discovery: rendered prometheus.yml judged by promtool 3.x', () => {
  test('every discovery job of a Docker host renders as Prometheus reads it, and promtool check config accepts it', () => {
    const { monitoring, stack } = dockerSdEnvironment();
    synthJson(stack); // the synth validations pass
    const files = prometheusFiles(monitoring.renderedFiles());
    expect(Object.keys(files).filter((f) => f.includes('file_sd'))).toEqual(['prometheus/file_sd/batch.json']);
    expect(JSON.parse(files['prometheus/file_sd/batch.json'])).toEqual([
      { targets: ['batch-1:9000', 'batch-2:9000'], labels: { tier: 'batch' } },
      { targets: ['cron:9000'] },
    ]);
    const jobs = Object.fromEntries((parse(files['prometheus/prometheus.yml']).scrape_configs as any[]).map((j) => [j.job_name, j]));
    expect(jobs.containers).toEqual({
      job_name: 'containers',
      fallback_scrape_protocol: 'PrometheusText0.0.4',
      docker_sd_configs: [{ host: 'unix:///var/run/docker.sock', filters: [{ name: 'label', values: ['prometheus.io/scrape=true'] }], refresh_interval: '15s' }],
      relabel_configs: [
        { target_label: 'team', replacement: 'platform' },
        { source_labels: ['__meta_docker_network_name'], regex: 'app', action: 'keep' },
        { source_labels: ['__meta_docker_network_ip', '__meta_docker_container_label_prometheus_io_port'], target_label: '__address__', regex: '(.+);(\\d+)', replacement: '$1:$2' },
        { source_labels: ['__meta_docker_container_label_prometheus_io_path'], target_label: '__metrics_path__', regex: '(/.*)' },
        { source_labels: ['__meta_docker_container_name'], target_label: 'container', regex: '/?(.*)' },
      ],
    });
    expect(jobs.batch.file_sd_configs).toEqual([{ files: ['file_sd/batch.json'] }]);
    expect(jobs['managed-files'].file_sd_configs).toEqual([{ files: ['/srv/prometheus/targets/*.json', '/srv/prometheus/more.yml'], refresh_interval: '1m' }]);
    expect(jobs['by-dns'].dns_sd_configs).toEqual([{ names: ['_metrics._tcp.api.internal'], type: 'SRV' }, { names: ['api.internal'], type: 'A', port: 8000 }]);
    expect([jobs['by-http'].http_sd_configs, jobs['by-http'].static_configs]).toEqual([[{ url: 'http://sd.internal:8080/targets', refresh_interval: '2m' }], [{ targets: ['static:9000'] }]]);
    expect(jobs.proxied.docker_sd_configs).toEqual([{ host: 'tcp://docker-socket-proxy:2375', port: 9100, filters: [{ name: 'network', values: ['app'] }] }]);

    const dir = writeTempFiles(files);
    const result = runTool('promtool', ['check', 'config', path.join(dir, 'prometheus/prometheus.yml')]);
    // The user-managed files do not exist on this machine: promtool warns and accepts. The rendered file exists.
    expect(result.output).toContain('SUCCESS');
    expect(result.output).not.toContain('file_sd/batch.json" for file_sd');
    expect(result.status).toBe(0);
  });

  test('a typo promtool would refuse is what the oracle catches (the oracle can fail)', () => {
    const { monitoring } = dockerSdEnvironment();
    const files = prometheusFiles(monitoring.renderedFiles());
    files['prometheus/prometheus.yml'] = files['prometheus/prometheus.yml'].replace('refresh_interval: 15s', 'refresh_interval: soon');
    const result = runTool('promtool', ['check', 'config', path.join(writeTempFiles(files), 'prometheus/prometheus.yml')]);
    expect(result.status).not.toBe(0);
  });

  test('AWS: the EKS scraper configuration with kubernetes_sd_configs and the agents\' dns/file jobs pass promtool', () => {
    const { monitoring, aws, stack } = awsEnvironment({
      agents: [{ name: 'app-1', dockerHost: 'ssh://app-1' }],
      agentCredentials: AgentCredentials.instanceRole(),
      eksScrapers: [{ name: 'main', clusterArn: 'arn:aws:eks:eu-west-1:123456789012:cluster/main', subnetIds: ['subnet-1'] }],
    });
    new ServiceScrape(monitoring, 'pods', {
      discovery: Discovery.kubernetes({ role: 'pod', namespaces: ['shop'], labelSelector: 'app.kubernetes.io/part-of=shop' }),
      relabelConfigs: [
        { sourceLabels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'], regex: 'true', action: 'keep' },
        { sourceLabels: ['__meta_kubernetes_namespace'], targetLabel: 'namespace' },
      ],
    });
    new ServiceScrape(monitoring, 'api', { discovery: Discovery.dns({ names: ['api.internal'], type: 'A', port: 8000 }) });
    new ServiceScrape(monitoring, 'batch', { discovery: Discovery.files({ targetGroups: [{ targets: ['batch:9000'] }] }) });
    synthJson(stack);
    const files = aws.renderedFiles();
    const scraper = parse(files['aws/scrapers/main/scrape-configuration.yml']).scrape_configs as any[];
    const agent = parse(files['aws/agents/app-1/prometheus.yml']).scrape_configs as any[];
    // Each takes the jobs it can run: Kubernetes to the scraper, DNS to the agent.
    expect(scraper.map((j) => j.job_name)).toEqual(['pods']);
    expect(agent.map((j) => j.job_name)).toEqual(['api', 'batch', 'node', 'prometheus-agent']);
    expect(files['aws/agents/app-1/file_sd/batch.json']).toBeDefined();
    expect(scraper[0].kubernetes_sd_configs).toEqual([{ role: 'pod', namespaces: { names: ['shop'] }, selectors: [{ role: 'pod', label: 'app.kubernetes.io/part-of=shop' }] }]);
    const dir = writeTempFiles(files);
    expect(runTool('promtool', ['check', 'config', path.join(dir, 'aws/scrapers/main/scrape-configuration.yml')])).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
    expect(runTool('promtool', ['check', 'config', '--agent', path.join(dir, 'aws/agents/app-1/prometheus.yml')])).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  test('an imported prometheus.yml with every supported discovery renders back equivalent, and promtool accepts it', () => {
    const text = `global: { scrape_interval: 15s }
scrape_configs:
  - job_name: containers
    docker_sd_configs:
      - host: unix:///var/run/docker.sock
        refresh_interval: 30s
        filters: [{ name: label, values: ["prometheus.io/scrape=true"] }]
    relabel_configs:
      - source_labels: [__meta_docker_container_label_prometheus_io_port]
        regex: (\\d+)
        target_label: __tmp_port
      - source_labels: [__meta_docker_container_name]
        regex: /(.*)
        target_label: container
  - job_name: files
    file_sd_configs: [{ files: [/etc/prometheus/targets/*.json], refresh_interval: 5m }]
  - job_name: dns
    dns_sd_configs: [{ names: [_prom._tcp.example.internal], type: SRV, refresh_interval: 30s }]
  - job_name: http
    http_sd_configs: [{ url: "http://sd:8080/targets" }]
    metric_relabel_configs: [{ source_labels: [__name__], regex: go_.*, action: drop }]
`;
    const { monitoring, stack } = dockerEnvironment({}, { dockerSocket: { groupId: 998 } });
    const imported = importScrapeConfigs(text, 'prometheus.yml');
    for (const job of imported.jobs) new ServiceScrape(monitoring, job.jobName, { ...job, fallbackScrapeProtocol: undefined });
    synthJson(stack);
    const rendered = prometheusFiles(monitoring.renderedFiles());
    const dir = writeTempFiles(rendered);
    expect(runTool('promtool', ['check', 'config', path.join(dir, 'prometheus/prometheus.yml')]).status).toBe(0);
    // Equivalence: the source's jobs, field by field (the library adds fallback_scrape_protocol only to typed jobs).
    const byName = (doc: any) => Object.fromEntries((doc.scrape_configs as any[]).map((j) => [j.job_name, j]));
    const source = byName(parse(text));
    const back = byName(parse(rendered['prometheus/prometheus.yml']));
    for (const name of Object.keys(source)) {
      const { fallback_scrape_protocol: _ignored, ...job } = back[name];
      expect(job).toEqual(source[name]);
    }
  });
});
