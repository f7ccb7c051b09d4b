import { TerraformStack, Testing } from 'cdktf';
import { AlertRouting, DockerHostTarget, GrafanaDashboard, MonitoringStack, Receiver, Secret } from '../../../lib';
import type { SlackOptions } from '../../../lib/model/receivers';
import { GrafanaDataSource, GrafanaTarget } from '../../../lib/targets/grafana';
import { contactPointFor } from '../../../lib/targets/grafana/contact-points';
import { SecretVariables } from '../../../lib/targets/grafana/secrets';
import { grafanaEnvironment, synthError, targetProps } from './helpers';
import { bindTarget } from '../../helpers/stacks';

const UID_RULE = "expected a Grafana uid: 1 to 40 characters of letters, digits, '-' and '_'";
const dashboard = (title: string) => ({ title, panels: [] });

describe('GrafanaTarget bad input: URLs', () => {
  test('a Grafana URL that is not http(s)', () => {
    expect(() => bindTarget(new GrafanaTarget(targetProps({ url: 'grafana.example.com' })))).toThrow(
      'GrafanaTarget of MonitoringStack test/monitoring, url: got "grafana.example.com", expected an http:// or https:// URL, e.g. "https://grafana.example.com" (or a Terraform token)',
    );
    expect(() => bindTarget(new GrafanaTarget(targetProps({ url: 'ftp://grafana.example.com' })))).toThrow('GrafanaTarget of MonitoringStack test/monitoring, url: got "ftp://grafana.example.com", expected an http:// or https:// URL');
  });

  test('a URL with credentials in it is refused without echoing them', () => {
    expect(() => bindTarget(new GrafanaTarget(targetProps({ url: 'https://admin:secret@grafana.example.com' })))).toThrow(
      'GrafanaTarget of MonitoringStack test/monitoring, url: got "https://<redacted>@grafana.example.com", expected a URL without a credential, with the API token or user:password in auth as a Secret.fromVariable("<terraform variable>"); the user:password@ part is a credential and would be written in clear text',
    );
  });

  test('a data source URL that is not http(s)', () => {
    expect(() => bindTarget(new GrafanaTarget(targetProps({ dataSources: { prometheus: GrafanaDataSource.prometheus({ url: 'prometheus:9090' }) } })))).toThrow(
      'GrafanaTarget of MonitoringStack test/monitoring, dataSources.prometheus.url: got "prometheus:9090", expected an http:// or https:// URL',
    );
  });
});

describe('GrafanaTarget bad input: uids', () => {
  test('a data source uid that breaks Grafana\'s uid rules', () => {
    expect(() => bindTarget(new GrafanaTarget(targetProps({ dataSources: { prometheus: GrafanaDataSource.prometheus({ url: 'https://p.example.com', uid: 'my prometheus!' }) } })))).toThrow(
      `GrafanaTarget of MonitoringStack test/monitoring, dataSources.prometheus.uid: got "my prometheus!", ${UID_RULE}`,
    );
    const long = 'x'.repeat(41);
    expect(() => bindTarget(new GrafanaTarget(targetProps({ dataSources: { prometheus: GrafanaDataSource.existing('prometheus', { uid: long, type: 'prometheus' }) } })))).toThrow(
      `GrafanaTarget of MonitoringStack test/monitoring, dataSources.prometheus.uid: got "${long}", ${UID_RULE}`,
    );
  });

  test('a folder uid that breaks Grafana\'s uid rules', () => {
    expect(() => bindTarget(new GrafanaTarget(targetProps({ folderUids: { Services: 'services/prod' } })))).toThrow(
      `GrafanaTarget of MonitoringStack test/monitoring, folderUids["Services"]: got "services/prod", ${UID_RULE}`,
    );
  });

  test('two folder titles that derive the same uid', () => {
    const { stack, monitoring } = grafanaEnvironment();
    new GrafanaDashboard(monitoring, 'a', { dashboard: dashboard('A'), folder: 'Services' });
    new GrafanaDashboard(monitoring, 'b', { dashboard: dashboard('B'), folder: 'services' });
    expect(synthError(stack)).toContain(
      'GrafanaDashboard test/monitoring/b, folder: got "services", expected a folder title whose derived uid "staging-services" differs from that of folder "Services"; use one spelling, or give both a uid with GrafanaTarget folderUids',
    );
  });

  test('a data source uid another target already gives a data source', () => {
    const stack = new TerraformStack(Testing.app(), 'dup');
    new MonitoringStack(stack, 'monitoring', { environment: 'staging', targets: [new DockerHostTarget(), new GrafanaTarget(targetProps())] });
    expect(synthError(stack)).toContain(
      'GrafanaTarget dup/monitoring/grafana, dataSources.prometheus.uid: got "prometheus", which is already used by the data source "Prometheus" (prometheus) of the environment; expected a unique value',
    );
  });
});

describe('GrafanaTarget bad input: dashboards', () => {
  test('a duplicate dashboard title in one folder', () => {
    const { stack, monitoring } = grafanaEnvironment();
    new GrafanaDashboard(monitoring, 'api', { dashboard: dashboard('API'), folder: 'Services' });
    new GrafanaDashboard(monitoring, 'api-copy', { dashboard: dashboard('API'), folder: 'Services' });
    expect(synthError(stack)).toContain(
      'GrafanaDashboard test/monitoring/api-copy, title (in its folder): got "API", which is already used by GrafanaDashboard test/monitoring/api; expected a unique value',
    );
  });

  test('a dashboard title that differs only in case in one folder', () => {
    const { stack, monitoring } = grafanaEnvironment();
    new GrafanaDashboard(monitoring, 'api', { dashboard: dashboard('API'), folder: 'Services' });
    new GrafanaDashboard(monitoring, 'api-lower', { dashboard: dashboard('api'), folder: 'Services' });
    new GrafanaDashboard(monitoring, 'api-elsewhere', { dashboard: dashboard('api'), folder: 'Other' });
    const message = synthError(stack);
    expect(message).toContain(
      'GrafanaDashboard test/monitoring/api-lower, title: got "api", expected a title unique in folder "Services" ignoring case: Grafana treats it as the same title as "API" of GrafanaDashboard test/monitoring/api',
    );
    expect(message).not.toContain('api-elsewhere');
  });
});

describe('GrafanaTarget bad input: routing', () => {
  const routing = () => grafanaEnvironment({ manage: { routing: true } });

  test('a policy tree deeper than the provider allows names the route path', () => {
    const { stack, monitoring } = routing();
    let route: object = { matchers: { level: '6' } };
    for (let level = 5; level >= 1; level--) route = { matchers: { level: String(level) }, routes: [route] };
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.webhook('hook', { url: 'https://hooks.example.com/a' })],
      route: { receiver: 'hook', routes: [route] },
    });
    expect(synthError(stack)).toContain(
      'AlertRouting test/monitoring/routing, route.routes[0].routes[0].routes[0].routes[0].routes[0].routes[0]: got "a route 6 levels below the root route", ' +
        'expected at most 5 levels: grafana_notification_policy (grafana/grafana ~> 4.45) nests policies 5 deep; flatten the routes, e.g. with more matchers on one level',
    );
    // Without validations the tree is cut at the limit instead of failing inside the provider binding.
    expect(() => Testing.synth(stack, false)).not.toThrow();
  });

  test('an integration whose secret is a file path a remote Grafana cannot read', () => {
    const { stack, monitoring } = routing();
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.slack('team', { apiUrl: Secret.fromFile('/run/secrets/slack_url') })],
      route: { receiver: 'team' },
    });
    expect(synthError(stack)).toContain(
      'AlertRouting test/monitoring/routing, receiver team, slack, apiUrl: got "Secret.fromFile(/run/secrets/slack_url)", expected Secret.fromVariable("<terraform variable>"): ' +
        "the file path is only readable inside the Docker host's containers, and a remote Grafana gets secrets from Terraform, never from a file",
    );
  });

  test('an integration without its required secret', () => {
    // AlertRouting refuses it where it is given...
    const { monitoring } = routing();
    expect(() => new AlertRouting(monitoring, 'routing', { receivers: [Receiver.pagerduty('pager', {} as never)], route: { receiver: 'pager' } })).toThrow(
      'AlertRouting test/monitoring/routing, receiver pager, pagerduty, routingKey: is required',
    );
    // ...and the Grafana target checks again for receivers that never went through it.
    const secrets = new SecretVariables(new TerraformStack(Testing.app(), 'unchecked'));
    expect(() => contactPointFor(Receiver.slack('team', {} as SlackOptions), 'AlertRouting x/routing', secrets)).toThrow(
      'AlertRouting x/routing, receiver team, slack, apiUrl: is required: expected a Secret.fromVariable("<terraform variable>"): Grafana needs it to send this notification',
    );
  });

  test('a data source password that is a file path', () => {
    const props = targetProps({
      dataSources: { prometheus: GrafanaDataSource.prometheus({ url: 'https://p.example.com', basicAuth: { username: 'grafana', password: Secret.fromFile('/run/secrets/p') } }) },
    });
    expect(() => new MonitoringStack(new TerraformStack(Testing.app(), 'file'), 'monitoring', { environment: 'staging', target: new GrafanaTarget(props) })).toThrow(
      'GrafanaTarget file/monitoring/grafana, dataSources.prometheus.basicAuth.password: got "Secret.fromFile(/run/secrets/p)", expected Secret.fromVariable',
    );
  });

  test('a root route to a receiver that discards', () => {
    const { stack, monitoring } = routing();
    new AlertRouting(monitoring, 'routing', { receivers: [Receiver.discard('null')], route: { receiver: 'null' } });
    expect(synthError(stack)).toContain(
      "AlertRouting test/monitoring/routing, route.receiver: got \"null\", expected a receiver with at least one integration: Grafana's root notification policy needs a contact point and cannot be muted",
    );
  });

  test('routing managed without any AlertRouting', () => {
    expect(synthError(routing().stack)).toContain(
      "GrafanaTarget test/monitoring/grafana, manage.routing: got true, expected an AlertRouting in the environment (GrafanaTarget replaces the organization's whole notification policy tree with it)",
    );
  });
});

describe('GrafanaTarget bad input: props', () => {
  test('auth must be a Secret, never a literal token', () => {
    expect(() => bindTarget(new GrafanaTarget(targetProps({ auth: 'glsa_literal' as never })))).toThrow(
      'GrafanaTarget of MonitoringStack test/monitoring, auth: got "<redacted>", expected a Secret.fromVariable("<terraform variable>") or a Terraform reference to a sensitive value; literal secrets would be written into cdk.tf.json',
    );
  });

  test('a data source of the wrong kind', () => {
    expect(() => bindTarget(new GrafanaTarget(targetProps({ dataSources: { prometheus: GrafanaDataSource.loki({ url: 'https://loki.example.com' }) } })))).toThrow(
      'GrafanaTarget of MonitoringStack test/monitoring, dataSources.prometheus: got "a loki data source", expected a prometheus data source',
    );
    expect(() => bindTarget(new GrafanaTarget({ url: 'https://g.example.com' } as never))).toThrow('GrafanaTarget of MonitoringStack test/monitoring, dataSources.prometheus: got nothing, expected a GrafanaDataSource');
  });

  test('orgId, execErrState and the AMP region', () => {
    expect(() => bindTarget(new GrafanaTarget(targetProps({ orgId: 0 })))).toThrow('GrafanaTarget of MonitoringStack test/monitoring, orgId: got 0, expected a Grafana organization id, a whole number ≥ 1');
    expect(() => bindTarget(new GrafanaTarget(targetProps({ execErrState: 'Firing' as never })))).toThrow('GrafanaTarget of MonitoringStack test/monitoring, execErrState: got "Firing", expected one of "OK", "Error", "KeepLast", "Alerting"');
    expect(
      () => bindTarget(new GrafanaTarget(targetProps({ dataSources: { prometheus: GrafanaDataSource.amazonPrometheus({ url: 'https://aps.example.com', region: 'Frankfurt' }) } }))),
    ).toThrow('GrafanaTarget of MonitoringStack test/monitoring, dataSources.prometheus.region: got "Frankfurt", expected an AWS region such as "eu-west-1"');
  });

  test('two grafana providers without an alias in one stack', () => {
    const stack = new TerraformStack(Testing.app(), 'two');
    new MonitoringStack(stack, 'a', { environment: 'staging', target: new GrafanaTarget(targetProps({ manage: {} })) });
    new MonitoringStack(stack, 'b', { environment: 'prod', target: new GrafanaTarget(targetProps({ manage: {} })) });
    expect(synthError(stack)).toContain('GrafanaTarget two/a/grafana, providerAlias: got "(none)", which is already used by the grafana provider two/b/grafana/provider');
  });

  test('one target object in two environments', () => {
    const target = new GrafanaTarget(targetProps());
    const stack = new TerraformStack(Testing.app(), 'reuse');
    new MonitoringStack(stack, 'a', { environment: 'staging', target });
    expect(() => new MonitoringStack(stack, 'b', { environment: 'prod', target })).toThrow(
      'MonitoringStack reuse/b, targets: this GrafanaTarget is already used by reuse/a; expected a new GrafanaTarget per environment',
    );
  });
});
