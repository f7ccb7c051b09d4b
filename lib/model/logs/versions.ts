/**
 * The releases the rendered Loki, Alloy and Promtail configs target; the schema tests check every emitted key
 * against the configuration reference of exactly these tags.
 *
 * - Loki 3.7.6 (grafana/loki tag v3.7.6, 2026-08-05): the newest release. Its image is distroless and has a
 *   `loki -health` command (added in 3.7) for the container healthcheck.
 * - Alloy v1.18.1 (grafana/alloy tag v1.18.1, 2026-08-06): the newest stable release, the default agent.
 * - Promtail 3.6.11 (grafana/loki tag v3.6.11, 2026-05-13): Promtail reached end of life in March 2026, was removed
 *   from the Loki repository in 3.7.0, and the release workflow stopped building its image after 3.6.11. It is
 *   offered for teams that still run it; its config format is that of the Loki 3.6 docs.
 */
export const LOG_STACK_VERSIONS = {
  loki: '3.7.6',
  alloy: '1.18.1',
  promtail: '3.6.11',
} as const;

/** Pinned images (never `latest`). Loki and Promtail tags have no `v`; Alloy's do. */
export const LOG_STACK_IMAGES = {
  loki: `grafana/loki:${LOG_STACK_VERSIONS.loki}`,
  alloy: `grafana/alloy:v${LOG_STACK_VERSIONS.alloy}`,
  promtail: `grafana/promtail:${LOG_STACK_VERSIONS.promtail}`,
} as const;
