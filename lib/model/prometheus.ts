import { Duration } from './duration';
import { RuleGroupModel } from './rules';
import { ScrapeJobModel } from './scrape';

/** Everything prometheus.yml and Prometheus' command-line flags hold. */
export interface PrometheusModel {
  readonly scrapeInterval: Duration;
  readonly scrapeTimeout: Duration;
  readonly evaluationInterval: Duration;
  readonly externalLabels: Readonly<Record<string, string>>;
  /** How long samples are kept (`--storage.tsdb.retention.time`). */
  readonly retentionTime: Duration;
  /** Size cap for the TSDB (`--storage.tsdb.retention.size`), e.g. `20GB`. */
  readonly retentionSize?: string;
  /** Alertmanager addresses (`host:port`) alerts are sent to. */
  readonly alertmanagers: readonly string[];
  readonly scrapeJobs: readonly ScrapeJobModel[];
  readonly ruleGroups: readonly RuleGroupModel[];
}

/** Directory (relative to prometheus.yml) that holds one rule file per group. */
export const RULES_DIR = 'rules';
