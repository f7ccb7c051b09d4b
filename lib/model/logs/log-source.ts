import { Duration } from '../duration';
import { LogStage } from './log-stage';

/** A Docker `containers/json` list filter, e.g. `{ name: 'label', values: ['logging=enabled'] }`. */
export interface DockerContainerFilter {
  /** Filter name from the Docker Engine API: `label`, `name`, `id`, `network`, `ancestor`, `status`, ... */
  readonly name: string;
  /** Values of the filter; a container matches any of them. */
  readonly values: readonly string[];
}

/** Options shared by every source. */
export interface LogSourceCommonOptions {
  /**
   * Name of the source: the Promtail job name and the label of its Alloy components. Letters, digits and `_`.
   * @default 'containers' for Docker containers, 'files' for files
   */
  readonly name?: string;
  /**
   * Labels added to every line of this source.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Processing stages, in order.
   * @default [] (lines are shipped as read)
   */
  readonly stages?: readonly LogStage[];
}

/** Options of {@link LogSource.dockerContainers}. */
export interface DockerContainerLogsOptions extends LogSourceCommonOptions {
  /**
   * Address of the Docker daemon. Point it at a read-only Docker API proxy (`tcp://docker-socket-proxy:2375`) to avoid
   * mounting the socket into the agent.
   * @default 'unix:///var/run/docker.sock'
   */
  readonly dockerHost?: string;
  /**
   * Only read containers that match these filters.
   * @default - every running container
   */
  readonly filters?: readonly DockerContainerFilter[];
  /**
   * How often the container list is refreshed.
   * @default - the agent's default (1m)
   */
  readonly refreshInterval?: Duration | string;
}

/** Options of {@link LogSource.files}. */
export interface FileLogsOptions extends LogSourceCommonOptions {
  /** Absolute glob paths on the host, e.g. `/var/log/app/*.log` (`**` matches directories at any depth). */
  readonly paths: readonly string[];
  /**
   * A glob of files to leave out, e.g. `/var/log/app/*.gz`.
   * @default - none
   */
  readonly exclude?: string;
}

/** What a {@link LogSource} was created with; validated when the pipeline is built. */
export type LogSourceSpec =
  | { readonly kind: 'docker'; readonly options: DockerContainerLogsOptions }
  | { readonly kind: 'file'; readonly options: FileLogsOptions };

/**
 * Where a log pipeline reads lines from.
 *
 * - {@link LogSource.dockerContainers}: every container's stdout/stderr, found through the Docker API
 *   (labels `container`, `stream`, and `service` for Compose services).
 * - {@link LogSource.files}: files on the host matched by glob (label `filename`, added by the agent).
 */
export class LogSource {
  /** Logs of the containers on the Docker host, discovered through the Docker socket. */
  public static dockerContainers(options: DockerContainerLogsOptions = {}): LogSource {
    return new LogSource({ kind: 'docker', options });
  }

  /** Log files on the host, matched by glob paths. */
  public static files(options: FileLogsOptions): LogSource {
    return new LogSource({ kind: 'file', options });
  }

  private constructor(
    /** What the source was created with. */
    public readonly spec: LogSourceSpec,
  ) {}
}
