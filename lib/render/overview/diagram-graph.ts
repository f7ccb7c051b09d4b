/**
 * The overview diagram as a graph: what runs where (containers in Docker host frames, managed services in their
 * provider's frame), the services that are scraped or probed from outside, log sources, receivers, and the flows
 * between them (metrics, logs, alerts, notifications, queries). Edges point the way data flows; a metrics edge
 * into Prometheus is a scrape (Prometheus pulls).
 */
import { MonitoringEnvironment } from '../../model/environment';
import { PagingReport } from '../../model/paging';
import { ContainerInfo, EnvironmentTopology, ManagedServiceKind } from '../../model/topology';
import { describeIntegration } from './paging-text';

/** What a flow carries. */
export type EdgeKind = 'metrics' | 'probe' | 'logs' | 'alerts' | 'notify' | 'query';

/** A box in the diagram. */
export interface DiagramNode {
  readonly id: string;
  readonly title: string;
  /** Lines under the title (image, role, job). */
  readonly lines: readonly string[];
  /** Published ports, `127.0.0.1:9090 → 9090`. */
  readonly ports: readonly string[];
  /** Networks it joins. */
  readonly networks: readonly string[];
  /** Column: 0 sources … 6 receivers. */
  readonly stage: number;
  /** The frame (host, provider) it is drawn in. @default - outside any frame */
  readonly frame?: string;
  readonly kind: 'container' | 'managed' | 'service' | 'source' | 'receiver' | 'more';
  /** The container name, for `data-container`. @default - not a container */
  readonly container?: string;
  /** True for a receiver no alert reaches, or one that discards. */
  readonly muted?: boolean;
}

/** A network on a host. */
export interface FrameNetwork {
  readonly name: string;
  /** Created on this host by this environment (else attached: it exists already). */
  readonly created: boolean;
  readonly members: number;
}

/** A frame around what one host or provider runs. */
export interface DiagramFrame {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly networks: readonly FrameNetwork[];
  readonly notes: readonly string[];
}

/** A flow between two nodes. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** Tooltip text. */
  readonly title: string;
}

/** The whole diagram. */
export interface DiagramGraph {
  readonly frames: readonly DiagramFrame[];
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/** Most boxes in one column of one frame (or outside); the rest become one "… and N more" box. */
export const MAX_PER_COLUMN = 18;

/** Column of each container role and managed service. */
const STAGE_OF_ROLE: Record<string, number> = {
  prometheus: 2,
  'prometheus-agent': 2,
  loki: 2,
  alertmanager: 3,
  grafana: 3,
};
const STAGE_OF_SERVICE: Record<ManagedServiceKind, number> = {
  'amp-scraper': 1,
  'amp-workspace': 3,
  'log-group': 3,
  'amp-alertmanager': 4,
  'managed-grafana': 4,
  'grafana-api': 4,
  'sns-topic': 5,
};
const RECEIVER_STAGE = 6;

/** `host` of `host:port`, `[v6]:port`, or a URL. */
function hostOf(target: string): string {
  if (/^[a-z]+:\/\//i.test(target)) {
    try {
      return new URL(target).hostname;
    } catch {
      return target;
    }
  }
  const v6 = /^\[([^\]]+)\]/.exec(target);
  return v6 ? v6[1] : target.split(':')[0];
}

function shortImage(image: string | undefined): string[] {
  if (!image) return [];
  return [image.replace(/^docker\.io\//, '').replace(/@sha256:([0-9a-f]{12})[0-9a-f]+$/, '@$1…')];
}

/** The network-side address of an exporter's backend, from its settings (postgres URI, redis address). */
function exporterBackend(args: readonly string[], environment: Readonly<Record<string, string>>): string | undefined {
  const uri = environment.DATA_SOURCE_URI;
  if (uri) return uri.split('/')[0].replace(/^[a-z]+:\/\//, '');
  const redis = args.find((a) => a.startsWith('--redis.addr='));
  if (redis) return redis.slice('--redis.addr='.length).replace(/^[a-z]+:\/\//, '');
  return undefined;
}

class GraphBuilder {
  public readonly nodes = new Map<string, DiagramNode>();
  public readonly frames: DiagramFrame[] = [];
  private readonly edges = new Map<string, DiagramEdge>();

  public node(node: DiagramNode): string {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    return node.id;
  }

  public edge(from: string | undefined, to: string | undefined, kind: EdgeKind, title: string): void {
    if (!from || !to || from === to) return;
    const key = `${from}\u0000${to}\u0000${kind}`;
    if (!this.edges.has(key)) this.edges.set(key, { from, to, kind, title });
  }

  public edgeList(): DiagramEdge[] {
    return [...this.edges.values()];
  }
}

/** Builds the diagram of an environment from its model, what its targets run, and its paging. */
export function buildDiagram(env: MonitoringEnvironment, topology: EnvironmentTopology, paging: PagingReport): DiagramGraph {
  const g = new GraphBuilder();
  // Exporters, node-exporter, cAdvisor and the log agents collect: the first column inside a host.
  const stageOf = (c: ContainerInfo) => STAGE_OF_ROLE[c.alias] ?? 1;
  /** Per host: alias → node id. */
  const hosts = topology.hosts.map((host) => {
    const frame = `host:${host.id}`;
    const networkOrder: string[] = [...host.createdNetworks];
    for (const c of host.containers) for (const n of c.networks) if (!networkOrder.includes(n)) networkOrder.push(n);
    g.frames.push({
      id: frame,
      title: host.label ? `Docker host ${host.label}` : 'Docker host',
      subtitle: host.engine ?? 'local Docker engine',
      networks: networkOrder.map((name) => ({
        name,
        created: host.createdNetworks.includes(name),
        members: host.containers.filter((c) => c.networks.includes(name)).length,
      })),
      notes: host.loaders > 0 ? [`+ ${host.loaders} config loader${host.loaders === 1 ? '' : 's'} (created, never started: they fill the read-only config volumes)`] : [],
    });
    const aliases = new Map<string, string>();
    for (const c of host.containers) {
      aliases.set(
        c.alias,
        g.node({
          id: `${frame}/${c.alias}`,
          title: c.name,
          lines: shortImage(c.image),
          ports: c.published.map((p) => `${p.hostIp}:${p.hostPort} → ${p.port}`),
          networks: c.networks,
          stage: stageOf(c),
          frame,
          kind: 'container',
          container: c.name,
        }),
      );
    }
    return { host, aliases };
  });

  const service = (target: string, line: string) =>
    g.node({ id: `svc:${target}`, title: target, lines: [line], ports: [], networks: [], stage: 0, kind: 'service' });

  // What scrapes what: every scraper of a host scrapes the environment's jobs.
  for (const { host, aliases } of hosts) {
    for (const scraperAlias of ['prometheus', 'prometheus-agent']) {
      const scraper = aliases.get(scraperAlias);
      if (!scraper) continue;
      for (const job of env.scrapeJobs) {
        if (job.probe) {
          const blackbox = aliases.get('blackbox-exporter');
          for (const url of job.targets) {
            const probed = g.node({ id: `probe:${url}`, title: url, lines: [`probed (job ${job.jobName})`], ports: [], networks: [], stage: 0, kind: 'service' });
            g.edge(probed, blackbox, 'probe', `blackbox-exporter probes ${url}`);
          }
          g.edge(blackbox, scraper, 'metrics', `${scraperAlias} scrapes job ${job.jobName} through blackbox-exporter`);
          continue;
        }
        for (const target of job.targets) {
          const h = hostOf(target);
          if (h === 'localhost' || h === '127.0.0.1' || h === scraperAlias) continue;
          const inside = aliases.get(h);
          g.edge(inside ?? service(target, `job ${job.jobName}`), scraper, 'metrics', `${scraperAlias} scrapes ${target} (job ${job.jobName})`);
        }
      }
      // An agent host's own node-exporter is scraped by its agent.
      if (scraperAlias === 'prometheus-agent') g.edge(aliases.get('node-exporter'), scraper, 'metrics', `prometheus-agent scrapes node-exporter on ${host.label ?? host.id}`);
    }
    // Exporters read their backends over the network.
    for (const deployment of env.exporters) {
      const exporter = aliases.get(deployment.name);
      const backend = exporterBackend(deployment.args, deployment.environment);
      if (exporter && backend) g.edge(service(backend, `${deployment.kind}, read by ${deployment.name}`), exporter, 'metrics', `${deployment.name} reads ${backend}`);
    }
    // Logs: sources → agent → Loki.
    const logs = env.logs;
    const agent = logs ? aliases.get(logs.agent) : undefined;
    if (logs && agent) {
      for (const source of logs.pipeline.sources) {
        const id =
          source.kind === 'docker'
            ? g.node({ id: 'logs:docker', title: 'Container logs', lines: ['from the Docker engine'], ports: [], networks: [], stage: 0, kind: 'source' })
            : g.node({ id: `logs:${source.name}`, title: `Log files (${source.name})`, lines: source.paths.slice(0, 2), ports: [], networks: [], stage: 0, kind: 'source' });
        g.edge(id, agent, 'logs', `${logs.agent} reads ${source.kind === 'docker' ? 'container logs' : 'log files'} (source ${source.name})`);
      }
      g.edge(agent, aliases.get('loki'), 'logs', `${logs.agent} pushes log lines to Loki`);
    }
    // Grafana queries its data sources.
    const grafana = aliases.get('grafana');
    if (grafana) {
      for (const ds of env.allDataSources) g.edge(aliases.get(hostOf(ds.url)), grafana, 'query', `Grafana queries ${ds.name} (${ds.url})`);
    }
    // Alerts into Alertmanager.
    for (const address of env.prometheusModel().alertmanagers) {
      g.edge(aliases.get('prometheus'), aliases.get(hostOf(address)), 'alerts', `Prometheus sends alerts to ${address}`);
    }
    if (env.lokiRuleGroups.length > 0) g.edge(aliases.get('loki'), aliases.get('alertmanager'), 'alerts', "Loki's ruler sends alerts to Alertmanager");
    if (env.grafanaAlerting) {
      g.edge(grafana, aliases.get(hostOf(env.grafanaAlerting.alertmanagerUrl)), 'alerts', `Grafana sends alerts to ${env.grafanaAlerting.alertmanagerUrl}`);
    }
  }

  // Managed services, one frame per provider.
  const managed = new Map<ManagedServiceKind, string[]>();
  for (const s of topology.services) {
    const frame = s.kind === 'grafana-api' ? 'provider:grafana' : 'provider:aws';
    if (!g.frames.some((f) => f.id === frame)) {
      g.frames.push(frame === 'provider:aws'
        ? { id: frame, title: 'AWS', subtitle: 'managed services', networks: [], notes: [] }
        : { id: frame, title: 'Grafana', subtitle: 'an existing Grafana, through its API', networks: [], notes: [] });
    }
    const id = g.node({ id: `managed:${s.id}`, title: s.title, lines: [...(s.details ?? [])], ports: [], networks: [], stage: STAGE_OF_SERVICE[s.kind], frame, kind: 'managed' });
    managed.set(s.kind, [...(managed.get(s.kind) ?? []), id]);
  }
  const all = (kind: ManagedServiceKind) => managed.get(kind) ?? [];
  for (const amp of all('amp-workspace')) {
    for (const { aliases } of hosts) g.edge(aliases.get('prometheus-agent'), amp, 'metrics', 'the agent remote-writes to the workspace (SigV4)');
    for (const scraper of all('amp-scraper')) g.edge(scraper, amp, 'metrics', 'the managed scraper writes to the workspace');
    for (const am of all('amp-alertmanager')) g.edge(amp, am, 'alerts', 'the workspace evaluates the rules and sends alerts to its alert manager');
    for (const grafana of [...all('managed-grafana'), ...all('grafana-api')]) g.edge(amp, grafana, 'query', 'Grafana queries the workspace');
    for (const logGroup of all('log-group')) g.edge(amp, logGroup, 'logs', 'the workspace logs rule, alert manager and query events');
  }
  for (const am of all('amp-alertmanager')) for (const topic of all('sns-topic')) g.edge(am, topic, 'notify', 'the alert manager publishes to Amazon SNS');
  if (all('amp-workspace').length === 0) {
    for (const { aliases } of hosts) for (const grafana of all('grafana-api')) g.edge(aliases.get('prometheus'), grafana, 'query', 'Grafana queries Prometheus (its data source)');
  }

  // Who notifies the receivers.
  const notifiers: string[] = [];
  const routedByAlertmanager = paging.prometheusSender === 'prometheus' || env.grafanaAlerting !== undefined || paging.entries.some((e) => e.sentBy === 'loki');
  if (routedByAlertmanager) for (const { aliases } of hosts) notifiers.push(...(aliases.get('alertmanager') ? [aliases.get('alertmanager')!] : []));
  if (paging.prometheusSender === 'amp') notifiers.push(...(all('sns-topic').length > 0 ? all('sns-topic') : all('amp-alertmanager')));
  if (paging.prometheusSender === 'grafana' && !env.grafanaAlerting) notifiers.push(...all('grafana-api'));
  const reached = new Set(paging.entries.flatMap((e) => e.receivers));
  for (const receiver of paging.receivers) {
    const discards = receiver.discards || receiver.integrations.length === 0;
    const id = g.node({
      id: `receiver:${receiver.name}`,
      title: receiver.name,
      lines: [
        ...(discards ? ['discards: notifies nobody'] : receiver.integrations.slice(0, 3).map((i) => describeIntegration(i))),
        ...(receiver.integrations.length > 3 ? [`+ ${receiver.integrations.length - 3} more`] : []),
        ...(reached.has(receiver.name) ? [] : ['no alert reaches it']),
      ],
      ports: [],
      networks: [],
      stage: RECEIVER_STAGE,
      kind: 'receiver',
      muted: discards || !reached.has(receiver.name),
    });
    if (reached.has(receiver.name)) for (const n of notifiers) g.edge(n, id, 'notify', `notifications to ${receiver.name}`);
  }
  return capColumns({ frames: g.frames, nodes: [...g.nodes.values()], edges: g.edgeList() });
}

/** Folds the boxes of a crowded column into one "… and N more" box, moving their edges onto it. */
function capColumns(graph: DiagramGraph): DiagramGraph {
  const columns = new Map<string, DiagramNode[]>();
  for (const n of graph.nodes) {
    const key = `${n.frame ?? ''}\u0000${n.stage}`;
    let list = columns.get(key);
    if (!list) columns.set(key, (list = []));
    list.push(n);
  }
  const replaced = new Map<string, string>();
  const nodes: DiagramNode[] = [];
  for (const list of columns.values()) {
    if (list.length <= MAX_PER_COLUMN) {
      nodes.push(...list);
      continue;
    }
    const kept = list.slice(0, MAX_PER_COLUMN - 1);
    const rest = list.slice(MAX_PER_COLUMN - 1);
    const first = rest[0];
    const more: DiagramNode = {
      id: `more:${first.frame ?? ''}:${first.stage}`,
      title: `… and ${rest.length} more`,
      lines: [rest.slice(0, 3).map((n) => n.title).join(', ') + (rest.length > 3 ? ', …' : '')],
      ports: [],
      networks: [],
      stage: first.stage,
      frame: first.frame,
      kind: 'more',
    };
    nodes.push(...kept, more);
    for (const n of rest) replaced.set(n.id, more.id);
  }
  if (replaced.size === 0) return graph;
  const seen = new Set<string>();
  const edges: DiagramEdge[] = [];
  for (const e of graph.edges) {
    const from = replaced.get(e.from) ?? e.from;
    const to = replaced.get(e.to) ?? e.to;
    const key = `${from}\u0000${to}\u0000${e.kind}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    edges.push({ ...e, from, to, title: replaced.has(e.from) || replaced.has(e.to) ? `${e.title} (and others)` : e.title });
  }
  return { frames: graph.frames, nodes, edges };
}
