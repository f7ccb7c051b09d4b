import { Duration } from '../duration';
import { invalid, missing } from '../errors';
import { checkLabels, sortedRecord } from '../names';
import { buildLogStage } from './build-stage';
import { globBaseDir } from './glob';
import { DEFAULT_DOCKER_HOST, DOCKER_CONTAINER_FILTERS, DOCKER_SOURCE_LABELS, FILE_SOURCE_LABELS } from './docker-labels';
import { LogSource, LogSourceCommonOptions } from './log-source';
import { DockerLogSourceModel, FileLogSourceModel, LogSourceModel } from './source-model';
import { checkStageFlow } from './stage-flow';
import { LogPipelineWarning } from './warnings';

/** Source names become Alloy component labels and Promtail job names: identifier characters only. */
const SOURCE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A validated source and the warnings found in it. */
export interface BuiltLogSource {
  readonly source: LogSourceModel;
  readonly warnings: readonly LogPipelineWarning[];
}

function common(options: LogSourceCommonOptions, defaultName: string, where: string, field: string, reserved: readonly string[]) {
  const name = options.name ?? defaultName;
  if (typeof name !== 'string' || !SOURCE_NAME.test(name)) {
    throw invalid(where, `${field}.name`, name, 'a source name of letters, digits and "_" that does not start with a digit (it names Alloy components and the Promtail job)');
  }
  const here = `${where}, source "${name}"`;
  checkLabels(options.labels, here, 'labels');
  for (const label of Object.keys(options.labels ?? {})) {
    if (reserved.includes(label)) {
      throw invalid(here, 'labels key', label, `a label the source does not set itself (it sets ${reserved.map((r) => `"${r}"`).join(', ')})`);
    }
  }
  if (options.stages !== undefined && !Array.isArray(options.stages)) throw invalid(here, 'stages', options.stages, 'a list of LogStage');
  const stages = (options.stages ?? []).map((stage, i) => buildLogStage(stage, `${here}, stages[${i}] (${stage?.kind ?? 'unknown'})`));
  const labels = sortedRecord(options.labels ?? {}) as Record<string, string>;
  const warnings = checkStageFlow(stages, [...reserved, ...Object.keys(labels)], (i) => `${here}, stages[${i}] (${stages[i].kind})`);
  return { name, here, labels, stages, warnings };
}

function checkDockerHost(host: string, where: string): string {
  if (typeof host !== 'string' || !/^(unix:\/\/\/\S+|tcp:\/\/\S+|https?:\/\/\S+)$/.test(host)) {
    throw invalid(where, 'dockerHost', host, 'a Docker daemon address such as "unix:///var/run/docker.sock" or "tcp://docker-socket-proxy:2375"');
  }
  return host;
}

function buildDocker(source: LogSource & { spec: { kind: 'docker' } }, where: string, field: string): BuiltLogSource {
  const o = source.spec.options;
  const c = common(o, 'containers', where, field, DOCKER_SOURCE_LABELS);
  const filters = (o.filters ?? []).map((f, i) => {
    if (!f || !DOCKER_CONTAINER_FILTERS.includes(f.name)) {
      throw invalid(c.here, `filters[${i}].name`, f?.name, `a Docker container filter name (${DOCKER_CONTAINER_FILTERS.join(', ')})`);
    }
    if (!Array.isArray(f.values) || f.values.length === 0 || f.values.some((v) => typeof v !== 'string' || v === '')) {
      throw invalid(c.here, `filters[${i}].values`, f.values, 'a non-empty list of non-empty strings, e.g. ["logging=enabled"]');
    }
    return { name: f.name, values: [...f.values] };
  });
  const model: DockerLogSourceModel = {
    kind: 'docker',
    name: c.name,
    labels: c.labels,
    stages: c.stages,
    dockerHost: checkDockerHost(o.dockerHost ?? DEFAULT_DOCKER_HOST, c.here),
    filters,
    refreshInterval: o.refreshInterval === undefined ? undefined : Duration.from(o.refreshInterval, c.here, 'refreshInterval'),
  };
  return { source: model, warnings: c.warnings };
}

function buildFiles(source: LogSource & { spec: { kind: 'file' } }, where: string, field: string): BuiltLogSource {
  const o = source.spec.options;
  const c = common(o, 'files', where, field, FILE_SOURCE_LABELS);
  if (o.paths === undefined) throw missing(c.here, 'paths', 'absolute glob paths on the host, e.g. ["/var/log/app/*.log"]');
  if (!Array.isArray(o.paths) || o.paths.length === 0) throw invalid(c.here, 'paths', o.paths, 'a non-empty list of absolute glob paths, e.g. ["/var/log/app/*.log"]');
  const checkPath = (p: unknown, f: string): string => {
    if (typeof p !== 'string' || !p.startsWith('/') || /\s$|^\s/.test(p) || p.split('/').includes('..') || globBaseDir(p) === '/') {
      throw invalid(c.here, f, p, 'an absolute glob path on the host below a fixed directory, without "..", e.g. "/var/log/app/*.log" (the directory is mounted into the agent)');
    }
    return p;
  };
  const paths = o.paths.map((p, i) => checkPath(p, `paths[${i}]`));
  const model: FileLogSourceModel = {
    kind: 'file',
    name: c.name,
    labels: c.labels,
    stages: c.stages,
    paths,
    exclude: o.exclude === undefined ? undefined : checkPath(o.exclude, 'exclude'),
  };
  return { source: model, warnings: c.warnings };
}

/** Validates one source; `field` is its place in the props, e.g. `sources[1]`. */
export function buildLogSource(source: LogSource, where: string, field: string): BuiltLogSource {
  if (!(source instanceof LogSource)) {
    throw invalid(where, field, source, 'a LogSource such as LogSource.dockerContainers() or LogSource.files({ paths: [...] })');
  }
  return source.spec.kind === 'docker'
    ? buildDocker(source as LogSource & { spec: { kind: 'docker' } }, where, field)
    : buildFiles(source as LogSource & { spec: { kind: 'file' } }, where, field);
}
