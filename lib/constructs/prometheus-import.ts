import type { Construct } from 'constructs';
import { Duration } from '../model/duration';
import { describeConstruct } from '../model/errors';
import { importScrapeConfigs, ImportedScrapeJob } from '../import/scrape-configs';
import { importedJobId } from './imported-ids';
import { MonitoringStack } from './monitoring-stack';

/** The shorter of two durations. */
function min(a: Duration, b: Duration): Duration {
  return a.isLongerThan(b) ? b : a;
}

/**
 * The jobs of a prometheus.yml, each with the interval and timeout it was scraped at under the file's `global` (or
 * Prometheus' defaults 1m/10s where the file has none), set on the job where the stack's defaults would give another.
 * What cannot be applied per job (the evaluation interval, external labels) is noted as a warning at synth
 * (`imported-settings`), so nothing in `global` is dropped silently.
 * @param scope where the ServiceScrapes go (a MonitoringStack or a construct inside one)
 * @param source the file name, for messages
 */
export function importedScrapeJobs(scope: Construct, yamlText: string, source: string): { id: string; job: ImportedScrapeJob }[] {
  const monitoring = MonitoringStack.of(scope, 'ServiceScrape');
  const where = `${describeConstruct('ServiceScrape', scope.node.path)} from ${source}`;
  const imported = importScrapeConfigs(yamlText, where);
  const file = imported.settings;
  const stack = monitoring.model.prometheus;
  const fileInterval = file.scrapeInterval as Duration;
  const fileTimeout = file.scrapeTimeout as Duration;
  const fileEvaluation = file.evaluationInterval as Duration;
  let applied = 0;
  const jobs = imported.jobs.map((job) => {
    // Prometheus: a job without scrape_timeout gets the global timeout, capped at the job's interval.
    const fileJobInterval = job.interval ?? fileInterval;
    const stackJobInterval = job.interval ?? stack.scrapeInterval;
    const fileJobTimeout = job.timeout ?? min(fileTimeout, fileJobInterval);
    // Once the interval is set on the job (below), the stack caps its own timeout at that interval.
    const stackJobTimeout = job.timeout ?? min(stack.scrapeTimeout, fileJobInterval);
    const interval = fileJobInterval.equals(stackJobInterval) ? job.interval : fileJobInterval;
    const timeout = fileJobTimeout.equals(stackJobTimeout) ? job.timeout : fileJobTimeout;
    if (interval !== job.interval || timeout !== job.timeout) applied++;
    const withTiming: ImportedScrapeJob = { ...job, ...(interval ? { interval } : {}), ...(timeout ? { timeout } : {}) };
    return { id: importedJobId(job.jobName), job: withTiming };
  });
  const note = (message: string) => monitoring.model.addImportNote({ declaredBy: where, message });
  if (applied > 0) {
    note(
      `the file scrapes every ${fileInterval.toPrometheus()} (scrape_interval) with scrape_timeout ${fileTimeout.toPrometheus()} (Prometheus' defaults 1m and 10s where \`global\` sets none), ` +
        `the stack every ${stack.scrapeInterval.toPrometheus()} with ${stack.scrapeTimeout.toPrometheus()}: ${applied} imported job(s) get the file's interval and timeout set on the job, so they scrape as they did. ` +
        'To make the file\'s settings the stack\'s defaults instead, pass importScrapeConfigs(text, where).settings as the MonitoringStack\'s `prometheus` prop',
    );
  }
  if (!fileEvaluation.equals(stack.evaluationInterval)) {
    note(
      `the file evaluates rules every ${fileEvaluation.toPrometheus()} (evaluation_interval; Prometheus' default 1m where \`global\` sets none), the stack every ` +
        `${stack.evaluationInterval.toPrometheus()}: its rules evaluate at the stack's interval. Set \`prometheus: { evaluationInterval: '${fileEvaluation.toPrometheus()}' }\` ` +
        'on the MonitoringStack (or `interval` on each AlertGroup) to keep the file\'s',
    );
  }
  const missing = Object.entries(file.externalLabels ?? {}).filter(([k, v]) => stack.externalLabels[k] !== v);
  if (missing.length > 0) {
    const shown = missing.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');
    note(`the file's external_labels { ${shown} } are not the stack's: set them as \`prometheus: { externalLabels: { ${shown} } }\` on the MonitoringStack`);
  }
  return jobs;
}
