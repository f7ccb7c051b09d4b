/**
 * `overview/index.html`: one self-contained page about an environment, to look at instead of reading YAML: a
 * diagram of what runs where, who is paged for what, the scrape jobs, rule groups with their tests, dashboards and
 * SLOs, linked to each other and to the rendered files beside it. No request leaves the page when it is viewed: its
 * style, script and drawing are inline, and a Content-Security-Policy forbids loading anything else.
 */
import { MonitoringEnvironment } from '../../model/environment';
import { forText, PagingEntry, PagingReport } from '../../model/paging';
import { EnvironmentTopology } from '../../model/topology';
import { buildDiagram } from './diagram-graph';
import { renderDiagramSvg } from './diagram-svg';
import { anchorId, esc, externalLink } from './html';
import { AlertDetails } from './alert-details';
import { dashboardLinks, fileLink } from './links';
import { OVERVIEW_SCRIPT, OVERVIEW_STYLE } from './overview-assets';
import { DashboardSummary, dashboardsByJob, dashboardSummaries, groupSummaries, sloSummaries } from './overview-data';
import { describeReceiver, inhibitRuleText, senderText } from './paging-text';
import { DISCOVERY_KEYS } from '../../model/service-discovery-labels';

/** Everything the page is made from. */
export interface OverviewInput {
  readonly env: MonitoringEnvironment;
  readonly topology: EnvironmentTopology;
  readonly paging: PagingReport;
  /** Logical paths of the environment's rendered files: the page links only to files that exist. */
  readonly files: ReadonlySet<string>;
}

/** The page's id of each alert (`alert--<group>--<alert>`), made unique where two group names slug alike. */
function alertIds(paging: PagingReport): (group: string, alert: string) => string {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const e of paging.entries) {
    const base = anchorId('alert', e.group, e.rule.alert);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(`${e.group}\u0000${e.rule.alert}`, id);
  }
  return (group, alert) => ids.get(`${group}\u0000${alert}`) ?? anchorId('alert', group, alert);
}

/** Where the published Grafana of a Docker host answers, for links to dashboards. */
function grafanaUrl(topology: EnvironmentTopology): string | undefined {
  for (const host of topology.hosts) {
    const grafana = host.containers.find((c) => c.alias === 'grafana');
    const port = grafana?.published[0];
    if (port && !host.engine) {
      const ip = port.hostIp === '0.0.0.0' || port.hostIp === '::' ? 'localhost' : port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
      return `http://${ip}:${port.hostPort}`;
    }
  }
  return undefined;
}

function pagingSection(input: OverviewInput, alertId: (group: string, alert: string) => string, dashboardsOf: (job: string) => DashboardSummary[], grafana: string | undefined): string {
  const { paging } = input;
  const discards = new Set(paging.receivers.filter((r) => r.discards || r.integrations.length === 0).map((r) => r.name));
  const details = new AlertDetails(input, dashboardsOf, grafana);
  const row = (e: PagingEntry) => {
    const id = alertId(e.group, e.rule.alert);
    details.add(id, e);
    const reach = e.reach === 'someone' ? '' : ` <span class="badge bad">${e.reach === 'discard' ? 'discarded' : 'no one'}</span>`;
    const receivers = e.receivers.length === 0 ? '<span class="warn">no one</span>' : e.receivers.map((r) => (discards.has(r) ? `${esc(r)} <span class="muted">(discards)</span>` : esc(r))).join(', ');
    return (
      // Rows that reach someone carry no class: thousands of rows stay short.
      `<tr${e.reach === 'someone' ? '' : ` class="reach-${e.reach}"`}>` +
      `<td><details id="${esc(id)}" class="alert" data-alert="${esc(e.rule.alert)}"><summary>${esc(e.rule.alert)}${reach}</summary></details></td>` +
      `<td>${esc(e.group)}</td><td>${esc(e.rule.labels.severity ?? '–')}</td><td>${forText(e.rule.for)}</td>` +
      `<td>${receivers}</td>` +
      `<td>${e.runtimeLabels.length > 0 ? `<span class="warn" title="depends on labels known at runtime">⚠ ${esc(e.runtimeLabels.join(', '))}</span>` : '–'}</td>` +
      `${e.tests === 0 ? '<td class="warn">none</td>' : `<td>${e.tests}</td>`}` +
      `<td>${e.runbook ? externalLink(e.runbook, 'runbook') : '–'}</td></tr>`
    );
  };
  const rows = paging.entries.map(row).join('');
  const silent = paging.entries.filter((e) => e.reach !== 'someone').length;
  return (
    `<section id="paging"><h2>Who is paged (${paging.entries.length} alerts${silent > 0 ? `, <span class="warn">${silent} reach no one</span>` : ''})</h2>` +
    `<p class="muted">${esc(senderText(paging.prometheusSender, input.env.prometheusModel().alertmanagers))}. Click an alert to see its receivers, route and links. ` +
    `The same table as Markdown: ${fileLink(input.files, 'overview/paging.md', 'paging.md')}.</p>` +
    `<table class="grid"><thead><tr><th>Alert</th><th>Group</th><th>Severity</th><th>For</th><th>Receivers</th><th>Runtime labels</th><th>Tests</th><th>Runbook</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>${details.script()}` +
    (paging.inhibitRules.length > 0
      ? `<h3>Inhibit rules</h3><ol>${paging.inhibitRules.map((r) => `<li>${esc(inhibitRuleText(r.rule))}${r.sources.length > 0 ? ` <span class="muted">(sources here: ${esc(r.sources.join(', '))})</span>` : ''}</li>`).join('')}</ol>`
      : '') +
    `<h3>Receivers</h3><ul>${paging.receivers.map((r) => `<li><b>${esc(r.name)}</b>: ${esc(describeReceiver(r))}</li>`).join('')}</ul></section>`
  );
}

function jobsSection(input: OverviewInput, dashboardsOf: (job: string) => DashboardSummary[], grafana: string | undefined): string {
  const jobs = input.env.scrapeJobs;
  const rows = jobs.map((j) => {
    const interval = (j.interval ?? input.env.prometheus.scrapeInterval).toPrometheus();
    // Discovered targets are known only when Prometheus runs: the mechanism stands in for them.
    const discovered = (j.discovery ?? []).map((d) => ` <span class="badge">${esc(DISCOVERY_KEYS[d.kind])}</span>`).join('');
    const targets = j.targets.map((t) => `<code>${esc(t)}</code>`).join(' ') + discovered;
    return `<tr id="${esc(anchorId('job', j.jobName))}"><td><b>${esc(j.jobName)}</b>${j.probe ? ' <span class="badge">probe</span>' : ''}</td><td>${targets}</td><td>${esc(j.metricsPath ?? '/metrics')}</td><td>${interval}</td><td>${dashboardLinks(dashboardsOf(j.jobName), grafana)}</td></tr>`;
  });
  return (
    `<section id="jobs"><h2>Scrape jobs (${jobs.length}, ${jobs.reduce((n, j) => n + j.targets.length, 0)} targets)</h2>` +
    `<p class="muted">From ${fileLink(input.files, 'prometheus/prometheus.yml')}.</p>` +
    `<table class="grid"><thead><tr><th>Job</th><th>Targets</th><th>Path</th><th>Interval</th><th>Dashboards</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

function groupsSection(input: OverviewInput, alertId: (group: string, alert: string) => string): string {
  const groups = groupSummaries(input.env);
  const body = groups.map((g) => {
    const files = [fileLink(input.files, g.ruleFile, 'rule file')];
    if (g.testFile) files.push(fileLink(input.files, g.testFile, 'tests'));
    const rows = g.rules.map(({ rule, tests }) => {
      const name =
        rule.kind === 'alert'
          ? `<a href="#${esc(alertId(g.group.name, rule.alert))}" class="alert-link">${esc(rule.alert)}</a>`
          : `<code>${esc(rule.record)}</code>`;
      const severity = rule.kind === 'alert' ? esc(rule.labels.severity ?? '–') : '';
      const forCell = rule.kind === 'alert' ? forText(rule.for) : '';
      return `<tr><td>${name}</td><td>${rule.kind === 'alert' ? 'alert' : 'recording'}</td><td>${severity}</td><td>${forCell}</td><td>${tests > 0 ? tests : rule.kind === 'alert' ? '<span class="warn">none</span>' : 'none'}</td></tr>`;
    });
    const untested = g.rules.filter((r) => r.rule.kind === 'alert' && r.tests === 0).length;
    return (
      `<div class="group" id="${esc(anchorId('group', g.group.name))}"><h3>${esc(g.group.name)} <span class="muted">(${g.evaluator === 'loki' ? 'LogQL, Loki' : 'PromQL, Prometheus'}; ${files.join(' · ')}${untested > 0 ? `; <span class="warn">${untested} untested alert${untested === 1 ? '' : 's'}</span>` : ''})</span></h3>` +
      `<table class="grid rules"><thead><tr><th>Rule</th><th>Kind</th><th>Severity</th><th>For</th><th>Tests</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    );
  });
  const rules = groups.reduce((n, g) => n + g.rules.length, 0);
  return `<section id="rules"><h2>Rule groups (${groups.length}, ${rules} rules)</h2>${body.join('')}</section>`;
}

function dashboardsSection(input: OverviewInput, summaries: readonly DashboardSummary[], grafana: string | undefined): string {
  const jobNames = new Set(input.env.scrapeJobs.map((j) => j.jobName));
  const body = summaries.map((d) => {
    const link = grafana ? ` · ${externalLink(`${grafana}/d/${d.dashboard.uid}`, 'open in Grafana')}` : '';
    const panels = d.panels.map((p) => `<li>${esc(p.title)} <span class="muted">${esc(p.type)}</span></li>`).join('');
    // A job the environment does not scrape itself (an agent's own job) is named without a link.
    const jobs = d.jobs.length > 0 ? d.jobs.map((j) => (jobNames.has(j) ? `<a href="#${esc(anchorId('job', j))}">${esc(j)}</a>` : esc(j))).join(', ') : '–';
    return (
      `<div class="dashboard" id="${esc(anchorId('dashboard', d.dashboard.uid))}"><h3>${esc(d.dashboard.title)} <span class="muted">(folder ${esc(d.dashboard.folder ?? 'General')}, uid ${esc(d.dashboard.uid)}; ${fileLink(input.files, d.file, 'JSON')}${link})</span></h3>` +
      `<p class="muted">Jobs: ${jobs}</p><ol class="panels">${panels}</ol></div>`
    );
  });
  return `<section id="dashboards"><h2>Dashboards (${summaries.length})</h2>${body.join('') || '<p>None.</p>'}</section>`;
}

/** Minutes as `3h 36m`. */
function minutesText(minutes: number): string {
  const m = Math.round(minutes);
  return m >= 60 ? `${Math.floor(m / 60)}h ${m % 60}m` : `${m}m`;
}

function slosSection(input: OverviewInput, alertId: (group: string, alert: string) => string): string {
  const slos = sloSummaries(input.env);
  const byAlert = new Map(input.paging.entries.map((e) => [`${e.group}\u0000${e.rule.alert}`, e]));
  const rows = slos.map((s) => {
    const budget = s.objective === undefined ? '–' : `${Number(((1 - s.objective) * 100).toPrecision(6))}% of events · ${minutesText((1 - s.objective) * 30 * 24 * 60)} of full outage per 30 days`;
    const alerts = s.alerts
      .map((a) => {
        const e = byAlert.get(`${s.group}\u0000${a}`);
        return `<a href="#${esc(alertId(s.group, a))}">${esc(a)}</a>${e ? ` <span class="muted">(${esc(e.rule.labels.severity ?? '')} → ${esc(e.receivers.join(', ') || 'no one')})</span>` : ''}`;
      })
      .join('<br>');
    return `<tr><td><b>${esc(s.name)}</b></td><td>${esc(s.service)}</td><td>${s.objective === undefined ? '–' : `${Number((s.objective * 100).toPrecision(6))}%`}</td><td>${budget}</td><td>${alerts}</td></tr>`;
  });
  return (
    `<section id="slos"><h2>SLOs (${slos.length})</h2>` +
    (slos.length === 0
      ? '<p>None.</p>'
      : `<table class="grid"><thead><tr><th>SLO</th><th>Service</th><th>Objective</th><th>Error budget</th><th>Burn-rate alerts</th></tr></thead><tbody>${rows.join('')}</tbody></table>`) +
    '</section>'
  );
}

function summary(input: OverviewInput, dashboards: readonly DashboardSummary[], dashboardsOf: (job: string) => DashboardSummary[]): string {
  const { env, paging } = input;
  const untested = paging.entries.filter((e) => e.tests === 0).length;
  const silent = paging.entries.filter((e) => e.reach !== 'someone').length;
  const containers = input.topology.hosts.reduce((n, h) => n + h.containers.length, 0);
  const noDashboard = env.scrapeJobs.filter((j) => dashboardsOf(j.jobName).length === 0).map((j) => j.jobName);
  const card = (value: number | string, label: string, bad = false) => `<div class="card${bad ? ' bad' : ''}"><b>${value}</b><span>${esc(label)}</span></div>`;
  return (
    '<div class="cards">' +
    card(containers + input.topology.services.length, 'containers and services') +
    card(env.scrapeJobs.length, 'scrape jobs') +
    card(paging.entries.length, 'alerting rules') +
    card(silent, 'alerts reaching no one', silent > 0) +
    card(untested, 'alerts without tests', untested > 0) +
    card(dashboards.length, 'dashboards') +
    card(sloSummaries(env).length, 'SLOs') +
    card(paging.receivers.length, 'receivers') +
    '</div>' +
    (noDashboard.length > 0 ? `<p class="muted">Jobs no dashboard queries by name: ${noDashboard.map((j) => `<a href="#${esc(anchorId('job', j))}">${esc(j)}</a>`).join(', ')}.</p>` : '')
  );
}

/** Renders the overview page. */
export function renderOverviewPage(input: OverviewInput): string {
  const name = input.env.name;
  const dashboards = dashboardSummaries(input.env);
  const dashboardsOf = dashboardsByJob(dashboards);
  const grafana = grafanaUrl(input.topology);
  const alertId = alertIds(input.paging);
  const diagram = renderDiagramSvg(buildDiagram(input.env, input.topology, input.paging), `What runs where in environment ${name}`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // Nothing may be loaded: every part of the page is inline. Links still open when clicked.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>Monitoring overview: ${esc(name)}</title>`,
    `<style>${OVERVIEW_STYLE}</style></head><body>`,
    `<header><h1>Monitoring overview: <code>${esc(name)}</code></h1>`,
    '<p class="muted">Generated by cdktf-monitoring at synth from the constructs of this environment; do not edit by hand. ' +
      `Targets: ${esc(input.topology.targetKinds.join(', ') || '–')}.</p>`,
    '<nav><a href="#diagram">Diagram</a><a href="#paging">Who is paged</a><a href="#jobs">Scrape jobs</a><a href="#rules">Rule groups</a><a href="#dashboards">Dashboards</a><a href="#slos">SLOs</a></nav>',
    summary(input, dashboards, dashboardsOf),
    '</header><main>',
    `<section id="diagram"><h2>What runs where</h2><div class="diagram-scroll">${diagram}</div></section>`,
    pagingSection(input, alertId, dashboardsOf, grafana),
    jobsSection(input, dashboardsOf, grafana),
    groupsSection(input, alertId),
    dashboardsSection(input, dashboards, grafana),
    slosSection(input, alertId),
    `</main><script>${OVERVIEW_SCRIPT}</script></body></html>`,
    '',
  ].join('\n');
}

