import type { MonitoringStack } from './monitoring-stack';
import { describeConstruct, MonitoringConfigError } from '../model/errors';
import { checkValueObjects } from '../model/value-objects';
import type { Secret } from '../model/secret';
import type { Component } from '../model/layout';
import type { ExporterDeployment } from '../model/exporters';
import type { TargetTopology } from '../model/topology';
import type { IMonitoringEngine } from './engine';

/**
 * Where an environment's monitoring runs: a Docker host, AWS managed services, an existing Grafana.
 * A target turns the environment's model into resources of its IaC engine (Terraform resources for the cdktf targets).
 */
export interface IMonitoringTarget {
  /** A short name for messages, e.g. `DockerHostTarget`. */
  readonly kind: string;
  /**
   * The IaC engine whose resources this target creates (`CDKTF_ENGINE` for the cdktf targets). Every target of one
   * MonitoringStack gives the same engine; the MonitoringStack and its constructs reach the engine through it.
   */
  readonly engine: IMonitoringEngine;
  /**
   * Whether this target runs a Grafana provisioned from rendered files (the Docker host's does; an existing Grafana
   * reached through its API does not). Grafana provisioning files are rendered only when some target says yes.
   * @default true
   */
  readonly provisionsGrafana?: boolean;
  /**
   * Called once, from the MonitoringStack's constructor. Creates the target's resources eagerly; content that
   * depends on the whole environment is resolved lazily at synth.
   */
  bind(monitoring: MonitoringStack): void;
  /** Called whenever a construct needs a secret file in a component (e.g. a Slack URL for Alertmanager). */
  provideSecret?(secret: Secret, component: Component, requestedBy: string): void;
  /**
   * Called when a `ServiceScrape` needs an exporter running next to Prometheus. Called once per exporter; for
   * blackbox probes once per environment (the exporter is shared and its modules are rendered lazily).
   */
  deployExporter?(deployment: ExporterDeployment, requestedBy: string): void;
  /** Called once when the environment gets a LogPipeline: run Loki and the agent (see `monitoring.model.logs`). */
  deployLogs?(monitoring: MonitoringStack, requestedBy: string): void;
  /**
   * Jobs the target scrapes besides the environment's scrape jobs (e.g. its agents' own `node` job), so rules that
   * select them are not reported as selecting a job nothing scrapes.
   * @default - none
   */
  scrapedJobs?(): readonly string[];
  /**
   * What this target runs (its Docker hosts and containers, its managed services), read from the resources it created,
   * for the environment's overview page. Called at render time, after every construct is declared; undefined before the
   * target is bound.
   * @default - the overview shows nothing of this target but its kind
   */
  topology?(): TargetTopology | undefined;
}

/**
 * Runs a target's props check when the target is created and keeps its error for {@link targetProblem}: a target is
 * created inside the MonitoringStack's props, before the MonitoringStack exists, so only `bind()` can name it.
 */
export function checkLater<T>(check: () => T): { readonly value?: T; readonly problem?: MonitoringConfigError } {
  try {
    return { value: check() };
  } catch (e) {
    if (e instanceof MonitoringConfigError) return { problem: e };
    throw e;
  }
}

/**
 * The error of a target's props, reported where the target is bound: `DockerHostTarget of MonitoringStack dev/monitoring,
 * images.prometheus: got ...`. Also reports an invalid Duration, Secret or Severity in the props.
 */
export function checkTargetProps(problem: MonitoringConfigError | undefined, props: unknown, monitoring: MonitoringStack, kind: string): void {
  const where = `${kind} of ${describeConstruct('MonitoringStack', monitoring.node.path)}`;
  if (problem) throw problem.at(problem.where === kind ? where : `${where} (${problem.where})`);
  checkValueObjects(props, where);
}
