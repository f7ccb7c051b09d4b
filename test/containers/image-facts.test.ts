import { Testing } from 'cdktf';
import { LogAgent, LogPipeline, LogSource } from '../../lib';
import { checkSpecAgainstFacts, canWrite } from '../../lib/containers/facts-check';
import { DEFAULT_IMAGES, IMAGE_FACTS } from '../../lib/containers/images';
import { ALLOY_DATA_DIR, alloySpec } from '../../lib/containers/log-agents';
import { prometheusAgentSpec } from '../../lib/containers/prometheus-agent';
import { ContainerSpec } from '../../lib/containers/spec';
import { containerPathOf } from '../../lib/model/layout';
import { DockerHost } from '../../lib/targets/docker/docker-host';
import { DevStack } from '../../stacks/dev';
import { dockerEnvironment } from '../helpers/stacks';
import { MonitoringStack } from '../../lib';

function specsOf(monitoring: MonitoringStack): { spec: ContainerSpec; configFiles: string[] }[] {
  const host = monitoring.node.findChild('docker') as DockerHost;
  const files = Object.keys(monitoring.renderedFiles());
  return host.containerSpecs().map((spec) => ({
    spec,
    configFiles: files.filter((f) => spec.configComponent !== undefined && f.startsWith(`${spec.configComponent}/`)).map(containerPathOf),
  }));
}

describe('every container spec agrees with the facts of its image', () => {
  const dev = new DevStack(Testing.app(), 'dev');
  const promtail = dockerEnvironment();
  new LogPipeline(promtail.monitoring, 'logs', { agent: LogAgent.PROMTAIL, sources: [LogSource.files({ name: 'sys', paths: ['/var/log/syslog'] })], dashboard: false });
  const cases = [...specsOf(dev.monitoring), ...specsOf(promtail.monitoring).filter((c) => c.spec.name === 'promtail')];

  test('the dev stack runs every kind of container, and Promtail is checked too', () => {
    expect(cases.map((c) => c.spec.imageKey).sort()).toEqual(
      ['alertmanager', 'alloy', 'blackboxExporter', 'cadvisor', 'grafana', 'loki', 'nodeExporter', 'postgresExporter', 'prometheus', 'promtail', 'redisExporter'].sort(),
    );
  });

  test.each(cases.map((c) => [c.spec.name, c] as const))('%s', (_name, { spec, configFiles }) => {
    const facts = IMAGE_FACTS[spec.imageKey];
    expect(spec.image).toBe(DEFAULT_IMAGES[spec.imageKey]);
    expect(checkSpecAgainstFacts(spec, facts, configFiles)).toEqual([]);
    // every exception is named with its reason
    for (const m of spec.hostMounts) expect(m.reason.length).toBeGreaterThan(10);
    for (const c of spec.capabilities) expect(c.reason.length).toBeGreaterThan(10);
    if (spec.user === undefined && facts.user.uid === 0) expect(spec.exceptions.join(' ')).toMatch(/root/);
  });

  test("the Prometheus agent of the AWS fleet runs the server's image and passes the same checks", () => {
    const spec = prometheusAgentSpec({ image: DEFAULT_IMAGES.prometheus, memoryMb: 512, flags: ['--config.file=/etc/monitoring/prometheus.yml'] });
    expect(checkSpecAgainstFacts(spec, IMAGE_FACTS.prometheus, ['/etc/monitoring/prometheus.yml'])).toEqual([]);
  });
});

describe('the facts check finds what would break in the container', () => {
  test("Alloy's own /var/lib/alloy (473:473, 0770) is not writable by the image's root user without capabilities", () => {
    const spec = alloySpec({ image: DEFAULT_IMAGES.alloy, memoryMb: 256, hostMounts: [], readsFiles: false });
    expect(spec.dataVolume?.path).toBe(ALLOY_DATA_DIR);
    const inImagePath = { ...spec, dataVolume: { ...spec.dataVolume!, path: '/var/lib/alloy/data' }, writablePaths: ['/var/lib/alloy/data'] };
    expect(checkSpecAgainstFacts(inImagePath, IMAGE_FACTS.alloy)).toEqual([
      'runs as 0:0 and cannot write /var/lib/alloy/data (owned 473:473, mode 770) with every capability dropped',
    ]);
  });

  test('a healthcheck program the image lacks, a writable path on the read-only root, a config nowhere', () => {
    const spec = alloySpec({ image: DEFAULT_IMAGES.alloy, memoryMb: 256, hostMounts: [], readsFiles: false });
    const broken: ContainerSpec = {
      ...spec,
      imageKey: 'loki',
      healthcheck: { ...spec.healthcheck, test: ['CMD', 'wget', 'http://127.0.0.1:3100/ready'] },
      writablePaths: ['/var/cache'],
      command: ['-config.file=/etc/monitoring/missing.yaml'],
    };
    expect(checkSpecAgainstFacts(broken, IMAGE_FACTS.loki, ['/etc/monitoring/loki.yaml'])).toEqual([
      expect.stringMatching(/^healthcheck runs "wget", which grafana\/loki:\S+ does not have/),
      'writes /var/cache, which is neither a data volume nor a tmpfs (the root filesystem is read-only)',
      'reads its config from /etc/monitoring/missing.yaml, where no rendered file is placed',
    ]);
  });

  test('write permission follows owner, group and other bits', () => {
    expect(canWrite({ uid: 65534, gids: [65534] }, { uid: 65534, gid: 65534, mode: 0o755 })).toBe(true);
    expect(canWrite({ uid: 472, gids: [0] }, { uid: 0, gid: 0, mode: 0o775 })).toBe(true);
    expect(canWrite({ uid: 10001, gids: [10001] }, { uid: 0, gid: 0, mode: 0o755 })).toBe(false);
    expect(canWrite({ uid: 1, gids: [1] }, { uid: 0, gid: 0, mode: 0o1777 })).toBe(true);
  });
});
