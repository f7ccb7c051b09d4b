import { AlertRouting, Receiver, ServiceScrape } from '../../lib';
import { buildLokiSettings } from '../../lib/model/logs/loki-settings';
import { MonitoringEnvironment } from '../../lib/model/environment';
import { buildRootRoute, buildRoute } from '../../lib/model/routing';
import { buildScrapeJob } from '../../lib/model/scrape';
import { checkTimeInterval } from '../../lib/model/time-intervals';
import { renderAlertmanagerConfig } from '../../lib/render/alertmanager-config';
import { planSnsReceiver } from '../../lib/targets/aws-shared/sns-receivers';
import { dockerEnvironment } from '../helpers/stacks';
import { runTool, writeTempFiles } from '../helpers/tools';
import { messageOf } from '../helpers/errors';

// Value rules Prometheus, Alertmanager and Loki enforce on fields the library renders. Each test asserts the library's
// message and, where a tool of the images' line can judge, that the tool refuses the file the check keeps out.

function amtool(yaml: string): { status: number | null; output: string } {
  return runTool('amtool', ['check-config', 'am.yml'], writeTempFiles({ 'am.yml': yaml }));
}

function promtoolConfig(yaml: string): { status: number | null; output: string } {
  return runTool('promtool', ['check', 'config', '--syntax-only', 'p.yml'], writeTempFiles({ 'p.yml': yaml }));
}

const AM_BASE = (route: string, receiver = '  webhook_configs: [{url: "http://hook:8080/"}]') => `route:\n  receiver: r\n${route}\nreceivers:\n- name: r\n${receiver}\n`;

describe('Prometheus: scrape timeout and intervals', () => {
  test('a timeout longer than the interval the job inherits from the environment', () => {
    const { monitoring } = dockerEnvironment({ prometheus: { scrapeInterval: '15s', scrapeTimeout: '10s' } });
    expect(messageOf(() => new ServiceScrape(monitoring, 'api', { targets: ['api:8000'], timeout: '20s' }))).toBe(
      'ServiceScrape test/monitoring/api, timeout: got "20s", expected a timeout no longer than the scrape interval (15s, the environment\'s prometheus.scrapeInterval, which the job inherits); Prometheus refuses the file: "scrape timeout greater than scrape interval"',
    );
    // The file the check keeps out:
    const refused = promtoolConfig('global:\n  scrape_interval: 15s\nscrape_configs:\n- job_name: api\n  scrape_timeout: 20s\n  static_configs: [{targets: ["api:8000"]}]\n');
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('scrape timeout greater than scrape interval for scrape config with job name "api"');
  });

  test('control: a job interval shorter than the environment timeout is fine (Prometheus caps the timeout)', () => {
    const { monitoring } = dockerEnvironment({ prometheus: { scrapeInterval: '15s', scrapeTimeout: '10s' } });
    expect(() => new ServiceScrape(monitoring, 'fast', { targets: ['api:8000'], interval: '5s' })).not.toThrow();
    expect(() => new ServiceScrape(monitoring, 'slow', { targets: ['api:8001'], interval: '1m', timeout: '30s' })).not.toThrow();
  });

  test('zero scrape and evaluation intervals (Prometheus would silently use 1m)', () => {
    expect(messageOf(() => new MonitoringEnvironment('dev', { evaluationInterval: '0s' }))).toBe('MonitoringStack dev, prometheus.evaluationInterval: got "0s", expected a duration > 0');
    expect(messageOf(() => new MonitoringEnvironment('dev', { scrapeInterval: '0s', scrapeTimeout: '0s' }))).toBe('MonitoringStack dev, prometheus.scrapeInterval: got "0s", expected a duration > 0');
  });
});

describe('Prometheus: relabel fields per action', () => {
  test('labeldrop and labelkeep take only regex', () => {
    const job = (rule: object) => () => buildScrapeJob({ jobName: 'api', targets: ['api:8000'], metricRelabelConfigs: [rule] }, 'ServiceScrape dev/monitoring/api');
    expect(messageOf(job({ action: 'labeldrop', regex: 'pod_.*', sourceLabels: ['pod'] }))).toBe(
      'ServiceScrape dev/monitoring/api, metricRelabelConfigs[0].sourceLabels: got ["pod"], expected no sourceLabels with action "labeldrop": it takes only regex (Prometheus refuses the file); labeldrop matches label names against regex, to drop series use action "drop" with sourceLabels',
    );
    expect(messageOf(job({ action: 'labelkeep', regex: 'job|instance', targetLabel: 'x' }))).toContain('metricRelabelConfigs[0].targetLabel: got "x", expected no targetLabel with action "labelkeep"');
    expect(messageOf(job({ action: 'keepequal', sourceLabels: ['a'], targetLabel: 'b', regex: 'x' }))).toContain(
      'metricRelabelConfigs[0].regex: got "x", expected no regex with action "keepequal": it takes only sourceLabels and targetLabel',
    );
    const refused = promtoolConfig('scrape_configs:\n- job_name: api\n  static_configs: [{targets: ["api:8000"]}]\n  metric_relabel_configs: [{action: labeldrop, regex: "pod_.*", source_labels: [pod]}]\n');
    expect(refused.output).toContain("labeldrop action requires only 'regex', and no other fields");
  });
});

describe('Alertmanager: route timing', () => {
  test('a zero groupInterval or repeatInterval, on the root or a child route', () => {
    expect(messageOf(() => buildRoute({ receiver: 'r', groupInterval: '0s' }, 'AlertRouting dev/monitoring/routing', 'routes[0]'))).toBe(
      'AlertRouting dev/monitoring/routing, routes[0].groupInterval: got "0s", expected a duration > 0 (Alertmanager refuses the file: "group_interval cannot be zero")',
    );
    expect(messageOf(() => buildRootRoute({ receiver: 'r', repeatInterval: '0s' }, 'AlertRouting dev/monitoring/routing'))).toBe(
      'AlertRouting dev/monitoring/routing, route.repeatInterval: got "0s", expected a duration > 0 (Alertmanager refuses the file: "repeat_interval cannot be zero")',
    );
    expect(amtool(AM_BASE('  group_interval: 0s')).output).toContain('group_interval cannot be zero');
    expect(amtool(AM_BASE('  routes: [{repeat_interval: 0s}]')).output).toContain('repeat_interval cannot be zero');
  });

  test('a label listed twice in groupBy', () => {
    expect(messageOf(() => buildRoute({ receiver: 'r', groupBy: ['job', 'job'] }, 'AlertRouting dev/monitoring/routing', 'routes[0]'))).toBe(
      'AlertRouting dev/monitoring/routing, routes[0].groupBy: got ["job","job"], expected each label once ("job" is listed twice; Alertmanager refuses the file)',
    );
    expect(amtool(AM_BASE('  group_by: [job, job]')).output).toContain('duplicated label "job" in group_by');
  });
});

describe('Alertmanager: receivers', () => {
  const { monitoring } = dockerEnvironment();
  let n = 0;
  const routing = (receiver: Receiver) => () => new AlertRouting(monitoring, `routing${n++}`, { receivers: [receiver] });

  test('a negative or fractional maxAlerts (max_alerts is unsigned)', () => {
    expect(messageOf(routing(Receiver.webhook('hook', { url: 'http://hook:8080/', maxAlerts: -1 })))).toMatch(
      /^AlertRouting test\/monitoring\/routing\d+, receiver hook, webhook, maxAlerts: got -1, expected a whole number ≥ 0 \(0 sends every alert; Alertmanager reads max_alerts as an unsigned integer\)$/,
    );
    expect(messageOf(routing(Receiver.webhook('hook', { url: 'http://hook:8080/', maxAlerts: 2.5 })))).toContain('maxAlerts: got 2.5');
    expect(amtool(AM_BASE('', '  webhook_configs: [{url: "http://hook:8080/", max_alerts: -1}]')).status).not.toBe(0);
  });

  test('an email `to` with a display name is accepted, as Alertmanager accepts it', () => {
    const email = Receiver.email('ops', { to: '"Ops, EU" <ops@example.com>, oncall@example.com', from: 'Alerts <alerts@example.com>', smarthost: 'smtp.example.com:587' });
    expect(() => routing(email)()).not.toThrow();
    const yaml = renderAlertmanagerConfig({ route: { receiver: 'ops', matchers: [], routes: [], declaredBy: 'x' }, receivers: [email], inhibitRules: [] }, 'dev');
    expect(yaml).toContain('- to: "\\"Ops, EU\\" <ops@example.com>, oncall@example.com"');
    expect(amtool(yaml).status).toBe(0);
    // On AWS each address becomes an SNS email subscription, which takes the bare address.
    expect(planSnsReceiver(email, 'AlertRouting x', 'prod').subscriptions).toEqual([
      { protocol: 'email', endpoint: 'ops@example.com' },
      { protocol: 'email', endpoint: 'oncall@example.com' },
    ]);
  });

  test('an email `to` that is no address list is refused', () => {
    expect(messageOf(routing(Receiver.email('ops', { to: 'the ops team', from: 'alerts@example.com', smarthost: 'smtp.example.com:587' })))).toContain(
      'receiver ops, email, to: got "the ops team", expected one or more email addresses, comma-separated, each optionally with a display name',
    );
    expect(messageOf(routing(Receiver.email('ops', { to: 'ops@example.com', from: 'Alerts <alerts@>', smarthost: 'smtp.example.com:587' })))).toContain(
      'receiver ops, email, from: got "Alerts <alerts@>", expected an email address, optionally with a display name',
    );
  });
});

describe('Alertmanager: time interval ranges', () => {
  const where = 'AlertRouting dev/monitoring/routing';
  const check = (period: object) => () => checkTimeInterval({ name: 'maintenance', periods: [period] }, where, 'timeIntervals[0]');

  test('ranges that end before they start', () => {
    expect(messageOf(check({ weekdays: ['friday:monday'] }))).toBe(
      `${where}, timeIntervals[0].periods[0].weekdays[0]: got "friday:monday", expected a range whose start day comes first in the week (sunday to saturday), e.g. "monday:friday"; for a range across the weekend list two ranges ("friday:saturday", "sunday:monday")`,
    );
    expect(messageOf(check({ months: ['march:january'] }))).toContain('months[0]: got "march:january", expected a range whose start month comes first in the year');
    expect(messageOf(check({ years: ['2027:2026'] }))).toContain('years[0]: got "2027:2026", expected a range whose start year is not after its end year');
    expect(messageOf(check({ daysOfMonth: ['5:1'] }))).toContain('daysOfMonth[0]: got "5:1", expected a range whose end is not before its start');
    expect(messageOf(check({ daysOfMonth: ['-1:5'] }))).toContain('a negative start needs a negative end');
    const am = (period: string) => amtool(`route:\n  receiver: r\nreceivers:\n- name: r\ntime_intervals:\n- name: t\n  time_intervals:\n  - ${period}\n`).output;
    expect(am('weekdays: ["friday:monday"]')).toContain('start day cannot be before end day');
    expect(am('days_of_month: ["5:1"]')).toContain('end day 1 is always before start day 5');
    expect(am('months: ["march:january"]')).toContain('end month january is before start month march');
  });

  test('control: ranges Alertmanager accepts', () => {
    expect(check({ weekdays: ['monday:friday'], daysOfMonth: ['-5:-1', '25:-1'], months: ['1:3'], years: ['2026:2027'] })).not.toThrow();
  });
});

describe('Loki: ruler', () => {
  test('a zero evaluation interval', () => {
    expect(messageOf(() => buildLokiSettings({ ruler: { alertmanagerUrl: 'http://alertmanager:9093', evaluationInterval: '0s' } }, 'LogPipeline dev/monitoring/logs'))).toBe(
      'LogPipeline dev/monitoring/logs, ruler.evaluationInterval: got "0s", expected a duration > 0, e.g. "1m"',
    );
  });
});
