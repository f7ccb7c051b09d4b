import { DefaultTokenResolver, StringConcat, TerraformStack, Testing, Tokenization } from 'cdktf';
import { Duration, Receiver, Secret } from '../../../lib';
import { contactPointFor } from '../../../lib/targets/grafana/contact-points';
import { SecretVariables } from '../../../lib/targets/grafana/secrets';
import { messageOf } from '../../helpers/errors';

const v = (name: string) => Secret.fromVariable(name);
const WHERE = 'AlertRouting staging/monitoring/routing';

function plan(receiver: Receiver, global = {}) {
  const stack = new TerraformStack(Testing.app(), 'grafana');
  const cp = contactPointFor(receiver, WHERE, new SecretVariables(stack), global)!;
  // Secret values are Terraform variable references (tokens until resolved).
  return { config: Tokenization.resolve(cp.config, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }), warnings: cp.warnings };
}

describe('Grafana contact points from the receiver model: the matching block per integration, global applied', () => {
  test('discord, telegram and sns map to their blocks', () => {
    const { config, warnings } = plan(
      Receiver.of('chat', [
        Receiver.integration.discord({ webhookUrl: v('discord'), title: 'T', message: 'M', avatarUrl: 'https://x.example.com/a.png' }),
        Receiver.integration.telegram({ botToken: v('tg'), chatId: -100, messageThreadId: 7, parseMode: 'HTML', disableNotifications: true }),
        Receiver.integration.sns({ topicArn: 'arn:aws:sns:eu-west-1:1:t', sigv4: { roleArn: 'arn:aws:iam::1:role/g', externalId: 'x' }, subject: 'S', message: 'B' }),
      ]),
    );
    expect(warnings).toEqual([]);
    expect(config.discord).toEqual([{ url: '${var.discord}', title: 'T', message: 'M', avatarUrl: 'https://x.example.com/a.png', disableResolveMessage: false }]);
    expect(config.telegram).toEqual([{ token: '${var.tg}', chatId: '-100', messageThreadId: '7', parseMode: 'HTML', disableNotifications: true, disableResolveMessage: false }]);
    expect(config.sns).toEqual([
      { topic: 'arn:aws:sns:eu-west-1:1:t', assumeRoleArn: 'arn:aws:iam::1:role/g', externalId: 'x', authProvider: 'arn', subject: 'S', body: 'B', disableResolveMessage: false },
    ]);
  });

  test('victorops, pushover, webex, wechat (as wecom) and jira map to the blocks added to the bindings', () => {
    const { config } = plan(
      Receiver.of('paging', [
        Receiver.integration.victorops({ routingKey: 'ops', messageType: 'CRITICAL', entityDisplayName: 'E', stateMessage: 'S' }),
        Receiver.integration.pushover({ userKey: v('po_user'), token: v('po_token'), priority: '1', retry: '90s', expire: Duration.hours(1), device: 'phone' }),
        Receiver.integration.webex({ roomId: 'room', httpConfig: { authorization: { credentials: v('webex') } }, message: 'M' }),
        Receiver.integration.wechat({ agentId: '1', toUser: '@all', messageType: 'markdown' }),
        Receiver.integration.jira({ project: 'OPS', issueType: 'Bug', summary: { template: 's', enableUpdate: false }, labels: ['a'], reopenDuration: '1d', httpConfig: { basicAuth: { username: 'u', password: v('jira') } } }),
      ]),
      { victoropsApiKey: v('vo_key'), wechatApiSecret: v('wechat'), wechatApiCorpId: 'corp', jiraApiUrl: 'https://j.example.com/rest/api/2/' },
    );
    expect(config.victorops).toEqual([
      { url: 'https://alert.victorops.com/integrations/generic/20131114/alert/${var.vo_key}/ops', messageType: 'CRITICAL', title: 'E', description: 'S', disableResolveMessage: false },
    ]);
    expect(config.pushover).toMatchObject([{ apiToken: '${var.po_token}', userKey: '${var.po_user}', priority: 1, retry: 90, expire: 3600, device: 'phone' }]);
    expect(config.webex).toMatchObject([{ roomId: 'room', token: '${var.webex}', message: 'M' }]);
    expect(config.wecom).toMatchObject([{ corpId: 'corp', secret: '${var.wechat}', agentId: '1', toUser: '@all', msgType: 'markdown', disableResolveMessage: true }]);
    expect(config.jira).toMatchObject([
      { apiUrl: 'https://j.example.com/rest/api/2/', project: 'OPS', issueType: 'Bug', summary: 's', labels: ['a'], reopenDuration: '1d', user: 'u', password: '${var.jira}' },
    ]);
  });

  test('global applies in Grafana too: a Slack receiver without its own URL uses global.slackApiUrl; unmapped settings are warned about', () => {
    const { config, warnings } = plan(Receiver.slack('team', { channel: '#a', mrkdwnIn: ['text'] }), { slackApiUrl: v('slack_url'), httpConfig: { proxyUrl: 'http://p:3128' } });
    expect(config.slack).toMatchObject([{ url: '${var.slack_url}', recipient: '#a' }]);
    expect(warnings).toEqual([
      `${WHERE}, receiver team, slack: mrkdwnIn left out in Grafana: Grafana's contact point has no such setting`,
      `${WHERE}, receiver team, slack: httpConfig left out in Grafana: Grafana's contact point has no such setting`,
    ]);
  });

  test('a webhook\'s httpConfig: credentials, OAuth2 and TLS verification map to the webhook block; the rest is warned about', () => {
    const { config, warnings } = plan(
      Receiver.webhook('hook', {
        url: 'https://hook.example.com/',
        httpConfig: {
          oauth2: { clientId: 'c', clientSecret: v('oauth'), tokenUrl: 'https://auth.example.com/t', scopes: ['a'], proxyUrl: 'http://p:3128' },
          tlsConfig: { insecureSkipVerify: true, caFile: '/etc/ca.pem' },
          followRedirects: false,
        },
      }),
    );
    expect(config.webhook).toEqual([
      {
        url: 'https://hook.example.com/',
        tlsConfig: { insecureSkipVerify: 'true' },
        httpConfig: { oauth2: { clientId: 'c', clientSecret: '${var.oauth}', tokenUrl: 'https://auth.example.com/t', scopes: ['a'], proxyConfig: { proxyUrl: 'http://p:3128' } } },
        disableResolveMessage: false,
      },
    ]);
    expect(warnings).toEqual([
      `${WHERE}, receiver hook, webhook: httpConfig.followRedirects left out in Grafana: Grafana's webhook block has no such setting`,
      `${WHERE}, receiver hook, webhook: httpConfig.tlsConfig.caFile left out in Grafana: Grafana's webhook block has no such setting`,
    ]);
    expect(plan(Receiver.webhook('b', { url: 'https://h.example.com/', httpConfig: { basicAuth: { username: 'u', password: v('p') } } })).config.webhook).toMatchObject([
      { basicAuthUser: 'u', basicAuthPassword: '${var.p}' },
    ]);
  });

  test('what Grafana has no block for is refused by name, with the way out', () => {
    expect(messageOf(() => plan(Receiver.mattermost('mm', { webhookUrl: v('mm') })))).toBe(
      `${WHERE}, receiver mm, mattermost, type: got "mattermost", expected an integration Grafana has a contact point for (email, slack, pagerduty, webhook, opsgenie, msteams, discord, telegram, sns, victorops, pushover, webex, wechat as wecom, jira); ` +
        'Grafana has no Mattermost contact point: use Receiver.slack with the Mattermost incoming-webhook URL (Mattermost accepts Slack payloads) or a webhook',
    );
    expect(messageOf(() => plan(Receiver.rocketchat('rc', { token: v('t'), tokenId: v('i') })))).toContain('Grafana has no Rocket.Chat contact point');
    expect(messageOf(() => plan(Receiver.incidentio('io', { url: v('u'), alertSourceToken: v('t') })))).toContain('Grafana has no incident.io contact point');
    expect(messageOf(() => plan(Receiver.telegram('tg', { botToken: v('t'), chatIdFile: '/run/secrets/chat' })))).toBe(
      `${WHERE}, receiver tg, telegram, chatIdFile: got "/run/secrets/chat", expected chatId: Grafana's telegram block takes the chat id as a value, not a file`,
    );
    expect(messageOf(() => plan(Receiver.sns('s', { phoneNumber: '+4912345' })))).toContain("phoneNumber: is not a topic, expected topicArn: Grafana's sns block publishes to a topic only");
    expect(messageOf(() => plan(Receiver.discord('d', { webhookUrl: Secret.fromFile('/run/secrets/d') })))).toContain('receiver d, discord, webhookUrl:');
  });
});
