import { LogStageModel } from '../../model/logs/stage-model';
import { compact } from '../yaml';
import { byteSize, goDuration } from './units';

/**
 * One pipeline stage as a Promtail `pipeline_stages` entry: a map with the stage name as its only key
 * (Loki v3.6.11 docs/sources/send-data/promtail/stages/*.md).
 */
export function promtailStage(stage: LogStageModel): Record<string, unknown> {
  switch (stage.kind) {
    case 'json':
      return { json: compact({ expressions: { ...stage.expressions }, source: stage.source, drop_malformed: stage.dropMalformed }) };
    case 'logfmt':
      return { logfmt: compact({ mapping: { ...stage.mapping }, source: stage.source }) };
    case 'regex':
      return { regex: compact({ expression: stage.expression, source: stage.source }) };
    case 'timestamp':
      return {
        timestamp: compact({
          source: stage.source,
          format: stage.format,
          fallback_formats: stage.fallbackFormats.length > 0 ? [...stage.fallbackFormats] : undefined,
          location: stage.location,
          action_on_failure: stage.actionOnFailure,
        }),
      };
    case 'labels':
      return { labels: { ...stage.values } };
    case 'static_labels':
      return { static_labels: { ...stage.values } };
    case 'drop':
      return {
        drop: compact({
          // One name as a string, several as a list (both documented).
          source: stage.source.length === 0 ? undefined : stage.source.length === 1 ? stage.source[0] : [...stage.source],
          separator: stage.separator,
          expression: stage.expression,
          value: stage.value,
          older_than: stage.olderThan ? goDuration(stage.olderThan) : undefined,
          longer_than: stage.longerThanBytes !== undefined ? byteSize(stage.longerThanBytes) : undefined,
          drop_counter_reason: stage.reason,
        }),
      };
    case 'multiline':
      return {
        multiline: compact({
          firstline: stage.firstLine,
          max_wait_time: stage.maxWaitTime ? goDuration(stage.maxWaitTime) : undefined,
          max_lines: stage.maxLines,
        }),
      };
    case 'output':
      return { output: { source: stage.source } };
  }
}
