import type { LRParser } from '@lezer/lr';
// The package is an ES module with CommonJS builds; TypeScript's node16 resolution only sees its ESM types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };
import { queryParseError, invalid } from './errors';

/** A position in a multi-line expression, 1-based like promtool reports it. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Converts a character offset into line:column. */
export function positionOf(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const checkedExpressions = new Set<string>();

/**
 * Validates a PromQL expression with the parser the Prometheus UI uses (`@prometheus-io/lezer-promql`),
 * and throws an error that names the position (line:column) and the text near it.
 *
 * Results are cached: each distinct expression is parsed once per process.
 */
export function checkPromQL(expr: string, where: string, field: string): void {
  if (typeof expr !== 'string' || expr.trim() === '') {
    throw invalid(where, field, expr, 'a non-empty PromQL expression');
  }
  if (checkedExpressions.has(expr)) return;
  const tree = parser.parse(expr);
  let errorAt = -1;
  tree.iterate({
    enter(node) {
      if (errorAt >= 0) return false;
      if (node.type.isError) {
        errorAt = node.from;
        return false;
      }
      return undefined;
    },
  });
  if (errorAt >= 0) {
    const { line, column } = positionOf(expr, errorAt);
    const near = errorAt >= expr.length ? '<end of expression>' : expr.slice(errorAt, errorAt + 12).split('\n')[0];
    throw queryParseError(where, field, 'PromQL', line, column, near, expr);
  }
  checkedExpressions.add(expr);
}
