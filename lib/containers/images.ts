import { ALERTMANAGER_IMAGE_FACTS } from './alertmanager';
import { CADVISOR_IMAGE_FACTS } from './cadvisor';
import { BLACKBOX_EXPORTER_IMAGE_FACTS, POSTGRES_EXPORTER_IMAGE_FACTS, REDIS_EXPORTER_IMAGE_FACTS } from './exporters';
import { GRAFANA_IMAGE_FACTS } from './grafana';
import { ALLOY_IMAGE_FACTS, PROMTAIL_IMAGE_FACTS } from './log-agents';
import { LOKI_IMAGE_FACTS } from './loki';
import { NODE_EXPORTER_IMAGE_FACTS } from './node-exporter';
import { PROMETHEUS_IMAGE_FACTS } from './prometheus';
import { ImageFacts, ImageKey } from './spec';

/** The facts of every image the Docker targets run, by image key. */
export const IMAGE_FACTS: Readonly<Record<ImageKey, ImageFacts>> = {
  prometheus: PROMETHEUS_IMAGE_FACTS,
  alertmanager: ALERTMANAGER_IMAGE_FACTS,
  grafana: GRAFANA_IMAGE_FACTS,
  nodeExporter: NODE_EXPORTER_IMAGE_FACTS,
  cadvisor: CADVISOR_IMAGE_FACTS,
  postgresExporter: POSTGRES_EXPORTER_IMAGE_FACTS,
  redisExporter: REDIS_EXPORTER_IMAGE_FACTS,
  blackboxExporter: BLACKBOX_EXPORTER_IMAGE_FACTS,
  loki: LOKI_IMAGE_FACTS,
  alloy: ALLOY_IMAGE_FACTS,
  promtail: PROMTAIL_IMAGE_FACTS,
};

function imageOf(facts: ImageFacts): string {
  return `${facts.repository}:${facts.tag}`;
}

/**
 * Pinned images (never `latest`), one per image key: the tags whose facts are in `IMAGE_FACTS` (lib/containers/images.ts), so the specs
 * are checked against the images that run. Override any of them with `DockerHostTargetProps.images`.
 */
export const DEFAULT_IMAGES: Readonly<Record<ImageKey, string>> = Object.fromEntries(
  (Object.keys(IMAGE_FACTS) as ImageKey[]).map((key) => [key, imageOf(IMAGE_FACTS[key])]),
) as Record<ImageKey, string>;

/** The image keys, for checking overrides. */
export const IMAGE_KEYS = Object.keys(IMAGE_FACTS) as readonly ImageKey[];

/** Memory limits in MiB: enough for a small-to-medium host; raise Prometheus' for many series. */
export const DEFAULT_MEMORY_MB: Readonly<Record<ImageKey, number>> = {
  prometheus: 2048,
  alertmanager: 256,
  grafana: 512,
  nodeExporter: 128,
  cadvisor: 256,
  postgresExporter: 128,
  redisExporter: 64,
  blackboxExporter: 64,
  loki: 1024,
  alloy: 256,
  promtail: 256,
};

/** Checks an image reference is pinned (a tag other than `latest`, or a digest). */
export function isPinned(image: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  return tag !== undefined && tag !== '' && tag !== 'latest';
}
