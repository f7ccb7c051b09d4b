import type { SyntaxNode } from '@lezer/common';
import { MonitoringConfigError, invalid, queryParseError, showValue } from '../errors';
import { positionOf } from '../promql';
import { nearText } from '../query-parse';
import { parseLogQLTree } from './logql-parser';
import { describeRe2Problem, matchesEmptyString, re2Expectation, re2Problem } from '../re2';

/** What a LogQL expression returns: log lines (`{job="api"} |= "error"`) or numbers (`rate(...)`, `count_over_time(...)`). */
export type LogQLKind = 'log' | 'metric';

/** Options for {@link checkLogQL}. */
export interface LogQLCheckOptions {
  /**
   * The kind of query the caller needs: `'metric'` for alert and recording rules (the ruler evaluates numbers),
   * `'log'` where lines are shown.
   * @default - either kind
   */
  readonly expect?: LogQLKind;
}

const checked = new Map<string, LogQLKind>();

/**
 * Validates a LogQL expression with the parser Grafana's Loki editor uses (`@grafana/lezer-logql`) and returns its kind.
 *
 * Beyond the grammar it checks what Loki rejects at query time: every stream selector needs at least one matcher
 * that cannot match the empty string (`{job=~".*"}` is refused by Loki), and, with `expect`, the kind of query.
 * A parse error names the position as line:column and the text near it. Results are cached per expression.
 */
export function checkLogQL(expr: string, where: string, field: string, options: LogQLCheckOptions = {}): LogQLKind {
  if (typeof expr !== 'string' || expr.trim() === '') {
    throw invalid(where, field, expr, 'a non-empty LogQL expression');
  }
  let kind = checked.get(expr);
  if (kind === undefined) {
    kind = parseLogQL(expr, where, field);
    checked.set(expr, kind);
  }
  if (options.expect === 'metric' && kind !== 'metric') {
    throw invalid(
      where,
      field,
      expr,
      'a LogQL metric query such as sum by (service) (count_over_time({service="api"} |= "error" [5m])) > 0 ' +
        '(this is a log query: it returns lines, and the ruler can only evaluate numbers)',
    );
  }
  if (options.expect === 'log' && kind !== 'log') {
    throw invalid(where, field, expr, 'a LogQL log query such as {service="api"} |= "error" (this is a metric query: it returns numbers, not lines)');
  }
  return kind;
}

function parseLogQL(expr: string, where: string, field: string): LogQLKind {
  const tree = parseLogQLTree(expr);
  let errorAt = -1;
  const selectors: SyntaxNode[] = [];
  const matchers: SyntaxNode[] = [];
  const regexOperators: SyntaxNode[] = [];
  tree.iterate({
    enter(node) {
      if (errorAt >= 0) return false;
      if (node.type.isError) {
        errorAt = node.from;
        return false;
      }
      if (node.name === 'Selector') selectors.push(node.node);
      if (node.name === 'Matcher') matchers.push(node.node);
      if (node.name === 'Re' || node.name === 'Nre' || node.name === 'PipeMatch') regexOperators.push(node.node);
      return undefined;
    },
  });
  if (errorAt >= 0) {
    const { line, column } = positionOf(expr, errorAt);
    throw queryParseError(where, field, 'LogQL', line, column, nearText(expr, errorAt), expr);
  }
  for (const operator of regexOperators) checkRegexValue(expr, operator, where, field);
  for (const selector of selectors) {
    // Matchers nest (Matchers(Matchers(Matcher), Matcher)), so take every Matcher inside the selector's range.
    const own = matchers.filter((m) => m.from >= selector.from && m.to <= selector.to);
    checkSelector(expr, selector, own, where, field);
  }
  const top = tree.topNode.firstChild?.firstChild;
  return top?.name === 'MetricExpr' ? 'metric' : 'log';
}

/** Loki refuses a selector whose matchers all accept the empty string: it would select every stream. */
function checkSelector(expr: string, selector: SyntaxNode, matchers: readonly SyntaxNode[], where: string, field: string): void {
  for (const matcher of matchers) {
    const op = matcher.getChild('Eq') ?? matcher.getChild('Re') ?? matcher.getChild('Neq') ?? matcher.getChild('Nre');
    const valueNode = matcher.getChild('String');
    if (!op || !valueNode) continue;
    const value = unquote(expr.slice(valueNode.from, valueNode.to));
    if (op.name === 'Eq' && value !== '') return;
    if (op.name === 'Re' && !matchesEmptyString(value)) return;
  }
  const { line, column } = positionOf(expr, selector.from);
  throw new MonitoringConfigError(
    where,
    field,
    `LogQL stream selector ${showValue(expr.slice(selector.from, selector.to))} at ${line}:${column} in ${showValue(expr)} ` +
      'can match the empty string in every matcher, which Loki rejects; expected at least one matcher such as ' +
      '{service="api"} or {container=~".+"}',
  );
}

/** Loki compiles `=~`, `!~` and `|~` values with Go's regexp (RE2) and refuses the query when one does not compile. */
function checkRegexValue(expr: string, operator: SyntaxNode, where: string, field: string): void {
  // A label matcher holds its string; a line filter's operator sits in a Filter node beside it.
  const holder = operator.parent?.name === 'Filter' ? operator.parent.parent : operator.parent;
  const valueNode = holder?.getChild('String');
  if (!holder || !valueNode) return;
  const problem = re2Problem(unquote(expr.slice(valueNode.from, valueNode.to)));
  if (!problem) return;
  const { line, column } = positionOf(expr, holder.from);
  throw new MonitoringConfigError(
    where,
    field,
    `LogQL ${operator.name === 'PipeMatch' || operator.parent?.name === 'Filter' ? 'line filter' : 'label matcher'} ` +
      `${showValue(expr.slice(holder.from, holder.to))} at ${line}:${column} in ${showValue(expr)}: the value is not ` +
      `${re2Expectation('Loki')}: ${describeRe2Problem(problem)}`,
  );
}

/** The value of a LogQL string literal: `"..."` with Go escapes or a `` `raw` `` string. */
function unquote(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1).replace(/\\(.)/g, '$1');
  }
}
