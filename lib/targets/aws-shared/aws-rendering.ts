import { MonitoringEnvironment } from '../../model/environment';
import { MonitoringConfigError, unknownReference } from '../../model/errors';
import { ScrapeJobModel } from '../../model/scrape';
import { RenderedFiles } from '../../render/environment-files';
import { renderPrometheusAgentConfig, renderScrapeConfiguration } from '../../render/prometheus-agent-config';
import { renderRuleFile } from '../../render/rule-file';
import { renderFileSdFiles } from '../../render/service-discovery';
import { alertmanagerTemplates, renderAmpAlertManagerDefinition, renderAmpAlertmanagerConfig, templateFileName } from './amp-alertmanager';
import type { AwsTargetKind } from './messages';
import { planSnsReceiver, SnsReceiverPlan } from './sns-receivers';
import { awsDiscoveryProblem, AwsScraperKind } from './aws-discovery';

// Engine-free (no cdktf, no aws-cdk-lib), shared by both AWS targets: every file the AWS target produces, as plain text a reviewer or promtool/amtool can read.
// Values only known after apply appear as placeholders, replaced by Terraform references in the target.

/** Stands for the AWS account id in rendered SNS topic ARNs. */
export const ACCOUNT_PLACEHOLDER = 'ACCOUNT_ID';
/** Stands for the AMP workspace id in rendered remote_write URLs. */
export const WORKSPACE_PLACEHOLDER = 'WORKSPACE_ID';

/** One Prometheus agent host, as the renderer needs it. */
export interface AgentRenderSettings {
  readonly name: string;
  /** Environment jobs this host scrapes. @default - all */
  readonly jobs?: readonly string[];
  /** Jobs of the host itself (the agent, node-exporter). */
  readonly ownJobs: readonly ScrapeJobModel[];
  readonly labels: Readonly<Record<string, string>>;
  /** `sigv4.role_arn`. @default - none */
  readonly roleArn?: string;
}

/** One AMP managed scraper, as the renderer needs it. */
export interface ScraperRenderSettings {
  readonly name: string;
  /** Environment jobs this scraper takes. @default - all */
  readonly jobs?: readonly string[];
}

/** What the AWS renderer needs besides the environment. */
export interface AwsRenderSettings {
  readonly region: string;
  readonly existingTopics: Readonly<Record<string, string>>;
  readonly agents: readonly AgentRenderSettings[];
  readonly scrapers: readonly ScraperRenderSettings[];
  /** Who configured the target, for messages. */
  readonly where: string;
  /** The target named in hints. */
  readonly target: AwsTargetKind;
}

/** The SNS topic ARN prefix in rendered files (account unknown until apply). */
export function renderedTopicArnPrefix(region: string): string {
  return `arn:aws:sns:${region}:${ACCOUNT_PLACEHOLDER}:`;
}

/** The workspace URL prefix in rendered files (workspace id unknown until apply). */
export function renderedWorkspaceUrl(region: string): string {
  return `https://aps-workspaces.${region}.amazonaws.com/workspaces/${WORKSPACE_PLACEHOLDER}/`;
}

/** Logical paths of the files the AWS target renders (under `rendered/<monitoring id>/`). */
export const AWS_FILES = {
  alertmanagerConfig: 'aws/amp/alertmanager.yml',
  alertmanagerTemplate: (name: string) => `aws/amp/${templateFileName(name)}`,
  alertManagerDefinition: 'aws/amp/alert-manager-definition.yml',
  ruleNamespace: (name: string) => `aws/amp/rules/${name}.yml`,
  agentConfig: (host: string) => `aws/agents/${host}/prometheus.yml`,
  /** Files next to an agent's prometheus.yml (`file_sd/<job>.json`), uploaded beside it. */
  agentFile: (host: string, relative: string) => `aws/agents/${host}/${relative}`,
  scraperConfig: (name: string) => `aws/scrapers/${name}/scrape-configuration.yml`,
} as const;

function ifValid<T>(produce: () => T, fallback: T): T {
  try {
    return produce();
  } catch (e) {
    if (e instanceof MonitoringConfigError) return fallback;
    throw e;
  }
}

/** Renders the AWS target's files from the environment; cached until the environment changes. */
export class AwsRendering {
  private cache?: { version: number; files: RenderedFiles; plans: Map<string, SnsReceiverPlan> };

  constructor(
    private readonly env: MonitoringEnvironment,
    private readonly settings: AwsRenderSettings,
  ) {}

  /** How each receiver reaches SNS. Throws a MonitoringConfigError for a receiver AMP cannot serve. */
  public plans(): Map<string, SnsReceiverPlan> {
    return this.render().plans;
  }

  /** Every rendered file by logical path. */
  public files(): RenderedFiles {
    return this.render().files;
  }

  /**
   * {@link files}, or none while the environment has a configuration error. For Terraform values resolved before
   * validation runs (cdktf resolves every token once to find cross-stack references): the error then reaches the user as
   * the synth validation error that lists every problem, not as a "Resolution error" with cdktf's stack.
   */
  public filesIfValid(): RenderedFiles {
    return ifValid(() => this.files(), {});
  }

  /** {@link plans}, or none while the environment has a configuration error (see {@link filesIfValid}). */
  public plansIfValid(): Map<string, SnsReceiverPlan> {
    return ifValid(() => this.plans(), new Map());
  }

  /**
   * The scrape jobs a host or scraper takes: the ones named, or by default every job it can run (agents do not take
   * Kubernetes jobs; scrapers take static and Kubernetes jobs only).
   */
  public jobsFor(jobs: readonly string[] | undefined, where: string, field: string, kind: AwsScraperKind): ScrapeJobModel[] {
    const all = this.env.scrapeJobs;
    if (jobs === undefined) return all.filter((j) => awsDiscoveryProblem(j, kind) === undefined);
    return jobs.map((name, i) => {
      const job = all.find((j) => j.jobName === name);
      if (!job) throw unknownReference(where, `${field}[${i}]`, name, 'scrape job', all.map((j) => j.jobName));
      const problem = awsDiscoveryProblem(job, kind);
      if (problem) throw new MonitoringConfigError(where, `${field}[${i}]`, problem);
      return job;
    });
  }

  private render(): { files: RenderedFiles; plans: Map<string, SnsReceiverPlan> } {
    if (this.cache && this.cache.version === this.env.version) return this.cache;
    const { region, where } = this.settings;
    const env = this.env;
    const model = env.alertmanagerModel();
    const origins = new Map<string, string>();
    for (const routing of env.routingDeclarations) for (const r of routing.receivers) origins.set(r.name, routing.declaredBy);
    const plans = new Map<string, SnsReceiverPlan>();
    for (const receiver of model.receivers) {
      const existing = this.settings.existingTopics[receiver.name];
      plans.set(receiver.name, planSnsReceiver(receiver, origins.get(receiver.name) ?? 'MonitoringStack', env.name, existing, this.settings.target));
    }
    const arns = new Map<string, string>();
    for (const plan of plans.values()) {
      if (plan.existingTopicArn) arns.set(plan.receiver, plan.existingTopicArn);
      else if (plan.topicName) arns.set(plan.receiver, `${renderedTopicArnPrefix(region)}${plan.topicName}`);
    }
    const files: Record<string, string> = {};
    const amConfig = renderAmpAlertmanagerConfig(model, env.name, region, plans, arns);
    const templates = alertmanagerTemplates(model);
    files[AWS_FILES.alertmanagerConfig] = amConfig;
    for (const [name, text] of Object.entries(templates)) files[AWS_FILES.alertmanagerTemplate(name)] = text;
    files[AWS_FILES.alertManagerDefinition] = renderAmpAlertManagerDefinition(amConfig, templates);
    for (const group of env.ruleGroups) files[AWS_FILES.ruleNamespace(group.name)] = renderRuleFile(group);
    const p = env.prometheus;
    this.settings.agents.forEach((agent, i) => {
      const jobs = [...this.jobsFor(agent.jobs, where, `agents[${i}].jobs`, 'agent'), ...agent.ownJobs];
      // Target files of Discovery.files({ targetGroups }), next to the agent's prometheus.yml.
      for (const job of jobs) for (const [relative, text] of Object.entries(renderFileSdFiles(job))) files[AWS_FILES.agentFile(agent.name, relative)] = text;
      files[AWS_FILES.agentConfig(agent.name)] = renderPrometheusAgentConfig(
        {
          scrapeInterval: p.scrapeInterval,
          scrapeTimeout: p.scrapeTimeout,
          externalLabels: { ...p.externalLabels, ...agent.labels, host: agent.name },
          scrapeJobs: jobs,
          remoteWrite: [
            { name: 'amp', url: `${renderedWorkspaceUrl(region)}api/v1/remote_write`, sigv4: { region, roleArn: agent.roleArn } },
          ],
        },
        `Prometheus agent on host "${agent.name}" of environment "${env.name}": scrapes and remote-writes to Amazon Managed Service for Prometheus.`,
      );
    });
    this.settings.scrapers.forEach((scraper, i) => {
      files[AWS_FILES.scraperConfig(scraper.name)] = renderScrapeConfiguration(
        {
          scrapeInterval: p.scrapeInterval,
          scrapeTimeout: p.scrapeTimeout,
          externalLabels: { ...p.externalLabels, cluster: scraper.name },
          scrapeJobs: this.jobsFor(scraper.jobs, where, `eksScrapers[${i}].jobs`, 'scraper'),
        },
        `AMP managed scraper "${scraper.name}" of environment "${env.name}".`,
      );
    });
    const sorted: Record<string, string> = {};
    for (const path of Object.keys(files).sort()) sorted[path] = files[path];
    this.cache = { version: env.version, files: sorted, plans };
    return this.cache;
  }
}
