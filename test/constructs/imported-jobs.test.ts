import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AlertGroup, ServiceScrape } from '../../lib';
import { Acknowledge } from '../../lib/constructs/acknowledge';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';
import { readYaml } from '../import/helpers';

/** The warnings cdktf prints after synth (validations run), as `[path] message`. */
function warnings(stack: TerraformStack): string[] {
  Testing.synth(stack, true);
  return stack.node
    .findAll()
    .flatMap((c: IConstruct) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => `[${c.node.path}] ${String(m.data)}`));
}

/** The rendered scrape jobs by name. */
function jobsOf(files: Record<string, string>): Record<string, Record<string, unknown>> {
  const config = readYaml(files['prometheus/prometheus.yml']) as { scrape_configs: Record<string, unknown>[] };
  return Object.fromEntries(config.scrape_configs.map((j) => [j.job_name as string, j]));
}

// dockprom's shape: its own `prometheus` and `cadvisor` jobs, node-exporter under another name, a job named `docker`.
const DOCKPROM_LIKE = `global:
  scrape_interval: 15s
  evaluation_interval: 15s
scrape_configs:
  - job_name: prometheus
    scrape_interval: 10s
    static_configs:
      - targets: ['localhost:9090']
  - job_name: cadvisor
    scrape_interval: 5s
    static_configs:
      - targets: ['cadvisor:8080']
  - job_name: nodeexporter
    static_configs:
      - targets: ['node-exporter:9100']
  - job_name: docker
    static_configs:
      - targets: ['host.docker.internal:9323']
`;

describe('jobs the environment already has', () => {
  test("a user job named like a built-in one replaces it (the user's settings apply, a warning says so); ids never collide", () => {
    const { stack, monitoring } = dockerEnvironment();
    const scrapes = ServiceScrape.fromPrometheusConfig(monitoring, DOCKPROM_LIKE);
    // `docker` is the DockerHostTarget's own id; the imported job's id is job-docker.
    expect(scrapes.map((s) => [s.node.id, s.jobName])).toEqual([
      ['job-prometheus', 'prometheus'],
      ['job-cadvisor', 'cadvisor'],
      ['job-nodeexporter', 'nodeexporter'],
      ['job-docker', 'docker'],
    ]);
    const found = warnings(stack);
    const jobs = jobsOf(monitoring.renderedFiles());
    // One job per name: the user's prometheus (10s) and cadvisor (5s); the built-in alertmanager, grafana and node stay.
    expect(Object.keys(jobs).sort()).toEqual(['alertmanager', 'cadvisor', 'docker', 'grafana', 'node', 'nodeexporter', 'prometheus']);
    expect(jobs.prometheus.scrape_interval).toBe('10s');
    expect(jobs.cadvisor.scrape_interval).toBe('5s');
    expect(found.filter((w) => w.includes('replaced-builtin-job'))).toEqual([
      '[test/monitoring/job-prometheus] ServiceScrape test/monitoring/job-prometheus: job "prometheus" replaces the built-in job of the same name ' +
        "(DockerHostTarget scrapes localhost:9090); this job's targets and settings apply. To keep both, rename this job; to scrape neither, " +
        'remove this job and set DockerHostTarget builtInJobs: { prometheus: false } (warning "replaced-builtin-job"; if this is intended, ' +
        "acknowledge it: Acknowledge.of(construct).add('replaced-builtin-job', 'why'))",
      expect.stringMatching(/^\[test\/monitoring\/job-cadvisor\] .*job "cadvisor" replaces the built-in job .*builtInJobs: \{ cadvisor: false \}/),
    ]);
    // node-exporter scraped twice under two job names.
    expect(found.filter((w) => w.includes('duplicate-target'))).toEqual([
      expect.stringContaining(
        'job "nodeexporter" scrapes node-exporter:9100, which the built-in job "node" scrapes too, so every series is stored twice (job="nodeexporter" and job="node"); ' +
          'name this job "node" to replace the built-in one, or set DockerHostTarget builtInJobs: { node: false }',
      ),
    ]);
    const dir = writeTempFiles(monitoring.renderedFiles());
    expect(runTool('promtool', ['check', 'config', path.join(dir, 'prometheus/prometheus.yml')]).output).toContain('SUCCESS');
  });

  test('builtInJobs turns built-in jobs off; the container still runs', () => {
    const { stack, monitoring } = dockerEnvironment({}, { builtInJobs: { node: false, grafana: false } });
    ServiceScrape.fromPrometheusConfig(monitoring, DOCKPROM_LIKE);
    expect(warnings(stack).filter((w) => w.includes('duplicate-target'))).toEqual([]);
    expect(Object.keys(jobsOf(monitoring.renderedFiles())).sort()).toEqual(['alertmanager', 'cadvisor', 'docker', 'nodeexporter', 'prometheus']);
    const json = JSON.parse(Testing.synth(stack)) as { resource: Record<string, Record<string, { name?: string }>> };
    expect(Object.values(json.resource.docker_container).map((c) => c.name)).toEqual(expect.arrayContaining(['dev-node-exporter', 'dev-grafana']));
  });

  test('builtInJobs is checked', () => {
    expect(() => dockerEnvironment({}, { builtInJobs: { nodes: false } as never })).toThrow(
      'DockerHostTarget of MonitoringStack test/monitoring, builtInJobs: got "nodes", expected one of prometheus, alertmanager, grafana, node, cadvisor, loki, logAgent',
    );
    expect(() => dockerEnvironment({}, { builtInJobs: { node: 'no' } as never })).toThrow(
      'DockerHostTarget of MonitoringStack test/monitoring, builtInJobs.node: got "no", expected true or false',
    );
  });

  test('the replacement warning can be acknowledged', () => {
    const { stack, monitoring } = dockerEnvironment();
    for (const scrape of ServiceScrape.fromPrometheusConfig(monitoring, DOCKPROM_LIKE)) Acknowledge.of(scrape).add('replaced-builtin-job', 'our own job');
    expect(warnings(stack).filter((w) => w.includes('replaced-builtin-job'))).toEqual([]);
  });
});

describe("an imported prometheus.yml's global, applied or named", () => {
  test('no global: Prometheus scraped every 1m; each job keeps 1m, and the evaluation interval is named', () => {
    const { stack, monitoring } = dockerEnvironment();
    ServiceScrape.fromPrometheusConfig(monitoring, "scrape_configs:\n  - job_name: api\n    static_configs: [{ targets: ['api:8000'] }]\n  - job_name: fast\n    scrape_interval: 5s\n    static_configs: [{ targets: ['fast:8000'] }]\n");
    const jobs = jobsOf(monitoring.renderedFiles());
    expect([jobs.api.scrape_interval, jobs.api.scrape_timeout]).toEqual(['1m', undefined]);
    // A job with its own interval: Prometheus caps the 10s global timeout at 5s, as the stack does.
    expect([jobs.fast.scrape_interval, jobs.fast.scrape_timeout]).toEqual(['5s', undefined]);
    expect(warnings(stack).filter((w) => w.includes('imported-settings'))).toEqual([
      expect.stringContaining(
        'ServiceScrape test/monitoring from prometheus.yml: the file scrapes every 1m (scrape_interval) with scrape_timeout 10s (Prometheus\' defaults 1m and 10s where `global` sets none), ' +
          "the stack every 15s with 10s: 1 imported job(s) get the file's interval and timeout set on the job, so they scrape as they did.",
      ),
      expect.stringContaining(
        'the file evaluates rules every 1m (evaluation_interval; Prometheus\' default 1m where `global` sets none), the stack every 15s: its rules evaluate at the stack\'s interval. ' +
          "Set `prometheus: { evaluationInterval: '1m' }` on the MonitoringStack",
      ),
    ]);
  });

  test("the same global as the stack's: nothing to apply, nothing to say; external labels the stack lacks are named", () => {
    const same = dockerEnvironment();
    ServiceScrape.fromPrometheusConfig(same.monitoring, DOCKPROM_LIKE);
    expect(warnings(same.stack).filter((w) => w.includes('imported-settings'))).toEqual([]);
    const labelled = dockerEnvironment({ prometheus: { externalLabels: { region: 'eu' } } });
    ServiceScrape.fromPrometheusConfig(labelled.monitoring, "global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\n  external_labels: { region: eu, monitor: docker-host-alpha }\n");
    expect(warnings(labelled.stack).filter((w) => w.includes('imported-settings'))).toEqual([
      expect.stringContaining(
        'the file\'s external_labels { monitor: "docker-host-alpha" } are not the stack\'s: set them as `prometheus: { externalLabels: { monitor: "docker-host-alpha" } }` on the MonitoringStack',
      ),
    ]);
  });
});

describe('rules sharing a name under Grafana-managed alerting', () => {
  test('each gets its own uid (titles may repeat since Grafana 12, grafana/grafana#102067; uids may not)', () => {
    const { stack, monitoring } = dockerEnvironment({}, { grafanaManagedAlerts: true });
    AlertGroup.fromPrometheusRules(
      monitoring,
      'disk',
      'groups:\n  - name: disk\n    rules:\n' +
        '      - alert: Disk usage (>80%)\n        expr: up == 0\n        labels: { severity: warning }\n' +
        '      - alert: Disk usage (>80%)\n        expr: up == 0\n        labels: { severity: critical }\n',
    );
    Testing.synth(stack, true);
    const doc = readYaml(monitoring.renderedFiles()['grafana/provisioning/alerting/alerting.yml']);
    const rules = doc.groups[0].rules as { uid: string; title: string }[];
    expect(rules.map((r) => r.title)).toEqual(['Disk usage (>80%)', 'Disk usage (>80%)']);
    expect(new Set(rules.map((r) => r.uid)).size).toBe(2);
  });
});

describe('imported rule groups: ids and warnings', () => {
  test('group names that slug alike or to nothing get distinct ids; indistinguishable rules warn at synth', () => {
    const { stack, monitoring } = dockerEnvironment();
    const groups = AlertGroup.fromPrometheusRules(
      monitoring,
      'rules',
      'groups:\n  - name: API health\n    rules:\n      - alert: Down\n        expr: up == 0\n      - alert: Down\n        expr: up < 1\n' +
        '  - name: api-health\n    rules: []\n  - name: "(>%)"\n    rules: []\n',
    );
    expect(groups.map((g) => [g.node.id, g.groupName, g.group.fileName])).toEqual([
      ['rules-api-health', 'API health', expect.stringMatching(/^API_health-[0-9a-f]{8}\.yml$/)],
      ['rules-api-health-2', 'api-health', 'api-health.yml'],
      ['rules-3', '(>%)', expect.stringMatching(/^group-[0-9a-f]{8}\.yml$/)],
    ]);
    expect(warnings(stack).filter((w) => w.includes('duplicate-rule'))).toEqual([
      expect.stringContaining('AlertGroup test/monitoring/rules-api-health, rules[1]: rule "Down" has the same name and labels as rules[0]; Prometheus loads both'),
    ]);
    const files = monitoring.renderedFiles();
    const dir = writeTempFiles(files);
    const ruleFiles = Object.keys(files).filter((f) => f.startsWith('prometheus/rules/'));
    expect(ruleFiles).toHaveLength(3);
    expect(runTool('promtool', ['check', 'rules', ...ruleFiles.map((f) => path.join(dir, f))]).status).toBe(0);
    expect(runTool('promtool', ['check', 'config', path.join(dir, 'prometheus/prometheus.yml')]).status).toBe(0);
  });
});
