import { ITerraformDependable, Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Container, ContainerConfig } from '@cdktf/provider-docker/lib/container';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { Volume } from '@cdktf/provider-docker/lib/volume';
import { ContainerSpec, resolveDeferred } from '../../containers/spec';
import { CONFIG_ROOT } from '../../model/layout';

/** Rotated json-file logs, so a chatty container can never fill the host's disk. */
export const LOG_OPTIONS = { 'max-size': '10m', 'max-file': '3' };

/**
 * How long `apply` waits for a container to turn healthy: the first check runs after one interval (10 s), and a
 * program that replays a large WAL or migrates its database needs a while longer.
 */
export const WAIT_TIMEOUT_SECONDS = 180;

/** A file uploaded into a config volume. `permissions` is octal, e.g. `0440` for secrets. */
export interface FileUpload {
  readonly file: string;
  readonly content: string;
  readonly permissions?: string;
}

/** A published port. */
export interface PublishedPort {
  readonly internal: number;
  readonly external: number;
  readonly ip: string;
}

/** What the Docker host gives each container it runs from a spec. */
export interface ContainerContext {
  readonly provider: DockerProvider;
  /** Prefix of every container and volume name. */
  readonly environment: string;
  /** The image (a `docker_image` reference) for a spec. */
  image(spec: ContainerSpec): string;
  /** The monitoring network's name (a reference). */
  readonly monitoringNetwork: string;
  /** Names (or references) of the networks the user attaches. */
  readonly attachedNetworks: readonly string[];
  /** Resources every container must wait for (networks created in the same apply). */
  readonly dependsOn: readonly ITerraformDependable[];
  /** Where (and whether) a port is published. */
  publish(spec: ContainerSpec): PublishedPort[] | undefined;
  /** A short hash of the files a config volume carries, naming the volume (read at synth). */
  configHash(spec: ContainerSpec): string;
  /** The files (rendered configs and secrets) uploaded into the spec's config volume (read at synth). */
  uploads(spec: ContainerSpec): FileUpload[];
  /** True when the container reads secret files (then it joins group 0, which may read them). */
  hasSecrets(spec: ContainerSpec): boolean;
  /** Host files bind-mounted read-only (user-managed `Secret.fromFile` files), read at synth. */
  extraBinds(spec: ContainerSpec): { source: string; target: string }[];
}

/** The resources made for one spec. */
export interface SpecResources {
  readonly container: Container;
  readonly loader?: Container;
  readonly dataVolume?: Volume;
  readonly configVolume?: Volume;
}

/**
 * Turns a spec into Docker resources:
 * - a data volume (with `prevent_destroy` when the spec says so);
 * - a config volume named after a hash of its files, filled by a **loader**: a container that is created and never
 *   started, not read-only, that carries the uploads. kreuzwerker/docker extracts uploads at `/` after create, and
 *   Docker refuses any extraction into a read-only root filesystem, so the program's own container cannot take them;
 * - the program's container: read-only root, the config volume mounted read-only, no upload, no new privileges,
 *   every capability dropped (but those the spec names), a memory limit, rotated logs, and `wait` for its
 *   healthcheck. It is replaced whenever its loader is (a changed secret), and a changed file renames the volume.
 */
export function specResources(scope: Construct, spec: ContainerSpec, ctx: ContainerContext): SpecResources {
  const { provider, environment: env } = ctx;
  const image = ctx.image(spec);
  const volumes: NonNullable<ContainerConfig['volumes']> = [];

  let dataVolume: Volume | undefined;
  if (spec.dataVolume) {
    dataVolume = new Volume(scope, `${spec.name}-${spec.dataVolume.suffix}`, {
      provider,
      name: `${env}-${spec.name}-${spec.dataVolume.suffix}`,
      lifecycle: spec.dataVolume.preventDestroy ? { preventDestroy: true } : undefined,
    });
    volumes.push({ volumeName: dataVolume.name, containerPath: spec.dataVolume.path });
  }

  let configVolume: Volume | undefined;
  let loader: Container | undefined;
  if (spec.configComponent) {
    configVolume = new Volume(scope, `${spec.name}-config`, {
      provider,
      name: Lazy.stringValue({ produce: () => `${env}-${spec.name}-config-${ctx.configHash(spec)}` }),
    });
    loader = new Container(scope, `${spec.name}-config-loader`, {
      provider,
      name: `${env}-${spec.name}-config-loader`,
      image,
      // Created, never started: it exists only to receive the uploads into the config volume.
      start: false,
      mustRun: false,
      networkMode: 'none',
      capabilities: { drop: ['ALL'] },
      securityOpts: ['no-new-privileges:true'],
      volumes: [{ volumeName: configVolume.name, containerPath: CONFIG_ROOT }],
      upload: Lazy.anyValue({ produce: () => ctx.uploads(spec) }),
    });
    volumes.push({ volumeName: configVolume.name, containerPath: CONFIG_ROOT, readOnly: true });
  }

  // Raw Terraform (snake_case) because the list is produced at synth: `Secret.fromFile` binds arrive after bind().
  const socket = () => (spec.dockerSocket === undefined ? undefined : resolveDeferred(spec.dockerSocket));
  const mounts = () => [
    ...spec.hostMounts.map((m) => ({
      type: 'bind',
      source: m.hostPath,
      target: m.containerPath,
      read_only: m.readOnly,
      ...(m.propagation ? { bind_options: { propagation: m.propagation } } : {}),
    })),
    ...ctx.extraBinds(spec).map((b) => ({ type: 'bind', source: b.source, target: b.target, read_only: true })),
    ...(socket() ? [{ type: 'bind', source: socket()!.hostPath, target: socket()!.containerPath, read_only: true }] : []),
  ];
  const groups = () => [...(ctx.hasSecrets(spec) ? ['0'] : []), ...(socket() ? [groupRef(socket()!.groupId)] : [])];
  const dependsOn = [...ctx.dependsOn, ...(loader ? [loader] : [])];
  const container = new Container(scope, spec.name, {
    provider,
    name: `${env}-${spec.name}`,
    image,
    user: spec.user,
    groupAdd: Lazy.listValue({ produce: () => (groups().length > 0 ? groups() : undefined) }, { omitEmpty: true }),
    command: spec.command === undefined ? undefined : Lazy.listValue({ produce: () => [...resolveDeferred(spec.command!)] }),
    env: spec.env ? [...spec.env] : undefined,
    restart: 'unless-stopped',
    mustRun: true,
    readOnly: true,
    securityOpts: ['no-new-privileges:true'],
    capabilities: { drop: ['ALL'], add: spec.capabilities.length > 0 ? spec.capabilities.map((c) => c.name) : undefined },
    memory: spec.memoryMb,
    logDriver: 'json-file',
    logOpts: LOG_OPTIONS,
    destroyGraceSeconds: 30,
    volumes: volumes.length > 0 ? volumes : undefined,
    mounts: Lazy.anyValue({ produce: () => (mounts().length > 0 ? mounts() : undefined) }),
    tmpfs: Object.keys(spec.tmpfs).length > 0 ? { ...spec.tmpfs } : undefined,
    networksAdvanced: [
      { name: ctx.monitoringNetwork, aliases: [spec.name] },
      ...(spec.networks === 'monitoring-and-attached' ? ctx.attachedNetworks.map((name) => ({ name })) : []),
    ],
    ports: ctx.publish(spec),
    healthcheck: {
      test: [...spec.healthcheck.test],
      interval: spec.healthcheck.interval,
      timeout: spec.healthcheck.timeout,
      retries: spec.healthcheck.retries,
      startPeriod: spec.healthcheck.startPeriod,
    },
    wait: true,
    waitTimeout: WAIT_TIMEOUT_SECONDS,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    // A bare address: Terraform's JSON syntax refuses the `${...}` form cdktf renders for a resource object here
    // ("Invalid character", Terraform 1.11).
    lifecycle: loader ? { replaceTriggeredBy: [`${loader.terraformResourceType}.${loader.friendlyUniqueId}`] } : undefined,
  });
  return { container, loader, dataVolume, configVolume };
}

/** A group id for `group_add`: a number, a numeric string, or a Terraform number reference (kept as a reference). */
function groupRef(id: number | string): string {
  return typeof id === 'number' && Token.isUnresolved(id) ? Token.asString(id) : String(id);
}
