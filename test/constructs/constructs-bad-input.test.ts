import { AlertGroup, AlertRouting, GrafanaDashboard, Receiver, ServiceScrape, Secret } from '../../lib';
import { dockerEnvironment } from '../helpers/stacks';

describe('bad input is refused where it is given', () => {
  const { monitoring } = dockerEnvironment();

  test('invalid PromQL in an AlertGroup', () => {
    expect(() => new AlertGroup(monitoring, 'api-health', { rules: [{ alert: 'HighErrorRate', expr: 'sum(rate(http_requests_total[5m) > 0.1' }] })).toThrow(
      'AlertGroup test/monitoring/api-health, rule HighErrorRate, expr: PromQL parse error at 1:32 near ") > 0.1"',
    );
  });

  test('a malformed duration in a ServiceScrape', () => {
    expect(() => new ServiceScrape(monitoring, 'api', { targets: ['api:8000'], interval: '10 seconds' })).toThrow(
      'ServiceScrape test/monitoring/api, interval: got "10 seconds", expected a Prometheus duration',
    );
  });

  test('an invalid label name in a ServiceScrape', () => {
    expect(() => new ServiceScrape(monitoring, 'web', { targets: ['web:80'], labels: { 'team.name': 'x' } })).toThrow(
      'ServiceScrape test/monitoring/web, labels key: got "team.name", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*',
    );
  });

  test('an empty target list', () => {
    expect(() => new ServiceScrape(monitoring, 'empty', { targets: [] })).toThrow('ServiceScrape test/monitoring/empty, targets: got [], expected a non-empty list');
  });

  test('a receiver with no integration', () => {
    expect(() => new AlertRouting(monitoring, 'routing', { receivers: [Receiver.of('nobody', [])], route: { receiver: 'nobody' } })).toThrow(
      'AlertRouting test/monitoring/routing, receiver nobody, integrations: got [], expected at least one integration',
    );
  });

  test('a receiver given as a plain object', () => {
    expect(() => new AlertRouting(monitoring, 'routing2', { receivers: [{ name: 'x' } as unknown as Receiver] })).toThrow(
      'AlertRouting test/monitoring/routing2, receivers: got {"name":"x"}, expected a Receiver such as Receiver.webhook("name", { url })',
    );
  });

  test('a dashboard without title, and one with a uid Grafana refuses', () => {
    expect(() => new GrafanaDashboard(monitoring, 'untitled', { dashboard: { panels: [] } })).toThrow(
      'GrafanaDashboard test/monitoring/untitled, dashboard.title: got nothing, expected a non-empty dashboard title',
    );
    expect(() => new GrafanaDashboard(monitoring, 'baduid', { dashboard: { title: 'T' }, uid: 'has spaces and is far too long for grafana uids' })).toThrow(
      "GrafanaDashboard test/monitoring/baduid, uid: got \"has spaces and is far too long for grafana uids\", expected a Grafana uid: 1 to 40 characters of letters, digits, '-' and '_'",
    );
  });

  test('a secret variable name with spaces is reported with the construct and the field that received it', () => {
    expect(() => new ServiceScrape(monitoring, 'secured', { targets: ['api:8000'], bearerToken: Secret.fromVariable('api token') })).toThrow(
      'ServiceScrape test/monitoring/secured, bearerToken: Secret.fromVariable: got "api token", expected a Terraform variable name',
    );
  });
});
