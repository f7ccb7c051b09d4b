import { Fn } from 'cdktf';
import { DataSourceModel } from '../../model/dashboard';
import type { DataSourceConfig } from '../../providers/grafana/data-source';
import { escapeTerraformTemplate } from '../terraform-escape';
import { stableJson } from './json';
import { SecretVariables } from './secrets';

/** The field of the declaring construct's props a secure setting came from, for messages. */
const SECURE_FIELDS: Readonly<Record<string, string>> = { basicAuthPassword: 'basicAuth.password' };

/**
 * The `grafana_data_source` arguments (without provider) of a data source a construct declared (Elasticsearch,
 * OpenSearch, Jaeger, Tempo), with the fields of terraform-provider-grafana's `grafana_data_source`
 * (docs/resources/data_source.md): `json_data_encoded` holds Grafana's `jsonData`, `secure_json_data_encoded` the
 * secrets (from sensitive Terraform variables), `basic_auth_enabled` and `basic_auth_username` the user.
 * `${…}` in jsonData (a data link's `${__value.raw}`) is escaped for Terraform and reaches Grafana unchanged.
 */
export function declaredDataSourceConfig(ds: DataSourceModel, secrets: SecretVariables, where: string): Omit<DataSourceConfig, 'provider'> {
  const from = ds.declaredBy ?? where;
  const secure: Record<string, string> = {};
  for (const key of Object.keys(ds.secureJsonData ?? {}).sort()) {
    secure[key] = secrets.value(ds.secureJsonData![key], from, SECURE_FIELDS[key] ?? `secureJsonData.${key}`);
  }
  return {
    type: ds.type,
    name: escapeTerraformTemplate(ds.name),
    uid: ds.uid,
    url: ds.url,
    accessMode: 'proxy',
    basicAuthEnabled: ds.basicAuthUser !== undefined ? true : undefined,
    basicAuthUsername: ds.basicAuthUser !== undefined ? escapeTerraformTemplate(ds.basicAuthUser) : undefined,
    jsonDataEncoded: ds.jsonData ? escapeTerraformTemplate(stableJson(ds.jsonData)) : undefined,
    secureJsonDataEncoded: Object.keys(secure).length > 0 ? Fn.jsonencode(secure) : undefined,
  };
}
