import { LogStageModel } from '../../model/logs/stage-model';
import { AlloyBlock } from './alloy-syntax';
import { byteSize, goDuration } from './units';

/**
 * One pipeline stage as a `stage.<name>` block of Alloy's `loki.process`
 * (Alloy v1.18.1 docs/sources/reference/components/loki/loki.process.md).
 */
export function alloyStage(stage: LogStageModel): AlloyBlock {
  switch (stage.kind) {
    case 'json':
      return {
        name: 'stage.json',
        attributes: [
          ['expressions', stage.expressions],
          ['source', stage.source],
          ['drop_malformed', stage.dropMalformed],
        ],
      };
    case 'logfmt':
      return { name: 'stage.logfmt', attributes: [['mapping', stage.mapping], ['source', stage.source]] };
    case 'regex':
      return { name: 'stage.regex', attributes: [['expression', stage.expression], ['source', stage.source]] };
    case 'timestamp':
      return {
        name: 'stage.timestamp',
        attributes: [
          ['source', stage.source],
          ['format', stage.format],
          ['fallback_formats', stage.fallbackFormats.length > 0 ? stage.fallbackFormats : undefined],
          ['location', stage.location],
          ['action_on_failure', stage.actionOnFailure],
        ],
      };
    case 'labels':
      return { name: 'stage.labels', attributes: [['values', stage.values]] };
    case 'static_labels':
      return { name: 'stage.static_labels', attributes: [['values', stage.values]] };
    case 'drop':
      return {
        name: 'stage.drop',
        attributes: [
          // Several sources are one comma-separated string in Alloy.
          ['source', stage.source.length > 0 ? stage.source.join(',') : undefined],
          ['separator', stage.separator],
          ['expression', stage.expression],
          ['value', stage.value],
          ['older_than', stage.olderThan ? goDuration(stage.olderThan) : undefined],
          ['longer_than', stage.longerThanBytes !== undefined ? byteSize(stage.longerThanBytes) : undefined],
          ['drop_counter_reason', stage.reason],
        ],
      };
    case 'multiline':
      return {
        name: 'stage.multiline',
        attributes: [
          ['firstline', stage.firstLine],
          ['max_wait_time', stage.maxWaitTime ? goDuration(stage.maxWaitTime) : undefined],
          ['max_lines', stage.maxLines],
        ],
      };
    case 'output':
      return { name: 'stage.output', attributes: [['source', stage.source]] };
  }
}
