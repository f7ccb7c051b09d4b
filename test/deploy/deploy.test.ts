import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { Discovery, DockerHostTarget, Duration, MonitoringStack, ServiceScrape } from '../../lib';
import { DEFAULT_IMAGES } from '../../lib/containers/images';
import { ImageKey } from '../../lib/containers/spec';
import { AiChatStack } from '../../examples/ai-chat/main';
import { DevStack, DevStackProps } from '../../stacks/dev';
import { waitFor } from '../helpers/processes';
import { Applier, ApplyReport, unmappedAttributes } from './applier';
import { PrivateEngine } from './engine';
import { createInternalNetwork, Probe, runContainer, webhookBodies } from './scenario';
import { buildStandinImages, StandinImages } from './standin-images';
import { synthStack, variableValues } from './synth';

/**
 * Deploy test: the synthesized `dev` stack (and the ai-chat example) applied to a real Docker engine the way
 * kreuzwerker/docker 3.6.2 applies it (test/deploy/applier.ts), with stand-in images built from Debian's binaries.
 * Everything runs in a private engine on internal networks; nothing leaves the machine.
 */

/**
 * Components with no Debian build: their containers (and loaders) are not applied here. Their images are checked
 * against their image facts instead (test/containers).
 */
const NO_DEBIAN_BUILD: readonly ImageKey[] = ['grafana', 'cadvisor', 'loki', 'alloy', 'promtail'];
/** What the test changes from the real provider, to stay on this machine (printed with the timings). */
const DEVIATIONS = [
  'docker_network resources are created with internal: true (no route off the machine); the test\'s own networks are internal too',
  'published ports bind 127.0.0.1 with an ephemeral host port instead of the configured one (no collision with ports in use)',
  'wait stops at the first "unhealthy" instead of polling until wait_timeout (both fail the apply)',
  'docker_image never pulls: the stand-in images are already in the engine (no registry is reachable)',
  `components with no Debian build are not applied: ${NO_DEBIAN_BUILD.join(', ')}`,
  'dockerd runs in a mount namespace of its own with shared propagation (this machine\'s / is a private mount; rslave binds need shared)',
  'the example gets its stand-in images by rewriting docker_image names (it has no images prop)',
  'no refresh: the plan compares with the state this applier kept in memory, not with what the engine reports',
  'random_password results come from Node\'s crypto with the provider\'s character classes',
  'the Discovery.docker() stack mounts the private engine\'s socket (<engine dir>/docker.sock, as dockerSocket.hostPath) instead of /var/run/docker.sock',
  'Healthcheck.StartInterval (an API 1.44 field, unknown to the 1.41 engine) is sent only when set; the stack sets none',
];
const WEBHOOK_URL = 'http://alert-webhook:8080/cgi-bin/alerts';
const TIME_BOUND_MS = 6 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deploy: the dev stack on a real Docker engine, applied as kreuzwerker/docker 3.6.2 does', () => {
  const wallStart = Date.now();
  const timings: Record<string, string> = {};
  let engine: PrivateEngine | undefined;
  let images: StandinImages;
  let work: string;
  let applier: Applier;
  let first: ApplyReport;
  let tf1: Record<string, any>;
  let probe: Probe;
  let apiContainer: string;
  let webhook: string;

  const devProps = (changes: Partial<DevStackProps> = {}): DevStackProps => ({
    images: images.components,
    webhookUrl: WEBHOOK_URL,
    scrapeInterval: Duration.seconds(2),
    evaluationInterval: Duration.seconds(2),
    apiDownFor: Duration.seconds(0),
    groupWait: Duration.seconds(1),
    ...changes,
  });
  const synthDev = (name: string, props: DevStackProps) => synthStack(path.join(work, name), 'dev', (app) => new DevStack(app, 'dev', props));
  const noDebianBuild = new Map(NO_DEBIAN_BUILD.map((key) => [DEFAULT_IMAGES[key], key]));
  const exclude = (address: string, raw: Record<string, unknown>) =>
    address.startsWith('docker_image.') && noDebianBuild.has(String(raw.name)) ? `no Debian build of ${noDebianBuild.get(String(raw.name))}` : undefined;
  const inspect = (id: string) => engine!.api.json('GET', `/containers/${id}/json`);
  const startedContainers = () => applier.containers().filter((c) => c.started);

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-deploy-'));
    let t = Date.now();
    engine = await PrivateEngine.start();
    timings.engine = `${Date.now() - t} ms`;
    t = Date.now();
    images = await buildStandinImages(engine.api);
    timings.images = `${Date.now() - t} ms`;

    // The app's network (internal) with the sample api and the webhook receiver on it.
    await createInternalNetwork(engine.api, 'app');
    apiContainer = await runContainer(engine.api, 'app-api', images.api, [{ name: 'app', aliases: ['api'] }]);
    webhook = await runContainer(engine.api, 'app-alert-webhook', images.webhook, [{ name: 'app', aliases: ['alert-webhook'] }]);
    // The databases' names resolve to a container that listens on nothing: the exporters get "connection refused" at
    // once and answer /metrics with pg_up 0 / redis_up 0 (an unknown name would make them hang past the scrape timeout).
    await runContainer(engine.api, 'app-databases', images.probe, [{ name: 'app', aliases: ['postgres', 'redis'] }]);

    tf1 = synthDev('v1', devProps());
    applier = new Applier(engine.api);
    first = await applier.apply(tf1, { variables: variableValues(tf1, WEBHOOK_URL), exclude });
    timings['dev apply'] = `${first.applyMs} ms`;

    // The probe joins the monitoring network the apply created, and the app network.
    const network = Object.values<any>(tf1.resource.docker_network)[0].name;
    const probeId = await runContainer(engine.api, 'deploy-probe', images.probe, [{ name: network }, { name: 'app' }]);
    probe = new Probe(engine.api, probeId);
  }, 100_000);

  afterAll(async () => {
    const problems = engine ? await engine.stop() : [];
    if (work) fs.rmSync(work, { recursive: true, force: true });
    timings.wall = `${Date.now() - wallStart} ms`;
    console.log(`deploy test timings: ${JSON.stringify(timings, null, 1)}\nstand-ins from Debian: ${JSON.stringify(images?.versions)}\ndeviations from the provider:\n- ${DEVIATIONS.join('\n- ')}`);
    expect(problems).toEqual([]);
    expect(Date.now() - wallStart).toBeLessThan(TIME_BOUND_MS);
  }, 30_000);

  test('the applier maps every attribute the stack emits', () => {
    expect(unmappedAttributes(tf1)).toEqual([]);
  });

  test('components with no Debian build are left out, and nothing else is', () => {
    const excludedContainers = Object.keys(first.excluded)
      .filter((a) => a.startsWith('docker_container.'))
      .map((a) => tf1.resource.docker_container[a.split('.')[1]].name)
      .sort();
    expect(excludedContainers).toEqual(['dev-alloy', 'dev-alloy-config-loader', 'dev-cadvisor', 'dev-grafana', 'dev-grafana-config-loader', 'dev-loki', 'dev-loki-config-loader']);
    expect(startedContainers().map((c) => c.name).sort()).toEqual(['dev-alertmanager', 'dev-blackbox-exporter', 'dev-node-exporter', 'dev-postgres-exporter', 'dev-prometheus', 'dev-redis-exporter']);
  });

  test('every applied container is created, and each started one is healthy when apply returns (wait)', async () => {
    const started = startedContainers();
    const health = await Promise.all(started.map(async (c) => [c.name, (await inspect(c.id)).State.Health?.Status] as const));
    const healthy = health.filter(([, s]) => s === 'healthy').length;
    timings['dev healthy'] = `${healthy}/${started.length}`;
    expect(Object.fromEntries(health)).toEqual(Object.fromEntries(started.map((c) => [c.name, 'healthy'])));
    // Loaders: created, never started, holding the uploads; the programs' containers take none.
    for (const c of applier.containers().filter((c) => !c.started)) expect((await inspect(c.id)).State.Status).toBe('created');
    for (const c of started) {
      const info = await inspect(c.id);
      expect({ name: c.name, readOnly: info.HostConfig.ReadonlyRootfs, upload: applier.configOf(c.address)?.upload }).toEqual({ name: c.name, readOnly: true, upload: undefined });
    }
  });

  test('secret files reach the exporters through the loader: not world-readable, read by the program as its non-root user', async () => {
    const exporter = startedContainers().find((c) => c.name === 'dev-postgres-exporter')!;
    const file = (applier.configOf(exporter.address)!.env as string[]).find((e) => e.startsWith('DATA_SOURCE_PASS_FILE='))!.split('=')[1];
    const upload = applier.containers()
      .filter((c) => !c.started)
      .flatMap((c) => (applier.configOf(c.address)!.upload ?? []) as any[])
      .find((u) => u.file === file);
    expect(upload?.permissions).toMatch(/^0[0-7]{3}$/);
    // No bit for others; the program (not root) reads it as the container runs it, with its user and group_add.
    expect(upload.permissions.endsWith('0')).toBe(true);
    const asProgram = await engine!.api.exec(exporter.id, ['sh', '-c', `id -u && stat -c '%a %u:%g' ${file} && cat ${file}`]);
    expect({ exit: asProgram.exitCode, out: asProgram.stdout.split('\n') }).toEqual({
      exit: 0,
      out: [expect.not.stringMatching(/^0$/), `${upload.permissions.slice(1)} 0:0`, 'deploy-test-postgres_exporter_password'],
    });
  }, 10_000);

  test('Prometheus, queried inside the engine, has node-exporter and the exporters up over the Docker network', async () => {
    let last: any[] = [];
    const byJob = await waitFor(
      'node, exporter and self targets up',
      35_000,
      async () => {
        last = (await probe.getJson('http://prometheus:9090/api/v1/targets')).data.activeTargets as any[];
        const jobs: Record<string, string> = {};
        for (const t of last) jobs[t.labels.job] = jobs[t.labels.job] === 'down' ? 'down' : t.health;
        const wanted = ['node', 'postgres', 'redis', 'api-probe', 'api', 'prometheus', 'alertmanager'];
        return wanted.every((j) => jobs[j] === 'up') ? jobs : undefined;
      },
      () => last.map((t) => `${t.labels.job} ${t.scrapeUrl}: ${t.health} ${t.lastError}`).join('\n'),
    );
    // The exporters answered from inside the Docker network (their databases are absent: up 0).
    for (const metric of ['pg_up', 'redis_up']) {
      const r = (await probe.getJson(`http://prometheus:9090/api/v1/query?query=${metric}`)).data.result;
      expect(r.map((x: any) => x.value[1])).toEqual(['0']);
    }
    // Not applied here (no Debian build): their targets stay down.
    expect({ grafana: byJob.grafana, cadvisor: byJob.cadvisor }).toEqual({ grafana: 'down', cadvisor: 'down' });
    const probeSuccess = (await probe.getJson(`http://prometheus:9090/api/v1/query?query=${encodeURIComponent('probe_success{job="api-probe"}')}`)).data.result;
    expect(probeSuccess.map((r: any) => r.value[1])).toEqual(['1']);
  }, 40_000);

  test('a planted failure (the scraped api stopped) fires ApiDown, which reaches the webhook container', async () => {
    await engine!.api.raw('POST', `/containers/${apiContainer}/stop`, { query: { t: 1 } });
    const t = Date.now();
    const alert = await waitFor('ApiDown at the webhook', 35_000, async () => {
      const bodies = await webhookBodies(engine!.api, webhook);
      return bodies.flatMap((b) => b.alerts ?? []).find((a: any) => a.labels?.alertname === 'ApiDown' && a.status === 'firing');
    });
    timings['ApiDown to webhook'] = `${Date.now() - t} ms`;
    expect(alert.labels).toMatchObject({ job: 'api', severity: 'critical', instance: 'api:8000' });
  }, 40_000);

  test('a second apply with a changed rule replaces the config volumes and containers; data volumes and a silence survive', async () => {
    const am = 'http://alertmanager:9093/api/v2';
    const endsAt = new Date(Date.now() + 3600_000).toISOString();
    const { silenceID } = await probe.postJson(`${am}/silences`, {
      matchers: [{ name: 'alertname', value: 'DeployTestSilence', isRegex: false, isEqual: true }],
      startsAt: new Date().toISOString(),
      endsAt,
      createdBy: 'deploy test',
      comment: 'must survive a replacement of the Alertmanager container',
    });
    const before = Object.fromEntries(applier.containers().map((c) => [c.name, c.id]));
    const volumesBefore = new Map<string, any>(((await engine!.api.json('GET', '/volumes')).Volumes as any[]).map((v) => [v.Name, v]));
    // A sample Prometheus stored before the replacement: the TSDB must still answer for it afterwards.
    const sampleTime = Date.now() / 1000 - 2;
    await waitFor('a stored sample of up{job="node"}', 20_000, async () => {
      const r = (await probe.getJson(`http://prometheus:9090/api/v1/query?query=${encodeURIComponent('up{job="node"}')}&time=${sampleTime}`)).data.result;
      return r.length > 0 ? r : undefined;
    });
    await sleep(2500); // let a scrape land after sampleTime in the WAL (flushed on shutdown)

    // The rule change (ApiDown `for`) renames Prometheus' config volume; the group_wait change renames Alertmanager's.
    const tf2 = synthDev('v2', devProps({ apiDownFor: Duration.seconds(30), groupWait: Duration.seconds(2) }));
    const second = await applier.apply(tf2, { variables: variableValues(tf2, WEBHOOK_URL), exclude });
    timings['dev second apply'] = `${second.applyMs} ms`;
    // Addresses by resource name: exact for containers and data volumes, by prefix for hash-named config volumes.
    const address = (type: string, name: string, prefix = false) => {
      const entry = Object.entries<any>(tf2.resource[type]).find(([, r]) => (prefix ? String(r.name).startsWith(name) : r.name === name));
      if (!entry) throw new Error(`no ${type} named ${name}${prefix ? '*' : ''}`);
      return `${type}.${entry[0]}`;
    };
    const container = (name: string) => second.actions[address('docker_container', name)];
    const volume = (name: string, prefix = false) => second.actions[address('docker_volume', name, prefix)];
    expect({
      prometheusConfig: volume('dev-prometheus-config-', true),
      prometheusLoader: container('dev-prometheus-config-loader'),
      prometheus: container('dev-prometheus'),
      prometheusData: volume('dev-prometheus-data'),
      alertmanagerConfig: volume('dev-alertmanager-config-', true),
      alertmanager: container('dev-alertmanager'),
      alertmanagerData: volume('dev-alertmanager-data'),
      nodeExporter: container('dev-node-exporter'),
    }).toEqual({
      prometheusConfig: 'replace',
      prometheusLoader: 'replace',
      prometheus: 'replace',
      prometheusData: 'no-op',
      alertmanagerConfig: 'replace',
      alertmanager: 'replace',
      alertmanagerData: 'no-op',
      nodeExporter: 'no-op',
    });
    const after = Object.fromEntries(applier.containers().map((c) => [c.name, c.id]));
    expect(after['dev-prometheus']).not.toBe(before['dev-prometheus']);
    expect(after['dev-node-exporter']).toBe(before['dev-node-exporter']);
    const volumesAfter = new Map<string, any>(((await engine!.api.json('GET', '/volumes')).Volumes as any[]).map((v) => [v.Name, v]));
    // The data volumes were kept (their content is checked below: an old sample, the silence).
    for (const data of ['dev-prometheus-data', 'dev-alertmanager-data']) expect([volumesBefore.has(data), volumesAfter.has(data)]).toEqual([true, true]);
    const newConfig = String(applier.configOf(address('docker_volume', 'dev-prometheus-config-', true))?.name);
    const configVolumes = (volumes: Map<string, unknown>) => [...volumes.keys()].filter((v) => v.startsWith('dev-prometheus-config-'));
    expect(configVolumes(volumesBefore)).toHaveLength(1);
    expect(configVolumes(volumesBefore)).not.toContain(newConfig);
    expect(configVolumes(volumesAfter)).toEqual([newConfig]); // the old one is gone

    // The new rule is loaded; the old sample and the silence survived the replacements.
    const rule = await waitFor('the changed ApiDown rule', 30_000, async () => {
      const groups = (await probe.getJson('http://prometheus:9090/api/v1/rules')).data.groups as any[];
      return groups.flatMap((g) => g.rules).find((r: any) => r.name === 'ApiDown' && r.duration === 30);
    });
    expect(rule.duration).toBe(30);
    const old = (await probe.getJson(`http://prometheus:9090/api/v1/query?query=${encodeURIComponent('up{job="node"}')}&time=${sampleTime}`)).data.result;
    expect(old.length).toBe(1);
    const silence = await waitFor('the silence after the replacement', 30_000, async () => probe.getJson(`${am}/silence/${silenceID}`).catch(() => undefined));
    expect(silence.status.state).toBe('active');
  }, 80_000);

  test('prevent_destroy: a plan that would replace a data volume fails before anything is destroyed', async () => {
    const tf = synthDev('v3', devProps({ apiDownFor: Duration.seconds(30), groupWait: Duration.seconds(2) }));
    const data = Object.values<any>(tf.resource.docker_volume).find((v) => v.name === 'dev-prometheus-data');
    data.name = 'dev-prometheus-data-renamed';
    const ids = applier.containers().map((c) => c.id).sort();
    await expect(applier.apply(tf, { variables: variableValues(tf, WEBHOOK_URL), exclude })).rejects.toThrow(/prevent_destroy/);
    expect(applier.containers().map((c) => c.id).sort()).toEqual(ids);
  }, 20_000);

  test('the ai-chat example applies too: every container healthy', async () => {
    const standins = new Map((Object.entries(images.components) as [ImageKey, string][]).map(([key, tag]) => [DEFAULT_IMAGES[key], tag]));
    const tf = synthStack(path.join(work, 'aichat'), 'aichat', (app) => new AiChatStack(app, 'aichat'));
    // Test deviation: the example has no images prop; its docker_image names are rewritten to the stand-ins.
    for (const image of Object.values<any>(tf.resource.docker_image)) image.name = standins.get(image.name) ?? image.name;
    // The networks the example attaches (its app's), created by the test as internal networks.
    const attached = new Set(Object.values<any>(tf.resource.docker_container).flatMap((c) => (c.networks_advanced ?? []).map((n: any) => String(n.name))));
    for (const name of [...attached].filter((n) => !n.startsWith('${'))) await createInternalNetwork(engine!.api, name);
    const example = new Applier(engine!.api);
    const report = await example.apply(tf, { variables: variableValues(tf, WEBHOOK_URL), exclude });
    timings['ai-chat apply'] = `${report.applyMs} ms`;
    const started = example.containers().filter((c) => c.started);
    const health = await Promise.all(started.map(async (c) => [c.name, (await inspect(c.id)).State.Health?.Status] as const));
    timings['ai-chat healthy'] = `${health.filter(([, s]) => s === 'healthy').length}/${started.length}`;
    expect(started.length).toBeGreaterThanOrEqual(6);
    expect(Object.fromEntries(health)).toEqual(Object.fromEntries(started.map((c) => [c.name, 'healthy'])));
  }, 50_000);

  test('a Discovery.docker() job: Prometheus, as nobody with the socket\'s group and the socket read-only, discovers the labelled container and scrapes it', async () => {
    // The labelled container: the sample api (/metrics on :8000), scraped on the port its label names; the unlabelled
    // app-databases and webhook containers on the same network are never targets.
    const { Id } = await engine!.api.json('POST', '/containers/create', {
      query: { name: 'app-labelled-api' },
      body: {
        Image: images.api,
        Labels: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8000', 'prometheus.io/path': '/metrics' },
        HostConfig: { NetworkMode: 'app', ReadonlyRootfs: false, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges:true'] },
      },
    });
    await engine!.api.raw('POST', `/containers/${Id}/start`);
    const socket = path.join(engine!.dir, 'docker.sock');
    const gid = fs.statSync(socket).gid;
    if (gid === 0) throw new Error(`the private engine's socket ${socket} belongs to group 0: create a "docker" group so dockerd gives its socket that group (groupadd -r docker)`);
    const tf = synthStack(path.join(work, 'sd'), 'sd', (app) => {
      const stack = new TerraformStack(app, 'sd');
      const monitoring = new MonitoringStack(stack, 'monitoring', {
        environment: 'sd',
        target: new DockerHostTarget({
          attachNetworks: ['app'],
          grafana: false,
          nodeExporter: false,
          cadvisor: false,
          images: images.components,
          dockerSocket: { groupId: gid, hostPath: socket },
        }),
        prometheus: { scrapeInterval: Duration.seconds(2), scrapeTimeout: Duration.seconds(1) },
      });
      new ServiceScrape(monitoring, 'containers', { discovery: Discovery.docker({ network: 'app', refreshInterval: '2s' }) });
      return stack;
    });
    expect(unmappedAttributes(tf)).toEqual([]);
    const prometheusTf = Object.values<any>(tf.resource.docker_container).find((c) => c.name === 'sd-prometheus');
    expect([prometheusTf.group_add, prometheusTf.mounts]).toEqual([[String(gid)], [{ type: 'bind', source: socket, target: '/var/run/docker.sock', read_only: true }]]);
    const sd = new Applier(engine!.api);
    const report = await sd.apply(tf, { variables: variableValues(tf, WEBHOOK_URL) });
    timings['docker_sd apply'] = `${report.applyMs} ms`;
    const sdProbe = new Probe(engine!.api, await runContainer(engine!.api, 'sd-probe', images.probe, [{ name: Object.values<any>(tf.resource.docker_network)[0].name }]));

    let last: any[] = [];
    const target = await waitFor(
      'a discovered target of job containers up',
      40_000,
      async () => {
        last = (await sdProbe.getJson('http://prometheus:9090/api/v1/targets')).data.activeTargets as any[];
        return last.find((t) => t.labels.job === 'containers' && t.health === 'up');
      },
      () => JSON.stringify(last.map((t) => [t.labels, t.health, t.lastError])),
    );
    expect(target.labels).toMatchObject({ job: 'containers', container: 'app-labelled-api' });
    expect(target.scrapeUrl).toMatch(/^http:\/\/[0-9.]+:8000\/metrics$/);
    expect([...new Set(last.filter((t) => t.labels.job === 'containers').map((t) => t.labels.container))]).toEqual(['app-labelled-api']);
    // As the container runs it: uid nobody, with the socket's group among its groups.
    const prometheus = sd.containers().find((c) => c.name === 'sd-prometheus')!;
    const status = await engine!.api.exec(prometheus.id, ['sh', '-c', 'grep -E "^(Uid|Groups):" /proc/self/status']);
    expect(status.stdout).toMatch(/^Uid:\s+65534\s/m);
    expect(status.stdout.match(/^Groups:(.*)$/m)?.[1].trim().split(/\s+/)).toContain(String(gid));
    const up = (await sdProbe.getJson(`http://prometheus:9090/api/v1/query?query=${encodeURIComponent('up{job="containers"}')}`)).data.result as any[];
    expect(up.map((r) => [r.metric.container, r.value[1]])).toEqual([['app-labelled-api', '1']]);
  }, 70_000);
});
