import { Receiver, Secret } from '../../../lib';
import { planSnsReceiver, snsReceiverProblems } from '../../../lib/targets/aws-shared/sns-receivers';

describe('AMP delivers through SNS only: each other integration is refused naming the receiver, the integration and the path to take', () => {
  const s = (n: string) => Secret.fromFile(`/run/secrets/${n}`);
  const i = Receiver.integration;

  test.each<[string, ReturnType<typeof i.discord>, string]>([
    ['discord', i.discord({ webhookUrl: s('d') }), 'AWS has no SNS path to discord: declare an https endpoint that relays to it as Receiver.webhook'],
    ['telegram', i.telegram({ botToken: s('t'), chatId: 1 }), 'AWS has no SNS path to telegram'],
    ['webex', i.webex({ roomId: 'r', httpConfig: { authorization: { credentials: s('w') } } }), 'AWS has no SNS path to webex'],
    ['mattermost', i.mattermost({ webhookUrl: s('m') }), 'AWS has no SNS path to mattermost'],
    ['rocketchat', i.rocketchat({ token: s('t'), tokenId: s('i') }), 'AWS has no SNS path to rocketchat'],
    ['wechat', i.wechat({ apiSecret: s('w'), corpId: 'c' }), 'AWS has no SNS path to wechat'],
    ['pushover', i.pushover({ userKey: s('u'), token: s('t') }), 'AWS has no SNS path to pushover'],
    ['incidentio', i.incidentio({ url: s('u'), alertSourceToken: s('t') }), 'AWS has no SNS path to incidentio'],
    ['jira', i.jira({ apiUrl: 'https://j.example.com/', project: 'P', issueType: 'Bug' }), 'AWS has no SNS path to jira'],
    ['victorops', i.victorops({ apiKey: s('v'), routingKey: 'ops' }), 'for Splunk On-Call (VictorOps), subscribe the https endpoint of its Amazon CloudWatch (SNS) integration'],
  ])('%s', (type, integration, path) => {
    const problems = snsReceiverProblems(Receiver.of('team', [integration]), 'AlertRouting prod/monitoring/routing', 'prod');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain(
      `AlertRouting prod/monitoring/routing, receiver team, integrations[0]: got "${type}", expected an integration Amazon Managed Service for Prometheus can deliver: ` +
        "AMP's Alertmanager sends only to Amazon SNS (email and https webhook integrations become SNS subscriptions); ",
    );
    expect(problems[0].message).toContain(path);
    expect(problems[0].message).toContain('existingTopics: { "team": "arn:aws:sns:..." }');
  });

  test('a receiver that only publishes to one SNS topic uses that topic; an sns integration beside others is refused with the path', () => {
    const topic = 'arn:aws:sns:eu-west-1:123456789012:oncall';
    expect(planSnsReceiver(Receiver.sns('oncall', { topicArn: topic }), 'r', 'prod')).toEqual({
      receiver: 'oncall',
      existingTopicArn: topic,
      subscriptions: [],
      sendResolved: true,
      discards: false,
      dropped: [],
    });
    const mixed = snsReceiverProblems(Receiver.of('oncall', [i.sns({ topicArn: topic }), i.email({ to: 'a@example.com' })]), 'r', 'prod');
    expect(mixed.map((p) => p.message)).toEqual([
      expect.stringContaining('r, receiver oncall, integrations[0]: got "sns", expected an integration Amazon Managed Service for Prometheus can deliver'),
    ]);
    expect(mixed[0].message).toContain('make it the receiver\'s only integration (its topicArn then is the receiver\'s topic), or pass the topic as existingTopics: { "oncall": "arn:aws:sns:..." }');
  });
});
