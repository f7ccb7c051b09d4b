import { DashboardBuilder, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';
import { checkDashboardLayout, dashboardLayoutErrors, gridOverlaps } from '../../lib/model/dashboard-layout';
import { MonitoringConfigError } from '../../lib/model/errors';

const WHERE = 'GrafanaDashboard dev/monitoring/api';

function p(title: string, x: number, y: number, w: number, h: number, extra: Record<string, unknown> = {}) {
  return { type: 'timeseries', title, gridPos: { x, y, w, h }, ...extra };
}

function row(title: string, y: number, extra: Record<string, unknown> = {}) {
  return { type: 'row', title, collapsed: false, panels: [], gridPos: { x: 0, y, w: 24, h: 1 }, ...extra };
}

function messages(json: Record<string, unknown>): string[] {
  return dashboardLayoutErrors(json, WHERE).map((e) => e.message);
}

describe('dashboardLayoutErrors', () => {
  test('accepts a grid with rows, side-by-side panels and a collapsed row', () => {
    const json = {
      title: 'API',
      panels: [
        row('Traffic', 0),
        p('A', 0, 1, 12, 8),
        p('B', 12, 1, 12, 8),
        p('C', 0, 9, 24, 4),
        row('Details', 13, { collapsed: true, panels: [p('D', 0, 14, 12, 8), p('E', 12, 14, 12, 8)] }),
        row('More', 14),
        p('F', 0, 15, 8, 4),
      ],
    };
    expect(messages(json)).toEqual([]);
  });

  test('a dashboard without panels has no layout problems', () => {
    expect(messages({ title: 'Empty' })).toEqual([]);
    expect(messages({ title: 'Empty', panels: [] })).toEqual([]);
  });

  test('x + w beyond 24 columns', () => {
    expect(messages({ title: 'API', panels: [p('Wide', 12, 0, 16, 8)] })).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Wide", gridPos: got {x: 12, y: 0, w: 16, h: 8}, where x + w = 28 reaches beyond ' +
        "the grid's 24 columns; expected x + w of at most 24 (make the panel narrower or move it left)",
    ]);
  });

  test('overlapping panels name both panels and positions', () => {
    expect(messages({ title: 'API', panels: [p('Requests', 0, 0, 12, 8), p('Errors', 8, 4, 12, 8)] })).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Errors", gridPos: got {x: 8, y: 4, w: 12, h: 8}, which overlaps panel "Requests" ' +
        'at {x: 0, y: 0, w: 12, h: 8}; expected a position that shares no grid cell with another panel',
    ]);
  });

  test('a panel on the line of a row overlaps the row', () => {
    expect(messages({ title: 'API', panels: [row('Traffic', 0), p('Requests', 0, 0, 12, 8)] })[0]).toContain(
      'panel "Requests", gridPos: got {x: 0, y: 0, w: 12, h: 8}, which overlaps row "Traffic" at {x: 0, y: 0, w: 24, h: 1}',
    );
  });

  test('panels of a collapsed row are checked against each other, not against the panels below the row', () => {
    const json = {
      title: 'API',
      panels: [
        row('Details', 0, { collapsed: true, panels: [p('D', 0, 1, 12, 8), p('E', 6, 1, 12, 8)] }),
        p('Below', 0, 1, 24, 8),
      ],
    };
    expect(messages(json)).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "E" (row "Details"), gridPos: got {x: 6, y: 1, w: 12, h: 8}, which overlaps ' +
        'panel "D" (row "Details") at {x: 0, y: 1, w: 12, h: 8}; expected a position that shares no grid cell with another panel',
    ]);
  });

  test('an expanded row that nests panels', () => {
    expect(messages({ title: 'API', panels: [row('Traffic', 0, { panels: [p('Hidden', 0, 1, 12, 8)] })] })).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", row "Traffic", panels: holds 1 panel(s) while the row is expanded (collapsed: false), ' +
        'and Grafana ignores them; expected collapsed: true, or the panels placed after the row at the top level',
    ]);
  });

  test('missing and malformed grid positions', () => {
    const json = {
      title: 'API',
      panels: [
        { type: 'stat', title: 'No position' },
        p('Fraction', 0.5, 0, 6, 4),
        p('Too wide', 0, 4, 30, 4),
        p('Flat', 0, 8, 6, 0),
        { type: 'stat', gridPos: { x: 0, y: -1, w: 6, h: 4 } },
      ],
    };
    expect(messages(json)).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "No position", gridPos: got nothing, expected a grid position {x, y, w, h} ' +
        "(Grafana's grid is 24 columns wide)",
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Fraction", gridPos.x: got 0.5, expected an integer from 0 to 23',
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Too wide", gridPos.w: got 30, expected an integer from 1 to 24',
      'GrafanaDashboard dev/monitoring/api, dashboard "API", panel "Flat", gridPos.h: got 0, expected an integer of at least 1',
      'GrafanaDashboard dev/monitoring/api, dashboard "API", untitled panel at panels[4], gridPos.y: got -1, expected an integer of at least 0',
    ]);
  });

  test('the pre-5.0 rows layout and a panels field that is no list', () => {
    expect(messages({ title: 'Old', rows: [{ panels: [] }] })).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "Old", rows: got "[...]", expected a "panels" list with gridPos (the pre-5.0 "rows" layout has none; ' +
        'save the dashboard in a current Grafana)',
    ]);
    expect(messages({ title: 'Odd', panels: {} })).toEqual(['GrafanaDashboard dev/monitoring/api, dashboard "Odd", panels: got {}, expected a list of panels']);
  });

  test('checkDashboardLayout throws the first problem', () => {
    const json = { title: 'API', panels: [p('A', 0, 0, 12, 8), p('B', 6, 0, 12, 8)] };
    expect(() => checkDashboardLayout(json, WHERE)).toThrow(MonitoringConfigError);
    expect(() => checkDashboardLayout(json, WHERE)).toThrow(/panel "B", gridPos: .* overlaps panel "A"/);
    expect(() => checkDashboardLayout({ title: 'OK', panels: [p('A', 0, 0, 24, 8)] }, WHERE)).not.toThrow();
  });
});

describe('dashboards built with the foundation SDK', () => {
  const json = (builder: DashboardBuilder) => JSON.parse(JSON.stringify(builder.build())) as Record<string, unknown>;

  test("the SDK's automatic placement can run past 24 columns; the check reports it", () => {
    const builder = new DashboardBuilder('SDK')
      .withPanel(new TimeseriesPanel().title('Half').span(12).height(8))
      .withPanel(new TimeseriesPanel().title('Too wide for the rest').span(16).height(8));
    expect(messages(json(builder))).toEqual([
      'GrafanaDashboard dev/monitoring/api, dashboard "SDK", panel "Too wide for the rest", gridPos: got {x: 12, y: 0, w: 16, h: 8}, where x + w = 28 ' +
        "reaches beyond the grid's 24 columns; expected x + w of at most 24 (make the panel narrower or move it left)",
    ]);
  });

  test('a RowBuilder with panels set back to expanded hides them; the check reports it', () => {
    // RowBuilder.withPanel collapses the row; collapsed(false) afterwards leaves panels Grafana does not show.
    const expanded = new DashboardBuilder('SDK').withRow(new RowBuilder('Traffic').withPanel(new TimeseriesPanel().title('Requests').span(12)).collapsed(false));
    expect(messages(json(expanded))[0]).toContain('row "Traffic", panels: holds 1 panel(s) while the row is expanded (collapsed: false)');
    const collapsed = new DashboardBuilder('SDK').withRow(new RowBuilder('Traffic').withPanel(new TimeseriesPanel().title('Requests').span(12)));
    expect(messages(json(collapsed))).toEqual([]);
  });
});

describe('gridOverlaps', () => {
  test('panels that only touch do not overlap', () => {
    expect(gridOverlaps({ x: 0, y: 0, w: 12, h: 8 }, { x: 12, y: 0, w: 12, h: 8 })).toBe(false);
    expect(gridOverlaps({ x: 0, y: 0, w: 12, h: 8 }, { x: 0, y: 8, w: 12, h: 8 })).toBe(false);
    expect(gridOverlaps({ x: 0, y: 0, w: 12, h: 8 }, { x: 11, y: 7, w: 2, h: 2 })).toBe(true);
  });
});
