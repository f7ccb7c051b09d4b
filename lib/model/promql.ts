import type { LRParser } from '@lezer/lr';
// The package is an ES module with CommonJS builds; TypeScript's node16 resolution only sees its ESM types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };
import { queryParseError, invalid } from './errors';
import { firstErrorOffset, nearText } from './query-parse';

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
  const errorAt = firstErrorOffset(parser, expr);
  if (errorAt >= 0) {
    const { line, column } = positionOf(expr, errorAt);
    throw queryParseError(where, field, 'PromQL', line, column, nearText(expr, errorAt), expr);
  }
  checkedExpressions.add(expr);
}
