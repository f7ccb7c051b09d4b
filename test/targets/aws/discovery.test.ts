import { Discovery, ServiceScrape } from '../../../lib';
import { AgentCredentials } from '../../../lib/targets/aws';
import { messageOf } from '../../helpers/errors';
import { synthJson } from '../../helpers/stacks';
import { awsEnvironment } from './helpers';

const CLUSTER = { name: 'main', clusterArn: 'arn:aws:eks:eu-west-1:123456789012:cluster/main', subnetIds: ['subnet-1'] };
const AGENT = { name: 'app-1', dockerHost: 'ssh://app-1' };

describe('AwsManagedTarget: discovery each scraper runs', () => {
  test('a Kubernetes job named in an agent host\'s jobs is refused, pointing at the EKS scraper', () => {
    const { monitoring, stack } = awsEnvironment({ agents: [{ ...AGENT, jobs: ['pods'] }], agentCredentials: AgentCredentials.instanceRole(), eksScrapers: [CLUSTER] });
    new ServiceScrape(monitoring, 'pods', { discovery: Discovery.kubernetes({ role: 'pod' }) });
    expect(messageOf(() => synthJson(stack))).toContain(
      'agents[0].jobs[0]: job "pods" discovers its targets with kubernetes_sd_configs, which a Prometheus agent host does not run (it runs static targets and dns_sd_configs, http_sd_configs, file_sd_configs); ' +
        'an AMP managed scraper (EKS) does: list it there',
    );
  });

  test('a DNS job named in an EKS scraper\'s jobs is refused', () => {
    const { monitoring, stack } = awsEnvironment({ eksScrapers: [{ ...CLUSTER, jobs: ['api'] }] });
    new ServiceScrape(monitoring, 'api', { discovery: Discovery.dns({ names: ['_m._tcp.api'] }) });
    expect(messageOf(() => synthJson(stack))).toContain(
      'eksScrapers[0].jobs[0]: job "api" discovers its targets with dns_sd_configs, which an AMP managed scraper (EKS) does not run (it runs static targets and kubernetes_sd_configs)',
    );
  });

  test('a discovery job nothing of the target runs is refused, not dropped', () => {
    const { monitoring, stack } = awsEnvironment({ agents: [AGENT], agentCredentials: AgentCredentials.instanceRole() });
    new ServiceScrape(monitoring, 'containers', { discovery: Discovery.docker() });
    new ServiceScrape(monitoring, 'pods', { discovery: Discovery.kubernetes({ role: 'node' }) });
    const message = messageOf(() => synthJson(stack));
    expect(message).toContain(
      'ServiceScrape test/monitoring/containers, discovery: uses docker_sd_configs, which no scraper of this AwsManagedTarget runs: Prometheus agent hosts (agents) run dns_sd_configs, http_sd_configs and ' +
        'file_sd_configs with targetGroups, AMP managed scrapers (eksScrapers) run kubernetes_sd_configs; docker_sd_configs and files on the host run on a DockerHostTarget',
    );
    expect(message).toContain('ServiceScrape test/monitoring/pods, discovery: uses kubernetes_sd_configs, which no scraper of this AwsManagedTarget runs');
  });

  test('target files the library writes are uploaded beside the agent\'s prometheus.yml; files on the host are refused there', () => {
    const { monitoring, stack, aws } = awsEnvironment({ agents: [AGENT], agentCredentials: AgentCredentials.instanceRole() });
    new ServiceScrape(monitoring, 'batch', { discovery: Discovery.files({ targetGroups: [{ targets: ['batch:9000'] }] }) });
    const json = synthJson(stack);
    expect(Object.keys(aws.renderedFiles()).filter((f) => f.startsWith('aws/agents/'))).toEqual(['aws/agents/app-1/file_sd/batch.json', 'aws/agents/app-1/prometheus.yml']);
    const loader = Object.values<any>(json.resource.docker_container).find((c) => c.name === 'prod-prometheus-agent-config-loader');
    expect(loader.upload.map((u: any) => u.file)).toEqual(['/etc/monitoring/prometheus.yml', '/etc/monitoring/file_sd/batch.json']);
    expect(JSON.parse(loader.upload[1].content)).toEqual([{ targets: ['batch:9000'] }]);

    const host = awsEnvironment({ agents: [{ ...AGENT, jobs: ['inventory'] }], agentCredentials: AgentCredentials.instanceRole() });
    new ServiceScrape(host.monitoring, 'inventory', { discovery: Discovery.files({ paths: ['/srv/targets/*.json'] }) });
    expect(messageOf(() => synthJson(host.stack))).toContain(
      'ServiceScrape test/monitoring/inventory, discovery: uses file_sd_configs with paths (files on the host), which no scraper of this AwsManagedTarget runs',
    );
  });
});
