/**
 * Pinned images for the Docker host: never `latest`, so a `terraform apply` next month runs what was reviewed.
 * Prometheus stays on 2.x and Alertmanager on a release that reads every field rendered here; both accept the
 * configs the test oracles (promtool 2.42, amtool 0.25) accept.
 */
export const DEFAULT_IMAGES = {
  prometheus: 'prom/prometheus:v2.55.1',
  alertmanager: 'prom/alertmanager:v0.28.1',
  grafana: 'grafana/grafana:12.0.0',
  nodeExporter: 'prom/node-exporter:v1.9.1',
  cadvisor: 'gcr.io/cadvisor/cadvisor:v0.49.1',
  postgresExporter: 'quay.io/prometheuscommunity/postgres-exporter:v0.17.1',
  // the -alpine variant: the plain image is built from scratch and has no wget for the healthcheck
  redisExporter: 'oliver006/redis_exporter:v1.67.0-alpine',
  blackboxExporter: 'prom/blackbox-exporter:v0.26.0',
} as const;

/** A component that runs as a container on the Docker host. */
export type DockerComponent = keyof typeof DEFAULT_IMAGES;

/** Memory limits in MiB: enough for a small-to-medium host; raise Prometheus' for many series. */
export const DEFAULT_MEMORY_MB: Record<DockerComponent, number> = {
  prometheus: 2048,
  alertmanager: 256,
  grafana: 512,
  nodeExporter: 128,
  cadvisor: 256,
  postgresExporter: 128,
  redisExporter: 64,
  blackboxExporter: 64,
};

/** Checks an image reference is pinned (a tag other than `latest`, or a digest). */
export function isPinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  return tag !== undefined && tag !== '' && tag !== 'latest';
}
