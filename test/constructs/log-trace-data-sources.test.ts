import { TerraformStack, Testing } from 'cdktf';
import { parse } from 'yaml';
import {
  dashboards,
  ElasticsearchDataSource,
  GrafanaDashboard,
  JaegerDataSource,
  MonitoringStack,
  OpenSearchDataSource,
  Secret,
  TempoDataSource,
} from '../../lib';
import { GrafanaDataSource, GrafanaTarget } from '../../lib/targets/grafana';
import { messageOf } from '../helpers/errors';
import { dockerEnvironment, synthJson, uploadsOf } from '../helpers/stacks';

const DATA_SOURCES_FILE = 'grafana/provisioning/datasources/datasources.yml';

/** The seeds' stores: ELK (seeds 000–002, Elasticsearch 8), Jaeger (seeds 000, 001), and Tempo and OpenSearch beside them. */
function declareStores(monitoring: MonitoringStack): void {
  const jaeger = new JaegerDataSource(monitoring, 'jaeger', { url: 'http://jaeger:16686', logsDataSourceUid: 'elasticsearch' });
  const es = new ElasticsearchDataSource(monitoring, 'elasticsearch', {
    url: 'http://elasticsearch:9200',
    name: 'Elasticsearch',
    index: '[dev-pynode-logs-]YYYY.MM.DD', // Logstash's index => "dev-pynode-logs-%{+YYYY.MM.dd}" in seed 000
    interval: 'Daily',
    levelField: 'level',
    basicAuth: { username: 'grafana', password: Secret.fromVariable('elasticsearch_password') },
    traceLink: { field: 'trace_id', dataSourceUid: jaeger.uid },
  });
  new OpenSearchDataSource(monitoring, 'opensearch', { url: 'https://opensearch:9200', index: 'aichat-*', version: '2.18.0' });
  new TempoDataSource(monitoring, 'tempo', { url: 'http://tempo:3200', logsDataSourceUid: es.uid, serviceMapDataSourceUid: 'prometheus', nodeGraph: false });
}

function entry(yamlText: string, uid: string): Record<string, any> {
  return (parse(yamlText).datasources as Record<string, any>[]).find((d) => d.uid === uid)!;
}

/**
 * Grafana cannot run here (no Debian build, no image), so the provisioning file is checked against Grafana's
 * documented schema instead: the keys of a data source entry (grafana/grafana docs/sources/administration/provisioning,
 * "Data sources": name, type, access, orgId, uid, url, user, database, basicAuth, basicAuthUser, withCredentials,
 * isDefault, jsonData, secureJsonData, version, editable) and each type's jsonData keys from its provisioning docs.
 */
const ENTRY_KEYS = ['name', 'type', 'access', 'orgId', 'uid', 'url', 'user', 'database', 'basicAuth', 'basicAuthUser', 'withCredentials', 'isDefault', 'jsonData', 'secureJsonData', 'version', 'editable'];
const JSON_DATA_KEYS: Record<string, string[]> = {
  // grafana/grafana docs/sources/datasources/elasticsearch/configure/index.md, "Provision the data source" and "Elasticsearch details"
  elasticsearch: ['index', 'interval', 'timeField', 'logMessageField', 'logLevelField', 'maxConcurrentShardRequests', 'dataLinks', 'timeInterval', 'includeFrozen', 'xpack'],
  // grafana/opensearch-datasource docs/sources/configure.md, "Provision the data source" (jsonData table)
  'grafana-opensearch-datasource': ['flavor', 'version', 'database', 'timeField', 'logMessageField', 'logLevelField', 'pplEnabled', 'serverless', 'maxConcurrentShardRequests', 'timeInterval', 'dataLinks'],
  // grafana/grafana docs/sources/datasources/jaeger/configure/index.md, "Provisioning example"
  jaeger: ['tracesToLogsV2', 'tracesToMetrics', 'nodeGraph', 'traceIdTimeParams', 'spanBar'],
  // grafana/grafana docs/sources/datasources/tempo/configure-tempo-data-source/provision.md, "Example file"
  tempo: ['tracesToLogsV2', 'tracesToMetrics', 'tracesToProfiles', 'serviceMap', 'nodeGraph', 'search', 'traceQuery', 'spanBar', 'streamingEnabled'],
};
// the same documents' tracesToLogsV2 block
const TRACES_TO_LOGS_KEYS = ['datasourceUid', 'spanStartTimeShift', 'spanEndTimeShift', 'tags', 'filterByTraceID', 'filterBySpanID', 'customQuery', 'query'];

describe('on the Docker host: Grafana provisioning', () => {
  const { stack, monitoring } = dockerEnvironment();
  declareStores(monitoring);
  const json = synthJson(stack);
  const text = monitoring.renderedFiles()[DATA_SOURCES_FILE];

  test('Elasticsearch: index pattern, fields, trace link, and the password as a file reference', () => {
    expect(text).toContain(`  - name: Elasticsearch
    uid: elasticsearch
    type: elasticsearch
    access: proxy
    url: http://elasticsearch:9200
    isDefault: false
    editable: false
    basicAuth: true
    basicAuthUser: grafana
    jsonData:
      index: "[dev-pynode-logs-]YYYY.MM.DD"
      interval: Daily
      timeField: "@timestamp"
      logMessageField: message
      logLevelField: level
      maxConcurrentShardRequests: 5
      dataLinks:
        - field: trace_id
          url: $\${__value.raw}
          datasourceUid: jaeger
    secureJsonData:
      basicAuthPassword: $__file{/etc/monitoring/secrets/elasticsearch_password}
`);
  });

  test('OpenSearch, Jaeger and Tempo entries', () => {
    expect(entry(text, 'opensearch')).toEqual({
      name: 'opensearch', uid: 'opensearch', type: 'grafana-opensearch-datasource', access: 'proxy', url: 'https://opensearch:9200', isDefault: false, editable: false,
      jsonData: { flavor: 'opensearch', version: '2.18.0', database: 'aichat-*', timeField: '@timestamp', logMessageField: 'message', maxConcurrentShardRequests: 5, pplEnabled: true },
    });
    expect(entry(text, 'jaeger').jsonData).toEqual({
      tracesToLogsV2: { datasourceUid: 'elasticsearch', filterByTraceID: true, filterBySpanID: false, spanStartTimeShift: '-5m', spanEndTimeShift: '5m' },
      nodeGraph: { enabled: true },
    });
    expect(entry(text, 'tempo')).toMatchObject({ type: 'tempo', url: 'http://tempo:3200', jsonData: { serviceMap: { datasourceUid: 'prometheus' }, nodeGraph: { enabled: false } } });
  });

  test('every entry uses only the keys Grafana documents for provisioning and for its type', () => {
    for (const ds of parse(text).datasources as Record<string, any>[]) {
      expect({ uid: ds.uid, unknown: Object.keys(ds).filter((k) => !ENTRY_KEYS.includes(k)) }).toEqual({ uid: ds.uid, unknown: [] });
      const known = JSON_DATA_KEYS[ds.type];
      if (known === undefined) continue; // prometheus, alertmanager: the target's own
      expect({ uid: ds.uid, unknown: Object.keys(ds.jsonData).filter((k) => !known.includes(k)) }).toEqual({ uid: ds.uid, unknown: [] });
      if (ds.jsonData.tracesToLogsV2) expect(Object.keys(ds.jsonData.tracesToLogsV2).filter((k) => !TRACES_TO_LOGS_KEYS.includes(k))).toEqual([]);
    }
  });

  test('the password reaches Grafana as a file from a sensitive variable, never as a literal', () => {
    const upload = uploadsOf(json, 'grafana').find((u) => u.file === '/etc/monitoring/secrets/elasticsearch_password');
    expect(upload).toMatchObject({ content: '${var.elasticsearch_password}' });
    expect(json.variable.elasticsearch_password).toMatchObject({ sensitive: true });
  });

  test('`${__value.raw}` survives Terraform and Grafana\'s expansion: $$$ in the upload, $$ in the file, $ in Grafana', () => {
    const file = uploadsOf(json, 'grafana').find((u) => u.file.endsWith('datasources.yml'))!;
    expect(file.content).toContain('url: $$${__value.raw}');
    expect(text).toContain('url: $${__value.raw}');
  });
});

describe('through GrafanaTarget: grafana_data_source', () => {
  const stack = new TerraformStack(Testing.app(), 'test');
  const monitoring = new MonitoringStack(stack, 'monitoring', {
    environment: 'prod',
    target: new GrafanaTarget({ url: 'https://grafana.example.com', dataSources: { prometheus: GrafanaDataSource.prometheus({ url: 'https://prometheus.example.com' }) } }),
  });
  declareStores(monitoring);
  const json = synthJson(stack);
  const byUid = (uid: string) => Object.values(json.resource.grafana_data_source as Record<string, any>).find((r) => r.uid === uid);

  test('Elasticsearch with basic auth: the password from the sensitive variable, jsonData escaped for Terraform', () => {
    expect(byUid('elasticsearch')).toEqual({
      provider: 'grafana',
      type: 'elasticsearch',
      name: 'Elasticsearch',
      uid: 'elasticsearch',
      url: 'http://elasticsearch:9200',
      access_mode: 'proxy',
      basic_auth_enabled: true,
      basic_auth_username: 'grafana',
      json_data_encoded:
        '{"dataLinks":[{"datasourceUid":"jaeger","field":"trace_id","url":"$${__value.raw}"}],"index":"[dev-pynode-logs-]YYYY.MM.DD","interval":"Daily",' +
        '"logLevelField":"level","logMessageField":"message","maxConcurrentShardRequests":5,"timeField":"@timestamp"}',
      secure_json_data_encoded: '${jsonencode({"basicAuthPassword" = var.elasticsearch_password})}',
    });
    expect(json.variable.elasticsearch_password).toMatchObject({ sensitive: true });
  });

  test('OpenSearch, Jaeger and Tempo', () => {
    expect(byUid('opensearch')).toMatchObject({
      type: 'grafana-opensearch-datasource',
      json_data_encoded: '{"database":"aichat-*","flavor":"opensearch","logMessageField":"message","maxConcurrentShardRequests":5,"pplEnabled":true,"timeField":"@timestamp","version":"2.18.0"}',
    });
    expect(byUid('jaeger')).toMatchObject({ type: 'jaeger', url: 'http://jaeger:16686' });
    expect(JSON.parse(byUid('tempo').json_data_encoded)).toEqual({
      nodeGraph: { enabled: false },
      serviceMap: { datasourceUid: 'prometheus' },
      tracesToLogsV2: { datasourceUid: 'elasticsearch', filterBySpanID: false, filterByTraceID: true, spanEndTimeShift: '5m', spanStartTimeShift: '-5m' },
    });
    expect(byUid('jaeger').secure_json_data_encoded).toBeUndefined();
  });

  test('a Secret.fromFile cannot reach a remote Grafana', () => {
    const s = new TerraformStack(Testing.app(), 'test');
    const m = new MonitoringStack(s, 'monitoring', {
      environment: 'prod',
      target: new GrafanaTarget({ url: 'https://grafana.example.com', dataSources: { prometheus: GrafanaDataSource.prometheus({ url: 'https://prometheus.example.com' }) } }),
    });
    new ElasticsearchDataSource(m, 'es', { url: 'http://es:9200', index: 'logs-*', basicAuth: { username: 'g', password: Secret.fromFile('/run/secrets/es') } });
    expect(messageOf(() => Testing.synth(s, true))).toContain(
      'ElasticsearchDataSource test/monitoring/es, basicAuth.password: got "Secret.fromFile(/run/secrets/es)", expected Secret.fromVariable("<terraform variable>")',
    );
  });
});

describe('the logs dashboard pack with Elasticsearch', () => {
  test('a logs panel against the declared Elasticsearch, beside the Loki panels', () => {
    const json = JSON.parse(JSON.stringify(dashboards.logs({ elasticsearch: { dataSourceUid: 'elasticsearch', query: 'service:dev-pynode', levelField: 'level' } }).build()));
    const esPanels = json.panels.filter((p: any) => p.datasource?.type === 'elasticsearch');
    expect(esPanels.map((p: any) => [p.type, p.title, p.targets[0].query])).toEqual([
      ['logs', 'Error lines (Elasticsearch)', '(service:dev-pynode) AND level:(error OR ERROR OR critical OR CRITICAL OR fatal OR FATAL)'],
      ['logs', 'Log lines (Elasticsearch)', 'service:dev-pynode'],
    ]);
    expect(esPanels[1].targets[0]).toEqual({ refId: 'A', datasource: { type: 'elasticsearch', uid: 'elasticsearch' }, query: 'service:dev-pynode', metrics: [{ type: 'logs', id: '1' }], bucketAggs: [] });
    expect(json.panels.some((p: any) => p.datasource?.type === 'loki')).toBe(true);
  });

  test('Elasticsearch only (loki: false), synthesized with the data source declared and checked', () => {
    const { stack, monitoring } = dockerEnvironment();
    declareStores(monitoring);
    new GrafanaDashboard(monitoring, 'logs', { dashboard: dashboards.logs({ loki: false, elasticsearch: { dataSourceUid: 'elasticsearch' } }) });
    synthJson(stack);
    const json = JSON.parse(monitoring.renderedFiles()['grafana/dashboards/logs.json']);
    expect(json.panels.map((p: any) => [p.type, p.title, p.datasource?.uid])).toEqual([
      ['row', 'Elasticsearch', undefined],
      ['logs', 'Log lines (Elasticsearch)', 'elasticsearch'],
    ]);
  });

  test('a dashboard naming an Elasticsearch that is not declared fails synth', () => {
    const { stack, monitoring } = dockerEnvironment();
    new GrafanaDashboard(monitoring, 'logs', { dashboard: dashboards.logs({ loki: false, elasticsearch: { dataSourceUid: 'elastic' } }) });
    expect(messageOf(() => synthJson(stack))).toContain('"elastic"');
  });
});

describe('bad input', () => {
  const declare = (build: (m: MonitoringStack) => void) => messageOf(() => build(dockerEnvironment().monitoring));

  test('a URL that is not a URL', () => {
    expect(declare((m) => new ElasticsearchDataSource(m, 'es', { url: 'elasticsearch:9200', index: 'logs-*' }))).toBe(
      'ElasticsearchDataSource test/monitoring/es, url: got "elasticsearch:9200", expected an http:// or https:// URL, e.g. "http://elasticsearch:9200" (or a Terraform token)',
    );
    expect(declare((m) => new JaegerDataSource(m, 'jaeger', { url: 'ftp://jaeger' }))).toContain('JaegerDataSource test/monitoring/jaeger, url: got "ftp://jaeger"');
  });

  test('a password in the URL or as a literal', () => {
    expect(declare((m) => new ElasticsearchDataSource(m, 'es', { url: 'http://elastic:changeme@es:9200', index: 'logs-*' }))).toContain(
      'ElasticsearchDataSource test/monitoring/es, url: got "http://<redacted>@es:9200", expected a URL without a credential, with the credential in basicAuth as a Secret.fromVariable("<terraform variable>"); the user:password@ part is a credential',
    );
    expect(declare((m) => new TempoDataSource(m, 'tempo', { url: 'http://tempo:3200', basicAuth: { username: 'g', password: 'changeme' as never } }))).toBe(
      'TempoDataSource test/monitoring/tempo, basicAuth.password: got "<a literal string>", expected a Secret.fromVariable("<terraform variable>"): a literal password would be written in clear text',
    );
  });

  test('index, interval, version and uid', () => {
    expect(declare((m) => new ElasticsearchDataSource(m, 'es', { url: 'http://es:9200', index: 'logs-YYYY.MM.DD', interval: 'Daily' }))).toContain(
      'index: got "logs-YYYY.MM.DD", expected a time pattern with its fixed part in brackets, e.g. "[logstash-]YYYY.MM.DD", when interval is set',
    );
    expect(declare((m) => new ElasticsearchDataSource(m, 'es', { url: 'http://es:9200', index: 'x', interval: 'daily' as never }))).toContain(
      'interval: got "daily", expected one of "Hourly", "Daily", "Weekly", "Monthly", "Yearly"',
    );
    expect(declare((m) => new OpenSearchDataSource(m, 'os', { url: 'http://os:9200', index: 'x' } as never))).toBe(
      'OpenSearchDataSource test/monitoring/os, version: got nothing, expected the OpenSearch version as x.y.z, e.g. "2.18.0"',
    );
    expect(declare((m) => new JaegerDataSource(m, 'traces of api', { url: 'http://jaeger:16686' }))).toContain(
      'uid (the construct id): got "traces of api", expected a Grafana uid of 1 to 40 letters, digits, "-" and "_"',
    );
  });

  test('a link to a data source the environment does not declare', () => {
    const { stack, monitoring } = dockerEnvironment();
    new TempoDataSource(monitoring, 'tempo', { url: 'http://tempo:3200', logsDataSourceUid: 'elastic' });
    expect(messageOf(() => synthJson(stack))).toContain(
      'TempoDataSource test/monitoring/tempo, logsDataSourceUid: got "elastic", expected the name of a declared data source (declared: "prometheus", "alertmanager", "tempo")',
    );
  });

  test('a uid another data source has', () => {
    const { stack, monitoring } = dockerEnvironment();
    new TempoDataSource(monitoring, 'tempo', { url: 'http://tempo:3200', uid: 'prometheus' });
    expect(messageOf(() => synthJson(stack))).toContain('TempoDataSource test/monitoring/tempo, uid: got "prometheus", which is already used by the Prometheus data source');
  });
});
