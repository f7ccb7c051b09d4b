import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Discovery, DockerHostTarget, MonitoringStack, ServiceScrape } from '../../lib';
import { canUseSocket, checkSpecAgainstFacts } from '../../lib/containers/facts-check';
import { containerTable } from '../../lib/containers/docs-table';
import { IMAGE_FACTS } from '../../lib/containers/images';
import { ContainerSpec, resolveDeferred } from '../../lib/containers/spec';
import { DockerHost } from '../../lib/targets/docker/docker-host';
import { messageOf } from '../helpers/errors';
import { container, dockerEnvironment, synthJson } from '../helpers/stacks';

function prometheusSpec(env: ReturnType<typeof dockerEnvironment>): ContainerSpec {
  return (env.monitoring.node.findChild('docker') as DockerHost).containerSpecs().find((s) => s.name === 'prometheus')!;
}

describe('DockerHostTarget: the Docker socket for Discovery.docker()', () => {
  test('no discovery job: no socket, no group_add, no mount (the default stays as it was)', () => {
    const env = dockerEnvironment({}, { dockerSocket: { groupId: 999 } });
    new ServiceScrape(env.monitoring, 'api', { targets: ['api:8000'] });
    const prometheus = container(synthJson(env.stack), 'prometheus');
    expect([prometheus.group_add, prometheus.mounts]).toEqual([undefined, undefined]);
    expect(resolveDeferred(prometheusSpec(env).dockerSocket!)).toBeUndefined();
  });

  test('a Docker discovery job mounts the socket read-only and Prometheus (nobody) joins its group', () => {
    const env = dockerEnvironment({}, { dockerSocket: { groupId: 998, hostPath: '/run/docker.sock' } });
    new ServiceScrape(env.monitoring, 'containers', { discovery: Discovery.docker() });
    const prometheus = container(synthJson(env.stack), 'prometheus');
    expect(prometheus.group_add).toEqual(['998']);
    expect(prometheus.mounts).toEqual([{ type: 'bind', source: '/run/docker.sock', target: '/var/run/docker.sock', read_only: true }]);
    expect(prometheus.user).toBeUndefined(); // the image's nobody (65534), not root
    expect(prometheus.read_only).toBe(true);
    expect(prometheus.capabilities).toEqual({ drop: ['ALL'] });
    // The other containers get nothing.
    expect(container(synthJson(env.stack), 'alertmanager').mounts).toBeUndefined();
  });

  test('container spec checks: with group_add nobody can open the socket (root:<gid> 0660); without it the check fails', () => {
    const env = dockerEnvironment({}, { dockerSocket: { groupId: 998 } });
    new ServiceScrape(env.monitoring, 'containers', { discovery: Discovery.docker() });
    const spec = prometheusSpec(env);
    const files = ['/etc/monitoring/prometheus.yml'];
    expect(checkSpecAgainstFacts(spec, IMAGE_FACTS.prometheus, files)).toEqual([]);
    const socket = resolveDeferred(spec.dockerSocket!)!;
    expect(socket).toEqual({ hostPath: '/var/run/docker.sock', containerPath: '/var/run/docker.sock', groupId: 998, reason: expect.stringContaining('docker_sd_configs') });
    // The group decides: nobody without it cannot connect.
    expect(canUseSocket({ uid: 65534, gids: [65534] }, { uid: 0, gid: 998, mode: 0o660 })).toBe(false);
    expect(canUseSocket({ uid: 65534, gids: [65534, 998] }, { uid: 0, gid: 998, mode: 0o660 })).toBe(true);
    const wrongGroup = { ...spec, dockerSocket: { ...socket, groupId: 'docker' } };
    expect(checkSpecAgainstFacts(wrongGroup, IMAGE_FACTS.prometheus, files)).toEqual([
      'mounts the Docker socket but runs as 65534:65534 without its group (docker), so it cannot connect',
    ]);
    // The exception is named in the container table, with its reason.
    expect(containerTable([spec])).toContain('/var/run/docker.sock → /var/run/docker.sock (ro, group_add 998): docker_sd_configs: Prometheus lists containers');
  });

  test('the group id may be a Terraform variable', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const gid = new TerraformVariable(stack, 'docker_gid', { type: 'number' });
    const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'dev', target: new DockerHostTarget({ dockerSocket: { groupId: gid.numberValue } }) });
    new ServiceScrape(monitoring, 'containers', { discovery: Discovery.docker() });
    expect(container(synthJson(stack), 'prometheus').group_add).toEqual(['${var.docker_gid}']);
  });

  test('a Docker API proxy (tcp://) needs no socket and no group', () => {
    const env = dockerEnvironment();
    new ServiceScrape(env.monitoring, 'containers', { discovery: Discovery.docker({ host: 'tcp://docker-socket-proxy:2375' }) });
    const prometheus = container(synthJson(env.stack), 'prometheus');
    expect([prometheus.group_add, prometheus.mounts]).toEqual([undefined, undefined]);
  });

  test('the overview page names the mechanism where discovered targets are not known yet', () => {
    const env = dockerEnvironment({}, { dockerSocket: { groupId: 998 } });
    new ServiceScrape(env.monitoring, 'containers', { discovery: Discovery.docker() });
    const page = env.monitoring.renderedFiles()['overview/index.html'];
    expect(page).toMatch(/<b>containers<\/b><\/td><td> <span class="badge">docker_sd_configs<\/span><\/td>/);
  });

  test('user-managed target files: their directory is bind-mounted read-only at the same path', () => {
    const env = dockerEnvironment();
    new ServiceScrape(env.monitoring, 'files', { discovery: Discovery.files({ paths: ['/srv/targets/*.json', '/srv/targets/extra.yml'] }) });
    expect(container(synthJson(env.stack), 'prometheus').mounts).toEqual([{ type: 'bind', source: '/srv/targets', target: '/srv/targets', read_only: true }]);
  });
});

describe('DockerHostTarget: discovery it cannot run is refused at synth', () => {
  const synthError = (env: ReturnType<typeof dockerEnvironment>) => messageOf(() => synthJson(env.stack));

  test('Docker discovery through the socket without dockerSocket.groupId', () => {
    const env = dockerEnvironment();
    new ServiceScrape(env.monitoring, 'containers', { discovery: Discovery.docker() });
    expect(synthError(env)).toContain(
      'DockerHostTarget of MonitoringStack test/monitoring, dockerSocket.groupId: is required: ServiceScrape test/monitoring/containers discovers containers through unix:///var/run/docker.sock, ' +
        'which Prometheus (user nobody, 65534) can open only as a member of the socket\'s group; set dockerSocket: { groupId: <gid> } with the output of `stat -c %g /var/run/docker.sock`',
    );
  });

  test('Kubernetes discovery: only an EKS scraper runs it', () => {
    const env = dockerEnvironment();
    new ServiceScrape(env.monitoring, 'pods', { discovery: Discovery.kubernetes({ role: 'pod' }) });
    expect(synthError(env)).toContain(
      'ServiceScrape test/monitoring/pods, discovery[0] (kubernetes): got "pod", expected a discovery a Docker host can run: kubernetes_sd_configs discovers inside a Kubernetes cluster; ' +
        "scrape it with an AwsManagedTarget eksScrapers entry (AMP's managed collector), or use Discovery.docker/files/dns/http here",
    );
  });

  test('target files inside the config volume, two socket paths, a bad group id', () => {
    const env = dockerEnvironment({}, { dockerSocket: { groupId: 998 } });
    new ServiceScrape(env.monitoring, 'files', { discovery: Discovery.files({ paths: ['/etc/monitoring/targets.json'] }) });
    expect(synthError(env)).toContain('ServiceScrape test/monitoring/files, discovery[0] (file).paths: got "/etc/monitoring/targets.json", expected a file outside /etc/monitoring/');
    const two = dockerEnvironment({}, { dockerSocket: { groupId: 998 } });
    new ServiceScrape(two.monitoring, 'a', { discovery: Discovery.docker() });
    new ServiceScrape(two.monitoring, 'b', { discovery: Discovery.docker({ host: 'unix:///run/other.sock' }) });
    expect(synthError(two)).toContain('DockerHostTarget of MonitoringStack test/monitoring, dockerSocket: got ["/var/run/docker.sock","/run/other.sock"], expected one Docker socket path');
    // Target props are checked when the target binds to its MonitoringStack.
    const withSocket = (dockerSocket: object) => messageOf(() => dockerEnvironment({}, { dockerSocket }));
    expect(withSocket({ groupId: -1 })).toContain('DockerHostTarget of MonitoringStack test/monitoring, dockerSocket.groupId: got -1, expected the numeric group id of the Docker socket');
    expect(withSocket({ groupId: 0 })).toContain("expected the socket's own group, not 0");
    expect(withSocket({ groupId: 1, hostPath: 'docker.sock' })).toContain('dockerSocket.hostPath: got "docker.sock", expected an absolute path');
  });

  test('a discovery job with an exporter is refused', () => {
    const env = dockerEnvironment();
    expect(messageOf(() => new ServiceScrape(env.monitoring, 'x', { discovery: Discovery.docker(), exporter: {} as never }))).toContain('ServiceScrape test/monitoring/x, exporter');
  });
});

describe('target files named after their job', () => {
  test('two jobs whose names map to one target file are refused, not written over each other', () => {
    const env = dockerEnvironment();
    const files = () => Discovery.files({ targetGroups: [{ targets: ['batch:9100'] }] });
    new ServiceScrape(env.monitoring, 'colon', { jobName: 'a:b', discovery: [files()] });
    new ServiceScrape(env.monitoring, 'underscore', { jobName: 'a_b', discovery: [files()] });
    expect(messageOf(() => synthJson(env.stack))).toContain(
      'ServiceScrape test/monitoring/underscore, jobName (as target file name): got "file_sd/a_b.json", which is already used by ServiceScrape test/monitoring/colon; expected a unique value',
    );
  });
});
