import { Duration } from './duration';
import { RuleGroupModel } from './rules';
import { ScrapeJobModel } from './scrape';

/** Everything prometheus.yml and Prometheus' command-line flags hold. */
export interface PrometheusModel {
  /** The global scrape interval. */
  readonly scrapeInterval: Duration;
  /** The global scrape timeout. */
  readonly scrapeTimeout: Duration;
  /** How often rules are evaluated (`global.evaluation_interval`). */
  readonly evaluationInterval: Duration;
  /** Labels added to every series and alert leaving Prometheus, `environment` among them. */
  readonly externalLabels: Readonly<Record<string, string>>;
  /** How long samples are kept (`--storage.tsdb.retention.time`). */
  readonly retentionTime: Duration;
  /** Size cap for the TSDB (`--storage.tsdb.retention.size`), e.g. `20GB`. @default - no size cap */
  readonly retentionSize?: string;
  /** Alertmanager addresses (`host:port`) alerts are sent to. */
  readonly alertmanagers: readonly string[];
  /** Every scrape job of the environment. */
  readonly scrapeJobs: readonly ScrapeJobModel[];
  /** Every Prometheus rule group of the environment. */
  readonly ruleGroups: readonly RuleGroupModel[];
}

/** Directory (relative to prometheus.yml) that holds one rule file per group. */
export const RULES_DIR = 'rules';
