// source: terraform-provider-grafana docs/resources/contact_point.md (v4.45.1), nested schemas for
// email, slack, pagerduty, webhook (+ hmac_config, http_config.oauth2.{proxy_config,tls_config}, payload),
// opsgenie (+ responders), teams, discord, telegram, sns, googlechat
import { contactPoint } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

const common = { disableResolveMessage: true, settings: { customKey: 'v', 'x-extra': 'w' } };

const integrations: Partial<contactPoint.ContactPointConfig> = {
  email: [{ addresses: ['a@example.com', 'b@example.com'], singleEmail: true, subject: 'S', message: 'M', ...common }],
  slack: [
    {
      url: 'https://hooks.slack.com/services/x',
      token: 'xoxb-1',
      recipient: '#alerts',
      endpointUrl: 'https://slack.example.com/api/chat.postMessage',
      username: 'grafana',
      iconEmoji: ':fire:',
      iconUrl: 'https://example.com/icon.png',
      title: 'T',
      text: 'X',
      color: 'danger',
      mentionChannel: 'here',
      mentionUsers: 'U1,U2',
      mentionGroups: 'G1',
      ...common,
    },
  ],
  pagerduty: [
    {
      integrationKey: 'pd-key',
      severity: 'critical',
      class: 'ping failure',
      component: 'db',
      group: 'prod',
      source: 'host-1',
      summary: 'S',
      client: 'Grafana',
      clientUrl: 'https://grafana.example.com',
      url: 'https://events.pagerduty.com/v2/enqueue',
      details: { Runbook: 'https://runbooks', 'firing-count': '{{ len .Alerts.Firing }}' },
      ...common,
    },
  ],
  webhook: [
    {
      url: 'https://hooks.example.com/alert',
      httpMethod: 'PUT',
      basicAuthUser: 'u',
      basicAuthPassword: 'p',
      authorizationScheme: 'Bearer',
      authorizationCredentials: 'tok',
      maxAlerts: 10,
      title: 'T',
      message: 'M',
      headers: { 'X-Api-Key': 'k' },
      tlsConfig: { insecureSkipVerify: 'true' },
      hmacConfig: { secret: 'hmac-secret', header: 'X-Signature', timestampHeader: 'X-Timestamp' },
      httpConfig: {
        oauth2: {
          clientId: 'cid',
          clientSecret: 'csecret',
          tokenUrl: 'https://auth.example.com/token',
          scopes: ['alerts:write'],
          endpointParams: { Audience: 'hooks' },
          proxyConfig: {
            proxyUrl: 'http://proxy:3128',
            noProxy: 'localhost',
            proxyFromEnvironment: false,
            proxyConnectHeader: { 'Proxy-Authorization': 'Basic x' },
          },
          tlsConfig: { caCertificate: 'CA', clientCertificate: 'CERT', clientKey: 'KEY', insecureSkipVerify: false },
        },
      },
      payload: { template: '{{ .Vars.team }}', vars: { team: 'sre', teamName: 'SRE' } },
      ...common,
    },
  ],
  opsgenie: [
    {
      apiKey: 'og-key',
      url: 'https://api.eu.opsgenie.com/v2/alerts',
      message: 'M',
      description: 'D',
      autoClose: true,
      overridePriority: true,
      sendTagsAs: 'both',
      responders: [
        { type: 'team', name: 'sre' },
        { type: 'user', username: 'jane' },
        { type: 'schedule', id: 'abc' },
      ],
      ...common,
    },
  ],
  teams: [{ url: 'https://teams.example.com/hook', title: 'T', sectionTitle: 'ST', message: 'M', ...common }],
  discord: [
    { url: 'https://discord.com/api/webhooks/x', title: 'T', message: 'M', avatarUrl: 'https://a/p.png', useDiscordUsername: true, ...common },
  ],
  telegram: [
    {
      token: 'tg-token',
      chatId: '-100123',
      messageThreadId: '7',
      message: 'M',
      parseMode: 'HTML',
      disableWebPagePreview: true,
      protectContent: true,
      disableNotifications: true,
      ...common,
    },
  ],
  sns: [
    {
      topic: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      authProvider: 'keys',
      accessKey: 'AKIA',
      secretKey: 'secret',
      assumeRoleArn: 'arn:aws:iam::123456789012:role/grafana',
      externalId: 'ext',
      messageFormat: 'json',
      subject: 'S',
      body: 'B',
      ...common,
    },
  ],
  googlechat: [
    { url: 'https://chat.googleapis.com/v1/spaces/x', title: 'T', message: 'M', hideOpenButton: true, hideVersionInfo: true, ...common },
  ],
};

function synthContactPoint(config: Partial<contactPoint.ContactPointConfig> = integrations): any {
  return onlyResource(
    synthJson((stack) => new contactPoint.ContactPoint(stack, 'cp', { name: 'everything', disableProvenance: true, orgId: '1', ...config })),
    'grafana_contact_point',
  );
}

const COMMON = ['disable_resolve_message', 'settings'];

describe('grafana_contact_point', () => {
  test('emits the documented resource arguments and integration blocks', () => {
    const r = synthContactPoint();
    // name (required); disable_provenance, org_id; integration blocks (sets)
    expect(attributeNames(r)).toEqual(
      ['disable_provenance', 'discord', 'email', 'googlechat', 'name', 'opsgenie', 'org_id', 'pagerduty', 'slack', 'sns', 'teams', 'telegram', 'webhook'],
    );
    expect(r).toMatchObject({ name: 'everything', disable_provenance: true, org_id: '1' });
    for (const block of ['email', 'slack', 'pagerduty', 'webhook', 'opsgenie', 'teams', 'discord', 'telegram', 'sns', 'googlechat']) {
      expect(Array.isArray(r[block])).toBe(true);
      expect(r[block]).toHaveLength(1);
      expect(r[block][0]).toMatchObject({ disable_resolve_message: true, settings: { customKey: 'v', 'x-extra': 'w' } });
    }
  });

  test('email', () => {
    const e = synthContactPoint().email[0];
    expect(attributeNames(e)).toEqual(['addresses', 'message', 'single_email', 'subject', ...COMMON].sort());
    expect(e).toMatchObject({ addresses: ['a@example.com', 'b@example.com'], single_email: true, subject: 'S', message: 'M' });
  });

  test('slack (url and token sensitive)', () => {
    const s = synthContactPoint().slack[0];
    expect(attributeNames(s)).toEqual(
      [
        'color',
        'endpoint_url',
        'icon_emoji',
        'icon_url',
        'mention_channel',
        'mention_groups',
        'mention_users',
        'recipient',
        'text',
        'title',
        'token',
        'url',
        'username',
        ...COMMON,
      ].sort(),
    );
    expect(s).toMatchObject({ url: 'https://hooks.slack.com/services/x', token: 'xoxb-1', mention_channel: 'here', icon_emoji: ':fire:' });
  });

  test('pagerduty (integration_key sensitive; details keys verbatim)', () => {
    const p = synthContactPoint().pagerduty[0];
    expect(attributeNames(p)).toEqual(
      ['class', 'client', 'client_url', 'component', 'details', 'group', 'integration_key', 'severity', 'source', 'summary', 'url', ...COMMON].sort(),
    );
    expect(p).toMatchObject({ integration_key: 'pd-key', class: 'ping failure', client_url: 'https://grafana.example.com' });
    expect(p.details).toEqual({ Runbook: 'https://runbooks', 'firing-count': '{{ len .Alerts.Firing }}' });
  });

  test('webhook with its nested single blocks', () => {
    const w = synthContactPoint().webhook[0];
    expect(attributeNames(w)).toEqual(
      [
        'authorization_credentials',
        'authorization_scheme',
        'basic_auth_password',
        'basic_auth_user',
        'headers',
        'hmac_config',
        'http_config',
        'http_method',
        'max_alerts',
        'message',
        'payload',
        'title',
        'tls_config',
        'url',
        ...COMMON,
      ].sort(),
    );
    expect(w).toMatchObject({
      url: 'https://hooks.example.com/alert',
      http_method: 'PUT',
      basic_auth_user: 'u',
      basic_auth_password: 'p',
      authorization_scheme: 'Bearer',
      authorization_credentials: 'tok',
      max_alerts: 10,
      headers: { 'X-Api-Key': 'k' },
      tls_config: { insecureSkipVerify: 'true' },
    });
    // blocks with max_items = 1 synthesize as one object, like the prebuilt providers do
    expect(w.hmac_config).toEqual({ secret: 'hmac-secret', header: 'X-Signature', timestamp_header: 'X-Timestamp' });
    expect(w.payload).toEqual({ template: '{{ .Vars.team }}', vars: { team: 'sre', teamName: 'SRE' } });
    expect(w.http_config).toEqual({
      oauth2: {
        client_id: 'cid',
        client_secret: 'csecret',
        token_url: 'https://auth.example.com/token',
        scopes: ['alerts:write'],
        endpoint_params: { Audience: 'hooks' },
        proxy_config: {
          proxy_url: 'http://proxy:3128',
          no_proxy: 'localhost',
          proxy_from_environment: false,
          proxy_connect_header: { 'Proxy-Authorization': 'Basic x' },
        },
        tls_config: { ca_certificate: 'CA', client_certificate: 'CERT', client_key: 'KEY', insecure_skip_verify: false },
      },
    });
  });

  test('opsgenie with responders', () => {
    const o = synthContactPoint().opsgenie[0];
    expect(attributeNames(o)).toEqual(
      ['api_key', 'auto_close', 'description', 'message', 'override_priority', 'responders', 'send_tags_as', 'url', ...COMMON].sort(),
    );
    expect(o).toMatchObject({ api_key: 'og-key', auto_close: true, override_priority: true, send_tags_as: 'both' });
    expect(o.responders).toEqual([
      { type: 'team', name: 'sre' },
      { type: 'user', username: 'jane' },
      { type: 'schedule', id: 'abc' },
    ]);
  });

  test('teams, discord, telegram, sns, googlechat', () => {
    const r = synthContactPoint();
    expect(attributeNames(r.teams[0])).toEqual(['message', 'section_title', 'title', 'url', ...COMMON].sort());
    expect(r.teams[0]).toMatchObject({ url: 'https://teams.example.com/hook', section_title: 'ST' });
    expect(attributeNames(r.discord[0])).toEqual(['avatar_url', 'message', 'title', 'url', 'use_discord_username', ...COMMON].sort());
    expect(r.discord[0]).toMatchObject({ url: 'https://discord.com/api/webhooks/x', use_discord_username: true });
    expect(attributeNames(r.telegram[0])).toEqual(
      [
        'chat_id',
        'disable_notifications',
        'disable_web_page_preview',
        'message',
        'message_thread_id',
        'parse_mode',
        'protect_content',
        'token',
        ...COMMON,
      ].sort(),
    );
    expect(r.telegram[0]).toMatchObject({ token: 'tg-token', chat_id: '-100123', message_thread_id: '7' });
    expect(attributeNames(r.sns[0])).toEqual(
      ['access_key', 'assume_role_arn', 'auth_provider', 'body', 'external_id', 'message_format', 'secret_key', 'subject', 'topic', ...COMMON].sort(),
    );
    expect(r.sns[0]).toMatchObject({ access_key: 'AKIA', secret_key: 'secret', auth_provider: 'keys', message_format: 'json' });
    expect(attributeNames(r.googlechat[0])).toEqual(['hide_open_button', 'hide_version_info', 'message', 'title', 'url', ...COMMON].sort());
    expect(r.googlechat[0]).toMatchObject({ url: 'https://chat.googleapis.com/v1/spaces/x', hide_version_info: true });
  });

  test('emits the sensitive arguments', () => {
    const r = synthContactPoint();
    expect(r.slack[0].url).toBe('https://hooks.slack.com/services/x');
    expect(r.pagerduty[0].integration_key).toBe('pd-key');
    expect(r.webhook[0].basic_auth_password).toBe('p');
    expect(r.webhook[0].authorization_credentials).toBe('tok');
    expect(r.webhook[0].hmac_config.secret).toBe('hmac-secret');
    expect(r.webhook[0].http_config.oauth2.client_secret).toBe('csecret');
    expect(r.opsgenie[0].api_key).toBe('og-key');
    expect(r.teams[0].url).toBe('https://teams.example.com/hook');
    expect(r.telegram[0].token).toBe('tg-token');
    expect(r.sns[0].secret_key).toBe('secret');
    expect(r.email[0].settings).toEqual({ customKey: 'v', 'x-extra': 'w' });
  });

  test('several integrations of one kind and unset blocks', () => {
    const r = synthContactPoint({
      email: [{ addresses: ['a@example.com'] }, { addresses: ['b@example.com'], singleEmail: false }],
    });
    expect(attributeNames(r)).toEqual(['disable_provenance', 'email', 'name', 'org_id']);
    expect(r.email).toEqual([{ addresses: ['a@example.com'] }, { addresses: ['b@example.com'], single_email: false }]);
  });

  test('matches with the cdktf jest matcher', () => {
    const out = JSON.stringify(
      synthJson((stack) => new contactPoint.ContactPoint(stack, 'cp', { name: 'team', slack: [{ url: 'https://hooks.slack.com/x' }] })),
    );
    expect(out).toHaveResourceWithProperties(contactPoint.ContactPoint, { name: 'team', slack: [{ url: 'https://hooks.slack.com/x' }] });
  });

  test('synthesizeHclAttributes returns the same attributes and blocks as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(new contactPoint.ContactPoint(stack, 'cp', { name: 'everything', ...integrations }));
    });
    expect(both!.hcl).toEqual(both!.json);
    expect(both!.hcl.webhook[0].http_config.oauth2.proxy_config.proxy_connect_header).toEqual({ 'Proxy-Authorization': 'Basic x' });
  });

  test('synthesizes integration and nested blocks to HCL', () => {
    const hcl = synthHcl((stack) => new contactPoint.ContactPoint(stack, 'cp', { name: 'everything', ...integrations }));
    for (const block of ['email', 'slack', 'pagerduty', 'webhook', 'opsgenie', 'teams', 'discord', 'telegram', 'sns', 'googlechat']) {
      expect(hcl).toMatch(new RegExp(`\\n\\s*${block}\\s*\\{`));
    }
    for (const nested of ['hmac_config', 'http_config', 'oauth2', 'proxy_config', 'payload', 'responders']) {
      expect(hcl).toMatch(new RegExp(`\\n\\s*${nested}\\s*\\{`));
    }
    // the webhook's own tls_config is a map attribute; oauth2's tls_config is a block
    expect(hcl).toMatch(/tls_config\s*=\s*\{/);
    expect(hcl).toMatch(/tls_config\s*\{/);
  });
});
