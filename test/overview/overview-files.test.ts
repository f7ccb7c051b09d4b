import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { AlertGroup, AlertRouting, GrafanaDashboard, Matcher, Receiver, ServiceScrape, Severity } from '../../lib';
import { MonitoringEnvironment } from '../../lib/model/environment';
import { FILES } from '../../lib/model/layout';
import { renderEnvironmentFiles } from '../../lib/render/environment-files';
import { ProdStack } from '../../stacks/prod';
import { StagingStack } from '../../stacks/staging';
import { dockerEnvironment } from '../helpers/stacks';
import { allEnvironments } from '../oracles/environments';

/** The details table of an alert as the page's script builds it from the alert data. */
function alertDetailHtml(html: string, id: string): string {
  const json = /<script type="application\/json" id="alert-data">(.*?)<\/script>/s.exec(html)![1];
  const data = JSON.parse(json) as { f: string[]; a: Record<string, number[][]> };
  return data.a[id].map((row) => `<tr><th>${data.f[row[0]]}</th><td>${row.slice(1).map((i) => data.f[i]).join('')}</td></tr>`).join('');
}

describe.each(allEnvironments())('overview files of $name', ({ monitoring }) => {
  const files = monitoring.renderedFiles();
  const html = files[FILES.overviewPage];

  test('both files are rendered', () => {
    expect(files[FILES.overviewPaging]).toMatch(/^# Who is paged: environment `/);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  test('the page loads nothing: inline style and script, a policy that forbids anything else', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:;`);
    expect(html).not.toMatch(/<(script|img|iframe)\b[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b(?![^>]*href="data:)[^>]*>/i);
  });

  test('every link to a rendered file points at a file that exists', () => {
    const links = [...html.replace(/\\"/g, '"').matchAll(/href="\.\.\/([^"#]+)"/g)].map((m) => decodeURIComponent(m[1]));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect({ link, exists: files[link] !== undefined }).toEqual({ link, exists: true });
  });

  test('every in-page link has its target', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const m of html.replace(/\\"/g, '"').matchAll(/href="#([^"]+)"/g)) expect({ target: m[1], found: ids.has(m[1]) }).toEqual({ target: m[1], found: true });
  });

  test('lists every scrape job and every alerting rule', () => {
    for (const job of monitoring.model.scrapeJobs) expect(html).toContain(`id="job--${job.jobName.replace(/[^a-zA-Z0-9]+/g, '-')}"`);
    for (const group of [...monitoring.model.ruleGroups, ...monitoring.model.lokiRuleGroups]) {
      for (const rule of group.rules) {
        if (rule.kind !== 'alert') continue;
        expect(html).toContain(`data-alert="${rule.alert}"`);
        expect(alertDetailHtml(html, `alert--${group.name.replace(/[^a-zA-Z0-9]+/g, '-')}--${rule.alert}`)).toContain('<tr><th>Receivers</th>');
      }
    }
  });
});

describe('the paging table', () => {
  test('alerts that reach only a discard receiver come first', () => {
    const { monitoring } = dockerEnvironment();
    new AlertGroup(monitoring, 'g', {
      rules: [
        { alert: 'Loud', expr: 'up == 0', severity: Severity.CRITICAL },
        { alert: 'Quiet', expr: 'up == 0', severity: Severity.INFO },
      ],
    });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('hook', { url: 'http://hook:8080/' }), Receiver.discard('drop')],
      route: { receiver: 'hook' },
      routes: [{ matchers: { severity: 'info' }, receiver: 'drop' }],
    });
    const md = monitoring.renderedFiles()[FILES.overviewPaging];
    expect(md).toContain('## Reach no one (1)');
    expect(md.indexOf('| **Quiet** |')).toBeLessThan(md.indexOf('| **Loud** |'));
    expect(md).toContain('| **Quiet** | g | info | 0s | drop (discards) | `severity="info" · repeat 4h` |');
    expect(md).toContain('- `drop`: discards: notifies nobody');
  });

  test('without routing every alert goes to the fallback discard receiver', () => {
    const { monitoring } = dockerEnvironment();
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0' }] });
    const md = monitoring.renderedFiles()[FILES.overviewPaging];
    expect(md).toContain('## Reach no one (1)');
    expect(md).toContain('| **A** | g | – | 0s | default-discard (discards) | `(root) · repeat 4h` |');
  });

  test('a route on a label known only at runtime is marked, with the label', () => {
    const { monitoring } = dockerEnvironment();
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0', severity: Severity.WARNING }] });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('hook', { url: 'http://hook:8080/' }), Receiver.webhook('db', { url: 'http://db:8080/' })],
      route: { receiver: 'hook' },
      routes: [{ matchers: [Matcher.re('team', 'db|data')], receiver: 'db', muteTimeIntervals: ['nights'] }],
      timeIntervals: [{ name: 'nights', periods: [{ times: [{ start: '00:00', end: '06:00' }] }] }],
    });
    const md = monitoring.renderedFiles()[FILES.overviewPaging];
    expect(md).toContain('| **A** | g | warning | 0s | hook | `(root) · repeat 4h` | – | – | ⚠ `team` | **none** | – |');
  });

  test('a route with time intervals shows them, and the inhibit rules that can silence an alert are numbered', () => {
    const { monitoring } = dockerEnvironment();
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0', severity: Severity.WARNING, labels: { team: 'db' } }] });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('hook', { url: 'http://hook:8080/' }), Receiver.webhook('db', { url: 'http://db:8080/' })],
      route: { receiver: 'hook' },
      routes: [{ matchers: { team: 'db' }, receiver: 'db', muteTimeIntervals: ['nights'], activeTimeIntervals: ['weekdays'] }],
      inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['instance'] }],
      timeIntervals: [
        { name: 'nights', periods: [{ times: [{ start: '00:00', end: '06:00' }] }] },
        { name: 'weekdays', periods: [{ weekdays: ['monday:friday'] }] },
      ],
    });
    const md = monitoring.renderedFiles()[FILES.overviewPaging];
    expect(md).toContain('| **A** | g | warning | 0s | db | `team="db" · repeat 4h` | mute: nights; active: weekdays | #1 | – | **none** | – |');
    expect(md).toContain('1. while an alert matching severity="critical" fires with the same instance, alerts matching severity="warning" are silenced (no alert of this environment can be a source).');
  });
});

describe('the overview page', () => {
  test('shows an SLO with its objective, error budget and burn-rate alerts', () => {
    const dev = allEnvironments()[0].monitoring;
    const html = dev.renderedFiles()[FILES.overviewPage];
    expect(html).toContain('<td><b>api-availability</b></td><td>api</td><td>99.5%</td><td>0.5% of events · 3h 36m of full outage per 30 days</td>');
    expect(html).toMatch(/ApiAvailabilityErrorBudgetFastBurn<\/a> <span class="muted">\(critical → webhook\)/);
  });

  test('an alert links to its rule file, its runbook and the dashboard of its job', () => {
    const { monitoring } = dockerEnvironment();
    new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
    new AlertGroup(monitoring, 'api-health', {
      rules: [{ alert: 'ApiDown', expr: 'up{job="api"} == 0', runbookUrl: 'https://runbooks.example.com/ApiDown' }],
    });
    new GrafanaDashboard(monitoring, 'api-dashboard', {
      uid: 'api',
      dashboard: { title: 'API', panels: [{ type: 'timeseries', title: 'Up', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up{job="api"}' }] }] },
    });
    const html = monitoring.renderedFiles()[FILES.overviewPage];
    expect(html).toContain('<details id="alert--api-health--ApiDown" class="alert" data-alert="ApiDown">');
    const detail = alertDetailHtml(html, 'alert--api-health--ApiDown');
    expect(detail).toContain('<a href="../prometheus/rules/api-health.yml">rule file</a>');
    expect(detail).toContain('<a href="https://runbooks.example.com/ApiDown">runbook</a>');
    expect(detail).toContain('<a href="#dashboard--api">API</a> (<a href="http://127.0.0.1:3000/d/api">Grafana</a>)');
    expect(detail).toContain('<ul class="receivers"><li><b>default-discard</b>: discards: notifies nobody</li></ul>');
  });
});

describe('rendering without the targets\' details', () => {
  test('an environment with nothing but its model still gets both files', () => {
    const files = renderEnvironmentFiles(new MonitoringEnvironment('bare'));
    expect(files[FILES.overviewPaging]).toContain('## Reach no one (0)');
    expect(files[FILES.overviewPage]).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="diagram"');
    expect(Object.keys(renderEnvironmentFiles(new MonitoringEnvironment('bare'), { overview: false })).some((f) => f.startsWith('overview/'))).toBe(false);
  });
});

describe('synth writes both files for every environment', () => {
  test.each([
    ['prod', () => new ProdStack(Testing.app(), 'prod')],
    ['staging', () => new StagingStack(Testing.app(), 'staging')],
  ])('%s', (id, make) => {
    const outdir = Testing.fullSynth(make());
    const dir = path.join(outdir, 'stacks', id, 'rendered', 'monitoring', 'overview');
    expect(fs.readdirSync(dir).sort()).toEqual(['index.html', 'paging.md']);
    const md = fs.readFileSync(path.join(dir, 'paging.md'), 'utf8');
    // at synth the GrafanaTarget has taken the rules over from Prometheus in staging; AMP evaluates them in prod
    expect(md).toContain(id === 'prod' ? 'Amazon Managed Service for Prometheus evaluates the rules' : 'Grafana evaluates the rules');
  });
});
