import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Container } from '@cdktf/provider-docker/lib/container';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Volume } from '@cdktf/provider-docker/lib/volume';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Password } from '@cdktf/provider-random/lib/password';
// Two object-literal helpers and two constant tables: no rendering, no validation.
import { hardenedContainer, httpHealthcheck } from '../lib/targets/docker/hardening';
import { DEFAULT_IMAGES, DEFAULT_MEMORY_MB } from '../lib/targets/docker/images';
import { Fixture, MONITORING_ID, STACK_ID, Upload, writeRendered } from './fixture';

const ENV = STACK_ID;
const ROOT = '/etc/monitoring';

/**
 * The floor for any cdktf library: a hand-written cdktf program that emits the same resources as the library's
 * DockerHostTarget (same construct ids, so the same logical ids) with the same upload contents, taken as
 * pre-rendered strings from the fixture. It renders nothing and validates nothing; it only pays for cdktf's
 * construct tree, token resolution and JSON writing, plus writing the rendered files.
 *
 * Keep it in step with lib/targets/docker/docker-host-target.ts: the benchmark checks that its cdk.tf.json is
 * identical to the library's and says so when it is not.
 */
export function bareProgram(outdir: string, fixture: Fixture): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK_ID);
  new LocalBackend(stack, { path: `terraform.${STACK_ID}.tfstate` });
  const host = new Construct(new Construct(stack, MONITORING_ID), 'docker');
  const provider = new DockerProvider(stack, 'docker', {});
  new RandomProvider(stack, 'random', {});

  const network = new Network(host, 'network', { provider, name: `${ENV}-monitoring`, driver: 'bridge' });
  const image = (id: string, name: string) => new Image(host, `${id}-image`, { provider, name, keepLocally: true }).imageId;
  const dataVolume = (component: string) =>
    new Volume(host, `${component}-data`, { provider, name: `${ENV}-${component}-data`, lifecycle: { preventDestroy: true } }).name;
  const configVolume = (component: string) =>
    new Volume(host, `${component}-config`, { provider, name: fixture.configVolumeNames[component] }).name;
  const ports = (port: number) => [{ internal: port, external: port, ip: '127.0.0.1' }];
  const uploads = (component: string): Upload[] => fixture.uploads[`${ENV}-${component}`] ?? [];

  new Container(host, 'prometheus', hardenedContainer(
    { name: `${ENV}-prometheus`, image: image('prometheus', DEFAULT_IMAGES.prometheus), memoryMb: DEFAULT_MEMORY_MB.prometheus },
    {
      provider,
      command: [`--config.file=${ROOT}/prometheus.yml`, '--storage.tsdb.path=/prometheus', '--storage.tsdb.retention.time=2w1d', '--web.listen-address=:9090'],
      volumes: [
        { volumeName: dataVolume('prometheus'), containerPath: '/prometheus' },
        { volumeName: configVolume('prometheus'), containerPath: ROOT },
      ],
      upload: uploads('prometheus'),
      networksAdvanced: [{ name: network.name, aliases: ['prometheus'] }, { name: 'app' }],
      ports: ports(9090),
      healthcheck: httpHealthcheck('http://127.0.0.1:9090/-/healthy'),
    },
  ));

  new Container(host, 'alertmanager', hardenedContainer(
    { name: `${ENV}-alertmanager`, image: image('alertmanager', DEFAULT_IMAGES.alertmanager), memoryMb: DEFAULT_MEMORY_MB.alertmanager },
    {
      provider,
      command: [`--config.file=${ROOT}/alertmanager.yml`, '--storage.path=/alertmanager', '--web.listen-address=:9093', '--cluster.listen-address='],
      volumes: [
        { volumeName: dataVolume('alertmanager'), containerPath: '/alertmanager' },
        { volumeName: configVolume('alertmanager'), containerPath: ROOT },
      ],
      upload: uploads('alertmanager'),
      networksAdvanced: [{ name: network.name, aliases: ['alertmanager'] }],
      ports: ports(9093),
      healthcheck: httpHealthcheck('http://127.0.0.1:9093/-/healthy'),
    },
  ));

  const password = new Password(host, 'grafana-admin-password', { length: 32, special: false });
  new TerraformOutput(stack, `${ENV}_grafana_admin_password`, {
    value: password.result,
    sensitive: true,
    description: `Grafana admin password of environment ${ENV}`,
  }).overrideLogicalId('grafana_admin_password');
  new Container(host, 'grafana', hardenedContainer(
    { name: `${ENV}-grafana`, image: image('grafana', DEFAULT_IMAGES.grafana), memoryMb: DEFAULT_MEMORY_MB.grafana },
    {
      provider,
      env: [
        'GF_SECURITY_ADMIN_USER=admin',
        `GF_SECURITY_ADMIN_PASSWORD__FILE=${ROOT}/secrets/grafana_admin_password`,
        'GF_USERS_ALLOW_SIGN_UP=false',
        'GF_AUTH_ANONYMOUS_ENABLED=false',
        'GF_SECURITY_DISABLE_GRAVATAR=true',
        'GF_ANALYTICS_REPORTING_ENABLED=false',
        'GF_ANALYTICS_CHECK_FOR_UPDATES=false',
        `GF_PATHS_PROVISIONING=${ROOT}/provisioning`,
        'GF_LOG_MODE=console',
      ],
      volumes: [
        { volumeName: dataVolume('grafana'), containerPath: '/var/lib/grafana' },
        { volumeName: configVolume('grafana'), containerPath: ROOT },
      ],
      tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
      // The admin password file holds the generated password: a reference, as in any cdktf program.
      upload: uploads('grafana').map((u) => (u.content.startsWith('${random_password.') ? { file: u.file, content: password.result } : u)),
      networksAdvanced: [{ name: network.name, aliases: ['grafana'] }],
      ports: ports(3000),
      healthcheck: httpHealthcheck('http://127.0.0.1:3000/api/health'),
    },
  ));

  new Container(host, 'node-exporter', hardenedContainer(
    { name: `${ENV}-node-exporter`, image: image('node-exporter', DEFAULT_IMAGES.nodeExporter), memoryMb: DEFAULT_MEMORY_MB.nodeExporter },
    {
      provider,
      command: [
        '--path.procfs=/host/proc',
        '--path.sysfs=/host/sys',
        '--path.rootfs=/host/root',
        '--collector.filesystem.mount-points-exclude=^/(dev|proc|sys|run|var/lib/docker/.+)($|/)',
      ],
      volumes: [
        { hostPath: '/proc', containerPath: '/host/proc', readOnly: true },
        { hostPath: '/sys', containerPath: '/host/sys', readOnly: true },
        { hostPath: '/', containerPath: '/host/root', readOnly: true },
      ],
      networksAdvanced: [{ name: network.name, aliases: ['node-exporter'] }],
      healthcheck: httpHealthcheck('http://127.0.0.1:9100/metrics'),
    },
  ));

  new Container(host, 'cadvisor', hardenedContainer(
    { name: `${ENV}-cadvisor`, image: image('cadvisor', DEFAULT_IMAGES.cadvisor), memoryMb: DEFAULT_MEMORY_MB.cadvisor },
    {
      provider,
      command: ['--docker_only=true', '--housekeeping_interval=30s', '--store_container_labels=false'],
      volumes: [
        { hostPath: '/', containerPath: '/rootfs', readOnly: true },
        { hostPath: '/var/run', containerPath: '/var/run', readOnly: true },
        { hostPath: '/sys', containerPath: '/sys', readOnly: true },
        { hostPath: '/var/lib/docker', containerPath: '/var/lib/docker', readOnly: true },
        { hostPath: '/dev/disk', containerPath: '/dev/disk', readOnly: true },
      ],
      networksAdvanced: [{ name: network.name, aliases: ['cadvisor'] }],
      healthcheck: httpHealthcheck('http://127.0.0.1:8080/healthz'),
    },
  ));

  for (const [component, port] of [['prometheus', 9090], ['alertmanager', 9093], ['grafana', 3000]] as const) {
    new TerraformOutput(stack, `${ENV}_${component}_url`, { value: `http://127.0.0.1:${port}` }).overrideLogicalId(`${component}_url`);
  }
  return app;
}

/** Synthesizes the bare program and writes the pre-rendered files next to cdk.tf.json, as the library does. */
export function synthBare(app: App, outdir: string, fixture: Fixture): void {
  app.synth();
  writeRendered(outdir, fixture.rendered);
}
