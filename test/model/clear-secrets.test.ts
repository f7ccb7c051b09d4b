import {
  checkHeadersHaveNoSecret,
  checkParamsHaveNoSecret,
  checkUrlHasNoSecret,
  isCredentialName,
  redactUrl,
  urlCredential,
} from '../../lib/model/clear-secrets';

describe('credential names of query parameters and headers', () => {
  test.each(['token', 'access_token', 'api_key', 'apikey', 'API-Key', 'key', 'sig', 'signature', 'X-Amz-Signature', 'code', 'password', 'passwd', 'secret', 'client_secret', 'auth', 'Authorization', 'Proxy-Authorization', 'X-Api-Key', 'X-Auth-Token', 'PRIVATE-TOKEN', 'Cookie', 'jwt'])(
    '%s is a credential',
    (name) => expect(isCredentialName(name)).toBe(true),
  );

  test.each(['channel', 'module', 'target', 'api-version', 'keyword', 'monkey', 'X-Scope-OrgID', 'Content-Type', 'orgId', 'var-job', 'format'])('%s is not', (name) =>
    expect(isCredentialName(name)).toBe(false),
  );
});

describe('URLs', () => {
  test('what a URL carries', () => {
    expect(urlCredential('https://u:p@host/x')).toEqual({ kind: 'userinfo' });
    expect(urlCredential('https://token@host/x')).toEqual({ kind: 'userinfo' });
    expect(urlCredential('https://host/x?a=1&api_key=2')).toEqual({ kind: 'parameter', name: 'api_key' });
    expect(urlCredential('/metrics?token=1')).toEqual({ kind: 'parameter', name: 'token' });
    expect(urlCredential('https://hooks.slack.com/services/T/B/x')).toEqual({ kind: 'host', host: 'hooks.slack.com' });
    expect(urlCredential('https://host/alerts?channel=ops')).toBeUndefined();
    expect(urlCredential('http://alertmanager:9093')).toBeUndefined();
  });

  test('masked for messages: the credential only', () => {
    expect(redactUrl('https://user:pw@host/x?channel=ops&token=abc#top')).toBe('https://<redacted>@host/x?channel=ops&token=<redacted>#top');
    expect(redactUrl('https://outlook.webhook.office.com/webhookb2/abc')).toBe('https://outlook.webhook.office.com/<redacted>');
    expect(redactUrl('/metrics?api%5Fkey=1')).toBe('/metrics?api%5Fkey=<redacted>');
  });

  test('checkUrlHasNoSecret names what to use instead and never prints the value', () => {
    expect(() => checkUrlHasNoSecret('https://h/x?password=hunter2', 'W', 'url', 'a Secret')).toThrow(
      'W, url: got "https://h/x?password=<redacted>", expected a Secret; the password parameter is a credential and would be written in clear text',
    );
    expect(() => checkUrlHasNoSecret('https://h/x?password=hunter2', 'W', 'url', 'a Secret')).not.toThrow(/hunter2/);
  });
});

describe('headers and params', () => {
  test('a literal credential header is refused, a Secret or a reference is left to the caller', () => {
    expect(() => checkHeadersHaveNoSecret({ 'X-Scope-OrgID': 'a', 'X-Api-Key': 'k' }, 'W', 'httpHeaders', 'a Secret')).toThrow(
      'W, httpHeaders.X-Api-Key: got "<redacted>", expected a Secret; a literal X-Api-Key header is a credential and would be written in clear text',
    );
    expect(() => checkHeadersHaveNoSecret({ Authorization: { secret: true } }, 'W', 'h', 'a Secret')).not.toThrow();
    expect(() => checkHeadersHaveNoSecret({ Authorization: 'REF' }, 'W', 'h', 'a Secret', { isReference: (v) => v === 'REF' })).not.toThrow();
  });

  test('a credential query parameter', () => {
    expect(() => checkParamsHaveNoSecret({ module: ['http_2xx'], token: ['t'] }, 'W', 'params', 'no credential')).toThrow(
      'W, params.token: got "<redacted>", expected no credential; the token parameter is a credential and would be written in clear text',
    );
    expect(() => checkParamsHaveNoSecret({ module: ['http_2xx'] }, 'W', 'params', 'no credential')).not.toThrow();
  });
});
