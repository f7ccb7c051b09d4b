import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { targetDownSpec } from './common-specs';
import { AlertSpec, buildPack } from './pack-builder';
import { Scope, ScopeOptions } from './scope';
import { gauge, ramp } from './series';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link logPipeline}. */
export type LogPipelineRuleName = 'LokiDown' | 'LogAgentDown' | 'LogsStoppedArriving';

/** Config of {@link logPipeline}. */
export interface LogPipelineConfig extends RulePackOptions<LogPipelineRuleName>, ScopeOptions {
  /**
   * The `job` of the log agent's scrape target (`alloy` or `promtail` on the Docker host).
   * @default "alloy"
   */
  readonly agentJob?: string;
}

const WHERE = 'presets.logPipeline';
const LOKI_INSTANCE = 'loki:3100';
const AGENT_INSTANCE = 'alloy:12345';

/**
 * Alerts for the log pipeline itself, so a broken pipeline does not pass for a quiet one: Loki down, the agent down,
 * and no log line reaching Loki for 30 minutes (none in a 15-minute window, for 15 minutes: the agent lost the Docker socket or its files, or cannot push).
 * `job` is Loki's job (default `loki`); `agentJob` the agent's.
 *
 * | rule | for | severity |
 * |---|---|---|
 * | LokiDown | 5m | critical |
 * | LogAgentDown | 5m | warning |
 * | LogsStoppedArriving | lines received by Loki over 15m is 0, for 15m | warning |
 */
export function logPipeline(config: LogPipelineConfig): RulePack {
  if (config === null || typeof config !== 'object') throw invalid(WHERE, 'config', config, 'a config object with at least runbookUrlPattern');
  const loki = Scope.of(config, 'loki', WHERE);
  const agent = Scope.of({ job: config.agentJob, matchers: config.matchers }, 'alloy', WHERE);
  const lines = loki.series('loki_distributor_lines_received_total', { instance: LOKI_INSTANCE, tenant: 'fake' });
  const specs: AlertSpec<LogPipelineRuleName>[] = [
    targetDownSpec({
      alert: 'LokiDown',
      scope: loki,
      what: 'Loki',
      severity: Severity.CRITICAL,
      for: Duration.minutes(5),
      instance: LOKI_INSTANCE,
      consequence: 'Logs are not stored, log queries and dashboards are empty, and LogQL alerts are not evaluated.',
    }),
    targetDownSpec({
      alert: 'LogAgentDown',
      scope: agent,
      what: 'Log agent',
      severity: Severity.WARNING,
      for: Duration.minutes(5),
      instance: AGENT_INSTANCE,
      consequence: 'New log lines are not shipped to Loki until it is back (it resumes from its saved positions).',
    }),
    {
      alert: 'LogsStoppedArriving',
      severity: Severity.WARNING,
      for: Duration.minutes(15),
      expr: () => `sum by (${loki.targetLabels().join(', ')}) (increase(${loki.selector('loki_distributor_lines_received_total')}[15m])) == 0`,
      summary: () => 'No log line has reached Loki {{ $labels.instance }} for 30 minutes',
      description: () =>
        'Loki {{ $labels.instance }} is up but has received no log line for the last 30 minutes. The agent may have lost the Docker ' +
        'socket or its log files, or cannot push to Loki; check the agent\'s logs and its loki.write / clients errors.',
      test: {
        warmup: Duration.minutes(15),
        firing: (ctx) => ({ series: [{ series: lines, values: gauge(500, ctx.steps) }], alerts: [{ labels: { ...loki.labels, instance: LOKI_INSTANCE }, value: 0 }] }),
        quiet: (ctx) => [{ name: 'lines keep arriving', series: [{ series: lines, values: ramp(100, ctx.steps, 500) }] }],
      },
    },
  ];
  return buildPack(specs, config, WHERE);
}
