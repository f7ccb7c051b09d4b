import * as fs from 'fs';
import * as path from 'path';
import { checkLogQL } from '../../../lib/model/logs/logql';
import { parseLogQLTree } from '../../../lib/model/logs/logql-parser';

const ROOT = path.resolve(__dirname, '../../..');

const errorAt = (text: string): number => {
  let at = -1;
  parseLogQLTree(text).iterate({ enter: (node) => { if (at < 0 && node.type.isError) at = node.from; } });
  return at;
};

describe('the LogQL grammar', () => {
  test('is @grafana/lezer-logql 0.3.0, which installs on Node 20 without an engines warning (0.4.x declares node >= 24)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies['@grafana/lezer-logql']).toBe('0.3.0');
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@grafana/lezer-logql/package.json'), 'utf8'));
    expect(installed.version).toBe('0.3.0');
    expect(installed.engines).toBeUndefined();
  });

  test('reads approx_topk (Loki 3.3, newer than the grammar) with the syntax of topk, keeping offsets', () => {
    expect(errorAt('approx_topk(5, sum by (service) (rate({job="api"}[5m])))')).toBe(-1);
    expect(checkLogQL('approx_topk(5, sum by (service) (rate({job="api"}[5m])))', 'AlertGroup x', 'expr')).toBe('metric');
    // an error after the rewritten word is reported where the user wrote it
    const broken = 'approx_topk(5, sum by (service) (rate({job="api"}[5m]))';
    expect(errorAt(broken)).toBe(errorAt(broken.replace('approx_topk', 'topk       ')));
    expect(() => checkLogQL(broken, 'AlertGroup x', 'expr')).toThrow(/LogQL parse error at 1:\d+/);
    // only the function: a label value or a longer name stays as written
    expect(errorAt('{job="approx_topk"} |= "approx_topk("')).toBe(-1);
    expect(errorAt('my_approx_topk(5, rate({job="api"}[5m]))')).toBeGreaterThanOrEqual(0);
  });
});
