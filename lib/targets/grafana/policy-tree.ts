/**
 * The environment's routing as Grafana's single notification policy tree: the root route becomes the root policy,
 * every child route a nested policy, merged from all `AlertRouting` constructs exactly as alertmanager.yml is
 * (`MonitoringEnvironment.alertmanagerModel()`).
 */
import { RoutingDeclaration } from '../../model/environment';
import { MonitoringConfigError } from '../../model/errors';
import { AlertmanagerModel, RouteModel } from '../../model/routing';
import { NOTIFICATION_POLICY_MAX_DEPTH, type NotificationPolicyPolicy } from '../../providers/grafana/notification-policy';
import { escapeTerraformTemplate } from '../terraform-escape';
import { discardRoot, leftOutWarning, noRouting, policyTooDeep } from './messages';

/** The root policy and its children, as `grafana_notification_policy` arguments. */
export interface RootPolicy {
  /** The default contact point. */
  readonly contactPoint: string;
  /** Labels the root groups by. */
  readonly groupBy: string[];
  /** @default - the provider's default (30s) */
  readonly groupWait?: string;
  /** @default - the provider's default (5m) */
  readonly groupInterval?: string;
  /** @default - the provider's default (4h) */
  readonly repeatInterval?: string;
  /** The child policies. @default - none */
  readonly policy?: NotificationPolicyPolicy[];
}

/** The planned tree, with what went wrong and what was left out. */
export interface PolicyTreePlan {
  /** The tree. @default - none: the routing cannot become a tree (see `errors`) */
  readonly root?: RootPolicy;
  /** True when a policy routes to a discard receiver and needs the always-on mute timing. */
  readonly usesDiscardTiming: boolean;
  readonly errors: MonitoringConfigError[];
  readonly warnings: string[];
}

/** What the planner reads from the environment. */
export interface RoutingSource {
  readonly routingDeclarations: readonly RoutingDeclaration[];
  alertmanagerModel(): AlertmanagerModel;
}

interface Inherited {
  /** @default - none */
  readonly receiver?: string;
  /** @default - none */
  readonly groupBy?: readonly string[];
}

/**
 * Plans the policy tree.
 *
 * - Routes to a receiver without integrations (`Receiver.discard`) get the mute timing `discardTiming`, which mutes
 *   all the time: Grafana has no receiver that drops alerts. The root route cannot be muted, so it must not discard.
 * - The provider nests policies {@link NOTIFICATION_POLICY_MAX_DEPTH} levels deep; a deeper route is an error that
 *   names its path (`routes[0].routes[1]...`), and the deepest level gets its inherited `group_by` written out, as
 *   the provider requires it there.
 * - Inhibit rules and `resolveTimeout` have no counterpart in Grafana Alerting and are left out with a warning.
 */
export function planPolicyTree(source: RoutingSource, discardTiming: string, targetWhere: string): PolicyTreePlan {
  const errors: MonitoringConfigError[] = [];
  const warnings: string[] = [];
  const declarations = source.routingDeclarations;
  if (declarations.length === 0) return { usesDiscardTiming: false, errors: [noRouting(targetWhere)], warnings };
  const roots = declarations.filter((d) => d.root !== undefined);
  // No root, or several: the environment's own checks report it.
  if (roots.length !== 1) return { usesDiscardTiming: false, errors, warnings };

  const model = source.alertmanagerModel();
  for (const d of declarations) {
    if (d.inhibitRules.length > 0) {
      warnings.push(leftOutWarning(d.declaredBy, `inhibitRules (${d.inhibitRules.length})`, 'Grafana Alerting has no inhibition; consider mute timings or matchers instead'));
    }
  }
  if (model.resolveTimeout !== undefined) {
    warnings.push(leftOutWarning(targetWhere, 'alertmanager.resolveTimeout', 'Grafana resolves alerts from the rule evaluations'));
  }

  const discards = new Set(model.receivers.filter((r) => r.discards || r.integrations.length === 0).map((r) => r.name));
  const root = model.route;
  if (root.receiver === undefined || discards.has(root.receiver)) {
    errors.push(discardRoot(roots[0].declaredBy, String(root.receiver)));
    return { usesDiscardTiming: false, errors, warnings };
  }

  // The merged children, each with the field that declared it: the root's own routes, then every declaration's `routes`.
  const fields: { where: string; field: string }[] = [
    ...roots[0].root!.routes.map((_, i) => ({ where: roots[0].declaredBy, field: `route.routes[${i}]` })),
    ...declarations.flatMap((d) => d.routes.map((_, i) => ({ where: d.declaredBy, field: `routes[${i}]` }))),
  ];
  let usesDiscardTiming = false;

  const toPolicy = (route: RouteModel, where: string, field: string, depth: number, inherited: Inherited): NotificationPolicyPolicy | undefined => {
    if (depth > NOTIFICATION_POLICY_MAX_DEPTH) {
      errors.push(policyTooDeep(where, field, depth, NOTIFICATION_POLICY_MAX_DEPTH));
      return undefined;
    }
    const receiver = route.receiver ?? inherited.receiver;
    const groupBy = route.groupBy ?? inherited.groupBy;
    const muted = receiver !== undefined && discards.has(receiver);
    if (muted) usesDiscardTiming = true;
    const children = route.routes
      .map((child, i) => toPolicy(child, where, `${field}.routes[${i}]`, depth + 1, { receiver, groupBy }))
      .filter((p): p is NotificationPolicyPolicy => p !== undefined);
    return {
      matcher: route.matchers.length > 0
        ? route.matchers.map((m) => ({ label: m.label, match: m.operator, value: escapeTerraformTemplate(m.value) }))
        : undefined,
      contactPoint: route.receiver !== undefined && !discards.has(route.receiver) ? route.receiver : undefined,
      continue: route.continue,
      groupBy: route.groupBy !== undefined ? [...route.groupBy] : depth === NOTIFICATION_POLICY_MAX_DEPTH && groupBy ? [...groupBy] : undefined,
      groupWait: route.groupWait?.toPrometheus(),
      groupInterval: route.groupInterval?.toPrometheus(),
      repeatInterval: route.repeatInterval?.toPrometheus(),
      muteTimings: muted || route.muteTimeIntervals?.length ? [...(route.muteTimeIntervals ?? []), ...(muted ? [discardTiming] : [])] : undefined,
      activeTimings: route.activeTimeIntervals?.length ? [...route.activeTimeIntervals] : undefined,
      policy: children.length > 0 ? children : undefined,
    };
  };

  const policy = root.routes
    .map((child, i) => {
      const origin = fields[i] ?? { where: child.declaredBy, field: `route.routes[${i}]` };
      return toPolicy(child, origin.where, origin.field, 1, { receiver: root.receiver, groupBy: root.groupBy });
    })
    .filter((p): p is NotificationPolicyPolicy => p !== undefined);

  return {
    root: {
      contactPoint: root.receiver,
      groupBy: [...(root.groupBy ?? [])],
      groupWait: root.groupWait?.toPrometheus(),
      groupInterval: root.groupInterval?.toPrometheus(),
      repeatInterval: root.repeatInterval?.toPrometheus(),
      policy: policy.length > 0 ? policy : undefined,
    },
    usesDiscardTiming,
    errors,
    warnings,
  };
}
