/**
 * No Loki, Alloy or Promtail binary exists on these machines, so the rendered configs are checked against the
 * documented configuration reference of the pinned versions (Loki 3.7.6, Alloy v1.18.1, Promtail 3.6.11). Each fact the
 * checks rely on is written next to it, with its source, in ./schema/*-schema.ts.
 */
import { parse } from 'yaml';
import { buildLokiSettings } from '../../../lib/model/logs/loki-settings';
import { buildLogPipeline } from '../../../lib/model/logs/pipeline';
import { renderAlloyConfig } from '../../../lib/render/logs/alloy-config';
import { renderLokiConfig } from '../../../lib/render/logs/loki-config';
import { renderPromtailConfig } from '../../../lib/render/logs/promtail-config';
import { everyOptionSources, seedApplicationLogs, seedContainerLogs, smallSources } from './fixtures';
import { checkAlloyAgainstSchema } from './schema/alloy-check';
import { parseAlloy } from './schema/alloy-parse';
import { ALLOY_SCHEMA } from './schema/alloy-schema';
import { LOKI_SCHEMA } from './schema/loki-schema';
import { PROMTAIL_SCHEMA } from './schema/promtail-schema';
import { checkAgainstSchema, usedPaths } from './schema/yaml-schema';

const pipelines = {
  small: buildLogPipeline({ sources: smallSources() }, 'X'),
  everyOption: buildLogPipeline({ sources: everyOptionSources() }, 'X'),
  seeds: buildLogPipeline({ sources: [seedContainerLogs(), seedApplicationLogs()] }, 'X'),
};

describe('Loki config against the Loki 3.7.6 configuration reference', () => {
  const documents = [
    parse(renderLokiConfig(buildLokiSettings({}, 'X'))),
    parse(
      renderLokiConfig(
        buildLokiSettings(
          { retention: '90d', logLevel: 'debug', limits: { maxEntriesLimitPerQuery: 10000 }, ruler: { alertmanagerUrl: 'https://am.example:9093', evaluationInterval: '30s' } },
          'X',
        ),
      ),
    ),
  ];

  test('every key is documented, with the documented type', () => {
    for (const doc of documents) expect(checkAgainstSchema(doc, LOKI_SCHEMA)).toEqual([]);
  });

  test('every documented fact in the schema is exercised', () => {
    const used = new Set(documents.flatMap((d) => [...usedPaths(d)]));
    expect(Object.keys(LOKI_SCHEMA).filter((p) => !used.has(p))).toEqual([]);
  });

  test('retention works: 24h index period, compactor retention with a delete request store', () => {
    const doc = documents[0];
    expect(doc.schema_config.configs[0].index.period).toBe('24h');
    expect(doc.compactor.retention_enabled).toBe(true);
    expect(doc.compactor.delete_request_store).toBe(doc.schema_config.configs[0].object_store);
  });
});

describe('Promtail config against the Promtail 3.6.11 reference', () => {
  const documents = Object.values(pipelines).map((p) => parse(renderPromtailConfig(p, 'http://loki:3100')));

  test('every key is documented, with the documented type', () => {
    for (const doc of documents) expect(checkAgainstSchema(doc, PROMTAIL_SCHEMA)).toEqual([]);
  });

  test('each pipeline stage is a map with one stage name', () => {
    for (const doc of documents) {
      for (const scrape of doc.scrape_configs) for (const stage of scrape.pipeline_stages ?? []) expect(Object.keys(stage)).toHaveLength(1);
    }
  });

  test('every documented fact in the schema is exercised', () => {
    const used = new Set(documents.flatMap((d) => [...usedPaths(d)]));
    expect(Object.keys(PROMTAIL_SCHEMA).filter((p) => !used.has(p))).toEqual([]);
  });
});

describe('Alloy config against the Alloy v1.18.1 component reference', () => {
  const files = Object.values(pipelines).map((p) => parseAlloy(renderAlloyConfig(p, 'http://loki:3100')));

  test('every component, argument and block is documented, with the documented type; references resolve', () => {
    for (const blocks of files) expect(checkAlloyAgainstSchema(blocks)).toEqual([]);
  });

  test('every documented component, argument and stage in the schema is exercised', () => {
    const used = new Set<string>();
    const visit = (block: { name: string; attributes: Map<string, unknown>; blocks: { name: string; attributes: Map<string, unknown>; blocks: never[] }[] }, path: string): void => {
      used.add(path);
      for (const name of block.attributes.keys()) used.add(`${path}.${name}`);
      for (const child of block.blocks) visit(child, `${path}.${child.name}`);
    };
    for (const blocks of files) for (const component of blocks) visit(component as never, component.name);
    const documented: string[] = [];
    const collect = (schema: (typeof ALLOY_SCHEMA)[string], path: string): void => {
      documented.push(path);
      for (const name of Object.keys(schema.arguments)) documented.push(`${path}.${name}`);
      for (const [name, child] of Object.entries(schema.blocks ?? {})) collect(child, `${path}.${name}`);
    };
    for (const [name, schema] of Object.entries(ALLOY_SCHEMA)) collect(schema, name);
    expect(documented.filter((p) => !used.has(p))).toEqual([]);
  });
});

describe('the checks catch mistakes (so a pass means something)', () => {
  test('an undocumented or mistyped key', () => {
    const doc = parse(renderLokiConfig(buildLokiSettings({}, 'X')));
    doc.limits_config.enforce_metric_name = false; // removed in Loki 3.0; the seed guide still sets it
    doc.compactor.retention_enabled = 'yes';
    delete doc.schema_config.configs[0].from;
    expect(checkAgainstSchema(doc, LOKI_SCHEMA)).toEqual([
      'schema_config.configs[].from: required but missing',
      'limits_config.enforce_metric_name: not in the documented schema',
      'compactor.retention_enabled: expected a boolean, got "yes"',
    ]);
  });

  test('an undocumented Alloy argument, a missing required one, a dangling reference', () => {
    const blocks = parseAlloy(`loki.process "a" {
  forward_to = [loki.write.nowhere.receiver]
  stage.timestamp {
    source = "time"
    formats = "RFC3339"
  }
}`);
    expect(checkAlloyAgainstSchema(blocks)).toEqual([
      'loki.process "a".forward_to: expected a list of references to LogsReceiver exports of declared components',
      'loki.process "a".stage.timestamp: argument formats is not documented',
      'loki.process "a".stage.timestamp: required argument format is missing',
    ]);
  });
});
