// The import corpus: public prometheus.yml, rule and alertmanager.yml files teams run (test/import/corpus/SOURCES.md).
// Each file either imports, synthesizes, passes the oracles and comes back equivalent, or is refused with a message
// that names the file, line, field and reason. The expected outcome of every file is written down below, so a
// regression in either direction fails.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { AlertGroup, AlertRouting, MonitoringStack, ServiceScrape } from '../../lib';
import { importAlertmanagerConfig, importPrometheusRules, importScrapeConfigs } from '../../lib/import';
import { amtoolReceivers, writeAlertmanagerConfig } from '../overview/amtool';
import { dockerEnvironment, synthJson } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';
import { canonicalDuration, normalizeRuleGroups, normalizeScrapeJobs, readYaml } from './helpers';

const ROOT = path.join(__dirname, 'corpus');

/** How a file is read: a prometheus.yml, a rule file, a PrometheusRule manifest (its `spec` is a rule file), an alertmanager.yml. */
type Kind = 'prometheus' | 'rules' | 'prometheusrule' | 'alertmanager';

/** What a file is expected to do today. */
interface Expected {
  readonly kind: Kind;
  /** `imports`, or the exact refusal message (it names the file, line:column, field and reason). */
  readonly outcome: 'imports' | string;
  /** For rule files: how many warnings for two rules that nothing tells apart. @default 0 */
  readonly duplicateWarnings?: number;
  /**
   * The branch whose merge is expected to change this outcome, and how: service discovery (`sd`) or complete
   * receivers and Alertmanager fields (`receivers`). Recorded here so the table is updated on purpose after a merge.
   * @default - none
   */
}

const IMPORTS = 'imports';
const rules = (duplicateWarnings = 0): Expected => ({ kind: 'rules', outcome: IMPORTS, duplicateWarnings });
const promRule = (duplicateWarnings = 0): Expected => ({ kind: 'prometheusrule', outcome: IMPORTS, duplicateWarnings });

/** Every file of the corpus, with its expected outcome. */
const CORPUS: Readonly<Record<string, Expected>> = {
  'alertmanager/cli_testdata_conf.routing.yml': {
    kind: 'alertmanager',
    outcome:
      'alertmanager/cli_testdata_conf.routing.yml:5:3, templates: got ["/etc/alertmanager/template/*.tmpl"], expected templates given as text: the importer ' +
      'reads no files; pass them with importAlertmanagerConfig(yaml, where, { templates: { <name>: <text> } })',
  },
  'alertmanager/config_testdata_conf.good.yml': {
    kind: 'alertmanager',
    outcome:
      'alertmanager/config_testdata_conf.good.yml:6:23, global.smtp_auth_password: is a literal secret (value not shown); secrets must not be literals in config ' +
      'files: use `smtp_auth_password_file` (a path inside the Alertmanager container; imported as Secret.fromFile) or declare it in code with Secret.fromVariable(...)',
  },
  'alertmanager/doc_examples_route_labels.yml': {
    kind: 'alertmanager',
    outcome:
      'alertmanager/doc_examples_route_labels.yml:22:3, route.labels: `labels` of the root route is not supported by cdktf-monitoring (yet); route labels ' +
      '(Alertmanager 0.34+, templated labels added to the alert group) are not modelled by AlertRouting yet; supported: `receiver`, `group_by`, `group_wait`, ' +
      '`group_interval`, `repeat_interval`, `routes`',
  },
  'alertmanager/doc_examples_simple.yml': {
    kind: 'alertmanager',
    outcome:
      'alertmanager/doc_examples_simple.yml:124:1, tracing: `tracing` of an Alertmanager configuration is not supported by cdktf-monitoring (yet); ' +
      "Alertmanager's own tracing (0.30+) is not configured by cdktf-monitoring; remove it, or keep it in a file you manage; supported: `global`, `route`, " +
      '`receivers`, `inhibit_rules`, `time_intervals`, `mute_time_intervals`, `templates`',
  },
  'awesome-prometheus-alerts/blackbox_blackbox-exporter.yml': rules(),
  'awesome-prometheus-alerts/coredns_embedded-exporter.yml': rules(),
  'awesome-prometheus-alerts/docker-containers_google-cadvisor.yml': rules(),
  'awesome-prometheus-alerts/elasticsearch_prometheus-community-elasticsearch-exporter.yml': rules(),
  'awesome-prometheus-alerts/etcd_embedded-exporter.yml': rules(),
  'awesome-prometheus-alerts/haproxy_embedded-exporter-v2.yml': rules(),
  'awesome-prometheus-alerts/host-and-hardware_node-exporter.yml': rules(),
  'awesome-prometheus-alerts/jvm_jvm-exporter.yml': rules(),
  'awesome-prometheus-alerts/kubernetes_kubestate-exporter.yml': rules(),
  'awesome-prometheus-alerts/loki_embedded-exporter.yml': rules(),
  'awesome-prometheus-alerts/mongodb_percona-mongodb-exporter.yml': rules(),
  'awesome-prometheus-alerts/mysql_mysqld-exporter.yml': rules(),
  'awesome-prometheus-alerts/nginx_knyar-nginx-exporter.yml': rules(),
  'awesome-prometheus-alerts/postgresql_postgres-exporter.yml': rules(),
  'awesome-prometheus-alerts/prometheus-self-monitoring_embedded-exporter.yml': rules(),
  'awesome-prometheus-alerts/promtail_embedded-exporter.yml': rules(),
  'awesome-prometheus-alerts/rabbitmq_rabbitmq-exporter.yml': rules(),
  'awesome-prometheus-alerts/redis_oliver006-redis-exporter.yml': rules(),
  'awesome-prometheus-alerts/traefik_embedded-exporter-v2.yml': rules(),
  'dockprom/alertmanager_config.yml': {
    kind: 'alertmanager',
    outcome:
      'dockprom/alertmanager_config.yml:11:22, receiver slack, receivers[0].slack_configs[0].api_url: is a literal secret (value not shown); secrets must not ' +
      'be literals in config files: use `api_url_file` (a path inside the Alertmanager container; imported as Secret.fromFile) or declare it in code with ' +
      'Secret.fromVariable(...)',
  },
  'dockprom/prometheus_alert.rules': rules(),
  'dockprom/prometheus_prometheus.yml': { kind: 'prometheus', outcome: IMPORTS },
  'kube-prometheus/manifests_alertmanager-prometheusRule.yaml': promRule(),
  'kube-prometheus/manifests_kubeStateMetrics-prometheusRule.yaml': promRule(),
  // Four `code_verb:apiserver_request_total:increase1h` rules with the same labels (their expressions differ by code).
  'kube-prometheus/manifests_kubernetesControlPlane-prometheusRule.yaml': promRule(3),
  'kube-prometheus/manifests_nodeExporter-prometheusRule.yaml': promRule(),
  'kube-prometheus/manifests_prometheus-prometheusRule.yaml': promRule(),
  'node_exporter/example-16-compatibility-rules.yml': rules(),
  'node_exporter/example-17-compatibility-rules.yml': rules(),
  'prometheus/cmd_promtool_testdata_rules.yml': rules(),
  'prometheus/cmd_promtool_testdata_rules_duplicates.yml': rules(1),
  'prometheus/documentation_examples_prometheus-agent.yml': {
    kind: 'prometheus',
    outcome:
      'prometheus/documentation_examples_prometheus-agent.yml:20:1, remote_write: `remote_write` of a Prometheus configuration is not supported by ' +
      'cdktf-monitoring (yet); supported: `global`, `rule_files`, `scrape_configs`, `alerting`',
  },
  // docker_sd_configs with keep and labelmap relabeling.
  'prometheus/documentation_examples_prometheus-docker.yml': { kind: 'prometheus', outcome: IMPORTS },
  'prometheus/documentation_examples_prometheus-dockerswarm.yml': {
    kind: 'prometheus',
    outcome:
      'prometheus/documentation_examples_prometheus-dockerswarm.yml:16:5, job docker, scrape_configs[1].dockerswarm_sd_configs: service discovery with ' +
      '`dockerswarm_sd_configs` is not supported by cdktf-monitoring; supported: `static_configs`, `docker_sd_configs`, `file_sd_configs`, `dns_sd_configs`, ' +
      '`http_sd_configs`, `kubernetes_sd_configs` (list the targets in static_configs, or write them to a file for file_sd_configs)',
  },
  'prometheus/documentation_examples_prometheus-kubernetes.yml': {
    kind: 'prometheus',
    outcome:
      'prometheus/documentation_examples_prometheus-kubernetes.yml:14:3, global.keep_dropped_targets: `keep_dropped_targets` of global is not supported by ' +
      'cdktf-monitoring (yet); supported: `scrape_interval`, `scrape_timeout`, `evaluation_interval`, `external_labels`',
  },
  'prometheus/documentation_examples_prometheus-otlp.yml': {
    kind: 'prometheus',
    outcome:
      'prometheus/documentation_examples_prometheus-otlp.yml:28:1, storage: `storage` of a Prometheus configuration is not supported by cdktf-monitoring (yet); ' +
      'supported: `global`, `rule_files`, `scrape_configs`, `alerting`',
  },
  'prometheus/documentation_examples_prometheus.yml': {
    kind: 'prometheus',
    outcome: expect.stringMatching(
      /^prometheus\/documentation_examples_prometheus\.yml:33:5, job prometheus, scrape_configs\[0\]\.scrape_native_histograms: `scrape_native_histograms` of a scrape job is not supported by cdktf-monitoring \(yet\); supported: `job_name`, /,
    ) as unknown as string,
  },
  'vegasbrianc-prometheus/alertmanager_config.yml': { kind: 'alertmanager', outcome: IMPORTS },
  'vegasbrianc-prometheus/prometheus_alert.rules': rules(),
  'vegasbrianc-prometheus/prometheus_prometheus.yml': { kind: 'prometheus', outcome: IMPORTS },
};

/** The corpus files on disk, as `<dir>/<file>`. */
function corpusFiles(): string[] {
  return fs
    .readdirSync(ROOT)
    .filter((dir) => fs.statSync(path.join(ROOT, dir)).isDirectory())
    .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).map((file) => `${dir}/${file}`))
    .sort();
}

const read = (name: string) => fs.readFileSync(path.join(ROOT, name), 'utf8');

/** A PrometheusRule manifest's `spec` as rule file text, with blank lines above it so positions stay those of the manifest. */
function ruleFileOfManifest(text: string): string {
  const lines = text.split('\n');
  const spec = lines.findIndex((l) => l === 'spec:');
  if (spec < 0) throw new Error('test: no top-level spec: in the manifest');
  return [...lines.slice(0, spec + 1).map(() => ''), ...lines.slice(spec + 1).map((l) => l.replace(/^ {2}/, ''))].join('\n');
}

/** The file's first refusal message, or `imports`. */
function outcomeOf(name: string, kind: Kind, text: string): string {
  try {
    if (kind === 'prometheus') importScrapeConfigs(text, name);
    else if (kind === 'alertmanager') importAlertmanagerConfig(text, name);
    else importPrometheusRules(kind === 'prometheusrule' ? ruleFileOfManifest(text) : text, name);
    return IMPORTS;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Zero durations are Prometheus' default (`for: 0m` is no `for`), so they compare as absent. */
function withoutZeroDurations(groups: unknown[]): unknown {
  return JSON.parse(JSON.stringify(groups), (key, value) => ((key === 'for' || key === 'keep_firing_for') && value === '0s' ? undefined : value));
}

function renderedOf(monitoring: MonitoringStack, stack: TerraformStack): Record<string, string> {
  synthJson(stack);
  return monitoring.renderedFiles();
}

/** A prometheus.yml: same jobs (each equal by meaning), same global; promtool accepts the rendered file. */
function checkPrometheus(name: string, text: string): void {
  const imported = importScrapeConfigs(text, name);
  // A file with docker_sd_configs needs the socket's group (any gid: nothing is applied here).
  const { stack, monitoring } = dockerEnvironment({ prometheus: imported.settings }, { dockerSocket: { groupId: 998 } });
  ServiceScrape.fromPrometheusConfig(monitoring, text, name);
  const files = renderedOf(monitoring, stack);
  const dir = writeTempFiles(files);
  try {
    const check = runTool('promtool', ['check', 'config', path.join(dir, 'prometheus/prometheus.yml')]);
    expect({ name, output: check.output, status: check.status }).toEqual({ name, output: expect.stringContaining('SUCCESS'), status: 0 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const original = readYaml(text);
  const rendered = readYaml(files['prometheus/prometheus.yml']);
  const names = new Set(original.scrape_configs.map((j: { job_name: string }) => j.job_name));
  // Every job of the file, equal by meaning; the host's built-in jobs that the file does not replace come on top.
  expect(normalizeScrapeJobs({ scrape_configs: rendered.scrape_configs.filter((j: { job_name: string }) => names.has(j.job_name)) })).toEqual(
    normalizeScrapeJobs(original),
  );
  expect(monitoring.model.activeBuiltInJobs.every((b) => !names.has(b.job.jobName))).toBe(true);
  const g = original.global ?? {};
  expect([rendered.global.scrape_interval, rendered.global.scrape_timeout, rendered.global.evaluation_interval].map(canonicalDuration)).toEqual([
    canonicalDuration(g.scrape_interval ?? '1m'),
    canonicalDuration(g.scrape_timeout ?? '10s'),
    canonicalDuration(g.evaluation_interval ?? '1m'),
  ]);
  expect(rendered.global.external_labels).toEqual(expect.objectContaining(g.external_labels ?? {}));
}

/** A rule file: same groups and rules by meaning; promtool accepts every rendered rule file. */
function checkRules(name: string, text: string, expected: Expected): void {
  const ruleText = expected.kind === 'prometheusrule' ? ruleFileOfManifest(text) : text;
  expect(importPrometheusRules(ruleText, name).warnings).toHaveLength(expected.duplicateWarnings ?? 0);
  const { stack, monitoring } = dockerEnvironment();
  const groups = AlertGroup.fromPrometheusRules(monitoring, 'corpus', ruleText, name);
  const files = renderedOf(monitoring, stack);
  const ruleFiles = groups.map((g) => `prometheus/rules/${g.group.fileName}`);
  const dir = writeTempFiles(files);
  try {
    const check = runTool('promtool', ['check', 'rules', ...ruleFiles.map((f) => path.join(dir, f))]);
    expect({ name, status: check.status }).toEqual({ name, status: 0 });
    // promtool's duplicate-rules lint (a FAILED line with exit status 0) agrees with the importer's warnings.
    expect({ name, lint: /lint error \d+ duplicate rule/.test(check.output), errors: check.output.replace(/FAILED:\nlint error[\s\S]*?expressions\n/g, '').includes('FAILED') }).toEqual({
      name,
      lint: (expected.duplicateWarnings ?? 0) > 0,
      errors: false,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const rendered = ruleFiles.flatMap((f) => normalizeRuleGroups(readYaml(files[f])));
  expect(withoutZeroDurations(rendered)).toEqual(withoutZeroDurations(normalizeRuleGroups(readYaml(ruleText))));
}

/** Label sets that reach each route of the file: its matchers and its ancestors' (`=`, and the first branch of a simple `=~`). */
function labelSetsOf(route: any, inherited: Record<string, string> = {}): Record<string, string>[] {
  const labels: Record<string, string> = { ...inherited };
  const add = (label: string, op: string, value: string) => {
    if (op === '=') labels[label] = value;
    if (op === '=~' && /^[\w .:-]+(\|[\w .:-]+)*$/.test(value)) labels[label] = value.split('|')[0];
  };
  for (const m of route.matchers ?? []) {
    const parsed = /^\s*\{?\s*([a-zA-Z_]\w*)\s*(=~|!=|!~|=)\s*"?(.*?)"?\s*\}?\s*$/.exec(String(m));
    if (parsed) add(parsed[1], parsed[2], parsed[3]);
  }
  for (const [k, v] of Object.entries(route.match ?? {})) add(k, '=', String(v));
  for (const [k, v] of Object.entries(route.match_re ?? {})) add(k, '=~', String(v));
  return [{ alertname: 'CorpusProbe', ...labels }, ...(route.routes ?? []).flatMap((child: any) => labelSetsOf(child, labels))];
}

/** An alertmanager.yml: amtool accepts the rendered file, and routes every derived label set to the same receivers. */
function checkAlertmanager(name: string, text: string): void {
  const imported = importAlertmanagerConfig(text, name);
  const { stack, monitoring } = dockerEnvironment({ alertmanager: imported.settings });
  AlertRouting.fromAlertmanagerConfig(monitoring, 'routing', text, { source: name });
  const files = renderedOf(monitoring, stack);
  const renderedFile = writeAlertmanagerConfig(files['alertmanager/alertmanager.yml']);
  const check = runTool('amtool', ['check-config', renderedFile]);
  expect({ name, status: check.status, output: check.output }).toEqual({ name, status: 0, output: expect.stringContaining('SUCCESS') });
  const originalFile = writeAlertmanagerConfig(text);
  const labelSets = labelSetsOf(readYaml(text).route);
  expect(labelSets.length).toBeGreaterThan(0);
  for (const labels of labelSets) {
    expect({ name, labels, receivers: amtoolReceivers(renderedFile, labels) }).toEqual({ name, labels, receivers: amtoolReceivers(originalFile, labels) });
  }
}

describe('the import corpus (test/import/corpus/SOURCES.md)', () => {
  test('the table lists every corpus file, and only those', () => {
    expect(Object.keys(CORPUS).sort()).toEqual(corpusFiles().filter((f) => f !== 'SOURCES.md'));
  });

  test.each(Object.entries(CORPUS))('%s', (name, expected) => {
    const text = read(name);
    const outcome = outcomeOf(name, expected.kind, text);
    expect(outcome).toEqual(expected.outcome);
    if (outcome !== IMPORTS) {
      // A refusal names the file and line:column, then the YAML path of the field, then the reason.
      expect(outcome).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+, (?:[^:]+, )?[\\w.[\\]]+: \\S`));
      return;
    }
    if (expected.kind === 'prometheus') checkPrometheus(name, text);
    else if (expected.kind === 'alertmanager') checkAlertmanager(name, text);
    else checkRules(name, text, expected);
  });

  test('the counts: imported and refused with a reason', () => {
    const entries = Object.values(CORPUS);
    const imported = entries.filter((e) => e.outcome === IMPORTS).length;
    expect({ total: entries.length, imported, refused: entries.length - imported }).toEqual({ total: 44, imported: 34, refused: 10 });
  });
});
