import { isDeepStrictEqual } from 'util';
import { DockerApi } from './docker-api';
import { CONTAINER_ATTRIBUTES, CONTAINER_IN_PLACE, ContainerDeviations, createContainer, deleteContainer, updateContainer } from './provider-container';
import {
  Attributes,
  CONFIG_KNOWN,
  createNetwork,
  createVolume,
  deleteImage,
  deleteNetwork,
  deleteVolume,
  findImage,
  generatePassword,
  RESOURCE_ATTRIBUTES,
  ResourceDeviations,
} from './provider-resources';
import { hasUnknown, referencesIn, resolveValue, UNKNOWN } from './terraform-values';

/**
 * Applies the `docker_*` (and `random_password`) resources of a synthesized cdk.tf.json to a Docker engine the way
 * Terraform with kreuzwerker/docker 3.6.2 does: resources in dependency order (references, `depends_on`), up to ten
 * at a time (Terraform's default parallelism), each created as its provider creates it. A second `apply` plans
 * against the state of the first: a resource whose ForceNew attributes changed, or whose
 * `lifecycle.replace_triggered_by` target changed, is destroyed (dependents first) and created again;
 * `prevent_destroy` makes such a plan fail, as in Terraform.
 */

/** Everything the applier changes from the real providers, to keep the test on this machine. */
export type Deviations = ContainerDeviations & ResourceDeviations;

/** The test's defaults: every deviation on. */
export const TEST_DEVIATIONS: Deviations = { ephemeralHostPorts: true, failFastUnhealthy: true, internalNetworks: true };

/** Meta-arguments of a resource the applier understands (others, e.g. count or for_each, fail the test). */
const META = new Set(['//', 'provider', 'depends_on', 'lifecycle']);
const LIFECYCLE = new Set(['prevent_destroy', 'replace_triggered_by']);
const ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, readonly string[] | true>>>> = { ...RESOURCE_ATTRIBUTES, docker_container: CONTAINER_ATTRIBUTES };
/** Resource types whose attributes can change in place (all others are ForceNew in every attribute they take). */
const IN_PLACE: Readonly<Record<string, ReadonlySet<string>>> = {
  docker_container: CONTAINER_IN_PLACE,
  // resource_docker_image.go:55-75 keep_locally and force_remove are not ForceNew.
  docker_image: new Set(['keep_locally', 'force_remove']),
};
const PARALLELISM = 10;

/** One resource of the configuration. */
interface ResourceConfig {
  readonly address: string;
  readonly type: string;
  readonly raw: Record<string, unknown>;
  readonly dependsOn: readonly string[];
  readonly triggers: readonly string[];
  readonly preventDestroy: boolean;
}

/** What the applier remembers of an applied resource (its "state"). */
interface ResourceState {
  readonly type: string;
  readonly config: Record<string, any>;
  readonly attributes: Attributes;
  readonly dependsOn: readonly string[];
  readonly preventDestroy: boolean;
}

/** The planned action of one resource. */
export type Action = 'create' | 'replace' | 'update' | 'no-op' | 'delete';

/** What one `apply` did. */
export interface ApplyReport {
  readonly actions: Readonly<Record<string, Action>>;
  /** Resources left out (and why), e.g. containers of images with no stand-in. */
  readonly excluded: Readonly<Record<string, string>>;
  /** Wall time of the apply in ms. */
  readonly applyMs: number;
  /** Time each container took from start to healthy (containers with `wait`). */
  readonly waits: Readonly<Record<string, number>>;
}

/** Options of {@link Applier.apply}. */
export interface ApplyOptions {
  /** Values of the Terraform variables (`var.x`). */
  readonly variables: Readonly<Record<string, string>>;
  /**
   * Resources not to apply, by address, with the reason; every resource that references one (transitively) is left
   * out too.
   */
  readonly exclude?: (address: string, raw: Record<string, unknown>) => string | undefined;
}

function refAddress(ref: string): string {
  // "docker_container.x", "${docker_container.x.id}" → "docker_container.x"
  const clean = ref.replace(/^\$\{/, '').replace(/\}$/, '');
  return clean.split('.').slice(0, 2).join('.');
}

/** Checks every attribute of every resource against the mapped ones; returns the unmapped, as `type.attr[.sub]`. */
export function unmappedAttributes(tf: any): string[] {
  const unknown = new Set<string>();
  for (const [type, resources] of Object.entries<any>(tf.resource ?? {})) {
    const known = ATTRIBUTES[type];
    for (const raw of Object.values<any>(resources)) {
      if (!known) {
        unknown.add(`${type} (resource type)`);
        continue;
      }
      for (const [key, value] of Object.entries<any>(raw)) {
        if (META.has(key)) {
          if (key === 'lifecycle') for (const k of Object.keys(value ?? {})) if (!LIFECYCLE.has(k)) unknown.add(`${type}.lifecycle.${k}`);
          continue;
        }
        const nested = known[key];
        if (!nested) {
          unknown.add(`${type}.${key}`);
          continue;
        }
        if (nested === true || typeof value === 'string') continue;
        const items = Array.isArray(value) ? value : [value];
        for (const item of items) {
          if (!item || typeof item !== 'object') continue;
          for (const [sub, subValue] of Object.entries<any>(item)) {
            if (!nested.includes(sub)) unknown.add(`${type}.${key}.${sub}`);
            else if (subValue && typeof subValue === 'object' && !Array.isArray(subValue) && nested.some((n) => n.startsWith(`${sub}.`))) {
              for (const k of Object.keys(subValue)) if (!nested.includes(`${sub}.${k}`)) unknown.add(`${type}.${key}.${sub}.${k}`);
            } else if (Array.isArray(subValue) && nested.some((n) => n.startsWith(`${sub}.`))) {
              for (const el of subValue) for (const k of Object.keys(el ?? {})) if (!nested.includes(`${sub}.${k}`)) unknown.add(`${type}.${key}.${sub}.${k}`);
            }
          }
        }
      }
    }
  }
  for (const key of ['data', 'locals', 'module']) if (tf[key] && Object.keys(tf[key]).length > 0) unknown.add(`${key} (top-level block)`);
  for (const [name, blocks] of Object.entries<any>(tf.provider ?? {})) {
    for (const b of blocks) for (const k of Object.keys(b)) unknown.add(`provider.${name}.${k}`);
  }
  return [...unknown].sort();
}

function parseResources(tf: any): Map<string, ResourceConfig> {
  const out = new Map<string, ResourceConfig>();
  for (const [type, resources] of Object.entries<any>(tf.resource ?? {})) {
    for (const [name, raw] of Object.entries<any>(resources)) {
      const address = `${type}.${name}`;
      const body = Object.fromEntries(Object.entries(raw).filter(([k]) => !META.has(k)));
      const explicit = (raw.depends_on ?? []).map(refAddress);
      const triggers = (raw.lifecycle?.replace_triggered_by ?? []).map(refAddress);
      const refs = referencesIn(body).filter((r) => !r.startsWith('var.'));
      out.set(address, {
        address,
        type,
        raw: body,
        dependsOn: [...new Set([...refs, ...explicit, ...triggers])],
        triggers,
        preventDestroy: raw.lifecycle?.prevent_destroy === true,
      });
    }
  }
  for (const r of out.values()) {
    for (const d of r.dependsOn) if (!out.has(d)) throw new Error(`${r.address} references ${d}, which the configuration does not declare`);
  }
  return out;
}

/** Addresses in dependency order (dependencies first); throws on a cycle. */
function topologicalOrder(resources: ReadonlyMap<string, { dependsOn: readonly string[] }>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (address: string, chain: string[]) => {
    if (state.get(address) === 'done') return;
    if (state.get(address) === 'visiting') throw new Error(`dependency cycle: ${[...chain, address].join(' → ')}`);
    state.set(address, 'visiting');
    for (const d of resources.get(address)?.dependsOn ?? []) if (resources.has(d)) visit(d, [...chain, address]);
    state.set(address, 'done');
    order.push(address);
  };
  for (const address of resources.keys()) visit(address, []);
  return order;
}

/** Runs `task` for every node once all its `after` nodes are done, at most `limit` at a time; fails on the first error. */
async function runGraph(nodes: readonly string[], after: (n: string) => readonly string[], task: (n: string) => Promise<void>, limit = PARALLELISM): Promise<void> {
  const pending = new Set(nodes);
  const done = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let failure: unknown;
  while ((pending.size > 0 || running.size > 0) && failure === undefined) {
    for (const n of [...pending]) {
      if (running.size >= limit) break;
      if (after(n).every((d) => done.has(d) || !nodes.includes(d))) {
        pending.delete(n);
        running.set(
          n,
          task(n).then(
            () => {
              running.delete(n);
              done.add(n);
            },
            (e) => {
              running.delete(n);
              failure ??= e;
            },
          ),
        );
      }
    }
    if (running.size === 0 && pending.size > 0 && failure === undefined) throw new Error(`cannot order: ${[...pending].join(', ')}`);
    if (running.size > 0) await Promise.race(running.values());
  }
  // Let the resources already in flight finish (Terraform does too) before reporting.
  await Promise.allSettled(running.values());
  if (failure !== undefined) throw failure;
}

/** Applies synthesized stacks to one engine, keeping the state between applies. */
export class Applier {
  private readonly state = new Map<string, ResourceState>();

  constructor(
    private readonly api: DockerApi,
    private readonly deviations: Deviations = TEST_DEVIATIONS,
  ) {}

  /** Applied containers: address → container ID and name. */
  public containers(): { address: string; id: string; name: string; started: boolean }[] {
    return [...this.state.entries()]
      .filter(([, s]) => s.type === 'docker_container')
      .map(([address, s]) => ({ address, id: String(s.attributes.id), name: String(s.config.name), started: s.config.start ?? true }));
  }

  /** The resolved configuration an applied resource was created with. */
  public configOf(address: string): Record<string, any> | undefined {
    return this.state.get(address)?.config;
  }

  /** The attributes of an applied resource (id, name, image_id, ...). */
  public attributesOf(address: string): Attributes | undefined {
    return this.state.get(address)?.attributes;
  }

  /** Plans and applies a synthesized cdk.tf.json. */
  public async apply(tf: any, options: ApplyOptions): Promise<ApplyReport> {
    const started = Date.now();
    const unmapped = unmappedAttributes(tf);
    if (unmapped.length > 0) throw new Error(`the stack emits attributes the deploy test's applier does not map (map them, citing the provider): ${unmapped.join(', ')}`);
    const all = parseResources(tf);

    // Leave out the excluded resources and everything that references them.
    const excluded: Record<string, string> = {};
    for (const address of topologicalOrder(all)) {
      const r = all.get(address)!;
      const reason = options.exclude?.(address, r.raw);
      const upstream = r.dependsOn.find((d) => excluded[d] !== undefined);
      if (reason) excluded[address] = reason;
      else if (upstream) excluded[address] = `references ${upstream}`;
    }
    const config = new Map([...all].filter(([a]) => excluded[a] === undefined));
    const order = topologicalOrder(config);

    const variable = (name: string) => {
      if (options.variables[name] === undefined) throw new Error(`no value for variable "${name}"`);
      return options.variables[name];
    };

    // Plan: resolve each resource with what is known before apply, compare with the state.
    const actions: Record<string, Action> = {};
    const planned = new Map<string, Record<string, any>>();
    for (const address of order) {
      const r = config.get(address)!;
      const resolve = (path: readonly (string | number)[]) => {
        if (path[0] === 'var') return variable(String(path[1]));
        const ref = `${path[0]}.${path[1]}`;
        const attr = String(path[2]);
        const action = actions[ref];
        if (action === 'create' || action === 'replace') return CONFIG_KNOWN[config.get(ref)!.type]?.includes(attr) ? planned.get(ref)![attr] : UNKNOWN;
        const value = this.state.get(ref)?.attributes[attr];
        if (value === undefined) throw new Error(`${address}: ${ref}.${attr} is not an attribute the applier knows`);
        return value;
      };
      const resolved = resolveValue(r.raw, resolve) as Record<string, any>;
      planned.set(address, resolved);
      const old = this.state.get(address);
      if (!old) {
        actions[address] = 'create';
        continue;
      }
      const inPlace = IN_PLACE[r.type] ?? new Set<string>();
      const keys = new Set([...Object.keys(old.config), ...Object.keys(resolved)]);
      const changed = [...keys].filter((k) => hasUnknown(resolved[k]) || !isDeepStrictEqual(old.config[k], resolved[k]));
      const triggered = r.triggers.some((t) => actions[t] !== undefined && actions[t] !== 'no-op');
      if (triggered || changed.some((k) => !inPlace.has(k))) actions[address] = 'replace';
      else if (changed.length > 0) actions[address] = 'update';
      else actions[address] = 'no-op';
    }
    for (const address of this.state.keys()) if (!config.has(address)) actions[address] = 'delete';

    // prevent_destroy: Terraform refuses a plan that destroys such a resource.
    for (const [address, action] of Object.entries(actions)) {
      if ((action === 'replace' || action === 'delete') && (this.state.get(address)?.preventDestroy || config.get(address)?.preventDestroy)) {
        throw new Error(`Instance cannot be destroyed: ${address} has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed (${action})`);
      }
    }

    // Destroy what is replaced or deleted: dependents first.
    const doomed = Object.keys(actions).filter((a) => actions[a] === 'replace' || actions[a] === 'delete');
    await runGraph(doomed, (a) => [...this.state.entries()].filter(([, s]) => s.dependsOn.includes(a)).map(([d]) => d), (a) => this.destroy(a));

    // Create, replace and update: dependencies first, in parallel.
    const waits: Record<string, number> = {};
    const work = order.filter((a) => actions[a] !== 'no-op');
    await runGraph(work, (a) => config.get(a)!.dependsOn, async (address) => {
      const r = config.get(address)!;
      const resolved = resolveValue(r.raw, (path) => {
        if (path[0] === 'var') return variable(String(path[1]));
        const value = this.state.get(`${path[0]}.${path[1]}`)?.attributes[String(path[2])];
        if (value === undefined) throw new Error(`${address}: ${path.join('.')} is not known after apply`);
        return value;
      }) as Record<string, any>;
      if (actions[address] === 'update') {
        if (r.type === 'docker_container') await updateContainer(this.api, String(this.state.get(address)!.attributes.id), resolved);
        this.state.set(address, { ...this.state.get(address)!, config: resolved });
        return;
      }
      const attributes = await this.create(r.type, resolved, waits);
      this.state.set(address, { type: r.type, config: resolved, attributes, dependsOn: r.dependsOn, preventDestroy: r.preventDestroy });
    });
    return { actions, excluded, applyMs: Date.now() - started, waits };
  }

  private async create(type: string, c: Record<string, any>, waits: Record<string, number>): Promise<Attributes> {
    switch (type) {
      case 'docker_image':
        return findImage(this.api, c);
      case 'docker_volume':
        return createVolume(this.api, c);
      case 'docker_network':
        return createNetwork(this.api, c, this.deviations);
      case 'random_password':
        return generatePassword(c);
      case 'docker_container': {
        const created = await createContainer(this.api, c, this.deviations);
        if (created.waitedMs !== undefined) waits[created.name] = created.waitedMs;
        return { id: created.id, name: created.name };
      }
      default:
        throw new Error(`resource type ${type} is not supported by the deploy test's applier`);
    }
  }

  private async destroy(address: string): Promise<void> {
    const s = this.state.get(address)!;
    switch (s.type) {
      case 'docker_container':
        await deleteContainer(this.api, String(s.attributes.id), s.config);
        break;
      case 'docker_volume':
        await deleteVolume(this.api, String(s.attributes.name));
        break;
      case 'docker_network':
        await deleteNetwork(this.api, String(s.attributes.id));
        break;
      case 'docker_image':
        await deleteImage(this.api, s.config);
        break;
      default:
        break; // random_password: nothing outside the state
    }
    this.state.delete(address);
  }
}
