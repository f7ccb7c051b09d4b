import { MonitoringEnvironment } from '../../model/environment';
import { invalid, MonitoringConfigError } from '../../model/errors';
import { ScrapeJobModel } from '../../model/scrape';
import { AMP_DEFAULT_QUOTAS, AmpQuotas, checkCount, checkNamespaceName, checkSize } from './amp-limits';
import { alertmanagerTemplates, routeNodes } from './amp-alertmanager';
import { AWS_FILES, AwsRendering } from './aws-rendering';
import type { AwsTargetKind } from './messages';
import { snsReceiverProblems } from './sns-receivers';
import { unrunnableAwsJobs } from './aws-discovery';

/** Runs `check` and collects its MonitoringConfigError as a message. */
function collect(errors: string[], check: () => void): void {
  try {
    check();
  } catch (e) {
    if (e instanceof MonitoringConfigError) errors.push(e.message);
    else throw e;
  }
}

/** What AMP's managed scraper cannot do with a job: it runs no container of ours, so no file can be read. */
function scraperJobProblem(job: ScrapeJobModel): string | undefined {
  if (job.basicAuth) return 'basicAuth (its password is a file the managed scraper cannot read)';
  if (job.bearerToken) return 'bearerToken (a file the managed scraper cannot read)';
  if (job.tls?.caFile) return 'tls.caFile (a file the managed scraper cannot read)';
  return undefined;
}

/** Inputs of {@link validateAwsEnvironment}. */
export interface AwsValidationInput {
  readonly env: MonitoringEnvironment;
  readonly rendering: AwsRendering;
  readonly where: string;
  /** The target named in hints. */
  readonly target: AwsTargetKind;
  readonly existingTopics: Readonly<Record<string, string>>;
  readonly scrapers: readonly { readonly name: string; readonly jobs?: readonly string[] }[];
  /** Whether the target has Prometheus agent hosts. @default false */
  readonly hasAgents?: boolean;
  /** Raised quotas. @default AMP_DEFAULT_QUOTAS */
  readonly quotas?: AmpQuotas;
}

/**
 * The checks that need the whole environment, run at synth: receivers AMP can deliver, namespace names, AMP
 * quotas, jobs a managed scraper can run. Returns one message per problem.
 */
export function validateAwsEnvironment(input: AwsValidationInput): string[] {
  const { env, rendering, where } = input;
  const quotas = { ...AMP_DEFAULT_QUOTAS, ...(input.quotas ?? {}) };
  const errors: string[] = [];
  const model = env.alertmanagerModel();

  for (const routing of env.routingDeclarations) {
    // Every integration SNS cannot deliver, all at once.
    for (const receiver of routing.receivers) {
      errors.push(...snsReceiverProblems(receiver, routing.declaredBy, env.name, input.existingTopics[receiver.name], input.target).map((e) => e.message));
    }
  }
  const receiverNames = model.receivers.map((r) => r.name);
  for (const name of Object.keys(input.existingTopics)) {
    if (!receiverNames.includes(name)) {
      errors.push(invalid(where, 'existingTopics key', name, `the name of a declared receiver (declared: ${receiverNames.map((n) => JSON.stringify(n)).join(', ') || 'none'})`).message);
    }
  }

  for (const group of env.ruleGroups) collect(errors, () => checkNamespaceName(group.name, group.declaredBy));
  const rules = env.ruleGroups.reduce((sum, g) => sum + g.rules.length, 0);
  collect(errors, () => checkCount(where, 'rules (all AlertGroups)', rules, quotas.rulesPerWorkspace, 'Rules per workspace', input.target));
  collect(errors, () => checkCount(where, 'inhibit rules', model.inhibitRules.length, quotas.inhibitRules, 'Inhibition rules in alert manager definition file', input.target));
  collect(errors, () => checkCount(where, 'routes (routing tree nodes)', routeNodes(model.route), quotas.routingTreeNodes, 'Nodes in alert manager routing tree', input.target));
  collect(errors, () => checkCount(where, 'templates', Object.keys(alertmanagerTemplates(model)).length, quotas.templates, 'Templates in alert manager definition file', input.target));

  input.scrapers.forEach((scraper, i) => {
    collect(errors, () => {
      for (const job of rendering.jobsFor(scraper.jobs, where, `eksScrapers[${i}].jobs`, 'scraper')) {
        const problem = scraperJobProblem(job);
        if (problem) {
          throw new MonitoringConfigError(
            job.declaredBy,
            problem.split(' ')[0],
            `is set, but job ${JSON.stringify(job.jobName)} is scraped by the AMP managed scraper ${JSON.stringify(scraper.name)}, which can only read ` +
              `its configuration text; expected a job without ${problem}, or leave the job out of eksScrapers[${i}].jobs and scrape it with a Prometheus agent`,
          );
        }
      }
    });
  });

  // A discovery job that nothing of this target runs would be dropped silently.
  for (const { job, key } of unrunnableAwsJobs(env.scrapeJobs, input.hasAgents ?? false, input.scrapers.length > 0)) {
    errors.push(
      new MonitoringConfigError(
        job.declaredBy,
        'discovery',
        `uses ${key}, which no scraper of this AwsManagedTarget runs: Prometheus agent hosts (agents) run dns_sd_configs, http_sd_configs and file_sd_configs ` +
          'with targetGroups, AMP managed scrapers (eksScrapers) run kubernetes_sd_configs; docker_sd_configs and files on the host run on a DockerHostTarget',
      ).message,
    );
  }

  if (errors.length > 0) return errors; // the files below cannot render until the problems above are fixed
  collect(errors, () => {
    const files = rendering.files();
    for (const group of env.ruleGroups) {
      collect(errors, () => checkSize(group.declaredBy, 'rules (AMP rule groups namespace file)', files[AWS_FILES.ruleNamespace(group.name)], quotas.ruleGroupNamespaceBytes, 'Rule group namespace definition file size'));
    }
    collect(errors, () => checkSize(where, 'alert manager definition', files[AWS_FILES.alertManagerDefinition], quotas.alertManagerDefinitionBytes, 'Alert manager definition file size'));
  });
  return errors;
}
