/**
 * The route walk of Alertmanager, engine-free: which routes of the tree an alert with given labels ends on, with the
 * settings each inherits, and which inhibit rules can silence it. It follows Alertmanager's `dispatch/route.go`
 * (`NewRoute`, `Route.Match`) and `inhibit/inhibit.go` (`Inhibitor.Mutes`):
 * - a route matches when all its matchers match; a label the alert does not carry has the value `""`;
 * - regular expressions are Go RE2, anchored at both ends (`^(?:re)$`);
 * - children are tried in order; the first child that matches stops the search unless it has `continue: true`;
 *   a route none of whose children match is itself the match;
 * - receiver, `group_by` and the three timers are inherited from the parent when a route does not set them;
 *   `mute_time_intervals` and `active_time_intervals` are NOT inherited: each route has only its own.
 *
 * Labels known only at runtime (those a firing alert takes from its series, such as `job` or `instance`) are absent
 * from the label set walked with; every label a matcher looked at that was absent is reported, so a reader knows the
 * outcome may change once real series fire.
 */
import { Duration } from './duration';
import { Matcher } from './matchers';
import { re2ToRegExp } from './re2';
import { InhibitRuleModel, RouteModel } from './routing';

/** Label name → value. */
export type LabelSet = Readonly<Record<string, string>>;

/** One route an alert ends on, with what it inherited on the way. */
export interface MatchedRoute {
  /** Where the route is in alertmanager.yml: `route`, `route.routes[0]`, `route.routes[0].routes[2]`. */
  readonly path: string;
  /** The matchers of every route from the root down to this one (the root's are empty), outermost first. */
  readonly matchers: readonly (readonly Matcher[])[];
  /** The receiver, set here or inherited. */
  readonly receiver: string;
  /** Labels that group notifications (`['...']`: all labels). */
  readonly groupBy: readonly string[];
  readonly groupWait?: Duration;
  readonly groupInterval?: Duration;
  readonly repeatInterval?: Duration;
  /** Time intervals during which this route sends nothing (its own; Alertmanager does not inherit them). */
  readonly muteTimeIntervals: readonly string[];
  /** Time intervals outside which this route sends nothing (its own; not inherited). */
  readonly activeTimeIntervals: readonly string[];
}

/** The result of walking one label set through the tree. */
export interface RouteWalk {
  /** The routes the alert ends on, in Alertmanager's order. */
  readonly routes: readonly MatchedRoute[];
  /** The receiver of each route, in order, as `amtool config routes test` prints them (not deduplicated). */
  readonly receivers: readonly string[];
  /** Labels absent from the walked set that a deciding matcher looked at, sorted: the outcome depends on them. */
  readonly runtimeLabels: readonly string[];
}

/** An inhibit rule whose target side can match an alert. */
export interface PossibleInhibition {
  /** Index of the rule in the environment's `inhibit_rules`. */
  readonly index: number;
  /** Labels absent from the alert's known labels that the target side looks at, sorted. */
  readonly runtimeLabels: readonly string[];
}

/**
 * Alertmanager's regular expression for a matcher value: Go's RE2 anchored at both ends (`^(?:value)$`), without
 * `(?s)` (unlike Prometheus), translated to JavaScript and cached by `re2ToRegExp`.
 */
function anchored(value: string): RegExp {
  return re2ToRegExp(value, { anchored: true, dotAll: false });
}

/** Whether one matcher matches a label value (`""` for a label the alert does not carry), as Alertmanager decides. */
export function matcherMatches(matcher: Matcher, value: string): boolean {
  switch (matcher.operator) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return anchored(matcher.value).test(value);
    case '!~':
      return !anchored(matcher.value).test(value);
  }
}

function has(labels: LabelSet, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, name);
}

/**
 * Whether all matchers match `labels`. A matcher on an absent label is evaluated with `""` (what Alertmanager does
 * for an alert without it) and its label is added to `runtime`, unless a matcher on a known label already fails:
 * then no runtime value can change the outcome.
 */
function matchesAll(matchers: readonly Matcher[], labels: LabelSet, runtime: Set<string>): boolean {
  let unknown: Matcher[] | undefined;
  for (const m of matchers) {
    if (has(labels, m.label)) {
      if (!matcherMatches(m, labels[m.label])) return false;
    } else {
      (unknown ??= []).push(m);
    }
  }
  if (!unknown) return true;
  let ok = true;
  for (const m of unknown) {
    runtime.add(m.label);
    if (!matcherMatches(m, '')) ok = false;
  }
  return ok;
}

/** What a route passes down to its children. */
interface Inherited {
  readonly receiver: string;
  readonly groupBy: readonly string[];
  readonly groupWait?: Duration;
  readonly groupInterval?: Duration;
  readonly repeatInterval?: Duration;
}

function inherit(parent: Inherited, route: RouteModel): Inherited {
  return {
    receiver: route.receiver ?? parent.receiver,
    groupBy: route.groupBy ?? parent.groupBy,
    groupWait: route.groupWait ?? parent.groupWait,
    groupInterval: route.groupInterval ?? parent.groupInterval,
    repeatInterval: route.repeatInterval ?? parent.repeatInterval,
  };
}

/** Children of a route, indexed by the value of an equality matcher, for routes with many children. */
interface ChildIndex {
  /** Children without an equality matcher: always tried. */
  readonly always: readonly number[];
  /** label → value → children whose first equality matcher is `label="value"`. */
  readonly byKey: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** label → every child keyed on it (tried when the label is not known). */
  readonly allByLabel: ReadonlyMap<string, readonly number[]>;
}

/** Below this many children a route's children are simply tried in order. */
const INDEX_FROM = 16;

/** Options of {@link walkRoutes}. */
export interface WalkOptions {
  /** Routes with at least this many children search them through an index. @default 16 */
  readonly indexFrom?: number;
}
const indexes = new WeakMap<readonly RouteModel[], ChildIndex>();

function childIndex(children: readonly RouteModel[]): ChildIndex {
  let index = indexes.get(children);
  if (index) return index;
  const always: number[] = [];
  const byKey = new Map<string, Map<string, number[]>>();
  const allByLabel = new Map<string, number[]>();
  children.forEach((child, i) => {
    const key = child.matchers.find((m) => m.operator === '=');
    if (!key) {
      always.push(i);
      return;
    }
    let values = byKey.get(key.label);
    if (!values) byKey.set(key.label, (values = new Map()));
    const list = values.get(key.value);
    if (list) list.push(i);
    else values.set(key.value, [i]);
    const all = allByLabel.get(key.label);
    if (all) all.push(i);
    else allByLabel.set(key.label, [i]);
  });
  index = { always, byKey, allByLabel };
  indexes.set(children, index);
  return index;
}

/**
 * The children worth trying for `labels`, in order. A child keyed on `label="value"` whose label is known with another
 * value fails on that matcher before any other is looked at (known labels are checked first), so leaving it out
 * changes neither the result nor the runtime labels reported.
 */
function candidates(children: readonly RouteModel[], labels: LabelSet, indexFrom: number): readonly number[] {
  if (children.length < indexFrom) return children.map((_, i) => i);
  const index = childIndex(children);
  const out = [...index.always];
  for (const [label, values] of index.byKey) {
    const found = has(labels, label) ? values.get(labels[label]) : index.allByLabel.get(label);
    if (found) out.push(...found);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Walks `labels` through the tree under `root` the way Alertmanager's `Route.Match` does (see the file comment).
 * `root` is the environment's root route (`alertmanagerModel().route`), whose receiver is always set. Routes with many
 * children (one per service or team) are searched through an index, so a walk costs about the depth of the tree.
 */
export function walkRoutes(root: RouteModel, labels: LabelSet, options: WalkOptions = {}): RouteWalk {
  const indexFrom = options.indexFrom ?? INDEX_FROM;
  const runtime = new Set<string>();
  // Alertmanager's defaults for the root, used only when the model leaves a timer unset.
  const defaults: Inherited = { receiver: root.receiver ?? '', groupBy: [] };
  const visit = (route: RouteModel, parent: Inherited, path: string, chain: readonly (readonly Matcher[])[]): MatchedRoute[] | undefined => {
    if (!matchesAll(route.matchers, labels, runtime)) return undefined;
    const here = inherit(parent, route);
    const all: MatchedRoute[] = [];
    for (const i of candidates(route.routes, labels, indexFrom)) {
      const child = route.routes[i];
      const matches = visit(child, here, `${path}.routes[${i}]`, [...chain, child.matchers]);
      if (matches) {
        all.push(...matches);
        if (!child.continue) break;
      }
    }
    if (all.length === 0) {
      all.push({
        path,
        matchers: chain,
        ...here,
        muteTimeIntervals: route.muteTimeIntervals ?? [],
        activeTimeIntervals: route.activeTimeIntervals ?? [],
      });
    }
    return all;
  };
  const routes = visit(root, defaults, 'route', [root.matchers]) ?? [];
  return { routes, receivers: routes.map((r) => r.receiver), runtimeLabels: [...runtime].sort() };
}

/**
 * The inhibit rules that can silence an alert with `labels`: those whose target matchers can all match. A target
 * matcher on a label the alert does not carry statically could match a runtime value, so it does not rule the
 * rule out; it is reported in `runtimeLabels`. (Whether the rule fires also needs a source alert with equal
 * `equal` labels; that is known only at runtime.)
 */
export function possibleInhibitions(rules: readonly InhibitRuleModel[], labels: LabelSet): PossibleInhibition[] {
  const out: PossibleInhibition[] = [];
  rules.forEach((rule, index) => {
    const runtime: string[] = [];
    for (const m of rule.targetMatchers) {
      if (!has(labels, m.label)) runtime.push(m.label);
      else if (!matcherMatches(m, labels[m.label])) return;
    }
    out.push({ index, runtimeLabels: [...new Set(runtime)].sort() });
  });
  return out;
}

/**
 * Whether an alert with `labels` can be a source of `rule`: every source matcher on a known label matches (one on
 * a runtime label could).
 */
export function canBeInhibitionSource(rule: InhibitRuleModel, labels: LabelSet): boolean {
  return rule.sourceMatchers.every((m) => !has(labels, m.label) || matcherMatches(m, labels[m.label]));
}
