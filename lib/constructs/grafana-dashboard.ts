import { Construct } from 'constructs';
import { DashboardJson, DashboardModel, derivedGrafanaUid, GRAFANA_UID } from '../model/dashboard';
import { describeConstruct, invalid } from '../model/errors';
import { checkDashboardLayout } from '../model/dashboard-layout';
import { dashboardQueryErrors, dataSourceRefErrors } from '../model/dashboard-queries';
import { MonitoringStack } from './monitoring-stack';

/** Anything with a `build()` that returns dashboard JSON, such as the foundation SDK's `DashboardBuilder`. */
export interface IDashboardBuilder {
  build(): unknown;
}

/** Props of {@link GrafanaDashboard}. */
export interface GrafanaDashboardProps {
  /** A `@grafana/grafana-foundation-sdk` `DashboardBuilder`, or dashboard JSON (an exported dashboard). */
  readonly dashboard: IDashboardBuilder | DashboardJson;
  /**
   * The dashboard uid (1–40 letters, digits, `-`, `_`). Keep it stable: links and bookmarks use it.
   * @default - the uid in the dashboard, else one derived from the construct path
   */
  readonly uid?: string;
  /** Grafana folder title. @default - the General folder */
  readonly folder?: string;
}

/**
 * A Grafana dashboard provisioned into the environment's Grafana.
 *
 * ```ts
 * new GrafanaDashboard(monitoring, 'api', { dashboard: new DashboardBuilder('API').withPanel(...) });
 * ```
 */
export class GrafanaDashboard extends Construct {
  /** Derives a stable uid from a construct path: readable when short, hashed when longer than 40 characters. */
  public static uidFromPath(path: string): string {
    return derivedGrafanaUid(path);
  }


  /** The validated dashboard. */
  public readonly dashboard: DashboardModel;

  constructor(scope: Construct, id: string, props: GrafanaDashboardProps) {
    super(scope, id);
    const monitoring = MonitoringStack.of(this, 'GrafanaDashboard');
    const where = describeConstruct('GrafanaDashboard', this.node.path);
    const source = props?.dashboard;
    let json: DashboardJson;
    if (source && typeof (source as IDashboardBuilder).build === 'function') {
      json = JSON.parse(JSON.stringify((source as IDashboardBuilder).build())) as DashboardJson;
    } else if (source && typeof source === 'object' && !Array.isArray(source)) {
      json = JSON.parse(JSON.stringify(source)) as DashboardJson;
    } else {
      throw invalid(where, 'dashboard', source, 'a DashboardBuilder from @grafana/grafana-foundation-sdk or dashboard JSON');
    }
    const title = json.title;
    if (typeof title !== 'string' || title.trim() === '') {
      throw invalid(where, 'dashboard.title', title, 'a non-empty dashboard title');
    }
    const uid = props.uid ?? (typeof json.uid === 'string' && json.uid !== '' ? json.uid : GrafanaDashboard.uidFromPath(this.node.path));
    if (!GRAFANA_UID.test(uid)) {
      throw invalid(where, 'uid', uid, "a Grafana uid: 1 to 40 characters of letters, digits, '-' and '_'");
    }
    if (props.folder !== undefined && (typeof props.folder !== 'string' || props.folder.trim() === '')) {
      throw invalid(where, 'folder', props.folder, 'a non-empty folder title');
    }
    // Ids and versions belong to one Grafana instance; keeping them makes every provisioning a change.
    delete json.id;
    delete json.version;
    json.uid = uid;
    checkDashboardLayout(json, where);
    this.dashboard = { uid, title, folder: props.folder, json, declaredBy: where };
    monitoring.model.addDashboard(this.dashboard);
    // Queries and data source references are checked at synth: data sources may be declared after the dashboard.
    this.node.addValidation({
      validate: () => {
        const dataSources = monitoring.model.allDataSources;
        if (dataSources.length === 0) return dashboardQueryErrors(json, where).map((e) => e.message);
        return [...dashboardQueryErrors(json, where, { dataSources }), ...dataSourceRefErrors(json, dataSources, where)].map((e) => e.message);
      },
    });
  }
}
