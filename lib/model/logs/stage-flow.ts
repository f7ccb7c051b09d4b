import { highCardinalityReason } from './cardinality';
import { LogStageModel } from './stage-model';
import { LogPipelineWarning, highCardinalityLabel, unknownExtractedKey } from './warnings';

/** The extracted names a stage reads, with the field that names each. */
function reads(stage: LogStageModel): [string, string][] {
  switch (stage.kind) {
    case 'json':
    case 'logfmt':
    case 'regex':
      return stage.source === undefined ? [] : [[stage.source, 'source']];
    case 'timestamp':
    case 'output':
      return [[stage.source, 'source']];
    case 'labels':
      return Object.entries(stage.values).map(([label, from]) => [from === '' ? label : from, `values.${label}`]);
    case 'drop':
      return stage.source.map((s, i) => [s, stage.source.length === 1 ? 'source' : `source[${i}]`]);
    default:
      return [];
  }
}

/** The extracted names a stage adds. */
function writes(stage: LogStageModel): string[] {
  switch (stage.kind) {
    case 'json':
      return Object.keys(stage.expressions);
    case 'logfmt':
      return Object.keys(stage.mapping);
    case 'regex':
      return [...stage.groups];
    default:
      return [];
  }
}

/**
 * Follows the shared map of extracted values through a source's stages and returns warnings for stages that read a
 * name nothing provides, and for labels that are likely high-cardinality.
 *
 * Both agents start the map with the entry's labels (Promtail 3.6 `Pipeline.Run` in clients/pkg/logentry/stages/pipeline.go
 * copies them in, and so does Alloy v1.18 internal/component/loki/process/stages/pipeline.go), so `initialKeys`
 * are the labels the source sets.
 */
export function checkStageFlow(
  stages: readonly LogStageModel[],
  initialKeys: readonly string[],
  whereOf: (index: number) => string,
): LogPipelineWarning[] {
  const warnings: LogPipelineWarning[] = [];
  const known = new Set(initialKeys);
  stages.forEach((stage, index) => {
    for (const [name, field] of reads(stage)) {
      if (!known.has(name)) warnings.push(unknownExtractedKey(whereOf(index), field, name, [...known]));
    }
    if (stage.kind === 'labels') {
      for (const label of Object.keys(stage.values)) {
        const reason = highCardinalityReason(label);
        if (reason !== undefined) warnings.push(highCardinalityLabel(whereOf(index), 'values', label, reason));
      }
    }
    for (const name of writes(stage)) known.add(name);
  });
  return warnings;
}
