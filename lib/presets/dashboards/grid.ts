import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import { DashboardBuilder, GridPos, Panel, RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

/**
 * Places the panels of a dashboard pack on Grafana's 24-column grid, left to right and top to bottom, starting a
 * new line when a panel does not fit, and gives every panel (and row) a stable id. Panels of a collapsed row get
 * the positions they take when the row is expanded; the next row follows the collapsed row directly.
 */

/** A panel builder the grid can place. */
export interface PlaceablePanel extends Builder<Panel> {
  gridPos(gridPos: GridPos): unknown;
  id(id: number): unknown;
}

/** Grafana's grid width in columns. */
const COLUMNS = 24;

interface Section {
  readonly title?: string;
  readonly collapsed: boolean;
  readonly panels: Array<{ panel: PlaceablePanel; w: number; h: number }>;
}

/** Collects sections (rows) of panels with their sizes, then adds them to a `DashboardBuilder`. */
export class PackGrid {
  private readonly sections: Section[] = [];

  /** Starts a row; panels added next belong to it. A collapsed row hides its panels until it is opened. */
  public row(title: string, collapsed = false): this {
    this.sections.push({ title, collapsed, panels: [] });
    return this;
  }

  /** Adds a panel `w` columns wide and `h` grid units high to the current row. */
  public add(panel: PlaceablePanel, w: number, h: number): this {
    if (this.sections.length === 0) this.sections.push({ collapsed: false, panels: [] });
    if (!Number.isInteger(w) || w < 1 || w > COLUMNS || !Number.isInteger(h) || h < 1) {
      throw new Error(`PackGrid.add: a panel must be 1 to ${COLUMNS} columns wide and at least 1 high; got w=${w}, h=${h}`);
    }
    this.sections[this.sections.length - 1].panels.push({ panel, w, h });
    return this;
  }

  /** Adds panels side by side across the full width, splitting the 24 columns as evenly as possible. */
  public addEvenly(panels: readonly PlaceablePanel[], h: number): this {
    const base = Math.floor(COLUMNS / panels.length);
    const wider = COLUMNS - base * panels.length;
    panels.forEach((panel, i) => this.add(panel, base + (i < wider ? 1 : 0), h));
    return this;
  }

  /** Adds every row and panel to `dashboard` with explicit grid positions and ids 1, 2, 3, … */
  public addTo(dashboard: DashboardBuilder): DashboardBuilder {
    let y = 0;
    let nextId = 1;
    for (const section of this.sections) {
      let row: RowBuilder | undefined;
      if (section.title !== undefined) {
        row = new RowBuilder(section.title).id(nextId++).gridPos({ x: 0, y, w: COLUMNS, h: 1 }).collapsed(section.collapsed);
        y += 1;
      }
      let x = 0;
      let lineY = y;
      let lineHeight = 0;
      for (const { panel, w, h } of section.panels) {
        if (x + w > COLUMNS) {
          lineY += lineHeight;
          x = 0;
          lineHeight = 0;
        }
        panel.gridPos({ x, y: lineY, w, h });
        panel.id(nextId++);
        x += w;
        lineHeight = Math.max(lineHeight, h);
        if (section.collapsed && row) row.withPanel(panel);
      }
      if (row) dashboard.withRow(row);
      if (!section.collapsed || !row) {
        for (const { panel } of section.panels) dashboard.withPanel(panel);
        y = lineY + lineHeight;
      }
    }
    return dashboard;
  }
}
