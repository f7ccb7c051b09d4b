import * as fs from 'fs';
import * as path from 'path';
import { interpolateTemplateVariables, listDashboardQueries } from '../../../lib/model/dashboard-queries';
import { runTool, writeTempFiles } from '../../helpers/tools';
import { ALL_CASES, jsonOf } from './cases';

/**
 * Oracle: Prometheus itself (promtool 2.42) judges every PromQL query of every pack. Each query, with Grafana's
 * template variables replaced as the query checker replaces them, becomes a recording rule; `promtool check rules`
 * parses and type-checks it the way the Prometheus server would.
 */
describe('every PromQL query of every dashboard pack passes promtool check rules', () => {
  const cases = ALL_CASES.filter((c) => c.dataSourceType === 'prometheus');

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const expressions = listDashboardQueries(jsonOf(c)).map((q) => {
      // A label_values(selector, label) variable query holds a series selector.
      const inner = /^label_values\((.+),\s*\w+\)$/.exec(q.expression);
      return interpolateTemplateVariables(inner ? inner[1] : q.expression).text;
    });
    expect(expressions.length).toBeGreaterThan(3);
    const rules = expressions.map((expr, i) => `      - record: dashboard:query${i}\n        expr: ${JSON.stringify(expr)}\n`).join('');
    const dir = writeTempFiles({ 'dashboard.rules.yml': `groups:\n  - name: dashboard\n    rules:\n${rules}` }, 'dashboard-pack-');
    try {
      const result = runTool('promtool', ['check', 'rules', 'dashboard.rules.yml'], dir);
      expect(result.output).toContain(`SUCCESS: ${expressions.length} rules found`);
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(path.resolve(dir), { recursive: true, force: true });
    }
  });
});
