import { missing } from '../model/errors';
import { BasicAuth, ScrapeTls } from '../model/scrape';
import { Secret } from '../model/secret';
import { literalSecret } from './messages';
import { PROMETHEUS, unsupported } from './prometheus-global';
import { fileSecret, optional, secretField } from './shared';
import { SourceMap, SourceNode } from './yaml-source';

const TLS_KEYS = ['ca_file', 'server_name', 'insecure_skip_verify'];
const TLS_UNSUPPORTED = ['ca', 'cert', 'cert_file', 'key', 'key_file', 'min_version', 'max_version'];

/** Imports `basic_auth`, `authorization` or `bearer_token_file`; secrets only from files. */
export function importAuth(job: SourceMap): { basicAuth?: BasicAuth; bearerToken?: Secret } {
  const basic = job.opt('basic_auth');
  const authorization = job.opt('authorization');
  const tokenFile = job.opt('bearer_token_file');
  const given = [basic && 'basic_auth', authorization && 'authorization', tokenFile && 'bearer_token_file'].filter(Boolean);
  if (given.length > 1) {
    const at = job.keyOf(given[1] as string);
    throw at.invalid('only one of `basic_auth`, `authorization` and `bearer_token_file`', given);
  }
  if (basic) {
    const map = basic.map('basic auth settings with `username` and `password_file`');
    const secret = secretField(map, 'password', PROMETHEUS);
    map.checkKeys('basic_auth', ['username', 'password', 'password_file']);
    const username = map.req('username', 'a user name').string('a user name');
    if (secret === undefined) throw missing(map.node.where, `${map.node.path}.password_file`, 'the path of the file that holds the password');
    return { basicAuth: { username, password: secret } };
  }
  if (authorization) {
    const map = authorization.map('authorization settings with `credentials_file`');
    const credentials = map.get('credentials');
    if (credentials) throw literalSecret(credentials.where, credentials.field, 'credentials_file', PROMETHEUS);
    map.checkKeys('authorization', ['type', 'credentials_file']);
    const type = map.opt('type');
    if (type && type.string('Bearer') !== 'Bearer') throw type.invalid('"Bearer" (the only authorization type ServiceScrape supports)');
    return { bearerToken: fileSecret(map.req('credentials_file', 'the path of the file that holds the token'), PROMETHEUS) };
  }
  if (tokenFile) return { bearerToken: fileSecret(tokenFile, PROMETHEUS) };
  return {};
}

/** Imports `tls_config`. */
export function importTls(node: SourceNode | undefined): ScrapeTls | undefined {
  if (node === undefined) return undefined;
  const map = node.map('TLS settings');
  for (const key of TLS_UNSUPPORTED) if (map.has(key)) throw unsupported(map, key, 'tls_config', TLS_KEYS);
  map.checkKeys('tls_config', TLS_KEYS);
  return {
    ...optional('caFile', map.optString('ca_file', 'a file path')),
    ...optional('serverName', map.optString('server_name', 'a server name')),
    ...optional('insecureSkipVerify', map.optBoolean('insecure_skip_verify')),
  };
}
