import { Token } from 'cdktf';
import type { IMonitoringEngine } from '../../constructs/engine';
import type { MonitoringStack } from '../../constructs/monitoring-stack';
import { CDKTF_ENGINE } from '../../engines/cdktf';
import { checkLater, checkTargetProps, IMonitoringTarget } from '../../constructs/target';
import { describeConstruct, invalid, MonitoringConfigError } from '../../model/errors';
import { Secret } from '../../model/secret';
import { GrafanaDataSourceRole } from './data-source-options';
import { GrafanaDataSource } from './data-sources';
import { GrafanaResources } from './grafana-resources';
import { GrafanaTargetProps } from './grafana-target-props';
import { checkHeadersHaveNoSecret } from '../../model/clear-secrets';
import { CREDENTIAL_HEADER, notASecret } from './messages';
import { checkHttpUrl, checkUid } from './uids';

const ROLES: readonly GrafanaDataSourceRole[] = ['prometheus', 'alertmanager', 'loki'];
const EXEC_ERR_STATES = ['OK', 'Error', 'KeepLast', 'Alerting'];

/**
 * Puts an environment's dashboards, folders, data sources, alert rules and routing into an existing Grafana
 * (self-hosted, Grafana Cloud, Amazon Managed Grafana) through the grafana/grafana provider (`~> 4.45`).
 *
 * Combine it with a target that runs Prometheus and Alertmanager:
 *
 * ```ts
 * new MonitoringStack(this, 'monitoring', {
 *   environment: 'staging',
 *   targets: [
 *     new DockerHostTarget({ grafana: false }),
 *     new GrafanaTarget({
 *       url: 'https://example.grafana.net',
 *       auth: Secret.fromVariable('grafana_auth'),
 *       dataSources: { prometheus: GrafanaDataSource.prometheus({ url: 'https://prometheus.staging.example.com', basicAuth: {...} }) },
 *       manage: { dashboards: true, alertRules: true, routing: true },
 *     }),
 *   ],
 * });
 * ```
 *
 * What becomes what:
 * - each `GrafanaDashboard` → `grafana_dashboard` (no `id`/`version` in `config_json`, `overwrite`), in one
 *   `grafana_folder` per folder title with a uid derived from the environment and the title;
 * - each `AlertGroup`'s alerting rules → one `grafana_rule_group` in the alert folder, converted as Grafana's own
 *   importer converts Prometheus rules (see `rule-groups.ts`). Recording rules stay on Prometheus: Grafana-managed
 *   recording rules need Grafana 11.2+ with recording rules enabled and a data source to write to, and dashboards and alerts
 *   read the recorded series from Prometheus like any other. With alert rules in Grafana, Prometheus keeps
 *   evaluating them but sends its alerts to no Alertmanager, so each alert notifies once;
 * - each `AlertRouting` receiver → `grafana_contact_point`; each named time interval → `grafana_mute_timing`;
 *   each notification template → `grafana_message_template`; the merged route tree → the one
 *   `grafana_notification_policy` (at most 5 levels below the root, checked at synth); routes to a discard
 *   receiver → the always-on `grafana_mute_timing` `<environment>-discard`. Inhibit rules have no Grafana
 *   counterpart and are left out with a warning.
 *
 * Resources that depend on the whole environment are created at synth, when every construct exists: `bind()` runs
 * from the MonitoringStack's constructor, before any dashboard or alert group is declared.
 */
export class GrafanaTarget implements IMonitoringTarget {
  /** The target's name in messages. */
  public readonly kind = 'GrafanaTarget';
  /** CDK for Terraform: dashboards, folders, data sources and alerting are grafana/grafana resources. */
  public readonly engine: IMonitoringEngine = CDKTF_ENGINE;
  /** An existing Grafana is managed through its API, not provisioned from files. */
  public readonly provisionsGrafana = false;
  private readonly props: GrafanaTargetProps;
  private resources?: GrafanaResources;

  private readonly problem?: MonitoringConfigError;

  constructor(props: GrafanaTargetProps) {
    this.props = props;
    // Checked now; an error is reported by bind(), which can name the MonitoringStack that uses this target.
    ({ problem: this.problem } = checkLater(() => GrafanaTarget.checkProps(props)));
  }

  /** The checks of the props, run when the target is created. */
  private static checkProps(props: GrafanaTargetProps): void {
    const where = 'GrafanaTarget';
    if (!props || typeof props !== 'object') throw new MonitoringConfigError(where, 'props', 'are required: expected { url, dataSources: { prometheus } }');
    checkHttpUrl(props.url, where, 'url', 'a URL without a credential, with the API token or user:password in auth as a Secret.fromVariable("<terraform variable>")');
    if (typeof props.auth === 'string') {
      // Only a reference resolved by Terraform (e.g. a service account token created in this stack), never a literal.
      if (!Token.isUnresolved(props.auth)) throw notASecret(where, 'auth');
    } else if (props.auth !== undefined && !(props.auth instanceof Secret)) {
      throw notASecret(where, 'auth');
    }
    if (props.orgId !== undefined && (!Number.isInteger(props.orgId) || props.orgId < 1)) {
      throw invalid(where, 'orgId', props.orgId, 'a Grafana organization id, a whole number ≥ 1');
    }
    if (props.providerAlias !== undefined && !/^[a-zA-Z][a-zA-Z0-9_-]*$/.test(props.providerAlias)) {
      throw invalid(where, 'providerAlias', props.providerAlias, 'a Terraform provider alias (a letter, then letters, digits, _ and -)');
    }
    for (const name of Object.keys(props.httpHeaders ?? {})) {
      if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw invalid(where, 'httpHeaders key', name, 'an HTTP header name such as "X-Scope-OrgID"');
    }
    checkHeadersHaveNoSecret(props.httpHeaders, where, 'httpHeaders', CREDENTIAL_HEADER, { isReference: (v) => Token.isUnresolved(v) });
    if (!props.dataSources || !(props.dataSources.prometheus instanceof GrafanaDataSource)) {
      throw invalid(where, 'dataSources.prometheus', props.dataSources?.prometheus, 'a GrafanaDataSource such as GrafanaDataSource.prometheus({ url })');
    }
    for (const role of ROLES) {
      const ds = props.dataSources[role];
      if (ds === undefined) continue;
      if (!(ds instanceof GrafanaDataSource) || ds.role !== role) {
        throw invalid(where, `dataSources.${role}`, ds instanceof GrafanaDataSource ? `a ${ds.role} data source` : ds, `a ${role} data source, e.g. GrafanaDataSource.${role}({ url })`);
      }
      ds.validate(where, `dataSources.${role}`);
    }
    if (props.alertFolder !== undefined && (typeof props.alertFolder !== 'string' || props.alertFolder.trim() === '')) {
      throw invalid(where, 'alertFolder', props.alertFolder, 'a non-empty folder title');
    }
    for (const [title, uid] of Object.entries(props.folderUids ?? {})) checkUid(uid, where, `folderUids[${JSON.stringify(title)}]`);
    if (props.execErrState !== undefined && !EXEC_ERR_STATES.includes(props.execErrState)) {
      throw invalid(where, 'execErrState', props.execErrState, 'one of "OK", "Error", "KeepLast", "Alerting"');
    }
    if (props.missingSeriesEvalsToResolve !== undefined && (!Number.isInteger(props.missingSeriesEvalsToResolve) || props.missingSeriesEvalsToResolve < 1)) {
      throw invalid(where, 'missingSeriesEvalsToResolve', props.missingSeriesEvalsToResolve, 'a whole number ≥ 1');
    }
  }

  /** Called once by the MonitoringStack it is given to: creates this target's resources in that environment. */
  public bind(monitoring: MonitoringStack): void {
    checkTargetProps(this.problem, this.props, monitoring, this.kind);
    if (this.resources) {
      throw new MonitoringConfigError(
        describeConstruct('MonitoringStack', monitoring.node.path),
        'targets',
        `this GrafanaTarget is already used by ${this.resources.node.scope!.node.path}; expected a new GrafanaTarget per environment`,
      );
    }
    const id = this.props.providerAlias ? `grafana-${this.props.providerAlias}` : 'grafana';
    this.resources = new GrafanaResources(monitoring, id, this.props, this);
  }
}
