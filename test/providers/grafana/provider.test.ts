// source: terraform-provider-grafana docs/index.md (v4.45.1), section "Schema"
import { TerraformProvider, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { folder, provider } from '../../../lib/providers/grafana';
import { attributeNames, synthHcl, synthJson, synthesizedBoth } from './helpers';

const everything: provider.GrafanaProviderConfig = {
  url: 'https://grafana.example.com',
  auth: 'glsa_token',
  orgId: 1,
  stackId: 42,
  httpHeaders: { 'X-Scope-OrgID': '1' },
  retries: 5,
  retryStatusCodes: ['429', '5xx'],
  retryWait: 3,
  insecureSkipVerify: true,
  caCert: '/etc/ssl/ca.pem',
  tlsCert: '/etc/ssl/client.pem',
  tlsKey: '/etc/ssl/client.key',
  storeDashboardSha256: true,
  cloudAccessPolicyToken: 'glc_token',
  cloudApiUrl: 'https://grafana.com',
  smAccessToken: 'sm_token',
  smUrl: 'https://synthetic-monitoring-api.grafana.net',
  oncallAccessToken: 'oncall_token',
  oncallUrl: 'https://oncall.example.com',
  cloudProviderAccessToken: 'cp_token',
  cloudProviderUrl: 'https://cloud-provider.example.com',
  connectionsApiAccessToken: 'conn_token',
  connectionsApiUrl: 'https://connections.example.com',
  fleetManagementAuth: 'instance:token',
  fleetManagementUrl: 'https://fleet.example.com',
  frontendO11YApiAccessToken: 'fo_token',
  frontendO11YApiUrl: 'https://faro.example.com',
  k6AccessToken: 'k6_token',
  k6Url: 'https://api.k6.io',
  alias: 'main',
};

function onlyProvider(json: any): any {
  expect(json.provider.grafana).toHaveLength(1);
  return json.provider.grafana[0];
}

describe('provider grafana', () => {
  test('emits every documented argument under its snake_case name', () => {
    const p = onlyProvider(synthJson((stack) => new provider.GrafanaProvider(stack, 'grafana', everything)));
    expect(attributeNames(p)).toEqual(
      [
        'alias',
        'auth',
        'ca_cert',
        'cloud_access_policy_token',
        'cloud_api_url',
        'cloud_provider_access_token',
        'cloud_provider_url',
        'connections_api_access_token',
        'connections_api_url',
        'fleet_management_auth',
        'fleet_management_url',
        'frontend_o11y_api_access_token',
        'frontend_o11y_api_url',
        'http_headers',
        'insecure_skip_verify',
        'k6_access_token',
        'k6_url',
        'oncall_access_token',
        'oncall_url',
        'org_id',
        'retries',
        'retry_status_codes',
        'retry_wait',
        'sm_access_token',
        'sm_url',
        'stack_id',
        'store_dashboard_sha256',
        'tls_cert',
        'tls_key',
        'url',
      ].sort(),
    );
    expect(p).toMatchObject({
      url: 'https://grafana.example.com',
      org_id: 1,
      stack_id: 42,
      retries: 5,
      retry_status_codes: ['429', '5xx'],
      retry_wait: 3,
      insecure_skip_verify: true,
      ca_cert: '/etc/ssl/ca.pem',
      tls_cert: '/etc/ssl/client.pem',
      tls_key: '/etc/ssl/client.key',
      store_dashboard_sha256: true,
      frontend_o11y_api_url: 'https://faro.example.com',
      k6_url: 'https://api.k6.io',
    });
  });

  test('emits the sensitive arguments', () => {
    const p = onlyProvider(synthJson((stack) => new provider.GrafanaProvider(stack, 'grafana', everything)));
    expect(p).toMatchObject({
      auth: 'glsa_token',
      http_headers: { 'X-Scope-OrgID': '1' },
      cloud_access_policy_token: 'glc_token',
      sm_access_token: 'sm_token',
      oncall_access_token: 'oncall_token',
      cloud_provider_access_token: 'cp_token',
      connections_api_access_token: 'conn_token',
      fleet_management_auth: 'instance:token',
      frontend_o11y_api_access_token: 'fo_token',
      k6_access_token: 'k6_token',
    });
  });

  test('declares grafana/grafana ~> 4.45 in required_providers', () => {
    const json = synthJson((stack) => new provider.GrafanaProvider(stack, 'grafana', { url: 'http://grafana:3000' }));
    expect(json.terraform.required_providers.grafana).toEqual({ source: 'grafana/grafana', version: '~> 4.45' });
    expect(JSON.stringify(json)).toHaveProviderWithProperties(provider.GrafanaProvider, { url: 'http://grafana:3000' });
  });

  test('an empty config synthesizes an empty provider block', () => {
    const p = onlyProvider(synthJson((stack) => new provider.GrafanaProvider(stack, 'grafana')));
    expect(p).toEqual({});
  });

  test('http_headers keys are kept verbatim in JSON (terraform-cdk#2681)', () => {
    const headers = { 'X-Scope-OrgID': '1', 'X-Disable-Provenance': 'disabled', already_snake: 'x', camelCase: 'y' };
    const p = onlyProvider(synthJson((stack) => new provider.GrafanaProvider(stack, 'grafana', { httpHeaders: headers })));
    expect(p.http_headers).toEqual(headers);
    expect(Object.keys(p.http_headers).sort()).toEqual(Object.keys(headers).sort());
    expect(p.http_headers).not.toHaveProperty('x_scope_org_id');
  });

  test('http_headers keys are kept verbatim in HCL', () => {
    const hcl = synthHcl((stack) => new provider.GrafanaProvider(stack, 'grafana', { httpHeaders: { 'X-Scope-OrgID': '1' } }));
    // a valid HCL identifier (dashes allowed), so the renderer leaves it unquoted
    expect(hcl).toMatch(/\n"?X-Scope-OrgID"?\s*=\s*"1"/);
    expect(hcl).not.toContain('x_scope_org_id');
  });

  test('http_headers may hold tokens, and may be a token as a whole', () => {
    const json = synthJson((stack) => {
      const tenant = new TerraformVariable(stack, 'tenant', { type: 'string' });
      new provider.GrafanaProvider(stack, 'grafana', { httpHeaders: { 'X-Scope-OrgID': tenant.stringValue } });
      const all = new TerraformVariable(stack, 'headers', { type: 'map(string)' });
      new provider.GrafanaProvider(stack, 'other', { alias: 'other', httpHeaders: all.value });
      new provider.GrafanaProvider(stack, 'third', { alias: 'third', httpHeaders: Token.asStringMap(all.value) });
    });
    expect(json.provider.grafana[0].http_headers).toEqual({ 'X-Scope-OrgID': '${var.tenant}' });
    expect(json.provider.grafana[1].http_headers).toBe('${var.headers}');
    expect(json.provider.grafana[2].http_headers).toBe('${var.headers}');
  });

  test('without the escape, cdktf would snake-case the header names (why verbatimKeys exists)', () => {
    class RawMapProvider extends TerraformProvider {
      public constructor(scope: Construct) {
        super(scope, 'raw', { terraformResourceType: 'rawmap' });
      }
      protected synthesizeAttributes(): { [name: string]: any } {
        return { http_headers: { 'X-Scope-OrgID': '1' }, tags: { KeepMe: 'yes' } };
      }
    }
    const p = synthJson((stack) => new RawMapProvider(stack)).provider.rawmap[0];
    expect(p.http_headers).toEqual({ x_scope_org_id: '1' });
    // the only keys cdktf's keysToSnakeCase spares are `tags` and `environment`
    expect(p.tags).toEqual({ KeepMe: 'yes' });
  });

  test('alias is emitted and resources can use the aliased provider', () => {
    const json = synthJson((stack) => {
      new provider.GrafanaProvider(stack, 'default', { url: 'http://a' });
      const second = new provider.GrafanaProvider(stack, 'second', { url: 'http://b', alias: 'second' });
      new folder.Folder(stack, 'f', { title: 'T', provider: second });
    });
    expect(json.provider.grafana).toEqual([{ url: 'http://a' }, { url: 'http://b', alias: 'second' }]);
    expect((Object.values(json.resource.grafana_folder)[0] as any).provider).toBe('grafana.second');
  });

  test('synthesizeHclAttributes returns the same attribute names as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      const withoutHeaders = { ...everything, httpHeaders: undefined };
      both = synthesizedBoth(new provider.GrafanaProvider(stack, 'grafana', withoutHeaders));
    });
    expect(both!.hcl).toEqual(both!.json);
    let names: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      names = synthesizedBoth(new provider.GrafanaProvider(stack, 'grafana', everything));
    });
    expect(Object.keys(names!.hcl).sort()).toEqual(Object.keys(names!.json).sort());
    expect(Object.keys(names!.hcl)).toContain('http_headers');
  });

  test('synthesizes to HCL', () => {
    const hcl = synthHcl((stack) => new provider.GrafanaProvider(stack, 'grafana', everything));
    expect(hcl).toContain('provider "grafana"');
    expect(hcl).toMatch(/source\s*=\s*"grafana\/grafana"/);
    expect(hcl).toMatch(/version\s*=\s*"~> 4.45"/);
    expect(hcl).toMatch(/frontend_o11y_api_access_token\s*=\s*"fo_token"/);
    expect(hcl).toMatch(/retry_status_codes\s*=\s*\[/);
  });
});
