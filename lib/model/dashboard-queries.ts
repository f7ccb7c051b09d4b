// The queries of a Grafana dashboard (JSON model), the data sources they run on, and their checks: PromQL and LogQL
// parsing after Grafana's template variables are replaced, and data source references against the declared ones.
import { logqlParser, parseLogQLTree } from './logs/logql-parser';
import { DashboardJson } from './dashboard';
import { MonitoringConfigError, invalid, promqlRefused, promqlTypeError, queryParseError, showValue, unknownReference } from './errors';
import { checkLogQL } from './logs/logql';
import { positionOf, promqlErrorOffset, promqlTypeProblem } from './promql';
import { firstErrorOffset, nearText } from './query-parse';
import { invalidRegexMatcher } from './promql-regex';

// PromQL is parsed through promqlErrorOffset, which parses expressions that differ only in label values once.

/** A data source reference as dashboard JSON stores it (`{ type, uid }`; older dashboards store a name string). */
export interface DataSourceRefJson {
  /** The data source uid, a built-in such as `-- Mixed --`, or a variable such as `${DS_PROMETHEUS}`. */
  readonly uid?: string;
  /** The data source plugin type, e.g. `prometheus`. @default - not stored */
  readonly type?: string;
}

/** A data source the checks resolve references against; `DataSourceModel` fits. */
export interface KnownDataSource {
  /** The data source uid. */
  readonly uid: string;
  /** The plugin type (`prometheus`, `loki`, …). @default - unknown: type checks are skipped for this data source */
  readonly type?: string;
  /** The display name, which older dashboards use instead of the uid. @default - none */
  readonly name?: string;
  /** Whether Grafana uses it for panels without a data source. @default false */
  readonly isDefault?: boolean;
}

/** The query languages the checks parse; `other` is any data source whose queries are not parsed. */
export type QueryLanguage = 'promql' | 'logql' | 'other';

/** One query found in a dashboard. */
export interface DashboardQuery {
  /** What holds the query. */
  readonly kind: 'panel' | 'variable' | 'annotation';
  /** Where it is, for messages: `panel "Requests" (row "Traffic"), refId A`. */
  readonly location: string;
  /** The JSON field that holds the expression, relative to `location`: `expr`, `query`, `target.expr`. */
  readonly field: string;
  /** The JSON path of the object that holds the query: `panels[3].targets[0]`. */
  readonly path: string;
  /** The panel title (panel queries). @default - not a panel query, or an untitled panel */
  readonly panelTitle?: string;
  /** The refId, as stored or as Grafana assigns it (A, B, …) (panel queries). @default - not a panel query */
  readonly refId?: string;
  /** The data source the query runs on. @default - the default data source */
  readonly datasource?: DataSourceRefJson;
  /** Where the data source came from. */
  readonly datasourceFrom: 'target' | 'panel' | 'variable' | 'annotation' | 'default';
  /** The data source plugin type, when it could be resolved. @default - unknown */
  readonly dataSourceType?: string;
  /** The language the query is parsed as. */
  readonly language: QueryLanguage;
  /** The expression exactly as the dashboard stores it. */
  readonly expression: string;
}

/** Options of {@link listDashboardQueries} and {@link dashboardQueryErrors}. */
export interface DashboardQueryOptions {
  /**
   * The declared data sources, used to find the type (and so the language) of a reference that has only a uid,
   * and the default data source.
   * @default - none: references without a type are typed by `defaultDataSourceType` only when they use the default
   */
  readonly dataSources?: readonly KnownDataSource[];
  /**
   * The plugin type of the default data source, when `dataSources` marks none as default.
   * @default "prometheus" (the environment's default data source)
   */
  readonly defaultDataSourceType?: string;
}

const MIXED = '-- Mixed --';
const BUILT_IN_UIDS = new Set([MIXED, '-- Grafana --', 'grafana', '-- Dashboard --', '__expr__', '-- Expression --']);
const PARSED_TYPES: Readonly<Record<string, QueryLanguage>> = { prometheus: 'promql', loki: 'logql' };
const LANGUAGE_NAMES: Readonly<Record<'promql' | 'logql', string>> = { promql: 'PromQL', logql: 'LogQL' };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Grafana's refIds for targets without one: A … Z, AA, AB, … */
function refIdFor(index: number): string {
  let n = index;
  let id = '';
  do {
    id = String.fromCharCode(65 + (n % 26)) + id;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return id;
}

/** The dashboard part of a location: `<where>, dashboard "API"`. */
export function dashboardWhere(json: DashboardJson, where: string): string {
  const title = typeof json.title === 'string' && json.title !== '' ? showValue(json.title) : '(untitled)';
  return `${where}, dashboard ${title}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Data source references
// ---------------------------------------------------------------------------------------------------------------

/** A reference normalized from JSON: undefined uid = the default data source. */
interface NormalizedRef {
  readonly uid?: string;
  readonly type?: string;
  /** Stored as a plain string (a name or a uid). */
  readonly legacy: boolean;
}

function normalizeRef(raw: unknown): NormalizedRef | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string') return { uid: raw, legacy: true };
  if (isObject(raw)) {
    const uid = typeof raw.uid === 'string' && raw.uid !== '' ? raw.uid : undefined;
    const type = typeof raw.type === 'string' && raw.type !== '' ? raw.type : undefined;
    if (uid === undefined && type === undefined) return undefined;
    return { uid, type, legacy: false };
  }
  return { uid: String(raw), legacy: true };
}

function isBuiltIn(ref: NormalizedRef | undefined): boolean {
  return ref?.uid !== undefined && BUILT_IN_UIDS.has(ref.uid);
}

function isMixed(ref: NormalizedRef | undefined): boolean {
  return ref?.uid === MIXED;
}

/** The variable name in `$ds`, `${ds}`, `${ds:text}` or `[[ds]]`; undefined for a plain uid. */
function variableNameOf(uid: string | undefined): string | undefined {
  if (uid === undefined) return undefined;
  const match = /^\$(\w+)$|^\$\{(\w+)(?::[^}]*)?\}$|^\[\[(\w+)(?::[^\]]*)?\]\]$/.exec(uid);
  return match ? match[1] ?? match[2] ?? match[3] : undefined;
}

function publicRef(ref: NormalizedRef | undefined): DataSourceRefJson | undefined {
  if (!ref) return undefined;
  return { ...(ref.uid !== undefined ? { uid: ref.uid } : {}), ...(ref.type !== undefined ? { type: ref.type } : {}) };
}

/** The dashboard's template variables and import inputs, by name. */
interface DashboardContext {
  readonly variables: ReadonlyMap<string, Json>;
  readonly inputs: ReadonlyMap<string, Json>;
  readonly known: readonly KnownDataSource[];
  readonly defaultType?: string;
}

function contextOf(json: DashboardJson, options: DashboardQueryOptions): DashboardContext {
  const variables = new Map<string, Json>();
  const templating = isObject(json.templating) ? json.templating : {};
  for (const v of arrayOf(templating.list)) {
    if (isObject(v) && typeof v.name === 'string') variables.set(v.name, v);
  }
  const inputs = new Map<string, Json>();
  for (const input of arrayOf(json.__inputs)) {
    if (isObject(input) && typeof input.name === 'string') inputs.set(input.name, input);
  }
  const known = options.dataSources ?? [];
  const defaultType = known.find((ds) => ds.isDefault)?.type ?? options.defaultDataSourceType ?? 'prometheus';
  return { variables, inputs, known, defaultType };
}

/** The plugin type a reference points at, when it can be told. */
function resolveType(ref: NormalizedRef | undefined, ctx: DashboardContext): string | undefined {
  if (!ref || ref.uid === undefined) return ref?.type ?? ctx.defaultType;
  if (ref.type !== undefined && ref.type !== 'datasource') return ref.type;
  const variable = variableNameOf(ref.uid);
  if (variable !== undefined) {
    const v = ctx.variables.get(variable);
    if (v && v.type === 'datasource' && typeof v.query === 'string') return v.query;
    const input = ctx.inputs.get(variable);
    if (input && typeof input.pluginId === 'string') return input.pluginId;
    return undefined;
  }
  return ctx.known.find((ds) => ds.uid === ref.uid || (ref.legacy && ds.name === ref.uid))?.type;
}

// ---------------------------------------------------------------------------------------------------------------
// Walking the dashboard
// ---------------------------------------------------------------------------------------------------------------

interface PanelVisit {
  readonly panel: Json;
  readonly path: string;
  readonly rowTitle?: string;
}

/** Every panel: top level, inside rows (collapsed rows nest their panels), and in pre-5.0 `rows`. */
function panelsOf(json: DashboardJson): PanelVisit[] {
  const visits: PanelVisit[] = [];
  arrayOf(json.panels).forEach((panel, i) => {
    if (!isObject(panel)) return;
    visits.push({ panel, path: `panels[${i}]` });
    if (panel.type === 'row') {
      const rowTitle = typeof panel.title === 'string' ? panel.title : undefined;
      arrayOf(panel.panels).forEach((nested, j) => {
        if (isObject(nested)) visits.push({ panel: nested, path: `panels[${i}].panels[${j}]`, rowTitle });
      });
    }
  });
  arrayOf(json.rows).forEach((row, i) => {
    if (!isObject(row)) return;
    const rowTitle = typeof row.title === 'string' ? row.title : undefined;
    arrayOf(row.panels).forEach((panel, j) => {
      if (isObject(panel)) visits.push({ panel, path: `rows[${i}].panels[${j}]`, rowTitle });
    });
  });
  return visits;
}

function describePanel(visit: PanelVisit): string {
  const { panel, path, rowTitle } = visit;
  const title = typeof panel.title === 'string' && panel.title !== '' ? `panel ${showValue(panel.title)}` : `untitled panel at ${path}`;
  return rowTitle !== undefined && rowTitle !== '' ? `${title} (row ${showValue(rowTitle)})` : title;
}

function languageOf(type: string | undefined): QueryLanguage {
  return (type !== undefined && PARSED_TYPES[type]) || 'other';
}

/** Lists every query of a dashboard with the data source it runs on. Expression queries (`__expr__`) are left out. */
export function listDashboardQueries(json: DashboardJson, options: DashboardQueryOptions = {}): DashboardQuery[] {
  const ctx = contextOf(json, options);
  const queries: DashboardQuery[] = [];

  for (const visit of panelsOf(json)) {
    const { panel } = visit;
    if (panel.type === 'row') continue;
    const panelRef = normalizeRef(panel.datasource);
    arrayOf(panel.targets).forEach((target, k) => {
      if (!isObject(target) || !('expr' in target)) return;
      const targetRef = normalizeRef(target.datasource);
      // A panel's data source runs all its queries, unless it is `-- Mixed --` (or unset): then each target's does.
      const useTarget = panelRef === undefined || isMixed(panelRef);
      const ref = useTarget ? targetRef : panelRef;
      if (ref?.uid === '__expr__' || ref?.type === '__expr__') return;
      const refId = typeof target.refId === 'string' && target.refId !== '' ? target.refId : refIdFor(k);
      const type = resolveType(ref, ctx);
      queries.push({
        kind: 'panel',
        location: `${describePanel(visit)}, refId ${refId}`,
        field: 'expr',
        path: `${visit.path}.targets[${k}]`,
        panelTitle: typeof panel.title === 'string' && panel.title !== '' ? panel.title : undefined,
        refId,
        datasource: publicRef(ref),
        datasourceFrom: ref === undefined ? 'default' : useTarget ? 'target' : 'panel',
        dataSourceType: type,
        language: languageOf(type),
        expression: target.expr as string,
      });
    });
  }

  const templating = isObject(json.templating) ? json.templating : {};
  arrayOf(templating.list).forEach((v, i) => {
    if (!isObject(v) || v.type !== 'query') return;
    const ref = normalizeRef(v.datasource);
    const type = resolveType(ref, ctx);
    const query = isObject(v.query) ? v.query : undefined;
    const field = typeof v.query === 'string' ? 'query' : typeof query?.query === 'string' ? 'query.query' : 'query.stream';
    const text = typeof v.query === 'string' ? v.query : typeof query?.query === 'string' ? query.query : query?.stream;
    if (text === undefined) return;
    queries.push({
      kind: 'variable',
      location: `variable ${showValue(v.name)}`,
      field,
      path: `templating.list[${i}]`,
      datasource: publicRef(ref),
      datasourceFrom: ref === undefined ? 'default' : 'variable',
      dataSourceType: type,
      language: languageOf(type),
      expression: text as string,
    });
  });

  const annotations = isObject(json.annotations) ? arrayOf(json.annotations.list) : [];
  annotations.forEach((a, i) => {
    if (!isObject(a) || a.builtIn === 1) return;
    const target = isObject(a.target) ? a.target : undefined;
    const field = 'expr' in a ? 'expr' : target && 'expr' in target ? 'target.expr' : undefined;
    if (field === undefined) return;
    const ref = normalizeRef(a.datasource);
    if (isBuiltIn(ref)) return;
    const type = resolveType(ref, ctx);
    const name = typeof a.name === 'string' && a.name !== '' ? showValue(a.name) : `#${i}`;
    queries.push({
      kind: 'annotation',
      location: `annotation ${name}`,
      field,
      path: `annotations.list[${i}]`,
      datasource: publicRef(ref),
      datasourceFrom: ref === undefined ? 'default' : 'annotation',
      dataSourceType: type,
      language: languageOf(type),
      expression: (field === 'expr' ? a.expr : target?.expr) as string,
    });
  });
  return queries;
}

// ---------------------------------------------------------------------------------------------------------------
// Template variables
// ---------------------------------------------------------------------------------------------------------------

/** An expression with Grafana's template variables replaced, and where each character came from. */
export interface InterpolatedExpression {
  /** The expression the parser sees. */
  readonly text: string;
  /** For each offset in `text` (and its end), the offset in the original expression. */
  readonly origin: readonly number[];
}

/** Placeholder for a variable inside `[...]` (a range or subquery) or after `offset`. */
const PLACEHOLDER_DURATION = '5m';
/** Grafana's built-in variables that hold a number (milliseconds, seconds, timestamps) rather than a duration. */
const NUMERIC_BUILT_INS = new Set(['__interval_ms', '__range_ms', '__range_s', '__from', '__to', '__rate_interval_ms']);
/** Grafana's built-in variables that hold a duration (`5m`). */
const DURATION_BUILT_INS = new Set(['__interval', '__rate_interval', '__range', '__auto']);
/** Functions whose first parameter is a number (LogQL requires a literal there). */
const NUMERIC_PARAMETER = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio', 'approx_topk', 'quantile', 'quantile_over_time', 'histogram_quantile']);
/** Characters after which a value is expected: comparison and arithmetic operators. */
const OPERATOR_BEFORE_VALUE = new Set(['<', '>', '=', '+', '-', '*', '/', '%', '^']);
const VARIABLE = /\$(\w+)|\$\{(\w+)(?:\.[^:}]+)?(?::[^}]*)?\}|\[\[(\w+)(?::[^\]]*)?\]\]/y;
const WORD = /[a-zA-Z_][a-zA-Z0-9_:]*/y;

/**
 * Replaces Grafana template variables (`$__rate_interval`, `$__interval`, `$__range`, `$var`, `${var}`,
 * `${var:regex}`, `[[var]]`) so that the expression can be parsed:
 * - inside a range or subquery `[...]`, and after `offset`: a duration (`5m`);
 * - inside a quoted string: the variable's name;
 * - after an operator, as the number parameter of `topk`/`quantile_over_time`/…, and for Grafana's built-ins
 *   outside brackets (`$__range_s`, `$__interval_ms`, …): the number `1`;
 * - elsewhere (metric names, label names, `by (...)` lists): a plain identifier, the variable's name.
 */
export function interpolateTemplateVariables(expression: string): InterpolatedExpression {
  let text = '';
  const origin: number[] = [];
  const emit = (chunk: string, from: number, copy: boolean) => {
    text += chunk;
    for (let k = 0; k < chunk.length; k++) origin.push(copy ? from + k : from);
  };
  let quote: string | undefined;
  let bracketDepth = 0;
  let braceDepth = 0;
  let lastWord = '';
  let previous = ''; // the last significant character outside strings
  const parens: string[] = []; // the word before each open `(`
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i];
    VARIABLE.lastIndex = i;
    const match = ch === '$' || (ch === '[' && expression[i + 1] === '[') ? VARIABLE.exec(expression) : null;
    if (match) {
      const name = match[1] ?? match[2] ?? match[3];
      let replacement: string;
      if (quote !== undefined) replacement = name;
      else if (bracketDepth > 0 || lastWord === 'offset') replacement = PLACEHOLDER_DURATION;
      else if (braceDepth > 0) replacement = /^[a-zA-Z_]/.test(name) ? name : `v_${name}`;
      else if (
        NUMERIC_BUILT_INS.has(name) ||
        DURATION_BUILT_INS.has(name) ||
        OPERATOR_BEFORE_VALUE.has(previous) ||
        (previous === '(' && NUMERIC_PARAMETER.has(parens[parens.length - 1] ?? ''))
      ) {
        replacement = '1';
      } else replacement = /^[a-zA-Z_]/.test(name) ? name : `v_${name}`;
      emit(replacement, i, false);
      i += match[0].length;
      if (quote === undefined) {
        lastWord = '';
        previous = 'a';
      }
      continue;
    }
    if (quote !== undefined) {
      if (ch === '\\' && quote !== '`' && i + 1 < expression.length) {
        emit(expression.slice(i, i + 2), i, true);
        i += 2;
        continue;
      }
      if (ch === quote) quote = undefined;
      emit(ch, i, true);
      i += 1;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(expression);
    if (word) {
      emit(word[0], i, true);
      i += word[0].length;
      lastWord = word[0].toLowerCase();
      previous = 'a';
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '[') bracketDepth += 1;
    else if (ch === ']') bracketDepth = Math.max(0, bracketDepth - 1);
    else if (ch === '{') braceDepth += 1;
    else if (ch === '}') braceDepth = Math.max(0, braceDepth - 1);
    else if (ch === '(') parens.push(lastWord);
    else if (ch === ')') parens.pop();
    if (!/\s/.test(ch)) {
      lastWord = '';
      previous = ch;
    }
    emit(ch, i, true);
    i += 1;
  }
  origin.push(expression.length);
  return { text, origin };
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------------------------


/** The parts of a template-variable query that are expressions, with their offsets in the query. */
function variableQueryParts(language: 'promql' | 'logql', query: string, field: string): { text: string; offset: number }[] {
  if (field === 'query.stream') return [{ text: query, offset: 0 }];
  const inner = (re: RegExp, group: number): { text: string; offset: number }[] | undefined => {
    const match = re.exec(query);
    if (!match) return undefined;
    const span = match.indices?.[group];
    return span ? [{ text: query.slice(span[0], span[1]), offset: span[0] }] : [];
  };
  if (language === 'promql') {
    return (
      inner(/^\s*label_names\(\s*\)\s*$/d, 1) ??
      inner(/^\s*label_names\((.+)\)\s*$/d, 1) ??
      inner(/^\s*label_values\((?:(.+),\s*)?([a-zA-Z_$][a-zA-Z0-9_]*)\)\s*$/d, 1) ??
      inner(/^\s*metrics\((.+)\)\s*$/d, 2) ?? // a regular expression, not PromQL
      inner(/^\s*query_result\((.+)\)\s*$/d, 1) ?? [{ text: query, offset: 0 }] // a series selector
    );
  }
  return (
    inner(/^\s*label_names\(\s*\)\s*$/d, 1) ??
    inner(/^\s*label_values\((?:(.+),\s*)?([a-zA-Z_][a-zA-Z0-9_]*)\)\s*$/d, 1) ??
    (/^\s*\{/.test(query) ? [{ text: query, offset: 0 }] : [])
  );
}

const parsedInterpolated = new Set<string>();
/** String literals and `[...]` ranges of a query, where a template variable is a label value or a duration. */
const VALUES_AND_RANGES = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|\[[^\]]*\]/g;
/** A template variable (`$x`, `${x}`, `[[x]]`) left after values and ranges are taken out. */
const VARIABLE_OUTSIDE_VALUES = /\$|\[\[/;

/** The parse error of one query, with its position in the expression as stored. */
function queryError(query: DashboardQuery, base: string): MonitoringConfigError | undefined {
  if (query.language === 'other') return undefined;
  const where = `${base}, ${query.location}`;
  const expression = query.expression;
  const language = query.language;
  if (typeof expression !== 'string') {
    return invalid(where, query.field, expression, `a ${LANGUAGE_NAMES[language]} expression string`);
  }
  if (expression.trim() === '') return undefined; // an unfinished query Grafana shows as empty; nothing to run
  const parts = query.kind === 'variable' ? variableQueryParts(language, expression, query.field) : [{ text: expression, offset: 0 }];
  for (const part of parts) {
    const { text, origin } = interpolateTemplateVariables(part.text);
    const cacheKey = `${language}\u0000${text}`;
    if (parsedInterpolated.has(cacheKey)) continue;
    const errorAt = language === 'promql' ? promqlErrorOffset(text) : firstErrorOffset(logqlParser, text, parseLogQLTree(text));
    if (errorAt < 0) {
      // LogQL has rules beyond the grammar (a stream selector needs a matcher that cannot match ""): the shared check.
      if (language === 'logql') {
        try {
          checkLogQL(text, where, query.field);
        } catch (e) {
          if (e instanceof MonitoringConfigError) return e;
          throw e;
        }
      }
      // Types are checked where no variable stands for an expression or a number (a replaced one could be either).
      if (language === 'promql' && !VARIABLE_OUTSIDE_VALUES.test(part.text.replace(VALUES_AND_RANGES, ''))) {
        const problem = promqlTypeProblem(text);
        if (problem) {
          const { line, column } = positionOf(expression, part.offset + origin[Math.min(problem.at, text.length)]);
          return promqlTypeError(where, query.field, problem.message, line, column, expression);
        }
      }
      // Prometheus compiles regex matchers with Go's regexp (RE2); a variable stands in by its name there.
      const regex = language === 'promql' ? invalidRegexMatcher(text) : undefined;
      if (regex) {
        const { line, column } = positionOf(expression, part.offset + origin[Math.min(regex.at, text.length)]);
        return promqlRefused(where, query.field, regex.what, line, column, regex.reason, expression);
      }
      parsedInterpolated.add(cacheKey);
      continue;
    }
    const offset = part.offset + origin[Math.min(errorAt, text.length)];
    const { line, column } = positionOf(expression, offset);
    return queryParseError(where, query.field, LANGUAGE_NAMES[language], line, column, nearText(expression, offset), expression);
  }
  return undefined;
}

/**
 * Parses every Prometheus (PromQL) and Loki (LogQL) query of a dashboard: panel targets (also inside collapsed
 * rows), query variables and annotations, after replacing Grafana's template variables. Returns one error per
 * query that does not parse, naming the dashboard, the panel, the refId, the position in the expression as stored
 * (line:column) and the expression. LogQL queries also get the checks of `checkLogQL` (`model/logs/logql`), such
 * as a stream selector that Loki refuses because every matcher accepts the empty string.
 */
export function dashboardQueryErrors(json: DashboardJson, where: string, options: DashboardQueryOptions = {}): MonitoringConfigError[] {
  const base = dashboardWhere(json, where);
  const errors: MonitoringConfigError[] = [];
  for (const query of listDashboardQueries(json, options)) {
    const error = queryError(query, base);
    if (error) errors.push(error);
  }
  return errors;
}

/** Like {@link dashboardQueryErrors}, but throws the first error. */
export function checkDashboardQueries(json: DashboardJson, where: string, options: DashboardQueryOptions = {}): void {
  const [first] = dashboardQueryErrors(json, where, options);
  if (first) throw first;
}

// ---------------------------------------------------------------------------------------------------------------
// Data source references
// ---------------------------------------------------------------------------------------------------------------

/** A data source reference found in a dashboard, and where. */
interface RefSite {
  readonly location: string;
  readonly field: string;
  readonly ref: NormalizedRef | undefined;
}

function refSites(json: DashboardJson): RefSite[] {
  const sites: RefSite[] = [];
  for (const visit of panelsOf(json)) {
    const { panel } = visit;
    if (panel.type === 'row') continue;
    const location = describePanel(visit);
    const panelRef = normalizeRef(panel.datasource);
    const targets = arrayOf(panel.targets).filter(isObject);
    // Without a panel data source, each target's runs; the default only for targets without one.
    const usesDefault = panelRef === undefined && targets.some((t) => normalizeRef(t.datasource) === undefined);
    if (panelRef !== undefined || usesDefault) sites.push({ location, field: 'datasource', ref: panelRef });
    targets.forEach((target, k) => {
      const refId = typeof target.refId === 'string' && target.refId !== '' ? target.refId : refIdFor(k);
      const targetRef = normalizeRef(target.datasource);
      // Grafana stores the panel's data source on each target too; report a bad one once, for the panel.
      const sameAsPanel = targetRef?.uid !== undefined && targetRef.uid === panelRef?.uid;
      if (targetRef !== undefined && !sameAsPanel) sites.push({ location: `${location}, refId ${refId}`, field: 'datasource', ref: targetRef });
      else if (isMixed(panelRef)) sites.push({ location: `${location}, refId ${refId}`, field: 'datasource', ref: undefined });
    });
  }
  const templating = isObject(json.templating) ? json.templating : {};
  for (const v of arrayOf(templating.list)) {
    if (!isObject(v) || v.type !== 'query') continue;
    sites.push({ location: `variable ${showValue(v.name)}`, field: 'datasource', ref: normalizeRef(v.datasource) });
  }
  const annotations = isObject(json.annotations) ? arrayOf(json.annotations.list) : [];
  annotations.forEach((a, i) => {
    if (!isObject(a) || a.builtIn === 1) return;
    const name = typeof a.name === 'string' && a.name !== '' ? showValue(a.name) : `#${i}`;
    sites.push({ location: `annotation ${name}`, field: 'datasource', ref: normalizeRef(a.datasource) });
  });
  return sites;
}

/** The accepted forms of the known data sources: uids (strings) or `{ uid, type, name, isDefault }` objects. */
export type KnownDataSourceInput = string | KnownDataSource;

function declaredList(known: readonly KnownDataSource[]): string {
  return known.length === 0 ? 'none is declared' : `declared: ${known.map((ds) => showValue(ds.uid)).join(', ')}`;
}

function refError(site: RefSite, base: string, ctx: DashboardContext): MonitoringConfigError | undefined {
  const where = `${base}, ${site.location}`;
  const { ref } = site;
  const known = ctx.known;
  if (ref === undefined || ref.uid === undefined) {
    if (known.length > 0) {
      if (ref?.type === undefined || !known.some((ds) => ds.type !== undefined)) return undefined;
      if (known.some((ds) => ds.type === ref.type)) return undefined;
      return invalid(where, `${site.field}.type`, ref.type, `the type of a declared data source (${declaredTypes(known)})`);
    }
    return new MonitoringConfigError(
      where,
      site.field,
      'is not set, so Grafana would use the default data source, but no data source is declared; expected the uid of a declared data source',
    );
  }
  if (isBuiltIn(ref)) return undefined;
  const variable = variableNameOf(ref.uid);
  if (variable !== undefined) return variableRefError(site, where, variable, ctx);
  const match = known.find((ds) => ds.uid === ref.uid) ?? (ref.legacy ? known.find((ds) => ds.name === ref.uid) : undefined);
  if (!match) {
    return unknownReference(where, site.field, ref.uid, 'data source', known.map((ds) => ds.uid));
  }
  if (ref.type !== undefined && ref.type !== 'datasource' && match.type !== undefined && ref.type !== match.type) {
    return invalid(where, `${site.field}.type`, ref.type, `${showValue(match.type)}, the type of data source ${showValue(match.uid)}`);
  }
  return undefined;
}

function declaredTypes(known: readonly KnownDataSource[]): string {
  const types = [...new Set(known.map((ds) => ds.type).filter((t): t is string => t !== undefined))].sort();
  return `declared types: ${types.map((t) => showValue(t)).join(', ')}`;
}

function variableRefError(site: RefSite, where: string, variable: string, ctx: DashboardContext): MonitoringConfigError | undefined {
  const uid = site.ref?.uid;
  // A `datasource` variable's own type is checked once, for the variable (see dataSourceRefErrors).
  if (ctx.variables.get(variable)?.type === 'datasource') return undefined;
  const input = ctx.inputs.get(variable);
  if (input) {
    return new MonitoringConfigError(
      where,
      site.field,
      `got ${showValue(uid)}, an import placeholder from "__inputs" that Grafana does not fill in for provisioned dashboards; ` +
        `expected the uid of a declared data source (${declaredList(ctx.known)}) or a template variable of type "datasource" named ${showValue(variable)}`,
    );
  }
  return new MonitoringConfigError(
    where,
    site.field,
    `got ${showValue(uid)}, which names no template variable of type "datasource"; expected the uid of a declared data source (${declaredList(ctx.known)}) or a "datasource" variable named ${showValue(variable)}`,
  );
}

function toKnown(known: readonly KnownDataSourceInput[]): KnownDataSource[] {
  return known.map((ds) => (typeof ds === 'string' ? { uid: ds } : ds));
}

/**
 * Checks every data source a dashboard names (panels, targets, query variables, annotations) against the declared
 * ones, and returns one error per bad reference naming the unknown uid and the declared ones. References through
 * a `datasource` template variable (`${datasource}`) pass when a declared data source has the variable's type;
 * import placeholders from `__inputs` (`${DS_PROMETHEUS}`) are reported, because provisioning does not fill them in.
 * Built-ins (`-- Mixed --`, `-- Grafana --`, `-- Dashboard --`, expressions) always pass.
 */
export function dataSourceRefErrors(json: DashboardJson, known: readonly KnownDataSourceInput[], where: string): MonitoringConfigError[] {
  const ctx = contextOf(json, { dataSources: toKnown(known) });
  const base = dashboardWhere(json, where);
  const errors: MonitoringConfigError[] = [];
  const seen = new Set<string>();
  for (const site of refSites(json)) {
    const error = refError(site, base, ctx);
    if (error && !seen.has(error.message)) {
      seen.add(error.message);
      errors.push(error);
    }
  }
  for (const [name, v] of ctx.variables) {
    if (v.type !== 'datasource' || typeof v.query !== 'string') continue;
    const typed = ctx.known.some((ds) => ds.type !== undefined);
    if (typed && !ctx.known.some((ds) => ds.type === v.query)) {
      errors.push(
        invalid(`${base}, variable ${showValue(name)}`, 'query', v.query, `the type of a declared data source (${declaredTypes(ctx.known)})`),
      );
    }
  }
  return errors;
}

/**
 * Throws the first error of {@link dataSourceRefErrors}: a dashboard that names a data source the environment
 * does not declare.
 */
export function checkDataSourceRefs(json: DashboardJson, known: readonly KnownDataSourceInput[], where: string): void {
  const [first] = dataSourceRefErrors(json, known, where);
  if (first) throw first;
}
