/** One label a Docker source sets from the discovery meta labels, rendered as a relabel rule by both agents. */
export interface DockerLabelRule {
  /** The label the lines get. */
  readonly targetLabel: string;
  /** The meta label it is read from. */
  readonly sourceLabel: string;
  /** RE2 regex whose first group is kept; undefined means the whole value. */
  readonly regex?: string;
  /** Why the label is there. */
  readonly description: string;
}

/**
 * Labels every Docker container line gets. The meta labels are documented for Alloy v1.18.1 `discovery.docker`
 * (`__meta_docker_container_name`, `__meta_docker_container_label_<name>`) and Promtail 3.6 `docker_sd_configs`
 * (also `__meta_docker_container_log_stream`, which both loki.source.docker and Promtail's Docker target set on
 * each line before relabeling).
 */
export const DOCKER_LABEL_RULES: readonly DockerLabelRule[] = [
  {
    targetLabel: 'container',
    sourceLabel: '__meta_docker_container_name',
    // The Docker API reports names with a leading slash ("/api"); the docs' examples strip it the same way.
    regex: '/(.*)',
    description: 'the container name without the leading slash',
  },
  { targetLabel: 'stream', sourceLabel: '__meta_docker_container_log_stream', description: 'stdout or stderr' },
  {
    targetLabel: 'service',
    // Docker labels are sanitized: com.docker.compose.service → com_docker_compose_service.
    sourceLabel: '__meta_docker_container_label_com_docker_compose_service',
    description: 'the Compose service name (absent for containers not started by Compose)',
  },
];

/** The label names a Docker source sets itself. */
export const DOCKER_SOURCE_LABELS: readonly string[] = DOCKER_LABEL_RULES.map((r) => r.targetLabel);

/** The label every file line gets from the agent (Alloy loki.source.file and Promtail both add it). */
export const FILE_SOURCE_LABELS: readonly string[] = ['filename'];

/** The Docker daemon address agents use when none is given. */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

/** Filter names of the Docker Engine API `GET /containers/json` endpoint. */
export const DOCKER_CONTAINER_FILTERS: readonly string[] = [
  'ancestor',
  'before',
  'expose',
  'exited',
  'health',
  'id',
  'isolation',
  'is-task',
  'label',
  'name',
  'network',
  'publish',
  'since',
  'status',
  'volume',
];
