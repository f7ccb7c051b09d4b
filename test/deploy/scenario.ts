import { DockerApi } from './docker-api';

/**
 * The test's own containers around the stack (not part of it): the sample app `api`, the webhook receiver and a
 * probe that queries the stack's HTTP APIs from inside the engine. They run on networks the test created.
 */

/** Creates an internal network (no route off the machine). */
export async function createInternalNetwork(api: DockerApi, name: string): Promise<string> {
  return (await api.json('POST', '/networks/create', { body: { Name: name, Driver: 'bridge', Internal: true, CheckDuplicate: true } })).Id;
}

/** Runs a container from a stand-in image on the given networks (with aliases) and returns its ID. */
export async function runContainer(
  api: DockerApi,
  name: string,
  image: string,
  networks: readonly { name: string; aliases?: string[] }[],
  cmd?: readonly string[],
): Promise<string> {
  const [first, ...rest] = networks;
  const { Id } = await api.json('POST', '/containers/create', {
    query: { name },
    body: {
      Image: image,
      Cmd: cmd,
      HostConfig: { NetworkMode: first.name, ReadonlyRootfs: false, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges:true'] },
      NetworkingConfig: { EndpointsConfig: { [first.name]: { Aliases: first.aliases } } },
    },
  });
  for (const n of rest) await api.raw('POST', `/networks/${n.name}/connect`, { body: { Container: Id, EndpointConfig: { Aliases: n.aliases } } });
  await api.raw('POST', `/containers/${Id}/start`);
  return Id;
}

/** Queries HTTP APIs from inside the engine with busybox wget in the probe container. */
export class Probe {
  constructor(
    private readonly api: DockerApi,
    private readonly id: string,
  ) {}

  /** GETs a URL and parses the JSON answer. */
  public async getJson(url: string): Promise<any> {
    const r = await this.api.exec(this.id, ['wget', '-q', '-T', '5', '-O', '-', url]);
    if (r.exitCode !== 0) throw new Error(`wget ${url}: exit ${r.exitCode}: ${r.stderr.trim()}`);
    return JSON.parse(r.stdout);
  }

  /** POSTs a JSON body and parses the JSON answer. */
  public async postJson(url: string, body: unknown): Promise<any> {
    const r = await this.api.exec(this.id, ['wget', '-q', '-T', '5', '-O', '-', '--header', 'Content-Type: application/json', '--post-data', JSON.stringify(body), url]);
    if (r.exitCode !== 0) throw new Error(`wget POST ${url}: exit ${r.exitCode}: ${r.stderr.trim()}`);
    return JSON.parse(r.stdout);
  }
}

/** The JSON bodies the webhook stand-in stored, oldest first. */
export async function webhookBodies(api: DockerApi, webhookId: string): Promise<any[]> {
  const r = await api.exec(webhookId, ['sh', '-c', 'for f in $(ls /data/*.json 2>/dev/null | sort); do cat "$f"; echo; echo "@@END@@"; done']);
  return r.stdout
    .split('@@END@@')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => JSON.parse(s));
}
