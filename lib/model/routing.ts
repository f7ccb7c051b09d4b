import { AlertmanagerVersion, checkIntegrationVersion, DEFAULT_ALERTMANAGER_VERSION } from './alertmanager-versions';
import { Duration } from './duration';
import { duplicate, invalid, unknownReference } from './errors';
import { buildMatchers, Matcher, MatcherInput } from './matchers';
import { checkLabelName } from './names';
import { AlertmanagerGlobal, Receiver } from './receivers';
import { secretsIn } from './receivers/fields';
import { Secret } from './secret';
import { TimeIntervalOptions } from './time-intervals';

/** Grouping and timing shared by the root route and child routes. */
export interface RouteTimingOptions {
  /** Labels that group alerts into one notification; `['...']` groups by all labels. @default - inherited from the parent route */
  readonly groupBy?: readonly string[];
  /** Wait before the first notification of a new group. @default - inherited (root: 30s) */
  readonly groupWait?: Duration | string;
  /** Wait before notifying about new alerts in a group already notified. @default - inherited (root: 5m) */
  readonly groupInterval?: Duration | string;
  /** Wait before re-sending a notification that is still firing. @default - inherited (root: 4h) */
  readonly repeatInterval?: Duration | string;
}

/** A child route. */
export interface RouteOptions extends RouteTimingOptions {
  /** Alerts this route takes; `{ severity: 'critical' }` or a list of Matchers. @default - every alert */
  readonly matchers?: MatcherInput;
  /** Receiver for alerts this route takes. @default - the parent's receiver */
  readonly receiver?: string;
  /** Keep matching the following sibling routes after this one matched. @default false */
  readonly continue?: boolean;
  /** Child routes. @default [] */
  readonly routes?: readonly RouteOptions[];
  /** Names of time intervals during which this route sends nothing (e.g. maintenance windows). @default [] */
  readonly muteTimeIntervals?: readonly string[];
  /** Names of time intervals outside which this route sends nothing (e.g. business hours). @default - always active */
  readonly activeTimeIntervals?: readonly string[];
}

/** The root route: catches everything no child takes. */
export interface RootRouteOptions extends RouteTimingOptions {
  /** The default receiver. */
  readonly receiver: string;
  /** Child routes, tried in order. @default [] */
  readonly routes?: readonly RouteOptions[];
}

/** Suppresses `target` alerts while a matching `source` alert fires with the same `equal` labels. */
export interface InhibitRuleOptions {
  /** Alerts that mute others, e.g. `{ severity: 'critical' }`. */
  readonly sourceMatchers: MatcherInput;
  /** Alerts that get muted, e.g. `{ severity: 'warning' }`. */
  readonly targetMatchers: MatcherInput;
  /** Labels that must be equal in source and target (e.g. `['alertname', 'job']`). @default [] */
  readonly equal?: readonly string[];
}

/** A validated route. */
export interface RouteModel {
  /** The receiver of the alerts this route matches. @default - the parent route's receiver */
  readonly receiver?: string;
  /** Label matchers an alert must satisfy (all of them); none on the root route. */
  readonly matchers: readonly Matcher[];
  /** Whether matching goes on to the next sibling route after this one matched. @default false */
  readonly continue?: boolean;
  /** Labels that group alerts into one notification. @default - the parent route's */
  readonly groupBy?: readonly string[];
  /** How long to wait before the first notification of a new group. @default - the parent route's */
  readonly groupWait?: Duration;
  /** How long to wait before notifying about alerts added to a group. @default - the parent route's */
  readonly groupInterval?: Duration;
  /** How long to wait before repeating a notification that was already sent. @default - the parent route's */
  readonly repeatInterval?: Duration;
  /** Child routes, matched in order. */
  readonly routes: readonly RouteModel[];
  /** Names of time intervals in which this route sends nothing. @default [] */
  readonly muteTimeIntervals?: readonly string[];
  /** Names of time intervals outside which this route sends nothing. @default - always active */
  readonly activeTimeIntervals?: readonly string[];
  /** Where it was declared, for messages. */
  readonly declaredBy: string;
}

/** A validated inhibit rule. */
export interface InhibitRuleModel {
  /** An alert matching these mutes the target alerts. */
  readonly sourceMatchers: readonly Matcher[];
  /** Alerts matching these are muted while a source alert fires. */
  readonly targetMatchers: readonly Matcher[];
  /** Labels whose values must be equal in the source and the target alert. */
  readonly equal: readonly string[];
}

/** Everything alertmanager.yml holds. */
export interface AlertmanagerModel {
  /** `global.resolve_timeout`. @default - Alertmanager's 5m */
  readonly resolveTimeout?: Duration;
  /** The rest of `global`: defaults the integrations inherit. @default - none */
  readonly global?: AlertmanagerGlobal;
  /** The root route, with every routing declaration's child routes appended. */
  readonly route: RouteModel;
  /** Every receiver of every routing declaration. */
  readonly receivers: readonly Receiver[];
  /** Inhibit rules of every routing declaration. */
  readonly inhibitRules: readonly InhibitRuleModel[];
  /** Named time intervals. @default [] */
  readonly timeIntervals?: readonly TimeIntervalOptions[];
  /** Notification template files: name (without `.tmpl`) → Go template text. @default {} */
  readonly templates?: Readonly<Record<string, string>>;
  /** The oldest Alertmanager the file is written for: a receiver that needs a newer one is refused. @default "0.28" */
  readonly version?: AlertmanagerVersion;
}

export type { AlertmanagerVersion } from './alertmanager-versions';

/** The root's timing when nobody sets it: Alertmanager's own defaults, written out so reviewers see them. */
export const DEFAULT_ROOT_TIMING = {
  groupBy: ['alertname', 'job'],
  groupWait: Duration.seconds(30),
  groupInterval: Duration.minutes(5),
  repeatInterval: Duration.hours(4),
};

function buildTiming(options: RouteTimingOptions, where: string, field: string) {
  const groupBy = options.groupBy === undefined ? undefined : [...options.groupBy];
  groupBy?.forEach((label, i) => {
    if (label !== '...') checkLabelName(label, where, `${field}.groupBy[${i}]`);
  });
  if (groupBy && groupBy.includes('...') && groupBy.length > 1) {
    throw invalid(where, `${field}.groupBy`, groupBy, '["..."] alone (group by all labels) or a list of label names');
  }
  const duplicated = groupBy?.find((label, i) => groupBy.indexOf(label) !== i);
  if (duplicated !== undefined) {
    // Alertmanager config.go (Route.UnmarshalYAML): "duplicated label %q in group_by".
    throw invalid(where, `${field}.groupBy`, groupBy, `each label once (${JSON.stringify(duplicated)} is listed twice; Alertmanager refuses the file)`);
  }
  const nonZero = (value: Duration | string | undefined, key: 'groupInterval' | 'repeatInterval', yamlKey: string) => {
    if (value === undefined) return undefined;
    const duration = Duration.from(value, where, `${field}.${key}`);
    if (duration.toMilliseconds() === 0) {
      // Alertmanager config.go (Route.UnmarshalYAML): "group_interval cannot be zero", "repeat_interval cannot be zero".
      throw invalid(where, `${field}.${key}`, duration.toPrometheus(), `a duration > 0 (Alertmanager refuses the file: "${yamlKey} cannot be zero")`);
    }
    return duration;
  };
  return {
    groupBy,
    groupWait: options.groupWait === undefined ? undefined : Duration.from(options.groupWait, where, `${field}.groupWait`),
    groupInterval: nonZero(options.groupInterval, 'groupInterval', 'group_interval'),
    repeatInterval: nonZero(options.repeatInterval, 'repeatInterval', 'repeat_interval'),
  };
}

/** Validates a child route (recursively). */
export function buildRoute(options: RouteOptions, where: string, field: string): RouteModel {
  if (options === null || typeof options !== 'object') throw invalid(where, field, options, 'a route object');
  if (options.receiver !== undefined && typeof options.receiver !== 'string') {
    throw invalid(where, `${field}.receiver`, options.receiver, 'the name of a receiver');
  }
  return {
    receiver: options.receiver,
    matchers: buildMatchers(options.matchers, where, `${field}.matchers`),
    continue: options.continue,
    ...buildTiming(options, where, field),
    routes: (options.routes ?? []).map((child, i) => buildRoute(child, where, `${field}.routes[${i}]`)),
    muteTimeIntervals: options.muteTimeIntervals ? [...options.muteTimeIntervals] : undefined,
    activeTimeIntervals: options.activeTimeIntervals ? [...options.activeTimeIntervals] : undefined,
    declaredBy: where,
  };
}

/** Validates the root route. */
export function buildRootRoute(options: RootRouteOptions, where: string): RouteModel {
  if (options === null || typeof options !== 'object' || typeof options.receiver !== 'string') {
    throw invalid(where, 'route.receiver', options?.receiver, 'the name of the default receiver');
  }
  const timing = buildTiming(options, where, 'route');
  return {
    receiver: options.receiver,
    matchers: [],
    groupBy: timing.groupBy ?? DEFAULT_ROOT_TIMING.groupBy,
    groupWait: timing.groupWait ?? DEFAULT_ROOT_TIMING.groupWait,
    groupInterval: timing.groupInterval ?? DEFAULT_ROOT_TIMING.groupInterval,
    repeatInterval: timing.repeatInterval ?? DEFAULT_ROOT_TIMING.repeatInterval,
    routes: (options.routes ?? []).map((child, i) => buildRoute(child, where, `route.routes[${i}]`)),
    declaredBy: where,
  };
}

/** Validates an inhibit rule. */
export function buildInhibitRule(options: InhibitRuleOptions, where: string, field: string): InhibitRuleModel {
  const sourceMatchers = buildMatchers(options.sourceMatchers, where, `${field}.sourceMatchers`);
  const targetMatchers = buildMatchers(options.targetMatchers, where, `${field}.targetMatchers`);
  if (sourceMatchers.length === 0) throw invalid(where, `${field}.sourceMatchers`, [], 'at least one matcher');
  if (targetMatchers.length === 0) throw invalid(where, `${field}.targetMatchers`, [], 'at least one matcher');
  const equal = [...(options.equal ?? [])];
  equal.forEach((label, i) => checkLabelName(label, where, `${field}.equal[${i}]`));
  return { sourceMatchers, targetMatchers, equal };
}

/**
 * Checks the whole routing: unique receiver names, every route naming a declared receiver.
 * @param receiverOrigins for each receiver (same order), who declared it
 */
export function checkRouting(model: AlertmanagerModel, receiverOrigins: readonly string[]): void {
  const declared = new Map<string, string>();
  model.receivers.forEach((receiver, i) => {
    const first = declared.get(receiver.name);
    if (first !== undefined) throw duplicate(receiverOrigins[i], 'receivers[].name', receiver.name, first);
    declared.set(receiver.name, receiverOrigins[i]);
  });
  const names = [...declared.keys()];
  const intervals = (model.timeIntervals ?? []).map((t) => t.name);
  const visit = (route: RouteModel, field: string) => {
    if (route.receiver !== undefined && !declared.has(route.receiver)) {
      throw unknownReference(route.declaredBy, `${field}.receiver`, route.receiver, 'receiver', names);
    }
    for (const key of ['muteTimeIntervals', 'activeTimeIntervals'] as const) {
      (route[key] ?? []).forEach((name, i) => {
        if (!intervals.includes(name)) throw unknownReference(route.declaredBy, `${field}.${key}[${i}]`, name, 'time interval', intervals);
      });
    }
    route.routes.forEach((child, i) => visit(child, `${field}.routes[${i}]`));
  };
  visit(model.route, 'route');
  const version = model.version ?? DEFAULT_ALERTMANAGER_VERSION;
  model.receivers.forEach((receiver, i) => {
    for (const integration of receiver.integrations) checkIntegrationVersion(integration, receiver.name, version, receiverOrigins[i]);
  });
}

/** The secrets the Alertmanager config reads from files (every Secret of every receiver, and of `global`). */
export function alertmanagerSecrets(model: AlertmanagerModel): Secret[] {
  const out: Secret[] = [];
  for (const receiver of model.receivers) for (const integration of receiver.integrations) secretsIn(integration.options, out);
  secretsIn(model.global, out);
  return out;
}
