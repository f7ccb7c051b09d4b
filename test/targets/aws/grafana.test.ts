import { TerraformOutput, Testing } from 'cdktf';
import { GrafanaWorkspace } from '@cdktf/provider-aws/lib/grafana-workspace';
import { GrafanaWorkspaceServiceAccount } from '@cdktf/provider-aws/lib/grafana-workspace-service-account';
import { GrafanaWorkspaceServiceAccountToken } from '@cdktf/provider-aws/lib/grafana-workspace-service-account-token';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Duration } from '../../../lib';
import { awsEnvironment } from './helpers';

describe('AwsManagedTarget: Amazon Managed Grafana', () => {
  const { stack, aws } = awsEnvironment({ grafana: { authenticationProviders: ['SAML'], tokenLifetime: Duration.days(7) } });
  // What a GrafanaTarget given aws.grafanaEndpoint / aws.grafanaToken would receive:
  new TerraformOutput(stack, 'handed-endpoint', { value: aws.grafanaEndpoint });
  new TerraformOutput(stack, 'handed-token', { value: aws.grafanaToken, sensitive: true });
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);
  const policyDocuments = json.data.aws_iam_policy_document as Record<string, any>;

  test('a workspace with its own role, the Prometheus data source and the chosen sign-in', () => {
    expect(synthesized).toHaveResourceWithProperties(GrafanaWorkspace, {
      name: 'prod-monitoring',
      account_access_type: 'CURRENT_ACCOUNT',
      permission_type: 'CUSTOMER_MANAGED',
      authentication_providers: ['SAML'],
      data_sources: ['PROMETHEUS'],
      role_arn: expect.stringMatching(/^\$\{aws_iam_role\.\S+\.arn\}$/),
    });
  });

  test('the role can be assumed only by grafana.amazonaws.com from this account, and may only query the workspace', () => {
    expect(synthesized).toHaveResourceWithProperties(IamRole, { name: 'prod-managed-grafana' });
    const assume = Object.entries(policyDocuments).find(([id]) => id.includes('assume-role'))![1];
    expect(assume.statement[0]).toMatchObject({
      actions: ['sts:AssumeRole'],
      principals: [{ type: 'Service', identifiers: ['grafana.amazonaws.com'] }],
      condition: [{ test: 'StringEquals', variable: 'aws:SourceAccount' }],
    });
    const query = Object.entries(policyDocuments).find(([id]) => id.includes('query-amp'))![1];
    expect(query.statement[0]).toMatchObject({
      actions: ['aps:QueryMetrics', 'aps:GetSeries', 'aps:GetLabels', 'aps:GetMetricMetadata'],
      resources: [expect.stringMatching(/^\$\{aws_prometheus_workspace\.\S+\.arn\}$/)],
    });
  });

  test('a service account token for the Grafana provider, exposed for a GrafanaTarget and as a sensitive output', () => {
    expect(synthesized).toHaveResourceWithProperties(GrafanaWorkspaceServiceAccount, { grafana_role: 'ADMIN' });
    expect(synthesized).toHaveResourceWithProperties(GrafanaWorkspaceServiceAccountToken, { seconds_to_live: 604800 });
    const token = Object.keys(json.resource.aws_grafana_workspace_service_account_token)[0];
    const workspace = Object.keys(json.resource.aws_grafana_workspace)[0];
    expect(json.output.grafana_url.value).toBe(`https://\${aws_grafana_workspace.${workspace}.endpoint}`);
    expect(json.output.grafana_service_account_token).toEqual(expect.objectContaining({ sensitive: true, value: `\${aws_grafana_workspace_service_account_token.${token}.key}` }));
    expect(json.output['handed-token'].value).toBe(`\${aws_grafana_workspace_service_account_token.${token}.key}`);
    expect(json.output['handed-endpoint'].value).toBe(`https://\${aws_grafana_workspace.${workspace}.endpoint}`);
  });

  test('the token is rotated after two thirds of its lifetime: a time_rotating in its name forces a new token', () => {
    const [rotationId, rotation] = Object.entries(json.resource.time_rotating as Record<string, any>)[0];
    expect(rotation).toEqual({ rotation_days: 4 }); // 7 days × 2/3, in whole days
    const token = Object.values(json.resource.aws_grafana_workspace_service_account_token as Record<string, any>)[0];
    expect(token.name).toBe(`cdktf-monitoring-\${formatdate("YYYYMMDDhhmm", time_rotating.${rotationId}.id)}`);
    expect(json.terraform.required_providers.time).toEqual({ source: 'hashicorp/time', version: '~> 0.13' });
    expect(() => awsEnvironment({ grafana: { tokenLifetime: Duration.hours(12) } })).toThrow(
      'AwsManagedTarget test/monitoring/aws, grafana.tokenLifetime: got "12h", expected between 2d (it is rotated after two thirds of its lifetime, in whole days) and 30d',
    );
  });

  test('grafana: false creates no Grafana, and asking for its endpoint then says so', () => {
    const env = awsEnvironment({ grafana: false });
    const out = JSON.parse(Testing.synth(env.stack, true));
    expect(out.resource.aws_grafana_workspace).toBeUndefined();
    new TerraformOutput(env.stack, 'handed-endpoint', { value: env.aws.grafanaEndpoint });
    expect(() => Testing.synth(env.stack)).toThrow('AwsManagedTarget test/monitoring/aws, grafana: is required: expected Grafana enabled');
  });
});
