import { MonitoringEnvironment } from '../model/environment';
import { CONFIG_ROOT, FILES } from '../model/layout';
import { renderAlertmanagerConfig } from './alertmanager-config';
import { renderBlackboxConfig } from './blackbox-config';
import { grafanaAlertingDocument } from './grafana-alert-rules';
import { generatedHeader, toYaml } from './yaml';
import { renderAlloyConfig } from './logs/alloy-config';
import { renderLokiConfig } from './logs/loki-config';
import { renderLokiRuleFile } from './logs/loki-rule-file';
import { renderPromtailConfig } from './logs/promtail-config';
import { dashboardFileName, renderDashboardJson, renderDashboardProvider, renderDataSources } from './grafana-provisioning';
import { renderPrometheusConfig } from './prometheus-config';
import { renderFileSdFiles } from './service-discovery';
import { RuleGroupModel } from '../model/rules';
import { EnvironmentTopology } from '../model/topology';
import { renderOverviewFiles } from './overview/overview-files';
import { renderRuleFile } from './rule-file';
import { renderPromtoolTests } from './promtool-tests';

/** Rendered files of an environment: logical path → file text, in path order. */
export type RenderedFiles = Readonly<Record<string, string>>;

/** Which components to render. A target that runs no Grafana does not need its provisioning files. */
export interface RenderSelection {
  /** prometheus.yml, the rule files and the promtool test files. @default true */
  readonly prometheus?: boolean;
  /** alertmanager.yml and its templates. @default true */
  readonly alertmanager?: boolean;
  /** Grafana provisioning (data sources, dashboard providers, dashboards). @default true (`MonitoringStack.renderedFiles()` asks for it only when a target runs a Grafana provisioned from files) */
  readonly grafana?: boolean;
  /** blackbox.yml, when a probe uses blackbox-exporter. @default true */
  readonly blackbox?: boolean;
  /** Loki's and the log agent's configuration, when the environment has a LogPipeline. @default true */
  readonly logs?: boolean;
  /** The paging table and overview page (`overview/`). @default true */
  readonly overview?: boolean;
}

/** The host name the log agent reaches Loki by (the Loki container's network alias). */
export const LOKI_HOST = 'loki';

/**
 * Rule files by rule group. Rule group models are immutable (`AlertGroup.addRule` replaces its group), so each
 * group's file is rendered once, even when the environment is rendered again after another change, e.g. when a
 * target's aspect changes prometheus.yml at synth after the files were first rendered.
 */
const ruleFiles = new WeakMap<RuleGroupModel, string>();

function ruleFileOf(group: RuleGroupModel): string {
  let text = ruleFiles.get(group);
  if (text === undefined) {
    text = renderRuleFile(group);
    ruleFiles.set(group, text);
  }
  return text;
}

/**
 * Renders every file of the environment. Pure: the same environment always gives the same text. `topology` (what the
 * targets run) is drawn on the overview page; without it the page shows only what the model knows.
 */
export function renderEnvironmentFiles(env: MonitoringEnvironment, select: RenderSelection = {}, topology?: EnvironmentTopology): RenderedFiles {
  const files: Record<string, string> = {};
  if (select.prometheus !== false) {
    const prometheus = env.prometheusModel();
    files[FILES.prometheusConfig] = renderPrometheusConfig(prometheus, env.name);
    // Target files of Discovery.files({ targetGroups }), next to prometheus.yml (referenced relative to it).
    for (const job of prometheus.scrapeJobs) for (const [path, text] of Object.entries(renderFileSdFiles(job))) files[`prometheus/${path}`] = text;
    for (const group of prometheus.ruleGroups) files[FILES.ruleFile(group.fileName)] = ruleFileOf(group);
    const groups = new Map(prometheus.ruleGroups.map((g) => [g.name, g]));
    for (const suite of env.ruleTests) {
      const group = groups.get(suite.groupName);
      if (group) files[FILES.ruleTests(group.fileName)] = renderPromtoolTests(suite);
    }
  }
  if (select.alertmanager !== false) {
    const alertmanager = env.alertmanagerModel();
    files[FILES.alertmanagerConfig] = renderAlertmanagerConfig(alertmanager, env.name);
    for (const [name, text] of Object.entries(alertmanager.templates ?? {})) files[FILES.alertmanagerTemplate(name)] = text;
  }
  if (select.blackbox !== false && env.blackboxModules.length > 0) {
    files[FILES.blackboxConfig] = renderBlackboxConfig(env.blackboxModules);
  }
  const logs = env.logs;
  if (logs && select.logs !== false) {
    // Without LogQL rules the ruler is left out: its local storage would list a rules directory that does not exist
    // and log an error every evaluation interval.
    files[FILES.lokiConfig] = renderLokiConfig(env.lokiRuleGroups.length > 0 ? logs.loki : { ...logs.loki, ruler: undefined });
    for (const group of env.lokiRuleGroups) {
      files[FILES.lokiRuleFile(group.fileName)] = renderLokiRuleFile(group.name, group.rules, { interval: group.interval, limit: group.limit });
    }
    const lokiUrl = `http://${LOKI_HOST}:${logs.loki.httpPort}`;
    if (logs.agent === 'alloy') files[FILES.alloyConfig] = renderAlloyConfig(logs.pipeline, lokiUrl);
    else files[FILES.promtailConfig] = renderPromtailConfig(logs.pipeline, lokiUrl);
  }
  if (select.grafana !== false) {
    files[FILES.grafanaDataSources] = renderDataSources(env.allDataSources);
    files[FILES.grafanaDashboardProvider] = renderDashboardProvider(`${CONFIG_ROOT}/dashboards`);
    if (env.grafanaAlerting) {
      files[FILES.grafanaAlerting] = toYaml(
        grafanaAlertingDocument(env.ruleGroups, env.prometheus.evaluationInterval, env.grafanaAlerting),
        generatedHeader('Grafana-managed alerting: the Prometheus rules evaluated by Grafana, sent to the environment\'s Alertmanager.'),
      );
    }
    for (const dashboard of env.allDashboards) {
      files[FILES.grafanaDashboard(dashboardFileName(dashboard))] = renderDashboardJson(dashboard);
    }
  }
  if (select.overview !== false) Object.assign(files, renderOverviewFiles(env, topology, Object.keys(files)));
  const sorted: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) sorted[path] = files[path];
  return sorted;
}
