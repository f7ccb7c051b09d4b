import { AspectPriority, Aspects, Aws, CfnOutput, CfnRule, Fn, Lazy, Stack, Token } from 'aws-cdk-lib';
import { CfnRuleGroupsNamespace, CfnScraper, CfnWorkspace } from 'aws-cdk-lib/aws-aps';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct, IConstruct } from 'constructs';
import type { MonitoringStack } from '../../constructs/monitoring-stack';
import { AWS_CDK_ENGINE } from '../../engines/aws-cdk';
import { describeConstruct, MonitoringConfigError, showValue } from '../../model/errors';
import { RenderedFiles } from '../../render/environment-files';
import { dashboardFileName, renderDashboardJson } from '../../render/grafana-provisioning';
import { AWS_FILES, AwsRendering, renderedTopicArnPrefix } from '../aws-shared/aws-rendering';
import { validateAwsEnvironment } from '../aws-shared/aws-validation';
import { checkEksScraper } from '../aws-shared/eks-scraper-options';
import { droppedFieldsWarning } from '../aws-shared/messages';
import { checkWorkspaceSettings } from '../aws-shared/workspace-settings';
import type { AwsCdkTargetProps } from './aws-cdk-target-props';
import { CdkManagedGrafana } from './cdk-managed-grafana';
import { CdkSnsDelivery } from './cdk-sns-delivery';
import { cfnTags } from './cfn-tags';
import { writeFiles } from './write-files';

/** Where the AWS CDK target writes dashboard JSON among its rendered files (for the Grafana HTTP API). */
export const AWS_CDK_DASHBOARD_DIR = 'aws/grafana/dashboards';

const isUnresolved = (value: unknown) => AWS_CDK_ENGINE.isUnresolved(value);

/** The region the resources go to: the stack's, or the prop (which must agree with a stack that has one). */
function resolveRegion(stack: Stack, given: string | undefined, where: string): string {
  const stackRegion = Token.isUnresolved(stack.region) ? undefined : stack.region;
  if (given === undefined) {
    if (stackRegion !== undefined) return stackRegion;
    throw new MonitoringConfigError(
      where,
      'region',
      `is required: stack ${stack.node.path} is environment-agnostic (no env.region), and the rendered Alertmanager configuration ` +
        'needs the region as its SigV4 region; expected the region the stack deploys to, e.g. region: "eu-west-1", or env: { region } on the Stack',
    );
  }
  if (stackRegion !== undefined && stackRegion !== given) {
    throw new MonitoringConfigError(where, 'region', `got ${showValue(given)}, expected the region of stack ${stack.node.path} (${showValue(stackRegion)}), where its resources are created`);
  }
  return given;
}

/**
 * The resources of an {@link AwsCdkTarget} inside its MonitoringStack, as aws-cdk-lib L1 constructs: the CloudWatch
 * log group, the AMP workspace (alias, KMS key, logging, query logging, retention and the alert manager definition),
 * one rule groups namespace per rule group, the SNS topics of the receivers, AMP managed scrapers for EKS and Amazon
 * Managed Grafana with its role.
 *
 * CloudFormation has no `for_each`: the resources that follow what the environment declares (rule groups namespaces,
 * SNS topics and subscriptions) are created at synth, by an Aspect that runs once every construct is declared, so
 * AlertGroups and AlertRouting declared after the target still land. Text is produced with `Lazy.string`.
 */
export class AwsCdkEnvironment extends Construct {
  public readonly rendering: AwsRendering;
  public readonly logGroup: CfnLogGroup;
  public readonly workspace: CfnWorkspace;
  public readonly sns: CdkSnsDelivery;
  public readonly ruleNamespaces = new Map<string, CfnRuleGroupsNamespace>();
  public readonly scrapers: CfnScraper[] = [];
  public readonly grafana?: CdkManagedGrafana;
  /** The workspace alias. */
  public readonly alias: string;
  /** The aliases of the EKS scrapers. */
  public readonly scraperAliases: readonly string[];
  /** The log group's name. */
  public readonly logGroupName: string;
  private readonly monitoring: MonitoringStack;
  private readonly tags: Readonly<Record<string, string>>;
  private created = false;

  constructor(monitoring: MonitoringStack, id: string, props: AwsCdkTargetProps) {
    super(monitoring, id);
    this.monitoring = monitoring;
    const where = describeConstruct('AwsCdkTarget', this.node.path);
    const env = monitoring.environmentName;
    const stack = AWS_CDK_ENGINE.stackOf(this) as Stack | undefined;
    if (!stack) {
      throw new MonitoringConfigError(
        where,
        'scope',
        `is not inside an aws-cdk-lib Stack; expected the MonitoringStack inside a Stack of an AWS CDK app (new Stack(app, "prod")). ` +
          'In a CDK for Terraform app, use AwsManagedTarget from cdktf-monitoring/aws',
      );
    }
    const region = resolveRegion(stack, props.region, where);
    if (Token.isUnresolved(stack.region)) {
      // An environment-agnostic stack: the topic ARNs and SigV4 region in the alert manager definition name `region`,
      // so deploying elsewhere must fail in CloudFormation instead of alerting into topics that do not exist.
      new CfnRule(this, 'deploy-region', {
        assertions: [
          {
            assert: Fn.conditionEquals(Aws.REGION, region),
            assertDescription: `${where} renders its alert manager definition for region ${region}; deploy this stack to ${region}`,
          },
        ],
      });
    }
    const { alias, tags, logRetentionDays, retentionDays, existingTopics, queryLogThreshold } = checkWorkspaceSettings(props, {
      environment: env,
      retention: monitoring.model.prometheus.retentionTime,
      monitoringPath: monitoring.node.path,
      where,
      isUnresolved,
    });
    this.tags = tags;
    this.alias = alias;
    this.logGroupName = `/aws/vendedlogs/prometheus/${env}`;
    const scrapers = props.eksScrapers ?? [];
    scrapers.forEach((s, i) => checkEksScraper(s, env, where, `eksScrapers[${i}]`, isUnresolved));

    this.rendering = new AwsRendering(monitoring.model, {
      region,
      existingTopics,
      where,
      target: 'AwsCdkTarget',
      agents: [],
      scrapers: scrapers.map((s) => ({ name: s.name, jobs: s.jobs })),
    });
    this.scraperAliases = scrapers.map((s) => `${env}-${s.name}`);
    const file = (path: string) => this.rendering.filesIfValid()[path] ?? '';

    // The /aws/vendedlogs/ prefix keeps the log group under CloudWatch's resource policy for vended logs.
    this.logGroup = new CfnLogGroup(this, 'logs', {
      logGroupName: this.logGroupName,
      retentionInDays: logRetentionDays,
      tags: cfnTags(tags),
    });
    // Fn::GetAtt Arn of AWS::Logs::LogGroup already ends in ":*" (aws-cdk-lib 2.278.0, CfnLogGroup.attrArn: "such as
    // arn:aws:logs:us-west-1:123456789012:log-group:/mystack-testgroup-12ABC1AB12A1:*"); the cdktf target appends it.
    const logGroupArn = this.logGroup.attrArn;
    const topicArnPrefix = `arn:${Aws.PARTITION}:sns:${region}:${Aws.ACCOUNT_ID}:`;
    this.workspace = new CfnWorkspace(this, 'workspace', {
      alias,
      kmsKeyArn: props.kmsKeyArn,
      // Rule evaluation failures and Alertmanager delivery errors (an SNS publish AMP was refused) land here.
      loggingConfiguration: { logGroupArn },
      queryLoggingConfiguration:
        queryLogThreshold === false ? undefined : { destinations: [{ cloudWatchLogs: { logGroupArn }, filters: { qspThreshold: queryLogThreshold } }] },
      workspaceConfiguration: { retentionPeriodInDays: retentionDays },
      alertManagerDefinition: Lazy.string({
        produce: () => file(AWS_FILES.alertManagerDefinition).split(renderedTopicArnPrefix(region)).join(topicArnPrefix),
      }),
      tags: cfnTags({ ...tags, Name: alias }),
    });
    this.sns = new CdkSnsDelivery(this, 'sns', { workspaceArn: this.workspace.attrArn, accountId: Aws.ACCOUNT_ID, tags, kmsKeyId: props.topicKmsKeyId });

    for (const scraper of scrapers) {
      this.scrapers.push(
        new CfnScraper(this, `scraper-${scraper.name}`, {
          alias: this.scraperAliases[this.scrapers.length],
          source: {
            eksConfiguration: {
              clusterArn: scraper.clusterArn,
              subnetIds: [...scraper.subnetIds],
              securityGroupIds: scraper.securityGroupIds ? [...scraper.securityGroupIds] : undefined,
            },
          },
          destination: { ampConfiguration: { workspaceArn: this.workspace.attrArn } },
          // AWS::APS::Scraper ScrapeConfiguration.ConfigurationBlob is "the base 64 encoded scrape configuration file"
          // (aws-cdk-lib 2.278.0 CfnScraper.ScrapeConfigurationProperty); the Terraform provider encodes it itself.
          scrapeConfiguration: {
            configurationBlob: Lazy.string({ produce: () => Buffer.from(file(AWS_FILES.scraperConfig(scraper.name)), 'utf8').toString('base64') }),
          },
          tags: cfnTags(tags),
        }),
      );
    }

    if (props.grafana !== false) {
      this.grafana = new CdkManagedGrafana(this, 'grafana', { ...(props.grafana ?? {}), environment: env, workspaceArn: this.workspace.attrArn, tags, where });
    }

    new CfnOutput(this, 'amp-workspace-id', { value: this.workspace.attrWorkspaceId, description: `AMP workspace of environment ${env}` });
    new CfnOutput(this, 'amp-remote-write-url', {
      value: `${this.workspace.attrPrometheusEndpoint}api/v1/remote_write`,
      description: 'remote_write endpoint (SigV4, aps:RemoteWrite)',
    });
    new CfnOutput(this, 'amp-query-url', { value: this.workspace.attrPrometheusEndpoint, description: 'Prometheus-compatible query endpoint (SigV4, aps:QueryMetrics)' });
    if (this.grafana) new CfnOutput(this, 'grafana-url', { value: this.grafana.url, description: `Amazon Managed Grafana of environment ${env}` });

    Aspects.of(this).add({ visit: (node: IConstruct) => node === this && this.createDeclaredResources() }, { priority: AspectPriority.MUTATING });

    this.node.addValidation({
      validate: () =>
        validateAwsEnvironment({ env: monitoring.model, rendering: this.rendering, where, target: 'AwsCdkTarget', existingTopics, scrapers, quotas: props.quotas }),
    });
    this.node.addValidation({
      validate: () => {
        const dashboards = monitoring.model.allDashboards.length;
        if (dashboards > 0) {
          AWS_CDK_ENGINE.addWarning(
            this,
            `${where}: ${dashboards} dashboard(s) declared, but CloudFormation has no resource for Grafana dashboards, so AwsCdkTarget ` +
              `provisions none; their JSON is written to cdk.out/${stack.artifactId}.rendered/${monitoring.node.id}/${AWS_CDK_DASHBOARD_DIR}/ ` +
              'for the Grafana HTTP API (POST /api/dashboards/db), or deploy them with a cdktf stack that has a GrafanaTarget (see docs/aws-cdk.md)',
          );
        }
        for (const plan of this.rendering.plansIfValid().values()) {
          if (plan.dropped.length > 0) AWS_CDK_ENGINE.addWarning(this, droppedFieldsWarning(where, plan.receiver, plan.dropped));
        }
        return [];
      },
    });
    AWS_CDK_ENGINE.onSynthesize(monitoring, (dir) => writeFiles(dir, this.files()));
  }

  /** The target's rendered files: the AWS files both AWS targets render, and the dashboards as Grafana JSON. */
  public files(): RenderedFiles {
    const files: Record<string, string> = { ...this.rendering.files() };
    for (const dashboard of this.monitoring.model.allDashboards) files[`${AWS_CDK_DASHBOARD_DIR}/${dashboardFileName(dashboard)}`] = renderDashboardJson(dashboard);
    return files;
  }

  /** The names of the environment's rule groups: one rule groups namespace each. */
  public ruleGroupNames(): string[] {
    return this.monitoring.model.ruleGroups.map((g) => g.name);
  }

  /**
   * Creates the resources whose number follows what the environment declares, once, at synth. With a configuration
   * error nothing is created: the validation that runs next reports every problem.
   */
  private createDeclaredResources(): void {
    if (this.created) return;
    this.created = true;
    const files = this.rendering.filesIfValid();
    for (const group of this.monitoring.model.ruleGroups) {
      const data = files[AWS_FILES.ruleNamespace(group.name)];
      if (data === undefined) continue;
      this.ruleNamespaces.set(
        group.name,
        new CfnRuleGroupsNamespace(this, `rules-${group.name}`, { workspace: this.workspace.attrArn, name: group.name, data, tags: cfnTags(this.tags) }),
      );
    }
    this.sns.addReceivers(this.rendering.plansIfValid().values());
    // The alert manager definition names the topics: create it after them (their policies name the workspace, so
    // they follow it; AMP publishes once the policy exists).
    for (const topic of this.sns.topics.values()) this.workspace.node.addDependency(topic);
  }
}
