import { ScrapeJobModel } from '../../model/scrape';
import { DISCOVERY_KEYS, DiscoveryKind } from '../../model/service-discovery-labels';

/** Who scrapes for the AWS target: a Prometheus agent on a Docker host, or AMP's managed scraper in an EKS cluster. */
export type AwsScraperKind = 'agent' | 'scraper';

/**
 * The discovery each kind runs.
 * - Agents are Prometheus 3 in agent mode on Docker hosts: DNS and HTTP discovery need nothing but the network; target
 *   files the library writes (`Discovery.files({ targetGroups })`) are uploaded beside the agent's prometheus.yml.
 *   Docker discovery (the socket) and files the user manages on the host (`paths`) are not wired on agent hosts.
 * - AMP's managed scraper reads only its configuration text and discovers inside its EKS cluster: `kubernetes_sd_configs`
 *   (AMP user guide, "Scraper configuration", AMP-collector-how-to.html#AMP-collector-configuration, not reachable
 *   from here; hashicorp/terraform-provider-aws website/docs/r/prometheus_scraper.html.markdown at 0e154ca0: its
 *   example `scrape_configuration` discovers with `kubernetes_sd_configs`, roles pod, node and endpoints).
 */
export const AWS_DISCOVERY: Readonly<Record<AwsScraperKind, readonly DiscoveryKind[]>> = {
  agent: ['dns', 'http', 'file'],
  scraper: ['kubernetes'],
};

const WHAT: Readonly<Record<AwsScraperKind, string>> = {
  agent: 'a Prometheus agent host',
  scraper: 'an AMP managed scraper (EKS)',
};

/** The first discovery of `job` that `kind` cannot run, as its key (`docker_sd_configs`), or undefined. */
export function unsupportedAwsDiscovery(job: ScrapeJobModel, kind: AwsScraperKind): string | undefined {
  const d = (job.discovery ?? []).find((x) => !AWS_DISCOVERY[kind].includes(x.kind) || (kind === 'agent' && x.kind === 'file' && x.paths !== undefined));
  if (d === undefined) return undefined;
  return d.kind === 'file' && kind === 'agent' ? 'file_sd_configs with paths (files on the host)' : DISCOVERY_KEYS[d.kind];
}

/** Why `kind` cannot take `job`: the message of an explicit `jobs` entry naming it. */
export function awsDiscoveryProblem(job: ScrapeJobModel, kind: AwsScraperKind): string | undefined {
  const key = unsupportedAwsDiscovery(job, kind);
  if (key === undefined) return undefined;
  const other: AwsScraperKind = kind === 'agent' ? 'scraper' : 'agent';
  const supported = AWS_DISCOVERY[kind].map((k) => DISCOVERY_KEYS[k]);
  return (
    `job ${JSON.stringify(job.jobName)} discovers its targets with ${key}, which ${WHAT[kind]} does not run ` +
    `(it runs static targets${supported.length > 0 ? ` and ${supported.join(', ')}` : ''})` +
    (AWS_DISCOVERY[other].some((k) => DISCOVERY_KEYS[k] === key) ? `; ${WHAT[other]} does: list it there` : '')
  );
}

/** Jobs of the environment that no agent host and no scraper of the target can run (with the reason). */
export function unrunnableAwsJobs(jobs: readonly ScrapeJobModel[], hasAgents: boolean, hasScrapers: boolean): { job: ScrapeJobModel; key: string }[] {
  const out: { job: ScrapeJobModel; key: string }[] = [];
  for (const job of jobs) {
    if (!job.discovery) continue;
    const byAgent = hasAgents && unsupportedAwsDiscovery(job, 'agent') === undefined;
    const byScraper = hasScrapers && unsupportedAwsDiscovery(job, 'scraper') === undefined;
    if (!byAgent && !byScraper) out.push({ job, key: unsupportedAwsDiscovery(job, hasScrapers && !hasAgents ? 'scraper' : 'agent') ?? unsupportedAwsDiscovery(job, 'scraper')! });
  }
  return out;
}
