import type { SyntaxNode, Tree } from '@lezer/common';
import {
  AGGREGATION_PARAMETERS,
  COMPARISON_OPERATORS,
  PROMQL_FUNCTIONS,
  PromQLType,
  SET_OPERATORS,
  withArticle,
} from './promql-functions';
import { re2ToRegExp } from './re2';

// The type checks Prometheus' parser runs after the grammar (promql/parser/parse.go `checkAST`, `addOffset`,
// `setTimestamp` and the matrix selector rule of generated_parser.y), on lezer-promql's tree. The grammar of the UI's
// parser reads `rate(http_requests_total)` or `sum(up)[5m]`; Prometheus refuses them when it loads the rule file.
// Messages name the function or operator and the argument, and say what to write instead.

/** A type error in a parsed expression: where it starts and what is wrong. */
export interface PromQLTypeProblem {
  /** Offset in the expression. */
  readonly at: number;
  /** What is wrong, e.g. `rate: argument 1 must be a range vector (e.g. x[5m]), got an instant vector`. */
  readonly message: string;
}

/** The result of type-checking an expression. */
export interface PromQLTypeResult {
  /** The type the expression evaluates to (undefined when a problem was found). */
  readonly type?: PromQLType;
  /** The first problem, in the order Prometheus reports them. */
  readonly problem?: PromQLTypeProblem;
  /** True when a selector has no metric name (its matchers decide whether it selects anything). */
  readonly namelessSelector: boolean;
}

class TypeProblem extends Error {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const RANGE_HINT = 'a range vector such as http_requests_total[5m], or a subquery such as (expr)[5m:]';

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

function expressions(node: SyntaxNode): SyntaxNode[] {
  return children(node).filter((c) => c.type.is('Expr'));
}

/** The value of a PromQL string literal (Go's strconv.Unquote for the three quote styles). */
export function unquote(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  const body = literal.slice(1, -1);
  if (literal.startsWith("'")) {
    try {
      return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"')}"`) as string;
    } catch {
      return body;
    }
  }
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    return body;
  }
}

/** A label matcher of a selector, as text. */
export interface SelectorMatcher {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

/** A vector selector: its metric name (when written) and its matchers. */
export interface SelectorInfo {
  readonly metric?: string;
  readonly matchers: readonly SelectorMatcher[];
  /** Offset of the selector in the expression. */
  readonly at: number;
}

/** Reads a VectorSelector node: `name{label="value", ...}`, `{__name__="name"}` or `{"name", ...}`. */
export function readSelector(node: SyntaxNode, expr: string): SelectorInfo {
  let metric: string | undefined;
  const matchers: SelectorMatcher[] = [];
  for (const child of children(node)) {
    if (child.name === 'Identifier') metric = expr.slice(child.from, child.to);
    if (child.name !== 'LabelMatchers') continue;
    for (const m of children(child)) {
      if (m.name === 'QuotedLabelName') {
        matchers.push({ label: '__name__', op: '=', value: unquote(expr.slice(m.from, m.to)) });
        continue;
      }
      if (m.name !== 'UnquotedLabelMatcher' && m.name !== 'QuotedLabelMatcher') continue;
      const parts = children(m);
      const name = parts[0];
      const op = parts.find((p) => p.name === 'MatchOp');
      const value = parts[parts.length - 1];
      const label = name.name === 'QuotedLabelName' ? unquote(expr.slice(name.from, name.to)) : expr.slice(name.from, name.to);
      matchers.push({
        label,
        op: (op ? expr.slice(op.from, op.to) : '=') as SelectorMatcher['op'],
        value: value.name === 'StringLiteral' ? unquote(expr.slice(value.from, value.to)) : '',
      });
    }
  }
  return { metric, matchers, at: node.from };
}

/**
 * Whether a matcher surely accepts the empty string (a missing label), or `undefined` when the regex cannot be judged
 * here (RE2 syntax JavaScript lacks): then nothing is refused.
 */
function acceptsEmpty(m: SelectorMatcher): boolean | undefined {
  if (m.op === '=') return m.value === '';
  if (m.op === '!=') return m.value !== '';
  let re: RegExp;
  try {
    re = re2ToRegExp(m.value, { dotAll: true });
  } catch {
    return undefined;
  }
  return m.op === '=~' ? re.test('') : !re.test('');
}

/**
 * Prometheus' checks on one selector: the metric name set once, and at least one matcher that cannot match the empty
 * string (a selector of every series is almost always a typo).
 */
export function selectorProblem(node: SyntaxNode, expr: string): PromQLTypeProblem | undefined {
  const selector = readSelector(node, expr);
  const names = selector.matchers.filter((m) => m.label === '__name__');
  if (selector.metric !== undefined) {
    if (names.length > 0) {
      return { at: node.from, message: `the metric name is set twice: ${JSON.stringify(selector.metric)} and ${JSON.stringify(names[0].value)}` };
    }
    return undefined;
  }
  const judged = selector.matchers.map(acceptsEmpty);
  if (judged.some((j) => j === undefined || j === false)) return undefined;
  return {
    at: node.from,
    message: `the selector ${expr.slice(node.from, node.to)} has no metric name and no matcher that needs a non-empty value, so it would select every series; Prometheus refuses it ("vector selector must contain at least one non-empty matcher")`,
  };
}

/**
 * An expression as Prometheus' parser builds it. lezer-promql gives the postfix constructs (`offset`, `@`, `[range]`,
 * `[range:step]`) the lowest precedence, so it reads `a - b offset 5m` as `(a - b) offset 5m`; Prometheus binds them
 * tighter than every operator (generated_parser.y: `%nonassoc OFFSET`, `%right LEFT_BRACKET`), as `a - (b offset 5m)`.
 * The conversion below moves such a postfix onto the rightmost operand.
 */
export interface PromQLNode {
  /** The lezer node name of the construct: `BinaryExpr`, `FunctionCall`, `OffsetExpr`, ... */
  readonly kind: string;
  readonly from: number;
  readonly to: number;
  /** The lezer node that holds the construct's own tokens (operator, function name, modifiers, matchers). */
  readonly syntax: SyntaxNode;
  /** The operand expressions, in order. */
  readonly args: readonly PromQLNode[];
}

const POSTFIX = new Set(['OffsetExpr', 'StepInvariantExpr', 'MatrixSelector', 'SubqueryExpr', 'AnchoredExpr', 'SmoothedExpr']);

function attach(inner: PromQLNode, postfix: SyntaxNode): PromQLNode {
  if (inner.kind === 'BinaryExpr' || inner.kind === 'UnaryExpr') {
    const args = [...inner.args];
    args[args.length - 1] = attach(args[args.length - 1], postfix);
    return { ...inner, to: postfix.to, args };
  }
  return { kind: postfix.name, from: inner.from, to: postfix.to, syntax: postfix, args: [inner] };
}

/** Converts a lezer expression node into a {@link PromQLNode}. */
export function toPromQLNode(node: SyntaxNode): PromQLNode {
  if (POSTFIX.has(node.name)) return attach(toPromQLNode(expressions(node)[0]), node);
  let args: SyntaxNode[];
  switch (node.name) {
    case 'FunctionCall':
    case 'AggregateExpr': {
      const body = children(node).find((c) => c.name === 'FunctionCallBody');
      args = body ? expressions(body) : [];
      break;
    }
    case 'BinaryExpr': {
      const parts = children(node);
      args = [parts[0], parts[parts.length - 1]];
      break;
    }
    case 'ParenExpr':
    case 'UnaryExpr':
      args = expressions(node).slice(0, 1);
      break;
    default:
      args = [];
  }
  return { kind: node.name, from: node.from, to: node.to, syntax: node, args: args.map(toPromQLNode) };
}

function example(node: PromQLNode, expr: string): string {
  const text = expr.slice(node.from, node.to);
  return node.kind === 'VectorSelector' ? `e.g. ${text}[5m]` : RANGE_HINT;
}

/** What to write instead of a value of type `got` where `want` is needed. */
function hint(want: PromQLType, got: PromQLType, node: PromQLNode, expr: string): string {
  if (want === 'range vector') return ` (${example(node, expr)})`;
  if (want === 'instant vector' && got === 'range vector') return ' (rate(...), increase(...) or avg_over_time(...) turn a range into an instant vector)';
  if (want === 'instant vector' && got === 'scalar') return ' (vector(...) turns a scalar into a vector)';
  if (want === 'scalar' && got === 'instant vector') return ' (a number, or scalar(...) of a one-series vector)';
  if (want === 'string') return ' (a quoted string such as "label")';
  return '';
}

function checkArgument(owner: string, index: number, want: PromQLType, node: PromQLNode, expr: string, got: PromQLType): void {
  if (got !== want) {
    throw new TypeProblem(node.from, `${owner}: argument ${index + 1} must be ${withArticle(want)}${hint(want, got, node, expr)}, got ${withArticle(got)}`);
  }
}

function argumentCount(name: string, count: number, args: readonly PromQLType[], variadic: number): string | undefined {
  const n = args.length;
  const plural = (k: number) => (k === 1 ? '1 argument' : `${k} arguments`);
  if (variadic === 0) {
    if (count !== n) return n === 0 ? `${name}: takes no arguments, got ${count}` : `${name}: takes ${plural(n)}, got ${count}`;
    return undefined;
  }
  if (count < n - 1) return `${name}: takes at least ${plural(n - 1)}, got ${count}`;
  if (variadic > 0 && count > n - 1 + variadic) return `${name}: takes at most ${plural(n - 1 + variadic)}, got ${count}`;
  return undefined;
}

const MODIFIER_TARGETS = new Set(['VectorSelector', 'MatrixSelector', 'SubqueryExpr']);

class Checker {
  namelessSelector = false;

  constructor(private readonly expr: string) {}

  private text(node: PromQLNode): string {
    return this.expr.slice(node.from, node.to);
  }

  typeOf(node: PromQLNode): PromQLType {
    switch (node.kind) {
      case 'ParenExpr':
        return this.typeOf(node.args[0]);
      case 'NumberDurationLiteral':
        return 'scalar';
      case 'StringLiteral':
        return 'string';
      case 'VectorSelector':
        return this.selector(node);
      case 'MatrixSelector':
        return this.matrix(node);
      case 'SubqueryExpr': {
        const inner = node.args[0];
        const type = this.typeOf(inner);
        if (type !== 'instant vector') {
          throw new TypeProblem(node.from, `a subquery ([range:step]) needs an instant vector, got ${withArticle(type)} in ${this.text(inner)}`);
        }
        return 'range vector';
      }
      case 'OffsetExpr':
      case 'StepInvariantExpr':
        return this.modifier(node);
      case 'AnchoredExpr':
      case 'SmoothedExpr':
        return this.typeOf(node.args[0]);
      case 'UnaryExpr': {
        const type = this.typeOf(node.args[0]);
        if (type !== 'scalar' && type !== 'instant vector') {
          throw new TypeProblem(node.from, `a unary minus or plus needs a scalar or an instant vector, got ${withArticle(type)}`);
        }
        return type;
      }
      case 'FunctionCall':
        return this.call(node);
      case 'AggregateExpr':
        return this.aggregate(node);
      case 'BinaryExpr':
        return this.binary(node);
      default:
        // Nodes the grammar adds later: no type check is known for them, and Prometheus' own parse decides.
        throw new TypeProblem(node.from, `unknown expression ${node.kind}`);
    }
  }

  private selector(node: PromQLNode): PromQLType {
    const problem = selectorProblem(node.syntax, this.expr);
    if (problem) throw new TypeProblem(problem.at, problem.message);
    if (readSelector(node.syntax, this.expr).metric === undefined) this.namelessSelector = true;
    return 'instant vector';
  }

  private matrix(node: PromQLNode): PromQLType {
    const inner = node.args[0];
    const bracket = this.expr.indexOf('[', inner.to);
    if (inner.kind === 'OffsetExpr') throw new TypeProblem(bracket, `the range [..] must come before offset: write ${this.text(inner.args[0])}[range] offset ...`);
    if (inner.kind === 'StepInvariantExpr') throw new TypeProblem(bracket, 'the range [..] must come before the @ modifier: write selector[range] @ ...');
    if (inner.kind !== 'VectorSelector') {
      const type = this.typeOf(inner);
      const instead = type === 'instant vector' ? `; for a range over an expression use a subquery: ${this.text(inner)}[5m:]` : '';
      throw new TypeProblem(bracket, `a range [..] applies only to a metric selector, not to ${withArticle(type)} such as ${this.text(inner)}${instead}`);
    }
    this.selector(inner);
    return 'range vector';
  }

  private modifier(node: PromQLNode): PromQLType {
    const what = node.kind === 'OffsetExpr' ? 'offset' : '@';
    const inner = node.args[0];
    if (inner.kind === node.kind) throw new TypeProblem(node.from, `${what} is set twice on one selector`);
    const target = inner.kind === 'OffsetExpr' || inner.kind === 'StepInvariantExpr' ? inner.args[0] : inner;
    if (!MODIFIER_TARGETS.has(target.kind)) {
      throw new TypeProblem(
        node.from,
        `the ${what} modifier applies only to a selector or a subquery, not to ${this.text(target)}; put it on the selectors inside`,
      );
    }
    return this.typeOf(inner);
  }

  private call(node: PromQLNode): PromQLType {
    const identifier = children(node.syntax).find((c) => c.name === 'FunctionIdentifier')!;
    const name = this.expr.slice(identifier.from, identifier.to);
    const args = node.args;
    const signature = PROMQL_FUNCTIONS[name];
    if (!signature) throw new TypeProblem(node.from, `${name}: a function Prometheus 3 does not know`);
    const countProblem = argumentCount(name, args.length, signature.args, signature.variadic);
    if (countProblem) throw new TypeProblem(node.from, countProblem);
    args.forEach((arg, i) => {
      const want = signature.args[Math.min(i, signature.args.length - 1)];
      checkArgument(name, i, want, arg, this.expr, this.typeOf(arg));
    });
    return signature.returns;
  }

  private aggregate(node: PromQLNode): PromQLType {
    const opNode = children(node.syntax).find((c) => c.name === 'AggregateOp')!;
    const op = this.expr.slice(opNode.from, opNode.to);
    const args = node.args;
    const parameter = AGGREGATION_PARAMETERS[op];
    const wanted = parameter === undefined ? 1 : 2;
    if (args.length !== wanted) {
      const form = parameter === undefined ? `${op}(expr)` : `${op}(${parameter === 'string' ? '"label"' : 'k'}, expr)`;
      throw new TypeProblem(node.from, `${op}: takes ${wanted === 1 ? '1 argument' : '2 arguments'} (${form}), got ${args.length}`);
    }
    if (parameter !== undefined) checkArgument(op, 0, parameter, args[0], this.expr, this.typeOf(args[0]));
    const vector = args[wanted - 1];
    const type = this.typeOf(vector);
    if (type !== 'instant vector') {
      throw new TypeProblem(vector.from, `${op}: argument ${wanted} must be an instant vector${hint('instant vector', type, vector, this.expr)}, got ${withArticle(type)}`);
    }
    return 'instant vector';
  }

  private binary(node: PromQLNode): PromQLType {
    const parts = children(node.syntax);
    const [lhs, rhs] = node.args;
    const opNode = parts[1];
    const op = this.expr.slice(opNode.from, opNode.to).toLowerCase();
    const boolModifier = parts.some((p) => p.name === 'BoolModifier');
    const matching = parts.find((p) => p.name === 'MatchingModifierClause');
    const lt = this.typeOf(lhs);
    const rt = this.typeOf(rhs);
    if (boolModifier && !COMPARISON_OPERATORS.has(op)) {
      throw new TypeProblem(opNode.from, `bool applies only to comparison operators (==, !=, >, <, >=, <=), not to ${op}`);
    }
    for (const [side, type] of [[lhs, lt], [rhs, rt]] as const) {
      if (type !== 'scalar' && type !== 'instant vector') {
        const rangeHint = type === 'range vector' ? '; turn the range into an instant vector with rate(...), increase(...) or avg_over_time(...)' : '';
        throw new TypeProblem(side.from, `operator ${op}: both sides must be scalars or instant vectors, got ${withArticle(type)} in ${this.text(side)}${rangeHint}`);
      }
    }
    if (COMPARISON_OPERATORS.has(op) && !boolModifier && lt === 'scalar' && rt === 'scalar') {
      throw new TypeProblem(opNode.from, `comparing two scalars with ${op} needs bool (e.g. 1 ${op} bool 2), since there is no series to filter`);
    }
    if (SET_OPERATORS.has(op) && (lt === 'scalar' || rt === 'scalar')) {
      throw new TypeProblem(opNode.from, `the set operator ${op} works only between instant vectors, and one side is a scalar`);
    }
    if (matching && (lt !== 'instant vector' || rt !== 'instant vector')) {
      const labels = children(matching).find((c) => c.name === 'GroupingLabels');
      if (labels && children(labels).length > 0) {
        throw new TypeProblem(matching.from, `vector matching (${this.expr.slice(matching.from, matching.to)}) applies only between two instant vectors`);
      }
    }
    if (matching && SET_OPERATORS.has(op) && children(matching).some((c) => c.name === 'GroupLeft' || c.name === 'GroupRight')) {
      throw new TypeProblem(matching.from, `group_left/group_right are not allowed with the set operator ${op}`);
    }
    return lt === 'scalar' && rt === 'scalar' ? 'scalar' : 'instant vector';
  }
}

/** The expression of a parsed tree as Prometheus builds it, or undefined for an empty tree. */
export function promqlRoot(tree: Tree): PromQLNode | undefined {
  const root = tree.topNode.firstChild;
  return root ? toPromQLNode(root) : undefined;
}

/**
 * Type-checks a parsed PromQL expression (a tree without syntax errors) the way Prometheus' parser does, and returns
 * its type or the first problem.
 */
export function checkPromQLTypes(tree: Tree, expr: string): PromQLTypeResult {
  const checker = new Checker(expr);
  const root = promqlRoot(tree);
  if (!root) return { namelessSelector: false };
  try {
    const type = checker.typeOf(root);
    return { type, namelessSelector: checker.namelessSelector };
  } catch (e) {
    if (!(e instanceof TypeProblem)) throw e;
    if (e.problem.startsWith('unknown expression ')) return { namelessSelector: checker.namelessSelector };
    return { problem: { at: e.at, message: e.problem }, namelessSelector: checker.namelessSelector };
  }
}

/** Every vector selector of a parsed expression, in order. */
export function selectorsOf(tree: Tree, expr: string): SelectorInfo[] {
  const out: SelectorInfo[] = [];
  tree.iterate({
    enter(node) {
      if (node.name === 'VectorSelector') {
        out.push(readSelector(node.node, expr));
        return false;
      }
      return undefined;
    },
  });
  return out;
}
