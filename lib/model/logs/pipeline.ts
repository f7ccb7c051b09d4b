import { duplicate, invalid, missing } from '../errors';
import { buildLogSource } from './build-source';
import { LogSource } from './log-source';
import { LogSourceModel } from './source-model';
import { LogPipelineWarning } from './warnings';

/** What a log pipeline reads and how it processes lines. */
export interface LogPipelineInput {
  /** Where lines come from: at least one source, each with its own stages. */
  readonly sources: readonly LogSource[];
}

/** A validated pipeline: the one model both agents (Alloy and Promtail) are rendered from. */
export interface LogPipelineModel {
  /** The validated sources, each with its stages. */
  readonly sources: readonly LogSourceModel[];
  /** Findings that should not stop a build (high-cardinality labels, stages reading names nothing provides). */
  readonly warnings: readonly LogPipelineWarning[];
}

/**
 * Validates a pipeline. `where` names the owner, e.g. `LogPipeline dev/monitoring/logs`; errors name the source and
 * stage (`LogPipeline dev/monitoring/logs, source "app", stages[2] (regex), expression: ...`).
 */
export function buildLogPipeline(input: LogPipelineInput, where: string): LogPipelineModel {
  if (input === null || typeof input !== 'object' || input.sources === undefined) {
    throw missing(where, 'sources', 'at least one log source, e.g. [LogSource.dockerContainers()] or [LogSource.files({ paths: ["/var/log/app/*.log"] })]');
  }
  if (!Array.isArray(input.sources) || input.sources.length === 0) {
    throw invalid(
      where,
      'sources',
      input.sources,
      'at least one log source, e.g. [LogSource.dockerContainers()] or [LogSource.files({ paths: ["/var/log/app/*.log"] })]; a pipeline without a source ships nothing',
    );
  }
  const sources: LogSourceModel[] = [];
  const warnings: LogPipelineWarning[] = [];
  const seen = new Map<string, number>();
  input.sources.forEach((source, index) => {
    const built = buildLogSource(source, where, `sources[${index}]`);
    const first = seen.get(built.source.name);
    if (first !== undefined) {
      throw duplicate(where, `sources[${index}].name`, built.source.name, `sources[${first}]`);
    }
    seen.set(built.source.name, index);
    sources.push(built.source);
    warnings.push(...built.warnings);
  });
  return { sources, warnings };
}
