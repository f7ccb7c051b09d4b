import { Construct } from 'constructs';
import { Duration } from '../model/duration';
import { describeConstruct, invalid } from '../model/errors';
import { checkValueObjects } from '../model/value-objects';
import { LogSource } from '../model/logs/log-source';
import { buildLokiSettings, LokiLimitsInput, LokiLogLevel } from '../model/logs/loki-settings';
import { buildLogPipeline } from '../model/logs/pipeline';
import { CONFIG_ROOT } from '../model/layout';
import { logs as logsDashboard } from '../presets/dashboards/logs';
import { GrafanaDashboard } from './grafana-dashboard';
import { MonitoringStack } from './monitoring-stack';

/** The agent that ships log lines to Loki. */
export enum LogAgent {
  /** Grafana Alloy (the default: Promtail reached end of life in March 2026). */
  ALLOY = 'alloy',
  /** Promtail, for teams that still run it; rendered from the same pipeline. */
  PROMTAIL = 'promtail',
}

/** Loki settings of a {@link LogPipeline}. */
export interface LokiOptions {
  /** How long log lines are kept (compactor retention). @default 30d (720h) */
  readonly retention?: Duration | string;
  /** Start date (YYYY-MM-DD) of the TSDB v13 schema period. Keep it fixed once data exists. @default "2024-04-01" */
  readonly schemaFrom?: string;
  /** Ingestion and query limits. @default - Loki's defaults for a single host */
  readonly limits?: LokiLimitsInput;
  /** Loki's log level. @default "info" */
  readonly logLevel?: LokiLogLevel;
  /** How often Loki's ruler evaluates LogQL alert rules. @default 1m */
  readonly ruleEvaluationInterval?: Duration | string;
}

/** Props of {@link LogPipeline}. */
export interface LogPipelineProps {
  /** Where lines come from: `LogSource.dockerContainers(...)`, `LogSource.files(...)`, each with its stages. */
  readonly sources: readonly LogSource[];
  /** The shipping agent. @default LogAgent.ALLOY */
  readonly agent?: LogAgent;
  /** Loki settings. @default - 30 days retention, TSDB v13 schema, filesystem storage on a named volume */
  readonly loki?: LokiOptions;
  /**
   * Provision the logs dashboard (volume by level and service, error lines).
   * @default true
   */
  readonly dashboard?: boolean;
}

/**
 * Logs shipped, parsed, stored in Loki, searchable in Grafana and alerted on. The target runs Loki (single binary,
 * filesystem storage) and the agent; Grafana gets a Loki data source (uid `loki`) and a logs dashboard; AlertGroups
 * with `evaluator: 'loki'` hold LogQL rules that Loki's ruler evaluates and sends to the environment's Alertmanager.
 */
export class LogPipeline extends Construct {
  constructor(scope: Construct, id: string, props: LogPipelineProps) {
    super(scope, id);
    const monitoring = MonitoringStack.of(this, 'LogPipeline');
    const where = describeConstruct('LogPipeline', this.node.path);
    checkValueObjects(props, where);
    const agent = props?.agent ?? LogAgent.ALLOY;
    if (agent !== LogAgent.ALLOY && agent !== LogAgent.PROMTAIL) throw invalid(where, 'agent', agent, 'LogAgent.ALLOY or LogAgent.PROMTAIL');
    const pipeline = buildLogPipeline({ sources: props?.sources }, where);
    // Prometheus sends to no Alertmanager when Grafana evaluates its rules; Loki's alerts still go to the environment's.
    const prometheusAlertmanager = monitoring.model.prometheusModel().alertmanagers[0];
    const alertmanager = monitoring.model.grafanaAlerting?.alertmanagerUrl.replace(/^https?:\/\//, '') ?? prometheusAlertmanager;
    const loki = buildLokiSettings(
      {
        retention: props.loki?.retention,
        schemaFrom: props.loki?.schemaFrom,
        limits: props.loki?.limits,
        logLevel: props.loki?.logLevel,
        ruler: alertmanager
          ? { alertmanagerUrl: `http://${alertmanager}`, rulesDir: `${CONFIG_ROOT}/rules`, evaluationInterval: props.loki?.ruleEvaluationInterval }
          : undefined,
      },
      where,
    );
    for (const warning of pipeline.warnings) monitoring.engine.addWarning(this, warning.message);
    if (agent === LogAgent.PROMTAIL) {
      monitoring.engine.addWarning(
        this,
        `${where}, agent: Promtail reached end of life on 2026-03-02 and gets no fixes (its last image is grafana/promtail:3.6.11); ` +
          'LogAgent.ALLOY renders the same pipeline',
      );
    }
    monitoring.model.setLogs({ pipeline, loki, agent, declaredBy: where });
    monitoring.deployLogs(where);
    if (props.dashboard !== false) {
      new GrafanaDashboard(this, 'dashboard', { dashboard: logsDashboard({ title: `Logs (${monitoring.environmentName})` }), uid: `${monitoring.environmentName}-logs`.slice(0, 40), folder: 'Logs' });
    }
  }
}
