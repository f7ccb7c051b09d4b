import type { Tree } from '@lezer/common';
import type { LRParser } from '@lezer/lr';

/** The offset of the first syntax error lezer reports for `text`, or -1 when the text parses. `tree`: its parse, when at hand. */
export function firstErrorOffset(parser: LRParser, text: string, tree: Tree = parser.parse(text)): number {
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
  return errorAt;
}

/** The text at a parse error, for messages: up to 12 characters of its line, or `<end of expression>`. */
export function nearText(expression: string, offset: number): string {
  return offset >= expression.length ? '<end of expression>' : expression.slice(offset, offset + 12).split('\n')[0];
}
