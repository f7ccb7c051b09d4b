import { Fn, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { GrafanaWorkspace } from '@cdktf/provider-aws/lib/grafana-workspace';
import { GrafanaWorkspaceServiceAccount } from '@cdktf/provider-aws/lib/grafana-workspace-service-account';
import { GrafanaWorkspaceServiceAccountToken } from '@cdktf/provider-aws/lib/grafana-workspace-service-account-token';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Duration } from '../../model/duration';
import { TimeProvider, TimeRotating } from '../../providers/time';
import { invalid } from '../../model/errors';
import { checkGrafanaWorkspaceOptions } from '../aws-shared/grafana-workspace-options';

/** Options of the Amazon Managed Grafana workspace of an {@link AwsManagedTarget}. */
export interface ManagedGrafanaOptions {
  /**
   * How people sign in: `AWS_SSO` (IAM Identity Center, which must be enabled in the account) or `SAML`
   * (configure the IdP afterwards with `aws_grafana_workspace_saml_configuration`).
   * @default ["AWS_SSO"]
   */
  readonly authenticationProviders?: readonly ('AWS_SSO' | 'SAML')[];
  /** Grafana version of the workspace; service accounts need 9.4 or later. @default "10.4" */
  readonly grafanaVersion?: string;
  /** Role of the service account whose token the Grafana provider uses. @default "ADMIN" */
  readonly serviceAccountRole?: 'ADMIN' | 'EDITOR';
  /**
   * Lifetime of the service account token: 2 to 30 days (30 is the provider's limit, 2,592,000 s). The token is
   * replaced after two thirds of its lifetime (a `time_rotating` named in the token's name), so a plan run at least
   * once in the last third never meets an expired token.
   * @default Duration.days(30)
   */
  readonly tokenLifetime?: Duration;
}

/** Props of {@link ManagedGrafana}. */
export interface ManagedGrafanaProps extends ManagedGrafanaOptions {
  readonly provider: AwsProvider;
  readonly environment: string;
  readonly workspaceArn: string;
  readonly accountId: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Who configured it, for messages. */
  readonly where: string;
}

/** Grafana service account tokens live at most 30 days (provider validator: between 1 and 2592000 seconds). */
const MAX_TOKEN_SECONDS = 2_592_000;
const MIN_TOKEN_SECONDS = 2 * 86_400;

/**
 * Amazon Managed Grafana for an environment: the workspace with its own IAM role (assumable only by
 * grafana.amazonaws.com from this account), query access to the AMP workspace, and a service account with a
 * token for the Grafana Terraform provider (dashboards, folders and alerting go through `GrafanaTarget`).
 */
export class ManagedGrafana extends Construct {
  public readonly workspace: GrafanaWorkspace;
  public readonly role: IamRole;
  public readonly token: GrafanaWorkspaceServiceAccountToken;

  constructor(scope: Construct, id: string, props: ManagedGrafanaProps) {
    super(scope, id);
    const { provider, environment, where } = props;
    const { authenticationProviders: providers, grafanaVersion: version } = checkGrafanaWorkspaceOptions(props, where);
    const seconds = props.tokenLifetime?.toSeconds() ?? MAX_TOKEN_SECONDS;
    if (!Number.isInteger(seconds) || seconds < MIN_TOKEN_SECONDS || seconds > MAX_TOKEN_SECONDS) {
      throw invalid(
        where,
        'grafana.tokenLifetime',
        props.tokenLifetime?.toPrometheus(),
        'between 2d (it is rotated after two thirds of its lifetime, in whole days) and 30d (the longest a Grafana service account token may live)',
      );
    }

    const assume = new DataAwsIamPolicyDocument(this, 'assume-role', {
      provider,
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['grafana.amazonaws.com'] }],
          condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.accountId] }],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      provider,
      name: `${environment}-managed-grafana`,
      description: `Amazon Managed Grafana of environment ${environment}: reads the AMP workspace`,
      assumeRolePolicy: assume.json,
      tags: { ...props.tags },
    });
    const query = new DataAwsIamPolicyDocument(this, 'query-amp', {
      provider,
      statement: [
        {
          sid: 'QueryThisWorkspace',
          effect: 'Allow',
          actions: ['aps:QueryMetrics', 'aps:GetSeries', 'aps:GetLabels', 'aps:GetMetricMetadata'],
          resources: [props.workspaceArn],
        },
      ],
    });
    new IamRolePolicy(this, 'query-amp-policy', { provider, name: 'query-amp', role: this.role.id, policy: query.json });

    this.workspace = new GrafanaWorkspace(this, 'workspace', {
      provider,
      name: `${environment}-monitoring`,
      description: `Dashboards of environment ${environment} (managed by cdktf-monitoring)`,
      accountAccessType: 'CURRENT_ACCOUNT',
      authenticationProviders: providers,
      permissionType: 'CUSTOMER_MANAGED',
      roleArn: this.role.arn,
      dataSources: ['PROMETHEUS'],
      grafanaVersion: version,
      configuration: JSON.stringify({ plugins: { pluginAdminEnabled: false }, unifiedAlerting: { enabled: true } }),
      tags: { ...props.tags },
    });
    const account = new GrafanaWorkspaceServiceAccount(this, 'service-account', {
      provider,
      workspaceId: this.workspace.id,
      name: 'cdktf-monitoring',
      grafanaRole: props.serviceAccountRole ?? 'ADMIN',
    });
    // Rotation: a time_rotating whose id (its start time) is part of the token's name, which forces a new token.
    // `replace_triggered_by` would not do: time_rotating leaves the state when it expires, so Terraform plans a
    // create, not a replace (hashicorp/terraform-provider-time#118). After two thirds of the lifetime the next plan
    // replaces the token while the old one still works; see the README on the rotation run.
    const stack = TerraformStack.of(this);
    if (!stack.node.tryFindChild('time')) new TimeProvider(stack, 'time');
    const rotation = new TimeRotating(this, 'token-rotation', { rotationDays: Math.floor((seconds / 86_400) * (2 / 3)) });
    this.token = new GrafanaWorkspaceServiceAccountToken(this, 'token', {
      provider,
      workspaceId: this.workspace.id,
      serviceAccountId: account.serviceAccountId,
      name: `cdktf-monitoring-${Fn.formatdate('YYYYMMDDhhmm', rotation.id)}`,
      secondsToLive: seconds,
    });
  }

  /** `https://<workspace endpoint>`. */
  public get url(): string {
    return `https://${this.workspace.endpoint}`;
  }
}
