// The options of GrafanaDataSource's factories (data-sources.ts).
import { Secret } from '../../model/secret';

/** What a data source is for in the environment. */
export type GrafanaDataSourceRole = 'prometheus' | 'alertmanager' | 'loki';

/** HTTP basic auth towards a data source; the password comes from a sensitive Terraform variable. */
export interface DataSourceBasicAuth {
  /** The user name (for Grafana Cloud's hosted Prometheus and Loki: the instance id). */
  readonly username: string;
  /** The password or access token, e.g. `Secret.fromVariable('prometheus_proxy_password')`. */
  readonly password: Secret;
}

/** Options every data source kind takes. */
export interface DataSourceCommonOptions {
  /**
   * The data source uid (1–40 letters, digits, `-`, `_`). Dashboards and alert rules reference it, so keep it
   * stable; the default is the uid the Docker host target gives the same data source, so one dashboard works on both.
   * @default - "prometheus", "alertmanager" or "loki"
   */
  readonly uid?: string;
  /** The data source name, unique in the Grafana organization. @default - "Prometheus", "Alertmanager" or "Loki" */
  readonly name?: string;
}

/** Options of the HTTP data sources (Prometheus, Alertmanager, Loki). */
export interface HttpDataSourceOptions extends DataSourceCommonOptions {
  /**
   * The URL the Grafana server (not the browser) reaches the service at, e.g. a Docker host's Prometheus behind a
   * TLS reverse proxy: `https://prometheus.staging.example.com`. A Terraform token is accepted.
   */
  readonly url: string;
  /** HTTP basic auth. @default - none */
  readonly basicAuth?: DataSourceBasicAuth;
  /** A bearer token sent as `Authorization: Bearer <token>`. @default - none */
  readonly bearerToken?: Secret;
  /** Extra HTTP headers (e.g. `X-Scope-OrgID` for Mimir); a Secret value stays out of cdk.tf.json. @default {} */
  readonly httpHeaders?: Readonly<Record<string, string | Secret>>;
}

/** A Prometheus-compatible data source. */
export interface PrometheusDataSourceOptions extends HttpDataSourceOptions {
  /**
   * Make it the organization's default data source. Off by default: on an existing Grafana that would change every
   * panel elsewhere that names no data source, and this library's dashboards name theirs.
   * @default false
   */
  readonly isDefault?: boolean;
}

/** An Amazon Managed Service for Prometheus workspace, queried with AWS SigV4. */
export interface AmazonPrometheusDataSourceOptions extends DataSourceCommonOptions {
  /** The workspace's Prometheus endpoint, `https://aps-workspaces.<region>.amazonaws.com/workspaces/<id>/` (or a token). */
  readonly url: string;
  /** The workspace's region, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * How Grafana signs: `default` (the AWS SDK chain of the Grafana server), `ec2_iam_role` (the workspace IAM role
   * of Amazon Managed Grafana), `keys` (accessKey/secretKey) or `credentials` (a profile of the server's credentials file).
   * @default "default"
   */
  readonly authType?: 'default' | 'ec2_iam_role' | 'keys' | 'credentials';
  /** A role to assume for the queries. @default - none */
  readonly assumeRoleArn?: string;
  /** The external id the role's trust policy asks for. @default - none */
  readonly externalId?: string;
  /** Access key id, for `authType: 'keys'`. @default - none */
  readonly accessKey?: Secret;
  /** Secret access key, for `authType: 'keys'`. @default - none */
  readonly secretKey?: Secret;
  /** Credentials-file profile, for `authType: 'credentials'`. @default - the default profile */
  readonly profile?: string;
  /**
   * The data source plugin: the dedicated `grafana-amazonprometheus-datasource` (what Grafana 13 migrates
   * SigV4 Prometheus data sources to), or the core `prometheus` plugin with SigV4 for older Grafana.
   * @default "grafana-amazonprometheus-datasource"
   */
  readonly plugin?: 'grafana-amazonprometheus-datasource' | 'prometheus';
  /** Make it the organization's default data source. @default false */
  readonly isDefault?: boolean;
}

/** Grafana Cloud's hosted Prometheus (Mimir) of a stack. */
export interface GrafanaCloudPrometheusOptions extends DataSourceCommonOptions {
  /** The stack's Prometheus query URL, e.g. `https://prometheus-prod-01-eu-west-0.grafana.net/api/prom`. */
  readonly url: string;
  /** The Prometheus instance id (a number, shown on the stack's Prometheus page). */
  readonly user: string;
  /** A Cloud access policy token with `metrics:read`. */
  readonly token: Secret;
  /** Make it the organization's default data source. @default false */
  readonly isDefault?: boolean;
}

/** An Alertmanager data source (shows alerts and silences of an Alertmanager in Grafana). */
export interface AlertmanagerDataSourceOptions extends HttpDataSourceOptions {
  /** The Alertmanager flavour. @default "prometheus" */
  readonly implementation?: 'prometheus' | 'mimir' | 'cortex';
}

/** A data source Grafana already has, referenced by uid; nothing is created. */
export interface ExistingDataSourceOptions {
  /** Its uid, e.g. `grafanacloud-prom`. */
  readonly uid: string;
  /** Its plugin type, e.g. `prometheus`. */
  readonly type: string;
  /** Its name. @default - the uid */
  readonly name?: string;
}
