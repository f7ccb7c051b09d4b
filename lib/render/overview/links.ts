/** Links from the overview page: to rendered files beside it, and to dashboards. */
import { anchorId, esc, externalLink } from './html';
import { DashboardSummary } from './overview-data';

/** A link from the page (in `overview/`) to a rendered file, or the path as text when the file is not rendered. */
export function fileLink(files: ReadonlySet<string>, path: string, text = path): string {
  return files.has(path) ? `<a href="../${esc(path.split('/').map(encodeURIComponent).join('/'))}">${esc(text)}</a>` : esc(text);
}

/** Links to the dashboards of a job (in the page, and in Grafana when it is published), or a warning that there is none. */
export function dashboardLinks(dashboards: readonly DashboardSummary[], grafana: string | undefined): string {
  if (dashboards.length === 0) return '<span class="warn">no dashboard</span>';
  return dashboards
    .map((d) => {
      const inGrafana = grafana ? ` (${externalLink(`${grafana}/d/${d.dashboard.uid}`, 'Grafana')})` : '';
      return `<a href="#${esc(anchorId('dashboard', d.dashboard.uid))}">${esc(d.dashboard.title)}</a>${inGrafana}`;
    })
    .join(', ');
}
