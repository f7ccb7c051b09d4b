import type { Tree } from '@lezer/common';
import type { LRParser } from '@lezer/lr';
// The package is an ES module with a CommonJS build; TypeScript's node16 resolution only sees its ESM types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@grafana/lezer-logql') as { parser: LRParser };

/**
 * The LogQL grammar of Grafana's Loki editor, `@grafana/lezer-logql` 0.3.0: the newest release that installs on the
 * Node versions this library supports without an engines warning (0.4.x declares node >= 24).
 */
export const logqlParser: LRParser = parser;

// 0.3.0 predates `approx_topk` (Loki 3.3), which has the syntax of `topk`: the word is read as `topk` padded to the
// same length, so every offset in the tree stays the offset in the user's text.
const APPROX_TOPK = /\bapprox_topk(?=\s*\()/g;
const AS_TOPK = 'topk'.padEnd('approx_topk'.length, ' ');

/** Parses a LogQL expression; error positions are offsets in `text`. */
export function parseLogQLTree(text: string): Tree {
  return parser.parse(text.replace(APPROX_TOPK, AS_TOPK));
}
