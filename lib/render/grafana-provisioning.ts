import { DashboardModel, DataSourceModel } from '../model/dashboard';
import { compact, generatedHeader, toYaml } from './yaml';

/** Renders Grafana's data source provisioning file. `prune` removes data sources dropped from the code. */
export function renderDataSources(dataSources: readonly DataSourceModel[]): string {
  return toYaml(
    {
      apiVersion: 1,
      prune: true,
      datasources: dataSources.map((ds) =>
        compact({
          name: ds.name,
          uid: ds.uid,
          type: ds.type,
          access: 'proxy',
          url: ds.url,
          isDefault: ds.isDefault,
          editable: false,
          jsonData: ds.jsonData ? { ...ds.jsonData } : undefined,
        }),
      ),
    },
    generatedHeader('Grafana data sources.'),
  );
}

/** Renders the dashboard provider that loads the dashboard JSON files from `path`, one folder per directory. */
export function renderDashboardProvider(path: string): string {
  return toYaml(
    {
      apiVersion: 1,
      providers: [
        {
          name: 'cdktf-monitoring',
          type: 'file',
          disableDeletion: false,
          allowUiUpdates: false,
          updateIntervalSeconds: 60,
          options: { path, foldersFromFilesStructure: true },
        },
      ],
    },
    generatedHeader('Grafana dashboard provider: dashboards are files, edited in code, not in the UI.'),
  );
}

/**
 * The file a dashboard renders to, relative to the dashboards directory: `<folder>/<uid>.json`, or `<uid>.json`
 * for the General folder (files at the root of a `foldersFromFilesStructure` provider land there).
 */
export function dashboardFileName(dashboard: DashboardModel): string {
  if (!dashboard.folder) return `${dashboard.uid}.json`;
  return `${dashboard.folder.replace(/[\\/:*?"<>|]/g, '_')}/${dashboard.uid}.json`;
}

/** Renders a dashboard's JSON, two-space indented, with a trailing newline. */
export function renderDashboardJson(dashboard: DashboardModel): string {
  return `${JSON.stringify(dashboard.json, null, 2)}\n`;
}
