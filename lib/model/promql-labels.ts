// What a parsed PromQL expression selects and which labels its result can carry, for the checks that span constructs
// (a rule selecting a job nothing scrapes, inhibit `equal` labels no alert carries). Conservative: when a label set
// cannot be known, the answer is "any label".
import type { LRParser } from '@lezer/lr';
import type { SyntaxNode } from '@lezer/common';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };
import { promqlRoot, PromQLNode, readSelector, SelectorInfo, unquote } from './promql-types';
import { firstErrorOffset } from './query-parse';

/** The labels a result may carry: a known set, or any label. */
export type LabelSet = ReadonlySet<string> | 'any';

const NONE: ReadonlySet<string> = new Set();

function union(a: LabelSet, b: LabelSet): LabelSet {
  if (a === 'any' || b === 'any') return 'any';
  return new Set([...a, ...b]);
}

function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function labelNames(grouping: SyntaxNode | undefined, expr: string): string[] {
  if (!grouping) return [];
  return kids(grouping)
    .filter((c) => c.name === 'LabelName' || c.name === 'QuotedLabelName')
    .map((c) => (c.name === 'QuotedLabelName' ? unquote(expr.slice(c.from, c.to)) : expr.slice(c.from, c.to)));
}

/** Functions whose result has no labels. */
const LABELLESS = new Set(['vector', 'time', 'pi', 'scalar', 'start', 'end', 'range', 'step']);

/** The labels the result of `node` can carry (the metric name aside). */
export function outputLabels(node: PromQLNode, expr: string): LabelSet {
  switch (node.kind) {
    case 'VectorSelector':
    case 'MatrixSelector':
      return 'any';
    case 'NumberDurationLiteral':
    case 'StringLiteral':
      return NONE;
    case 'FunctionCall': {
      const id = kids(node.syntax).find((c) => c.name === 'FunctionIdentifier')!;
      const name = expr.slice(id.from, id.to);
      if (LABELLESS.has(name)) return NONE;
      if (name === 'absent' || name === 'absent_over_time') {
        // absent() returns the equality matchers of its selector as labels.
        let arg = node.args[0];
        while (arg && arg.kind === 'MatrixSelector') arg = arg.args[0];
        if (!arg || arg.kind !== 'VectorSelector') return NONE;
        return new Set(readSelector(arg.syntax, expr).matchers.filter((m) => m.op === '=' && m.label !== '__name__').map((m) => m.label));
      }
      const inner = node.args.reduce<LabelSet>((set, arg) => (arg.kind === 'StringLiteral' || arg.kind === 'NumberDurationLiteral' ? set : union(set, outputLabels(arg, expr))), NONE);
      if ((name === 'label_replace' || name === 'label_join') && node.args[1]?.kind === 'StringLiteral') {
        return union(inner, new Set([unquote(expr.slice(node.args[1].from, node.args[1].to))]));
      }
      return inner;
    }
    case 'AggregateExpr': {
      const op = expr.slice(kids(node.syntax)[0].from, kids(node.syntax)[0].to);
      const inner = outputLabels(node.args[node.args.length - 1], expr);
      if (['topk', 'bottomk', 'limitk', 'limit_ratio'].includes(op)) return inner; // these keep every label
      const modifier = kids(node.syntax).find((c) => c.name === 'AggregateModifier');
      const extra = op === 'count_values' && node.args[0]?.kind === 'StringLiteral' ? [unquote(expr.slice(node.args[0].from, node.args[0].to))] : [];
      if (!modifier) return new Set(extra);
      if (kids(modifier).some((c) => c.name === 'Without')) return 'any';
      return new Set([...labelNames(kids(modifier).find((c) => c.name === 'GroupingLabels'), expr), ...extra]);
    }
    case 'BinaryExpr': {
      const [lhs, rhs] = node.args;
      const op = expr.slice(kids(node.syntax)[1].from, kids(node.syntax)[1].to).toLowerCase();
      const left = outputLabels(lhs, expr);
      const right = outputLabels(rhs, expr);
      if (op === 'or') return union(left, right);
      const matching = kids(node.syntax).find((c) => c.name === 'MatchingModifierClause');
      const parts = matching ? kids(matching) : [];
      const groupLeft = parts.some((c) => c.name === 'GroupLeft');
      const groupRight = parts.some((c) => c.name === 'GroupRight');
      const grouping = parts.filter((c) => c.name === 'GroupingLabels');
      const include = grouping.length > 1 ? new Set(labelNames(grouping[1], expr)) : NONE;
      if (groupRight) return union(right, include);
      if (groupLeft) return union(left, include);
      // One-to-one and set operators keep the left side's labels; with a scalar, the vector side's.
      if (lhs.kind === 'NumberDurationLiteral') return right;
      return left;
    }
    default:
      return node.args.length > 0 ? outputLabels(node.args[0], expr) : 'any';
  }
}

/** What a PromQL expression selects, and the labels its result can carry; undefined when it does not parse. */
export interface PromQLShape {
  readonly selectors: readonly SelectorInfo[];
  readonly labels: LabelSet;
}

const shapes = new Map<string, PromQLShape | undefined>();

/** The selectors and result labels of `expr` (cached). */
export function promqlShape(expr: string): PromQLShape | undefined {
  if (shapes.has(expr)) return shapes.get(expr);
  let shape: PromQLShape | undefined;
  const tree = parser.parse(expr);
  const root = firstErrorOffset(parser, expr, tree) < 0 ? promqlRoot(tree) : undefined;
  if (root) {
    const selectors: SelectorInfo[] = [];
    tree.iterate({
      enter(n) {
        if (n.name !== 'VectorSelector') return undefined;
        selectors.push(readSelector(n.node, expr));
        return false;
      },
    });
    shape = { selectors, labels: outputLabels(root, expr) };
  }
  shapes.set(expr, shape);
  return shape;
}

/** The metric name a selector selects, when it names one. */
export function selectorMetric(selector: SelectorInfo): string | undefined {
  return selector.metric ?? selector.matchers.find((m) => m.label === '__name__' && m.op === '=')?.value;
}
