import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Image } from '@cdktf/provider-docker/lib/image';
import { Network } from '@cdktf/provider-docker/lib/network';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { Password } from '@cdktf/provider-random/lib/password';
// Plain container specs (object literals), the spec-to-resource function and constant tables: no rendering, no
// validation.
import { alertmanagerSpec } from '../lib/containers/alertmanager';
import { cadvisorSpec } from '../lib/containers/cadvisor';
import { grafanaSpec } from '../lib/containers/grafana';
import { nodeExporterSpec } from '../lib/containers/node-exporter';
import { prometheusSpec } from '../lib/containers/prometheus';
import { ContainerSpec } from '../lib/containers/spec';
import { ContainerContext, specResources } from '../lib/targets/docker/container-resources';
import { DEFAULT_IMAGES, DEFAULT_MEMORY_MB } from '../lib/targets/docker/images';
import { Fixture, MONITORING_ID, STACK_ID, writeRendered } from './fixture';

const ENV = STACK_ID;
const ROOT = '/etc/monitoring';

/**
 * The floor for any cdktf library: a hand-written cdktf program that emits the same resources as the library's
 * DockerHostTarget (same construct ids, so the same logical ids) with the same upload contents, taken as
 * pre-rendered strings from the fixture. It renders nothing and validates nothing; it only pays for cdktf's
 * construct tree, token resolution and JSON writing, plus writing the rendered files.
 *
 * Keep it in step with lib/targets/docker/docker-host.ts: the benchmark checks that its cdk.tf.json is identical to
 * the library's and says so when it is not.
 */
export function bareProgram(outdir: string, fixture: Fixture): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK_ID);
  new LocalBackend(stack, { path: `terraform.${STACK_ID}.tfstate` });
  const host = new Construct(new Construct(stack, MONITORING_ID), 'docker');
  const provider = new DockerProvider(stack, 'docker', {});
  new RandomProvider(stack, 'random', {});

  const network = new Network(host, 'network', { provider, name: `${ENV}-monitoring`, driver: 'bridge' });
  const images = new Map<string, string>();
  const password = new Password(host, 'grafana-admin-password', { length: 32, special: false });
  const context: ContainerContext = {
    provider,
    environment: ENV,
    image: (spec: ContainerSpec) => {
      const id = `${spec.imageKey.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-image`;
      if (!images.has(id)) images.set(id, new Image(host, id, { provider, name: spec.image, keepLocally: true }).imageId);
      return images.get(id)!;
    },
    monitoringNetwork: network.name,
    attachedNetworks: ['app'],
    dependsOn: [],
    publish: (spec) => spec.ports.filter((p) => p.publishAs).map((p) => ({ internal: p.port, external: p.port, ip: '127.0.0.1' })),
    configHash: (spec) => fixture.configVolumeNames[spec.name].slice(`${ENV}-${spec.name}-config-`.length),
    // The admin password file holds the generated password: a reference, as in any cdktf program.
    uploads: (spec) =>
      (fixture.uploads[`${ENV}-${spec.name}-config-loader`] ?? []).map((u) => (u.content.startsWith('${random_password.') ? { ...u, content: password.result } : u)),
    hasSecrets: (spec) => spec.name === 'grafana',
    extraBinds: () => [],
  };
  const publish = (spec: ContainerSpec) => {
    const ports = context.publish(spec);
    return { ...context, publish: () => (ports && ports.length > 0 ? ports : undefined) };
  };
  const run = (spec: ContainerSpec) => specResources(host, spec, publish(spec));

  run(prometheusSpec({
    image: DEFAULT_IMAGES.prometheus,
    memoryMb: DEFAULT_MEMORY_MB.prometheus,
    flags: [`--config.file=${ROOT}/prometheus.yml`, '--storage.tsdb.path=/prometheus', '--storage.tsdb.retention.time=2w1d', '--web.listen-address=:9090'],
  }));
  run(alertmanagerSpec({ image: DEFAULT_IMAGES.alertmanager, memoryMb: DEFAULT_MEMORY_MB.alertmanager }));
  new TerraformOutput(stack, `${ENV}_grafana_admin_password`, {
    value: password.result,
    sensitive: true,
    description: `Grafana admin password of environment ${ENV}`,
  }).overrideLogicalId('grafana_admin_password');
  run(grafanaSpec({ image: DEFAULT_IMAGES.grafana, memoryMb: DEFAULT_MEMORY_MB.grafana, adminUser: 'admin', adminPasswordFile: `${ROOT}/secrets/grafana_admin_password` }));
  run(nodeExporterSpec({ image: DEFAULT_IMAGES.nodeExporter, memoryMb: DEFAULT_MEMORY_MB.nodeExporter }));
  run(cadvisorSpec({ image: DEFAULT_IMAGES.cadvisor, memoryMb: DEFAULT_MEMORY_MB.cadvisor }));

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
