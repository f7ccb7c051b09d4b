import { Duration } from '../../lib/model/duration';
import { MonitoringEnvironment } from '../../lib/model/environment';
import { Matcher } from '../../lib/model/matchers';
import { Receiver } from '../../lib/model/receivers';
import { AlertmanagerVersion, buildInhibitRule, buildRootRoute, buildRoute } from '../../lib/model/routing';
import { Secret } from '../../lib/model/secret';

const WHERE = 'AlertRouting dev/monitoring/routing';

describe('receivers', () => {
  test('a receiver with no integration is refused', () => {
    expect(() => Receiver.of('team', []).validate(WHERE)).toThrow(
      'AlertRouting dev/monitoring/routing, receiver team, integrations: got [], expected at least one integration (discord, email, incidentio, jira, mattermost, msteams, opsgenie, pagerduty, pushover, rocketchat, slack, sns, telegram, victorops, webex, webhook, wechat); use Receiver.discard(name) for a receiver that notifies nobody',
    );
  });

  test('a discard receiver is allowed', () => {
    expect(() => Receiver.discard('null').validate(WHERE)).not.toThrow();
  });

  test('a Slack URL must be a Secret', () => {
    expect(() => Receiver.slack('s', { apiUrl: 'https://hooks.slack.com/services/X' as unknown as Secret }).validate(WHERE)).toThrow(
      'AlertRouting dev/monitoring/routing, receiver s, slack, apiUrl: got "<redacted>", expected a Secret (Secret.fromVariable(...) or Secret.fromFile(...)); secrets are never written into alertmanager.yml',
    );
  });

  test('an email receiver needs a smarthost as host:port', () => {
    expect(() => Receiver.email('mail', { to: 'ops@example.com', from: 'am@example.com', smarthost: 'smtp.example.com' }).validate(WHERE)).toThrow(
      'AlertRouting dev/monitoring/routing, receiver mail, email, smarthost: got "smtp.example.com", expected an SMTP server as "host:port", e.g. "smtp.example.com:587"',
    );
  });

  test('a webhook URL with credentials is refused, masked', () => {
    expect(() => Receiver.webhook('w', { url: 'https://user:pw@hooks.example.com/x' }).validate(WHERE)).toThrow(
      'receiver w, webhook, url: got "https://<redacted>@hooks.example.com/x", expected a Secret for the whole URL (Secret.fromVariable(...) or Secret.fromFile(...)), ' +
        'which Alertmanager reads from a file (url_file) so it never appears in alertmanager.yml, or a URL without the credential and auth with a Secret; ' +
        'the user:password@ part is a credential and would be written in clear text',
    );
  });

  test('a literal webhook URL that grants access by itself must be a Secret (rendered as url_file)', () => {
    const secretUrl =
      'a Secret for the whole URL (Secret.fromVariable(...) or Secret.fromFile(...)), which Alertmanager reads from a file (url_file) so it never appears in alertmanager.yml, ' +
      'or a URL without the credential and auth with a Secret';
    expect(() => Receiver.webhook('w', { url: 'https://hooks.slack.com/services/T0/B0/abc' }).validate(WHERE)).toThrow(
      `receiver w, webhook, url: got "https://hooks.slack.com/<redacted>", expected ${secretUrl}; a hooks.slack.com URL grants access by itself and would be written in clear text`,
    );
    expect(() => Receiver.webhook('w', { url: 'https://prod-01.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=1&sig=abc' }).validate(WHERE)).toThrow(
      `receiver w, webhook, url: got "https://prod-01.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=1&sig=<redacted>", expected ${secretUrl}; the sig parameter is a credential and would be written in clear text`,
    );
    expect(() => Receiver.webhook('w', { url: 'https://bridge.example.com/alerts?token=abc' }).validate(WHERE)).toThrow('got "https://bridge.example.com/alerts?token=<redacted>"');
    expect(() => Receiver.webhook('w', { url: 'http://bridge:8080/alerts?channel=ops' }).validate(WHERE)).not.toThrow();
    expect(() => Receiver.webhook('w', { url: Secret.fromVariable('hook_url') }).validate(WHERE)).not.toThrow();
  });
});

describe('Alertmanager version', () => {
  test('defaults to 0.28 and accepts "0.<minor>" from 0.25 on', () => {
    expect(new MonitoringEnvironment('dev').alertmanagerVersion).toBe('0.28');
    expect(new MonitoringEnvironment('dev', {}, { version: '0.25' }).alertmanagerVersion).toBe('0.25');
    expect(new MonitoringEnvironment('dev', {}, { version: '0.33' }).alertmanagerVersion).toBe('0.33');
  });

  test.each(['0.24', '1.0', 'latest', '0.28.1'])('refuses %j', (version) => {
    expect(() => new MonitoringEnvironment('dev', {}, { version: version as AlertmanagerVersion })).toThrow(
      `MonitoringStack dev, alertmanager.version: got ${JSON.stringify(version)}, expected an Alertmanager version "0.25" or newer, written "0.<minor>" (e.g. "0.28")`,
    );
  });
});

describe('routes', () => {
  test('matchers from an object are sorted equality matchers', () => {
    const route = buildRoute({ matchers: { team: 'a', severity: 'critical' }, receiver: 'x' }, WHERE, 'routes[0]');
    expect(route.matchers.map(String)).toEqual(['severity="critical"', 'team="a"']);
  });

  test('regex matchers must compile', () => {
    expect(() => buildRoute({ matchers: [Matcher.re('service', '(api')] }, WHERE, 'routes[0]')).toThrow(
      'AlertRouting dev/monitoring/routing, routes[0].matchers[0].value: got "(api", expected an RE2 regular expression (Go\'s regexp syntax, which Alertmanager compiles) that compiles: missing closing ) for the group opened at column 1',
    );
  });

  test('the root route writes Alertmanager defaults out', () => {
    const root = buildRootRoute({ receiver: 'r' }, WHERE);
    expect(root.groupBy).toEqual(['alertname', 'job']);
    expect(root.groupWait).toEqual(Duration.seconds(30));
  });

  test('an inhibit rule needs source and target matchers', () => {
    expect(() => buildInhibitRule({ sourceMatchers: {}, targetMatchers: { severity: 'warning' } }, WHERE, 'inhibitRules[0]')).toThrow(
      'AlertRouting dev/monitoring/routing, inhibitRules[0].sourceMatchers: got [], expected at least one matcher',
    );
  });

  test('a route to an undeclared receiver is reported with the declared ones', () => {
    const env = new MonitoringEnvironment('dev');
    env.addRouting({
      declaredBy: WHERE,
      receivers: [Receiver.webhook('web', { url: 'http://hook:80/' })],
      root: buildRootRoute({ receiver: 'web' }, WHERE),
      routes: [buildRoute({ matchers: { severity: 'critical' }, receiver: 'pagerduty' }, WHERE, 'routes[0]')],
      inhibitRules: [],
      timeIntervals: [],
      templates: {},
      expectations: [],
    });
    expect(env.validate()).toEqual([
      'AlertRouting dev/monitoring/routing, route.routes[0].receiver: got "pagerduty", expected the name of a declared receiver (declared: "web")',
    ]);
  });
});

describe('time intervals', () => {
  const { checkTimeInterval } = jest.requireActual('../../lib/model/time-intervals');
  test.each([
    [{ name: 'x', periods: [{ times: [{ start: '17:00', end: '09:00' }] }] }, 'timeIntervals[0].periods[0].times[0]: got {"start":"17:00","end":"09:00"}, expected a range { start: "HH:MM", end: "HH:MM" } with start before end'],
    [{ name: 'x', periods: [{ weekdays: ['funday'] }] }, 'timeIntervals[0].periods[0].weekdays[0]: got "funday", expected a weekday name or range such as "monday:friday"'],
    [{ name: 'x', periods: [{ location: 'Mars/Olympus' }] }, 'timeIntervals[0].periods[0].location: got "Mars/Olympus", expected an IANA time zone such as "Europe/Berlin"'],
    [{ name: 'x', periods: [] }, 'timeIntervals[0].periods: got [], expected at least one period'],
  ])('refuses %j', (interval, message) => {
    expect(() => checkTimeInterval(interval, WHERE, 'timeIntervals[0]')).toThrow(`${WHERE}, ${message}`);
  });
});

describe('more receivers', () => {
  test('Opsgenie priority and responders are checked', () => {
    expect(() => Receiver.opsgenie('o', { apiKey: Secret.fromFile('/k'), priority: 'urgent' }).validate(WHERE)).toThrow(
      'AlertRouting dev/monitoring/routing, receiver o, opsgenie, priority: got "urgent", expected P1, P2, P3, P4 or P5 (or a Go template)',
    );
    expect(() => Receiver.opsgenie('o', { apiKey: Secret.fromFile('/k'), responders: [{ type: 'squad' as never, name: 'x' }] }).validate(WHERE)).toThrow(
      'receiver o, opsgenie, responders[0].type: got "squad", expected one of "team", "teams", "user", "escalation", "schedule" (or a Go template)',
    );
  });
});
