import { ITerraformDependable, Lazy, TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { PrometheusQueryLoggingConfiguration } from '@cdktf/provider-aws/lib/prometheus-query-logging-configuration';
import { PrometheusAlertManagerDefinition } from '@cdktf/provider-aws/lib/prometheus-alert-manager-definition';
import { PrometheusRuleGroupNamespace } from '@cdktf/provider-aws/lib/prometheus-rule-group-namespace';
import { PrometheusWorkspace } from '@cdktf/provider-aws/lib/prometheus-workspace';
import { PrometheusWorkspaceConfiguration } from '@cdktf/provider-aws/lib/prometheus-workspace-configuration';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';

/** Props of {@link AmpWorkspace}. */
export interface AmpWorkspaceProps {
  readonly provider: AwsProvider;
  readonly environment: string;
  readonly alias: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Customer managed KMS key of the workspace. @default - AWS owned key */
  readonly kmsKeyArn?: string;
  readonly logRetentionDays: number;
  /** Days AMP keeps samples. */
  readonly retentionDays: number;
  /**
   * Log queries that process more than this many samples (AMP's query samples processed, QSP) to the log group;
   * `false` logs no queries.
   */
  readonly queryLogThreshold: number | false;
  /** Rule groups namespaces, name → rule file, already escaped for Terraform (read at synth). */
  readonly ruleNamespaces: () => Readonly<Record<string, string>>;
}

/**
 * The AMP workspace of an environment: the workspace (alias, tags, optional KMS key), its retention, a CloudWatch
 * log group for rule evaluation, Alertmanager and query logs, and one rule groups namespace per rule group. The alert
 * manager definition is added once its SNS topics exist ({@link addAlertManagerDefinition}).
 */
export class AmpWorkspace extends Construct {
  public readonly workspace: PrometheusWorkspace;
  public readonly logGroup: CloudwatchLogGroup;
  public readonly ruleNamespaces: PrometheusRuleGroupNamespace;
  private readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, props: AmpWorkspaceProps) {
    super(scope, id);
    const { provider } = props;
    // The /aws/vendedlogs/ prefix keeps the log group under CloudWatch's resource policy for vended logs.
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      provider,
      name: `/aws/vendedlogs/prometheus/${props.environment}`,
      retentionInDays: props.logRetentionDays,
      tags: { ...props.tags },
    });
    this.workspace = new PrometheusWorkspace(this, 'workspace', {
      provider,
      alias: props.alias,
      kmsKeyArn: props.kmsKeyArn,
      // Rule evaluation failures and Alertmanager delivery errors (an SNS publish AMP was refused) land here.
      loggingConfiguration: { logGroupArn: `${this.logGroup.arn}:*` },
      tags: { ...props.tags, Name: props.alias },
    });
    if (props.queryLogThreshold !== false) {
      // Expensive queries (dashboards scanning too much, runaway rules) land in the same log group.
      new PrometheusQueryLoggingConfiguration(this, 'query-logging', {
        provider,
        workspaceId: this.workspace.id,
        destination: [
          { cloudwatchLogs: [{ logGroupArn: `${this.logGroup.arn}:*` }], filters: [{ qspThreshold: props.queryLogThreshold }] },
        ],
      });
    }
    new PrometheusWorkspaceConfiguration(this, 'configuration', {
      provider,
      workspaceId: this.workspace.id,
      retentionPeriodInDays: props.retentionDays,
    });

    const namespaces = TerraformIterator.fromMap(
      Token.asAnyMap(
        Lazy.anyValue({
          produce: () => Object.fromEntries(Object.entries(props.ruleNamespaces()).map(([name, data]) => [name, { data }])),
        }),
      ),
    );
    this.ruleNamespaces = new PrometheusRuleGroupNamespace(this, 'rules', {
      provider,
      forEach: namespaces,
      workspaceId: this.workspace.id,
      name: namespaces.key,
      data: namespaces.getString('data'),
      tags: { ...props.tags },
    });
    this.provider = provider;
  }

  /** Adds the alert manager definition (Terraform-ready text read at synth), created after `dependsOn`. */
  public addAlertManagerDefinition(definition: () => string, dependsOn: readonly ITerraformDependable[]): PrometheusAlertManagerDefinition {
    return new PrometheusAlertManagerDefinition(this, 'alertmanager', {
      provider: this.provider,
      workspaceId: this.workspace.id,
      definition: Lazy.stringValue({ produce: definition }),
      dependsOn: [...dependsOn],
    });
  }
}
