/**
 * Label names whose values are usually unbounded. As Loki labels each value opens a stream; Loki's label best
 * practices (Loki v3.7.6 docs/sources/get-started/labels/bp-labels.md, the `requestId` example) advise keeping such values in the line or in
 * structured metadata and filtering at query time.
 */
const EXACT: Readonly<Record<string, string>> = {
  user: 'one value per user',
  username: 'one value per user',
  email: 'one value per user',
  ip: 'one value per client address',
  client_ip: 'one value per client address',
  remote_addr: 'one value per client address',
  remote_ip: 'one value per client address',
  x_forwarded_for: 'one value per client address',
  path: 'one value per URL path',
  url: 'one value per URL',
  uri: 'one value per URL',
  request_uri: 'one value per URL',
  query: 'one value per query string',
  message: 'one value per log line',
  msg: 'one value per log line',
  time: 'one value per log line',
  timestamp: 'one value per log line',
  ts: 'one value per log line',
  duration: 'one value per request',
  latency: 'one value per request',
};

/** Suffixes that mark identifiers: `user_id`, `requestId` (normalized to `requestid`), `trace_id`, `uuid`. */
const SUFFIXES: readonly [RegExp, string][] = [
  [/(^|_)(id|uuid|guid)$/, 'one value per identified object'],
  [/(user|request|req|trace|span|session|correlation|transaction|order|customer|account)_?id$/, 'one value per identified object'],
  [/(^|_)(ip|addr|address)$/, 'one value per client address'],
  [/(^|_)(email|path|url|uri)$/, 'one value per user or URL'],
];

/** Why a label name is likely high-cardinality, or undefined when it looks bounded. */
export function highCardinalityReason(label: string): string | undefined {
  const name = label.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  if (EXACT[name] !== undefined) return EXACT[name];
  for (const [pattern, reason] of SUFFIXES) if (pattern.test(name)) return reason;
  return undefined;
}
