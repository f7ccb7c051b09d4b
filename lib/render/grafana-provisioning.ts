import { DashboardModel, DataSourceModel } from '../model/dashboard';
import { compact, generatedHeader, toYaml } from './yaml';

/**
 * A value as Grafana's provisioning reads it: every string is expanded (`$VAR`, `${VAR}`, `$__file{…}`), and `$$` is
 * a literal `$` (grafana/grafana pkg/services/provisioning/values/values.go, interpolateValue). So `$` is doubled,
 * and `${__value.raw}` in a data link reaches Grafana unchanged.
 */
export function provisioningLiteral<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\$/g, '$$$$') as T;
  if (Array.isArray(value)) return value.map((v) => provisioningLiteral(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, provisioningLiteral(v)])) as T;
  }
  return value;
}

/**
 * Renders Grafana's data source provisioning file. `prune` removes data sources dropped from the code. Secrets are
 * `$__file{<path>}` references to the secret files in the Grafana container, never their values.
 */
export function renderDataSources(dataSources: readonly DataSourceModel[]): string {
  return toYaml(
    {
      apiVersion: 1,
      prune: true,
      datasources: dataSources.map((ds) =>
        compact({
          name: provisioningLiteral(ds.name),
          uid: ds.uid,
          type: ds.type,
          access: 'proxy',
          // a token (`${…}`, resolved by the engine) stays as it is
          url: ds.url.includes('${') ? ds.url : provisioningLiteral(ds.url),
          isDefault: ds.isDefault,
          editable: false,
          basicAuth: ds.basicAuthUser !== undefined ? true : undefined,
          basicAuthUser: ds.basicAuthUser !== undefined ? provisioningLiteral(ds.basicAuthUser) : undefined,
          jsonData: ds.jsonData ? provisioningLiteral({ ...ds.jsonData }) : undefined,
          secureJsonData: ds.secureJsonData
            ? Object.fromEntries(Object.entries(ds.secureJsonData).map(([key, secret]) => [key, `$__file{${secret.filePath}}`]))
            : undefined,
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
