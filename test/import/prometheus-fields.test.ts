import * as fs from 'fs';
import * as path from 'path';
import { importPrometheusRules, importScrapeConfigs } from '../../lib/import';
import {
  ALERTING_FIELDS,
  ALERTMANAGER_ENTRY_FIELDS,
  FIELDS_NEWER_THAN_3_5,
  PROMETHEUS_CONFIG_FIELDS,
  PROMETHEUS_GLOBAL_FIELDS,
  RULE_FIELDS,
  RULE_GROUP_FIELDS,
  SCRAPE_CONFIG_FIELDS,
} from '../../lib/import/prometheus-fields';
import { runTool, writeTempFiles } from '../helpers/tools';
import { errorOf } from './helpers';

/**
 * Service discovery mechanisms upstream v3.5.3 registers (discovery/install/install.go) that Debian's build of
 * promtool 3.5.3+ds1, the oracle, leaves out: it reports them as unknown fields. The official images have them.
 */
const NOT_IN_DEBIAN_BUILD = ['azure_sd_configs', 'consul_sd_configs', 'kuma_sd_configs', 'nomad_sd_configs', 'openstack_sd_configs', 'stackit_sd_configs'];

/** Keys the oracle's promtool (3.5.3) knows, each written as `key:` (null: Go's YAML leaves the zero value). */
const nulls = (keys: readonly string[], indent: string) =>
  keys.filter((k) => !FIELDS_NEWER_THAN_3_5.includes(k)).map((k) => `${indent}${k}:\n`).join('');

/** The "field X not found in type Y" lines promtool prints: the keys it does not have. */
function unknownFields(args: string[], files: Record<string, string>): string[] {
  const dir = writeTempFiles(files);
  try {
    const result = runTool('promtool', [...args, path.join(dir, Object.keys(files)[0])]);
    return [...result.output.matchAll(/field (\S+) not found in type/g)].map((m) => m[1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the fields current Prometheus has (lib/import/prometheus-fields.ts), against promtool', () => {
  test('promtool check config knows every listed prometheus.yml field, and reports a made-up one', () => {
    const text =
      nulls(PROMETHEUS_CONFIG_FIELDS.filter((k) => !['global', 'alerting', 'scrape_configs'].includes(k)), '') +
      `global:\n${nulls(PROMETHEUS_GLOBAL_FIELDS, '  ')}` +
      `alerting:\n${nulls(ALERTING_FIELDS.filter((k) => k !== 'alertmanagers'), '  ')}  alertmanagers:\n    - made_up_am_field:\n${nulls(ALERTMANAGER_ENTRY_FIELDS, '      ')}` +
      `scrape_configs:\n  - job_name: a\n    made_up_job_field:\n${nulls(SCRAPE_CONFIG_FIELDS.filter((k) => k !== 'job_name'), '    ')}`;
    // promtool reports every unknown field of the file at once: the two made-up ones, and the mechanisms Debian's
    // build leaves out (once in the job, once in the Alertmanager entry).
    const unknown = unknownFields(['check', 'config'], { 'prometheus.yml': text });
    expect([...new Set(unknown)].sort()).toEqual(['made_up_am_field', 'made_up_job_field', ...NOT_IN_DEBIAN_BUILD].sort());
    expect(unknown.filter((k) => NOT_IN_DEBIAN_BUILD.includes(k))).toHaveLength(2 * NOT_IN_DEBIAN_BUILD.length);
  });

  test('promtool check rules knows every listed rule group and rule field, and reports a made-up one', () => {
    const text = `groups:\n  - made_up_group_field:\n${nulls(RULE_GROUP_FIELDS.filter((k) => k !== 'rules'), '    ')}    rules:\n      - made_up_rule_field:\n${nulls(RULE_FIELDS, '        ')}`;
    expect(unknownFields(['check', 'rules'], { 'rules.yml': text }).sort()).toEqual(['made_up_group_field', 'made_up_rule_field']);
  });
});

describe('fields Prometheus has and the library does not (yet) are not called typos', () => {
  const job = (extra: string) => `scrape_configs:\n  - job_name: api\n    static_configs: [{ targets: ["api:8000"] }]\n${extra}`;

  test('scrape job fields of current Prometheus: not supported (yet); a misspelling of one: did you mean', () => {
    expect(errorOf(() => importScrapeConfigs(job('    keep_dropped_targets: 10\n'), 'p.yml'))).toMatch(
      /^p\.yml:4:5, job api, scrape_configs\[0\]\.keep_dropped_targets: `keep_dropped_targets` of a scrape job is not supported by cdktf-monitoring \(yet\); supported: `job_name`, /,
    );
    expect(errorOf(() => importScrapeConfigs(job('    scrape_native_histograms: true\n'), 'p.yml'))).toMatch(
      /scrape_configs\[0\]\.scrape_native_histograms: `scrape_native_histograms` of a scrape job is not supported by cdktf-monitoring \(yet\)/,
    );
    expect(errorOf(() => importScrapeConfigs(job('    keep_droped_targets: 10\n'), 'p.yml'))).toMatch(
      /keep_droped_targets: a scrape job has no `keep_droped_targets` \(did you mean `keep_dropped_targets`, which cdktf-monitoring does not support \(yet\)\?\); expected one of/,
    );
  });

  test('global and top-level fields of current Prometheus', () => {
    expect(errorOf(() => importScrapeConfigs('global:\n  keep_dropped_targets: 5\n', 'p.yml'))).toMatch(
      /^p\.yml:2:3, global\.keep_dropped_targets: `keep_dropped_targets` of global is not supported by cdktf-monitoring \(yet\); supported: `scrape_interval`/,
    );
    expect(errorOf(() => importScrapeConfigs('otlp:\n  promote_resource_attributes: [a]\n', 'p.yml'))).toMatch(
      /^p\.yml:1:1, otlp: `otlp` of a Prometheus configuration is not supported by cdktf-monitoring \(yet\)/,
    );
  });

  test('alerting.alertmanagers: scheme http and api_version v2 import (what the stack uses); other fields are named', () => {
    const alerting = (entry: string) => `alerting:\n  alertmanagers:\n    - ${entry}\n      static_configs: [{ targets: ["alertmanager:9093"] }]\n`;
    expect(importScrapeConfigs(alerting('scheme: http\n      api_version: v2'), 'p.yml').alertmanagers).toEqual(['alertmanager:9093']);
    expect(errorOf(() => importScrapeConfigs(alerting('scheme: https'), 'p.yml'))).toBe(
      'p.yml:3:15, alerting.alertmanagers[0].scheme: got "https", expected "http": the MonitoringStack sends alerts to its own Alertmanager over its private network',
    );
    expect(errorOf(() => importScrapeConfigs(alerting('path_prefix: /am'), 'p.yml'))).toMatch(
      /^p\.yml:3:7, alerting\.alertmanagers\[0\]\.path_prefix: `path_prefix` of alerting\.alertmanagers\[\] is not supported by cdktf-monitoring \(yet\)/,
    );
  });

  test('rule groups: `labels` and `query_offset` of Prometheus 3 are not supported (yet)', () => {
    const group = (extra: string) => `groups:\n  - name: g\n${extra}    rules: []\n`;
    expect(errorOf(() => importPrometheusRules(group('    labels: { team: a }\n'), 'r.yml'))).toBe(
      'r.yml:3:5, group g, groups[0].labels: `labels` of a rule group is not supported by cdktf-monitoring (yet); supported: `name`, `interval`, `limit`, `rules`',
    );
  });
});
