import type { ManagedServiceInfo, TargetTopology } from '../../model/topology';
import type { AwsCdkEnvironment } from './cdk-environment';

/**
 * What an {@link AwsCdkTarget} runs, for the environment's overview page: the same services, ids and wording as the
 * cdktf AWS target reports, read from the environment's model and props (the per-group and per-receiver resources
 * are created only at synth), one entry per SNS topic (CloudFormation has no `for_each`).
 */
export function awsCdkTopology(env: AwsCdkEnvironment): TargetTopology {
  const services: ManagedServiceInfo[] = [];
  const namespaces = env.ruleGroupNames().length;
  services.push({
    id: 'amp-workspace',
    kind: 'amp-workspace',
    title: 'Amazon Managed Prometheus',
    details: [`workspace ${env.alias}`, `${namespaces} rule group namespace${namespaces === 1 ? '' : 's'}`],
  });
  services.push({ id: 'amp-am-alertmanager', kind: 'amp-alertmanager', title: 'AMP alert manager', details: ['routes alerts to Amazon SNS'] });
  for (const alias of env.scraperAliases) services.push({ id: `amp-scraper-${alias}`, kind: 'amp-scraper', title: 'AMP managed scraper', details: [alias] });
  for (const plan of env.rendering.plansIfValid().values()) {
    if (plan.topicName === undefined) continue;
    const protocols = [...new Set(plan.subscriptions.map((s) => s.protocol))];
    services.push({
      id: `sns-topic-${plan.receiver}`,
      kind: 'sns-topic',
      title: 'Amazon SNS topic',
      details: [plan.topicName, ...(protocols.length > 0 ? [`subscriptions: ${protocols.join(', ')}`] : [])],
    });
  }
  if (env.grafana) services.push({ id: 'amg-workspace', kind: 'managed-grafana', title: 'Amazon Managed Grafana', details: [env.grafana.name] });
  services.push({ id: 'logs-logs', kind: 'log-group', title: 'CloudWatch Logs', details: [env.logGroupName] });
  return { hosts: [], services };
}
