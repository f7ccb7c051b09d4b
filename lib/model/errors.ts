/**
 * Every error and warning text the library produces is built here, so wording stays consistent and
 * tests can assert one format: `<where>, <field>: <problem>; got <value>, expected <expectation>`.
 */

/** An invalid input found while building or synthesizing a monitoring environment. */
export class MonitoringConfigError extends Error {
  /** Where the bad input was given, e.g. `AlertGroup dev/monitoring/api-health, rule HighErrorRate`. */
  public readonly where: string;
  /** The prop or field that holds the bad input, e.g. `expr`. */
  public readonly field: string;
  /** What is wrong with it, e.g. `got "5 m", expected a Prometheus duration ...`. */
  public readonly detail: string;

  constructor(where: string, field: string, detail: string) {
    super(`${where}, ${field}: ${detail}`);
    this.name = 'MonitoringConfigError';
    this.where = where;
    this.field = field;
    this.detail = detail;
  }

  /** The same problem, reported where it was received: `<where>, <field>: <detail>`. */
  public at(where: string, field: string = this.field): MonitoringConfigError {
    return new MonitoringConfigError(where, field, this.detail);
  }
}

/** Renders a user value for an error message: strings quoted, everything else as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value); // JSON would say null
  try {
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    return String(value);
  }
}

/** `got <value>, expected <expected>`: the common shape of a bad-value error. */
export function invalid(where: string, field: string, value: unknown, expected: string): MonitoringConfigError {
  return new MonitoringConfigError(where, field, `got ${showValue(value)}, expected ${expected}`);
}

/** A field that has to be given was left out. */
export function missing(where: string, field: string, expected: string): MonitoringConfigError {
  return new MonitoringConfigError(where, field, `is required: expected ${expected}`);
}

/** Two things that must be unique share a name. */
export function duplicate(where: string, field: string, value: unknown, firstSeenAt: string): MonitoringConfigError {
  return new MonitoringConfigError(
    where,
    field,
    `got ${showValue(value)}, which is already used by ${firstSeenAt}; expected a unique value`,
  );
}

/** A reference (a receiver name, a data source uid) to something that was never declared. */
export function unknownReference(
  where: string,
  field: string,
  value: unknown,
  kind: string,
  known: readonly string[],
): MonitoringConfigError {
  const list = known.length === 0 ? `no ${kind} is declared` : `declared: ${known.map((k) => showValue(k)).join(', ')}`;
  return new MonitoringConfigError(where, field, `got ${showValue(value)}, expected the name of a declared ${kind} (${list})`);
}

/** A PromQL or LogQL expression that does not parse. */
export function queryParseError(
  where: string,
  field: string,
  language: string,
  line: number,
  column: number,
  near: string,
  expression: string,
): MonitoringConfigError {
  return new MonitoringConfigError(
    where,
    field,
    `${language} parse error at ${line}:${column} near ${showValue(near)} in ${showValue(expression)}; expected a valid ${language} expression`,
  );
}

/** PromQL that parses but that the rendered Prometheus refuses: a feature behind a flag it does not pass, a removed function. */
export function promqlRefused(
  where: string,
  field: string,
  what: string,
  line: number,
  column: number,
  reason: string,
  expression: string,
): MonitoringConfigError {
  return new MonitoringConfigError(
    where,
    field,
    `${what} at ${line}:${column} in ${showValue(expression)}: ${reason}; expected PromQL that works on the rendered Prometheus 3`,
  );
}

/** PromQL that parses but that Prometheus' type checks refuse: an argument of the wrong type, a range on an expression. */
export function promqlTypeError(where: string, field: string, problem: string, line: number, column: number, expression: string): MonitoringConfigError {
  return new MonitoringConfigError(where, field, `${problem} (at ${line}:${column} in ${showValue(expression)})`);
}

/** A rule expression whose result Prometheus' rule manager cannot use (a range vector, a string). */
export function promqlRuleResult(where: string, field: string, type: string, expression: string, expected: string): MonitoringConfigError {
  return new MonitoringConfigError(
    where,
    field,
    `got ${showValue(expression)}, which returns a ${type}; a rule's expression must return an instant vector or a scalar ` +
      `(Prometheus fails every evaluation of anything else with "rule result is not a vector or scalar", so the rule never fires or records); expected ${expected}`,
  );
}

/** A feature used with a version setting older than the feature: names the minimum version and why. */
export function needsNewerVersion(
  where: string,
  field: string,
  program: string,
  minimum: string,
  given: string,
  why: string,
  setting: string,
): MonitoringConfigError {
  return new MonitoringConfigError(
    where,
    field,
    `needs ${program} ${minimum} or newer (${why}); got ${setting} ${showValue(given)}, expected ${setting} "${minimum}" or newer, or an integration ${program} ${given} knows`,
  );
}

/** Describes a construct for messages: `AlertGroup dev/monitoring/api-health`. */
export function describeConstruct(kind: string, path: string): string {
  return `${kind} ${path}`;
}

/** The message used when a child construct is created outside a MonitoringStack. */
export function noMonitoringStack(kind: string, path: string): MonitoringConfigError {
  return new MonitoringConfigError(
    describeConstruct(kind, path),
    'scope',
    'is not inside a MonitoringStack; expected to be created with a MonitoringStack (or one of its children) as scope, e.g. new ' +
      `${kind}(monitoring, '...', {...})`,
  );
}
