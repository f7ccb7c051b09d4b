// source: terraform-provider-grafana docs/resources/data_source.md (v4.45.1)
import { dataSource } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

const full: dataSource.DataSourceConfig = {
  type: 'prometheus',
  name: 'Prometheus',
  uid: 'prom',
  url: 'http://prometheus:9090',
  accessMode: 'proxy',
  basicAuthEnabled: true,
  basicAuthUsername: 'admin',
  databaseName: 'metrics',
  isDefault: true,
  username: 'reader',
  jsonDataEncoded: JSON.stringify({ httpMethod: 'POST', timeInterval: '15s' }),
  secureJsonDataEncoded: JSON.stringify({ basicAuthPassword: 's3cret' }),
  httpHeaders: { 'X-Scope-OrgID': 'tenant-1', Authorization: 'Bearer abc' },
  privateDataSourceConnectNetworkId: 'pdc-1',
  orgId: '1',
};

describe('grafana_data_source', () => {
  test('emits every documented argument under its snake_case name', () => {
    const r = onlyResource(synthJson((stack) => new dataSource.DataSource(stack, 'ds', full)), 'grafana_data_source');
    // type, name (required); the rest optional
    expect(attributeNames(r)).toEqual(
      [
        'access_mode',
        'basic_auth_enabled',
        'basic_auth_username',
        'database_name',
        'http_headers',
        'is_default',
        'json_data_encoded',
        'name',
        'org_id',
        'private_data_source_connect_network_id',
        'secure_json_data_encoded',
        'type',
        'uid',
        'url',
        'username',
      ].sort(),
    );
    expect(r).toMatchObject({
      type: 'prometheus',
      name: 'Prometheus',
      uid: 'prom',
      url: 'http://prometheus:9090',
      access_mode: 'proxy',
      basic_auth_enabled: true,
      basic_auth_username: 'admin',
      database_name: 'metrics',
      is_default: true,
      username: 'reader',
      private_data_source_connect_network_id: 'pdc-1',
      org_id: '1',
    });
  });

  test('emits the sensitive arguments, JSON strings untouched', () => {
    const r = onlyResource(synthJson((stack) => new dataSource.DataSource(stack, 'ds', full)), 'grafana_data_source');
    expect(JSON.parse(r.json_data_encoded)).toEqual({ httpMethod: 'POST', timeInterval: '15s' });
    expect(JSON.parse(r.secure_json_data_encoded)).toEqual({ basicAuthPassword: 's3cret' });
  });

  test('http_headers keys are kept verbatim', () => {
    const r = onlyResource(synthJson((stack) => new dataSource.DataSource(stack, 'ds', full)), 'grafana_data_source');
    expect(r.http_headers).toEqual({ 'X-Scope-OrgID': 'tenant-1', Authorization: 'Bearer abc' });
  });

  test('matches with the cdktf jest matcher; uid is a reference', () => {
    const out = JSON.stringify(
      synthJson((stack) => {
        const ds = new dataSource.DataSource(stack, 'ds', { type: 'loki', name: 'Loki' });
        new dataSource.DataSource(stack, 'other', { type: 'tempo', name: 'Tempo', jsonDataEncoded: ds.uid });
      }),
    );
    expect(out).toHaveResourceWithProperties(dataSource.DataSource, { type: 'loki', name: 'Loki' });
    expect(out).toHaveResourceWithProperties(dataSource.DataSource, { json_data_encoded: '${grafana_data_source.ds.uid}' });
  });

  test('synthesizeHclAttributes returns the same attributes as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(new dataSource.DataSource(stack, 'ds', full));
    });
    expect(both!.hcl).toEqual(both!.json);
    expect(Object.keys(both!.hcl)).toHaveLength(15);
  });

  test('synthesizes to HCL', () => {
    const hcl = synthHcl((stack) => new dataSource.DataSource(stack, 'ds', full));
    expect(hcl).toContain('resource "grafana_data_source" "ds"');
    expect(hcl).toMatch(/"?X-Scope-OrgID"?\s*=\s*"tenant-1"/);
    expect(hcl).toMatch(/secure_json_data_encoded\s*=/);
  });
});
