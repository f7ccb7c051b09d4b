import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { MonitoringConfigError } from '../../model/errors';

/** Who publishes a host port. */
interface PortOwner {
  readonly where: string;
  readonly field: string;
}

/** Published host ports per Docker host, per app: two environments on one host must not publish the same port. */
const registries = new WeakMap<IConstruct, Map<string, Map<string, PortOwner>>>();

/**
 * Which Docker host a provider reaches: its `host` when set. Without one, the provider reads DOCKER_HOST (or the local
 * socket) when it runs, so only the containers of the same stack are known to share the host.
 */
function hostKey(provider: DockerProvider): string {
  return provider.hostInput ?? `the Docker host of stack ${TerraformStack.of(provider).node.path} (DOCKER_HOST or the local socket)`;
}

function overlaps(a: string, b: string): boolean {
  const [ipA, portA] = [a.slice(0, a.lastIndexOf(':')), a.slice(a.lastIndexOf(':') + 1)];
  const [ipB, portB] = [b.slice(0, b.lastIndexOf(':')), b.slice(b.lastIndexOf(':') + 1)];
  if (portA !== portB) return false;
  const any = (ip: string) => ip === '0.0.0.0' || ip === '::';
  return ipA === ipB || any(ipA) || any(ipB);
}

/** A host port to claim. */
export interface PortClaim extends PortOwner {
  readonly ip: string;
  readonly port: number;
}

/**
 * Claims every `ip:port` on the provider's Docker host, or throws naming both claimants and claims none. Ports are
 * compared per host (the provider's `host`, or the local socket); `0.0.0.0` and `::` overlap every address.
 */
export function claimHostPorts(scope: IConstruct, provider: DockerProvider, claims: readonly PortClaim[]): void {
  const checked = new Map<string, PortOwner>();
  for (const claim of claims) claimOne(scope, provider, claim.ip, claim.port, claim, checked);
  for (const [key, owner] of checked) registry(scope, provider).set(key, owner);
}

function registry(scope: IConstruct, provider: DockerProvider): Map<string, PortOwner> {
  const root = scope.node.root;
  let hosts = registries.get(root);
  if (!hosts) registries.set(root, (hosts = new Map()));
  const host = hostKey(provider);
  let claimed = hosts.get(host);
  if (!claimed) hosts.set(host, (claimed = new Map()));
  return claimed;
}

function claimOne(scope: IConstruct, provider: DockerProvider, ip: string, port: number, owner: PortOwner, pending: Map<string, PortOwner>): void {
  const host = hostKey(provider);
  const key = `${ip}:${port}`;
  for (const [other, by] of [...registry(scope, provider), ...pending]) {
    if (overlaps(key, other)) {
      throw new MonitoringConfigError(
        owner.where,
        owner.field,
        `got ${port} on ${ip}, but ${by.where} (${by.field}) already publishes ${other} on the same Docker host (${host}); expected a free host port: set ${owner.field} to another port, or false`,
      );
    }
  }
  pending.set(key, { where: owner.where, field: owner.field });
}
