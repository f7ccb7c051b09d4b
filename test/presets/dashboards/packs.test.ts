import { GRAFANA_UID } from '../../../lib/model/dashboard';
import { dashboardLayoutErrors } from '../../../lib/model/dashboard-layout';
import { dashboardQueryErrors, dataSourceRefErrors, listDashboardQueries } from '../../../lib/model/dashboard-queries';
import { ALL_CASES, DEFAULT_CASES, PackCase, allPanels, jsonOf } from './cases';

const TODAY_PANEL_TYPES = new Set(['row', 'timeseries', 'stat', 'gauge', 'table', 'logs']);
const WITHOUT_UNIT = new Set(['row', 'text', 'logs']);

function declared(c: PackCase) {
  return [{ uid: c.dataSourceUid, type: c.dataSourceType, isDefault: true }];
}

describe.each(ALL_CASES.map((c) => [c.name, c] as const))('dashboard pack: %s', (_name, c) => {
  const json = jsonOf(c);
  const panels = allPanels(json);

  test('uses only current panel types, never the retired graph panel', () => {
    expect(panels.length).toBeGreaterThan(3);
    expect(panels.filter((p) => p.type === 'graph')).toEqual([]);
    expect(panels.filter((p) => !TODAY_PANEL_TYPES.has(p.type)).map((p) => p.type)).toEqual([]);
  });

  test('sets a unit on every panel that shows numbers', () => {
    const withoutUnit = panels.filter((p) => !WITHOUT_UNIT.has(p.type) && !p.fieldConfig?.defaults?.unit).map((p) => p.title);
    expect(withoutUnit).toEqual([]);
  });

  test('lays panels out on the grid without overlaps', () => {
    expect(dashboardLayoutErrors(json, c.name).map((e) => e.message)).toEqual([]);
  });

  test('every query parses (PromQL / LogQL, template variables replaced)', () => {
    const queries = listDashboardQueries(json, { dataSources: declared(c) });
    expect(queries.length).toBeGreaterThan(3);
    expect(queries.every((q) => q.language === (c.dataSourceType === 'prometheus' ? 'promql' : 'logql'))).toBe(true);
    expect(dashboardQueryErrors(json, c.name, { dataSources: declared(c) }).map((e) => e.message)).toEqual([]);
  });

  test('every panel and variable queries the configured data source', () => {
    const queryPanels = panels.filter((p) => p.type !== 'row');
    expect(queryPanels.map((p) => p.datasource)).toEqual(queryPanels.map(() => ({ type: c.dataSourceType, uid: c.dataSourceUid })));
    const variables = ((json.templating as { list?: Array<{ type: string; datasource?: unknown }> }).list ?? []).filter((v) => v.type === 'query');
    expect(variables.map((v) => v.datasource)).toEqual(variables.map(() => ({ type: c.dataSourceType, uid: c.dataSourceUid })));
    expect(dataSourceRefErrors(json, declared(c), c.name)).toEqual([]);
    expect(dataSourceRefErrors(json, [{ uid: 'elsewhere', type: c.dataSourceType }], c.name).length).toBeGreaterThan(0);
  });

  test('has a valid uid, unique panel ids, explicit refIds and deterministic output', () => {
    expect(json.uid).toMatch(GRAFANA_UID);
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => typeof id === 'number' && id > 0)).toBe(true);
    const targets = panels.flatMap((p) => p.targets ?? []);
    expect(targets.every((t) => typeof t.refId === 'string' && t.refId !== '')).toBe(true);
    expect(JSON.stringify(jsonOf(c))).toBe(JSON.stringify(json));
  });
});

describe('pack outlines (reviewed snapshots: panel type, title, unit, grid position)', () => {
  test.each(DEFAULT_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const json = jsonOf(c);
    const outline = allPanels(json).map((p) => {
      const pos = p.gridPos ? `${p.gridPos.x},${p.gridPos.y} ${p.gridPos.w}x${p.gridPos.h}` : '';
      return `${p.type.padEnd(10)} ${pos.padEnd(12)} ${(p.fieldConfig?.defaults?.unit ?? '').padEnd(12)} ${p.title ?? ''}`.trimEnd();
    });
    expect({ uid: json.uid, title: json.title, tags: json.tags, outline }).toMatchSnapshot();
  });
});
