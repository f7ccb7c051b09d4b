import { Aws } from 'aws-cdk-lib';
import { CfnWorkspace } from 'aws-cdk-lib/aws-grafana';
import { CfnRole, CfnRolePolicy } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { checkGrafanaWorkspaceOptions } from '../aws-shared/grafana-workspace-options';
import { cfnTags } from './cfn-tags';

/** Options of the Amazon Managed Grafana workspace of an {@link AwsCdkTarget}. */
export interface AwsCdkGrafanaOptions {
  /**
   * How people sign in: `AWS_SSO` (IAM Identity Center, which must be enabled in the account) or `SAML`
   * (configure the IdP afterwards, e.g. with the workspace's `samlConfiguration`).
   * @default ["AWS_SSO"]
   */
  readonly authenticationProviders?: readonly ('AWS_SSO' | 'SAML')[];
  /** Grafana version of the workspace (9.4 or later). @default "10.4" */
  readonly grafanaVersion?: string;
}

/** Props of {@link CdkManagedGrafana}. */
export interface CdkManagedGrafanaProps extends AwsCdkGrafanaOptions {
  readonly environment: string;
  readonly workspaceArn: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Who configured it, for messages. */
  readonly where: string;
}

/**
 * Amazon Managed Grafana for an environment on AWS CDK: the workspace with its own IAM role (assumable only by
 * grafana.amazonaws.com from this account) and query access to the AMP workspace, as the cdktf AWS target creates
 * them. CloudFormation has no resource for workspace service accounts, their tokens or dashboards (see docs/aws-cdk.md).
 */
export class CdkManagedGrafana extends Construct {
  public readonly workspace: CfnWorkspace;
  public readonly role: CfnRole;
  /** The workspace's name, `<environment>-monitoring`. */
  public readonly name: string;

  constructor(scope: Construct, id: string, props: CdkManagedGrafanaProps) {
    super(scope, id);
    const { environment } = props;
    this.name = `${environment}-monitoring`;
    const { authenticationProviders, grafanaVersion } = checkGrafanaWorkspaceOptions(props, props.where);
    this.role = new CfnRole(this, 'role', {
      roleName: `${environment}-managed-grafana`,
      description: `Amazon Managed Grafana of environment ${environment}: reads the AMP workspace`,
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Principal: { Service: 'grafana.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
          },
        ],
      },
      tags: cfnTags(props.tags),
    });
    new CfnRolePolicy(this, 'query-amp-policy', {
      policyName: 'query-amp',
      roleName: this.role.ref,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'QueryThisWorkspace',
            Effect: 'Allow',
            Action: ['aps:QueryMetrics', 'aps:GetSeries', 'aps:GetLabels', 'aps:GetMetricMetadata'],
            Resource: props.workspaceArn,
          },
        ],
      },
    });
    this.workspace = new CfnWorkspace(this, 'workspace', {
      name: this.name,
      description: `Dashboards of environment ${environment} (managed by cdktf-monitoring)`,
      accountAccessType: 'CURRENT_ACCOUNT',
      authenticationProviders,
      permissionType: 'CUSTOMER_MANAGED',
      roleArn: this.role.attrArn,
      dataSources: ['PROMETHEUS'],
      grafanaVersion,
      // The cdktf target's `configuration` JSON turns the plugin admin off; AWS::Grafana::Workspace has it as a property.
      pluginAdminEnabled: false,
      tags: cfnTags(props.tags),
    });
  }

  /** `https://<workspace endpoint>`. */
  public get url(): string {
    return `https://${this.workspace.attrEndpoint}`;
  }
}
