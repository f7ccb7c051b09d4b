import { invalid } from '../../model/errors';
import { checkLabels } from '../../model/names';
import { aiServices, AiServicesConfig } from './ai-services';
import { containers, ContainersConfig } from './containers';
import { host, HostConfig } from './host';
import { httpProbes, HttpProbesConfig } from './http-probes';
import { logPipeline, LogPipelineConfig } from './log-pipeline';
import { postgres, PostgresConfig } from './postgres';
import { redis, RedisConfig } from './redis';
import { checkRunbookUrlPattern } from './runbook';
import { serviceHealth, ServiceHealthConfig } from './service-health';
import { RulePack } from './types';

export { aiServices, containers, host, httpProbes, logPipeline, postgres, redis, serviceHealth };
export type { AiServicesConfig, AiServicesRuleName } from './ai-services';
export type { ContainersConfig, ContainersRuleName } from './containers';
export type { HostConfig, HostRuleName } from './host';
export type { HttpProbesConfig, HttpProbesRuleName } from './http-probes';
export type { LogPipelineConfig, LogPipelineRuleName } from './log-pipeline';
export type { PostgresConfig, PostgresRuleName } from './postgres';
export type { RedisConfig, RedisRuleName } from './redis';
export type { ServiceHealthConfig, ServiceHealthRuleName } from './service-health';
export type { ScopeOptions } from './scope';
export type { JobsOptions } from './jobs';
export type { HttpShapeOptions } from './http-shape';
export type { RuleOverride, RuleOverrides, RulePack, RulePackOptions } from './types';
export { expandAlertTemplate } from './alert-template';
export type { AlertTemplateData } from './alert-template';

/** Options shared by every rule pack of one environment. */
export interface RulePackDefaults {
  /** Runbook URL pattern for every pack, e.g. `https://runbooks.example.com/{{alert}}`. */
  readonly runbookUrlPattern: string;
  /**
   * Labels added to every rule of every pack (a pack's own `labels` win on conflicts).
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A pack config with the environment-wide options made optional. */
export type BoundConfig<C> = Omit<C, 'runbookUrlPattern'> & {
  /**
   * Overrides the environment's runbook URL pattern for this pack.
   * @default - the pattern given to `rulePacks()`
   */
  readonly runbookUrlPattern?: string;
};

/** The rule packs with the environment-wide options already applied; see {@link rulePacks}. */
export interface RulePacks {
  /** {@link serviceHealth} with the environment's defaults. */
  serviceHealth(config: BoundConfig<ServiceHealthConfig>): RulePack;
  /** {@link host} with the environment's defaults. */
  host(config?: BoundConfig<HostConfig>): RulePack;
  /** {@link containers} with the environment's defaults. */
  containers(config?: BoundConfig<ContainersConfig>): RulePack;
  /** {@link postgres} with the environment's defaults. */
  postgres(config?: BoundConfig<PostgresConfig>): RulePack;
  /** {@link redis} with the environment's defaults. */
  redis(config?: BoundConfig<RedisConfig>): RulePack;
  /** {@link httpProbes} with the environment's defaults. */
  httpProbes(config?: BoundConfig<HttpProbesConfig>): RulePack;
  /** {@link aiServices} with the environment's defaults. */
  aiServices(config?: BoundConfig<AiServicesConfig>): RulePack;
  /** {@link logPipeline} with the environment's defaults. */
  logPipeline(config?: BoundConfig<LogPipelineConfig>): RulePack;
}

/**
 * Binds the options every pack needs — the runbook URL pattern and shared labels — once per environment:
 *
 * ```ts
 * const packs = rulePacks({ runbookUrlPattern: 'https://runbooks.example.com/{{alert}}', labels: { team: 'platform' } });
 * new AlertGroup(monitoring, 'host', packs.host({ overrides: { HostDiskAlmostFull: { threshold: 0.05 } } }));
 * ```
 */
export function rulePacks(defaults: RulePackDefaults): RulePacks {
  const where = 'presets.rulePacks';
  if (defaults === null || typeof defaults !== 'object') throw invalid(where, 'defaults', defaults, '{ runbookUrlPattern, labels? }');
  checkRunbookUrlPattern(defaults.runbookUrlPattern, where, 'runbookUrlPattern');
  checkLabels(defaults.labels, where, 'labels');
  const bind = <C extends { labels?: Readonly<Record<string, string>> }>(config: BoundConfig<C> | undefined): C => {
    const given = (config ?? {}) as BoundConfig<C>;
    return {
      ...given,
      runbookUrlPattern: given.runbookUrlPattern ?? defaults.runbookUrlPattern,
      labels: { ...(defaults.labels ?? {}), ...(given.labels ?? {}) },
    } as unknown as C;
  };
  return {
    serviceHealth: (config) => serviceHealth(bind<ServiceHealthConfig>(config)),
    host: (config) => host(bind<HostConfig>(config)),
    containers: (config) => containers(bind<ContainersConfig>(config)),
    postgres: (config) => postgres(bind<PostgresConfig>(config)),
    redis: (config) => redis(bind<RedisConfig>(config)),
    httpProbes: (config) => httpProbes(bind<HttpProbesConfig>(config)),
    aiServices: (config) => aiServices(bind<AiServicesConfig>(config)),
    logPipeline: (config) => logPipeline(bind<LogPipelineConfig>(config)),
  };
}
