import { DOCKER_SOCKET_MOUNT, agentHostMounts } from '../../../lib/model/logs/containers';
import { globBaseDir } from '../../../lib/model/logs/glob';
import { LogSource } from '../../../lib/model/logs/log-source';
import { buildLogPipeline } from '../../../lib/model/logs/pipeline';
import { LOG_STACK_IMAGES } from '../../../lib/model/logs/versions';

describe('log containers', () => {
  test('images are pinned to the targeted releases', () => {
    expect(LOG_STACK_IMAGES).toEqual({ loki: 'grafana/loki:3.7.8', alloy: 'grafana/alloy:v1.21.2', promtail: 'grafana/promtail:3.6.11' });
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
