import { Duration } from '../model/duration';
import { duplicate, unknownReference } from '../model/errors';
import { checkLabelName } from '../model/names';
import { buildInhibitRule, buildRootRoute, InhibitRuleOptions, RootRouteOptions, RouteOptions, RouteTimingOptions } from '../model/routing';
import { checkTimeInterval, TimeIntervalOptions, TimePeriod } from '../model/time-intervals';
import { importMatchers } from './alertmanager-matchers';
import { refuseNotSupported } from './alertmanager-fields';
import { optional } from './shared';
import { SourceMap, SourceNode } from './yaml-source';

/** Names routes may refer to. */
export interface RouteReferences {
  readonly receivers: readonly string[];
  readonly timeIntervals: readonly string[];
}

const TIMING_KEYS = ['group_by', 'group_wait', 'group_interval', 'repeat_interval'];
const ROOT_KEYS = ['receiver', ...TIMING_KEYS, 'routes'];
const CHILD_KEYS = ['receiver', 'matchers', 'match', 'match_re', 'continue', ...TIMING_KEYS, 'routes', 'mute_time_intervals', 'active_time_intervals'];
const ROOT_HINT = 'the root route takes every alert that no child route takes: move this into a child route under `routes:`';
/** Route keys Alertmanager has (config/config.go v0.34.0) that the model does not take, with the reason. */
const ROUTE_NOT_SUPPORTED: Readonly<Record<string, string>> = {
  labels: 'route labels (Alertmanager 0.34+, templated labels added to the alert group) are not modelled by AlertRouting yet',
};
const INHIBIT_KEYS = ['source_matchers', 'target_matchers', 'source_match', 'target_match', 'source_match_re', 'target_match_re', 'equal'];

/** Imports the root route; every receiver and time interval it names must be declared. */
export function importRootRoute(node: SourceNode, refs: RouteReferences): RootRouteOptions {
  const map = node.map('the root route: a map with `receiver:`');
  const hints = { matchers: ROOT_HINT, match: ROOT_HINT, match_re: ROOT_HINT, continue: ROOT_HINT, mute_time_intervals: ROOT_HINT, active_time_intervals: ROOT_HINT };
  refuseNotSupported(map, 'the root route', ROOT_KEYS, ROUTE_NOT_SUPPORTED);
  map.checkKeys('the root route', ROOT_KEYS, hints);
  const receiver = map.req('receiver', 'the name of the default receiver');
  const route: RootRouteOptions = {
    receiver: receiverName(receiver, refs),
    // Alertmanager's default is no grouping labels; the library's default would be alertname and job.
    groupBy: [],
    ...timing(map),
    ...optional('routes', childRoutes(map, refs)),
  };
  // The same validation as typed input.
  buildRootRoute(route, `${node.where}, route`);
  return route;
}

function childRoutes(map: SourceMap, refs: RouteReferences): RouteOptions[] | undefined {
  return map.opt('routes')?.seq('a list of child routes').map((child) => importChildRoute(child, refs));
}

function importChildRoute(node: SourceNode, refs: RouteReferences): RouteOptions {
  const map = node.map('a route: a map with `matchers:` and `receiver:`');
  refuseNotSupported(map, 'a route', CHILD_KEYS, ROUTE_NOT_SUPPORTED);
  map.checkKeys('a route', CHILD_KEYS);
  const receiver = map.opt('receiver');
  const matchers = importMatchers(map, ['matchers', 'match', 'match_re']);
  return {
    ...optional('receiver', receiver === undefined ? undefined : receiverName(receiver, refs)),
    ...optional('matchers', matchers.length > 0 ? matchers : undefined),
    ...optional('continue', map.optBoolean('continue')),
    ...timing(map),
    ...optional('muteTimeIntervals', intervalNames(map.opt('mute_time_intervals'), refs)),
    ...optional('activeTimeIntervals', intervalNames(map.opt('active_time_intervals'), refs)),
    ...optional('routes', childRoutes(map, refs)),
  };
}

function receiverName(node: SourceNode, refs: RouteReferences): string {
  const name = node.string('the name of a receiver');
  if (!refs.receivers.includes(name)) throw unknownReference(node.where, node.field, name, 'receiver', refs.receivers);
  return name;
}

function intervalNames(node: SourceNode | undefined, refs: RouteReferences): string[] | undefined {
  return node?.seq('a list of time interval names').map((item) => {
    const name = item.string('the name of a time interval');
    if (!refs.timeIntervals.includes(name)) throw unknownReference(item.where, item.field, name, 'time interval', refs.timeIntervals);
    return name;
  });
}

function timing(map: SourceMap): RouteTimingOptions {
  const groupBy = map.opt('group_by');
  const labels = groupBy?.seq('a list of label names, or ["..."]').map((item) => {
    const label = item.string('a label name');
    if (label !== '...') checkLabelName(label, item.where, item.field);
    return label;
  });
  return {
    ...optional('groupBy', labels),
    ...optional('groupWait', duration(map, 'group_wait')),
    ...optional('groupInterval', duration(map, 'group_interval')),
    ...optional('repeatInterval', duration(map, 'repeat_interval')),
  };
}

function duration(map: SourceMap, key: string): Duration | undefined {
  const node = map.opt(key);
  return node === undefined ? undefined : Duration.parse(node.string('a duration'), node.where, node.field);
}

/** Imports `inhibit_rules`, with `source_matchers`/`target_matchers` and the deprecated `*_match`/`*_match_re` maps. */
export function importInhibitRules(node: SourceNode | undefined): InhibitRuleOptions[] {
  return (node?.seq('a list of inhibit rules') ?? []).map((item) => {
    const map = item.map('an inhibit rule: a map with `source_matchers:` and `target_matchers:`');
    refuseNotSupported(map, 'an inhibit rule', INHIBIT_KEYS, {
      name: 'inhibit rule names (Alertmanager 0.30+, shown in its events) are not modelled: the rule works the same without it; remove the name',
    });
    map.checkKeys('an inhibit rule', INHIBIT_KEYS);
    const equal = map.opt('equal')?.seq('a list of label names').map((label) => {
      const name = label.string('a label name');
      checkLabelName(name, label.where, label.field);
      return name;
    });
    const rule: InhibitRuleOptions = {
      sourceMatchers: importMatchers(map, ['source_matchers', 'source_match', 'source_match_re']),
      targetMatchers: importMatchers(map, ['target_matchers', 'target_match', 'target_match_re']),
      ...optional('equal', equal),
    };
    // The same validation as typed input (at least one matcher on each side).
    buildInhibitRule(rule, item.where, item.field);
    return rule;
  });
}

/** Imports `time_intervals` and the deprecated `mute_time_intervals` (same shape). */
export function importTimeIntervals(nodes: readonly (SourceNode | undefined)[]): TimeIntervalOptions[] {
  const out: TimeIntervalOptions[] = [];
  const seen = new Map<string, string>();
  for (const item of nodes.flatMap((n) => n?.seq('a list of named time intervals') ?? [])) {
    const map = item.map('a time interval: a map with `name:` and `time_intervals:`');
    map.checkKeys('a named time interval', ['name', 'time_intervals']);
    const nameNode = map.req('name', 'the interval name');
    const name = nameNode.string('a name');
    const first = seen.get(name);
    if (first !== undefined) throw duplicate(nameNode.where, nameNode.field, name, first);
    seen.set(name, item.path);
    const periods = map.req('time_intervals', 'a list of periods').seq('a list of periods').map(period);
    const interval: TimeIntervalOptions = { name, periods };
    checkTimeInterval(interval, item.where, item.field);
    out.push(interval);
  }
  return out;
}

function period(node: SourceNode): TimePeriod {
  const map = node.map('a period with `times`, `weekdays`, `days_of_month`, `months`, `years` or `location`');
  map.checkKeys('a time period', ['times', 'weekdays', 'days_of_month', 'months', 'years', 'location']);
  const list = (key: string) => map.opt(key)?.strings('a list of values or ranges such as "monday:friday"');
  const times = map.opt('times')?.seq('a list of { start_time, end_time }').map((t) => {
    const range = t.map('{ start_time: "HH:MM", end_time: "HH:MM" }');
    range.checkKeys('a time range', ['start_time', 'end_time']);
    return { start: range.req('start_time', '"HH:MM"').string('"HH:MM"'), end: range.req('end_time', '"HH:MM"').string('"HH:MM"') };
  });
  return {
    ...optional('times', times),
    ...optional('weekdays', list('weekdays')),
    ...optional('daysOfMonth', list('days_of_month')),
    ...optional('months', list('months')),
    ...optional('years', list('years')),
    ...optional('location', map.optString('location', 'an IANA time zone')),
  };
}
