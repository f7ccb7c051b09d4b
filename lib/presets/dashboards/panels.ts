import {
  GraphDrawStyle,
  LegendDisplayMode,
  LegendPlacement,
  LogsDedupStrategy,
  LogsSortOrder,
  ReduceDataOptionsBuilder,
  SortOrder,
  StackingConfigBuilder,
  StackingMode,
  TooltipDisplayMode,
  VizLegendOptionsBuilder,
  VizTooltipOptionsBuilder,
  BigValueColorMode,
  BigValueGraphMode,
} from '@grafana/grafana-foundation-sdk/common';
import { MappingType, ThresholdsConfigBuilder, ThresholdsMode, ValueMapping } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as GaugePanel } from '@grafana/grafana-foundation-sdk/gauge';
import { DataqueryBuilder as ElasticsearchQuery, Logs as ElasticsearchLogs } from '@grafana/grafana-foundation-sdk/elasticsearch';
import { DataqueryBuilder as LokiQuery } from '@grafana/grafana-foundation-sdk/loki';
import { PanelBuilder as LogsPanel } from '@grafana/grafana-foundation-sdk/logs';
import { DataqueryBuilder as PromQuery, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanel } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TablePanel } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanel } from '@grafana/grafana-foundation-sdk/timeseries';

/**
 * Panel factories the dashboard packs share: today's panel types (timeseries, stat, gauge, table, logs), each
 * with its unit, legend and query settings in one place.
 */

/** The data source a pack's panels query. */
export interface PackDataSource {
  /** The plugin type. */
  readonly type: 'prometheus' | 'loki';
  /** The data source uid. */
  readonly uid: string;
}

/** One query of a panel. */
export interface QuerySpec {
  /** The PromQL or LogQL expression. */
  readonly expr: string;
  /** Legend template, e.g. `{{instance}}`. @default - Grafana's automatic legend */
  readonly legend?: string;
  /** Evaluate once at the end of the range instead of over the range. @default false */
  readonly instant?: boolean;
}

/** A threshold step: from `value` upwards (null: the base step) the color applies. */
export interface ThresholdStep {
  /** Where the step starts; null for the base. */
  readonly value: number | null;
  /** A Grafana color name or hex color. */
  readonly color: string;
}

/** Options every factory takes. */
export interface PanelSpec {
  /** Panel title. */
  readonly title: string;
  /** Grafana unit id (`reqps`, `percentunit`, `s`, `bytes`, …). */
  readonly unit: string;
  /** Hover text under the (i) icon. @default - none */
  readonly description?: string;
  /** Threshold steps (colors in stat/gauge panels, threshold lines off in timeseries). @default - green base only */
  readonly thresholds?: readonly ThresholdStep[];
  /** Axis/gauge minimum. @default - automatic */
  readonly min?: number;
  /** Axis/gauge maximum. @default - automatic */
  readonly max?: number;
  /** Decimals to show. @default - automatic */
  readonly decimals?: number;
  /** Value → text mappings, e.g. `{ 0: 'down', 1: 'up' }`. @default - none */
  readonly valueText?: Readonly<Record<string, { text: string; color: string }>>;
}

/** Options of {@link timeseries}. */
export interface TimeseriesSpec extends PanelSpec {
  /** Stack the series. @default false */
  readonly stacked?: boolean;
  /** Draw bars instead of lines (counts per interval). @default false */
  readonly bars?: boolean;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function targetsOf(ds: PackDataSource, queries: readonly QuerySpec[], table = false): Array<PromQuery | LokiQuery> {
  return queries.map((q, i) => {
    if (ds.type === 'prometheus') {
      const target = new PromQuery().refId(LETTERS[i]).expr(q.expr);
      if (q.legend !== undefined) target.legendFormat(q.legend);
      if (q.instant || table) target.instant();
      else target.range();
      if (table) target.format(PromQueryFormat.Table);
      return target;
    }
    const target = new LokiQuery().refId(LETTERS[i]).expr(q.expr).queryType(q.instant || table ? 'instant' : 'range');
    if (q.legend !== undefined) target.legendFormat(q.legend);
    return target;
  });
}

function thresholds(steps: readonly ThresholdStep[] | undefined): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder()
    .mode(ThresholdsMode.Absolute)
    .steps((steps ?? [{ value: null, color: 'green' }]).map((s) => ({ value: s.value, color: s.color })));
}

function mappings(valueText: PanelSpec['valueText']): ValueMapping[] {
  if (!valueText) return [];
  const options: Record<string, { text: string; color: string; index: number }> = {};
  Object.keys(valueText).forEach((value, index) => {
    options[value] = { ...valueText[value], index };
  });
  return [{ type: MappingType.ValueToText, options }];
}

type Common = TimeseriesPanel | StatPanel | GaugePanel | TablePanel;

function common<T extends Common>(panel: T, ds: PackDataSource, spec: PanelSpec): T {
  panel.title(spec.title).datasource({ type: ds.type, uid: ds.uid }).unit(spec.unit).thresholds(thresholds(spec.thresholds));
  if (spec.description !== undefined) panel.description(spec.description);
  if (spec.min !== undefined) panel.min(spec.min);
  if (spec.max !== undefined) panel.max(spec.max);
  if (spec.decimals !== undefined) panel.decimals(spec.decimals);
  if (spec.valueText) panel.mappings(mappings(spec.valueText));
  return panel;
}

/** A time series panel with a bottom legend and a shared tooltip. */
export function timeseries(ds: PackDataSource, spec: TimeseriesSpec, queries: readonly QuerySpec[]): TimeseriesPanel {
  const panel = common(new TimeseriesPanel(), ds, spec)
    .legend(new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom).calcs([]))
    .tooltip(new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending))
    .fillOpacity(spec.bars || spec.stacked ? 60 : 10)
    .lineWidth(1);
  if (spec.bars) panel.drawStyle(GraphDrawStyle.Bars);
  if (spec.stacked) panel.stacking(new StackingConfigBuilder().mode(StackingMode.Normal));
  for (const target of targetsOf(ds, queries)) panel.withTarget(target);
  return panel;
}

/** A single big number (last value), colored by thresholds, with a sparkline unless the query is instant. */
export function stat(ds: PackDataSource, spec: PanelSpec, query: QuerySpec): StatPanel {
  const panel = common(new StatPanel(), ds, spec)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .graphMode(query.instant ? BigValueGraphMode.None : BigValueGraphMode.Area)
    .colorMode(BigValueColorMode.Value);
  for (const target of targetsOf(ds, [query])) panel.withTarget(target);
  return panel;
}

/** A gauge (last value) between `min` and `max`. */
export function gauge(ds: PackDataSource, spec: PanelSpec, query: QuerySpec): GaugePanel {
  const panel = common(new GaugePanel(), ds, spec)
    .reduceOptions(new ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .showThresholdMarkers(true);
  for (const target of targetsOf(ds, [query])) panel.withTarget(target);
  return panel;
}

/** A table of instant query results (one row per series), without the time column. */
export function table(ds: PackDataSource, spec: PanelSpec, queries: readonly QuerySpec[]): TablePanel {
  const panel = common(new TablePanel(), ds, spec).withTransformation({ id: 'organize', options: { excludeByName: { Time: true } } });
  if (queries.length > 1) panel.withTransformation({ id: 'merge', options: {} });
  for (const target of targetsOf(ds, queries, true)) panel.withTarget(target);
  return panel;
}

/** Log lines (Loki), newest first, with time, wrapping and details. */
export function logs(ds: PackDataSource, title: string, expr: string, description?: string): LogsPanel {
  const panel = new LogsPanel()
    .title(title)
    .datasource({ type: ds.type, uid: ds.uid })
    .showTime(true)
    .wrapLogMessage(true)
    .enableLogDetails(true)
    .sortOrder(LogsSortOrder.Descending)
    .dedupStrategy(LogsDedupStrategy.None)
    .withTarget(new LokiQuery().refId('A').expr(expr).queryType('range').maxLines(1000));
  if (description !== undefined) panel.description(description);
  return panel;
}

/**
 * The `logs` metric aggregation of an Elasticsearch query (`MetricAggregationType` "logs"). Written out because the
 * foundation SDK 0.0.21's `LogsBuilder` defaults its `type` to "unknown", which Grafana does not know.
 */
const LOGS_AGGREGATION = { build: (): ElasticsearchLogs => ({ type: 'logs', id: '1' }) };

/**
 * A logs panel of the documents an Elasticsearch (Lucene) query finds, newest first: Grafana's `logs` metric
 * aggregation, which returns raw documents with the data source's message and level fields.
 */
export function elasticsearchLogs(uid: string, title: string, query: string, description?: string): LogsPanel {
  const panel = new LogsPanel()
    .title(title)
    .datasource({ type: 'elasticsearch', uid })
    .showTime(true)
    .wrapLogMessage(true)
    .enableLogDetails(true)
    .sortOrder(LogsSortOrder.Descending)
    .dedupStrategy(LogsDedupStrategy.None)
    .withTarget(new ElasticsearchQuery().refId('A').datasource({ type: 'elasticsearch', uid }).query(query).metrics([LOGS_AGGREGATION]).bucketAggs([]));
  if (description !== undefined) panel.description(description);
  return panel;
}

/** Thresholds for a ratio where more is worse (errors): green, orange from `warn`, red from `crit`. */
export function worseAbove(warn: number, crit: number): ThresholdStep[] {
  return [
    { value: null, color: 'green' },
    { value: warn, color: 'orange' },
    { value: crit, color: 'red' },
  ];
}

/** Thresholds where less is worse (availability, hit ratio): red, orange from `crit`, green from `ok`. */
export function worseBelow(crit: number, ok: number): ThresholdStep[] {
  return [
    { value: null, color: 'red' },
    { value: crit, color: 'orange' },
    { value: ok, color: 'green' },
  ];
}

/** Value text for 0/1 health metrics (`up`, `probe_success`, `pg_up`). */
export const UP_DOWN = { 0: { text: 'down', color: 'red' }, 1: { text: 'up', color: 'green' } } as const;
