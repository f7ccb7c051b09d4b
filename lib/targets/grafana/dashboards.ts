import { DashboardModel } from '../../model/dashboard';
import { MonitoringConfigError } from '../../model/errors';
import { escapeTerraformTemplate } from '../terraform-escape';
import { folderUidClash, sameTitleIgnoringCase } from './messages';
import { derivedUid } from './uids';

/** A folder the target creates. */
export interface FolderPlan {
  readonly title: string;
  readonly uid: string;
}

/**
 * One folder per distinct title, in title order. The uid comes from `overrides` (title → uid), else is derived from
 * `<environment>-<title>` ({@link derivedUid}), so it survives renames of the constructs and differs between
 * environments sharing one Grafana. Two titles that would get one uid are reported, not merged.
 */
export function planFolders(
  titles: Iterable<string>,
  environment: string,
  overrides: Readonly<Record<string, string>>,
  declaredBy: (title: string) => string,
): { folders: FolderPlan[]; errors: MonitoringConfigError[] } {
  const folders: FolderPlan[] = [];
  const errors: MonitoringConfigError[] = [];
  const byUid = new Map<string, string>();
  for (const title of [...new Set(titles)].sort()) {
    const uid = overrides[title] ?? derivedUid(`${environment}-${title}`);
    const other = byUid.get(uid);
    if (other !== undefined) {
      errors.push(folderUidClash(declaredBy(title), title, uid, other));
      continue;
    }
    byUid.set(uid, title);
    folders.push({ title, uid });
  }
  return { folders, errors };
}

/**
 * Dashboards of one folder whose titles differ only in case. Grafana refuses a second dashboard with the same title
 * in a folder on databases that compare case-insensitively, so the plan would fail half-way; exact duplicates are
 * already reported by the environment's own checks.
 */
export function titleClashes(dashboards: readonly DashboardModel[]): MonitoringConfigError[] {
  const errors: MonitoringConfigError[] = [];
  const seen = new Map<string, DashboardModel>();
  for (const dashboard of dashboards) {
    const key = `${dashboard.folder ?? ''}\u0000${dashboard.title.toLowerCase()}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, dashboard);
    } else if (first.title !== dashboard.title) {
      errors.push(sameTitleIgnoringCase(dashboard.declaredBy, dashboard.title, first.title, first.declaredBy, dashboard.folder ?? 'General'));
    }
  }
  return errors;
}

/**
 * The dashboard's `config_json`: its JSON with the uid set and no `id` or `version` (they belong to one Grafana
 * instance, and the provider drops them from the state, so keeping them would show a change on every plan),
 * escaped for Terraform so `${DS_PROMETHEUS}` and the like arrive unchanged.
 */
export function dashboardConfigJson(dashboard: DashboardModel): string {
  const json: Record<string, unknown> = { ...dashboard.json, uid: dashboard.uid, title: dashboard.title };
  delete json.id;
  delete json.version;
  return escapeTerraformTemplate(JSON.stringify(json));
}
