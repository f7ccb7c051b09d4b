import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { Duration } from '../../lib';
import { DevStack } from '../../stacks/dev';
import { freePort, getJson, ProcessGroup, waitFor } from '../helpers/processes';

/**
 * End to end on loopback: the configs of the synthesized `dev` stack run in the tool cache's Prometheus 3.x, Alertmanager and
 * node-exporter on 127.0.0.1. Container host names are rewritten to loopback ports; nothing else is changed. The
 * `api` target has nothing listening, so ApiDown must fire and reach the webhook receiver served by this test.
 */
describe('loopback end to end: dev stack in real Prometheus, Alertmanager and node-exporter', () => {
  const processes = new ProcessGroup();
  let webhook: http.Server;
  const received: any[] = [];
  let ports: Record<'prometheus' | 'alertmanager' | 'node' | 'hook' | 'api' | 'grafana' | 'cadvisor' | 'blackbox' | 'health' | 'postgres' | 'redis' | 'alloy' | 'loki', number>;
  let health: http.Server;
  let work: string;

  beforeAll(async () => {
    ports = {
      prometheus: await freePort(),
      alertmanager: await freePort(),
      node: await freePort(),
      hook: await freePort(),
      api: await freePort(), // nothing listens here: the planted failure
      grafana: await freePort(),
      cadvisor: await freePort(),
      blackbox: await freePort(),
      health: await freePort(), // a local HTTP health endpoint the blackbox exporter probes
      postgres: await freePort(),
      redis: await freePort(),
      alloy: await freePort(), // the log pipeline (Alloy, Loki) does not run here: their jobs are simply down
      loki: await freePort(),
    };
    health = http.createServer((req, res) => res.writeHead(req.url === '/health' ? 200 : 404).end('ok'));
    await new Promise<void>((resolve) => health.listen(ports.health, '127.0.0.1', resolve));
    webhook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          received.push({ path: req.url, body: JSON.parse(body) });
        } catch {
          received.push({ path: req.url, body });
        }
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(ports.hook, '127.0.0.1', resolve));

    // Synthesize the dev stack for real, with fast timing passed as typed settings.
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-e2e-'));
    const app = new App({ outdir: path.join(work, 'cdktf.out') });
    new DevStack(app, 'dev', {
      webhookUrl: `http://127.0.0.1:${ports.hook}/alerts`,
      scrapeInterval: Duration.seconds(1),
      evaluationInterval: Duration.seconds(1),
      apiDownFor: Duration.seconds(0),
      groupWait: Duration.seconds(1),
      healthUrl: `http://127.0.0.1:${ports.health}/health`,
    });
    app.synth();
    const rendered = path.join(work, 'cdktf.out/stacks/dev/rendered/monitoring');
    const hosts: Record<string, number> = {
      'localhost:9090': ports.prometheus,
      'alertmanager:9093': ports.alertmanager,
      'node-exporter:9100': ports.node,
      'api:8000': ports.api,
      'grafana:3000': ports.grafana,
      'cadvisor:8080': ports.cadvisor,
      'blackbox-exporter:9115': ports.blackbox,
      'postgres-exporter:9187': ports.postgres,
      'redis-exporter:9121': ports.redis,
      'alloy:12345': ports.alloy,
      'loki:3100': ports.loki,
    };
    const promConfig = path.join(rendered, 'prometheus/prometheus.yml');
    let text = fs.readFileSync(promConfig, 'utf8');
    for (const [host, port] of Object.entries(hosts)) text = text.split(`${host}\n`).join(`127.0.0.1:${port}\n`);
    expect(text).not.toMatch(/^\s*(- |replacement: )[a-z-]+:\d+$/m);
    fs.writeFileSync(promConfig, text);

    processes.start('node_exporter', [`--web.listen-address=127.0.0.1:${ports.node}`]);
    processes.start('blackbox_exporter', [
      `--config.file=${path.join(rendered, 'blackbox/blackbox.yml')}`,
      `--web.listen-address=127.0.0.1:${ports.blackbox}`,
    ]);
    processes.start('alertmanager', [
      `--config.file=${path.join(rendered, 'alertmanager/alertmanager.yml')}`,
      `--storage.path=${path.join(work, 'alertmanager-data')}`,
      `--web.listen-address=127.0.0.1:${ports.alertmanager}`,
      '--cluster.listen-address=',
    ]);
    processes.start('prometheus', [
      `--config.file=${promConfig}`,
      `--storage.tsdb.path=${path.join(work, 'prometheus-data')}`,
      `--web.listen-address=127.0.0.1:${ports.prometheus}`,
    ]);
  }, 60_000);

  afterAll(async () => {
    await processes.stopAll();
    await new Promise<void>((resolve) => webhook?.close(() => resolve()));
    await new Promise<void>((resolve) => health?.close(() => resolve()));
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }, 30_000);

  const prom = (p: string) => getJson(`http://127.0.0.1:${ports.prometheus}${p}`);

  test('the node target comes up and the api target is down', async () => {
    const health = await waitFor(
      'node, prometheus and alertmanager targets up and the api target down',
      40_000,
      async () => {
        const targets = (await prom('/api/v1/targets')).data.activeTargets as any[];
        const byJob = Object.fromEntries(targets.map((t) => [t.labels.job, t.health]));
        return byJob.node === 'up' && byJob.prometheus === 'up' && byJob.alertmanager === 'up' && byJob.api === 'down' ? byJob : undefined;
      },
      () => processes.logs(),
    );
    expect(health.node).toBe('up');
    expect(health.prometheus).toBe('up');
    expect(health.alertmanager).toBe('up');
  }, 60_000);

  test('blackbox-exporter probes the local health endpoint: probe_success is 1', async () => {
    const probe = await waitFor(
      'a successful probe',
      30_000,
      async () => {
        const result = (await prom(`/api/v1/query?query=${encodeURIComponent('probe_success{job="api-probe"}')}`)).data.result as any[];
        return result.length > 0 && result[0].value[1] === '1' ? result[0] : undefined;
      },
      () => processes.logs(),
    );
    expect(probe.metric.instance).toBe(`http://127.0.0.1:${ports.health}/health`);
  }, 40_000);

  test('the rule groups are loaded', async () => {
    const groups = await waitFor('rule groups', 20_000, async () => {
      const g = (await prom('/api/v1/rules')).data.groups as any[];
      return g.length > 0 ? g : undefined;
    });
    expect(groups.map((g) => g.name).sort()).toEqual(['api-health', 'api-probes', 'containers', 'host', 'log-pipeline', 'postgres-health', 'redis-health', 'slo-api-availability']);
    expect(groups.find((g) => g.name === 'api-health').rules.map((r: any) => r.name)).toEqual(['ApiDown', 'ApiHighErrorRatio', 'job:http_requests:rate5m']);
  }, 30_000);

  test('the down target fires ApiDown, and the alert reaches the webhook through Alertmanager', async () => {
    const firing = await waitFor('ApiDown firing in Prometheus', 30_000, async () => {
      const alerts = (await prom('/api/v1/alerts')).data.alerts as any[];
      return alerts.find((a) => a.labels.alertname === 'ApiDown' && a.state === 'firing');
    });
    expect(firing.labels).toMatchObject({ job: 'api', severity: 'critical' });
    const delivery = await waitFor(
      'the webhook to receive ApiDown',
      30_000,
      async () => received.find((r) => r.body?.alerts?.some((a: any) => a.labels.alertname === 'ApiDown')),
      () => processes.logs(),
    );
    expect(delivery.path).toBe('/alerts');
    const alert = delivery.body.alerts.find((a: any) => a.labels.alertname === 'ApiDown');
    expect(alert.status).toBe('firing');
    // the external label set by MonitoringStack travels with the alert
    expect(alert.labels.environment).toBe('dev');
    expect(alert.annotations.summary).toBe(`API target 127.0.0.1:${ports.api} is down`);
  }, 70_000);
});
