import { Duration } from '../model/duration';
import { MonitoringConfigError } from '../model/errors';
import { PrometheusSettings } from '../model/environment';
import { checkLabelName, checkLabels } from '../model/names';
import { unsupportedField } from './messages';
import { optional } from './shared';
import { SourceMap, SourceNode } from './yaml-source';

/** The program name used in secret messages. */
export const PROMETHEUS = 'Prometheus';

const GLOBAL_KEYS = ['scrape_interval', 'scrape_timeout', 'evaluation_interval', 'external_labels'];
const GLOBAL_UNSUPPORTED = ['query_log_file', 'body_size_limit', 'sample_limit', 'target_limit', 'label_limit', 'label_name_length_limit', 'label_value_length_limit'];

/** An error for a key Prometheus has and the library does not model. */
export function unsupported(map: SourceMap, key: string, owner: string, supported: readonly string[], hint?: string): MonitoringConfigError {
  const at = map.keyOf(key);
  return unsupportedField(at.where, at.field, owner, key, supported, hint);
}

/** Refuses retention settings under `storage.tsdb` with where retention is set instead. */
export function checkStorage(node: SourceNode): void {
  const tsdb = node.map('storage settings').opt('tsdb');
  if (tsdb === undefined) return;
  const map = tsdb.map('tsdb settings');
  for (const key of map.keys()) {
    if (key.startsWith('retention')) {
      const at = map.keyOf(key);
      throw new MonitoringConfigError(
        at.where,
        at.field,
        `storage.tsdb has no \`${key}\`; retention is a command-line flag, not a prometheus.yml field: set \`prometheus: { retention: '30d', retentionSize: '10GB' }\` on the MonitoringStack`,
      );
    }
  }
}

/** Imports the `global` section as PrometheusSettings, with Prometheus' own timeout default. */
export function importGlobal(node: SourceNode | undefined): PrometheusSettings {
  if (node === undefined) return {};
  const global = node.map('global settings');
  for (const key of GLOBAL_UNSUPPORTED) if (global.has(key)) throw unsupported(global, key, 'global', GLOBAL_KEYS);
  global.checkKeys('global', GLOBAL_KEYS);
  const interval = duration(global, 'scrape_interval');
  let timeout = duration(global, 'scrape_timeout');
  // Prometheus' own default: the timeout is 10s, but never longer than the interval.
  if (timeout === undefined && interval !== undefined && Duration.seconds(10).isLongerThan(interval)) timeout = interval;
  if (timeout !== undefined && interval !== undefined && timeout.isLongerThan(interval)) {
    const at = global.get('scrape_timeout')!;
    throw at.invalid(`a timeout no longer than the scrape interval (${interval.toPrometheus()})`, timeout.toPrometheus());
  }
  const labelsNode = global.opt('external_labels');
  const externalLabels = labelsNode === undefined ? undefined : labelMap(labelsNode);
  return {
    ...optional('scrapeInterval', interval),
    ...optional('scrapeTimeout', timeout),
    ...optional('evaluationInterval', duration(global, 'evaluation_interval')),
    ...optional('externalLabels', externalLabels),
  };
}

/** Reads the Alertmanager targets of `alerting` (informational). */
export function importAlerting(node: SourceNode | undefined): string[] {
  if (node === undefined) return [];
  const alerting = node.map('alerting settings');
  const owner = 'alerting (a MonitoringStack wires Prometheus to its own Alertmanager)';
  alerting.checkKeys(owner, ['alertmanagers']);
  const targets: string[] = [];
  for (const am of alerting.opt('alertmanagers')?.seq('a list of Alertmanagers') ?? []) {
    const map = am.map('an Alertmanager entry with `static_configs`');
    map.checkKeys('alerting.alertmanagers[]', ['static_configs']);
    for (const sc of map.opt('static_configs')?.seq('a list of static configs') ?? []) {
      const scMap = sc.map('a static config with `targets`');
      scMap.checkKeys('static_configs', ['targets']);
      targets.push(...(scMap.opt('targets')?.strings('a list of "host:port" targets') ?? []));
    }
  }
  return targets;
}

/** A label map with its names checked at their positions. */
export function labelMap(node: SourceNode): Record<string, string> {
  const labels = node.stringMap('a map of label names to values');
  const map = node.map('labels');
  for (const key of Object.keys(labels)) checkLabelName(key, map.keyOf(key).where, `${node.path} key`);
  checkLabels(labels, node.where, node.field);
  return labels;
}

/** An optional duration under `key`, parsed at its position. */
export function duration(map: SourceMap, key: string): Duration | undefined {
  const node = map.opt(key);
  return node === undefined ? undefined : Duration.parse(node.string('a duration'), node.where, node.field);
}
