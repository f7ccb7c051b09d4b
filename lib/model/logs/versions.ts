/**
 * The releases the Loki, Alloy and Promtail images run. The schema tests check every rendered key against the
 * configuration reference read at `LOG_STACK_REFERENCES` (the newest tags whose sources could be read here); a newer
 * image is used only where the project promises that reference still holds.
 *
 * - Loki 3.7.8 (3.7 line; v3.7.8 release notes, grafana/loki docs/sources/release-notes/v3-7.md): patch releases of
 *   3.7.6. Its image is distroless and has a `loki -health` command (added in 3.7.0) for the container healthcheck.
 * - Alloy v1.21.2 (2026-10-22): Alloy follows semantic versioning and keeps generally available configuration and
 *   command-line flags backward compatible between minor releases (Alloy docs v1.21, reference/release-information/
 *   backward-compatibility), and its release notes list no breaking change after v1.12; every component rendered
 *   here is generally available, so the v1.18.1 reference the schema tests use still describes what 1.21 accepts.
 * - Promtail 3.6.11 (grafana/loki tag v3.6.11, 2026-05-13): Promtail reached end of life in March 2026, was removed
 *   from the Loki repository in 3.7.0, and the release workflow stopped building its image after 3.6.11. It is
 *   offered for teams that still run it; its config format is that of the Loki 3.6 docs.
 */
export const LOG_STACK_VERSIONS = {
  loki: '3.7.8',
  alloy: '1.21.2',
  promtail: '3.6.11',
} as const;

/** The tags whose configuration reference the schema tests cite (test/render/logs/schema/). */
export const LOG_STACK_REFERENCES = { loki: '3.7.6', alloy: '1.18.1', promtail: '3.6.11' } as const;

/** Pinned images (never `latest`). Loki and Promtail tags have no `v`; Alloy's do. */
export const LOG_STACK_IMAGES = {
  loki: `grafana/loki:${LOG_STACK_VERSIONS.loki}`,
  alloy: `grafana/alloy:v${LOG_STACK_VERSIONS.alloy}`,
  promtail: `grafana/promtail:${LOG_STACK_VERSIONS.promtail}`,
} as const;
