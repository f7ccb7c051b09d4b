import { slug } from '../model/names';

/**
 * The construct id of a ServiceScrape made from an imported job: `job-<job_name>`. The library never gives its own
 * children such an id (a DockerHostTarget's is `docker`, an AwsManagedTarget's `aws`), so a job named `docker`,
 * `aws` or `grafana` imports; job names are unique in a file and have no `/`.
 */
export function importedJobId(jobName: string): string {
  return `job-${jobName}`;
}

/**
 * The construct ids of the AlertGroups made from an imported rule file: `id` for a single group, else
 * `<id>-<slug of the group name>` in file order, with `-<position>` added when the slug is empty or already used
 * (`API health` and `api-health` both slug to `api-health`; `(>80%)` slugs to nothing).
 */
export function importedGroupIds(id: string, groupNames: readonly string[]): string[] {
  if (groupNames.length === 1) return [id];
  const used = new Set<string>();
  return groupNames.map((name, i) => {
    const base = slug(name);
    let candidate = base === '' ? `${id}-${i + 1}` : `${id}-${base}`;
    if (used.has(candidate)) candidate = `${candidate}-${i + 1}`;
    used.add(candidate);
    return candidate;
  });
}
