import { Duration } from '../duration';
import { DockerContainerFilter } from './log-source';
import { LogStageModel } from './stage-model';

/** Fields every validated source has. */
export interface SourceModelBase {
  /** Unique in the pipeline: the Promtail job name and the Alloy component label. */
  readonly name: string;
  /** Static labels, sorted by name. */
  readonly labels: Readonly<Record<string, string>>;
  /** The validated stages, in order. */
  readonly stages: readonly LogStageModel[];
}

/** A validated Docker container source. */
export interface DockerLogSourceModel extends SourceModelBase {
  /** The source type: containers of the Docker host, read through its API. */
  readonly kind: 'docker';
  /** Docker daemon address. */
  readonly dockerHost: string;
  /** Container list filters (empty: every running container). */
  readonly filters: readonly DockerContainerFilter[];
  /**
   * How often the container list is refreshed.
   * @default - the agents' default (1m)
   */
  readonly refreshInterval?: Duration;
}

/** A validated host file source. */
export interface FileLogSourceModel extends SourceModelBase {
  /** The source type: log files matched by globs. */
  readonly kind: 'file';
  /** Absolute glob paths on the host. */
  readonly paths: readonly string[];
  /**
   * Glob of files to leave out.
   * @default - none
   */
  readonly exclude?: string;
}

/** Any validated source. */
export type LogSourceModel = DockerLogSourceModel | FileLogSourceModel;
