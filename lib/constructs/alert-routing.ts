import { Construct } from 'constructs';
import { describeConstruct, invalid } from '../model/errors';
import { importAlertmanagerConfig, ImportAlertmanagerOptions } from '../import/alertmanager-config';
import { checkNotificationTemplateFile } from '../model/go-template-check';
import { Receiver } from '../model/receivers';
import { withGlobal } from '../model/receivers/global';
import { Duration } from '../model/duration';
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
import { RoutingExpectation } from '../model/environment';
import { checkLabels } from '../model/names';
import { checkValueObjects } from '../model/value-objects';
import { checkTimeInterval, TimeIntervalOptions } from '../model/time-intervals';
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
  /** Named time intervals routes can use as `muteTimeIntervals` / `activeTimeIntervals`. @default [] */
  readonly timeIntervals?: readonly TimeIntervalOptions[];
  /**
   * Notification templates: name → Go template text (`{{ define "slack.title" }}...{{ end }}`), rendered as
   * `alertmanager/templates/<name>.tmpl` and loaded by Alertmanager.
   * @default {}
   */
  readonly templates?: Readonly<Record<string, string>>;
  /**
   * Routing expectations, e.g. `{ labels: { severity: 'critical' }, receivers: ['pagerduty', 'slack'] }`: an alert
   * with these labels must reach exactly these receivers. Checked with `amtool config routes test` by the test
   * suite; {@link AlertRouting.routingTests} gives the commands for your own CI.
   * @default []
   */
  readonly expectations?: readonly RoutingExpectation[];
  /**
   * Names of alerts that reach this Alertmanager from outside the environment's rules (another Prometheus, a script
   * posting to its API). Routes and inhibit rules may match them by `alertname`; any other alert name a matcher
   * names must be fired by a rule of the environment, or synth fails.
   * @default []
   */
  readonly externalAlerts?: readonly string[];
}

/**
 * Where alerts go: receivers, the route tree and inhibit rules, rendered into alertmanager.yml.
 * Receiver references are checked at synth across every AlertRouting of the environment.
 */
export class AlertRouting extends Construct {
  /**
   * Creates an AlertRouting from an existing alertmanager.yml, refusing what Alertmanager would refuse and what this
   * library keeps out of files (literal secrets: use the `*_file` fields or `Secret.fromVariable`).
   */
  public static fromAlertmanagerConfig(scope: Construct, id: string, yamlText: string, options: ImportAlertmanagerOptions & { readonly source?: string } = {}): AlertRouting {
    const where = `${describeConstruct('AlertRouting', `${scope.node.path}/${id}`)} from ${options.source ?? 'alertmanager.yml'}`;
    const imported = importAlertmanagerConfig(yamlText, where, options);
    // Nothing of `global` is dropped: the integration defaults are applied to each integration as Alertmanager
    // applies them, and the Alertmanager-wide resolve_timeout must match the environment's.
    const environment = MonitoringStack.of(scope, 'AlertRouting').model;
    const fileTimeout = imported.settings.resolveTimeout as Duration | undefined;
    if (fileTimeout !== undefined && !(environment.resolveTimeout ?? Duration.minutes(5)).equals(fileTimeout)) {
      throw invalid(
        where,
        'global.resolve_timeout',
        fileTimeout.toPrometheus(),
        `the environment's resolve timeout (${(environment.resolveTimeout ?? Duration.minutes(5)).toPrometheus()}): it applies to the whole Alertmanager, so set MonitoringStack alertmanager.resolveTimeout: '${fileTimeout.toPrometheus()}', or import with importAlertmanagerConfig and pass its settings as the MonitoringStack's alertmanager prop`,
      );
    }
    const fileGlobal = imported.settings.global;
    const receivers = fileGlobal === undefined ? imported.receivers : imported.receivers.map((r) => (r.discards ? r : Receiver.of(r.name, r.integrations.map((i) => withGlobal(i, fileGlobal)))));
    return new AlertRouting(scope, id, { ...imported, receivers });
  }

  private readonly monitoring: MonitoringStack;
  private readonly where: string;
  private readonly declaration: {
    declaredBy: string;
    receivers: Receiver[];
    root?: RouteModel;
    routes: RouteModel[];
    inhibitRules: InhibitRuleModel[];
    timeIntervals: TimeIntervalOptions[];
    templates: Record<string, string>;
    expectations: RoutingExpectation[];
    externalAlerts: string[];
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
      timeIntervals: [],
      templates: {},
      expectations: [],
      externalAlerts: [],
    };
    checkValueObjects(props, this.where);
    (props.externalAlerts ?? []).forEach((name, i) => {
      if (typeof name !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_:]*$/.test(name)) {
        throw invalid(this.where, `externalAlerts[${i}]`, name, 'an alert name such as "BackupFailed" (letters, digits, _ and :)');
      }
      this.declaration.externalAlerts.push(name);
    });
    this.monitoring.model.addRouting(this.declaration);
    for (const receiver of props.receivers ?? []) this.addReceiver(receiver);
    for (const route of props.routes ?? []) this.addRoute(route);
    for (const rule of props.inhibitRules ?? []) this.addInhibitRule(rule);
    for (const interval of props.timeIntervals ?? []) this.addTimeInterval(interval);
    for (const [name, text] of Object.entries(props.templates ?? {})) this.addTemplate(name, text);
    for (const expectation of props.expectations ?? []) this.expectRoute(expectation);
  }

  /**
   * The `amtool config routes test` commands that check every routing expectation of the environment, relative to
   * the rendered `alertmanager/` directory. Run them in CI against `cdktf.out/stacks/<stack>/rendered/<id>/`.
   */
  public static routingTests(monitoring: MonitoringStack): string[][] {
    return monitoring.model.routingDeclarations.flatMap((r) =>
      r.expectations.map((e) => [
        'amtool', 'config', 'routes', 'test', '--config.file=alertmanager/alertmanager.yml',
        `--verify.receivers=${[...e.receivers].join(',')}`,
        ...Object.keys(e.labels).sort().map((k) => `${k}=${e.labels[k]}`),
      ]),
    );
  }

  /** Adds a named time interval. */
  public addTimeInterval(interval: TimeIntervalOptions): void {
    checkTimeInterval(interval, this.where, `timeIntervals[${this.declaration.timeIntervals.length}]`);
    this.declaration.timeIntervals.push(interval);
    this.monitoring.model.touch();
  }

  /** Adds a notification template file. */
  public addTemplate(name: string, text: string): void {
    if (typeof name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) {
      throw invalid(this.where, 'templates key', name, 'a file name of letters, digits, ".", "_" and "-" (without .tmpl)');
    }
    checkNotificationTemplateFile(text, this.where, `templates.${name}`);
    this.declaration.templates[name] = text;
    this.monitoring.model.touch();
  }

  /** Declares that an alert with `labels` must be routed to exactly `receivers`. */
  public expectRoute(expectation: RoutingExpectation): void {
    const field = `expectations[${this.declaration.expectations.length}]`;
    checkLabels(expectation?.labels, this.where, `${field}.labels`);
    if (!Array.isArray(expectation.receivers) || expectation.receivers.length === 0) {
      throw invalid(this.where, `${field}.receivers`, expectation.receivers, 'a non-empty list of receiver names');
    }
    this.declaration.expectations.push({ labels: { ...expectation.labels }, receivers: [...expectation.receivers] });
  }

  /** Adds a receiver. */
  public addReceiver(receiver: Receiver): void {
    if (!(receiver instanceof Receiver)) {
      throw invalid(this.where, 'receivers', receiver, 'a Receiver such as Receiver.webhook("name", { url })');
    }
    checkValueObjects(receiver, this.where, `receivers[${this.declaration.receivers.length}]`);
    // With the environment's `global`: an email without smarthost is fine when global has one, as in Alertmanager.
    receiver.validate(this.where, this.monitoring.model.alertmanagerGlobal ?? {});
    this.declaration.receivers.push(receiver);
    // The secrets of `global` too, which the receiver may inherit (requested once per file path by the targets).
    const model = { route: { matchers: [], routes: [], declaredBy: this.where }, receivers: [receiver], inhibitRules: [], global: this.monitoring.model.alertmanagerGlobal };
    for (const secret of alertmanagerSecrets(model)) this.monitoring.requireSecret(secret, 'alertmanager', this.where);
    this.monitoring.model.touch();
  }

  /** Adds a child route under the root. */
  public addRoute(route: RouteOptions): void {
    checkValueObjects(route, this.where, `routes[${this.declaration.routes.length}]`);
    this.declaration.routes.push(buildRoute(route, this.where, `routes[${this.declaration.routes.length}]`));
    this.monitoring.model.touch();
  }

  /** Adds an inhibit rule. */
  public addInhibitRule(rule: InhibitRuleOptions): void {
    this.declaration.inhibitRules.push(buildInhibitRule(rule, this.where, `inhibitRules[${this.declaration.inhibitRules.length}]`));
    this.monitoring.model.touch();
  }
}
