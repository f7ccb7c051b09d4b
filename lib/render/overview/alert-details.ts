/**
 * The details of each alert on the overview page (receivers, route, time intervals, inhibit rules, links), as data
 * the page's script turns into a table when the alert is opened. Alerts share most of their details (a team's
 * receiver, a route, the inhibit rules, a rule file): every HTML fragment is stored once and each alert lists the
 * fragments of its rows, so a page with thousands of alerts stays small and quick to render.
 */
import { PagingEntry } from '../../model/paging';
import { MatchedRoute } from '../../model/route-walk';
import { esc, externalLink } from './html';
import { dashboardLinks, fileLink } from './links';
import { DashboardSummary, jobOfRule } from './overview-data';
import type { OverviewInput } from './overview-page';
import { describeReceiver, inhibitRuleText, intervalsText, routeText } from './paging-text';

/** The id of the data element the page's script reads. */
export const ALERT_DATA_ID = 'alert-data';

/** Collects the details of the alerts of one page. */
export class AlertDetails {
  private readonly fragments: string[] = [];
  private readonly fragmentIndex = new Map<string, number>();
  private readonly alerts: Record<string, number[][]> = {};
  private readonly receivers: Map<string, string>;
  private readonly routes = new Map<string, string>();
  private readonly dashboards = new Map<string, string>();

  constructor(
    private readonly input: OverviewInput,
    private readonly dashboardsOf: (job: string) => DashboardSummary[],
    private readonly grafana: string | undefined,
  ) {
    this.receivers = new Map(input.paging.receivers.map((r) => [r.name, `<li><b>${esc(r.name)}</b>: ${esc(describeReceiver(r))}</li>`]));
  }

  /** Adds the details of the alert whose `<details>` element has id `id`. */
  public add(id: string, entry: PagingEntry): void {
    const rows: number[][] = [];
    const row = (name: string, ...values: string[]) => rows.push([this.intern(name), ...values.map((v) => this.intern(v))]);
    if (entry.receivers.length === 0) row('Receivers', '<span class="warn">no one: nothing sends this alert</span>');
    else row('Receivers', '<ul class="receivers">', ...entry.receivers.map((r) => this.receivers.get(r) ?? `<li><b>${esc(r)}</b></li>`), '</ul>');
    if (entry.routes.length > 0) row('Route', ...entry.routes.map((r) => this.route(r)));
    const intervals = intervalsText(entry.routes);
    if (intervals) row('Time intervals', esc(intervals));
    if (entry.inhibitedBy.length > 0) {
      row('Can be silenced by', ...entry.inhibitedBy.map((i) => `<div>#${i.index + 1}: ${esc(inhibitRuleText(this.input.paging.inhibitRules[i.index].rule))}</div>`));
    }
    if (entry.runtimeLabels.length > 0) {
      row('Known at runtime', `<span class="warn">⚠ the outcome depends on ${entry.runtimeLabels.map((l) => `<code>${esc(l)}</code>`).join(', ')}</span>`);
    }
    if (entry.rule.annotations.summary) row('Summary', esc(entry.rule.annotations.summary));
    const links = [fileLink(this.input.files, entry.ruleFile, 'rule file')];
    if (entry.runbook) links.push(' · ', externalLink(entry.runbook, 'runbook'));
    row('Links', ...links, ' · dashboards: ', this.dashboardsOfJob(jobOfRule(entry.rule)));
    this.alerts[id] = rows;
  }

  /** The data element: JSON (with `<` escaped, so no `</script>` can end it early). */
  public script(): string {
    const json = JSON.stringify({ f: this.fragments, a: this.alerts }).replace(/</g, '\\u003c');
    return `<script type="application/json" id="${ALERT_DATA_ID}">${json}</script>`;
  }

  private intern(fragment: string): number {
    let i = this.fragmentIndex.get(fragment);
    if (i === undefined) {
      i = this.fragments.push(fragment) - 1;
      this.fragmentIndex.set(fragment, i);
    }
    return i;
  }

  /** A path in the tree fixes a route's matchers and everything it inherits: rendered once per path. */
  private route(r: MatchedRoute): string {
    let html = this.routes.get(r.path);
    if (html === undefined) {
      const timing = [`group by ${r.groupBy.join(', ') || '(nothing)'}`];
      if (r.groupWait) timing.push(`wait ${r.groupWait.toPrometheus()}`);
      if (r.groupInterval) timing.push(`interval ${r.groupInterval.toPrometheus()}`);
      if (r.repeatInterval) timing.push(`repeat ${r.repeatInterval.toPrometheus()}`);
      html = `<div><code>${esc(r.path)}</code> ${esc(routeText(r))} → <b>${esc(r.receiver)}</b> <span class="muted">(${esc(timing.join(', '))})</span></div>`;
      this.routes.set(r.path, html);
    }
    return html;
  }

  private dashboardsOfJob(job: string | undefined): string {
    const key = job ?? '';
    let html = this.dashboards.get(key);
    if (html === undefined) {
      html = dashboardLinks(job === undefined ? [] : this.dashboardsOf(job), this.grafana);
      this.dashboards.set(key, html);
    }
    return html;
  }
}
