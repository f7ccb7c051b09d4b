// Importers: existing Prometheus and Alertmanager YAML → the library's typed props. Pure: no cdktf import.
export { importPrometheusRules } from './prometheus-rules';
export type { ImportedRuleFile, ImportedRuleGroup } from './prometheus-rules';
export { importScrapeConfigs } from './scrape-configs';
export type { ImportedPrometheusConfig, ImportedScrapeJob } from './scrape-configs';
export { importAlertmanagerConfig } from './alertmanager-config';
export type { ImportAlertmanagerOptions, ImportedAlertmanagerConfig } from './alertmanager-config';
