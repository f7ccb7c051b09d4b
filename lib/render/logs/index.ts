// Renderers for the log pipeline: Loki config and rule files, Grafana Alloy and Promtail configs.
export * from './alloy-config';
export * from './alloy-syntax';
export * from './loki-config';
export * from './loki-rule-file';
export * from './promtail-config';
export * from './units';
