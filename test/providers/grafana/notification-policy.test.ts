// source: terraform-provider-grafana docs/resources/notification_policy.md (v4.45.1):
// `policy` nests as policy.policy.policy.policy.policy (5 levels); the 5th has no `policy` block and requires `group_by`.
import { Token } from 'cdktf';
import { contactPoint, muteTiming, notificationPolicy } from '../../../lib/providers/grafana';
import { attributeNames, onlyResource, synthHcl, synthJson, synthesizedBoth } from './helpers';

type Policy = notificationPolicy.NotificationPolicyPolicy;

/** A chain of `depth` policies, each the only child of the previous one. */
function chain(depth: number, leaf: Partial<Policy> = { groupBy: ['...'] }): Policy {
  let p: Policy = { contactPoint: `level-${depth}`, matcher: [{ label: 'level', match: '=', value: String(depth) }], ...leaf };
  for (let level = depth - 1; level >= 1; level--) {
    p = { contactPoint: `level-${level}`, matcher: [{ label: 'level', match: '=', value: String(level) }], policy: [p] };
  }
  return p;
}

function synthPolicy(config: Partial<notificationPolicy.NotificationPolicyConfig>): any {
  return onlyResource(
    synthJson(
      (stack) =>
        new notificationPolicy.NotificationPolicy(stack, 'np', { contactPoint: 'default', groupBy: ['alertname'], ...config }),
    ),
    'grafana_notification_policy',
  );
}

const fullPolicy: Policy = {
  matcher: [
    { label: 'severity', match: '=', value: 'critical' },
    { label: 'team_Name', match: '=~', value: 'sre|ops' },
  ],
  contactPoint: 'pager',
  continue: true,
  groupBy: ['alertname', 'instance'],
  groupWait: '10s',
  groupInterval: '1m',
  repeatInterval: '1h',
  muteTimings: ['weekends'],
  activeTimings: ['business-hours'],
  policy: [{ contactPoint: 'chat' }],
};

describe('grafana_notification_policy', () => {
  test('emits every documented root argument under its snake_case name', () => {
    const r = synthPolicy({
      groupBy: ['alertname', 'grafana_folder'],
      groupWait: '30s',
      groupInterval: '5m',
      repeatInterval: '4h',
      disableProvenance: true,
      orgId: '1',
      policy: [fullPolicy],
    });
    // contact_point, group_by (required); group_wait, group_interval, repeat_interval, disable_provenance, org_id, policy
    expect(attributeNames(r)).toEqual(
      ['contact_point', 'disable_provenance', 'group_by', 'group_interval', 'group_wait', 'org_id', 'policy', 'repeat_interval'],
    );
    expect(r).toMatchObject({
      contact_point: 'default',
      group_by: ['alertname', 'grafana_folder'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      disable_provenance: true,
      org_id: '1',
    });
  });

  test('emits every documented policy argument, matcher blocks as a list', () => {
    const p = synthPolicy({ policy: [fullPolicy] }).policy[0];
    expect(attributeNames(p)).toEqual(
      [
        'active_timings',
        'contact_point',
        'continue',
        'group_by',
        'group_interval',
        'group_wait',
        'matcher',
        'mute_timings',
        'policy',
        'repeat_interval',
      ].sort(),
    );
    expect(p).toEqual({
      matcher: [
        { label: 'severity', match: '=', value: 'critical' },
        { label: 'team_Name', match: '=~', value: 'sre|ops' },
      ],
      contact_point: 'pager',
      continue: true,
      group_by: ['alertname', 'instance'],
      group_wait: '10s',
      group_interval: '1m',
      repeat_interval: '1h',
      mute_timings: ['weekends'],
      active_timings: ['business-hours'],
      policy: [{ contact_point: 'chat' }],
    });
  });

  test('recursion: five nested levels synthesize as policy.policy.policy.policy.policy', () => {
    const r = synthPolicy({ policy: [chain(5)] });
    let level: any = r;
    for (let depth = 1; depth <= 5; depth++) {
      expect(level.policy).toHaveLength(1);
      level = level.policy[0];
      expect(level.contact_point).toBe(`level-${depth}`);
      expect(level.matcher).toEqual([{ label: 'level', match: '=', value: String(depth) }]);
    }
    expect(level.group_by).toEqual(['...']);
    expect(level).not.toHaveProperty('policy');
  });

  test('recursion: sibling policies and mixed depths', () => {
    const r = synthPolicy({
      policy: [
        { contactPoint: 'a', policy: [{ contactPoint: 'a1' }, { contactPoint: 'a2', policy: [{ contactPoint: 'a2x' }] }] },
        { contactPoint: 'b' },
      ],
    });
    expect(r.policy).toEqual([
      { contact_point: 'a', policy: [{ contact_point: 'a1' }, { contact_point: 'a2', policy: [{ contact_point: 'a2x' }] }] },
      { contact_point: 'b' },
    ]);
  });

  test('a sixth level is refused (the provider schema stops at five)', () => {
    expect(() => synthPolicy({ policy: [chain(6)] })).toThrow(/at most 5 levels.*level 6/);
    expect(notificationPolicy.NOTIFICATION_POLICY_MAX_DEPTH).toBe(5);
  });

  test('the fifth level must set groupBy (required there by the provider schema)', () => {
    expect(() => synthPolicy({ policy: [chain(5, {})] })).toThrow(/deepest level \(5\) must set groupBy/);
    expect(() => synthPolicy({ policy: [chain(4, {})] })).not.toThrow();
  });

  test('a token in place of a block list is passed through', () => {
    const r = synthPolicy({ policy: Token.asAny('${local.policies}') as any });
    expect(r.policy).toBe('${local.policies}');
  });

  test('references contact points and mute timings', () => {
    const out = JSON.stringify(
      synthJson((stack) => {
        const cp = new contactPoint.ContactPoint(stack, 'cp', { name: 'oncall', email: [{ addresses: ['a@example.com'] }] });
        const mt = new muteTiming.MuteTiming(stack, 'mt', { name: 'weekends', intervals: [{ weekdays: ['saturday', 'sunday'] }] });
        const np = new notificationPolicy.NotificationPolicy(stack, 'np', {
          contactPoint: cp.name,
          groupBy: ['...'],
          policy: [{ contactPoint: cp.name, muteTimings: [mt.name] }],
        });
        new muteTiming.MuteTiming(stack, 'mt2', { name: np.id });
      }),
    );
    expect(out).toHaveResourceWithProperties(notificationPolicy.NotificationPolicy, {
      contact_point: '${grafana_contact_point.cp.name}',
      policy: [{ contact_point: '${grafana_contact_point.cp.name}', mute_timings: ['${grafana_mute_timing.mt.name}'] }],
    });
  });

  test('synthesizeHclAttributes returns the same attributes and nesting as synthesizeAttributes', () => {
    let both: ReturnType<typeof synthesizedBoth> | undefined;
    synthJson((stack) => {
      both = synthesizedBoth(
        new notificationPolicy.NotificationPolicy(stack, 'np', {
          contactPoint: 'default',
          groupBy: ['alertname'],
          disableProvenance: false,
          policy: [fullPolicy, chain(5)],
        }),
      );
    });
    expect(both!.hcl).toEqual(both!.json);
    expect(both!.hcl.policy[1].policy[0].policy[0].policy[0].policy[0].group_by).toEqual(['...']);
  });

  test('HCL mappers apply the same depth limit', () => {
    expect(() => synthHcl((stack) => new notificationPolicy.NotificationPolicy(stack, 'np', {
      contactPoint: 'default',
      groupBy: ['alertname'],
      policy: [chain(6)],
    }))).toThrow(/level 6/);
  });

  test('synthesizes nested policies to HCL', () => {
    const hcl = synthHcl(
      (stack) =>
        new notificationPolicy.NotificationPolicy(stack, 'np', { contactPoint: 'default', groupBy: ['alertname'], policy: [chain(5)] }),
    );
    expect(hcl.match(/\n\s*policy\s*\{/g)).toHaveLength(5);
    expect(hcl.match(/\n\s*matcher\s*\{/g)).toHaveLength(5);
    expect(hcl).toMatch(/contact_point\s*=\s*"level-5"/);
  });
});
