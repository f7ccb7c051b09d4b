import { Fn, Token } from 'cdktf';
import { checkHeadersHaveNoSecret } from '../../model/clear-secrets';
import { DataSourceModel } from '../../model/dashboard';
import { invalid, missing } from '../../model/errors';
import { Secret } from '../../model/secret';
import type { DataSourceConfig } from '../../providers/grafana/data-source';
import {
  AlertmanagerDataSourceOptions,
  AmazonPrometheusDataSourceOptions,
  DataSourceCommonOptions,
  ExistingDataSourceOptions,
  GrafanaCloudPrometheusOptions,
  GrafanaDataSourceRole,
  HttpDataSourceOptions,
  PrometheusDataSourceOptions,
} from './data-source-options';
import { stableJson } from './json';
import { CREDENTIAL_HEADER } from './messages';
import { SecretVariables } from './secrets';
import { checkHttpUrl, checkUid } from './uids';

const DEFAULTS: Record<GrafanaDataSourceRole, { uid: string; name: string }> = {
  prometheus: { uid: 'prometheus', name: 'Prometheus' },
  alertmanager: { uid: 'alertmanager', name: 'Alertmanager' },
  loki: { uid: 'loki', name: 'Loki' },
};

type Spec =
  | { kind: 'prometheus'; options: PrometheusDataSourceOptions }
  | { kind: 'amazon'; options: AmazonPrometheusDataSourceOptions }
  | { kind: 'cloud'; options: GrafanaCloudPrometheusOptions }
  | { kind: 'alertmanager'; options: AlertmanagerDataSourceOptions }
  | { kind: 'loki'; options: HttpDataSourceOptions }
  | { kind: 'existing'; options: ExistingDataSourceOptions };

/**
 * A data source of a {@link GrafanaTarget}, with a fixed uid that dashboards and alert rules use.
 *
 * ```ts
 * GrafanaDataSource.prometheus({ url: 'https://prometheus.example.com', basicAuth: { username: 'grafana', password: Secret.fromVariable('prom_password') } })
 * GrafanaDataSource.amazonPrometheus({ url: workspace.prometheusEndpoint, region: 'eu-west-1', authType: 'ec2_iam_role' })
 * GrafanaDataSource.grafanaCloudPrometheus({ url: 'https://prometheus-prod-01-eu-west-0.grafana.net/api/prom', user: '123456', token: Secret.fromVariable('grafana_cloud_metrics_token') })
 * ```
 */
export class GrafanaDataSource {
  /** A Prometheus (or Prometheus-compatible) server. */
  public static prometheus(options: PrometheusDataSourceOptions): GrafanaDataSource {
    return new GrafanaDataSource('prometheus', { kind: 'prometheus', options });
  }
  /** An Amazon Managed Service for Prometheus workspace (SigV4). */
  public static amazonPrometheus(options: AmazonPrometheusDataSourceOptions): GrafanaDataSource {
    return new GrafanaDataSource('prometheus', { kind: 'amazon', options });
  }
  /** Grafana Cloud's hosted Prometheus, with basic auth (instance id and access policy token). */
  public static grafanaCloudPrometheus(options: GrafanaCloudPrometheusOptions): GrafanaDataSource {
    return new GrafanaDataSource('prometheus', { kind: 'cloud', options });
  }
  /** An Alertmanager. */
  public static alertmanager(options: AlertmanagerDataSourceOptions): GrafanaDataSource {
    return new GrafanaDataSource('alertmanager', { kind: 'alertmanager', options });
  }
  /** A Loki. */
  public static loki(options: HttpDataSourceOptions): GrafanaDataSource {
    return new GrafanaDataSource('loki', { kind: 'loki', options });
  }
  /** A data source Grafana already has (e.g. Grafana Cloud's `grafanacloud-prom`); nothing is created. */
  public static existing(role: GrafanaDataSourceRole, options: ExistingDataSourceOptions): GrafanaDataSource {
    return new GrafanaDataSource(role, { kind: 'existing', options });
  }

  private constructor(
    /** What the data source is for. */
    public readonly role: GrafanaDataSourceRole,
    private readonly spec: Spec,
  ) {}

  /** The uid dashboards and alert rules use. */
  public get uid(): string {
    return this.spec.options.uid ?? DEFAULTS[this.role].uid;
  }

  /** The data source name. */
  public get name(): string {
    if (this.spec.kind === 'existing') return this.spec.options.name ?? this.spec.options.uid;
    return this.spec.options.name ?? DEFAULTS[this.role].name;
  }

  /** The Grafana plugin type (`prometheus`, `grafana-amazonprometheus-datasource`, `alertmanager`, `loki`). */
  public get type(): string {
    switch (this.spec.kind) {
      case 'existing':
        return this.spec.options.type;
      case 'amazon':
        return this.spec.options.plugin ?? 'grafana-amazonprometheus-datasource';
      case 'cloud':
        return 'prometheus';
      default:
        return this.spec.kind;
    }
  }

  /** False for {@link GrafanaDataSource.existing}: nothing is created. */
  public get managed(): boolean {
    return this.spec.kind !== 'existing';
  }

  /** Checks the options; `field` is where the data source was given, e.g. `dataSources.prometheus`. */
  public validate(where: string, field: string): void {
    const spec = this.spec;
    const o = spec.options as DataSourceCommonOptions & Partial<HttpDataSourceOptions>;
    if (o === null || typeof o !== 'object') throw invalid(where, field, o, 'data source options');
    checkUid(this.uid, where, `${field}.uid`);
    if (typeof this.name !== 'string' || this.name.trim() === '') throw invalid(where, `${field}.name`, this.name, 'a non-empty data source name');
    if (spec.kind === 'existing') {
      if (typeof spec.options.type !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(spec.options.type)) {
        throw invalid(where, `${field}.type`, spec.options.type, 'a data source plugin type such as "prometheus"');
      }
      return;
    }
    checkHttpUrl(o.url, where, `${field}.url`);
    if (o.basicAuth !== undefined && (typeof o.basicAuth.username !== 'string' || o.basicAuth.username === '')) {
      throw missing(where, `${field}.basicAuth.username`, 'the user name that goes with basicAuth.password');
    }
    if (o.basicAuth !== undefined && o.bearerToken !== undefined) {
      throw invalid(where, `${field}.basicAuth`, 'basicAuth and bearerToken', 'one of basicAuth or bearerToken');
    }
    for (const name of Object.keys(o.httpHeaders ?? {})) {
      if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) throw invalid(where, `${field}.httpHeaders key`, name, 'an HTTP header name');
    }
    checkHeadersHaveNoSecret(o.httpHeaders, where, `${field}.httpHeaders`, CREDENTIAL_HEADER, { isReference: (v) => Token.isUnresolved(v) });
    if (spec.kind === 'amazon') {
      const a = spec.options;
      if (typeof a.region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(a.region)) {
        throw invalid(where, `${field}.region`, a.region, 'an AWS region such as "eu-west-1"');
      }
      const authType = a.authType ?? 'default';
      if (!['default', 'ec2_iam_role', 'keys', 'credentials'].includes(authType)) {
        throw invalid(where, `${field}.authType`, authType, 'one of "default", "ec2_iam_role", "keys", "credentials"');
      }
      if (authType === 'keys' && (a.accessKey === undefined || a.secretKey === undefined)) {
        throw missing(where, `${field}.${a.accessKey === undefined ? 'accessKey' : 'secretKey'}`, 'a Secret.fromVariable(...) for authType "keys"');
      }
    }
    if (spec.kind === 'cloud' && (typeof spec.options.user !== 'string' || !/^\d+$/.test(spec.options.user))) {
      throw invalid(where, `${field}.user`, spec.options.user, 'the numeric instance id of the stack\'s Prometheus, e.g. "123456"');
    }
    if (spec.kind === 'alertmanager') {
      const implementation = spec.options.implementation ?? 'prometheus';
      if (!['prometheus', 'mimir', 'cortex'].includes(implementation)) {
        throw invalid(where, `${field}.implementation`, implementation, 'one of "prometheus", "mimir", "cortex"');
      }
    }
  }

  /**
   * The data source as the environment's model knows it (dashboards' data source checks read it). A URL that is a
   * Terraform token is unknown until apply and recorded as empty.
   */
  public toModel(scrapeInterval: string): DataSourceModel {
    const url = this.spec.kind === 'existing' ? '' : this.spec.options.url;
    return {
      uid: this.uid,
      name: this.name,
      type: this.type,
      url: Token.isUnresolved(url) ? '' : url,
      isDefault: this.isDefault(),
      jsonData: this.jsonData(scrapeInterval),
    };
  }

  /**
   * The `grafana_data_source` arguments (without provider), or undefined for an existing data source.
   * @internal
   */
  public resourceConfig(secrets: SecretVariables, where: string, field: string, scrapeInterval: string): Omit<DataSourceConfig, 'provider'> | undefined {
    const spec = this.spec;
    if (spec.kind === 'existing') return undefined;
    const o = spec.options as HttpDataSourceOptions;
    const secure: Record<string, string> = {};
    let basicAuth: { username: string } | undefined;
    if (spec.kind === 'cloud') {
      basicAuth = { username: spec.options.user };
      secure.basicAuthPassword = secrets.value(spec.options.token, where, `${field}.token`);
    } else if (o.basicAuth !== undefined) {
      basicAuth = { username: o.basicAuth.username };
      secure.basicAuthPassword = secrets.value(o.basicAuth.password, where, `${field}.basicAuth.password`);
    }
    if (spec.kind === 'amazon' && (spec.options.authType ?? 'default') === 'keys') {
      secure.sigV4AccessKey = secrets.value(spec.options.accessKey, where, `${field}.accessKey`);
      secure.sigV4SecretKey = secrets.value(spec.options.secretKey, where, `${field}.secretKey`);
    }
    const headers: Record<string, string> = {};
    if (o.bearerToken !== undefined) headers.Authorization = `Bearer ${secrets.value(o.bearerToken, where, `${field}.bearerToken`)}`;
    for (const name of Object.keys(o.httpHeaders ?? {}).sort()) {
      const value = o.httpHeaders![name];
      headers[name] = value instanceof Secret ? secrets.value(value, where, `${field}.httpHeaders.${name}`) : value;
    }
    const jsonData = this.jsonData(scrapeInterval);
    return {
      type: this.type,
      name: this.name,
      uid: this.uid,
      url: o.url,
      accessMode: 'proxy',
      isDefault: this.isDefault() || undefined,
      basicAuthEnabled: basicAuth ? true : undefined,
      basicAuthUsername: basicAuth?.username,
      jsonDataEncoded: jsonData ? stableJson(jsonData) : undefined,
      secureJsonDataEncoded: Object.keys(secure).length > 0 ? Fn.jsonencode(secure) : undefined,
      httpHeaders: Object.keys(headers).length > 0 ? headers : undefined,
    };
  }

  private isDefault(): boolean {
    const spec = this.spec;
    if (spec.kind === 'prometheus' || spec.kind === 'amazon' || spec.kind === 'cloud') return spec.options.isDefault === true;
    return false;
  }

  private jsonData(scrapeInterval: string): Record<string, unknown> | undefined {
    const spec = this.spec;
    switch (spec.kind) {
      case 'prometheus':
      case 'cloud':
        // POST keeps long PromQL out of URLs; timeInterval makes $__rate_interval fit the scrape interval.
        return { httpMethod: 'POST', timeInterval: scrapeInterval };
      case 'amazon': {
        const a = spec.options;
        return definedOnly({
          httpMethod: 'POST',
          sigV4Auth: true,
          sigV4AuthType: a.authType ?? 'default',
          sigV4Region: a.region,
          sigV4AssumeRoleArn: a.assumeRoleArn,
          sigV4ExternalId: a.externalId,
          sigV4Profile: a.profile,
          timeInterval: scrapeInterval,
        });
      }
      case 'alertmanager':
        // Grafana-managed alerts stay in Grafana's own Alertmanager; this one is for viewing alerts and silences.
        return { handleGrafanaManagedAlerts: false, implementation: spec.options.implementation ?? 'prometheus' };
      default:
        return undefined;
    }
  }
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
