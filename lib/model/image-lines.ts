import { invalid } from './errors';

/**
 * The major version of an image's tag: `prom/prometheus:v2.55.1` → 2, `prom/prometheus:v3.13.3@sha256:…` → 3.
 * Undefined when the tag does not start with a version (a digest alone, a custom tag): nothing to check then.
 */
export function imageMajorVersion(image: string): number | undefined {
  return imageVersion(image)?.[0];
}

/** `[major, minor]` of an image's tag (`prom/alertmanager:v0.35.1` → `[0, 35]`), or undefined as for {@link imageMajorVersion}. */
export function imageVersion(image: string): [number, number] | undefined {
  const name = image.replace(/@sha256:[0-9a-f]+$/, '');
  const colon = name.lastIndexOf(':');
  if (colon < 0 || colon < name.lastIndexOf('/')) return undefined;
  const match = /^v?(\d+)\.(\d+)/.exec(name.slice(colon + 1));
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * Refuses a Prometheus image older than 3.x: the rendered flags and files are for Prometheus 3 (`--agent`,
 * `fallback_scrape_protocol`), which a 2.x image refuses or exits on. Rendering for 2.x is not offered: no 2.x line
 * has been supported since 2025-07-31.
 */
export function checkPrometheus3Image(image: string, where: string, field: string): void {
  const major = imageMajorVersion(image);
  if (major !== undefined && major < 3) {
    throw invalid(
      where,
      field,
      image,
      'a Prometheus 3.x image (e.g. "prom/prometheus:v3.13.3"): the rendered configuration and flags are for Prometheus 3 (--agent, fallback_scrape_protocol), which 2.x refuses',
    );
  }
}

/**
 * Refuses an Alertmanager image older than the line alertmanager.yml is rendered for (`alertmanager.version`, 0.28 by
 * default): it would refuse fields such as `url_file` or `msteamsv2_configs` and not start.
 */
export function checkAlertmanagerImage(image: string, renderedFor: `0.${number}`, where: string, field: string): void {
  const version = imageVersion(image);
  const minor = Number(renderedFor.slice(2));
  if (version !== undefined && version[0] === 0 && version[1] < minor) {
    throw invalid(
      where,
      field,
      image,
      `an Alertmanager ${renderedFor} or newer image: alertmanager.yml is rendered for ${renderedFor} (the environment's alertmanager.version); use a newer image, or set alertmanager.version to the image's line`,
    );
  }
}
