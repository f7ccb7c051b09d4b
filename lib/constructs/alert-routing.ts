import { Construct } from 'constructs';
import { describeConstruct, invalid } from '../model/errors';
import { Receiver } from '../model/receivers';
import {
  buildInhibitRule,
  buildRootRoute,
  buildRoute,
  alertmanagerSecrets,
  InhibitRuleModel,
  InhibitRuleOptions,
  RootRouteOptions,
  RouteModel,
  RouteOptions,
} from '../model/routing';
import { RoutingDeclaration } from '../model/environment';
import { MonitoringStack } from './monitoring-stack';

/** Props of {@link AlertRouting}. */
export interface AlertRoutingProps {
  /** Receivers declared here (names unique in the environment). @default [] */
  readonly receivers?: readonly Receiver[];
  /**
   * The root route: default receiver, grouping and timing. Exactly one AlertRouting per environment sets it.
   * @default - none (another AlertRouting must set it)
   */
  readonly route?: RootRouteOptions;
  /** Child routes appended under the root, after the root's own. @default [] */
  readonly routes?: readonly RouteOptions[];
  /** Inhibit rules. @default [] */
  readonly inhibitRules?: readonly InhibitRuleOptions[];
}

/**
 * Where alerts go: receivers, the route tree and inhibit rules, rendered into alertmanager.yml.
 * Receiver references are checked at synth across every AlertRouting of the environment.
 */
export class AlertRouting extends Construct {
  private readonly monitoring: MonitoringStack;
  private readonly where: string;
  private readonly declaration: {
    declaredBy: string;
    receivers: Receiver[];
    root?: RouteModel;
    routes: RouteModel[];
    inhibitRules: InhibitRuleModel[];
  };

  constructor(scope: Construct, id: string, props: AlertRoutingProps = {}) {
    super(scope, id);
    this.monitoring = MonitoringStack.of(this, 'AlertRouting');
    this.where = describeConstruct('AlertRouting', this.node.path);
    this.declaration = {
      declaredBy: this.where,
      receivers: [],
      root: props.route === undefined ? undefined : buildRootRoute(props.route, this.where),
      routes: [],
      inhibitRules: [],
    };
    this.monitoring.model.addRouting(this.declaration as RoutingDeclaration);
    for (const receiver of props.receivers ?? []) this.addReceiver(receiver);
    for (const route of props.routes ?? []) this.addRoute(route);
    for (const rule of props.inhibitRules ?? []) this.addInhibitRule(rule);
  }

  /** Adds a receiver. */
  public addReceiver(receiver: Receiver): void {
    if (!(receiver instanceof Receiver)) {
      throw invalid(this.where, 'receivers', receiver, 'a Receiver such as Receiver.webhook("name", { url })');
    }
    receiver.validate(this.where);
    this.declaration.receivers.push(receiver);
    const model = { route: { matchers: [], routes: [], declaredBy: this.where }, receivers: [receiver], inhibitRules: [] };
    for (const secret of alertmanagerSecrets(model)) this.monitoring.requireSecret(secret, 'alertmanager', this.where);
    this.monitoring.model.touch();
  }

  /** Adds a child route under the root. */
  public addRoute(route: RouteOptions): void {
    this.declaration.routes.push(buildRoute(route, this.where, `routes[${this.declaration.routes.length}]`));
    this.monitoring.model.touch();
  }

  /** Adds an inhibit rule. */
  public addInhibitRule(rule: InhibitRuleOptions): void {
    this.declaration.inhibitRules.push(buildInhibitRule(rule, this.where, `inhibitRules[${this.declaration.inhibitRules.length}]`));
    this.monitoring.model.touch();
  }
}
