/**
 * Reads what a cdktf target runs from the Terraform resources it created under `root`, for the overview page: Docker
 * containers grouped by the Docker engine (provider) that runs them, with their networks and published ports, and AWS
 * managed services. Reads resources by their Terraform type and their `…Input` values, so no provider package is
 * imported and every cdktf target is read the same way. Tokens (a network's or an image's reference) are resolved to
 * the literal names given to the resources they point at.
 */
import { DefaultTokenResolver, StringConcat, TerraformProvider, TerraformResource, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { ContainerInfo, ManagedServiceInfo, PublishedPortInfo, TargetDockerHost, TargetTopology } from '../model/topology';

/** A resource's `…Input` value, read without knowing its class. */
function input<T>(element: TerraformResource | TerraformProvider, name: string): T | undefined {
  return (element as unknown as Record<string, T | undefined>)[`${name}Input`];
}

interface NetworkAdvanced {
  readonly name?: string;
  readonly aliases?: readonly string[];
}

interface PortInput {
  readonly internal?: number;
  readonly external?: number;
  readonly ip?: string;
}

/** What the Terraform resources under `root` (a target's own construct) run. */
export function terraformTopology(root: IConstruct): TargetTopology {
  const stack = TerraformStack.of(root);
  const resolver = new DefaultTokenResolver(new StringConcat());
  const resolve = (value: unknown): unknown => Tokenization.resolve(value, { scope: stack, resolver, preparing: false });
  const own = root.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
  const byType = new Map<string, TerraformResource[]>();
  for (const r of own) {
    let list = byType.get(r.terraformResourceType);
    if (!list) byType.set(r.terraformResourceType, (list = []));
    list.push(r);
  }
  const ofType = (type: string) => byType.get(type) ?? [];

  // Literal names of the resources a token may point at: `${docker_network.x.name}` → `dev-monitoring`.
  let references: Map<string, string> | undefined;
  const literal = (value: string | undefined): string | undefined => {
    if (value === undefined || !Token.isUnresolved(value)) return value;
    if (!references) {
      references = new Map();
      const everything = stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
      for (const r of everything) {
        if (r.terraformResourceType === 'docker_network') references.set(String(resolve(r.getStringAttribute('name'))), input<string>(r, 'name') ?? '');
        if (r.terraformResourceType === 'docker_image') references.set(String(resolve(r.getStringAttribute('image_id'))), input<string>(r, 'name') ?? '');
      }
    }
    const resolved = String(resolve(value));
    const known = references.get(resolved);
    if (known !== undefined && !Token.isUnresolved(known)) return known;
    // A value known only at apply (a variable, an attribute, a for_each key) is not shown as Terraform syntax.
    return resolved.includes('${') ? undefined : resolved;
  };

  const hosts = new Map<TerraformProvider | undefined, { containers: ContainerInfo[]; networks: string[]; loaders: number }>();
  const hostOf = (r: TerraformResource) => {
    let host = hosts.get(r.provider);
    if (!host) hosts.set(r.provider, (host = { containers: [], networks: [], loaders: 0 }));
    return host;
  };
  for (const n of ofType('docker_network')) hostOf(n).networks.push(literal(input<string>(n, 'name')) ?? n.node.id);
  for (const c of ofType('docker_container')) {
    const host = hostOf(c);
    if (input<boolean>(c, 'start') === false) {
      host.loaders++;
      continue;
    }
    const networks = input<NetworkAdvanced[]>(c, 'networksAdvanced');
    const ports = input<PortInput[]>(c, 'ports');
    const name = literal(input<string>(c, 'name')) ?? c.node.id;
    host.containers.push({
      name,
      alias: (Array.isArray(networks) && networks[0]?.aliases?.[0]) || name,
      image: literal(input<string>(c, 'image')),
      networks: Array.isArray(networks) ? networks.map((n) => literal(n.name) ?? '?') : [],
      published: Array.isArray(ports)
        ? ports
            .filter((p) => typeof p.internal === 'number')
            .map((p): PublishedPortInfo => ({ hostIp: p.ip ?? '0.0.0.0', hostPort: p.external ?? p.internal!, port: p.internal! }))
        : [],
    });
  }
  const hostList: TargetDockerHost[] = [...hosts.entries()].map(([provider, h]) => ({
    alias: provider?.alias,
    engine: provider ? literal(input<string>(provider, 'host')) : undefined,
    label: provider?.alias?.replace(/^agent-/, ''),
    containers: h.containers,
    createdNetworks: h.networks,
    loaders: h.loaders,
  }));

  const services: ManagedServiceInfo[] = [];
  const text = (value: string | undefined) => (value === undefined ? undefined : literal(value));
  for (const w of ofType('aws_prometheus_workspace')) {
    const namespaces = ofType('aws_prometheus_rule_group_namespace').length;
    services.push({
      id: `amp-${w.node.id}`,
      kind: 'amp-workspace',
      title: 'Amazon Managed Prometheus',
      details: [`workspace ${text(input<string>(w, 'alias')) ?? w.node.id}`, `${namespaces} rule group namespace${namespaces === 1 ? '' : 's'}`],
    });
  }
  for (const a of ofType('aws_prometheus_alert_manager_definition')) {
    services.push({ id: `amp-am-${a.node.id}`, kind: 'amp-alertmanager', title: 'AMP alert manager', details: ['routes alerts to Amazon SNS'] });
  }
  for (const s of ofType('aws_prometheus_scraper')) {
    services.push({ id: `amp-scraper-${s.node.id}`, kind: 'amp-scraper', title: 'AMP managed scraper', details: [text(input<string>(s, 'alias')) ?? s.node.id] });
  }
  const subscriptionResources = ofType('aws_sns_topic_subscription');
  const subscriptions = subscriptionResources.map((s) => text(input<string>(s, 'protocol'))).filter((p): p is string => p !== undefined);
  for (const t of ofType('aws_sns_topic')) {
    // One resource may stand for several topics (`for_each` over the receivers): its name is then known at apply.
    const name = text(input<string>(t, 'name'));
    services.push({
      id: `sns-${t.node.id}`,
      kind: 'sns-topic',
      title: name === undefined ? 'Amazon SNS topics' : 'Amazon SNS topic',
      details: [name ?? 'one per receiver', ...(subscriptions.length > 0 ? [`subscriptions: ${[...new Set(subscriptions)].join(', ')}`] : subscriptionResources.length > 0 ? ['a subscription per integration'] : [])],
    });
  }
  for (const g of ofType('aws_grafana_workspace')) {
    services.push({ id: `amg-${g.node.id}`, kind: 'managed-grafana', title: 'Amazon Managed Grafana', details: [text(input<string>(g, 'name')) ?? g.node.id] });
  }
  for (const l of ofType('aws_cloudwatch_log_group')) {
    services.push({ id: `logs-${l.node.id}`, kind: 'log-group', title: 'CloudWatch Logs', details: [text(input<string>(l, 'name')) ?? l.node.id] });
  }
  return { hosts: hostList, services };
}
