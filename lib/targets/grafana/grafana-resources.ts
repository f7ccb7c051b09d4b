import { Annotations, Aspects, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { MonitoringStack } from '../../constructs/monitoring-stack';
import type { IMonitoringTarget } from '../../constructs/target';
import { DataSourceModel } from '../../model/dashboard';
import { describeConstruct, duplicate, MonitoringConfigError } from '../../model/errors';
import { Secret } from '../../model/secret';
import { ContactPoint } from '../../providers/grafana/contact-point';
import { Dashboard } from '../../providers/grafana/dashboard';
import { DataSource } from '../../providers/grafana/data-source';
import { Folder } from '../../providers/grafana/folder';
import { MessageTemplate } from '../../providers/grafana/message-template';
import { MuteTiming } from '../../providers/grafana/mute-timing';
import { NotificationPolicy } from '../../providers/grafana/notification-policy';
import { GrafanaProvider } from '../../providers/grafana/provider';
import { RuleGroup } from '../../providers/grafana/rule-group';
import { escapeTerraformTemplate } from '../terraform-escape';
import { contactPointFor } from './contact-points';
import { declaredDataSourceConfig } from './data-source-declared';
import { dashboardConfigJson, planFolders, titleClashes } from './dashboards';
import { GrafanaDataSourceRole } from './data-source-options';
import { GrafanaManagedParts, GrafanaTargetProps } from './grafana-target-props';
import { duplicateDataSource, duplicateEvaluationWarning, intervalRoundedWarning, leftOutWarning } from './messages';
import { alwaysMuted, muteTimingFor } from './mute-timings';
import { planPolicyTree } from './policy-tree';
import { convertRuleGroup, ConvertedRuleGroup } from './rule-groups';
import { SecretVariables } from './secrets';

const ROLES: readonly GrafanaDataSourceRole[] = ['prometheus', 'alertmanager', 'loki'];

/**
 * Targets known to send Prometheus' alerts only to the Alertmanagers the environment names
 * (`MonitoringEnvironment.setAlertmanagers`), so that emptying that list leaves notifying to Grafana.
 */
const HANDS_OFF_ALERTS: readonly string[] = ['DockerHostTarget'];

/** The resources of one {@link GrafanaTarget} in one environment. */
export class GrafanaResources extends Construct {
  private readonly monitoring: MonitoringStack;
  private readonly props: GrafanaTargetProps;
  private readonly target: IMonitoringTarget;
  private readonly where: string;
  private readonly manage: Required<GrafanaManagedParts>;
  private readonly secrets: SecretVariables;
  private readonly provider: GrafanaProvider;
  private readonly dataSources = new Map<GrafanaDataSourceRole, DataSource>();
  private readonly modelDataSources = new Map<GrafanaDataSourceRole, DataSourceModel>();
  private readonly errors: MonitoringConfigError[] = [];
  private materialized = false;

  constructor(monitoring: MonitoringStack, id: string, props: GrafanaTargetProps, target: IMonitoringTarget) {
    super(monitoring, id);
    this.monitoring = monitoring;
    this.props = props;
    this.target = target;
    this.where = describeConstruct('GrafanaTarget', this.node.path);
    this.manage = { dashboards: true, alertRules: false, routing: false, ...(props.manage ?? {}) };
    this.secrets = new SecretVariables(TerraformStack.of(this));

    const headers: Record<string, string> = {};
    for (const name of Object.keys(props.httpHeaders ?? {}).sort()) {
      const value = props.httpHeaders![name];
      headers[name] = value instanceof Secret ? this.secrets.value(value, this.where, `httpHeaders.${name}`) : value;
    }
    this.provider = new GrafanaProvider(this, 'provider', {
      url: props.url,
      auth: typeof props.auth === 'string' ? props.auth : this.secrets.value(props.auth ?? Secret.fromVariable('grafana_auth'), this.where, 'auth'),
      orgId: props.orgId,
      httpHeaders: Object.keys(headers).length > 0 ? headers : undefined,
      alias: props.providerAlias,
    });

    // Data sources do not depend on other constructs: created now, and known to the environment's dashboard checks.
    const scrapeInterval = monitoring.model.prometheus.scrapeInterval.toPrometheus();
    for (const role of ROLES) {
      const ds = props.dataSources[role];
      if (ds === undefined) continue;
      const model = ds.toModel(scrapeInterval);
      monitoring.model.addDataSource(model);
      this.modelDataSources.set(role, model);
      const config = ds.resourceConfig(this.secrets, this.where, `dataSources.${role}`, scrapeInterval);
      if (config) this.dataSources.set(role, new DataSource(this, `data-source-${role}`, { ...config, provider: this.provider }));
    }

    Aspects.of(this).add({ visit: (node: IConstruct) => (node === this ? this.materialize() : undefined) });
    this.node.addValidation({ validate: () => this.validate() });
  }

  /**
   * Creates the resources that depend on the whole environment (folders, dashboards, rule groups, contact points,
   * the policy tree). Runs once, at synth, from an aspect: every construct of the environment exists by then.
   */
  private materialize(): void {
    if (this.materialized) return;
    this.materialized = true;
    const env = this.monitoring.model;
    const warn = (message: string) => Annotations.of(this).addWarning(message);

    const groups = this.manage.alertRules ? this.convertRules(warn) : [];

    // Data sources declared by constructs (ElasticsearchDataSource, JaegerDataSource, …); a repeated uid is reported by them.
    const declared = new Set<string>();
    for (const ds of env.allDataSources.filter((d) => d.declaredBy !== undefined && !declared.has(d.uid))) {
      declared.add(ds.uid);
      new DataSource(this, `declared-data-source-${ds.uid}`, { ...declaredDataSourceConfig(ds, this.secrets, this.where), provider: this.provider });
    }

    const dashboards = this.manage.dashboards ? env.allDashboards : [];
    const alertFolder = this.props.alertFolder ?? `${this.monitoring.environmentName} alerts`;
    const titles = dashboards.filter((d) => d.folder !== undefined).map((d) => d.folder!);
    if (groups.length > 0) titles.push(alertFolder);
    const firstDeclaring = (title: string) =>
      title === alertFolder && groups.length > 0 ? `${this.where}, alertFolder` : dashboards.find((d) => d.folder === title)?.declaredBy ?? this.where;
    const plan = planFolders(titles, this.monitoring.environmentName, this.props.folderUids ?? {}, firstDeclaring);
    this.errors.push(...plan.errors);
    const folders = new Map<string, Folder>();
    for (const f of plan.folders) {
      folders.set(f.title, new Folder(this, `folder-${f.uid}`, { provider: this.provider, title: escapeTerraformTemplate(f.title), uid: f.uid }));
    }

    this.errors.push(...titleClashes(dashboards));
    const dashboardUids = new Set<string>();
    for (const d of dashboards) {
      if (dashboardUids.has(d.uid)) continue; // a duplicate uid: the environment's checks report it
      dashboardUids.add(d.uid);
      new Dashboard(this, `dashboard-${d.uid}`, {
        provider: this.provider,
        configJson: dashboardConfigJson(d),
        folder: d.folder !== undefined ? folders.get(d.folder)?.uid : undefined,
        overwrite: this.props.overwriteDashboards ?? true,
      });
    }

    const alertFolderResource = folders.get(alertFolder);
    const prometheusSource = this.dataSources.get('prometheus');
    const groupNames = new Set<string>();
    for (const group of groups) {
      if (groupNames.has(group.name) || !alertFolderResource) continue; // a duplicate name: the environment's checks report it
      groupNames.add(group.name);
      new RuleGroup(this, `rule-group-${group.name}`, {
        provider: this.provider,
        name: group.name,
        folderUid: alertFolderResource.uid,
        intervalSeconds: group.intervalSeconds,
        rule: group.rules,
        // Grafana refuses a rule whose data source does not exist yet.
        dependsOn: prometheusSource ? [prometheusSource] : undefined,
      });
    }

    if (this.manage.routing) this.materializeRouting(warn);
  }

  /** The environment's alerting rules as Grafana rule groups; hands notifying over from Prometheus. */
  private convertRules(warn: (message: string) => void): ConvertedRuleGroup[] {
    const env = this.monitoring.model;
    // Grafana notifies: Prometheus keeps evaluating the rules (its UI and promtool tests still show them) but sends
    // its alerts to no Alertmanager, so nothing is notified twice. Done at synth, after every target has bound.
    env.setAlertmanagers([]);
    const others = this.monitoring.targets.filter((t) => t !== this.target && !HANDS_OFF_ALERTS.includes(t.kind)).map((t) => t.kind);
    if (others.length > 0 && env.ruleGroups.some((g) => g.rules.some((r) => r.kind === 'alert'))) {
      warn(duplicateEvaluationWarning(this.where, others));
    }
    const prometheus = this.props.dataSources.prometheus;
    const groups: ConvertedRuleGroup[] = [];
    for (const group of env.ruleGroups) {
      const converted = convertRuleGroup(group, env.prometheus.evaluationInterval, {
        dataSource: { uid: prometheus.uid, type: prometheus.type },
        execErrState: this.props.execErrState ?? 'Error',
        missingSeriesEvalsToResolve: this.props.missingSeriesEvalsToResolve,
      });
      if (!converted) continue;
      if (converted.intervalSeconds * 1000 !== converted.requestedInterval.toMilliseconds()) {
        warn(intervalRoundedWarning(group.declaredBy, converted.requestedInterval.toPrometheus(), converted.intervalSeconds));
      }
      if (group.limit !== undefined && group.limit > 0) {
        warn(leftOutWarning(group.declaredBy, `limit (${group.limit})`, 'Grafana-managed rules have no limit on the alerts a rule produces'));
      }
      groups.push(converted);
    }
    return groups;
  }

  private materializeRouting(warn: (message: string) => void): void {
    const env = this.monitoring.model;
    const model = env.alertmanagerModel();
    const discardTiming = `${this.monitoring.environmentName}-discard`;
    const plan = planPolicyTree(env, discardTiming, this.where);
    this.errors.push(...plan.errors);
    plan.warnings.forEach(warn);

    // Notification templates first: contact points use them by name. Names are unique in the environment (its checks).
    const templates = model.templates ?? {};
    const messageTemplates = Object.keys(templates)
      .sort()
      .map((name) => new MessageTemplate(this, `message-template-${name}`, { provider: this.provider, name, template: escapeTerraformTemplate(templates[name]) }));

    const contactPoints: ContactPoint[] = [];
    const names = new Set<string>();
    for (const declaration of env.routingDeclarations) {
      for (const receiver of declaration.receivers) {
        if (names.has(receiver.name)) continue; // a duplicate name: the environment's checks report it
        names.add(receiver.name);
        try {
          const cp = contactPointFor(receiver, declaration.declaredBy, this.secrets, model.global);
          if (!cp) continue;
          cp.warnings.forEach(warn);
          contactPoints.push(
            new ContactPoint(this, `contact-point-${receiver.name}`, {
              ...cp.config,
              provider: this.provider,
              dependsOn: messageTemplates.length > 0 ? messageTemplates : undefined,
            }),
          );
        } catch (e) {
          if (!(e instanceof MonitoringConfigError)) throw e;
          this.errors.push(e);
        }
      }
    }

    // Named time intervals become mute timings, used by name as mute or active timings.
    const muteTimings: MuteTiming[] = [];
    const intervalNames = new Set<string>();
    for (const interval of model.timeIntervals ?? []) {
      if (intervalNames.has(interval.name)) continue;
      intervalNames.add(interval.name);
      muteTimings.push(new MuteTiming(this, `mute-timing-${interval.name}`, { ...muteTimingFor(interval), provider: this.provider }));
    }
    if (plan.usesDiscardTiming) {
      muteTimings.push(new MuteTiming(this, 'discard-timing', { ...alwaysMuted(discardTiming), provider: this.provider }));
    }
    if (plan.root) {
      new NotificationPolicy(this, 'notification-policy', {
        provider: this.provider,
        ...plan.root,
        // The tree names contact points and mute timings: they must exist first.
        dependsOn: [...contactPoints, ...muteTimings],
      });
    }
  }

  /** Synth-time checks: the errors found while materializing, data source uids and provider configurations. */
  private validate(): string[] {
    this.materialize();
    const errors = this.errors.map((e) => e.message);
    for (const [role, mine] of this.modelDataSources) {
      const other = this.monitoring.model.allDataSources.find((d) => d.uid === mine.uid && d !== mine);
      if (other) {
        errors.push(duplicateDataSource(this.where, `dataSources.${role}.uid`, mine.uid, `the data source ${JSON.stringify(other.name)} (${other.type}) of the environment`).message);
      }
    }
    const stack = TerraformStack.of(this);
    const sameAlias = stack.node
      .findAll()
      .filter((c): c is GrafanaProvider => c instanceof GrafanaProvider && c !== this.provider && c.alias === this.props.providerAlias);
    if (sameAlias.length > 0) {
      errors.push(
        duplicate(this.where, 'providerAlias', this.props.providerAlias ?? '(none)', `the grafana provider ${sameAlias[0].node.path}`).message,
      );
    }
    return errors;
  }
}
