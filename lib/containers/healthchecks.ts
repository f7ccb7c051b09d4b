import { HealthcheckSpec } from './spec';

/**
 * Healthcheck timing for every container: a check every 10 s against a cheap endpoint (never a full `/metrics`
 * scrape of a database exporter), 3 failures to turn unhealthy, 30 s of grace while the program starts. `apply`
 * waits for `healthy`, so a short interval keeps deploys quick.
 */
const TIMING = { interval: '10s', timeout: '5s', retries: 3, startPeriod: '30s' } as const;

/** Fetches `http://127.0.0.1:<port><path>` with the busybox/alpine `wget` the image ships. */
export function wgetHealthcheck(port: number, path: string): HealthcheckSpec {
  return { test: ['CMD', 'wget', '--quiet', '--tries=1', '--spider', `http://127.0.0.1:${port}${path}`], ...TIMING };
}

/** Runs a command of the program itself (images without wget, such as Loki's distroless image). */
export function commandHealthcheck(command: readonly string[]): HealthcheckSpec {
  return { test: ['CMD', ...command], ...TIMING };
}

/**
 * Probes an HTTP path with bash's `/dev/tcp`: the Alloy and Promtail images (Ubuntu) have bash but neither curl nor
 * wget.
 */
export function bashHttpHealthcheck(port: number, path: string): HealthcheckSpec {
  return {
    test: ['CMD', 'bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET ${path} HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '`],
    ...TIMING,
  };
}
