import { randomInt } from 'crypto';
import { DockerApi } from './docker-api';

/**
 * docker_volume, docker_network, docker_image (kreuzwerker/docker v3.6.2, internal/provider/) and random_password
 * (hashicorp/random v3.7.2, internal/provider/resource_password.go) as their providers apply them.
 */

/** Attributes mapped per resource type; anything else in the stack fails the test. */
export const RESOURCE_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, readonly string[] | true>>>> = {
  docker_volume: { name: true, driver: true, driver_opts: true, labels: ['label', 'value'] },
  docker_network: { name: true, driver: true, options: true, internal: true, attachable: true, labels: ['label', 'value'] },
  docker_image: { name: true, keep_locally: true },
  random_password: { length: true, special: true, upper: true, lower: true, numeric: true, override_special: true },
};

/** Attributes a resource exposes once created: the values `${type.name.attr}` resolves to. */
export type Attributes = Record<string, unknown>;

/** Attributes known from configuration alone (so a plan knows them before apply); the rest are computed. */
export const CONFIG_KNOWN: Readonly<Record<string, readonly string[]>> = {
  docker_volume: ['name'],
  docker_network: ['name'],
  docker_image: ['name'],
  docker_container: ['name'],
  random_password: [],
};

/** Deviations from the providers that keep the test on this machine. */
export interface ResourceDeviations {
  /** Create every docker_network with `internal: true`, so no container has a route off the machine. */
  readonly internalNetworks: boolean;
}

function labels(value: any): Record<string, string> | undefined {
  const list: any[] = value ?? [];
  return list.length > 0 ? Object.fromEntries(list.map((l) => [l.label, l.value])) : undefined;
}

/** resource_docker_volume.go:80-108: VolumeCreate with name, labels, driver, driver_opts; then read (134). */
export async function createVolume(api: DockerApi, c: any): Promise<Attributes> {
  const v = await api.json('POST', '/volumes/create', { body: { Name: c.name ?? '', Labels: labels(c.labels), Driver: c.driver ?? '', DriverOpts: c.driver_opts } });
  return { id: v.Name, name: v.Name, driver: v.Driver, mountpoint: v.Mountpoint };
}

/** resource_docker_volume.go:136-175: force-remove, retrying while "volume is in use" (30 s timeout, 5 s apart). */
export async function deleteVolume(api: DockerApi, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await api.raw('DELETE', `/volumes/${encodeURIComponent(name)}`, { query: { force: true } });
      return;
    } catch (e) {
      if (!/volume is in use/.test((e as Error).message) || Date.now() > deadline) throw new Error(`docker_volume ${name}: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

/** resource_docker_network_funcs.go:24-78: NetworkCreate with driver, options, internal, attachable, labels. */
export async function createNetwork(api: DockerApi, c: any, deviations: ResourceDeviations): Promise<Attributes> {
  const body: any = {
    Name: c.name,
    CheckDuplicate: true,
    Driver: c.driver ?? '',
    Options: c.options,
    Labels: labels(c.labels),
    // Test deviation (internalNetworks): no route off the machine.
    Internal: deviations.internalNetworks ? true : c.internal ?? false,
    Attachable: c.attachable ?? false,
  };
  const n = await api.json('POST', '/networks/create', { body });
  return { id: n.Id, name: c.name, driver: c.driver ?? 'bridge', internal: body.Internal };
}

/** resource_docker_network_funcs.go:101-121 (remove refresh): NetworkRemove. */
export async function deleteNetwork(api: DockerApi, id: string): Promise<void> {
  await api.raw('DELETE', `/networks/${id}`);
}

/**
 * resource_docker_image_funcs.go:34-114 + findImage 319-354: look the image up locally, pull only when absent. No
 * registry is reachable, so an image must already be in the engine (the stand-ins); image_id is the local image's ID.
 */
export async function findImage(api: DockerApi, c: any): Promise<Attributes> {
  try {
    const image = await api.json('GET', `/images/${encodeURIComponent(c.name)}/json`);
    return { id: `${image.Id}${c.name}`, image_id: image.Id, name: c.name, repo_digest: image.RepoDigests?.[0] ?? '' };
  } catch (e) {
    throw new Error(`docker_image ${c.name}: unable to find it locally and no registry is reachable to pull it: ${(e as Error).message}`);
  }
}

/** resource_docker_image_funcs.go:163-168 removeImage: nothing to do with keep_locally = true. */
export async function deleteImage(api: DockerApi, c: any): Promise<void> {
  if (c.keep_locally) return;
  await api.raw('DELETE', `/images/${encodeURIComponent(c.name)}`, { query: { force: false } });
}

/**
 * random_password (hashicorp/random v3.7.2 resource_password.go:581-640): `length` characters from the enabled
 * classes (special, upper, lower, numeric default true; special characters `!@#$%&*()-_=+[]{}<>:?` unless
 * override_special). The minimums per class are left at 0, as the stack sets none.
 */
export function generatePassword(c: any): Attributes {
  const special = c.override_special ?? '!@#$%&*()-_=+[]{}<>:?';
  const classes = [
    c.upper ?? true ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' : '',
    c.lower ?? true ? 'abcdefghijklmnopqrstuvwxyz' : '',
    c.numeric ?? true ? '0123456789' : '',
    c.special ?? true ? special : '',
  ].join('');
  if (!classes || !(c.length > 0)) throw new Error(`random_password: nothing to generate from ${JSON.stringify(c)}`);
  const result = Array.from({ length: c.length }, () => classes[randomInt(classes.length)]).join('');
  return { id: 'none', result };
}
