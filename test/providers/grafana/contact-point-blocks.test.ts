// source: terraform-provider-grafana docs/resources/contact_point.md (v4.45.1, 7f331169), nested schemas for
// alertmanager, oncall, kafka, sensugo, jira, dingding, line, pushover, threema, victorops, webex, wecom: the 12 blocks
// the first bindings left out. Each block's arguments are listed here from that page.
import { contactPoint } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

const common = { disableResolveMessage: true, settings: { k: 'v' } };
const COMMON = ['disable_resolve_message', 'settings'];

const blocks: Partial<contactPoint.ContactPointConfig> = {
  alertmanager: [{ url: 'http://am:9093', basicAuthUser: 'u', basicAuthPassword: 'p', ...common }],
  oncall: [
    { url: 'https://oncall.example.com/x', authorizationScheme: 'Bearer', authorizationCredentials: 't', basicAuthUser: 'u', basicAuthPassword: 'p', httpMethod: 'POST', maxAlerts: 5, message: 'm', title: 't', ...common },
  ],
  kafka: [{ restProxyUrl: 'https://kafka:8082', topic: 'alerts', apiVersion: 'v3', clusterId: 'c1', description: 'd', details: 'x', password: 'p', username: 'u', ...common }],
  sensugo: [{ apiKey: 'k', url: 'https://sensu:8080', check: 'c', entity: 'e', handler: 'h', message: 'm', namespace: 'n', ...common }],
  jira: [
    {
      apiUrl: 'https://j.example.com/rest/api/2', issueType: 'Bug', project: 'OPS', apiToken: 't', dedupKeyField: '10001', description: 'd', fields: { customfield_1: 'x' },
      labels: ['a'], password: 'p', priority: 'High', reopenDuration: '10m', reopenTransition: 'Reopen', resolveTransition: 'Done', summary: 's', user: 'u', wontFixResolution: 'WF', ...common,
    },
  ],
  dingding: [{ url: 'https://oapi.dingtalk.com/x', message: 'm', messageType: 'link', title: 't', ...common }],
  line: [{ token: 't', description: 'd', title: 't', ...common }],
  pushover: [
    { apiToken: 't', userKey: 'u', device: 'd', expire: 3600, message: 'm', okPriority: 0, okSound: 'ok', priority: 1, retry: 60, sound: 's', title: 't', uploadImage: false, ...common },
  ],
  threema: [{ apiSecret: 's', gatewayId: '*GATEWAY', recipientId: 'ABCDEFGH', description: 'd', title: 't', ...common }],
  victorops: [{ url: 'https://alert.victorops.com/x', description: 'd', messageType: 'CRITICAL', title: 't', ...common }],
  webex: [{ roomId: 'r', token: 't', apiUrl: 'https://webexapis.com/v1/messages', message: 'm', ...common }],
  wecom: [{ agentId: '1', corpId: 'c', message: 'm', msgType: 'markdown', secret: 's', title: 't', toUser: '@all', url: 'https://qyapi.weixin.qq.com/x', ...common }],
};

const ARGUMENTS: Record<string, string[]> = {
  alertmanager: ['url', 'basic_auth_password', 'basic_auth_user'],
  oncall: ['url', 'authorization_credentials', 'authorization_scheme', 'basic_auth_password', 'basic_auth_user', 'http_method', 'max_alerts', 'message', 'title'],
  kafka: ['rest_proxy_url', 'topic', 'api_version', 'cluster_id', 'description', 'details', 'password', 'username'],
  sensugo: ['api_key', 'url', 'check', 'entity', 'handler', 'message', 'namespace'],
  jira: [
    'api_url', 'issue_type', 'project', 'api_token', 'dedup_key_field', 'description', 'fields', 'labels', 'password', 'priority', 'reopen_duration', 'reopen_transition',
    'resolve_transition', 'summary', 'user', 'wont_fix_resolution',
  ],
  dingding: ['url', 'message', 'message_type', 'title'],
  line: ['token', 'description', 'title'],
  pushover: ['api_token', 'user_key', 'device', 'expire', 'message', 'ok_priority', 'ok_sound', 'priority', 'retry', 'sound', 'title', 'upload_image'],
  threema: ['api_secret', 'gateway_id', 'recipient_id', 'description', 'title'],
  victorops: ['url', 'description', 'message_type', 'title'],
  webex: ['room_id', 'token', 'api_url', 'message'],
  wecom: ['agent_id', 'corp_id', 'message', 'msg_type', 'secret', 'title', 'to_user', 'url'],
};

describe('grafana_contact_point: the 12 further integration blocks', () => {
  const r = onlyResource(synthJson((stack) => new contactPoint.ContactPoint(stack, 'cp', { name: 'more', ...blocks })), 'grafana_contact_point');

  test.each(Object.keys(ARGUMENTS))('%s emits exactly its documented arguments', (block) => {
    expect(r[block]).toHaveLength(1);
    expect(attributeNames(r[block][0])).toEqual([...ARGUMENTS[block], ...COMMON].sort());
  });

  test('values keep their types (numbers, booleans, lists, maps)', () => {
    expect(r.pushover[0]).toMatchObject({ expire: 3600, ok_priority: 0, retry: 60, upload_image: false });
    expect(r.jira[0]).toMatchObject({ labels: ['a'], fields: { customfield_1: 'x' }, dedup_key_field: '10001' });
    expect(r.oncall[0].max_alerts).toBe(5);
  });

  test('HCL: the same attributes, and each block written as a block', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(new contactPoint.ContactPoint(stack, 'cp', { name: 'more', ...blocks }));
    });
    expect(both!.hcl).toEqual(both!.json);
    const hcl = synthHcl((stack) => new contactPoint.ContactPoint(stack, 'cp', { name: 'more', ...blocks }));
    for (const block of Object.keys(ARGUMENTS)) expect(hcl).toMatch(new RegExp(`\\n\\s*${block}\\s*\\{`));
  });
});
