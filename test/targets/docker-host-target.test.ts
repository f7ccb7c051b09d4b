import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AlertRouting, AlertGroup, DockerHostTarget, GrafanaDashboard, MonitoringStack, Receiver, Secret, ServiceScrape, Duration } from '../../lib';
import { Network } from '@cdktf/provider-docker/lib/network';
import { Password } from '@cdktf/provider-random/lib/password';
import { DEFAULT_IMAGES } from '../../lib/targets/docker/images';
import { bindTarget, container, dockerEnvironment, loader, programContainers, resourcesOf, synthJson, uploadsOf } from '../helpers/stacks';

describe('DockerHostTarget', () => {
  const { stack, monitoring } = dockerEnvironment({}, { attachNetworks: ['app'] });
  new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
  const synthesized = Testing.synth(stack);
  const json = JSON.parse(synthesized);
  const containers = programContainers(json);

  test('runs Prometheus, Alertmanager, Grafana, node-exporter and cAdvisor', () => {
    expect(containers.map((c) => c.name).sort()).toEqual(['dev-alertmanager', 'dev-cadvisor', 'dev-grafana', 'dev-node-exporter', 'dev-prometheus']);
  });

  test('every container is hardened: restart, no-new-privileges, capabilities dropped, memory limit, healthcheck, rotated logs', () => {
    for (const c of containers) {
      expect(c).toMatchObject({
        restart: 'unless-stopped',
        security_opts: ['no-new-privileges:true'],
        capabilities: { drop: ['ALL'] },
        read_only: true,
        log_opts: { 'max-size': '10m', 'max-file': '3' },
      });
      expect(c.memory).toBeGreaterThan(0);
      expect(c.healthcheck.test.slice(0, 2)).toEqual(['CMD', 'wget']);
      expect(c.privileged).toBeUndefined();
      // apply waits until the healthcheck passes
      expect(c).toMatchObject({ wait: true, wait_timeout: 180 });
      // Docker refuses uploads into a read-only root: programs never carry uploads, their loaders do
      expect(c.upload).toBeUndefined();
    }
  });

  test('configs reach the read-only containers through a volume filled by a loader that is created and never started', () => {
    const prometheus = container(json, 'prometheus');
    const load = loader(json, 'prometheus');
    expect(load).toMatchObject({ start: false, must_run: false, network_mode: 'none', capabilities: { drop: ['ALL'] } });
    expect(load.read_only).toBeUndefined();
    expect(load.volumes).toEqual([{ volume_name: expect.stringContaining('prometheus-config'), container_path: '/etc/monitoring' }]);
    expect(prometheus.volumes).toContainEqual({ volume_name: load.volumes[0].volume_name, container_path: '/etc/monitoring', read_only: true });
    expect(uploadsOf(json, 'prometheus').map((u) => u.file)).toEqual(['/etc/monitoring/prometheus.yml']);
    const loaderId = Object.entries(json.resource.docker_container).find(([, c]: [string, any]) => c === load)![0];
    expect(prometheus.depends_on).toEqual([`docker_container.${loaderId}`]);
    // a bare address: Terraform's JSON syntax refuses "${...}" in replace_triggered_by
    expect(prometheus.lifecycle).toEqual({ replace_triggered_by: [`docker_container.${loaderId}`] });
  });

  test('node-exporter mounts the host root rslave and read-only; its healthcheck hits the landing page, not /metrics', () => {
    const node = container(json, 'node-exporter');
    expect(node.mounts).toContainEqual({ type: 'bind', source: '/', target: '/host/root', read_only: true, bind_options: { propagation: 'rslave' } });
    expect(node.healthcheck.test).toContain('http://127.0.0.1:9100/');
  });

  test('ports are bound to 127.0.0.1 and only for the three UIs', () => {
    const published = containers.flatMap((c) => (c.ports ?? []).map((p: any) => `${c.name} ${p.ip}:${p.external}->${p.internal}`));
    expect(published.sort()).toEqual(['dev-alertmanager 127.0.0.1:9093->9093', 'dev-grafana 127.0.0.1:3000->3000', 'dev-prometheus 127.0.0.1:9090->9090']);
  });

  test('images are pinned, never latest', () => {
    const images = resourcesOf(json, 'docker_image').map((i) => i.name).sort();
    expect(images).toEqual([DEFAULT_IMAGES.alertmanager, DEFAULT_IMAGES.cadvisor, DEFAULT_IMAGES.grafana, DEFAULT_IMAGES.nodeExporter, DEFAULT_IMAGES.prometheus].sort());
    for (const image of Object.values(DEFAULT_IMAGES)) expect(image).toMatch(/:v?\d+\.\d+\.\d+(-alpine)?$/);
    expect(resourcesOf(json, 'docker_image')).toHaveLength(5); // one per image, shared by a container and its loader
    for (const image of images) expect(image).not.toMatch(/:latest$|^[^:]+$/);
    expect(() => bindTarget(new DockerHostTarget({ images: { grafana: 'grafana/grafana:latest' } }))).toThrow(
      'DockerHostTarget of MonitoringStack test/monitoring, images.grafana: got "grafana/grafana:latest", expected a pinned image',
    );
  });

  test('data volumes survive destroy; config volumes are named after their content', () => {
    const volumes = resourcesOf(json, 'docker_volume');
    const data = volumes.filter((v) => v.name.endsWith('-data'));
    expect(data.map((v) => v.name).sort()).toEqual(['dev-alertmanager-data', 'dev-grafana-data', 'dev-prometheus-data']);
    for (const v of data) expect(v.lifecycle).toEqual({ prevent_destroy: true });
    const config = volumes.filter((v) => v.name.includes('-config-'));
    expect(config.map((v) => v.name.replace(/[0-9a-f]{12}$/, 'HASH')).sort()).toEqual([
      'dev-alertmanager-config-HASH',
      'dev-grafana-config-HASH',
      'dev-prometheus-config-HASH',
    ]);
  });

  test('Prometheus joins the monitoring network and the attached networks; admin and lifecycle APIs stay off', () => {
    const prometheus = container(json, 'prometheus');
    expect(prometheus.networks_advanced).toEqual([{ name: expect.stringContaining('docker_network'), aliases: ['prometheus'] }, { name: 'app' }]);
    expect(prometheus.command).toContain('--storage.tsdb.retention.time=2w1d');
    expect(prometheus.command.join(' ')).not.toMatch(/enable-lifecycle|enable-admin-api/);
    expect(synthesized).toHaveResourceWithProperties(Network, { name: 'dev-monitoring', driver: 'bridge' });
  });

  test('Grafana gets its admin password as a file from a generated random_password, never as a literal', () => {
    const grafana = container(json, 'grafana');
    expect(grafana.env).toEqual(
      expect.arrayContaining([
        'GF_SECURITY_ADMIN_PASSWORD__FILE=/etc/monitoring/secrets/grafana_admin_password',
        'GF_USERS_ALLOW_SIGN_UP=false',
        'GF_AUTH_ANONYMOUS_ENABLED=false',
      ]),
    );
    expect(grafana.env.join('\n')).not.toMatch(/GF_SECURITY_ADMIN_PASSWORD=/);
    const upload = uploadsOf(json, 'grafana').find((u) => u.file === '/etc/monitoring/secrets/grafana_admin_password')!;
    expect(upload.permissions).toBe('0440');
    expect(grafana.group_add).toEqual(['0']);
    expect(upload.content).toMatch(/^\$\{random_password\.[^}]+\.result\}$/);
    expect(synthesized).toHaveResourceWithProperties(Password, { length: 32, special: false });
    expect(json.output.grafana_admin_password.sensitive).toBe(true);
  });

  test('secrets come from sensitive variables and reach the program as files', () => {
    const env = dockerEnvironment({ grafana: { adminPassword: Secret.fromVariable('grafana_admin_password') } });
    new AlertRouting(env.monitoring, 'routing', {
      receivers: [Receiver.slack('slack', { apiUrl: Secret.fromVariable('slack_webhook_url'), channel: '#alerts' })],
      route: { receiver: 'slack' },
    });
    const out = synthJson(env.stack);
    expect(out.variable).toEqual({
      grafana_admin_password: expect.objectContaining({ sensitive: true, type: 'string' }),
      slack_webhook_url: expect.objectContaining({ sensitive: true, type: 'string' }),
    });
    const am = uploadsOf(out, 'alertmanager');
    expect(am.find((u) => u.file === '/etc/monitoring/secrets/slack_webhook_url')).toEqual({ file: '/etc/monitoring/secrets/slack_webhook_url', content: '${var.slack_webhook_url}', permissions: '0440' });
    const amConfig = am.find((u) => u.file === '/etc/monitoring/alertmanager.yml')!.content;
    expect(amConfig).toContain('api_url_file: /etc/monitoring/secrets/slack_webhook_url');
    expect(resourcesOf(out, 'random_password')).toHaveLength(0);
  });

  test('opening ports and disabling exporters', () => {
    const env = dockerEnvironment({}, { bindAddress: '0.0.0.0', hostPorts: { grafana: 3300, prometheus: false }, cadvisor: false });
    const out = synthJson(env.stack);
    expect(container(out, 'grafana').ports).toEqual([{ internal: 3000, external: 3300, ip: '0.0.0.0' }]);
    expect(container(out, 'prometheus').ports).toBeUndefined();
    expect(programContainers(out).map((c) => c.name)).not.toContain('dev-cadvisor');
    expect(env.monitoring.renderedFiles()['prometheus/prometheus.yml']).not.toContain('cadvisor');
  });

  test('bad target props are refused', () => {
    expect(() => bindTarget(new DockerHostTarget({ bindAddress: 'localhost' }))).toThrow('DockerHostTarget of MonitoringStack test/monitoring, bindAddress: got "localhost", expected an IP address');
    expect(() => bindTarget(new DockerHostTarget({ hostPorts: { grafana: 70000 } }))).toThrow('DockerHostTarget of MonitoringStack test/monitoring, hostPorts.grafana: got 70000, expected a port between 1 and 65535');
    expect(() => bindTarget(new DockerHostTarget({ attachNetworks: ['bad name'] }))).toThrow('DockerHostTarget of MonitoringStack test/monitoring, attachNetworks[0]: got "bad name"');
  });

  test('a target object serves one environment', () => {
    const target = new DockerHostTarget();
    const s = new TerraformStack(Testing.app(), 's');
    new MonitoringStack(s, 'a', { environment: 'a', target });
    expect(() => new MonitoringStack(s, 'b', { environment: 'b', target })).toThrow(
      'MonitoringStack s/b, target: this DockerHostTarget is already used by s/a; expected a new DockerHostTarget per environment',
    );
  });
});

describe('Terraform escaping', () => {
  test('${DS_PROMETHEUS} in a dashboard and ${x} in an annotation arrive in the container unchanged', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-escape-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'dev');
    const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'dev', target: new DockerHostTarget() });
    new AlertGroup(monitoring, 'g', {
      rules: [{ alert: 'Templated', expr: 'up == 0', for: Duration.minutes(1), annotations: { note: 'value is ${x} and %{y}' } }],
    });
    new GrafanaDashboard(monitoring, 'd', {
      uid: 'escaped',
      dashboard: {
        title: 'Escaped',
        templating: { list: [{ name: 'DS_PROMETHEUS', type: 'datasource', query: 'prometheus' }] },
        panels: [{ type: 'stat', title: 'up', gridPos: { x: 0, y: 0, w: 6, h: 4 }, datasource: { uid: '${DS_PROMETHEUS}' } }],
      },
    });
    app.synth();
    const tf = fs.readFileSync(path.join(outdir, 'stacks/dev/cdk.tf.json'), 'utf8');
    const json = JSON.parse(tf);
    const grafana = uploadsOf(json, 'grafana').find((u) => u.file === '/etc/monitoring/dashboards/escaped.json')!.content;
    expect(grafana).toContain('"uid": "$${DS_PROMETHEUS}"');
    const rules = uploadsOf(json, 'prometheus').find((u) => u.file === '/etc/monitoring/rules/g.yml')!.content;
    expect(rules).toContain('note: value is $${x} and %%{y}');
    // Terraform turns $${ back into ${ and %%{ into %{: exactly the rendered file's text
    const unescape = (s: string) => s.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    const rendered = path.join(outdir, 'stacks/dev/rendered/monitoring');
    expect(unescape(grafana)).toBe(fs.readFileSync(path.join(rendered, 'grafana/dashboards/escaped.json'), 'utf8'));
    expect(fs.readFileSync(path.join(rendered, 'grafana/dashboards/escaped.json'), 'utf8')).toContain('"uid": "${DS_PROMETHEUS}"');
    expect(unescape(rules)).toBe(fs.readFileSync(path.join(rendered, 'prometheus/rules/g.yml'), 'utf8'));
    expect(unescape(rules)).toContain('note: value is ${x} and %{y}');
  });
});

describe('DockerHostTarget without Grafana', () => {
  test('runs no Grafana container, scrape job or output when dashboards live elsewhere', () => {
    const env = dockerEnvironment({}, { grafana: false });
    const out = synthJson(env.stack);
    expect(programContainers(out).map((c) => c.name)).not.toContain('dev-grafana');
    expect(resourcesOf(out, 'random_password')).toHaveLength(0);
    expect(out.output.grafana_url).toBeUndefined();
    expect(env.monitoring.renderedFiles()['prometheus/prometheus.yml']).not.toContain('job_name: grafana');
  });
});
