import { checkUrlHasNoSecret } from './clear-secrets';
import { integrationSpec } from './receivers/specs';
import { MonitoringConfigError, showValue } from './errors';
import { GO_BUILTIN_FUNCTIONS, GoTemplateSyntaxError, parseGoTemplate, ParsedTemplate, TemplateArg, TemplateNode, TemplatePipe } from './go-template';
import { positionOf } from './promql';
import { ALERTMANAGER_TEMPLATES, PROMETHEUS_RULE_TEMPLATES, TemplateDialect, TemplateType } from './template-dialects';
import { editDistance } from './edit-distance';

// Checks Go templates where they are given: the parse (as the program's parser does it, with its functions and
// variables), then what would fail every expansion although it parses: a field the data does not have
// (`.Labels` at the top of an Alertmanager field, where `.` is the notification data), a field of a string, and,
// for alert annotations, a `{{ template "x" }}` that the text does not define. Calls of notification templates are
// checked across the environment at synth ({@link notificationTemplateErrors}): they may name a template another
// AlertRouting defines.

/** A problem that parses but fails every expansion, at a 0-based offset. */
class TemplateCheckError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** What a checked template uses that is only known across the environment or with a version. */
export interface TemplateFacts {
  /** `{{ define "name" }}` and `{{ block "name" }}` in the text. */
  readonly definitions: readonly { readonly name: string; readonly offset: number }[];
  /** `{{ template "name" }}` calls. */
  readonly references: readonly { readonly name: string; readonly offset: number }[];
  /** Functions and fields that need a newer program than the oldest supported, with the minor version. */
  readonly needs: readonly { readonly what: string; readonly minor: number; readonly offset: number }[];
}

/** Where `.` is the program's data, and where nothing is known about it (the body of a `define`). */
type Context = 'data' | 'definitions';

const UNKNOWN: TemplateType = { kind: 'unknown' };

/** The functions of the other dialect, for a hint when one is used in the wrong program. */
function otherProgram(name: string, dialect: TemplateDialect): string | undefined {
  const other = dialect === PROMETHEUS_RULE_TEMPLATES ? ALERTMANAGER_TEMPLATES : PROMETHEUS_RULE_TEMPLATES;
  return other.functions.has(name) ? other.program : undefined;
}


function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(name, candidate, true);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** The closest template name: by spelling, else one with the same first and last part (`slack.title` → `slack.default.title`). */
function closestTemplate(name: string, defined: Iterable<string>): string | undefined {
  const names = [...defined];
  const near = closest(name, names);
  if (near) return near;
  const parts = name.split('.');
  if (parts.length < 2) return undefined;
  return names.find((n) => {
    const p = n.split('.');
    return p[0] === parts[0] && p[p.length - 1] === parts[parts.length - 1];
  });
}

/** Go's message for an undefined function, with a hint: the other program's function, or the closest name. */
function explainSyntax(error: GoTemplateSyntaxError, dialect: TemplateDialect): string {
  const fn = /^function "(.+)" not defined$/.exec(error.message)?.[1];
  if (fn !== undefined) {
    const other = otherProgram(fn, dialect);
    if (other) return `${error.message}: ${fn} is ${/^[AEIOU]/.test(other) ? 'an' : 'a'} ${other} template function, which ${dialect.program} does not have`;
    const near = closest(fn, [...dialect.functions, ...GO_BUILTIN_FUNCTIONS]);
    return near ? `${error.message}; did you mean ${near}?` : error.message;
  }
  const variable = /^undefined variable "(.+)"$/.exec(error.message)?.[1];
  if (variable !== undefined) {
    const known = ['$', ...Object.keys(dialect.variables)];
    const near = closest(variable, known);
    const declared = `${dialect.program} declares ${known.join(', ')}`;
    return `${error.message} (${declared}; declare others with {{ $name := ... }})${near && near !== '$' ? `; did you mean ${near}?` : ''}`;
  }
  return error.message;
}

/** Field names of a type, for messages. */
function fieldList(type: TemplateType): string {
  if (type.kind === 'struct') return Object.keys(type.fields).join(', ');
  if (type.kind === 'map' || type.kind === 'list') return Object.keys(type.methods).join(', ');
  return '';
}

/** The checker of one text: walks the tree with what `.` and each variable hold. */
class Walker {
  readonly references: { name: string; offset: number }[] = [];
  readonly needs: { what: string; minor: number; offset: number }[] = [];
  private vars: [string, TemplateType][] = [];

  constructor(private readonly dialect: TemplateDialect) {}

  list(nodes: readonly TemplateNode[], dot: TemplateType): void {
    const mark = this.vars.length;
    for (const node of nodes) this.node(node, dot);
    this.vars.length = mark;
  }

  /** Walks a body (a define) where neither `.` nor `$` is known. */
  body(nodes: readonly TemplateNode[]): void {
    const saved = this.vars;
    this.vars = [['$', UNKNOWN]];
    this.list(nodes, UNKNOWN);
    this.vars = saved;
  }

  top(nodes: readonly TemplateNode[], dot: TemplateType): void {
    this.vars = [['$', dot], ...Object.entries(this.dialect.variables)];
    this.list(nodes, dot);
  }

  private node(node: TemplateNode, dot: TemplateType): void {
    switch (node.kind) {
      case 'action':
        this.declare(node.pipe, this.pipe(node.pipe, dot));
        return;
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const type = this.pipe(node.pipe, dot);
        this.declare(node.pipe, type);
        this.list(node.list, node.kind === 'with' ? type : dot);
        if (node.elseList) this.list(node.elseList, dot);
        this.vars.length = mark;
        return;
      }
      case 'range': {
        const mark = this.vars.length;
        const type = this.pipe(node.pipe, dot);
        const element = type.kind === 'list' ? type.element : type.kind === 'map' ? type.value : UNKNOWN;
        // `range $e := x` gives $e the element; `range $i, $e := x` the index (or key) and the element.
        node.pipe.decl.forEach((d, i) => this.vars.push([d.name, node.pipe.decl.length === 2 && i === 0 ? UNKNOWN : element]));
        this.list(node.list, element);
        if (node.elseList) this.list(node.elseList, dot);
        this.vars.length = mark;
        return;
      }
      case 'template':
        this.references.push({ name: node.name, offset: node.pos });
        if (node.pipe) this.pipe(node.pipe, dot);
        return;
      default:
        return;
    }
  }

  private declare(pipe: TemplatePipe, type: TemplateType): void {
    for (const d of pipe.decl) this.vars.push([d.name, pipe.isAssign ? UNKNOWN : type]);
  }

  private variable(name: string): TemplateType {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i][0] === name) return this.vars[i][1];
    return UNKNOWN;
  }

  private pipe(pipe: TemplatePipe, dot: TemplateType): TemplateType {
    let type: TemplateType = UNKNOWN;
    for (const cmd of pipe.cmds) {
      type = UNKNOWN;
      cmd.args.forEach((arg, i) => {
        const t = this.arg(arg, dot);
        if (i === 0 && arg.kind !== 'function') type = t;
      });
    }
    return type;
  }

  private arg(arg: TemplateArg, dot: TemplateType): TemplateType {
    switch (arg.kind) {
      case 'function': {
        const minor = this.dialect.functionsSince[arg.name];
        if (minor !== undefined) this.needs.push({ what: `the template function ${arg.name}`, minor, offset: arg.pos });
        return UNKNOWN;
      }
      case 'field':
        return this.chain(dot, arg.names, arg.pos, '.');
      case 'variable':
        return this.chain(this.variable(arg.name), arg.names, arg.pos, arg.name);
      case 'chain':
        return this.chain(this.pipe(arg.pipe, dot), arg.names, arg.pos, '(...)');
      case 'pipe':
        return this.pipe(arg.pipe, dot);
      case 'dot':
        return dot;
      case 'literal':
        return arg.type === 'string' ? { kind: 'string', name: 'a string' } : arg.type === 'number' ? { kind: 'number', name: 'a number' } : UNKNOWN;
    }
  }

  /** Follows `.A.B` from a value of `type`; refuses a field the value cannot have. */
  private chain(type: TemplateType, names: readonly string[], offset: number, start: string): TemplateType {
    let current = type;
    let path = start === '.' ? '' : start;
    for (const name of names) {
      const here = `${path}.${name}`;
      switch (current.kind) {
        case 'unknown':
          return UNKNOWN;
        case 'struct': {
          const next = current.fields[name];
          if (next === undefined) {
            const near = closest(name, Object.keys(current.fields));
            const hint =
              this.dialect === ALERTMANAGER_TEMPLATES && (name === 'Labels' || name === 'Annotations') && current === ALERTMANAGER_TEMPLATES.data
                ? `; here . is the whole notification: use .Common${name}, or .${name} inside {{ range .Alerts }}...{{ end }}`
                : near
                  ? `; did you mean .${near}?`
                  : '';
            throw new TemplateCheckError(`${here} does not exist: ${path === '' ? '.' : path} is ${current.name}, whose fields are ${fieldList(current)}${hint}`, offset);
          }
          const minor = current.since?.[name];
          if (minor !== undefined) this.needs.push({ what: `the field .${name}`, minor, offset });
          current = next;
          break;
        }
        case 'map':
          current = current.methods[name] ?? current.value;
          break;
        case 'list': {
          const next = current.methods[name];
          if (next === undefined) {
            const methods = fieldList(current);
            throw new TemplateCheckError(
              `${here} does not exist: ${path === '' ? '.' : path} is a list (${current.name})${methods ? ` whose methods are ${methods}` : ''}; ` +
                `take its elements with {{ range ${path === '' ? '.' : path} }}...{{ end }} or {{ index ${path === '' ? '.' : path} 0 }}`,
              offset,
            );
          }
          current = next;
          break;
        }
        default:
          throw new TemplateCheckError(`${here} does not exist: ${path === '' ? '.' : path} is ${current.name}, which has no fields`, offset);
      }
      path = here;
    }
    return current;
  }
}

interface Analysis {
  readonly facts?: TemplateFacts;
  readonly error?: { readonly message: string; readonly offset: number };
}

const analyses = new Map<string, Analysis>();

/** Parses and walks a text once per dialect and context (results are cached: presets repeat their annotations). */
function analyze(text: string, dialect: TemplateDialect, context: Context): Analysis {
  const key = `${dialect.program}\u0000${context}\u0000${text}`;
  let analysis = analyses.get(key);
  if (analysis === undefined) {
    analysis = run(text, dialect, context);
    analyses.set(key, analysis);
  }
  return analysis;
}

function run(text: string, dialect: TemplateDialect, context: Context): Analysis {
  let parsed: ParsedTemplate;
  try {
    parsed = parseGoTemplate(text, { functions: dialect.functions, variables: Object.keys(dialect.variables) });
  } catch (e) {
    if (e instanceof GoTemplateSyntaxError) return { error: { message: explainSyntax(e, dialect), offset: e.offset } };
    throw e;
  }
  const walker = new Walker(dialect);
  try {
    if (context === 'data') walker.top(parsed.root, dialect.data);
    else walker.body(parsed.root);
    for (const definition of parsed.definitions) walker.body(definition.list);
  } catch (e) {
    if (e instanceof TemplateCheckError) return { error: { message: e.message, offset: e.offset } };
    throw e;
  }
  return {
    facts: {
      definitions: parsed.definitions.map((d) => ({ name: d.name, offset: d.pos })),
      references: walker.references,
      needs: walker.needs,
    },
  };
}

/** The text for a message: whole when short, else the line of `offset`, cut around it. */
function excerpt(text: string, offset: number): string {
  if (text.length <= 160 && !text.includes('\n')) return `in ${showValue(text)}`;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const endOfLine = text.indexOf('\n', offset);
  const line = text.slice(start, endOfLine < 0 ? text.length : endOfLine);
  const column = offset - start;
  const from = Math.max(0, column - 60);
  const shown = `${from > 0 ? '...' : ''}${line.slice(from, column + 60)}${column + 60 < line.length ? '...' : ''}`;
  return `in line ${showValue(shown)}`;
}

/** `<where>, <field>: Go template error at L:C in "...": <problem>; expected <expected>`. */
function templateError(where: string, field: string, text: string, offset: number, problem: string, expected: string): MonitoringConfigError {
  const { line, column } = positionOf(text, offset);
  return new MonitoringConfigError(where, field, `Go template error at ${line}:${column} ${excerpt(text, offset)}: ${problem}; expected ${expected}`);
}

const EXPECT_RULE =
  "Go template text that Prometheus can expand (text/template with Prometheus' functions such as humanize and " +
  'humanizePercentage, and $labels, $value, $externalLabels, $externalURL)';
const EXPECT_FIELD =
  "Go template text that Alertmanager can expand (text/template with Alertmanager's functions; . is the notification: " +
  '.Status, .Alerts, .CommonLabels, .CommonAnnotations, .GroupLabels, .ExternalURL)';
const EXPECT_FILE =
  'a notification template file Alertmanager can load: {{ define "name" }}...{{ end }} blocks of Go text/template ' +
  "with Alertmanager's functions";

/**
 * Checks the Go template of an alert annotation or label (Prometheus rules, and Loki's ruler, which expands them
 * the same way): the parse promtool makes, fields of `.` (`.Labels`, `.Value`, ...) and `{{ template }}` calls of
 * templates the text does not define.
 * @param field the field, e.g. `summary` or `annotations.dashboard`
 */
export function checkRuleTemplate(text: string, where: string, field: string): void {
  if (typeof text !== 'string' || !text.includes('{{')) return;
  const analysis = analyze(text, PROMETHEUS_RULE_TEMPLATES, 'data');
  if (analysis.error) throw templateError(where, field, text, analysis.error.offset, analysis.error.message, EXPECT_RULE);
  const defined = new Set(analysis.facts!.definitions.map((d) => d.name));
  const missing = analysis.facts!.references.find((r) => !defined.has(r.name));
  if (missing) {
    throw templateError(
      where,
      field,
      text,
      missing.offset,
      `template ${showValue(missing.name)} is not defined in this text (Prometheus expands each annotation on its own, with no shared templates)`,
      EXPECT_RULE,
    );
  }
}

/** The text fields of an alert rule that Prometheus expands as templates. */
export interface AlertRuleTexts {
  readonly summary?: string;
  readonly description?: string;
  readonly runbookUrl?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Checks every templated text of an alerting rule ({@link checkRuleTemplate}), with the field it was given in. */
export function checkAlertRuleTemplates(rule: AlertRuleTexts, where: string): void {
  const fields: [string, unknown][] = [
    ['summary', rule.summary],
    ['description', rule.description],
    ['runbookUrl', rule.runbookUrl],
    ...Object.entries(rule.labels ?? {}).map(([k, v]): [string, unknown] => [`labels.${k}`, v]),
    ...Object.entries(rule.annotations ?? {}).map(([k, v]): [string, unknown] => [`annotations.${k}`, v]),
  ];
  for (const [field, text] of fields) {
    if (typeof text !== 'string') continue;
    checkRuleTemplate(text, where, field);
    if (/^https?:\/\//.test(text)) checkUrlHasNoSecret(text, where, field, ANNOTATION_URL);
  }
}

/** Why a URL in an annotation must not carry a credential. */
const ANNOTATION_URL =
  'a URL without a credential: annotations travel with every alert to Alertmanager, its UI and every notification';

/**
 * Checks the Go template of a receiver's text field (a Slack title, an email subject, ...): Alertmanager's parse and
 * the fields of the notification data. `{{ template "name" }}` calls are checked at synth, across the environment.
 */
export function checkNotificationField(text: string, where: string, field: string): void {
  if (typeof text !== 'string') return;
  const analysis = analyze(text, ALERTMANAGER_TEMPLATES, 'data');
  if (analysis.error) throw templateError(where, field, text, analysis.error.offset, analysis.error.message, EXPECT_FIELD);
}

/**
 * Checks a notification template file (`AlertRouting` `templates`): Alertmanager's parse of `{{ define }}` blocks.
 * `{{ template "name" }}` calls are checked at synth, across the environment.
 */
export function checkNotificationTemplateFile(text: string, where: string, field: string): void {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new MonitoringConfigError(where, field, `got ${showValue(text)}, expected ${EXPECT_FILE}`);
  }
  const analysis = analyze(text, ALERTMANAGER_TEMPLATES, 'definitions');
  if (analysis.error) throw templateError(where, field, text, analysis.error.offset, analysis.error.message, EXPECT_FILE);
  if (analysis.facts!.definitions.length === 0) {
    throw new MonitoringConfigError(
      where,
      field,
      `defines no template: Alertmanager only uses a file's {{ define "name" }} blocks, which receivers call with {{ template "name" . }}; expected ${EXPECT_FILE}`,
    );
  }
}

/** A receiver's integration, as far as its templated text fields go. */
interface IntegrationTexts {
  readonly type: string;
  readonly options: object;
}

/** The fields of each integration that Alertmanager expands as templates (its `tmpl_string` fields). */
const TEMPLATED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  email: ['subject', 'html', 'text'],
  slack: ['channel', 'title', 'text'],
  pagerduty: ['severity', 'description'],
  opsgenie: ['message', 'priority', 'tags'],
  msteams: ['title', 'text'],
  webhook: [],
};

/** `[field, text]` for each templated text of an integration. */
function integrationTexts(integration: IntegrationTexts): [string, string][] {
  const options = integration.options as Record<string, unknown>;
  const out: [string, string][] = [];
  // The integrations not listed: every top-level field their table marks as a Go template.
  const fields = TEMPLATED_FIELDS[integration.type] ?? (integrationSpec(integration.type)?.fields ?? []).filter((f) => f.kind === 'template').map((f) => f.prop);
  for (const field of fields) {
    if (typeof options[field] === 'string') out.push([field, options[field] as string]);
  }
  if (integration.type === 'opsgenie' && Array.isArray(options.responders)) {
    (options.responders as { name?: unknown }[]).forEach((r, i) => {
      if (typeof r?.name === 'string') out.push([`responders[${i}].name`, r.name]);
    });
  }
  return out;
}

/** Checks every templated text field of an integration ({@link checkNotificationField}); `where` names the integration. */
export function checkIntegrationTemplates(integration: IntegrationTexts, where: string): void {
  for (const [field, text] of integrationTexts(integration)) checkNotificationField(text, where, field);
}

/** What {@link notificationTemplateErrors} reads of each AlertRouting. */
export interface NotificationTemplateSource {
  readonly declaredBy: string;
  readonly receivers: readonly { readonly name: string; readonly integrations: readonly IntegrationTexts[] }[];
  readonly templates: Readonly<Record<string, string>>;
}

/**
 * The errors of an environment's notification templates that only show across AlertRoutings, or with the
 * Alertmanager version: a `{{ template "name" }}` call (in a receiver field or a template file) that neither a
 * template file of the environment nor Alertmanager's default.tmpl defines, which fails every notification at send
 * time and which amtool does not catch; and a function or field newer than `alertmanager.version`.
 * @param version the minor version of the oldest Alertmanager the files are written for (28 for "0.28")
 */
export function notificationTemplateErrors(routings: readonly NotificationTemplateSource[], version: number): MonitoringConfigError[] {
  const errors: MonitoringConfigError[] = [];
  const defined = new Set(ALERTMANAGER_TEMPLATES.builtinTemplates);
  const texts: { where: string; field: string; text: string; facts: TemplateFacts }[] = [];
  for (const routing of routings) {
    for (const [name, text] of Object.entries(routing.templates)) {
      const facts = analyze(text, ALERTMANAGER_TEMPLATES, 'definitions').facts;
      if (!facts) continue; // refused when it was added
      facts.definitions.forEach((d) => defined.add(d.name));
      texts.push({ where: routing.declaredBy, field: `templates.${name}`, text, facts });
    }
    for (const receiver of routing.receivers) {
      for (const integration of receiver.integrations) {
        for (const [field, text] of integrationTexts(integration)) {
          const facts = analyze(text, ALERTMANAGER_TEMPLATES, 'data').facts;
          if (facts) texts.push({ where: `${routing.declaredBy}, receiver ${receiver.name}, ${integration.type}`, field, text, facts });
        }
      }
    }
  }
  const known = [...defined].filter((n) => !ALERTMANAGER_TEMPLATES.builtinTemplates.has(n));
  for (const { where, field, text, facts } of texts) {
    const missing = facts.references.find((r) => !defined.has(r.name));
    if (missing) {
      const near = closestTemplate(missing.name, defined);
      errors.push(
        templateError(
          where,
          field,
          text,
          missing.offset,
          `template ${showValue(missing.name)} is not defined: no template file of the environment defines it and Alertmanager has no default of that name` +
            (near ? `; did you mean ${showValue(near)}?` : ''),
          `the name of a template defined with {{ define "name" }} in AlertRouting templates (defined: ${known.length > 0 ? known.map((k) => showValue(k)).join(', ') : 'none'}) ` +
            'or of an Alertmanager default such as "__subject" or "slack.default.title"',
        ),
      );
      continue;
    }
    const newer = facts.needs.find((n) => n.minor > version);
    if (newer) {
      errors.push(
        templateError(
          where,
          field,
          text,
          newer.offset,
          `${newer.what} came in Alertmanager 0.${newer.minor}, and alertmanager.version is "0.${version}"`,
          `a template without it, or alertmanager.version "0.${newer.minor}" or newer (when every Alertmanager that loads the file is that new)`,
        ),
      );
    }
  }
  return errors;
}
