import { TerraformStack, Testing } from 'cdktf';
import { Network } from '@cdktf/provider-docker/lib/network';
import { AlertRouting, DockerHostTarget, MonitoringStack, Receiver, Secret, ServiceScrape } from '../../lib';
import { bindTarget, container, dockerEnvironment, programContainers, synthJson } from '../helpers/stacks';
import { messageOf } from '../helpers/errors';

describe('DockerHostTarget bad input', () => {
  test('an image override for a component that does not exist', () => {
    expect(messageOf(() => bindTarget(new DockerHostTarget({ images: { prometeus: 'prom/prometheus:v3.13.3' } as never })))).toBe(
      'DockerHostTarget of MonitoringStack test/monitoring, images: got "prometeus", expected a component of prometheus, alertmanager, grafana, nodeExporter, cadvisor, postgresExporter, redisExporter, blackboxExporter, loki, alloy, promtail',
    );
    expect(messageOf(() => bindTarget(new DockerHostTarget({ memoryMb: { graphana: 512 } as never })))).toMatch(/^DockerHostTarget of MonitoringStack test\/monitoring, memoryMb: got "graphana", expected a component of /);
  });

  test('a bindAddress that is not an IP address', () => {
    for (const bad of ['localhost', '999.1.1.1', '10.0.0', '']) {
      expect(messageOf(() => bindTarget(new DockerHostTarget({ bindAddress: bad })))).toBe(
        `DockerHostTarget of MonitoringStack test/monitoring, bindAddress: got ${JSON.stringify(bad)}, expected an IP address such as "127.0.0.1" (IPv4 or IPv6; not a host name)`,
      );
    }
    expect(() => new DockerHostTarget({ bindAddress: '::1' })).not.toThrow();
    expect(() => new DockerHostTarget({ bindAddress: '192.168.1.10' })).not.toThrow();
  });

  test('a Secret.fromFile path that is not absolute is reported by the construct that receives it', () => {
    const { monitoring } = dockerEnvironment();
    const receiver = Receiver.slack('chat', { apiUrl: Secret.fromFile('secrets/slack_url') });
    expect(messageOf(() => new AlertRouting(monitoring, 'routing', { receivers: [receiver], route: { receiver: 'chat' } }))).toBe(
      'AlertRouting test/monitoring/routing, receivers[0].integrations[0].options.apiUrl: Secret.fromFile: got "secrets/slack_url", expected an absolute path inside the container, e.g. "/run/secrets/slack_url"',
    );
  });

  test('a Secret.fromFile under the config volume is refused; elsewhere it becomes a read-only bind mount of the host file', () => {
    const refused = dockerEnvironment();
    expect(
      messageOf(() =>
        new AlertRouting(refused.monitoring, 'routing', {
          receivers: [Receiver.slack('slack', { apiUrl: Secret.fromFile('/etc/monitoring/slack_url'), channel: '#a' })],
          route: { receiver: 'slack' },
        }),
      ),
    ).toBe(
      'AlertRouting test/monitoring/routing, Secret.fromFile: got "/etc/monitoring/slack_url", expected a path outside /etc/monitoring/ (the read-only config volume): on a DockerHostTarget the host\'s file at that path is bind-mounted read-only into the alertmanager container',
    );
    const bound = dockerEnvironment();
    new AlertRouting(bound.monitoring, 'routing', {
      receivers: [Receiver.slack('slack', { apiUrl: Secret.fromFile('/run/secrets/slack_url'), channel: '#a' })],
      route: { receiver: 'slack' },
    });
    const am = container(synthJson(bound.stack), 'alertmanager');
    expect(am.mounts).toEqual([{ type: 'bind', source: '/run/secrets/slack_url', target: '/run/secrets/slack_url', read_only: true }]);
    expect(am.group_add).toEqual(['0']);
  });

  test('two environments publishing the same host port on one Docker host', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    new MonitoringStack(stack, 'a', { environment: 'a', target: new DockerHostTarget() });
    expect(messageOf(() => new MonitoringStack(stack, 'b', { environment: 'b', target: new DockerHostTarget() }))).toBe(
      'DockerHostTarget of MonitoringStack s/b, hostPorts.prometheus: got 9090 on 127.0.0.1, but DockerHostTarget of MonitoringStack s/a (hostPorts.prometheus) already publishes 127.0.0.1:9090 on the same Docker host (the Docker host of stack s (DOCKER_HOST or the local socket)); expected a free host port: set hostPorts.prometheus to another port, or false',
    );
    // 0.0.0.0 overlaps every address; other ports (or none) are fine
    expect(messageOf(() => new MonitoringStack(stack, 'c', { environment: 'c', target: new DockerHostTarget({ bindAddress: '0.0.0.0', hostPorts: { prometheus: 9190, alertmanager: 9093 } }) }))).toMatch(
      /^DockerHostTarget of MonitoringStack s\/c, hostPorts.alertmanager: got 9093 on 0.0.0.0, but DockerHostTarget of MonitoringStack s\/a/,
    );
    expect(() => new MonitoringStack(stack, 'd', { environment: 'd', target: new DockerHostTarget({ hostPorts: { prometheus: 9190, alertmanager: 9193, grafana: false } }) })).not.toThrow();
  });

  test('attachNetworks takes a docker Network (containers are created after it) or its name reference', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const appNetwork = new Network(stack, 'app-network', { name: 'app', internal: true });
    const monitoring = new MonitoringStack(stack, 'm', { environment: 'dev', target: new DockerHostTarget({ attachNetworks: [appNetwork, appNetwork.name] }) });
    new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
    const json = synthJson(stack);
    const prometheus = container(json, 'prometheus');
    expect(prometheus.networks_advanced.slice(1)).toEqual([{ name: '${docker_network.app-network.name}' }, { name: '${docker_network.app-network.name}' }]);
    for (const c of programContainers(json)) expect(c.depends_on).toContain('docker_network.app-network');
    expect(messageOf(() => bindTarget(new DockerHostTarget({ attachNetworks: ['bad name'] })))).toBe(
      'DockerHostTarget of MonitoringStack test/monitoring, attachNetworks[0]: got "bad name", expected the name of a Docker network, its name reference, or a docker Network',
    );
  });
});

describe('image overrides to an older release line', () => {
  test('Prometheus 2.x is refused; an Alertmanager older than the rendered line is refused, naming alertmanager.version', () => {
    expect(messageOf(() => bindTarget(new DockerHostTarget({ images: { prometheus: 'prom/prometheus:v2.55.1' } })))).toBe(
      'DockerHostTarget of MonitoringStack test/monitoring, images.prometheus: got "prom/prometheus:v2.55.1", expected a Prometheus 3.x image (e.g. "prom/prometheus:v3.13.3"): the rendered configuration and flags are for Prometheus 3 (--agent, fallback_scrape_protocol), which 2.x refuses',
    );
    const stack = new TerraformStack(Testing.app(), 's');
    expect(messageOf(() => new MonitoringStack(stack, 'a', { environment: 'a', target: new DockerHostTarget({ images: { alertmanager: 'quay.io/prometheus/alertmanager:v0.27.0' } }) }))).toBe(
      'DockerHostTarget of MonitoringStack s/a, images.alertmanager: got "quay.io/prometheus/alertmanager:v0.27.0", expected an Alertmanager 0.28 or newer image: alertmanager.yml is rendered for 0.28 (the environment\'s alertmanager.version); use a newer image, or set alertmanager.version to the image\'s line',
    );
    // rendering for the image's line is the other way out
    expect(() => new MonitoringStack(stack, 'b', { environment: 'b', alertmanager: { version: '0.27' }, target: new DockerHostTarget({ hostPorts: { prometheus: 9190, alertmanager: 9193, grafana: 3300 }, images: { alertmanager: 'prom/alertmanager:v0.27.0' } }) })).not.toThrow();
    expect(() => new DockerHostTarget({ images: { prometheus: 'registry.local:5000/prom/prometheus:v3.5.3' } })).not.toThrow();
    expect(() => new DockerHostTarget({ images: { prometheus: `prom/prometheus@sha256:${'a'.repeat(64)}` } })).not.toThrow();
  });
});
