import { Duration } from '../../lib/model/duration';
import { Matcher } from '../../lib/model/matchers';
import { Receiver } from '../../lib/model/receivers';
import { canBeInhibitionSource, possibleInhibitions, walkRoutes } from '../../lib/model/route-walk';
import { AlertmanagerModel, buildInhibitRule, buildRootRoute, RouteOptions } from '../../lib/model/routing';
import { renderAlertmanagerConfig } from '../../lib/render/alertmanager-config';
import { amtoolReceivers, writeAlertmanagerConfig } from './amtool';

/** A tree with what the walk must get right: regexes, `continue`, nesting, inheritance, time intervals. */
const root = buildRootRoute(
  {
    receiver: 'default',
    groupBy: ['alertname'],
    repeatInterval: '4h',
    routes: [
      {
        matchers: [Matcher.re('service', 'api|web')],
        receiver: 'team-web',
        continue: true,
        groupBy: ['alertname', 'service'],
        routes: [
          { matchers: { severity: 'critical' }, receiver: 'web-pager', muteTimeIntervals: ['maintenance'] },
          { matchers: [Matcher.nre('env', 'prod.*')], repeatInterval: '1h' },
        ],
      },
      { matchers: { severity: 'critical' }, receiver: 'pager', continue: true },
      {
        matchers: [Matcher.neq('team', '')],
        receiver: 'teams',
        routes: [{ matchers: [Matcher.re('team', 'db-.*')], receiver: 'db', activeTimeIntervals: ['business-hours'] }],
      },
      { matchers: [Matcher.re('alertname', '.*Down')], receiver: 'down' },
    ],
  },
  'test',
);
const receivers = ['default', 'team-web', 'web-pager', 'pager', 'teams', 'db', 'down'].map((name) => Receiver.discard(name));
const model: AlertmanagerModel = {
  route: root,
  receivers,
  inhibitRules: [buildInhibitRule({ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['service'] }, 'test', 'inhibitRules[0]')],
  timeIntervals: [
    { name: 'maintenance', periods: [{ weekdays: ['sunday'] }] },
    { name: 'business-hours', periods: [{ weekdays: ['monday:friday'], times: [{ start: '09:00', end: '17:00' }] }] },
  ],
};

describe('the route walk', () => {
  test('a regex is anchored; continue goes on to the next sibling; the receiver and timers are inherited', () => {
    const walk = walkRoutes(root, { alertname: 'ApiDown', service: 'api', severity: 'critical', env: 'staging' });
    expect(walk.receivers).toEqual(['web-pager', 'pager', 'down']);
    expect(walk.routes.map((r) => r.path)).toEqual(['route.routes[0].routes[0]', 'route.routes[1]', 'route.routes[3]']);
    // group_by from route.routes[0], repeat_interval from the root
    expect(walk.routes[0].groupBy).toEqual(['alertname', 'service']);
    expect(walk.routes[0].repeatInterval?.toPrometheus()).toBe('4h');
    // `apix` is not `api|web` once anchored
    expect(walkRoutes(root, { alertname: 'X', service: 'apix', team: 'ops' }).receivers).toEqual(['teams']);
  });

  test('a child without a receiver inherits its parent’s; its own timers win', () => {
    const walk = walkRoutes(root, { alertname: 'Slow', service: 'web', severity: 'warning', env: 'dev' });
    expect(walk.routes[0]).toMatchObject({ path: 'route.routes[0].routes[1]', receiver: 'team-web' });
    expect(walk.routes[0].repeatInterval).toEqual(Duration.hours(1));
  });

  test('time intervals are those of the route the alert ends on: Alertmanager does not inherit them', () => {
    expect(walkRoutes(root, { alertname: 'A', service: 'web', severity: 'critical' }).routes[0].muteTimeIntervals).toEqual(['maintenance']);
    const db = walkRoutes(root, { alertname: 'A', team: 'db-main' });
    expect(db.routes.map((r) => [r.receiver, r.activeTimeIntervals])).toEqual([['db', ['business-hours']]]);
    expect(walkRoutes(root, { alertname: 'A', team: 'ops' }).routes[0].activeTimeIntervals).toEqual([]);
  });

  test('labels known only at runtime are reported when a deciding matcher looks at them', () => {
    // severity is known and fails on the second route, so `team` decides the third one and `service` the first
    const walk = walkRoutes(root, { alertname: 'HighLatency', severity: 'warning' });
    expect(walk.receivers).toEqual(['default']);
    expect(walk.runtimeLabels).toEqual(['service', 'team']);
    // a route already ruled out by a known label does not depend on anything else
    expect(walkRoutes(root, { alertname: 'A', service: 'db', severity: 'info', team: 'ops' }).runtimeLabels).toEqual([]);
  });

  test('inhibit rules: the target side decides; unknown labels could match at runtime', () => {
    const rules = model.inhibitRules;
    expect(possibleInhibitions(rules, { severity: 'warning' })).toEqual([{ index: 0, runtimeLabels: [] }]);
    expect(possibleInhibitions(rules, { severity: 'critical' })).toEqual([]);
    expect(possibleInhibitions(rules, { alertname: 'A' })).toEqual([{ index: 0, runtimeLabels: ['severity'] }]);
    expect(canBeInhibitionSource(rules[0], { severity: 'critical' })).toBe(true);
    expect(canBeInhibitionSource(rules[0], { severity: 'warning' })).toBe(false);
  });
});

describe('the route walk agrees with amtool config routes test', () => {
  const file = writeAlertmanagerConfig(renderAlertmanagerConfig(model, 'test'));
  // Every combination of present/absent labels and values on both sides of every matcher.
  const cases: Record<string, string>[] = [];
  for (const service of [undefined, 'api', 'web', 'apix'])
    for (const severity of [undefined, 'critical', 'warning'])
      for (const env of [undefined, 'prod', 'staging'])
        for (const team of [undefined, 'db-main', 'ops']) {
          const labels: Record<string, string> = { alertname: cases.length % 2 === 0 ? 'ApiDown' : 'HighLatency' };
          if (service) labels.service = service;
          if (severity) labels.severity = severity;
          if (env) labels.env = env;
          if (team) labels.team = team;
          cases.push(labels);
        }

  test(`${cases.length} label sets`, () => {
    for (const labels of cases) {
      expect({ labels, receivers: walkRoutes(root, labels).receivers }).toEqual({ labels, receivers: amtoolReceivers(file, labels) });
    }
  }, 120_000);
});

describe('a route with many children (searched through an index) agrees with amtool', () => {
  // 20 children: regex keys (always tried), equality keys on `service` (some shared, some with `continue`), keys on `team`.
  const children = Array.from({ length: 20 }, (_, i): RouteOptions => {
    const receiver = `r${i % 3}`;
    switch (i % 5) {
      case 0:
        return { matchers: [Matcher.re('service', `svc-${i}|svc-${i + 1}`)], receiver };
      case 1:
        return { matchers: { service: `svc-${i}`, severity: 'critical' }, receiver, continue: true };
      case 2:
        return { matchers: { service: `svc-${i - 1}` }, receiver };
      default:
        return { matchers: { team: `t${i % 4}` }, receiver, continue: i % 2 === 0 };
    }
  });
  const wide: AlertmanagerModel = {
    route: buildRootRoute({ receiver: 'default', routes: children }, 'test'),
    receivers: ['default', 'r0', 'r1', 'r2'].map((name) => Receiver.discard(name)),
    inhibitRules: [],
  };
  const file = writeAlertmanagerConfig(renderAlertmanagerConfig(wide, 'test'));
  const cases: Record<string, string>[] = [];
  for (const service of [undefined, 'svc-0', 'svc-1', 'svc-6', 'svc-11', 'svc-16', 'svc-17', 'svc-30'])
    for (const severity of [undefined, 'critical'])
      for (const team of [undefined, 't1', 't3']) {
        const labels: Record<string, string> = { alertname: 'A' };
        if (service) labels.service = service;
        if (severity) labels.severity = severity;
        if (team) labels.team = team;
        cases.push(labels);
      }

  test(`${cases.length} label sets`, () => {
    expect(wide.route.routes.length).toBeGreaterThanOrEqual(16);
    for (const labels of cases) {
      expect({ labels, receivers: walkRoutes(wide.route, labels).receivers }).toEqual({ labels, receivers: amtoolReceivers(file, labels) });
    }
  }, 120_000);

  test('the index changes neither the routes nor the runtime labels', () => {
    for (const labels of cases) expect(walkRoutes(wide.route, labels)).toEqual(walkRoutes(wide.route, labels, { indexFrom: Infinity }));
  });
});

describe('regular expressions are RE2, as Alertmanager compiles them', () => {
  // `(?i)` is RE2 but not JavaScript; `.` does not match a newline in Alertmanager (no `(?s)`, unlike Prometheus).
  const tree = buildRootRoute(
    {
      receiver: 'default',
      routes: [
        { matchers: [Matcher.re('team', '(?i)DB')], receiver: 'db' },
        { matchers: [Matcher.re('summary', 'a.b')], receiver: 'dot' },
      ],
    },
    'test',
  );
  const file = writeAlertmanagerConfig(
    renderAlertmanagerConfig({ route: tree, receivers: ['default', 'db', 'dot'].map((n) => Receiver.discard(n)), inhibitRules: [] }, 'test'),
  );

  const cases: Record<string, string>[] = [{ team: 'db' }, { team: 'Db' }, { team: 'dbx' }, { summary: 'a-b' }, { summary: 'a\nb' }];
  test.each(cases)('%j', (labels) => {
    const withName: Record<string, string> = { alertname: 'A', ...labels };
    expect(walkRoutes(tree, withName).receivers).toEqual(amtoolReceivers(file, withName));
  });
});
