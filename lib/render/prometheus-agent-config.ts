import { Duration } from '../model/duration';
import { sortedRecord } from '../model/names';
import { ScrapeJobModel } from '../model/scrape';
import { renderScrapeJob } from './prometheus-config';
import { compact, generatedHeader, toYaml } from './yaml';

/** AWS Signature Version 4 signing of remote_write requests (Amazon Managed Service for Prometheus). */
export interface SigV4Model {
  /** The AWS region of the workspace, e.g. `eu-west-1`. */
  readonly region: string;
  /** A role assumed before signing. @default - none */
  readonly roleArn?: string;
}

/** One `remote_write` destination. */
export interface RemoteWriteModel {
  /** The endpoint, e.g. `https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-.../api/v1/remote_write`. */
  readonly url: string;
  /** A name shown in Prometheus' metrics and logs. @default - a hash of the settings */
  readonly name?: string;
  /** SigV4 signing; credentials come from the AWS SDK chain (never from this file). */
  readonly sigv4?: SigV4Model;
}

/** What a scrape-only configuration holds: the managed scraper's `scrape_configuration` and the agent's scraping part. */
export interface ScrapeConfigurationModel {
  readonly scrapeInterval: Duration;
  readonly scrapeTimeout: Duration;
  /** Labels added to every series (`environment`, `host`, ...). */
  readonly externalLabels: Readonly<Record<string, string>>;
  readonly scrapeJobs: readonly ScrapeJobModel[];
}

/** Everything an agent-mode prometheus.yml holds: scraping and remote_write; no rule_files, no alerting. */
export interface PrometheusAgentModel extends ScrapeConfigurationModel {
  readonly remoteWrite: readonly RemoteWriteModel[];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function scrapeDocument(model: ScrapeConfigurationModel): Record<string, unknown> {
  const externalLabels = sortedRecord(model.externalLabels);
  return {
    global: compact({
      scrape_interval: model.scrapeInterval.toPrometheus(),
      scrape_timeout: model.scrapeTimeout.toPrometheus(),
      external_labels: externalLabels && Object.keys(externalLabels).length > 0 ? externalLabels : undefined,
    }),
    scrape_configs: [...model.scrapeJobs].sort((a, b) => cmp(a.jobName, b.jobName)).map(renderScrapeJob),
  };
}

/**
 * Renders prometheus.yml for Prometheus 3.x in agent mode (`--agent`): it scrapes and forwards with remote_write,
 * and has no `rule_files` and no `alerting` (an agent evaluates no rules). Jobs are sorted by name.
 */
export function renderPrometheusAgentConfig(model: PrometheusAgentModel, description: string): string {
  const doc = {
    ...scrapeDocument(model),
    remote_write: model.remoteWrite.map((rw) =>
      compact({
        name: rw.name,
        url: rw.url,
        sigv4: rw.sigv4 ? compact({ region: rw.sigv4.region, role_arn: rw.sigv4.roleArn }) : undefined,
      }),
    ),
  };
  return toYaml(doc, generatedHeader(description));
}

/**
 * Renders a scrape-only configuration (`global` and `scrape_configs`), the format of the AMP managed scraper's
 * `scrape_configuration`. `fallback_scrape_protocol` is left out: it is a Prometheus 3 field that AWS does not list
 * among the managed collector's scrape job fields.
 */
export function renderScrapeConfiguration(model: ScrapeConfigurationModel, description: string): string {
  const doc = scrapeDocument(model);
  for (const job of doc.scrape_configs as Record<string, unknown>[]) delete job.fallback_scrape_protocol;
  return toYaml(doc, generatedHeader(description));
}

/**
 * Command-line flags of a Prometheus 3.x agent. Prometheus 3 starts agent mode with `--agent` (the 2.x
 * `--enable-feature=agent` is gone: 3.x warns "Unknown option", then exits because `--storage.agent.path` is only
 * allowed in agent mode). TSDB flags (`--storage.tsdb.*`) are refused in agent mode; the agent keeps only a
 * write-ahead log under `--storage.agent.path`. Admin and lifecycle APIs stay off.
 */
export function prometheusAgentFlags(configFile: string, walDir: string, listenAddress = ':9090'): string[] {
  return [
    '--agent',
    `--config.file=${configFile}`,
    `--storage.agent.path=${walDir}`,
    `--web.listen-address=${listenAddress}`,
  ];
}
