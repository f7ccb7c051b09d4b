import { CONFIG_ROOT } from '../model/layout';
import { PROMETHEUS_DATA_DIR, PROMETHEUS_PORT, prometheusSpec } from './prometheus';
import { ContainerSpec } from './spec';

/** Options of {@link prometheusAgentSpec}. */
export interface PrometheusAgentSpecOptions {
  readonly image: string;
  readonly memoryMb: number;
  /** Command-line flags (agent mode). */
  readonly flags: readonly string[];
  /** Environment variables (paths, never secrets). */
  readonly env?: readonly string[];
}

/**
 * Prometheus in agent mode on a fleet host: scrapes and remote-writes to the workspace, keeping only a write-ahead
 * log. Losing the WAL loses at most the samples not yet sent, so its volume has no `prevent_destroy`, and removing a
 * host from the fleet stays easy. Same image (and facts) as the Prometheus server; no published ports.
 */
export function prometheusAgentSpec(options: PrometheusAgentSpecOptions): ContainerSpec {
  const server = prometheusSpec({ image: options.image, memoryMb: options.memoryMb, flags: options.flags });
  return {
    ...server,
    name: 'prometheus-agent',
    env: options.env,
    ports: [{ port: PROMETHEUS_PORT }],
    dataVolume: { path: PROMETHEUS_DATA_DIR, suffix: 'wal', preventDestroy: false },
  };
}

/** Where the agent's config is read. */
export const PROMETHEUS_AGENT_CONFIG = `${CONFIG_ROOT}/prometheus.yml`;
