/**
 * Where rendered files live. Every component's files are rendered under `<component>/` and placed, in the
 * running program, under {@link CONFIG_ROOT}; relative references between files (rule_files, the dashboard
 * provider path) therefore work both in the container and in a checkout where promtool runs.
 */
export const CONFIG_ROOT = '/etc/monitoring';

/** The components that get rendered files (and `exporters`, which only get secret files). */
export type Component = 'prometheus' | 'alertmanager' | 'grafana' | 'blackbox' | 'exporters' | 'tests' | 'loki' | 'alloy' | 'promtail';

/** Logical paths of the rendered files (relative to the rendered-files root). */
export const FILES = {
  prometheusConfig: 'prometheus/prometheus.yml',
  ruleFile: (fileName: string) => `prometheus/rules/${fileName}`,
  /** promtool unit tests: not shipped to any program, run in CI (`promtool test rules tests/*.test.yml`). */
  ruleTests: (fileName: string) => `tests/${fileName.replace(/\.yml$/, '')}.test.yml`,
  alertmanagerConfig: 'alertmanager/alertmanager.yml',
  blackboxConfig: 'blackbox/blackbox.yml',
  lokiConfig: 'loki/loki.yaml',
  /** Loki's local ruler storage reads `<rulesDir>/<tenant>/`; the single tenant is `fake`. */
  lokiRuleFile: (fileName: string) => `loki/rules/fake/${fileName}`,
  alloyConfig: 'alloy/config.alloy',
  promtailConfig: 'promtail/config.yml',
  alertmanagerTemplate: (name: string) => `alertmanager/templates/${name}.tmpl`,
  grafanaDataSources: 'grafana/provisioning/datasources/datasources.yml',
  grafanaDashboardProvider: 'grafana/provisioning/dashboards/dashboards.yml',
  grafanaAlerting: 'grafana/provisioning/alerting/alerting.yml',
  grafanaDashboard: (relative: string) => `grafana/dashboards/${relative}`,
  /** Who is paged for what, for reviewers: not shipped to any program. */
  overviewPaging: 'overview/paging.md',
  /** The environment's overview page, for people: not shipped to any program. */
  overviewPage: 'overview/index.html',
} as const;

/** The component a logical path belongs to. */
export function componentOf(path: string): Component {
  return path.split('/')[0] as Component;
}

/** Where a logical path lands inside its component's container. */
export function containerPathOf(path: string): string {
  return `${CONFIG_ROOT}/${path.split('/').slice(1).join('/')}`;
}
