import { rmSync } from 'fs';
import { checkPromQL } from '../../lib/model/promql';
import { runTool, writeTempFiles } from '../helpers/tools';

/**
 * The synth-time PromQL check (lezer-promql of the images' 3.13 line, plus the checks for what Prometheus 3 refuses
 * although the grammar reads it) against promtool 3.x from the tool cache. Each expression becomes a recording rule
 * in its own file; all files go to one `promtool check rules` run.
 */
function promtoolVerdicts(exprs: readonly string[]): Map<string, string | undefined> {
  const files: Record<string, string> = {};
  exprs.forEach((expr, i) => {
    files[`e${i}.yml`] = `groups:\n  - name: g\n    rules:\n      - record: r\n        expr: '${expr.replace(/'/g, "''")}'\n`;
  });
  const dir = writeTempFiles(files, 'promql-line-');
  try {
    const { output } = runTool('promtool', ['check', 'rules', ...Object.keys(files)], dir);
    const verdicts = new Map<string, string | undefined>();
    // stdout: "Checking <file>" then "SUCCESS: ..." or "FAILED:"; stderr: "<file>: <line>:<col>: ... <error>".
    exprs.forEach((expr, i) => {
      const file = `e${i}.yml`;
      const block = output.slice(output.indexOf(`Checking ${file}\n`)).split('\n').slice(0, 2).join('\n');
      const error = new RegExp(`^${file.replace('.', '\\.')}: (.*)$`, 'm').exec(output)?.[1];
      verdicts.set(expr, block.includes('SUCCESS') ? undefined : (error ?? block));
    });
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function synthVerdict(expr: string): string | undefined {
  try {
    checkPromQL(expr, 'X', 'expr');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Both accept. */
const ACCEPTED = [
  'sum by (job) (rate(http_requests_total{code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.05',
  'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{le!="+Inf"}[5m])))',
  'rate(http_request_duration_seconds_bucket{le="0.5"}[5m])',
  'rate(http_request_duration_seconds_bucket{le="1.0"}[5m])',
  '{"my.dotted.metric", job="api"}',
  'up offset -5m',
  'sum_over_time(up[5m:1m] @ start())',
  'predict_linear(node_filesystem_avail_bytes[6h], 4 * 3600) < 0',
  'changes(container_start_time_seconds[15m]) > 2',
  'absent_over_time(up{job="api"}[5m])',
  'histogram_avg(rate(x[5m]))',
  'label_replace(up, "host", "$1", "instance", "(.*):.*")',
  'sum(x) > bool 1',
  'x and on() y',
];

/** Both refuse. */
const REFUSED = [
  'holt_winters(node_load1[10m], 0.3, 0.3)',
  'double_exponential_smoothing(node_load1[10m], 0.3, 0.3)',
  'info(up)',
  'mad_over_time(up[5m])',
  'sort_by_label(up, "job")',
  'ts_of_max_over_time(up[1h])',
  'first_over_time(up[5m])',
  'limitk(2, up)',
  'limit_ratio(0.5, up)',
  'rate(x_total[5m] anchored)',
  'rate(x_total[5m] smoothed)',
  'a + fill(0) b',
  'up[5m+1m]',
  'rate(http_requests_total[5m)',
  // Type rules of Prometheus' parser, checked at synth since the type checker (lib/model/promql-types.ts).
  'scalar(up) > 1',
  'rate(up[5m]) @ end()',
  'rate(up[5m]) offset 1d',
  'rate(http_requests_total)',
  'sum(up)[5m]',
  '{job=""}',
];

/**
 * Where they disagree, on purpose or because a grammar-only check cannot see it. Each entry states which side
 * refuses, so a change on either side shows up here.
 */
const KNOWN_DISAGREEMENTS: readonly { expr: string; synth?: string; promtool?: string; why: string }[] = [
  { expr: 'x_bucket{le="1"}', synth: 'Prometheus 3 writes le labels as float strings', why: 'valid syntax that selects nothing on Prometheus 3: refused at synth' },
  { expr: 'x </ y', promtool: 'unexpected <op:/>', why: 'native histogram trim operators: in the 3.13 grammar, unknown to promtool 3.5 (the oracle is older than the images)' },
];

describe('synth-time PromQL check and promtool 3.x', () => {
  const all = [...ACCEPTED, ...REFUSED, ...KNOWN_DISAGREEMENTS.map((d) => d.expr)];
  let promtool: Map<string, string | undefined>;
  beforeAll(() => {
    promtool = promtoolVerdicts(all);
  });

  test.each(ACCEPTED)('both accept %s', (expr) => {
    expect({ synth: synthVerdict(expr), promtool: promtool.get(expr) }).toEqual({ synth: undefined, promtool: undefined });
  });

  test.each(REFUSED)('both refuse %s', (expr) => {
    expect({ synth: synthVerdict(expr) !== undefined, promtool: promtool.get(expr) !== undefined }).toEqual({ synth: true, promtool: true });
  });

  test.each(KNOWN_DISAGREEMENTS)('known disagreement: $expr ($why)', ({ expr, synth, promtool: refusal }) => {
    const mine = synthVerdict(expr);
    const theirs = promtool.get(expr);
    if (synth !== undefined) expect(mine).toContain(synth);
    else expect(mine).toBeUndefined();
    if (refusal !== undefined) expect(theirs).toContain(refusal);
    else expect(theirs).toBeUndefined();
  });
});
