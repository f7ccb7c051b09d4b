import { Construct } from 'constructs';
import { DataSourceModel } from '../model/dashboard';
import { describeConstruct, duplicate, unknownReference } from '../model/errors';
import {
  elasticsearchDataSource,
  jaegerDataSource,
  linkedDataSources,
  LogStoreOptions,
  OpenSearchStoreOptions,
  openSearchDataSource,
  tempoDataSource,
  TempoStoreOptions,
  TraceStoreOptions,
} from '../model/log-trace-data-sources';
import { MonitoringStack } from './monitoring-stack';

/**
 * A Grafana data source for logs or traces kept outside Prometheus and Loki. The environment's Grafana gets it: the
 * Docker host's Grafana through its provisioning file (the password as a secret file), an existing Grafana through
 * `GrafanaTarget` as a `grafana_data_source` (the password from a sensitive Terraform variable).
 */
export abstract class StoreDataSource extends Construct {
  /** The uid dashboards and data links use. */
  public readonly uid: string;
  /** The data source as the environment's model holds it. */
  public readonly dataSource: DataSourceModel;

  protected constructor(scope: Construct, id: string, kind: string, build: (where: string) => DataSourceModel) {
    super(scope, id);
    const monitoring = MonitoringStack.of(this, kind);
    const where = describeConstruct(kind, this.node.path);
    this.dataSource = build(where);
    this.uid = this.dataSource.uid;
    monitoring.model.addDataSource(this.dataSource);
    for (const secret of Object.values(this.dataSource.secureJsonData ?? {})) monitoring.requireSecret(secret, 'grafana', where);
    // Two data sources with one uid: Grafana keeps one of them. Checked at synth, when every data source is declared.
    this.node.addValidation({
      validate: () => {
        const all = monitoring.model.allDataSources;
        const errors: string[] = [];
        const first = all.find((ds) => ds.uid === this.uid);
        if (first !== undefined && first !== this.dataSource) {
          errors.push(duplicate(where, 'uid', this.uid, first.declaredBy ?? `the ${first.name} data source of the environment's target`).message);
        }
        // A link to a data source Grafana does not have is a dead link in every log line or span.
        for (const link of linkedDataSources(this.dataSource)) {
          if (!all.some((ds) => ds.uid === link.uid)) errors.push(unknownReference(where, link.field, link.uid, 'data source', all.map((ds) => ds.uid)).message);
        }
        return errors;
      },
    });
  }
}

/**
 * Logs in Elasticsearch (the ELK stacks of many Docker hosts), e.g. what Logstash writes to
 * `dev-pynode-logs-%{+YYYY.MM.dd}`:
 *
 * ```ts
 * const es = new ElasticsearchDataSource(monitoring, 'elasticsearch', { url: 'http://elasticsearch:9200', index: 'dev-pynode-logs-*' });
 * new GrafanaDashboard(monitoring, 'logs', { dashboard: dashboards.logs({ elasticsearch: { dataSourceUid: es.uid } }) });
 * ```
 */
export class ElasticsearchDataSource extends StoreDataSource {
  constructor(scope: Construct, id: string, props: LogStoreOptions) {
    super(scope, id, 'ElasticsearchDataSource', (where) => elasticsearchDataSource(props, id, where));
  }
}

/**
 * Logs in OpenSearch, through Grafana's `grafana-opensearch-datasource` plugin. The plugin is not part of the
 * grafana/grafana image nor of a default Grafana: install it where the Grafana runs.
 */
export class OpenSearchDataSource extends StoreDataSource {
  constructor(scope: Construct, id: string, props: OpenSearchStoreOptions) {
    super(scope, id, 'OpenSearchDataSource', (where) => openSearchDataSource(props, id, where));
  }
}

/** Traces in Jaeger, through its query service (e.g. `http://jaeger:16686`). */
export class JaegerDataSource extends StoreDataSource {
  constructor(scope: Construct, id: string, props: TraceStoreOptions) {
    super(scope, id, 'JaegerDataSource', (where) => jaegerDataSource(props, id, where));
  }
}

/** Traces in Grafana Tempo, through its HTTP API (e.g. `http://tempo:3200`). */
export class TempoDataSource extends StoreDataSource {
  constructor(scope: Construct, id: string, props: TempoStoreOptions) {
    super(scope, id, 'TempoDataSource', (where) => tempoDataSource(props, id, where));
  }
}
