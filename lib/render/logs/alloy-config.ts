import { DOCKER_LABEL_RULES } from '../../model/logs/docker-labels';
import { lokiPushUrl } from '../../model/logs/loki-url';
import { LogPipelineModel } from '../../model/logs/pipeline';
import { DockerLogSourceModel, FileLogSourceModel, LogSourceModel } from '../../model/logs/source-model';
import { LOG_STACK_VERSIONS } from '../../model/logs/versions';
import { generatedHeader } from '../yaml';
import { alloyStage } from './alloy-stages';
import { AlloyBlock, AlloyObject, AlloyRef, renderAlloyFile } from './alloy-syntax';
import { goDuration } from './units';

/** The one `loki.write` every source forwards to. */
const WRITER = 'default';

/** Where a source's lines go: its `loki.process` when it has stages, else straight to `loki.write`. */
function firstHop(source: LogSourceModel): AlloyRef {
  return new AlloyRef(source.stages.length > 0 ? `loki.process.${source.name}.receiver` : `loki.write.${WRITER}.receiver`);
}

/** discovery.docker + discovery.relabel (rules only) + loki.source.docker, as in Alloy's "Monitor Docker containers" guide. */
function dockerBlocks(source: DockerLogSourceModel): AlloyBlock[] {
  return [
    {
      name: 'discovery.docker',
      label: source.name,
      attributes: [
        ['host', source.dockerHost],
        ['refresh_interval', source.refreshInterval ? goDuration(source.refreshInterval) : undefined],
      ],
      blocks: source.filters.map((f) => ({ name: 'filter', attributes: [['name', f.name], ['values', f.values]] })),
    },
    {
      // Used only for its exported `rules`, which loki.source.docker applies to each line (with the log stream label
      // set), so `targets` is empty.
      name: 'discovery.relabel',
      label: source.name,
      attributes: [['targets', []]],
      blocks: DOCKER_LABEL_RULES.map((rule) => ({
        name: 'rule',
        attributes: [
          ['source_labels', [rule.sourceLabel]],
          ['regex', rule.regex],
          ['target_label', rule.targetLabel],
        ],
      })),
    },
    {
      name: 'loki.source.docker',
      label: source.name,
      attributes: [
        ['host', source.dockerHost],
        ['targets', new AlloyRef(`discovery.docker.${source.name}.targets`)],
        ['labels', source.labels],
        ['relabel_rules', new AlloyRef(`discovery.relabel.${source.name}.rules`)],
        ['forward_to', [firstHop(source)]],
      ],
    },
  ];
}

/** local.file_match (one path target per glob, with the static labels) + loki.source.file. */
function fileBlocks(source: FileLogSourceModel): AlloyBlock[] {
  const targets: AlloyObject[] = source.paths.map((path) => ({
    __path__: path,
    ...(source.exclude === undefined ? {} : { __path_exclude__: source.exclude }),
    ...source.labels,
  }));
  return [
    { name: 'local.file_match', label: source.name, attributes: [['path_targets', targets]] },
    {
      name: 'loki.source.file',
      label: source.name,
      attributes: [
        ['targets', new AlloyRef(`local.file_match.${source.name}.targets`)],
        ['forward_to', [firstHop(source)]],
      ],
    },
  ];
}

function processBlock(source: LogSourceModel): AlloyBlock[] {
  if (source.stages.length === 0) return [];
  return [
    {
      name: 'loki.process',
      label: source.name,
      attributes: [['forward_to', [new AlloyRef(`loki.write.${WRITER}.receiver`)]]],
      blocks: source.stages.map(alloyStage),
    },
  ];
}

/**
 * Renders the Grafana Alloy configuration (Alloy v1.18.1) for a log pipeline: per source its discovery and
 * `loki.source.*` components and a `loki.process` with the stages, and one `loki.write` to Loki's push API.
 * `lokiUrl` is Loki's base URL as seen from the agent container, e.g. `http://loki:3100`.
 */
export function renderAlloyConfig(pipeline: LogPipelineModel, lokiUrl: string): string {
  const blocks: AlloyBlock[] = [];
  for (const source of pipeline.sources) {
    blocks.push(...(source.kind === 'docker' ? dockerBlocks(source) : fileBlocks(source)), ...processBlock(source));
  }
  blocks.push({
    name: 'loki.write',
    label: WRITER,
    blocks: [{ name: 'endpoint', attributes: [['url', lokiPushUrl(lokiUrl)]] }],
  });
  return renderAlloyFile(generatedHeader(`Grafana Alloy ${LOG_STACK_VERSIONS.alloy} configuration: log pipeline.`), blocks);
}
