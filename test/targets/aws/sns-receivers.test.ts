import { Receiver } from '../../../lib';
import { checkNamespaceName, checkWorkspaceAlias } from '../../../lib/targets/aws-shared/amp-limits';
import { planSnsReceiver, topicNameFor } from '../../../lib/targets/aws-shared/sns-receivers';

describe('planSnsReceiver', () => {
  const email = { to: 'a@example.com,b@example.com', from: 'am@example.com', smarthost: 'smtp.example.com:587' };

  test('email addresses and https endpoints become subscriptions of one topic per receiver', () => {
    const plan = planSnsReceiver(
      Receiver.of('oncall', [Receiver.integration.email({ ...email, subject: 'S' }), Receiver.integration.webhook({ url: 'https://x.example.com/h', maxAlerts: 5 })]),
      'AlertRouting r',
      'prod',
    );
    expect(plan).toEqual({
      receiver: 'oncall',
      topicName: 'prod-alerts-oncall',
      subscriptions: [
        { protocol: 'email', endpoint: 'a@example.com' },
        { protocol: 'email', endpoint: 'b@example.com' },
        { protocol: 'https', endpoint: 'https://x.example.com/h' },
      ],
      subject: 'S',
      sendResolved: true,
      discards: false,
      dropped: ['integrations[1].maxAlerts'],
    });
  });

  test("send_resolved keeps Alertmanager's defaults: email alone does not send resolved notifications", () => {
    expect(planSnsReceiver(Receiver.email('team', email), 'r', 'prod').sendResolved).toBe(false);
    expect(planSnsReceiver(Receiver.email('team', { ...email, sendResolved: true }), 'r', 'prod').sendResolved).toBe(true);
  });

  test('discard receivers and receivers on existing topics create no topic', () => {
    const discard = planSnsReceiver(Receiver.discard('null'), 'r', 'prod');
    expect(discard).toMatchObject({ discards: true, subscriptions: [] });
    expect(discard.topicName).toBeUndefined();
    const existing = planSnsReceiver(Receiver.email('team', email), 'r', 'prod', 'arn:aws:sns:eu-west-1:123456789012:t');
    expect(existing).toMatchObject({ existingTopicArn: 'arn:aws:sns:eu-west-1:123456789012:t', subscriptions: [] });
    expect(existing.topicName).toBeUndefined();
  });

  test('topic names keep to the SNS character set', () => {
    expect(topicNameFor('prod', 'team.a:b')).toBe('prod-alerts-team_a_b');
  });
});

describe('AMP name checks', () => {
  test('workspace aliases: letters of any script, digits, spaces and _ . : / = + - @', () => {
    expect(() => checkWorkspaceAlias('Prod monitoring / eu-west-1 @team_a', 'w')).not.toThrow();
    expect(() => checkWorkspaceAlias('Überwachung', 'w')).not.toThrow();
    expect(() => checkWorkspaceAlias('prod!', 'w')).toThrow('w, workspaceAlias: got "prod!"');
    expect(() => checkWorkspaceAlias('', 'w')).toThrow('w, workspaceAlias: got ""');
  });

  test('rule groups namespace names: 64 characters of letters, digits, - . _, starting with a letter or digit', () => {
    expect(() => checkNamespaceName('slo-api_availability.v2', 'g')).not.toThrow();
    expect(() => checkNamespaceName('a'.repeat(64), 'g')).not.toThrow();
    expect(() => checkNamespaceName('a'.repeat(65), 'g')).toThrow('g, name (AMP rule groups namespace)');
    expect(() => checkNamespaceName('-api', 'g')).toThrow('got "-api"');
  });
});
