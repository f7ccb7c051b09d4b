import { Duration } from './duration';
import { invalid } from './errors';
import type { ScrapeJobModel } from './scrape';

/**
 * A job's timeout against the interval it is scraped at: its own, else the environment's. Prometheus refuses the file
 * when the timeout is longer ("scrape timeout greater than scrape interval for scrape config with job name ...",
 * config/config.go `ScrapeConfig.Validate`). A job without a timeout is fine: Prometheus then caps the global timeout
 * at the job's interval.
 */
export function checkJobTimeout(job: ScrapeJobModel, defaultInterval: Duration): void {
  if (!job.timeout) return;
  const interval = job.interval ?? defaultInterval;
  if (job.timeout.isLongerThan(interval)) {
    const source = job.interval ? 'the job\'s interval' : 'the environment\'s prometheus.scrapeInterval, which the job inherits';
    throw invalid(
      job.declaredBy,
      'timeout',
      job.timeout.toPrometheus(),
      `a timeout no longer than the scrape interval (${interval.toPrometheus()}, ${source}); Prometheus refuses the file: "scrape timeout greater than scrape interval"`,
    );
  }
}
