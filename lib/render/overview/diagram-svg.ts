/**
 * Draws a {@link DiagramGraph} as inline SVG with a layered layout made for its shape: columns left to right in the
 * order data flows (sources, collectors, Prometheus/Loki, Alertmanager/Grafana, managed alerting, SNS, receivers),
 * frames (a Docker host, a provider) stacked top to bottom, and curved edges whose ends are spread along a box's
 * side so that parallel flows stay apart. Every position depends only on the graph, so the output is deterministic,
 * and the work is linear in boxes and edges.
 */
import { DiagramEdge, DiagramGraph, DiagramNode, EdgeKind } from './diagram-graph';
import { esc } from './html';

const NODE_W = 232;
const COL_GAP = 72;
const NODE_GAP = 12;
const FRAME_PAD = 16;
const FRAME_HEAD = 52;
const FRAME_GAP = 28;
const MARGIN = 20;
const LEGEND_H = 40;
const LINE = 14;
/** Average width of a character at the sizes used (system sans-serif, 11–12px), for truncation. */
const CHAR_W = 6.4;
/** The same for the 10px bold network chips. */
const CHIP_CHAR_W = 6.2;

/** Colours of the networks, by their order in the diagram. */
const NETWORK_COLOURS = ['#2563eb', '#9333ea', '#0d9488', '#c2410c', '#db2777', '#4d7c0f', '#0369a1', '#a16207'];

/** What each edge kind means, for the legend. */
const EDGE_LEGEND: readonly [EdgeKind, string][] = [
  ['metrics', 'metrics (scraped: Prometheus pulls)'],
  ['probe', 'probes'],
  ['logs', 'logs'],
  ['alerts', 'alerts'],
  ['notify', 'notifications'],
  ['query', 'queries (data sources)'],
];

interface Box {
  readonly node: DiagramNode;
  readonly x: number;
  readonly y: number;
  readonly h: number;
  readonly col: number;
}

function fit(text: string, width: number): string {
  const max = Math.floor(width / CHAR_W);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function nodeHeight(n: DiagramNode): number {
  return 10 + 16 + LINE * (n.lines.length + n.ports.length) + (n.networks.length > 0 ? 20 : 0) + 6;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Renders the graph as an `<svg>` element (no XML prolog: it is inlined in the page). */
export function renderDiagramSvg(graph: DiagramGraph, title: string): string {
  const stages = [...new Set(graph.nodes.map((n) => n.stage))].sort((a, b) => a - b);
  const colOf = new Map(stages.map((s, i) => [s, i]));
  const colX = (stage: number) => MARGIN + colOf.get(stage)! * (NODE_W + COL_GAP);
  const networkColour = new Map<string, string>();
  for (const f of graph.frames) for (const n of f.networks) if (!networkColour.has(n.name)) networkColour.set(n.name, NETWORK_COLOURS[networkColour.size % NETWORK_COLOURS.length]);
  for (const n of graph.nodes) for (const net of n.networks) if (!networkColour.has(net)) networkColour.set(net, NETWORK_COLOURS[networkColour.size % NETWORK_COLOURS.length]);

  const boxes = new Map<string, Box>();
  const place = (list: readonly DiagramNode[], top: number): number => {
    const heights = new Map<number, number>();
    for (const node of list) {
      const y = top + (heights.get(node.stage) ?? 0);
      const h = nodeHeight(node);
      boxes.set(node.id, { node, x: colX(node.stage), y, h, col: colOf.get(node.stage)! });
      heights.set(node.stage, (heights.get(node.stage) ?? 0) + h + NODE_GAP);
    }
    return Math.max(0, ...heights.values()) - (list.length > 0 ? NODE_GAP : 0);
  };

  const parts: string[] = [];
  let y = MARGIN + LEGEND_H;
  const frameParts: string[] = [];
  for (const frame of graph.frames) {
    const inside = graph.nodes.filter((n) => n.frame === frame.id);
    if (inside.length === 0) continue;
    const top = y;
    const used = inside.map((n) => n.stage);
    const x = colX(Math.min(...used)) - FRAME_PAD;
    const right = colX(Math.max(...used)) + NODE_W + FRAME_PAD;
    const content = place(inside, top + FRAME_HEAD);
    let footer = top + FRAME_HEAD + content + 14;
    const foot: string[] = [];
    for (const net of frame.networks) {
      const colour = networkColour.get(net.name)!;
      const what = `${net.created ? 'network created here' : 'network attached (it exists already)'}, ${net.members} container${net.members === 1 ? '' : 's'}`;
      foot.push(
        `<g class="network" data-network="${esc(net.name)}"><rect x="${x + 14}" y="${footer - 9}" width="22" height="10" rx="5" fill="${colour}"/>` +
          `<text x="${x + 44}" y="${footer}" class="net-name">${esc(net.name)}</text>` +
          `<text x="${x + 54 + Math.ceil(net.name.length * 7.6)}" y="${footer}" class="muted">${esc(what)}</text></g>`,
      );
      footer += LINE + 4;
    }
    for (const note of frame.notes) {
      foot.push(`<text x="${x + 14}" y="${footer}" class="muted">${esc(fit(note, right - x - 28))}</text>`);
      footer += LINE + 2;
    }
    const height = footer - top + 2;
    frameParts.push(
      `<g class="frame" data-frame="${esc(frame.id)}"><rect x="${x}" y="${top}" width="${right - x}" height="${height}" rx="10" class="frame-box"/>` +
        `<text x="${x + 14}" y="${top + 20}" class="frame-title">${esc(frame.title)}</text>` +
        (frame.subtitle ? `<text x="${x + 14}" y="${top + 35}" class="muted">${esc(fit(frame.subtitle, right - x - 28))}</text>` : '') +
        foot.join('') +
        '</g>',
    );
    y = top + height + FRAME_GAP;
  }
  const framesBottom = y - FRAME_GAP;
  // Boxes outside frames (sources, receivers): each column centred on the frames.
  const outside = graph.nodes.filter((n) => n.frame === undefined);
  const byStage = new Map<number, DiagramNode[]>();
  for (const n of outside) {
    let list = byStage.get(n.stage);
    if (!list) byStage.set(n.stage, (list = []));
    list.push(n);
  }
  let bottom = framesBottom;
  for (const list of byStage.values()) {
    const height = list.reduce((sum, n) => sum + nodeHeight(n) + NODE_GAP, -NODE_GAP);
    const top = MARGIN + LEGEND_H + Math.max(0, (framesBottom - MARGIN - LEGEND_H - height) / 2);
    bottom = Math.max(bottom, top + place(list, top));
  }
  const width = MARGIN * 2 + stages.length * NODE_W + Math.max(0, stages.length - 1) * COL_GAP;
  const height = Math.ceil(bottom + MARGIN);

  parts.push(...frameParts);
  parts.push(`<g class="edges">${renderEdges(graph.edges, boxes)}</g>`);
  parts.push(`<g class="nodes">${[...boxes.values()].map((b) => renderBox(b, networkColour)).join('')}</g>`);
  let lx = MARGIN;
  const legend = EDGE_LEGEND.map(([kind, text]) => {
    const item = lx;
    lx += 56 + Math.ceil(text.length * CHAR_W);
    return `<g class="legend-item"><path d="M${item} ${MARGIN + 10} h34" class="edge edge-${kind}" marker-end="url(#arrow-${kind})"/><text x="${item + 42}" y="${MARGIN + 14}" class="muted">${esc(text)}</text></g>`;
  }).join('');
  const ports = `<text x="${lx}" y="${MARGIN + 14}" class="muted"><tspan class="node-port">⇄ 127.0.0.1:9090 → 9090</tspan> port published on the host → port in the container</text>`;
  lx += 56 + Math.ceil(62 * CHAR_W);
  const markers = EDGE_LEGEND.map(
    ([kind]) => `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-${kind}"/></marker>`,
  ).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="diagram" width="${Math.max(width, lx)}" height="${height}" viewBox="0 0 ${Math.max(width, lx)} ${height}" role="img" aria-label="${esc(title)}">` +
    `<title>${esc(title)}</title><defs>${markers}</defs><g class="legend">${legend}${ports}</g>${parts.join('')}</svg>`
  );
}

function renderBox(b: Box, networkColour: ReadonlyMap<string, string>): string {
  const n = b.node;
  const inner = NODE_W - 20;
  const lines: string[] = [];
  let ty = b.y + 22;
  lines.push(`<text x="${b.x + 10}" y="${ty}" class="node-title">${esc(fit(n.title, inner))}</text>`);
  for (const line of n.lines) {
    ty += LINE;
    lines.push(`<text x="${b.x + 10}" y="${ty}" class="node-line">${esc(fit(line, inner))}</text>`);
  }
  for (const port of n.ports) {
    ty += LINE;
    lines.push(`<text x="${b.x + 10}" y="${ty}" class="node-port" data-port="${esc(port)}">⇄ ${esc(fit(port, inner - 14))}</text>`);
  }
  if (n.networks.length > 0) {
    let cx = b.x + 10;
    const cy = ty + 8;
    n.networks.forEach((net) => {
      const w = Math.min(Math.ceil(net.length * CHIP_CHAR_W) + 14, b.x + NODE_W - 10 - cx);
      if (w < 24) return;
      const label = w - 14 >= net.length * CHIP_CHAR_W ? net : `${net.slice(0, Math.max(1, Math.floor((w - 14) / CHIP_CHAR_W) - 1))}…`;
      lines.push(
        `<g class="chip" data-network-of="${esc(net)}"><rect x="${cx}" y="${cy}" width="${w}" height="14" rx="7" fill="${networkColour.get(net) ?? '#64748b'}"/>` +
          `<text x="${cx + 7}" y="${cy + 10.5}" class="chip-text">${esc(label)}</text></g>`,
      );
      cx += w + 4;
    });
  }
  const tip = [n.title, ...n.lines, ...n.ports.map((p) => `published ${p}`), ...(n.networks.length > 0 ? [`networks: ${n.networks.join(', ')}`] : [])].join('\n');
  const data = n.container ? ` data-container="${esc(n.container)}"` : '';
  return (
    `<g class="node node-${n.kind}${n.muted ? ' node-muted' : ''}" data-node="${esc(n.id)}"${data}><title>${esc(tip)}</title>` +
    `<rect x="${b.x}" y="${b.y}" width="${NODE_W}" height="${b.h}" rx="6" class="node-box"/>${lines.join('')}</g>`
  );
}

/**
 * Curved edges, their ends spread along the side of each box they leave or enter. A forward edge that skips a
 * column runs through a corridor above the boxes of the columns it skips (in the frame it enters), so it never
 * passes behind a box it does not connect.
 */
function renderEdges(edges: readonly DiagramEdge[], boxes: ReadonlyMap<string, Box>): string {
  type Side = 'in' | 'out';
  const ends = new Map<string, { edge: DiagramEdge; other: Box }[]>();
  const key = (id: string, side: Side, right: boolean) => `${id}\u0000${side}\u0000${right}`;
  const placed: { edge: DiagramEdge; from: Box; to: Box; fromRight: boolean; toRight: boolean }[] = [];
  // The top of the boxes of each column, per frame: where corridors run.
  const tops = new Map<string, number>();
  for (const b of boxes.values()) {
    const k = `${b.node.frame ?? ''}\u0000${b.col}`;
    tops.set(k, Math.min(tops.get(k) ?? Infinity, b.y));
  }
  for (const edge of edges) {
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!from || !to) continue;
    // Forward: right side to left side. Same column: right to right. Backward: left to right.
    const fromRight = to.col >= from.col;
    const toRight = to.col <= from.col;
    placed.push({ edge, from, to, fromRight, toRight });
    for (const [id, side, right, other] of [[from.node.id, 'out', fromRight, to], [to.node.id, 'in', toRight, from]] as const) {
      const k = key(id, side, right);
      let list = ends.get(k);
      if (!list) ends.set(k, (list = []));
      list.push({ edge, other });
    }
  }
  // Ends on one side are ordered by the other box's height, so edges do not cross at the box.
  for (const list of ends.values()) list.sort((a, b) => a.other.y - b.other.y || a.other.x - b.other.x);
  const positions = new Map<string, Map<DiagramEdge, number>>();
  for (const [k, list] of ends) positions.set(k, new Map(list.map((e, i) => [e.edge, i])));
  const offset = (box: Box, side: Side, right: boolean, edge: DiagramEdge) => {
    const k = key(box.node.id, side, right);
    return box.y + (box.h * (positions.get(k)!.get(edge)! + 1)) / (ends.get(k)!.length + 1);
  };
  let corridors = 0;
  return placed
    .map(({ edge, from, to, fromRight, toRight }) => {
      const x1 = fromRight ? from.x + NODE_W : from.x;
      const x2 = toRight ? to.x + NODE_W : to.x;
      const y1 = offset(from, 'out', fromRight, edge);
      const y2 = offset(to, 'in', toRight, edge);
      let d: string;
      const frame = to.node.frame ?? from.node.frame ?? '';
      let corridor = Infinity;
      for (let c = from.col + 1; c < to.col; c++) corridor = Math.min(corridor, tops.get(`${frame}\u0000${c}`) ?? Infinity);
      if (fromRight && !toRight && corridor !== Infinity) {
        const lane = corridor - 8 - 3 * (corridors++ % 4);
        const a = x1 + COL_GAP / 2;
        const b = x2 - COL_GAP / 2;
        d = `M${round(x1)} ${round(y1)}C${round(a)} ${round(y1)} ${round(x1)} ${round(lane)} ${round(a)} ${round(lane)}L${round(b)} ${round(lane)}C${round(x2)} ${round(lane)} ${round(b)} ${round(y2)} ${round(x2)} ${round(y2)}`;
      } else {
        const bend = fromRight === !toRight ? Math.max(30, Math.abs(x2 - x1) / 2) : 44;
        const c1 = x1 + (fromRight ? bend : -bend);
        const c2 = x2 + (toRight ? bend : -bend);
        d = `M${round(x1)} ${round(y1)}C${round(c1)} ${round(y1)} ${round(c2)} ${round(y2)} ${round(x2)} ${round(y2)}`;
      }
      return `<path d="${d}" class="edge edge-${edge.kind}" marker-end="url(#arrow-${edge.kind})" data-from="${esc(edge.from)}" data-to="${esc(edge.to)}"><title>${esc(edge.title)}</title></path>`;
    })
    .join('');
}
