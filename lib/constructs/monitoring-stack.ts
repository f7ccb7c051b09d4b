import * as fs from 'fs';
import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { MonitoringEnvironment, AlertmanagerSettings, PrometheusSettings } from '../model/environment';
import { describeConstruct, MonitoringConfigError, noMonitoringStack } from '../model/errors';
import { Component } from '../model/layout';
import { checkSecret, Secret } from '../model/secret';
import { checkValueObjects } from '../model/value-objects';
import { nonMetricsPortWarnings } from '../model/scrape';
import { ExporterDeployment } from '../model/exporters';
import { renderEnvironmentFiles, RenderedFiles, RenderSelection } from '../render/environment-files';
import { environmentTopology } from './environment-topology';
import { addCrossConstructChecks } from './cross-construct-checks';
import type { IMonitoringEngine } from './engine';
import { checkOneStackPerEnvironment } from './one-stack-per-environment';
import { IMonitoringTarget } from './target';
import { engineOfTargets } from './target-engine';

const MONITORING_STACK = Symbol.for('cdktf-monitoring.MonitoringStack');

/** Grafana settings of an environment. */
export interface GrafanaSettings {
  /** The admin user name. @default "admin" */
  readonly adminUser?: string;
  /**
   * The admin password. It reaches Grafana as a file (`GF_SECURITY_ADMIN_PASSWORD__FILE`), never as a literal.
   * @default - a generated 32-character password (`random_password`), exposed as the sensitive output `grafana_admin_password`
   */
  readonly adminPassword?: Secret;
}

/** Props of {@link MonitoringStack}. */
export interface MonitoringStackProps {
  /** Environment name, e.g. `dev` or `prod`: prefixes resource names and becomes the `environment` external label. */
  readonly environment: string;
  /**
   * Where the monitoring runs.
   * @default - required unless `targets` is given
   */
  readonly target?: IMonitoringTarget;
  /**
   * Several targets that share the environment, e.g. Prometheus and Alertmanager on a Docker host or AWS, and
   * dashboards and Grafana-managed alerts on an existing Grafana (`GrafanaTarget`).
   * @default - `[target]`
   */
  readonly targets?: readonly IMonitoringTarget[];
  /** Prometheus settings. @default - 15s scrape and evaluation interval, 10s timeout, 15d retention */
  readonly prometheus?: PrometheusSettings;
  /** Alertmanager settings. @default - Alertmanager's defaults */
  readonly alertmanager?: AlertmanagerSettings;
  /** Grafana settings. @default - admin user `admin` with a generated password */
  readonly grafana?: GrafanaSettings;
}

/**
 * The monitoring of one environment: what to scrape, alert rules, routing and dashboards, and the target that
 * runs them. Create the other constructs (`ServiceScrape`, `AlertGroup`, `AlertRouting`, `GrafanaDashboard`)
 * inside it; they find it with {@link MonitoringStack.of}.
 *
 * It is a construct inside your stack (a `TerraformStack` for the cdktf targets), not a stack of its own, so it can live
 * in an existing stack. Its IaC engine is the one its targets give ({@link MonitoringStack.engine}).
 */
export class MonitoringStack extends Construct {
  /** The MonitoringStack `scope` is in (or is). Throws a clear error naming `kind` when there is none. */
  public static of(scope: IConstruct, kind = 'Construct'): MonitoringStack {
    const found = MonitoringStack.tryOf(scope);
    if (!found) throw noMonitoringStack(kind, scope.node.path);
    return found;
  }

  /** The MonitoringStack `scope` is in, or undefined. */
  public static tryOf(scope: IConstruct): MonitoringStack | undefined {
    const scopes = scope.node.scopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      if ((scopes[i] as unknown as Record<symbol, unknown>)[MONITORING_STACK] === true) return scopes[i] as MonitoringStack;
    }
    return undefined;
  }

  /** The environment name. */
  public readonly environmentName: string;
  /** The environment's model: everything the constructs declared, as plain data. */
  public readonly model: MonitoringEnvironment;
  /** The targets, in the order they were given. */
  public readonly targets: readonly IMonitoringTarget[];
  /** Grafana settings as given. */
  public readonly grafana: GrafanaSettings;
  /**
   * The IaC engine the targets give (the same for all of them): child constructs reach lazy values, warnings and synth
   * output through it, so the constructs layer imports no engine.
   */
  public readonly engine: IMonitoringEngine;
  private readonly deployedExporters = new Set<string>();
  private renderCache?: { version: number; select: string; files: RenderedFiles };

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id);
    Object.defineProperty(this, MONITORING_STACK, { value: true });
    const where = describeConstruct('MonitoringStack', this.node.path);
    if (!props || typeof props !== 'object') throw new MonitoringConfigError(where, 'props', 'are required');
    const targets = [...(props.target ? [props.target] : []), ...(props.targets ?? [])];
    if (targets.length === 0) {
      throw new MonitoringConfigError(where, 'target', 'is required: expected a target such as new DockerHostTarget()');
    }
    targets.forEach((target, i) => {
      if (!target || typeof target.bind !== 'function') {
        throw new MonitoringConfigError(where, `targets[${i}]`, `got ${String(target)}, expected a target such as new DockerHostTarget()`);
      }
    });
    this.engine = engineOfTargets(targets, where);
    checkValueObjects({ prometheus: props.prometheus, alertmanager: props.alertmanager, grafana: props.grafana }, where);
    checkOneStackPerEnvironment(this, this.engine, props.environment, where);
    this.model = new MonitoringEnvironment(props.environment, props.prometheus, props.alertmanager, where);
    this.environmentName = props.environment;
    this.targets = targets;
    this.grafana = props.grafana ?? {};

    this.node.addValidation({ validate: () => this.model.validate() });
    addCrossConstructChecks(this);
    // Warnings that should not stop a build: printed by the engine at synth (`cdktf synth`), kept in its manifest.
    this.node.addValidation({
      validate: () => {
        for (const job of this.model.scrapeJobs) for (const w of nonMetricsPortWarnings(job)) this.engine.addWarning(this, w);
        if (this.model.routingDeclarations.length === 0) {
          this.engine.addWarning(this, `${where}: no AlertRouting declared; alerts fire but notify nobody (they go to the "default-discard" receiver)`);
        }
        return [];
      },
    });
    this.engine.onSynthesize(this, (dir) => this.writeRenderedFiles(dir));
    for (const target of targets) target.bind(this);
  }

  /**
   * Every rendered file of the environment as plain text, by path (`prometheus/prometheus.yml`,
   * `prometheus/rules/<group>.yml`, `alertmanager/alertmanager.yml`, `grafana/...`). Use it in snapshot tests
   * and to run promtool/amtool in your own CI. Rendering is cached until the environment changes.
   */
  public renderedFiles(select: RenderSelection = this.defaultSelection()): RenderedFiles {
    const key = JSON.stringify(select);
    const cache = this.renderCache;
    if (cache && cache.version === this.model.version && cache.select === key) return cache.files;
    const files = renderEnvironmentFiles(this.model, select, environmentTopology(this.targets));
    this.renderCache = { version: this.model.version, select: key, files };
    return files;
  }

  private defaultSelection(): RenderSelection {
    return { grafana: this.targets.some((t) => t.provisionsGrafana !== false) };
  }

  /**
   * Writes {@link renderedFiles} under `dir`. Done automatically at synth, next to the engine's output
   * (`cdktf.out/stacks/<stack>/rendered/<id>/` for cdktf).
   */
  public writeRenderedFiles(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
    const made = new Set<string>(); // one mkdir per directory, not per file (thousands of files at scale)
    for (const [file, content] of Object.entries(this.renderedFiles())) {
      const target = path.join(dir, file);
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        fs.mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      fs.writeFileSync(target, content);
    }
  }

  /** Asks the targets to run an exporter (once per name: the blackbox exporter is shared). Called by ServiceScrape. */
  public requireExporter(deployment: ExporterDeployment, requestedBy: string): void {
    if (this.deployedExporters.has(deployment.name)) return;
    this.deployedExporters.add(deployment.name);
    for (const secretFile of deployment.secretFiles) this.requireSecret(secretFile.secret, 'exporters', requestedBy);
    for (const target of this.targets) target.deployExporter?.(deployment, requestedBy);
  }

  /** Asks the targets to run the log pipeline declared in the model. Called by LogPipeline. */
  public deployLogs(requestedBy: string): void {
    for (const target of this.targets) target.deployLogs?.(this, requestedBy);
  }

  /**
   * Asks the targets to make `secret` available as a file to `component`: a variable's value is uploaded, a
   * `Secret.fromFile` is mounted from where the target keeps it. Called by child constructs.
   */
  public requireSecret(secret: Secret, component: Component, requestedBy: string): void {
    checkSecret(secret, requestedBy, 'secret');
    for (const target of this.targets) target.provideSecret?.(secret, component, requestedBy);
  }
}
