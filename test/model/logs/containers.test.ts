import { buildLokiSettings } from '../../../lib/model/logs/loki-settings';
import { DOCKER_SOCKET_MOUNT, agentHostMounts, alloyContainer, lokiContainer, promtailContainer } from '../../../lib/model/logs/containers';
import { globBaseDir } from '../../../lib/model/logs/glob';
import { LogSource } from '../../../lib/model/logs/log-source';
import { buildLogPipeline } from '../../../lib/model/logs/pipeline';
import { LOG_STACK_IMAGES } from '../../../lib/model/logs/versions';

describe('log containers', () => {
  test('images are pinned to the targeted releases', () => {
    expect(LOG_STACK_IMAGES).toEqual({ loki: 'grafana/loki:3.7.6', alloy: 'grafana/alloy:v1.18.1', promtail: 'grafana/promtail:3.6.11' });
  });

  test('Loki runs its own health command against /ready', () => {
    const loki = lokiContainer(buildLokiSettings({ httpPort: 3101 }, 'X'));
    expect(loki).toEqual({
      image: 'grafana/loki:3.7.6',
      command: ['-config.file=/etc/loki/loki.yaml'],
      configPath: '/etc/loki/loki.yaml',
      dataPath: '/loki',
      httpPort: 3101,
      healthcheck: ['CMD', '/usr/bin/loki', '-health', '-health.url=http://127.0.0.1:3101/ready'],
    });
  });

  test('agents keep their positions on a data volume', () => {
    expect(alloyContainer().command).toEqual(['run', '--server.http.listen-addr=0.0.0.0:12345', '--storage.path=/var/lib/alloy/data', '/etc/alloy/config.alloy']);
    expect(alloyContainer().healthcheck[3]).toBe("exec 3<>/dev/tcp/127.0.0.1/12345 && printf 'GET /-/ready HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '");
    expect(promtailContainer()).toMatchObject({ dataPath: '/var/lib/promtail', httpPort: 9080, configPath: '/etc/promtail/config.yml' });
  });

  test('host mounts: the Docker socket exception and each file directory, read-only', () => {
    const pipeline = buildLogPipeline(
      {
        sources: [
          LogSource.dockerContainers(),
          LogSource.files({ name: 'app', paths: ['/var/log/app/*.log', '/var/log/app/archive/*.log', '/srv/logs/**/*.json'] }),
          LogSource.files({ name: 'sys', paths: ['/var/log/syslog'] }),
        ],
      },
      'X',
    );
    expect(agentHostMounts(pipeline).map((m) => [m.hostPath, m.containerPath, m.readOnly])).toEqual([
      ['/var/run/docker.sock', '/var/run/docker.sock', true],
      ['/srv/logs', '/srv/logs', true],
      ['/var/log', '/var/log', true],
    ]);
    expect(agentHostMounts(pipeline)[0].reason).toBe(DOCKER_SOCKET_MOUNT.reason);
    expect(DOCKER_SOCKET_MOUNT.reason).toMatch(/^Exception: the log agent lists containers and reads their logs through the Docker API/);
  });

  test('no socket mount when the Docker API is reached over TCP (a socket proxy)', () => {
    const pipeline = buildLogPipeline({ sources: [LogSource.dockerContainers({ dockerHost: 'tcp://docker-socket-proxy:2375' })] }, 'X');
    expect(agentHostMounts(pipeline)).toEqual([]);
  });

  test('globBaseDir', () => {
    expect(globBaseDir('/var/log/app/*.log')).toBe('/var/log/app');
    expect(globBaseDir('/var/log/syslog')).toBe('/var/log');
    expect(globBaseDir('/srv/**/x.log')).toBe('/srv');
    expect(globBaseDir('/*.log')).toBe('/');
  });
});
