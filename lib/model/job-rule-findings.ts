// Findings about scrape jobs and rule groups that Prometheus accepts but that are likely wrong or worth a note: a
// user job that replaces a target's built-in job, a user job that scrapes a built-in job's target under another
// name, two rules nothing tells apart, and notes from importers. Pure: no cdktf.
import type { CrossCheckFinding } from './cross-checks';
import type { MonitoringEnvironment } from './environment';
import { indistinguishableRules } from './rules';

/** A user job named like a built-in one replaces it: said once, so the user knows which settings apply. */
function replacedBuiltInFindings(env: MonitoringEnvironment): CrossCheckFinding[] {
  return env.replacedBuiltInJobs.map(({ builtIn, by }) => ({
    warning: 'replaced-builtin-job',
    involved: [by.declaredBy],
    message:
      `${by.declaredBy}: job "${by.jobName}" replaces the built-in job of the same name (${builtIn.job.declaredBy} scrapes ` +
      `${builtIn.job.targets.join(', ')}); this job's targets and settings apply. To keep both, rename this job; ` +
      `to scrape neither, remove this job and set ${builtIn.turnOff}`,
  }));
}

/** A user job that scrapes a built-in job's target under another job name stores every series twice. */
function doubleScrapeFindings(env: MonitoringEnvironment): CrossCheckFinding[] {
  const out: CrossCheckFinding[] = [];
  const active = env.activeBuiltInJobs;
  for (const job of env.scrapeJobs) {
    if (active.some((b) => b.job === job)) continue;
    for (const builtIn of active) {
      const shared = job.targets.filter((t) => builtIn.job.targets.includes(t));
      if (shared.length === 0) continue;
      out.push({
        warning: 'duplicate-target',
        involved: [job.declaredBy],
        message:
          `${job.declaredBy}: job "${job.jobName}" scrapes ${shared.join(', ')}, which the built-in job "${builtIn.job.jobName}" scrapes too, ` +
          `so every series is stored twice (job="${job.jobName}" and job="${builtIn.job.jobName}"); name this job "${builtIn.job.jobName}" ` +
          `to replace the built-in one, or set ${builtIn.turnOff}`,
      });
    }
  }
  return out;
}

/** Two rules of one group with the same name and labels (promtool's `duplicate-rules` lint). */
function duplicateRuleFindings(env: MonitoringEnvironment): CrossCheckFinding[] {
  return [...env.ruleGroups, ...env.lokiRuleGroups].flatMap((group) =>
    indistinguishableRules(group).map((d) => ({
      warning: 'duplicate-rule' as const,
      involved: [group.declaredBy],
      message:
        `${group.declaredBy}, rules[${d.index}]: rule "${d.name}" has the same name and labels as rules[${d.first}]; Prometheus loads both, ` +
        'but only their expressions can tell their alerts (or recorded series) apart (promtool lint "duplicate-rules"): give one a distinguishing label such as severity, or remove one',
    })),
  );
}

/** Notes the importers left, e.g. an imported file whose global settings differ from the stack's. */
function importFindings(env: MonitoringEnvironment): CrossCheckFinding[] {
  return env.importNotes.map((note) => ({ warning: 'imported-settings' as const, involved: [note.declaredBy], message: `${note.declaredBy}: ${note.message}` }));
}

/** Every finding of this module. */
export function jobAndRuleFindings(env: MonitoringEnvironment): CrossCheckFinding[] {
  return [...replacedBuiltInFindings(env), ...doubleScrapeFindings(env), ...duplicateRuleFindings(env), ...importFindings(env)];
}
