import { PROMTAIL_HTTP_PORT, PROMTAIL_POSITIONS_FILE } from '../../model/logs/containers';
import { DOCKER_LABEL_RULES } from '../../model/logs/docker-labels';
import { lokiPushUrl } from '../../model/logs/loki-url';
import { LogPipelineModel } from '../../model/logs/pipeline';
import { DockerLogSourceModel, FileLogSourceModel, LogSourceModel } from '../../model/logs/source-model';
import { LOG_STACK_VERSIONS } from '../../model/logs/versions';
import { compact, generatedHeader, toYaml } from '../yaml';
import { promtailStage } from './promtail-stages';
import { goDuration } from './units';

/** docker_sd_configs + relabel_configs: the Docker labels, then the static labels as replacement-only rules. */
function dockerScrape(source: DockerLogSourceModel): Record<string, unknown> {
  return {
    docker_sd_configs: [
      compact({
        host: source.dockerHost,
        refresh_interval: source.refreshInterval ? goDuration(source.refreshInterval) : undefined,
        filters: source.filters.length > 0 ? source.filters.map((f) => ({ name: f.name, values: [...f.values] })) : undefined,
      }),
    ],
    relabel_configs: [
      ...DOCKER_LABEL_RULES.map((rule) => compact({ source_labels: [rule.sourceLabel], regex: rule.regex, target_label: rule.targetLabel })),
      // No source labels: the default regex (.*) matches the empty string, so the label is set to `replacement`.
      ...Object.entries(source.labels).map(([name, value]) => ({ target_label: name, replacement: value })),
    ],
  };
}

/** static_configs: one entry per glob, each with `__path__` (and `__path_exclude__`) and the static labels. */
function fileScrape(source: FileLogSourceModel): Record<string, unknown> {
  return {
    static_configs: source.paths.map((path) => ({
      targets: ['localhost'],
      labels: compact({ __path__: path, __path_exclude__: source.exclude, ...source.labels }),
    })),
  };
}

function scrapeConfig(source: LogSourceModel): Record<string, unknown> {
  return {
    job_name: source.name,
    ...(source.kind === 'docker' ? dockerScrape(source) : fileScrape(source)),
    ...(source.stages.length > 0 ? { pipeline_stages: source.stages.map(promtailStage) } : {}),
  };
}

/**
 * Renders the Promtail configuration (Promtail 3.6.11) for a log pipeline, from the same model as the Alloy config:
 * one scrape config per source (Docker service discovery or static file paths) with its pipeline stages.
 * `lokiUrl` is Loki's base URL as seen from the agent container, e.g. `http://loki:3100`.
 */
export function renderPromtailConfig(pipeline: LogPipelineModel, lokiUrl: string): string {
  const config = {
    server: { http_listen_port: PROMTAIL_HTTP_PORT, grpc_listen_port: 0 },
    positions: { filename: PROMTAIL_POSITIONS_FILE },
    clients: [{ url: lokiPushUrl(lokiUrl) }],
    scrape_configs: pipeline.sources.map(scrapeConfig),
  };
  return toYaml(
    config,
    generatedHeader(`Promtail ${LOG_STACK_VERSIONS.promtail} configuration: log pipeline.\nPromtail reached end of life in March 2026; Grafana Alloy renders from the same pipeline.`),
  );
}
