import { Secret } from '../../model/secret';
import { GrafanaDataSource } from './data-sources';
import { ExecErrState } from './rule-groups';

/** The data sources a {@link GrafanaTarget} creates (or references) in Grafana. */
export interface GrafanaTargetDataSources {
  /**
   * The Prometheus the dashboards and the Grafana-managed alert rules query, as Grafana reaches it: a Docker host's
   * Prometheus behind a TLS proxy (`GrafanaDataSource.prometheus`), an AMP workspace (`amazonPrometheus`), Grafana
   * Cloud's hosted Prometheus (`grafanaCloudPrometheus`), or one Grafana already has (`existing`).
   */
  readonly prometheus: GrafanaDataSource;
  /** An Alertmanager to browse alerts and silences in. @default - none */
  readonly alertmanager?: GrafanaDataSource;
  /** A Loki for log panels. @default - none */
  readonly loki?: GrafanaDataSource;
}

/**
 * Which parts of the environment the target puts into Grafana. Data sources are always managed (dashboards and
 * rules need them); the rest is chosen here.
 */
export interface GrafanaManagedParts {
  /**
   * Dashboards (`grafana_dashboard`) and their folders (`grafana_folder`). On by default: they are additive,
   * keyed by their own uids, and safe on a Grafana other teams use.
   * @default true
   */
  readonly dashboards?: boolean;
  /**
   * The alerting rules of the environment's AlertGroups as Grafana-managed rules (`grafana_rule_group`), notified by
   * Grafana. Off by default: the Prometheus of another target already evaluates them and notifies through its
   * Alertmanager, and moving alerting to Grafana is a decision to make explicitly. When on, Prometheus keeps
   * evaluating the rules (its UI and promtool tests still show them) but sends its alerts to no Alertmanager,
   * so every alert notifies once, from Grafana. Recording rules stay on Prometheus either way.
   * @default false
   */
  readonly alertRules?: boolean;
  /**
   * The AlertRouting receivers and routes as contact points (`grafana_contact_point`) and the notification policy tree
   * (`grafana_notification_policy`). Off by default: the policy resource replaces the organization's whole tree,
   * a takeover to decide explicitly on an existing Grafana.
   * @default false
   */
  readonly routing?: boolean;
}

/** Props of {@link GrafanaTarget}. */
export interface GrafanaTargetProps {
  /** The root URL of the existing Grafana, e.g. `https://example.grafana.net`. A Terraform token is accepted. */
  readonly url: string;
  /**
   * The credentials, from a sensitive Terraform variable: a service account token (the Admin role, which creating data
   * sources needs; Editor is enough when every data source is `GrafanaDataSource.existing`), or `user:password` for
   * basic auth. Never a literal. A Terraform reference to a sensitive value is accepted too, such as
   * `AwsManagedTarget.grafanaToken` (a service account token created in the same stack).
   * @default Secret.fromVariable('grafana_auth')
   */
  readonly auth?: Secret | string;
  /**
   * The organization to manage. Only with basic auth (`user:password`): a service account token already belongs
   * to one organization, and the provider refuses an org id with it.
   * @default - the organization of the credentials
   */
  readonly orgId?: number;
  /** HTTP headers sent with every Grafana API call; names are kept exactly as given. @default {} */
  readonly httpHeaders?: Readonly<Record<string, string | Secret>>;
  /**
   * Alias of the grafana provider configuration, for several Grafana targets (several Grafanas or organizations) in
   * one stack.
   * @default - no alias: the stack's default grafana provider
   */
  readonly providerAlias?: string;
  /** The data sources. */
  readonly dataSources: GrafanaTargetDataSources;
  /** Which parts to manage. @default - dashboards only (see {@link GrafanaManagedParts}) */
  readonly manage?: GrafanaManagedParts;
  /** Title of the folder that holds the Grafana-managed rule groups. @default - "<environment> alerts" */
  readonly alertFolder?: string;
  /**
   * Folder uids by folder title, e.g. to adopt folders that already exist (each 1–40 letters, digits, `-`, `_`).
   * @default - derived from "<environment>-<title>"
   */
  readonly folderUids?: Readonly<Record<string, string>>;
  /**
   * Let a dashboard replace an existing one with its uid, or its title in its folder (`overwrite`), so the first apply
   * adopts dashboards that were imported by hand. The dashboards are owned by code either way.
   * @default true
   */
  readonly overwriteDashboards?: boolean;
  /**
   * The state of a Grafana-managed rule whose query fails. `Error` raises a `DatasourceError` alert (with the rule's
   * labels, so it is routed like the rule): a Grafana that cannot reach Prometheus must not go blind silently.
   * Grafana's importer uses `OK`, Prometheus' behaviour.
   * @default "Error"
   */
  readonly execErrState?: ExecErrState;
  /**
   * How many evaluations a series must be missing before its alert resolves. `1` is Prometheus' behaviour (Grafana's
   * importer sets it); left out by default because Grafana before 12 does not know the field and every plan would
   * show it as a change.
   * @default - Grafana's default
   */
  readonly missingSeriesEvalsToResolve?: number;
}
