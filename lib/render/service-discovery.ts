import { sortedRecord } from '../model/names';
import { ScrapeJobModel } from '../model/scrape';
import { DiscoveryModel, fileSdPath } from '../model/service-discovery';

export { FILE_SD_DIR, fileSdPath } from '../model/service-discovery';
import { DISCOVERY_KEYS } from '../model/service-discovery-labels';
import { compact } from './yaml';

/** Folder (relative to prometheus.yml) of the target files the library writes for `Discovery.files({ targetGroups })`. */
/**
 * The target files of a job (relative path → JSON text), in Prometheus' file_sd format: a list of
 * `{ "targets": [...], "labels": {...} }` (discovery/file/file.go reads `.json` as JSON).
 */
export function renderFileSdFiles(job: ScrapeJobModel): Record<string, string> {
  const out: Record<string, string> = {};
  let index = 0;
  for (const d of job.discovery ?? []) {
    if (d.kind !== 'file' || !d.targetGroups) continue;
    const groups = d.targetGroups.map((g) => compact({ targets: [...g.targets], labels: g.labels && Object.keys(g.labels).length > 0 ? sortedRecord(g.labels) : undefined }));
    out[fileSdPath(job, index++)] = `${JSON.stringify(groups, null, 2)}\n`;
  }
  return out;
}

function renderOne(job: ScrapeJobModel, d: DiscoveryModel, fileIndex: () => number): Record<string, unknown> {
  const refresh = 'refreshInterval' in d ? d.refreshInterval?.toPrometheus() : undefined;
  switch (d.kind) {
    case 'docker':
      return compact({ host: d.host, port: d.port, filters: d.filters.length > 0 ? d.filters.map((f) => ({ name: f.name, values: [...f.values] })) : undefined, refresh_interval: refresh });
    case 'file':
      return compact({ files: d.targetGroups ? [fileSdPath(job, fileIndex())] : [...(d.paths ?? [])], refresh_interval: refresh });
    case 'dns':
      return compact({ names: [...d.names], type: d.type, port: d.port, refresh_interval: refresh });
    case 'http':
      return compact({ url: d.url, refresh_interval: refresh });
    case 'kubernetes': {
      const selectors = d.labelSelector !== undefined || d.fieldSelector !== undefined
        ? [compact({ role: d.role, label: d.labelSelector, field: d.fieldSelector })]
        : undefined;
      return compact({ role: d.role, namespaces: d.namespaces ? { names: [...d.namespaces] } : undefined, selectors });
    }
  }
}

/** The `*_sd_configs` keys of a job, in a fixed order (docker, file, dns, http, kubernetes). */
export function renderDiscovery(job: ScrapeJobModel): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  let files = 0;
  for (const kind of Object.keys(DISCOVERY_KEYS) as (keyof typeof DISCOVERY_KEYS)[]) {
    const list = (job.discovery ?? []).filter((d) => d.kind === kind);
    if (list.length > 0) out[DISCOVERY_KEYS[kind]] = list.map((d) => renderOne(job, d, () => files++));
  }
  return out;
}
