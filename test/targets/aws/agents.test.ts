import { Testing } from 'cdktf';
import { Container } from '@cdktf/provider-docker/lib/container';
import { IamUserPolicy } from '@cdktf/provider-aws/lib/iam-user-policy';
import { AgentCredentials } from '../../../lib/targets/aws';
import { Secret, ServiceScrape } from '../../../lib';
import { awsEnvironment } from './helpers';

describe('AwsManagedTarget: Prometheus agents on a fleet of Docker hosts', () => {
  const { stack, monitoring, aws } = awsEnvironment({
    agents: [
      { name: 'app-1', dockerHost: 'ssh://deploy@app-1.example.internal', attachNetworks: ['app'], labels: { rack: 'a' } },
      { name: 'app-2', dockerHost: 'tcp://app-2.example.internal:2376', certPath: '/etc/docker-certs/app-2', nodeExporter: false, credentials: AgentCredentials.instanceRole() },
    ],
    agentCredentials: AgentCredentials.fromVariables({ accessKeyIdVariable: 'agent_access_key_id', secretAccessKeyVariable: 'agent_secret_access_key', roleArn: 'arn:aws:iam::123456789012:role/remote-write' }),
  });
  new ServiceScrape(monitoring, 'api', { targets: ['api:8000'], bearerToken: Secret.fromVariable('api_metrics_token') });
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);
  const containers = Object.values(json.resource.docker_container) as any[];
  const agent = (host: string) => containers.find((c) => c.name === 'prod-prometheus-agent' && c.provider === `docker.agent-${host}`);
  /** Files reach the agent's read-only container through its config loader. */
  const uploads = (host: string): any[] => containers.find((c) => c.name === 'prod-prometheus-agent-config-loader' && c.provider === `docker.agent-${host}`).upload;

  test('each host gets its own docker provider (ssh:// or tcp:// with TLS)', () => {
    expect(json.provider.docker).toEqual([
      { alias: 'agent-app-1', host: 'ssh://deploy@app-1.example.internal' },
      { alias: 'agent-app-2', host: 'tcp://app-2.example.internal:2376', cert_path: '/etc/docker-certs/app-2' },
    ]);
  });

  test('the agent is a hardened Prometheus 3.x container in agent mode (--agent) with no published ports', () => {
    for (const host of ['app-1', 'app-2']) {
      const c = agent(host);
      expect(c).toMatchObject({ restart: 'unless-stopped', read_only: true, security_opts: ['no-new-privileges:true'], capabilities: { drop: ['ALL'] }, memory: 512 });
      expect(c.command).toEqual(['--agent', '--config.file=/etc/monitoring/prometheus.yml', '--storage.agent.path=/prometheus', '--web.listen-address=:9090']);
      expect(c.ports).toBeUndefined();
    }
    expect(synthesized).toHaveResourceWithProperties(Container, { name: 'prod-node-exporter', provider: 'docker.agent-app-1' });
    expect(containers.filter((c) => c.name === 'prod-node-exporter')).toHaveLength(1);
    const images = Object.values(json.resource.docker_image).map((i: any) => i.name);
    for (const image of images) expect(image).toMatch(/:v\d/);
  });

  test('every host has its own prometheus.yml: environment and host labels, SigV4 remote_write to the workspace, its own jobs', () => {
    const files = aws.renderedFiles();
    expect(files['aws/agents/app-1/prometheus.yml']).toContain('external_labels:\n    environment: prod\n    host: app-1\n    rack: a\n');
    expect(files['aws/agents/app-1/prometheus.yml']).toContain('  - job_name: node\n');
    expect(files['aws/agents/app-2/prometheus.yml']).not.toContain('job_name: node');
    expect(files['aws/agents/app-1/prometheus.yml']).toContain(
      'url: https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/WORKSPACE_ID/api/v1/remote_write\n    sigv4:\n      region: eu-west-1\n      role_arn: arn:aws:iam::123456789012:role/remote-write\n',
    );
    const uploaded = uploads('app-1').find((u: any) => u.file === '/etc/monitoring/prometheus.yml').content as string;
    expect(uploaded).toMatch(/url: https:\/\/aps-workspaces\.eu-west-1\.\$\{data\.aws_partition\.\S+\.dns_suffix\}\/workspaces\/\$\{aws_prometheus_workspace\.\S+\.id\}\/api\/v1\/remote_write/);
  });

  test('keys reach the agent as a credentials file from sensitive variables, never in prometheus.yml or the environment', () => {
    const c = agent('app-1');
    expect(c.env).toEqual(['AWS_SHARED_CREDENTIALS_FILE=/etc/monitoring/secrets/aws_credentials']);
    const credentials = uploads('app-1').find((u: any) => u.file === '/etc/monitoring/secrets/aws_credentials').content;
    expect(credentials).toBe('[default]\naws_access_key_id = ${var.agent_access_key_id}\naws_secret_access_key = ${var.agent_secret_access_key}\n');
    expect(json.variable.agent_secret_access_key).toMatchObject({ sensitive: true, nullable: false });
    expect(agent('app-2').env).toBeUndefined();
    expect(uploads('app-2').map((u: any) => u.file)).not.toContain('/etc/monitoring/secrets/aws_credentials');
  });

  test("scrape jobs' secret files are uploaded to every agent from sensitive variables", () => {
    for (const host of ['app-1', 'app-2']) {
      expect(uploads(host)).toContainEqual({ file: '/etc/monitoring/secrets/api_metrics_token', content: '${var.api_metrics_token}', permissions: '0440' });
    }
  });

  test('AgentCredentials.iamUser() creates one IAM user per environment allowed only aps:RemoteWrite on the workspace', () => {
    const env = awsEnvironment({
      agents: [{ name: 'a', dockerHost: 'ssh://a' }, { name: 'b', dockerHost: 'ssh://b', credentials: AgentCredentials.iamUser() }],
      agentCredentials: AgentCredentials.iamUser(),
    });
    const out = Testing.synth(env.stack, true);
    const parsed = JSON.parse(out);
    expect(Object.values(parsed.resource.aws_iam_user)).toEqual([expect.objectContaining({ name: 'prod-prometheus-remote-write' })]);
    expect(Object.keys(parsed.resource.aws_iam_access_key)).toHaveLength(1);
    expect(out).toHaveResourceWithProperties(IamUserPolicy, { name: 'amp-remote-write' });
    const doc = Object.entries(parsed.data.aws_iam_policy_document).find(([id]) => id.includes('remote-write'))![1] as any;
    expect(doc.statement).toEqual([{ sid: 'RemoteWrite', effect: 'Allow', actions: ['aps:RemoteWrite'], resources: [expect.stringMatching(/aws_prometheus_workspace/)] }]);
  });
});
