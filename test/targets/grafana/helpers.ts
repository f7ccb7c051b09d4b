// Shared helpers for the Grafana target tests.
import 'cdktf/lib/testing/adapters/jest';
import { TerraformStack, Testing } from 'cdktf';
import { MonitoringStack, MonitoringStackProps, Secret } from '../../../lib';
import { GrafanaDataSource, GrafanaTarget, GrafanaTargetProps } from '../../../lib/targets/grafana';

Testing.setupJest();

/** Props of a Grafana target that manages dashboards and alert rules, against a Prometheus behind a proxy. */
export function targetProps(overrides: Partial<GrafanaTargetProps> = {}): GrafanaTargetProps {
  return {
    url: 'https://grafana.example.com',
    dataSources: {
      prometheus: GrafanaDataSource.prometheus({
        url: 'https://prometheus.example.com',
        basicAuth: { username: 'grafana', password: Secret.fromVariable('prometheus_proxy_password') },
      }),
    },
    manage: { dashboards: true, alertRules: true },
    ...overrides,
  };
}

/** A test stack whose only target is a GrafanaTarget. */
export function grafanaEnvironment(
  overrides: Partial<GrafanaTargetProps> = {},
  props: Partial<MonitoringStackProps> = {},
): { stack: TerraformStack; monitoring: MonitoringStack } {
  const stack = new TerraformStack(Testing.app(), 'test');
  const monitoring = new MonitoringStack(stack, 'monitoring', {
    environment: 'staging',
    target: new GrafanaTarget(targetProps(overrides)),
    prometheus: { evaluationInterval: '30s' },
    ...props,
  });
  return { stack, monitoring };
}

/** Parsed cdk.tf.json, validations run. */
export function synthJson(stack: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack, true));
}

/** The resources of one type, in logical-id order. */
export function resourcesOf(json: Record<string, any>, type: string): Record<string, any>[] {
  const byId = json.resource?.[type] ?? {};
  return Object.keys(byId)
    .sort()
    .map((id) => byId[id]);
}

/** The only resource of a type. */
export function onlyResource(json: Record<string, any>, type: string): Record<string, any> {
  const all = resourcesOf(json, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** The warnings added to the stack's constructs (printed by `cdktf synth`). */
export function warningsOf(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)));
}

/** The error message synthesizing with validations gives. */
export function synthError(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synth to fail');
}
