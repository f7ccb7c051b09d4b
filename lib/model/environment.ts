import type { GrafanaAlertingProvisioning } from '../render/grafana-alert-rules';
import { alertmanagerMinor, checkAlertmanagerVersion, DEFAULT_ALERTMANAGER_VERSION } from './alertmanager-versions';
import { AlertmanagerGlobal, checkAlertmanagerGlobal, checkGlobalVersion } from './receivers/global';
import { DashboardModel, DataSourceModel } from './dashboard';
import { BlackboxModuleModel, ExporterDeployment } from './exporters';
import { Duration } from './duration';
import { duplicate, invalid, MonitoringConfigError } from './errors';
import { notificationTemplateErrors } from './go-template-check';
import { checkLabels } from './names';
import { PrometheusModel } from './prometheus';
import { Receiver } from './receivers';
import {
  AlertmanagerModel,
  AlertmanagerVersion,
  buildInhibitRule,
  buildRootRoute,
  buildRoute,
  checkRouting,
  InhibitRuleModel,
  InhibitRuleOptions,
  RootRouteOptions,
  RouteModel,
  RouteOptions,
} from './routing';
import { RuleGroupModel } from './rules';
import { RuleTestSuiteModel } from './rule-tests';
import { LogPipelineModel } from './logs/pipeline';
import { LokiSettingsModel } from './logs/loki-settings';
import { TimeIntervalOptions } from './time-intervals';
import { ScrapeJobModel } from './scrape';
import { fileSdPath } from './service-discovery';
import { checkJobTimeout } from './scrape-timing';


/** Prometheus-wide settings of an environment. */
export interface PrometheusSettings {
  /** Default scrape interval. @default 15s */
  readonly scrapeInterval?: Duration | string;
  /** Default scrape timeout. @default 10s */
  readonly scrapeTimeout?: Duration | string;
  /** How often rules are evaluated. @default 15s */
  readonly evaluationInterval?: Duration | string;
  /** How long samples are kept. @default 15d */
  readonly retention?: Duration | string;
  /** Maximum size of stored samples, e.g. `20GB` (units B, KB, MB, GB, TB, PB, EB). @default - no size limit */
  readonly retentionSize?: string;
  /** Labels added to every series and alert leaving this Prometheus (`environment` is always set). @default {} */
  readonly externalLabels?: Readonly<Record<string, string>>;
}

/** Alertmanager-wide settings of an environment. */
export interface AlertmanagerSettings {
  /** Time after which an alert without updates is declared resolved. @default 5m (Alertmanager's default) */
  readonly resolveTimeout?: Duration | string;
  /**
   * The oldest Alertmanager that must accept the rendered file, as "0.<minor>" ("0.25" or newer). From 0.28, Teams
   * Workflows receivers and webhook URLs read from files (`url_file`) are available; set an older version for an
   * Alertmanager you do not upgrade, and a receiver that needs more is refused with the version it needs.
   * @default "0.28"
   */
  readonly version?: AlertmanagerVersion;
  /**
   * Alertmanager's `global` section: SMTP defaults, `slackApiUrl` and other integration defaults (Secrets), and the
   * `httpConfig` of every integration that has none of its own. Integrations inherit each field they leave unset,
   * as Alertmanager does; the rendered file keeps them in `global`.
   * @default - none (Alertmanager's defaults)
   */
  readonly global?: AlertmanagerGlobal;
}

/** One routing declaration (an `AlertRouting` construct), validated. */
export interface RoutingDeclaration {
  /** The construct that declared it, for messages. */
  readonly declaredBy: string;
  /** Receivers it declares. */
  readonly receivers: readonly Receiver[];
  /** The root route, when this declaration sets it (exactly one per environment does). @default - none */
  readonly root?: RouteModel;
  /** Child routes it appends under the root route. */
  readonly routes: readonly RouteModel[];
  /** Inhibit rules it declares. */
  readonly inhibitRules: readonly InhibitRuleModel[];
  /** Named time intervals it declares. */
  readonly timeIntervals: readonly TimeIntervalOptions[];
  /** Notification templates: name (without `.tmpl`) → Go template text. */
  readonly templates: Readonly<Record<string, string>>;
  /** Routing expectations: alerts with these labels must reach exactly these receivers. */
  readonly expectations: readonly RoutingExpectation[];
  /** Alert names that reach Alertmanager from outside the environment's rules; routes may match them. @default [] */
  readonly externalAlerts?: readonly string[];
}

/** "An alert with `labels` is delivered to exactly `receivers`", checked with amtool in tests. */
export interface RoutingExpectation {
  /** The labels of an example alert. */
  readonly labels: Readonly<Record<string, string>>;
  /** The receivers it must reach, all of them and no others. */
  readonly receivers: readonly string[];
}

/** The environment's log pipeline: sources and stages, Loki, and which agent ships the lines. */
export interface LogsDeclaration {
  /** Sources and stages. */
  readonly pipeline: LogPipelineModel;
  /** Loki's settings. */
  readonly loki: LokiSettingsModel;
  /** The agent that ships the lines to Loki. */
  readonly agent: 'alloy' | 'promtail';
  /** The LogPipeline that declared it, for messages. */
  readonly declaredBy: string;
}

/** A scrape job a target adds on its own (Prometheus scraping itself, node-exporter, cAdvisor, ...). */
export interface BuiltInJob {
  /** The job. */
  readonly job: ScrapeJobModel;
  /** The prop that turns it off, for messages, e.g. `DockerHostTarget builtInJobs: { node: false }`. */
  readonly turnOff: string;
}

/** A note about an imported file that does not stop the build (e.g. the file's global settings differ from the stack's). */
export interface ImportNote {
  /** Who imported it, e.g. `ServiceScrape dev/monitoring from prometheus.yml`. */
  readonly declaredBy: string;
  /** The note. */
  readonly message: string;
}

/** The receiver used when an environment declares no routing at all: it notifies nobody (a warning says so). */
export const FALLBACK_RECEIVER = 'default-discard';

/**
 * All monitoring of one environment as plain data: what to scrape, rule groups, routing, dashboards and data
 * sources. Constructs and targets add to it; renderers read from it. It knows nothing of cdktf.
 *
 * Read-only outside this library (`MonitoringStack.model`): the methods that add to it are internal, because only
 * the constructs validate what they add. Declare monitoring with the constructs instead.
 */
export class MonitoringEnvironment {
  private readonly jobs: ScrapeJobModel[] = [];
  private readonly builtIns: BuiltInJob[] = [];
  private readonly notes: ImportNote[] = [];
  private readonly groups: RuleGroupModel[] = [];
  private readonly routings: RoutingDeclaration[] = [];
  private readonly dashboards: DashboardModel[] = [];
  private readonly dataSources: DataSourceModel[] = [];
  private readonly exporterDeployments: { deployment: ExporterDeployment; declaredBy: string }[] = [];
  private readonly probeModules: { module: BlackboxModuleModel; declaredBy: string }[] = [];
  private readonly testSuites = new Map<string, RuleTestSuiteModel>();
  private readonly lokiGroups: RuleGroupModel[] = [];
  private logDeclarations: LogsDeclaration[] = [];
  private alertmanagerAddresses: string[] = [];
  private grafanaAlertingSettings?: GrafanaAlertingProvisioning;
  private revision = 0;

  /** The Prometheus settings, validated. */
  public readonly prometheus: Omit<PrometheusModel, 'scrapeJobs' | 'ruleGroups' | 'alertmanagers'>;
  /** Alertmanager settings, validated. @default - Alertmanager's 5m */
  public readonly resolveTimeout?: Duration;
  /** The oldest Alertmanager the rendered file targets. */
  public readonly alertmanagerVersion: AlertmanagerVersion;
  /** Alertmanager's `global` defaults, validated. @default - none */
  public readonly alertmanagerGlobal?: AlertmanagerGlobal;

  constructor(
    /** Environment name (`dev`, `prod`), also the `environment` external label. */
    public readonly name: string,
    prometheus: PrometheusSettings = {},
    alertmanager: AlertmanagerSettings = {},
    where = `MonitoringStack ${name}`,
  ) {
    if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{0,30}$/.test(name)) {
      throw invalid(where, 'environment', name, 'a short lowercase name such as "dev" or "prod" (a-z, 0-9, -; at most 31 characters)');
    }
    checkLabels(prometheus.externalLabels, where, 'prometheus.externalLabels');
    const scrapeInterval = Duration.from(prometheus.scrapeInterval ?? '15s', where, 'prometheus.scrapeInterval');
    const scrapeTimeout = Duration.from(prometheus.scrapeTimeout ?? '10s', where, 'prometheus.scrapeTimeout');
    for (const [key, value] of [['scrapeInterval', scrapeInterval], ['evaluationInterval', prometheus.evaluationInterval === undefined ? undefined : Duration.from(prometheus.evaluationInterval, where, 'prometheus.evaluationInterval')]] as const) {
      // Prometheus reads 0 as "unset" and silently uses its own default (1m), not what the file says.
      if (value !== undefined && value.toMilliseconds() === 0) throw invalid(where, `prometheus.${key}`, value.toPrometheus(), 'a duration > 0');
    }
    if (scrapeTimeout.isLongerThan(scrapeInterval)) {
      throw invalid(where, 'prometheus.scrapeTimeout', scrapeTimeout.toPrometheus(), `at most the scrape interval (${scrapeInterval.toPrometheus()})`);
    }
    if (prometheus.retentionSize !== undefined && !/^\d+(B|KB|MB|GB|TB|PB|EB)$/.test(prometheus.retentionSize)) {
      throw invalid(where, 'prometheus.retentionSize', prometheus.retentionSize, 'a size such as "20GB" (units B, KB, MB, GB, TB, PB, EB)');
    }
    this.prometheus = {
      scrapeInterval,
      scrapeTimeout,
      evaluationInterval: Duration.from(prometheus.evaluationInterval ?? '15s', where, 'prometheus.evaluationInterval'),
      retentionTime: Duration.from(prometheus.retention ?? '15d', where, 'prometheus.retention'),
      retentionSize: prometheus.retentionSize,
      externalLabels: { environment: name, ...(prometheus.externalLabels ?? {}) },
    };
    this.alertmanagerVersion =
      alertmanager.version === undefined ? DEFAULT_ALERTMANAGER_VERSION : checkAlertmanagerVersion(alertmanager.version, where, 'alertmanager.version');
    this.resolveTimeout =
      alertmanager.resolveTimeout === undefined ? undefined : Duration.from(alertmanager.resolveTimeout, where, 'alertmanager.resolveTimeout');
    if (alertmanager.global !== undefined) {
      checkAlertmanagerGlobal(alertmanager.global, where);
      checkGlobalVersion(alertmanager.global, this.alertmanagerVersion, where);
      this.alertmanagerGlobal = alertmanager.global;
    }
  }

  /** Increases on every change; renderers cache on it. */
  public get version(): number {
    return this.revision;
  }

  /** Adds a scrape job. @internal */
  public addScrapeJob(job: ScrapeJobModel): void {
    checkJobTimeout(job, this.prometheus.scrapeInterval);
    this.jobs.push(job);
    this.revision++;
  }

  /**
   * Adds a job a target runs on its own. A job of the same name declared by the user (a ServiceScrape, e.g. an
   * imported `prometheus` job) replaces it: {@link scrapeJobs} lists the user's, {@link replacedBuiltInJobs} says so.
   * @internal
   */
  public addBuiltInJob(builtIn: BuiltInJob): void {
    checkJobTimeout(builtIn.job, this.prometheus.scrapeInterval);
    this.builtIns.push(builtIn);
    this.revision++;
  }

  /** The built-in jobs that a user job of the same name replaces, with the job that replaces each. */
  public get replacedBuiltInJobs(): readonly { readonly builtIn: BuiltInJob; readonly by: ScrapeJobModel }[] {
    return this.builtIns.flatMap((builtIn) => {
      const by = this.jobs.find((j) => j.jobName === builtIn.job.jobName);
      return by === undefined ? [] : [{ builtIn, by }];
    });
  }

  /** The built-in jobs that are scraped (not replaced by a user job of the same name). */
  public get activeBuiltInJobs(): readonly BuiltInJob[] {
    if (this.builtIns.length === 0) return [];
    const userJobs = new Set(this.jobs.map((j) => j.jobName));
    return this.builtIns.filter((b) => !userJobs.has(b.job.jobName));
  }

  /** Records a note about an imported file, reported as a warning at synth. @internal */
  public addImportNote(note: ImportNote): void {
    this.notes.push(note);
  }

  /** Notes about imported files. */
  public get importNotes(): readonly ImportNote[] {
    return this.notes;
  }

  /** Adds a rule group. @internal */
  public addRuleGroup(group: RuleGroupModel): void {
    this.groups.push(group);
    this.revision++;
  }

  /** Replaces a rule group previously added (same object identity), e.g. after `addRule`. @internal */
  public replaceRuleGroup(previous: RuleGroupModel, next: RuleGroupModel): void {
    const index = this.groups.indexOf(previous);
    if (index < 0) throw new Error('internal: replacing a rule group that was never added');
    this.groups[index] = next;
    this.revision++;
  }

  /** Adds a routing declaration. The object may grow later (its arrays are read at render time). @internal */
  public addRouting(routing: RoutingDeclaration): void {
    this.routings.push(routing);
    this.revision++;
  }

  /** Marks the environment changed (after a routing declaration grew). @internal */
  public touch(): void {
    this.revision++;
  }

  /** Adds a dashboard. @internal */
  public addDashboard(dashboard: DashboardModel): void {
    this.dashboards.push(dashboard);
    this.revision++;
  }

  /** Adds a Grafana data source. @internal */
  public addDataSource(dataSource: DataSourceModel): void {
    this.dataSources.push(dataSource);
    this.revision++;
  }

  /** Declares the environment's log pipeline (one per environment; a second is reported by {@link validate}). @internal */
  public setLogs(logs: LogsDeclaration): void {
    this.logDeclarations.push(logs);
    this.revision++;
  }

  /** The log pipeline, if one is declared. */
  public get logs(): LogsDeclaration | undefined {
    return this.logDeclarations[0];
  }

  /** Adds a rule group evaluated by Loki's ruler (LogQL). @internal */
  public addLokiRuleGroup(group: RuleGroupModel): void {
    this.lokiGroups.push(group);
    this.revision++;
  }

  /** Replaces a Loki rule group previously added. @internal */
  public replaceLokiRuleGroup(previous: RuleGroupModel, next: RuleGroupModel): void {
    const index = this.lokiGroups.indexOf(previous);
    if (index < 0) throw new Error('internal: replacing a Loki rule group that was never added');
    this.lokiGroups[index] = next;
    this.revision++;
  }

  /** Rule groups evaluated by Loki. */
  public get lokiRuleGroups(): readonly RuleGroupModel[] {
    return this.lokiGroups;
  }

  /** Sets the promtool unit tests of a rule group (replacing earlier ones of the same group). @internal */
  public setRuleTests(suite: RuleTestSuiteModel): void {
    this.testSuites.set(suite.groupName, suite);
    this.revision++;
  }

  /** The promtool test suites, one per tested rule group, by group name. */
  public get ruleTests(): readonly RuleTestSuiteModel[] {
    return [...this.testSuites.keys()].sort().map((name) => this.testSuites.get(name)!);
  }

  /** Adds an exporter to deploy (postgres, redis). @internal */
  public addExporter(deployment: ExporterDeployment, declaredBy: string): void {
    this.exporterDeployments.push({ deployment, declaredBy });
    this.revision++;
  }

  /** Adds a blackbox module a probe uses; the same name with other settings is reported by {@link validate}. @internal */
  public addBlackboxModule(module: BlackboxModuleModel, declaredBy: string): void {
    this.probeModules.push({ module, declaredBy });
    this.revision++;
  }

  /** Exporters to deploy. */
  public get exporters(): readonly ExporterDeployment[] {
    return this.exporterDeployments.map((e) => e.deployment);
  }

  /** Distinct blackbox modules, in first-use order. */
  public get blackboxModules(): readonly BlackboxModuleModel[] {
    const byName = new Map<string, BlackboxModuleModel>();
    for (const { module } of this.probeModules) if (!byName.has(module.name)) byName.set(module.name, module);
    return [...byName.values()];
  }

  /**
   * Has the environment's Grafana evaluate the alerting rules (Grafana-managed alerting, provisioned from files) and
   * send them to `alertmanagerUrl`; Prometheus then keeps evaluating them for its UI and the promtool tests, but
   * sends nothing, so every alert notifies once.
   * @internal
   */
  public setGrafanaAlerting(settings: GrafanaAlertingProvisioning): void {
    this.grafanaAlertingSettings = settings;
    this.alertmanagerAddresses = [];
    this.revision++;
  }

  /** The Grafana-managed alerting settings, when the environment's Grafana evaluates the rules. */
  public get grafanaAlerting(): GrafanaAlertingProvisioning | undefined {
    return this.grafanaAlertingSettings;
  }

  /** Sets where Prometheus sends alerts (`host:port`). @internal */
  public setAlertmanagers(addresses: readonly string[]): void {
    this.alertmanagerAddresses = this.grafanaAlertingSettings ? [] : [...addresses];
    this.revision++;
  }

  /** All scrape jobs: the user's, then the targets' built-in jobs that no user job of the same name replaces. */
  public get scrapeJobs(): readonly ScrapeJobModel[] {
    return [...this.jobs, ...this.activeBuiltInJobs.map((b) => b.job)];
  }
  /** All rule groups. */
  public get ruleGroups(): readonly RuleGroupModel[] {
    return this.groups;
  }
  /** All dashboards. */
  public get allDashboards(): readonly DashboardModel[] {
    return this.dashboards;
  }
  /** All data sources. */
  public get allDataSources(): readonly DataSourceModel[] {
    return this.dataSources;
  }
  /** All routing declarations. */
  public get routingDeclarations(): readonly RoutingDeclaration[] {
    return this.routings;
  }

  /** The model prometheus.yml is rendered from. */
  public prometheusModel(): PrometheusModel {
    return { ...this.prometheus, alertmanagers: this.alertmanagerAddresses, scrapeJobs: this.scrapeJobs, ruleGroups: this.groups };
  }

  /**
   * The model alertmanager.yml is rendered from: receivers of every routing declaration, the one root route,
   * and every declaration's child routes appended in declaration order.
   */
  public alertmanagerModel(): AlertmanagerModel {
    const roots = this.routings.filter((r) => r.root !== undefined);
    const receivers = this.routings.flatMap((r) => r.receivers);
    const childRoutes = this.routings.flatMap((r) => r.routes);
    let route: RouteModel;
    if (roots.length === 0) {
      route = { ...buildRootRoute({ receiver: FALLBACK_RECEIVER }, 'MonitoringStack'), routes: childRoutes };
    } else {
      route = { ...roots[0].root!, routes: [...roots[0].root!.routes, ...childRoutes] };
    }
    const allReceivers = roots.length === 0 ? [...receivers, Receiver.discard(FALLBACK_RECEIVER)] : receivers;
    return {
      resolveTimeout: this.resolveTimeout,
      global: this.alertmanagerGlobal,
      route,
      receivers: allReceivers,
      inhibitRules: this.routings.flatMap((r) => r.inhibitRules),
      timeIntervals: this.routings.flatMap((r) => r.timeIntervals),
      templates: Object.assign({}, ...this.routings.map((r) => r.templates)),
      version: this.alertmanagerVersion,
    };
  }

  /**
   * Checks that span constructs; returns one message per problem (empty when all is well).
   */
  public validate(): string[] {
    const errors: string[] = [];
    const attempt = (check: () => void) => {
      try {
        check();
      } catch (e) {
        if (e instanceof MonitoringConfigError) errors.push(e.message);
        else throw e;
      }
    };
    const jobNames = new Map<string, string>();
    for (const job of this.jobs) {
      attempt(() => {
        const first = jobNames.get(job.jobName);
        if (first !== undefined) throw duplicate(job.declaredBy, 'jobName', job.jobName, first);
        jobNames.set(job.jobName, job.declaredBy);
      });
    }
    // Target files of Discovery.files({ targetGroups }) are named after the job: `a:b` and `a_b` would share one.
    const targetFiles = new Map<string, string>();
    for (const job of this.jobs) {
      const count = (job.discovery ?? []).filter((d) => d.kind === 'file' && d.targetGroups).length;
      for (let i = 0; i < count; i++) {
        attempt(() => {
          const path = fileSdPath(job, i);
          const first = targetFiles.get(path);
          if (first !== undefined) throw duplicate(job.declaredBy, 'jobName (as target file name)', path, first);
          targetFiles.set(path, job.declaredBy);
        });
      }
    }
    const groupNames = new Map<string, string>();
    const files = new Map<string, string>();
    for (const group of this.groups) {
      attempt(() => {
        const first = groupNames.get(group.name);
        if (first !== undefined) throw duplicate(group.declaredBy, 'name', group.name, first);
        groupNames.set(group.name, group.declaredBy);
        const firstFile = files.get(group.fileName);
        if (firstFile !== undefined) throw duplicate(group.declaredBy, 'name (as file name)', group.fileName, firstFile);
        files.set(group.fileName, group.declaredBy);
      });
    }
    // Alert names are unique within a group (checked there); across groups Prometheus allows them, and rule packs
    // used for several jobs (one serviceHealth pack per service) rely on it: routing and silences key on labels.
    const modules = new Map<string, { module: BlackboxModuleModel; declaredBy: string }>();
    for (const entry of this.probeModules) {
      attempt(() => {
        const first = modules.get(entry.module.name);
        if (first && JSON.stringify(first.module) !== JSON.stringify(entry.module)) {
          throw duplicate(entry.declaredBy, 'exporter.module.name', entry.module.name, `${first.declaredBy} with other settings`);
        }
        if (!first) modules.set(entry.module.name, entry);
      });
    }
    const exporterNames = new Map<string, string>();
    for (const { deployment, declaredBy } of this.exporterDeployments) {
      attempt(() => {
        const first = exporterNames.get(deployment.name);
        if (first !== undefined) throw duplicate(declaredBy, 'exporter (container name)', deployment.name, first);
        exporterNames.set(deployment.name, declaredBy);
      });
    }
    if (this.logDeclarations.length > 1) {
      errors.push(
        `${this.logDeclarations[1].declaredBy}: the environment already has a LogPipeline (${this.logDeclarations[0].declaredBy}); expected one LogPipeline per environment with several sources`,
      );
    }
    for (const group of this.lokiGroups) {
      if (!this.logs) {
        errors.push(`${group.declaredBy}, evaluator: got "loki", but the environment has no LogPipeline; expected a LogPipeline that runs Loki (its ruler evaluates LogQL rules)`);
      }
      attempt(() => {
        const first = groupNames.get(group.name);
        if (first !== undefined) throw duplicate(group.declaredBy, 'name', group.name, first);
        groupNames.set(group.name, group.declaredBy);
      });
    }
    const roots = this.routings.filter((r) => r.root !== undefined);
    if (roots.length > 1) {
      errors.push(
        `${roots[1].declaredBy}, route: the environment already has a root route from ${roots[0].declaredBy}; expected exactly one AlertRouting with \`route\` (others add \`routes\`)`,
      );
    }
    if (roots.length === 0 && this.routings.some((r) => r.receivers.length > 0 || r.routes.length > 0)) {
      errors.push(
        `${this.routings[0].declaredBy}, route: no AlertRouting in the environment sets the root route; expected one AlertRouting with \`route: { receiver: ... }\``,
      );
    }
    const intervalNames = new Map<string, string>();
    const templateNames = new Map<string, string>();
    for (const routing of this.routings) {
      for (const interval of routing.timeIntervals) {
        attempt(() => {
          const first = intervalNames.get(interval.name);
          if (first !== undefined) throw duplicate(routing.declaredBy, 'timeIntervals[].name', interval.name, first);
          intervalNames.set(interval.name, routing.declaredBy);
        });
      }
      for (const name of Object.keys(routing.templates)) {
        attempt(() => {
          const first = templateNames.get(name);
          if (first !== undefined) throw duplicate(routing.declaredBy, 'templates key', name, first);
          templateNames.set(name, routing.declaredBy);
        });
      }
    }
    for (const e of notificationTemplateErrors(this.routings, alertmanagerMinor(this.alertmanagerVersion))) errors.push(e.message);
    attempt(() =>
      checkRouting(
        this.alertmanagerModel(),
        this.routings.flatMap((r) => r.receivers.map(() => r.declaredBy)).concat(roots.length === 0 ? ['MonitoringStack'] : []),
      ),
    );
    const uids = new Map<string, string>();
    const titles = new Map<string, string>();
    for (const dashboard of this.dashboards) {
      attempt(() => {
        const first = uids.get(dashboard.uid);
        if (first !== undefined) throw duplicate(dashboard.declaredBy, 'uid', dashboard.uid, first);
        uids.set(dashboard.uid, dashboard.declaredBy);
        const key = `${dashboard.folder ?? ''}\u0000${dashboard.title}`;
        const firstTitle = titles.get(key);
        if (firstTitle !== undefined) throw duplicate(dashboard.declaredBy, 'title (in its folder)', dashboard.title, firstTitle);
        titles.set(key, dashboard.declaredBy);
      });
    }
    return errors;
  }
}

export { buildInhibitRule, buildRoute, buildRootRoute };
export type { InhibitRuleOptions, RootRouteOptions, RouteOptions };
