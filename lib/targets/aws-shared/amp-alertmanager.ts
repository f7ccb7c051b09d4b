import { parse } from 'yaml';
import { AlertmanagerModel } from '../../model/routing';
import { renderAlertmanagerConfig } from '../../render/alertmanager-config';
import { compact, generatedHeader, toYaml } from '../../render/yaml';
import { SnsReceiverPlan } from './sns-receivers';

// Engine-free (no cdktf, no aws-cdk-lib), shared by both AWS targets: the AMP flavour of alertmanager.yml, built on the environment's own renderer.

/** Where each receiver's SNS topic is, by receiver name. */
export type TopicArns = ReadonlyMap<string, string>;

/** The notification templates of a model (a field newer models carry). */
export function alertmanagerTemplates(model: AlertmanagerModel): Readonly<Record<string, string>> {
  return (model as { templates?: Readonly<Record<string, string>> }).templates ?? {};
}

/** The file name a template gets in AMP's `template_files` and in `templates:`. */
export function templateFileName(name: string): string {
  return `${name}.tmpl`;
}

function snsReceiver(plan: SnsReceiverPlan, region: string, environment: string, topicArn: string | undefined): Record<string, unknown> {
  if (plan.discards || topicArn === undefined) return { name: plan.receiver };
  return {
    name: plan.receiver,
    sns_configs: [
      compact({
        send_resolved: plan.sendResolved,
        topic_arn: topicArn,
        sigv4: { region },
        subject: plan.subject,
        // Static message attributes: subscriptions can filter on them (a templated value that renders empty is refused by SNS).
        attributes: { environment, receiver: plan.receiver },
      }),
    ],
  };
}

/**
 * Renders the `alertmanager_config` part of an AMP alert manager definition: route, inhibit rules and time intervals
 * exactly as the environment's alertmanager.yml renders them, with every receiver replaced by its `sns_configs`
 * and `templates` naming the definition's template files. amtool 0.25 accepts it (SNS is known since 0.23).
 */
export function renderAmpAlertmanagerConfig(
  model: AlertmanagerModel,
  environment: string,
  region: string,
  plans: ReadonlyMap<string, SnsReceiverPlan>,
  topicArns: TopicArns,
): string {
  const doc = parse(renderAlertmanagerConfig(model, environment)) as Record<string, unknown>;
  const names = [...model.receivers].map((r) => r.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  doc.receivers = names.map((name) => {
    const plan = plans.get(name);
    if (!plan) throw new Error(`internal: no SNS plan for receiver ${name}`);
    return snsReceiver(plan, region, environment, topicArns.get(name));
  });
  const templates = Object.keys(alertmanagerTemplates(model)).sort();
  if (templates.length > 0) doc.templates = templates.map(templateFileName);
  else delete doc.templates;
  return toYaml(
    doc,
    generatedHeader(`Alertmanager configuration for environment "${environment}" on Amazon Managed Service for Prometheus (receivers deliver to SNS).`),
  );
}

/**
 * Wraps the Alertmanager configuration into AMP's alert manager definition format:
 * `alertmanager_config: |` followed by the file, and `template_files` when there are templates.
 */
export function renderAmpAlertManagerDefinition(alertmanagerConfig: string, templates: Readonly<Record<string, string>>): string {
  const names = Object.keys(templates).sort();
  const files: Record<string, string> = {};
  for (const name of names) files[templateFileName(name)] = templates[name];
  return toYaml(
    compact({ template_files: names.length > 0 ? files : undefined, alertmanager_config: alertmanagerConfig }),
    generatedHeader('Alert manager definition for Amazon Managed Service for Prometheus.'),
  );
}

/** Counts the nodes of a routing tree (the root included). */
export function routeNodes(route: AlertmanagerModel['route']): number {
  return 1 + route.routes.reduce((sum, child) => sum + routeNodes(child), 0);
}
