/**
 * Typed cdktf bindings for the grafana/grafana Terraform provider, `~> 4.45`, laid out like the
 * prebuilt `@cdktf/provider-*` packages: one namespace per resource, e.g.
 * `new ruleGroup.RuleGroup(this, 'rules', {...})`, `new provider.GrafanaProvider(this, 'grafana', {...})`.
 */
export * as contactPoint from './contact-point';
export * as dashboard from './dashboard';
export * as dataSource from './data-source';
export * as folder from './folder';
export * as messageTemplate from './message-template';
export * as muteTiming from './mute-timing';
export * as notificationPolicy from './notification-policy';
export * as ruleGroup from './rule-group';
export * as provider from './provider';
