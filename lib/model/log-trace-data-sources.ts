/**
 * Grafana data sources for what teams keep outside Prometheus and Loki: logs in Elasticsearch or OpenSearch (the
 * ELK stacks of the seed guides) and traces in Jaeger or Tempo. Plain data and validation; the constructs in
 * lib/constructs/log-trace-data-sources.ts declare them, the Docker host renders them into Grafana's provisioning
 * file and the Grafana target creates `grafana_data_source` resources.
 *
 * The `jsonData` field names are Grafana's, at the pinned Grafana 13 line:
 * - Elasticsearch (core plugin `elasticsearch`): `index`, `interval`, `timeField`, `logMessageField`, `logLevelField`,
 *   `maxConcurrentShardRequests`, `dataLinks[]` (`field`, `url`, `datasourceUid`) — grafana/grafana
 *   docs/sources/datasources/elasticsearch/configure/index.md, "Provision the data source" (the old top-level
 *   `database` field is deprecated for `jsonData.index`, grafana/grafana#58647).
 * - OpenSearch (plugin `grafana-opensearch-datasource`, not part of the grafana/grafana image): `flavor`, `version`,
 *   `database`, `timeField`, `logMessageField`, `logLevelField`, `pplEnabled`, `maxConcurrentShardRequests` —
 *   grafana/opensearch-datasource docs/sources/configure.md, "Provision the data source".
 * - Jaeger (core `jaeger`) and Tempo (core `tempo`): `tracesToLogsV2` (`datasourceUid`, `filterByTraceID`,
 *   `filterBySpanID`, `spanStartTimeShift`, `spanEndTimeShift`), `nodeGraph.enabled`, and for Tempo
 *   `serviceMap.datasourceUid` — grafana/grafana docs/sources/datasources/jaeger/configure/index.md and
 *   docs/sources/datasources/tempo/configure-tempo-data-source/provision.md.
 * - Basic auth, every type: `basicAuth: true`, `basicAuthUser`, and the password as `secureJsonData.basicAuthPassword`.
 */
import { DataSourceModel, GRAFANA_UID } from './dashboard';
import { checkUrlHasNoSecret } from './clear-secrets';
import { invalid, missing } from './errors';
import { Secret } from './secret';

/** HTTP basic auth towards a logs or traces store; the password is a Secret, never a literal. */
export interface StoreBasicAuth {
  /** The user name, e.g. `grafana_reader`. */
  readonly username: string;
  /** The password, e.g. `Secret.fromVariable('elasticsearch_password')`. */
  readonly password: Secret;
}

/** Options every logs or traces data source takes. */
export interface StoreDataSourceOptions {
  /**
   * The URL the Grafana server reaches the store at, e.g. `http://elasticsearch:9200` on a shared Docker network.
   * A Terraform token is accepted.
   */
  readonly url: string;
  /**
   * The data source uid (1–40 letters, digits, `-`, `_`); dashboards reference it.
   * @default - the construct id
   */
  readonly uid?: string;
  /** The name Grafana shows, unique in the organization. @default - the construct id */
  readonly name?: string;
  /** HTTP basic auth. @default - none */
  readonly basicAuth?: StoreBasicAuth;
}

/** The date pattern of time-based index names (`[logstash-]YYYY.MM.DD` is `Daily`). */
export type IndexInterval = 'Hourly' | 'Daily' | 'Weekly' | 'Monthly' | 'Yearly';
const INDEX_INTERVALS: readonly IndexInterval[] = ['Hourly', 'Daily', 'Weekly', 'Monthly', 'Yearly'];

/** A link from a field of each log line (a trace id) to a traces data source. */
export interface TraceLinkOptions {
  /** The field holding the trace id, e.g. `trace_id` or `traceID`. */
  readonly field: string;
  /** The uid of the Jaeger or Tempo data source, e.g. `jaegerDataSource.uid`. */
  readonly dataSourceUid: string;
}

/** Options of the logs stores (Elasticsearch, OpenSearch). */
export interface LogStoreOptions extends StoreDataSourceOptions {
  /**
   * The index (or index pattern) to search, e.g. `dev-pynode-logs-*` or `[logstash-]YYYY.MM.DD` with `interval`.
   */
  readonly index: string;
  /** The date pattern of a time-based `index`. @default - none: `index` is a name or wildcard */
  readonly interval?: IndexInterval;
  /** The time field. @default "@timestamp" */
  readonly timeField?: string;
  /** The field with the log message, shown as the line in logs panels. @default "message" */
  readonly messageField?: string;
  /** The field with the log level, which colours the lines. @default - none: Grafana guesses from the line */
  readonly levelField?: string;
  /** Shards queried at once. @default 5 */
  readonly maxConcurrentShardRequests?: number;
  /** Link each line's trace id to a traces data source. @default - none */
  readonly traceLink?: TraceLinkOptions;
}

/** Options of an OpenSearch data source. */
export interface OpenSearchStoreOptions extends LogStoreOptions {
  /** The OpenSearch version, e.g. `2.18.0`: the plugin composes its queries for it. */
  readonly version: string;
  /** Offer Piped Processing Language queries. @default true */
  readonly pplEnabled?: boolean;
}

/** Options of the traces stores (Jaeger, Tempo). */
export interface TraceStoreOptions extends StoreDataSourceOptions {
  /**
   * The uid of a logs data source (Loki, Elasticsearch) to jump to from a span, filtered by its trace id.
   * @default - no trace-to-logs link
   */
  readonly logsDataSourceUid?: string;
  /** Show the node graph of a trace's services. @default true */
  readonly nodeGraph?: boolean;
}

/** Options of a Tempo data source. */
export interface TempoStoreOptions extends TraceStoreOptions {
  /** The uid of the Prometheus that holds Tempo's service graph metrics. @default - no service map */
  readonly serviceMapDataSourceUid?: string;
}

/** A URL as Grafana's server uses it; a Terraform or CDK token (it contains `${`) is accepted unchecked. */
function checkStoreUrl(url: unknown, where: string): string {
  if (typeof url === 'string' && url.includes('${')) return url;
  if (typeof url === 'string') checkUrlHasNoSecret(url, where, 'url', 'a URL without a credential, with the credential in basicAuth as a Secret.fromVariable("<terraform variable>")');
  if (typeof url !== 'string' || !/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/.test(url)) {
    throw invalid(where, 'url', url, 'an http:// or https:// URL, e.g. "http://elasticsearch:9200" (or a Terraform token)');
  }
  return url;
}

function nonEmpty(value: unknown, where: string, field: string, example: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(where, field, value, `a non-empty string, e.g. ${JSON.stringify(example)}`);
  return value;
}

function checkUid(uid: unknown, where: string, field: string): void {
  if (typeof uid !== 'string' || !GRAFANA_UID.test(uid)) throw invalid(where, field, uid, 'a Grafana uid of 1 to 40 letters, digits, "-" and "_"');
}

/** The parts every store shares: uid, name, URL, basic auth. */
function common(kind: string, options: StoreDataSourceOptions, id: string, where: string): Pick<DataSourceModel, 'uid' | 'name' | 'url' | 'isDefault' | 'basicAuthUser' | 'secureJsonData' | 'declaredBy'> {
  if (options === null || typeof options !== 'object') throw invalid(where, 'props', options, `the options of the ${kind} data source, at least { url }`);
  const url = checkStoreUrl(options.url, where);
  const uid = options.uid ?? id;
  checkUid(uid, where, options.uid === undefined ? 'uid (the construct id)' : 'uid');
  const name = nonEmpty(options.name ?? id, where, 'name', kind);
  let basicAuthUser: string | undefined;
  let secureJsonData: Record<string, Secret> | undefined;
  if (options.basicAuth !== undefined) {
    const auth = options.basicAuth;
    if (auth === null || typeof auth !== 'object') throw invalid(where, 'basicAuth', auth, '{ username, password: Secret.fromVariable(...) }');
    basicAuthUser = nonEmpty(auth.username, where, 'basicAuth.username', 'grafana_reader');
    if (auth.password === undefined) throw missing(where, 'basicAuth.password', 'a Secret.fromVariable("<terraform variable>") with the password');
    if (!(auth.password instanceof Secret)) {
      throw invalid(where, 'basicAuth.password', typeof auth.password === 'string' ? '<a literal string>' : auth.password, 'a Secret.fromVariable("<terraform variable>"): a literal password would be written in clear text');
    }
    secureJsonData = { basicAuthPassword: auth.password };
  }
  return { uid, name, url, isDefault: false, basicAuthUser, secureJsonData, declaredBy: where };
}

function logStoreJson(options: LogStoreOptions, where: string, indexKey: 'index' | 'database'): Record<string, unknown> {
  const index = nonEmpty(options.index, where, 'index', 'logstash-*');
  if (options.interval !== undefined && !INDEX_INTERVALS.includes(options.interval)) {
    throw invalid(where, 'interval', options.interval, `one of ${INDEX_INTERVALS.map((i) => `"${i}"`).join(', ')}`);
  }
  if (options.interval !== undefined && !/\[[^\]]*\]/.test(index)) {
    throw invalid(where, 'index', index, 'a time pattern with its fixed part in brackets, e.g. "[logstash-]YYYY.MM.DD", when interval is set');
  }
  const shards = options.maxConcurrentShardRequests ?? 5;
  if (!Number.isInteger(shards) || shards < 1) throw invalid(where, 'maxConcurrentShardRequests', shards, 'a whole number ≥ 1');
  const json: Record<string, unknown> = {
    [indexKey]: index,
    ...(options.interval !== undefined ? { interval: options.interval } : {}),
    timeField: nonEmpty(options.timeField ?? '@timestamp', where, 'timeField', '@timestamp'),
    logMessageField: nonEmpty(options.messageField ?? 'message', where, 'messageField', 'message'),
    ...(options.levelField !== undefined ? { logLevelField: nonEmpty(options.levelField, where, 'levelField', 'level') } : {}),
    maxConcurrentShardRequests: shards,
  };
  if (options.traceLink !== undefined) {
    const link = options.traceLink;
    if (link === null || typeof link !== 'object') throw invalid(where, 'traceLink', link, '{ field, dataSourceUid }');
    const field = nonEmpty(link.field, where, 'traceLink.field', 'trace_id');
    checkUid(link.dataSourceUid, where, 'traceLink.dataSourceUid');
    // An internal link: the field's raw value is the query of the traces data source.
    json.dataLinks = [{ field, url: '${__value.raw}', datasourceUid: link.dataSourceUid }];
  }
  return json;
}

function traceStoreJson(options: TraceStoreOptions, where: string): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (options.logsDataSourceUid !== undefined) {
    checkUid(options.logsDataSourceUid, where, 'logsDataSourceUid');
    json.tracesToLogsV2 = { datasourceUid: options.logsDataSourceUid, filterByTraceID: true, filterBySpanID: false, spanStartTimeShift: '-5m', spanEndTimeShift: '5m' };
  }
  if (options.nodeGraph !== undefined && typeof options.nodeGraph !== 'boolean') throw invalid(where, 'nodeGraph', options.nodeGraph, 'true or false');
  json.nodeGraph = { enabled: options.nodeGraph ?? true };
  return json;
}

/** An Elasticsearch logs data source. */
export function elasticsearchDataSource(options: LogStoreOptions, id: string, where: string): DataSourceModel {
  const base = common('Elasticsearch', options, id, where);
  return { ...base, type: 'elasticsearch', jsonData: logStoreJson(options, where, 'index') };
}

/** An OpenSearch logs data source (plugin `grafana-opensearch-datasource`). */
export function openSearchDataSource(options: OpenSearchStoreOptions, id: string, where: string): DataSourceModel {
  const base = common('OpenSearch', options, id, where);
  const version = options.version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) throw invalid(where, 'version', version, 'the OpenSearch version as x.y.z, e.g. "2.18.0"');
  if (options.pplEnabled !== undefined && typeof options.pplEnabled !== 'boolean') throw invalid(where, 'pplEnabled', options.pplEnabled, 'true or false');
  return {
    ...base,
    type: OPENSEARCH_PLUGIN,
    jsonData: { flavor: 'opensearch', version, ...logStoreJson(options, where, 'database'), pplEnabled: options.pplEnabled ?? true },
  };
}

/** The OpenSearch data source plugin, which Grafana images do not ship: it has to be installed. */
export const OPENSEARCH_PLUGIN = 'grafana-opensearch-datasource';

/** A Jaeger traces data source (its query service, port 16686). */
export function jaegerDataSource(options: TraceStoreOptions, id: string, where: string): DataSourceModel {
  const base = common('Jaeger', options, id, where);
  return { ...base, type: 'jaeger', jsonData: traceStoreJson(options, where) };
}

/** A Tempo traces data source (its HTTP API, port 3200). */
export function tempoDataSource(options: TempoStoreOptions, id: string, where: string): DataSourceModel {
  const base = common('Tempo', options, id, where);
  const json = traceStoreJson(options, where);
  if (options.serviceMapDataSourceUid !== undefined) {
    checkUid(options.serviceMapDataSourceUid, where, 'serviceMapDataSourceUid');
    json.serviceMap = { datasourceUid: options.serviceMapDataSourceUid };
  }
  return { ...base, type: 'tempo', jsonData: json };
}

/** The other data sources a logs or traces data source links to, by the option that names them. */
export function linkedDataSources(ds: DataSourceModel): { field: string; uid: string }[] {
  const json = (ds.jsonData ?? {}) as Record<string, any>;
  const links: { field: string; uid: string }[] = [];
  for (const link of Array.isArray(json.dataLinks) ? json.dataLinks : []) links.push({ field: 'traceLink.dataSourceUid', uid: link.datasourceUid });
  if (json.tracesToLogsV2?.datasourceUid !== undefined) links.push({ field: 'logsDataSourceUid', uid: json.tracesToLogsV2.datasourceUid });
  if (json.serviceMap?.datasourceUid !== undefined) links.push({ field: 'serviceMapDataSourceUid', uid: json.serviceMap.datasourceUid });
  return links;
}
