import { Testing, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AlertGroup, AlertRouting, GrafanaDashboard, Matcher, MonitoringStack, Receiver, ServiceScrape, Severity } from '../../lib';
import { Acknowledge } from '../../lib/constructs/acknowledge';
import { unacknowledgedFindings } from '../../lib/constructs/cross-construct-checks';
import { dockerEnvironment } from '../helpers/stacks';
import { AiAssistantStack } from '../../examples/ai-assistant/main';
import { AiChatStack } from '../../examples/ai-chat/main';
import { AiTutoringStack } from '../../examples/ai-tutoring/main';
import { DevPyNodeStack } from '../../examples/dev-pynode/main';
import { MicroservicesStack } from '../../examples/microservices-docker/main';
import { DevStack } from '../../stacks/dev';
import { ProdStack } from '../../stacks/prod';
import { StagingStack } from '../../stacks/staging';

/** Synthesizes with validations; returns the error message, or undefined. */
function synthError(stack: TerraformStack): string | undefined {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}

/** The warnings cdktf prints after synth (with validations), as `[path] message`. */
function warnings(stack: TerraformStack): string[] {
  const error = synthError(stack);
  if (error) throw new Error(error);
  return stack.node
    .findAll()
    .flatMap((c: IConstruct) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => `[${c.node.path}] ${String(m.data)}`));
}

const up = (job: string) => ({ alert: 'Down', expr: `up{job="${job}"} == 0`, severity: Severity.CRITICAL });

describe('errors: a route or inhibit rule matching an alert name no rule fires', () => {
  test('an equality matcher on a renamed alert, with the closest name', () => {
    const { stack, monitoring } = dockerEnvironment();
    new AlertGroup(monitoring, 'host', { rules: [{ alert: 'HostHighCpuUsage', expr: 'up == 0' }] });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('ops', { url: 'http://hook:8080/' })],
      route: { receiver: 'ops', routes: [{ receiver: 'ops', matchers: [Matcher.eq('alertname', 'HighCPUUsage')] }] },
    });
    expect(synthError(stack)).toContain(
      'AlertRouting test/monitoring/routing, route.routes[0].matchers[0]: got alertname="HighCPUUsage", but no rule of the environment fires an alert of that name ' +
        '(alerts: "HostHighCpuUsage"; did you mean "HostHighCpuUsage"?), so this route can never match; expected the name of an alert a Prometheus, Loki, SLO or ' +
        "Grafana-managed rule defines, or list alerts that reach Alertmanager from elsewhere in the AlertRouting's externalAlerts",
    );
  });

  test('a regex matcher is tried on every alert name; inhibit matchers are checked too', () => {
    const { stack, monitoring } = dockerEnvironment();
    new AlertGroup(monitoring, 'api', { rules: [{ alert: 'ApiDown', expr: 'up == 0' }] });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('ops', { url: 'http://hook:8080/' })],
      route: { receiver: 'ops', routes: [{ receiver: 'ops', matchers: [Matcher.re('alertname', 'Host.*')] }, { receiver: 'ops', matchers: [Matcher.re('alertname', '(?i)api.*')] }] },
      inhibitRules: [{ sourceMatchers: { alertname: 'NodeDown' }, targetMatchers: { alertname: 'ApiDown' } }],
    });
    const error = synthError(stack)!;
    expect(error).toContain('route.routes[0].matchers[0]: got alertname=~"Host.*", but no rule of the environment fires an alert whose name matches (alerts: "ApiDown")');
    expect(error).toContain('inhibitRules[0].sourceMatchers[0]: got alertname="NodeDown", but no rule of the environment fires an alert of that name (alerts: "ApiDown"), so this inhibit rule can never match');
    expect(error).not.toContain('(?i)api');
    expect(error).not.toContain('targetMatchers');
  });

  test('control: negative matchers, alerts declared as external, Grafana\'s own alerts and SLO alerts are accepted', () => {
    const { stack, monitoring } = dockerEnvironment({}, { grafanaManagedAlerts: true });
    new AlertGroup(monitoring, 'api', { rules: [{ alert: 'ApiDown', expr: 'up == 0' }] });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('ops', { url: 'http://hook:8080/' })],
      externalAlerts: ['BackupFailed'],
      route: {
        receiver: 'ops',
        routes: [
          { receiver: 'ops', matchers: [Matcher.neq('alertname', 'Watchdog')] },
          { receiver: 'ops', matchers: { alertname: 'BackupFailed' } },
          { receiver: 'ops', matchers: { alertname: 'DatasourceError' } },
        ],
      },
    });
    expect(synthError(stack)).toBeUndefined();
  });
});

describe('warnings: what is likely wrong', () => {
  test('unscraped-job: a rule selecting a job nothing scrapes, and a dashboard doing the same', () => {
    const { stack, monitoring } = dockerEnvironment();
    new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
    new AlertGroup(monitoring, 'billing', { rules: [up('billing')] });
    new GrafanaDashboard(monitoring, 'billing-board', {
      dashboard: { title: 'Billing', panels: [{ type: 'timeseries', title: 'Up', gridPos: { x: 0, y: 0, w: 12, h: 8 }, targets: [{ refId: 'A', expr: 'up{job="billing"}' }] }] },
    });
    const found = warnings(stack);
    expect(found).toContainEqual(
      '[test/monitoring/billing] AlertGroup test/monitoring/billing, rule Down: selects job="billing" (in "up{job=\\"billing\\"} == 0"), but no scrape job of the environment has that name ' +
        '(jobs: "alertmanager", "api", "cadvisor", "grafana", "node", "prometheus"), so it selects nothing and the rule never fires ' +
        '(warning "unscraped-job"; if this is intended, acknowledge it: Acknowledge.of(construct).add(\'unscraped-job\', \'why\'))',
    );
    expect(found.some((w) => w.startsWith('[test/monitoring/billing-board] GrafanaDashboard test/monitoring/billing-board, panel "Up"') && w.includes('selects job="billing"'))).toBe(true);
  });

  test('an acknowledgement silences the warning for the construct and its children, with a reason', () => {
    const { stack, monitoring } = dockerEnvironment();
    const group = new AlertGroup(monitoring, 'billing', { rules: [up('billing')] });
    Acknowledge.of(group).add('unscraped-job', 'billing is scraped by the shared Prometheus and federated');
    expect(warnings(stack).filter((w) => w.includes('unscraped-job'))).toEqual([]);
    expect(Acknowledge.reasonFor(group, 'unscraped-job')).toBe('billing is scraped by the shared Prometheus and federated');
    // On the MonitoringStack: the whole environment.
    const other = dockerEnvironment();
    new AlertGroup(other.monitoring, 'billing', { rules: [up('billing')] });
    Acknowledge.of(other.monitoring).add('unscraped-job', 'jobs come from the shared Prometheus');
    expect(warnings(other.stack).filter((w) => w.includes('unscraped-job'))).toEqual([]);
  });

  test('Acknowledge refuses an unknown warning name and an empty reason', () => {
    const { monitoring } = dockerEnvironment();
    expect(() => Acknowledge.of(monitoring).add('unscraped-jobs' as never, 'x')).toThrow(
      'Acknowledge.of(test/monitoring), warning: got "unscraped-jobs", expected one of "unscraped-job", "dropped-metric", "unreached-receiver", "unproducible-equal", "only-child-continue"',
    );
    expect(() => Acknowledge.of(monitoring).add('unscraped-job', ' ')).toThrow('Acknowledge.of(test/monitoring), reason: got " ", expected why the warning does not apply here');
  });

  test('dropped-metric: a metric_relabel_configs keep-list that drops the histogram the alerts use', () => {
    const { stack, monitoring } = dockerEnvironment();
    const api = new ServiceScrape(monitoring, 'api', {
      targets: ['api:8000'],
      metricRelabelConfigs: [{ sourceLabels: ['__name__'], regex: 'up|http_requests_total', action: 'keep' }],
    });
    new AlertGroup(monitoring, 'latency', {
      rules: [
        { alert: 'ApiSlow', expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 1' },
        { alert: 'ApiErrors', expr: 'sum(rate(http_requests_total{job="api",code="500"}[5m])) > 1' },
      ],
    });
    const found = warnings(stack).filter((w) => w.includes('dropped-metric'));
    expect(found).toEqual([
      '[test/monitoring/latency] AlertGroup test/monitoring/latency, rule ApiSlow: selects http_request_duration_seconds_bucket of job "api", but that job\'s metricRelabelConfigs[0] ' +
        '(action keep, regex "up|http_requests_total", declared by ServiceScrape test/monitoring/api) drops it before it is stored, so it selects nothing ' +
        '(warning "dropped-metric"; if this is intended, acknowledge it: Acknowledge.of(construct).add(\'dropped-metric\', \'why\'))',
    ]);
    // Either construct involved can acknowledge it.
    Acknowledge.of(api).add('dropped-metric', 'the histogram is scraped by the high-resolution job');
    expect(unacknowledgedFindings(monitoring).filter((f) => f.finding.warning === 'dropped-metric')).toEqual([]);
  });

  test('unreached-receiver: a receiver no route sends to', () => {
    const { stack, monitoring } = dockerEnvironment();
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('ops', { url: 'http://hook:8080/' }), Receiver.webhook('forgotten', { url: 'http://hook:8080/x' })],
      route: { receiver: 'ops' },
    });
    expect(warnings(stack)).toContainEqual(
      '[test/monitoring/routing] AlertRouting test/monitoring/routing, receiver forgotten: no route sends to it (the root route and every child route name other receivers), ' +
        'so it is never notified; route to it or remove it (warning "unreached-receiver"; if this is intended, acknowledge it: Acknowledge.of(construct).add(\'unreached-receiver\', \'why\'))',
    );
  });

  test('only-child-continue: continue: true on the only route, which does not also notify the root receiver', () => {
    const { stack, monitoring } = dockerEnvironment();
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('ops', { url: 'http://hook:8080/' }), Receiver.webhook('pager', { url: 'http://hook:8080/p' })],
      route: { receiver: 'ops', routes: [{ receiver: 'pager', matchers: { severity: 'critical' }, continue: true }] },
    });
    expect(warnings(stack).filter((w) => w.includes('only-child-continue'))).toEqual([
      '[test/monitoring/routing] AlertRouting test/monitoring/routing: a route with continue: true is the only child of the root route; continue only lets later sibling routes match too, ' +
        'so alerts this route takes are not also sent to the parent\'s receiver "ops" (a parent notifies only alerts none of its children take); to notify both, add a second child route ' +
        'after it that sends to the parent\'s receiver (warning "only-child-continue"; if this is intended, acknowledge it: Acknowledge.of(construct).add(\'only-child-continue\', \'why\'))',
    ]);
  });

  test('unproducible-equal: an inhibit equal label no alert carries; a by (...) label is fine', () => {
    const { stack, monitoring } = dockerEnvironment();
    new AlertGroup(monitoring, 'svc', {
      rules: [
        { alert: 'ServiceDown', expr: 'sum by (service) (up{job="api"}) == 0', severity: Severity.CRITICAL },
        { alert: 'ServiceSlow', expr: 'max by (service) (rate(x_total{job="api"}[5m])) > 1', severity: Severity.WARNING },
      ],
    });
    new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('ops', { url: 'http://hook:8080/' })],
      route: { receiver: 'ops' },
      inhibitRules: [{ sourceMatchers: { severity: 'critical' }, targetMatchers: { severity: 'warning' }, equal: ['cluster', 'service', 'environment'] }],
    });
    expect(warnings(stack).filter((w) => w.includes('unproducible-equal'))).toEqual([
      '[test/monitoring/routing] AlertRouting test/monitoring/routing, inhibitRules[0].equal: "cluster" is carried by no alert the rule\'s matchers can select (no rule sets it in labels, ' +
        'and their expressions aggregate it away with by (...)), so it is empty on both sides and equal always holds: the rule mutes matching alerts across every value of it; ' +
        'list a label the alerts carry (e.g. one of their by (...) labels) (warning "unproducible-equal"; if this is intended, acknowledge it: Acknowledge.of(construct).add(\'unproducible-equal\', \'why\'))',
    ]);
  });
});

describe('the reference stacks and examples', () => {
  const all: [string, new (scope: ReturnType<typeof Testing.app>, id: string) => TerraformStack][] = [
    ['dev', DevStack],
    ['staging', StagingStack],
    ['prod', ProdStack],
    ['ai-assistant', AiAssistantStack],
    ['ai-chat', AiChatStack],
    ['ai-tutoring', AiTutoringStack],
    ['dev-pynode', DevPyNodeStack],
    ['microservices-docker', MicroservicesStack],
  ];

  test.each(all)('%s: no cross-construct warning fires unless acknowledged', (name, Stack) => {
    const stack = new Stack(Testing.app(), name);
    const monitoring = stack.node.findAll().filter((c): c is MonitoringStack => c instanceof MonitoringStack);
    expect(monitoring.length).toBeGreaterThan(0);
    for (const m of monitoring) expect(unacknowledgedFindings(m).map((f) => f.finding.message)).toEqual([]);
  });
});
