import { ContainerConfig } from '@cdktf/provider-docker/lib/container';

/** Rotated json-file logs, so a chatty container can never fill the host's disk. */
export const LOG_OPTIONS = { 'max-size': '10m', 'max-file': '3' };

/**
 * The defaults every container on the Docker host starts from: restart unless stopped, no new privileges,
 * every capability dropped, read-only root, a memory limit, rotated logs. Exceptions are passed in by the
 * caller and named there with their reason.
 */
export function hardenedContainer(
  base: Pick<ContainerConfig, 'name' | 'image'> & { memoryMb: number },
  overrides: Partial<ContainerConfig> = {},
): ContainerConfig {
  return {
    name: base.name,
    image: base.image,
    restart: 'unless-stopped',
    mustRun: true,
    readOnly: true,
    securityOpts: ['no-new-privileges:true'],
    capabilities: { drop: ['ALL'] },
    memory: base.memoryMb,
    logDriver: 'json-file',
    logOpts: LOG_OPTIONS,
    destroyGraceSeconds: 30,
    ...overrides,
  };
}

/** A Docker healthcheck that fetches `url` with the busybox `wget` every image here ships. */
export function httpHealthcheck(url: string) {
  return {
    test: ['CMD', 'wget', '--quiet', '--tries=1', '--spider', url],
    interval: '30s',
    timeout: '5s',
    retries: 3,
    startPeriod: '30s',
  };
}
