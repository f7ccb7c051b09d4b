import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { DockerHost } from '../../lib/targets/docker/docker-host';
import { DevStack } from '../../stacks/dev';

/** Debian's Chromium; playwright-core drives it and never downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';
/** The screenshot of the dev stack's page, shown in docs/overview.md and the README. */
const SCREENSHOT = path.resolve(__dirname, '../../docs/overview-dev.png');

function requireChromium(): string {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing (${CHROMIUM}); install Debian's package: apt-get install -y chromium (npm test installs it when run as root)`);
  }
  return CHROMIUM;
}

/** The dev stack's container and network names, read from the synthesized cdk.tf.json (not from the page's code). */
function expectedTopology(outdir: string): { containers: string[]; networks: string[] } {
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/dev/cdk.tf.json'), 'utf8'));
  const networks = new Map<string, string>(Object.entries(json.resource.docker_network as Record<string, { name: string }>).map(([id, n]) => [`\${docker_network.${id}.name}`, n.name]));
  const containers = Object.values(json.resource.docker_container as Record<string, { name: string; start?: boolean; networks_advanced?: { name: string }[] }>).filter((c) => c.start !== false);
  const joined = new Set<string>();
  for (const c of containers) for (const n of c.networks_advanced ?? []) joined.add(networks.get(n.name) ?? n.name);
  return { containers: containers.map((c) => c.name).sort(), networks: [...joined].sort() };
}

describe('the dev overview page in a real browser (Chromium)', () => {
  let outdir: string;
  let page: Page;
  let context: BrowserContext;
  let profile: string;
  let specs: string[];
  const requests: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const executablePath = requireChromium();
    const stack = new DevStack(Testing.app(), 'dev');
    specs = (stack.monitoring.node.findChild('docker') as DockerHost).containerSpecs().map((s) => `dev-${s.name}`);
    outdir = Testing.fullSynth(stack);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1600, height: 1000 },
      timeout: 60_000,
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    await page.goto(`file://${path.join(outdir, 'stacks/dev/rendered/monitoring/overview/index.html')}`, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  }, 30_000);

  test('the synth wrote the page and the paging table', () => {
    const dir = path.join(outdir, 'stacks/dev/rendered/monitoring/overview');
    expect(fs.readdirSync(dir).sort()).toEqual(['index.html', 'paging.md']);
    expect(fs.readFileSync(path.join(dir, 'paging.md'), 'utf8')).toContain('# Who is paged: environment `dev`');
  });

  test('the diagram shows every container and every network of the dev stack', async () => {
    const { containers, networks } = expectedTopology(outdir);
    expect(containers).toEqual([...specs].sort());
    expect(networks).toEqual(['app', 'dev-monitoring']);
    for (const name of containers) {
      const box = page.locator(`svg.diagram [data-container="${name}"]`);
      expect({ name, visible: await box.isVisible(), text: await box.locator('.node-title').textContent() }).toEqual({ name, visible: true, text: name });
    }
    for (const name of networks) {
      const legend = page.locator(`svg.diagram [data-network="${name}"]`);
      expect({ name, visible: await legend.isVisible(), text: await legend.locator('.net-name').textContent() }).toEqual({ name, visible: true, text: name });
    }
    // published ports are drawn on their containers
    expect(await page.locator('svg.diagram [data-container="dev-prometheus"] [data-port]').first().textContent()).toContain('127.0.0.1:9090 → 9090');
  });

  test('clicking an alert shows its receivers', async () => {
    const alert = page.locator('details[data-alert="ApiDown"]');
    const receivers = alert.locator('ul.receivers');
    expect(await receivers.count()).toBe(0);
    await alert.locator('summary').click();
    await receivers.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await receivers.innerText()).toContain('webhook: webhook http://alert-webhook:8080/alerts');
    // an alert name in the rule groups opens the same details through its link
    const other = page.locator('details[data-alert="ApiHighErrorRatio"]');
    // (browser-side code as strings: the project compiles without the DOM library)
    expect(await other.getAttribute('open')).toBeNull();
    await page.locator('#rules a.alert-link', { hasText: 'ApiHighErrorRatio' }).click();
    await other.locator('ul.receivers').waitFor({ state: 'visible', timeout: 5_000 });
    expect(await other.locator('ul.receivers').innerText()).toContain('webhook');
  });

  test('no request leaves the page, none fails, and the console has no errors', async () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    // nothing on the page would load anything: no src or stylesheet pointing elsewhere
    const loads = (await page.evaluate('[...document.querySelectorAll("[src], link[href]")].map((e) => e.getAttribute("src") || e.getAttribute("href"))')) as string[];
    expect(loads.filter((u) => !u.startsWith('data:'))).toEqual([]);
  });

  test('takes the screenshot for the docs', async () => {
    await page.evaluate('document.querySelectorAll("details[open]").forEach((d) => { d.open = false; }); window.scrollTo(0, 0);');
    const diagram = await page.locator('#diagram').boundingBox();
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 1600, height: Math.ceil(diagram!.y + diagram!.height + 16) }, fullPage: true });
    expect(shot.length).toBeGreaterThan(20_000);
    if (!fs.existsSync(SCREENSHOT) || !fs.readFileSync(SCREENSHOT).equals(shot)) fs.writeFileSync(SCREENSHOT, shot);
  });
});
