import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { Discovery, DockerHostTarget, Duration, MonitoringStack, ServiceScrape } from '../../lib';
import { waitFor } from '../helpers/processes';
import { Applier, unmappedAttributes } from './applier';
import { PrivateEngine } from './engine';
import { createInternalNetwork, Probe, runContainer } from './scenario';
import { buildStandinImages, StandinImages } from './standin-images';
import { synthStack, variableValues } from './synth';

/**
 * Deploy test for `docker_sd_configs`: a stack whose only user job discovers containers by label is applied to a
 * private Docker engine as kreuzwerker/docker 3.6.2 applies it (test/deploy/applier.ts). Prometheus (stand-in image,
 * Debian's prometheus, user nobody) gets the engine's socket read-only and joins its group; it must find the
 * labelled sample api on the `app` network and scrape it, and leave the unlabelled container alone.
 * Deviation from a real host: the socket is the private engine's (`<engine dir>/docker.sock`, given as
 * `dockerSocket.hostPath`), not /var/run/docker.sock.
 */
describe('deploy: Discovery.docker() on a real Docker engine', () => {
  let engine: PrivateEngine | undefined;
  let images: StandinImages;
  let work: string;
  let probe: Probe;
  let tf: Record<string, any>;
  let applier: Applier;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-deploy-sd-'));
    engine = await PrivateEngine.start();
    images = await buildStandinImages(engine.api);
    await createInternalNetwork(engine.api, 'app');
    // The labelled container: the sample api (/metrics on :8000), scraped on the port its label names.
    const { Id } = await engine.api.json('POST', '/containers/create', {
      query: { name: 'app-api' },
      body: {
        Image: images.api,
        Labels: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8000', 'prometheus.io/path': '/metrics' },
        HostConfig: { NetworkMode: 'app', ReadonlyRootfs: false, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges:true'] },
        NetworkingConfig: { EndpointsConfig: { app: { Aliases: ['api'] } } },
      },
    });
    await engine.api.raw('POST', `/containers/${Id}/start`);
    // An unlabelled container on the same network: never a target.
    await runContainer(engine.api, 'app-unlabelled', images.api, [{ name: 'app' }]);

    const socket = path.join(engine.dir, 'docker.sock');
    const gid = fs.statSync(socket).gid;
    if (gid === 0) throw new Error(`the private engine's socket ${socket} belongs to group 0: create a "docker" group so dockerd gives its socket that group (groupadd -r docker)`);
    tf = synthStack(path.join(work, 'out'), 'sd', (app) => {
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
    applier = new Applier(engine.api);
    await applier.apply(tf, { variables: variableValues(tf, 'http://unused:1/') });
    const network = Object.values<any>(tf.resource.docker_network)[0].name;
    probe = new Probe(engine.api, await runContainer(engine.api, 'sd-probe', images.probe, [{ name: network }]));
  }, 150_000);

  afterAll(async () => {
    const problems = engine ? await engine.stop() : [];
    if (work) fs.rmSync(work, { recursive: true, force: true });
    expect(problems).toEqual([]);
  }, 30_000);

  test('the applier maps every attribute the stack emits (the socket mount and group_add among them)', () => {
    expect(unmappedAttributes(tf)).toEqual([]);
    const prometheus = Object.values<any>(tf.resource.docker_container).find((c) => c.name === 'sd-prometheus');
    expect(prometheus.group_add).toEqual([String(fs.statSync(path.join(engine!.dir, 'docker.sock')).gid)]);
    expect(prometheus.mounts).toEqual([{ type: 'bind', source: path.join(engine!.dir, 'docker.sock'), target: '/var/run/docker.sock', read_only: true }]);
  });

  test('Prometheus, as nobody with the socket\'s group, discovers the labelled container and scrapes it (up == 1)', async () => {
    let last: any[] = [];
    const target = await waitFor(
      'a discovered target of job containers up',
      60_000,
      async () => {
        last = (await probe.getJson('http://prometheus:9090/api/v1/targets')).data.activeTargets as any[];
        return last.find((t) => t.labels.job === 'containers' && t.health === 'up');
      },
      () => JSON.stringify(last.map((t) => [t.labels, t.health, t.lastError])),
    );
    expect(target.labels).toMatchObject({ job: 'containers', container: 'app-api' });
    expect(target.scrapeUrl).toMatch(/^http:\/\/[0-9.]+:8000\/metrics$/);
    // Only the labelled container was discovered.
    const discovered = last.filter((t) => t.labels.job === 'containers').map((t) => t.labels.container);
    expect([...new Set(discovered)]).toEqual(['app-api']);
    // As the container runs it: uid nobody, with the socket's group among its groups.
    const prometheus = applier.containers().find((c) => c.name === 'sd-prometheus')!;
    const status = await engine!.api.exec(prometheus.id, ['sh', '-c', 'grep -E "^(Uid|Groups):" /proc/self/status']);
    const gid = String(fs.statSync(path.join(engine!.dir, 'docker.sock')).gid);
    expect(status.stdout).toMatch(/^Uid:\s+65534\s/m);
    expect(status.stdout.match(/^Groups:(.*)$/m)?.[1].trim().split(/\s+/)).toContain(gid);
    const up = (await probe.getJson(`http://prometheus:9090/api/v1/query?query=${encodeURIComponent('up{job="containers"}')}`)).data.result as any[];
    expect(up.map((r) => [r.metric.container, r.value[1]])).toEqual([['app-api', '1']]);
  }, 70_000);
});
