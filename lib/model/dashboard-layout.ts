import { DashboardJson } from './dashboard';
import { MonitoringConfigError, invalid, showValue } from './errors';

/**
 * Grid checks for dashboard JSON: Grafana lays panels out on a grid 24 columns wide; a panel's `gridPos`
 * `{ x, y, w, h }` is its column, row, width and height in grid units.
 */

/** Columns of Grafana's dashboard grid. */
export const GRID_COLUMNS = 24;

/** A panel's place on the grid. */
export interface GridPosition {
  /** The first column, 0 to 23. */
  readonly x: number;
  /** The first grid row, from 0 at the top. */
  readonly y: number;
  /** The width in columns, 1 to 24. */
  readonly w: number;
  /** The height in grid units (30 px each). */
  readonly h: number;
}

type Json = Record<string, unknown>;

interface Placed {
  readonly label: string;
  readonly pos: GridPosition;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(panel: Json, path: string, rowTitle?: string): string {
  const kind = panel.type === 'row' ? 'row' : 'panel';
  const title = typeof panel.title === 'string' && panel.title !== '' ? `${kind} ${showValue(panel.title)}` : `untitled ${kind} at ${path}`;
  return rowTitle !== undefined ? `${title} (row ${showValue(rowTitle)})` : title;
}

function showPos(pos: GridPosition): string {
  return `{x: ${pos.x}, y: ${pos.y}, w: ${pos.w}, h: ${pos.h}}`;
}

/** Whether two grid rectangles share at least one cell. */
export function gridOverlaps(a: GridPosition, b: GridPosition): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Checks one panel's gridPos; returns the position when it is usable for the overlap check. */
function checkGridPos(panel: Json, where: string, errors: MonitoringConfigError[]): GridPosition | undefined {
  const gridPos = panel.gridPos;
  if (!isObject(gridPos)) {
    errors.push(invalid(where, 'gridPos', gridPos, `a grid position {x, y, w, h} (Grafana's grid is ${GRID_COLUMNS} columns wide)`));
    return undefined;
  }
  const limits: Record<keyof GridPosition, [number, string]> = {
    x: [0, `an integer from 0 to ${GRID_COLUMNS - 1}`],
    y: [0, 'an integer of at least 0'],
    w: [1, `an integer from 1 to ${GRID_COLUMNS}`],
    h: [1, 'an integer of at least 1'],
  };
  let usable = true;
  for (const key of ['x', 'y', 'w', 'h'] as const) {
    const value = gridPos[key];
    const [min, expected] = limits[key];
    const tooWide = (key === 'x' && Number(value) >= GRID_COLUMNS) || (key === 'w' && Number(value) > GRID_COLUMNS);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || tooWide) {
      errors.push(invalid(where, `gridPos.${key}`, value, expected));
      usable = false;
    }
  }
  if (!usable) return undefined;
  const pos = { x: gridPos.x as number, y: gridPos.y as number, w: gridPos.w as number, h: gridPos.h as number };
  if (pos.x + pos.w > GRID_COLUMNS) {
    errors.push(
      new MonitoringConfigError(
        where,
        'gridPos',
        `got ${showPos(pos)}, where x + w = ${pos.x + pos.w} reaches beyond the grid's ${GRID_COLUMNS} columns; ` +
          `expected x + w of at most ${GRID_COLUMNS} (make the panel narrower or move it left)`,
      ),
    );
  }
  return pos;
}

/** Reports every pair of panels that share grid cells. */
function checkOverlaps(placed: readonly Placed[], base: string, errors: MonitoringConfigError[]): void {
  for (let j = 1; j < placed.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = placed[i];
      const b = placed[j];
      if (gridOverlaps(a.pos, b.pos)) {
        errors.push(
          new MonitoringConfigError(
            `${base}, ${b.label}`,
            'gridPos',
            `got ${showPos(b.pos)}, which overlaps ${a.label} at ${showPos(a.pos)}; expected a position that shares no grid cell with another panel`,
          ),
        );
      }
    }
  }
}

/**
 * Checks a dashboard's grid layout and returns every problem: a panel without `gridPos` or with bad numbers,
 * `x + w` beyond the 24-column grid, two panels that overlap, an expanded row that nests panels (Grafana shows
 * an expanded row's panels only when they follow the row at the top level). Panels inside a collapsed row are
 * checked against each other, since Grafana moves the panels below the row down when it is expanded.
 */
export function dashboardLayoutErrors(json: DashboardJson, where: string): MonitoringConfigError[] {
  const title = typeof json.title === 'string' && json.title !== '' ? showValue(json.title) : '(untitled)';
  const base = `${where}, dashboard ${title}`;
  const errors: MonitoringConfigError[] = [];
  if (json.rows !== undefined && json.panels === undefined) {
    errors.push(invalid(base, 'rows', '[...]', 'a "panels" list with gridPos (the pre-5.0 "rows" layout has none; save the dashboard in a current Grafana)'));
    return errors;
  }
  if (json.panels === undefined) return errors;
  if (!Array.isArray(json.panels)) {
    errors.push(invalid(base, 'panels', json.panels, 'a list of panels'));
    return errors;
  }
  const top: Placed[] = [];
  json.panels.forEach((panel: unknown, i: number) => {
    const path = `panels[${i}]`;
    if (!isObject(panel)) {
      errors.push(invalid(base, path, panel, 'a panel object'));
      return;
    }
    const label = describe(panel, path);
    const pos = checkGridPos(panel, `${base}, ${label}`, errors);
    if (pos) top.push({ label, pos });
    if (panel.type !== 'row' || !Array.isArray(panel.panels) || panel.panels.length === 0) return;
    const rowTitle = typeof panel.title === 'string' ? panel.title : path;
    if (panel.collapsed !== true) {
      errors.push(
        new MonitoringConfigError(
          `${base}, ${label}`,
          'panels',
          `holds ${panel.panels.length} panel(s) while the row is expanded (collapsed: false), and Grafana ignores them; ` +
            'expected collapsed: true, or the panels placed after the row at the top level',
        ),
      );
    }
    const nested: Placed[] = [];
    panel.panels.forEach((child: unknown, j: number) => {
      const childPath = `${path}.panels[${j}]`;
      if (!isObject(child)) {
        errors.push(invalid(base, childPath, child, 'a panel object'));
        return;
      }
      const childLabel = describe(child, childPath, rowTitle);
      const childPos = checkGridPos(child, `${base}, ${childLabel}`, errors);
      if (childPos) nested.push({ label: childLabel, pos: childPos });
    });
    checkOverlaps(nested, base, errors);
  });
  checkOverlaps(top, base, errors);
  return errors;
}

/** Like {@link dashboardLayoutErrors}, but throws the first problem. */
export function checkDashboardLayout(json: DashboardJson, where: string): void {
  const [first] = dashboardLayoutErrors(json, where);
  if (first) throw first;
}
