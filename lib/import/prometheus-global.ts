import { Duration } from '../model/duration';
import { MonitoringConfigError } from '../model/errors';
import { PrometheusSettings } from '../model/environment';
import { checkLabelName, checkLabels } from '../model/names';
import { unsupportedField } from './messages';
import { ALERTING_FIELDS, ALERTMANAGER_ENTRY_FIELDS, PROMETHEUS_GLOBAL_FIELDS } from './prometheus-fields';
import { optional } from './shared';
import { SourceMap, SourceNode } from './yaml-source';

/** The program name used in secret messages. */
export const PROMETHEUS = 'Prometheus';

const GLOBAL_KEYS = ['scrape_interval', 'scrape_timeout', 'evaluation_interval', 'external_labels'];

/**
 * Prometheus' own defaults for a prometheus.yml without them (`DefaultGlobalConfig` in config/config.go, v3.5.3):
 * scrape every 1m with a 10s timeout, evaluate rules every 1m. An imported file keeps them, so it scrapes and
 * evaluates as often as it did, not at the library's 15s.
 */
export const PROMETHEUS_DEFAULTS = {
  scrapeInterval: Duration.minutes(1),
  scrapeTimeout: Duration.seconds(10),
  evaluationInterval: Duration.minutes(1),
} as const;

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

/**
 * Imports the `global` section as PrometheusSettings. What the file leaves out takes Prometheus' own default
 * ({@link PROMETHEUS_DEFAULTS}; the timeout is 10s but never longer than the interval), so the settings always hold
 * the scrape interval, scrape timeout and evaluation interval the file ran with.
 */
export function importGlobal(node: SourceNode | undefined): PrometheusSettings {
  const global = node?.map('global settings');
  global?.checkKeys('global', GLOBAL_KEYS, {}, PROMETHEUS_GLOBAL_FIELDS);
  const interval = (global && duration(global, 'scrape_interval')) ?? PROMETHEUS_DEFAULTS.scrapeInterval;
  let timeout = global && duration(global, 'scrape_timeout');
  // Prometheus' own default: the timeout is 10s, but never longer than the interval.
  if (timeout === undefined) timeout = PROMETHEUS_DEFAULTS.scrapeTimeout.isLongerThan(interval) ? interval : PROMETHEUS_DEFAULTS.scrapeTimeout;
  else if (timeout.isLongerThan(interval)) {
    const at = global!.get('scrape_timeout')!;
    throw at.invalid(`a timeout no longer than the scrape interval (${interval.toPrometheus()})`, timeout.toPrometheus());
  }
  const labelsNode = global?.opt('external_labels');
  const externalLabels = labelsNode === undefined ? undefined : labelMap(labelsNode);
  return {
    scrapeInterval: interval,
    scrapeTimeout: timeout,
    evaluationInterval: (global && duration(global, 'evaluation_interval')) ?? PROMETHEUS_DEFAULTS.evaluationInterval,
    ...optional('externalLabels', externalLabels),
  };
}

/**
 * Reads the Alertmanager targets of `alerting` (informational: a MonitoringStack sends alerts to its own
 * Alertmanager). `scheme: http` and `api_version: v2` are what the MonitoringStack uses, so they import; fields that
 * would change how alerts are sent (`path_prefix`, `timeout`, TLS, relabeling) are refused as not supported (yet).
 */
export function importAlerting(node: SourceNode | undefined): string[] {
  if (node === undefined) return [];
  const alerting = node.map('alerting settings');
  const owner = 'alerting (a MonitoringStack wires Prometheus to its own Alertmanager)';
  alerting.checkKeys(owner, ['alertmanagers'], {}, ALERTING_FIELDS);
  const targets: string[] = [];
  for (const am of alerting.opt('alertmanagers')?.seq('a list of Alertmanagers') ?? []) {
    const map = am.map('an Alertmanager entry with `static_configs`');
    map.checkKeys('alerting.alertmanagers[]', ['static_configs', 'scheme', 'api_version'], {}, ALERTMANAGER_ENTRY_FIELDS);
    const scheme = map.opt('scheme');
    if (scheme !== undefined && scheme.string('"http"') !== 'http') {
      throw scheme.invalid('"http": the MonitoringStack sends alerts to its own Alertmanager over its private network');
    }
    const apiVersion = map.opt('api_version');
    if (apiVersion !== undefined && apiVersion.string('"v2"') !== 'v2') throw apiVersion.invalid('"v2" (the only Alertmanager API Prometheus 3 speaks)');
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
