import { createHash } from 'crypto';
import { AnnotationMetadataEntryType, TerraformOutput, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { MonitoringStack } from '../../constructs/monitoring-stack';
import { describeConstruct, missing } from '../../model/errors';
import { Component, CONFIG_ROOT } from '../../model/layout';
import { buildScrapeJob } from '../../model/scrape';
import { Secret } from '../../model/secret';
import { escapeTerraformTemplate } from '../terraform-escape';
import { secretDescription, secretVariable } from '../secret-variable';
import { DEFAULT_IMAGES, DEFAULT_MEMORY_MB } from '../docker/images';
import { checkWorkspaceSettings } from '../aws-shared/workspace-settings';
import { droppedFieldsWarning } from '../aws-shared/messages';
import { AmpWorkspace } from './amp-workspace';
import { writeFilesAfterMonitoringStack } from './rendered-files-writer';
import { AWS_FILES, AwsRendering, renderedTopicArnPrefix, renderedWorkspaceUrl } from '../aws-shared/aws-rendering';
import { validateAwsEnvironment } from '../aws-shared/aws-validation';
import type { AwsManagedTargetProps } from './aws-managed-target';
import { checkEksScraper } from '../aws-shared/eks-scraper-options';
import { EksScraper } from './eks-scraper';
import { ManagedGrafana } from './managed-grafana';
import { AGENT_SELF_TARGET, AgentUpload, NODE_EXPORTER_TARGET, PrometheusAgentHost } from './prometheus-agent-host';
import { SnsDelivery } from './sns-delivery';
import { checkAgentHost } from './agent-host-checks';

/** The resources of an {@link AwsManagedTarget} inside its MonitoringStack. */
export class AwsEnvironment extends Construct {
  public readonly rendering: AwsRendering;
  public readonly amp: AmpWorkspace;
  public readonly grafana?: ManagedGrafana;
  private readonly secretUploads = new Map<string, AgentUpload>();
  private readonly hasAgents: boolean;

  constructor(monitoring: MonitoringStack, id: string, props: AwsManagedTargetProps) {
    super(monitoring, id);
    const where = describeConstruct('AwsManagedTarget', this.node.path);
    const env = monitoring.environmentName;
    const stack = TerraformStack.of(this);
    const region = props.region;

    const { alias, tags, logRetentionDays, retentionDays, existingTopics, queryLogThreshold } = checkWorkspaceSettings(props, {
      environment: env,
      retention: monitoring.model.prometheus.retentionTime,
      monitoringPath: monitoring.node.path,
      where,
      isUnresolved: (value) => Token.isUnresolved(value),
    });
    const agents = props.agents ?? [];
    agents.forEach((agent, i) => checkAgentHost(agent, agents, props.agentCredentials, where, `agents[${i}]`));
    const scrapers = props.eksScrapers ?? [];
    scrapers.forEach((s, i) => checkEksScraper(s, env, where, `eksScrapers[${i}]`, (value) => Token.isUnresolved(value)));
    this.hasAgents = agents.length > 0;

    const provider = props.provider ?? stack.node.findAll().find((c): c is AwsProvider => c instanceof AwsProvider) ?? new AwsProvider(stack, 'aws', { region });
    const account = new DataAwsCallerIdentity(this, 'account', { provider });
    const partition = new DataAwsPartition(this, 'partition', { provider });

    const agentSettings = agents.map((agent) => ({ agent, credentials: (agent.credentials ?? props.agentCredentials)! }));
    this.rendering = new AwsRendering(monitoring.model, {
      region,
      existingTopics,
      where,
      target: 'AwsManagedTarget',
      agents: agentSettings.map(({ agent, credentials }) => ({
        name: agent.name,
        jobs: agent.jobs,
        labels: agent.labels ?? {},
        roleArn: credentials.resolveRoleArn(),
        // `instance` is the host's name: every host's node-exporter has the same address, and alerts should say which host.
        ownJobs: [
          buildScrapeJob({ jobName: 'prometheus-agent', targets: [AGENT_SELF_TARGET], labels: { instance: agent.name } }, where),
          ...(agent.nodeExporter === false
            ? []
            : [buildScrapeJob({ jobName: 'node', targets: [NODE_EXPORTER_TARGET], labels: { instance: agent.name } }, where)]),
        ],
      })),
      scrapers: scrapers.map((s) => ({ name: s.name, jobs: s.jobs })),
    });
    // Resolved before validation runs: a configuration error is reported by the validation below, with every other one.
    const file = (path: string) => this.rendering.filesIfValid()[path] ?? '';
    // An agent's files besides its prometheus.yml (file_sd target files), in path order.
    const agentFiles = (host: string) =>
      Object.entries(this.rendering.filesIfValid()).filter(([path]) => path.startsWith(AWS_FILES.agentFile(host, '')) && path !== AWS_FILES.agentConfig(host));

    this.amp = new AmpWorkspace(this, 'amp', {
      provider,
      environment: env,
      alias,
      tags,
      kmsKeyArn: props.kmsKeyArn,
      logRetentionDays,
      retentionDays,
      queryLogThreshold,
      ruleNamespaces: () =>
        Object.fromEntries(monitoring.model.ruleGroups.map((g) => [g.name, escapeTerraformTemplate(file(AWS_FILES.ruleNamespace(g.name)))])),
    });
    const workspace = this.amp.workspace;
    const topicArnPrefix = `arn:${partition.partition}:sns:${region}:${account.accountId}:`;
    const sns = new SnsDelivery(this, 'sns', {
      provider,
      plans: () => this.rendering.plansIfValid(),
      workspaceArn: workspace.arn,
      accountId: account.accountId,
      topicArnPrefix,
      tags,
      kmsKeyId: props.topicKmsKeyId,
    });
    this.amp.addAlertManagerDefinition(
      () => escapeTerraformTemplate(file(AWS_FILES.alertManagerDefinition)).split(renderedTopicArnPrefix(region)).join(topicArnPrefix),
      [sns.topics, sns.policies],
    );

    if (props.grafana !== false) {
      this.grafana = new ManagedGrafana(this, 'grafana', { ...(props.grafana ?? {}), provider, environment: env, workspaceArn: workspace.arn, accountId: account.accountId, tags, where });
    }

    const workspaceUrl = `https://aps-workspaces.${region}.${partition.dnsSuffix}/workspaces/${workspace.id}/`;
    for (const { agent, credentials } of agentSettings) {
      const resolved = credentials.resolve(this, { environment: env, workspaceArn: workspace.arn, tags, provider });
      new PrometheusAgentHost(this, `agent-${agent.name}`, {
        options: agent,
        environment: env,
        images: { prometheus: props.agentImages?.prometheus ?? DEFAULT_IMAGES.prometheus, nodeExporter: props.agentImages?.nodeExporter ?? DEFAULT_IMAGES.nodeExporter },
        memoryMb: { prometheus: props.agentMemoryMb ?? 512, nodeExporter: DEFAULT_MEMORY_MB.nodeExporter },
        credentialsFile: resolved.credentialsFile,
        config: () => escapeTerraformTemplate(file(AWS_FILES.agentConfig(agent.name))).split(renderedWorkspaceUrl(region)).join(workspaceUrl),
        configFiles: () => agentFiles(agent.name).map(([path, text]) => ({ file: `${CONFIG_ROOT}/${path.slice(AWS_FILES.agentFile(agent.name, '').length)}`, content: escapeTerraformTemplate(text) })),
        configHash: () => {
          const hash = createHash('sha256').update(file(AWS_FILES.agentConfig(agent.name)));
          for (const [path, text] of agentFiles(agent.name)) hash.update(`\u0000${path}\u0000${text}`);
          return hash.digest('hex').slice(0, 12);
        },
        secretUploads: () => [...this.secretUploads.values()],
      });
    }
    for (const scraper of scrapers) {
      new EksScraper(this, `scraper-${scraper.name}`, {
        options: scraper,
        provider,
        environment: env,
        workspaceArn: workspace.arn,
        tags,
        configuration: () => escapeTerraformTemplate(file(AWS_FILES.scraperConfig(scraper.name))),
      });
    }

    const output = (name: string, value: string, description: string, sensitive = false) =>
      new TerraformOutput(stack, `${env}_${name}`, { value, description, sensitive }).overrideLogicalId(name);
    output('amp_workspace_id', workspace.id, `AMP workspace of environment ${env}`);
    output('amp_remote_write_url', `${workspace.prometheusEndpoint}api/v1/remote_write`, 'remote_write endpoint (SigV4, aps:RemoteWrite)');
    output('amp_query_url', workspace.prometheusEndpoint, 'Prometheus-compatible query endpoint (SigV4, aps:QueryMetrics)');
    if (this.grafana) {
      output('grafana_url', this.grafana.url, `Amazon Managed Grafana of environment ${env}`);
      output('grafana_service_account_token', this.grafana.token.key, 'Token of the cdktf-monitoring service account, for the Grafana provider', true);
    }

    this.node.addValidation({
      validate: () =>
        validateAwsEnvironment({ env: monitoring.model, rendering: this.rendering, where, target: 'AwsManagedTarget', existingTopics, scrapers, quotas: props.quotas, hasAgents: agents.length > 0 }),
    });
    this.node.addValidation({
      validate: () => {
        if (monitoring.model.allDashboards.length > 0 && !monitoring.targets.some((t) => t.kind === 'GrafanaTarget')) {
          this.warn(
            `${where}: ${monitoring.model.allDashboards.length} dashboard(s) declared, but AwsManagedTarget provisions no dashboards; ` +
              'add a GrafanaTarget with url: aws.grafanaEndpoint and token: aws.grafanaToken to the MonitoringStack targets',
          );
        }
        try {
          for (const plan of this.rendering.plans().values()) {
            if (plan.dropped.length > 0) {
              this.warn(droppedFieldsWarning(where, plan.receiver, plan.dropped));
            }
          }
        } catch {
          // reported by the validation above
        }
        return [];
      },
    });
    writeFilesAfterMonitoringStack(monitoring, () => this.rendering.files());
  }

  /**
   * A warning `cdktf synth` prints. Written as metadata without a stack trace: Annotations would record one, with
   * absolute paths, in the manifest, and synth output must not depend on the checkout's location.
   */
  private warn(message: string): void {
    if (!this.node.metadata.some((m) => m.data === message)) this.node.addMetadata(AnnotationMetadataEntryType.WARN, message);
  }

  /** The Grafana URL. */
  public grafanaUrl(): string {
    if (!this.grafana) throw missing(describeConstruct('AwsManagedTarget', this.node.path), 'grafana', 'Grafana enabled (grafana: {}) to use grafanaEndpoint');
    return this.grafana.url;
  }

  /** The Grafana service account token (sensitive). */
  public grafanaToken(): string {
    if (!this.grafana) throw missing(describeConstruct('AwsManagedTarget', this.node.path), 'grafana', 'Grafana enabled (grafana: {}) to use grafanaToken');
    return this.grafana.token.key;
  }

  /** Uploads a scrape job's secret file to every agent host, from a sensitive Terraform variable. */
  public provideSecret(secret: Secret, component: Component, requestedBy: string): void {
    // Alertmanager secrets are not needed on AWS (receivers go through SNS); a managed scraper reads no files.
    if (component !== 'prometheus' || !this.hasAgents || secret.source !== 'variable') return;
    const variable = secretVariable(TerraformStack.of(this), secret.name, secretDescription(secret.name, requestedBy));
    this.secretUploads.set(secret.filePath, { file: secret.filePath, content: variable.stringValue });
  }
}
