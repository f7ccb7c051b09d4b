import { Matcher } from '../model/matchers';
import { SourceMap, SourceNode } from './yaml-source';

const MATCHER = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;
const FACTORY: Readonly<Record<string, (label: string, value: string) => Matcher>> = {
  '=': Matcher.eq,
  '!=': Matcher.neq,
  '=~': Matcher.re,
  '!~': Matcher.nre,
};

/**
 * Parses one entry of a `matchers:` list the way Alertmanager 0.25 does (`labels.ParseMatchers`): optional braces,
 * comma-separated matchers, values quoted (with `\"`, `\\`, `\n` escapes) or bare. Throws at `node`'s position.
 */
export function parseMatcherText(text: string, node: SourceNode): Matcher[] {
  const expected = 'matchers such as `severity="critical"` or `service=~"api|web"`';
  let body = text;
  if (body.startsWith('{')) body = body.slice(1);
  if (body.endsWith('}')) body = body.slice(0, -1);
  const tokens: string[] = [];
  let token = '';
  let insideQuotes = false;
  let escaped = false;
  for (const ch of body) {
    if (ch === ',' && !insideQuotes) {
      tokens.push(token);
      token = '';
      continue;
    }
    if (ch === '"') {
      if (!escaped) insideQuotes = !insideQuotes;
      else escaped = false;
    } else if (ch === '\\') escaped = !escaped;
    else escaped = false;
    token += ch;
  }
  if (token.trim() !== '') tokens.push(token.trim());
  return tokens.map((part) => {
    const match = MATCHER.exec(part);
    if (!match) throw node.invalid(expected, text);
    const value = unquote(match[3]);
    if (value === undefined) throw node.invalid(`${expected}; the value has an unescaped double quote`, text);
    const matcher = FACTORY[match[2]](match[1], value);
    matcher.validate(node.where, node.field);
    return matcher;
  });
}

function unquote(raw: string): string | undefined {
  let rest = raw;
  let expectTrailingQuote = false;
  if (rest.startsWith('"')) {
    rest = rest.slice(1);
    expectTrailingQuote = true;
  }
  let out = '';
  let escaped = false;
  const chars = [...rest];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (escaped) {
      escaped = false;
      out += ch === 'n' ? '\n' : ch === '"' || ch === '\\' ? ch : `\\${ch}`;
      continue;
    }
    if (ch === '\\') {
      if (i < chars.length - 1) escaped = true;
      else out += '\\';
    } else if (ch === '"') {
      if (!expectTrailingQuote || i < chars.length - 1) return undefined;
      expectTrailingQuote = false;
    } else out += ch;
  }
  return expectTrailingQuote ? undefined : out;
}

/**
 * Reads the matchers of a route or one side of an inhibit rule: the `matchers`-style list, plus the deprecated
 * `match` (equality) and `match_re` (regex) maps converted to Matchers.
 * @param keys the three keys, e.g. `['matchers', 'match', 'match_re']` or `['source_matchers', 'source_match', 'source_match_re']`
 */
export function importMatchers(map: SourceMap, keys: readonly [string, string, string]): Matcher[] {
  const [listKey, eqKey, reKey] = keys;
  const out: Matcher[] = [];
  for (const item of map.opt(listKey)?.seq('a list of matchers, e.g. [\'severity="critical"\']') ?? []) {
    out.push(...parseMatcherText(item.string('a matcher such as `severity="critical"`'), item));
  }
  for (const [key, factory] of [[eqKey, Matcher.eq], [reKey, Matcher.re]] as const) {
    const node = map.opt(key);
    if (node === undefined) continue;
    const entries = node.map(`a map of label names to ${key === reKey ? 'regular expressions' : 'values'}`);
    for (const label of entries.keys().sort()) {
      const valueNode = entries.get(label)!;
      const matcher = factory(label, valueNode.string('a string'));
      matcher.validate(valueNode.where, valueNode.field);
      out.push(matcher);
    }
  }
  return out;
}
