import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Discovery, DockerHostTarget, Duration, MonitoringStack, ServiceScrape } from '../../lib';
import { freePort, getJson, ProcessGroup, waitFor } from '../helpers/processes';

/**
 * End to end on loopback for service discovery: a stack whose only user job finds its target through
 * `file_sd_configs` (a target file the library renders next to prometheus.yml) is synthesized for real, and the
 * rendered Prometheus directory runs in the tool cache's Prometheus 3.x on 127.0.0.1, scraping a real node_exporter.
 * Nothing in the rendered files is rewritten.
 */
describe('loopback end to end: a file_sd_configs job scrapes a real target', () => {
  const processes = new ProcessGroup();
  let work: string;
  let ports: { prometheus: number; node: number };

  beforeAll(async () => {
    ports = { prometheus: await freePort(), node: await freePort() };
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-e2e-sd-'));
    const app = new App({ outdir: path.join(work, 'cdktf.out') });
    const stack = new TerraformStack(app, 'sd');
    const monitoring = new MonitoringStack(stack, 'monitoring', {
      environment: 'sd',
      target: new DockerHostTarget({ grafana: false, nodeExporter: false, cadvisor: false }),
      prometheus: { scrapeInterval: Duration.seconds(1), scrapeTimeout: Duration.seconds(1) },
    });
    new ServiceScrape(monitoring, 'batch', {
      discovery: Discovery.files({ targetGroups: [{ targets: [`127.0.0.1:${ports.node}`], labels: { tier: 'batch' } }], refreshInterval: '5s' }),
      // A `$` in a job label must arrive literally (it is rendered as a relabel replacement, where `$` expands groups).
      labels: { team: 'platform', cost: '$5' },
    });
    app.synth();
    const dir = path.join(work, 'cdktf.out/stacks/sd/rendered/monitoring/prometheus');
    expect(fs.readdirSync(path.join(dir, 'file_sd'))).toEqual(['batch.json']);
    processes.start('node_exporter', [`--web.listen-address=127.0.0.1:${ports.node}`]);
    processes.start('prometheus', [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(work, 'prometheus-data')}`,
      `--web.listen-address=127.0.0.1:${ports.prometheus}`,
    ]);
  }, 60_000);

  afterAll(async () => {
    await processes.stopAll();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }, 30_000);

  test('the discovered target is up (up == 1) with the target group\'s and the job\'s labels', async () => {
    const query = (q: string) => getJson(`http://127.0.0.1:${ports.prometheus}/api/v1/query?query=${encodeURIComponent(q)}`);
    const result = await waitFor(
      'up{job="batch"} == 1',
      40_000,
      async () => {
        const r = (await query('up{job="batch"}').catch(() => undefined))?.data?.result as any[] | undefined;
        return r && r.length === 1 && r[0].value[1] === '1' ? r : undefined;
      },
      () => processes.logs(),
    );
    expect(result[0].metric).toEqual({ __name__: 'up', job: 'batch', instance: `127.0.0.1:${ports.node}`, tier: 'batch', team: 'platform', cost: '$5' });
    // The samples are node_exporter's own.
    const built = (await query('node_exporter_build_info{job="batch"}')).data.result as any[];
    expect(built.length).toBe(1);
  }, 45_000);
});
