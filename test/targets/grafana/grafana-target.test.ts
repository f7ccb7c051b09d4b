import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AlertGroup, AlertRouting, DockerHostTarget, GrafanaDashboard, MonitoringStack, Receiver, Secret, Severity } from '../../../lib';
import { GrafanaDataSource, GrafanaTarget } from '../../../lib/targets/grafana';
import { Dashboard } from '../../../lib/providers/grafana/dashboard';
import { DataSource } from '../../../lib/providers/grafana/data-source';
import { Folder } from '../../../lib/providers/grafana/folder';
import { grafanaEnvironment, onlyResource, resourcesOf, synthJson, targetProps } from './helpers';

const dashboardJson = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  id: 42,
  version: 7,
  panels: [{ type: 'timeseries', title: 'Up', gridPos: { x: 0, y: 0, w: 24, h: 8 }, datasource: { type: 'prometheus', uid: 'prometheus' }, targets: [{ refId: 'A', expr: 'up' }] }],
  ...extra,
});

describe('GrafanaTarget: provider and data sources', () => {
  const { stack } = grafanaEnvironment({
    httpHeaders: { 'X-Scope-OrgID': 'staging', Authorization: Secret.fromVariable('grafana_proxy_header') },
    dataSources: {
      prometheus: GrafanaDataSource.prometheus({
        url: 'https://prometheus.example.com',
        basicAuth: { username: 'grafana', password: Secret.fromVariable('prometheus_proxy_password') },
      }),
      alertmanager: GrafanaDataSource.alertmanager({ url: 'https://alertmanager.example.com', bearerToken: Secret.fromVariable('am_token') }),
      loki: GrafanaDataSource.loki({ url: 'https://loki.example.com', httpHeaders: { 'X-Scope-OrgID': 'tenant-1' } }),
    },
  });
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);

  test('the provider reads its token from a sensitive variable and keeps header names intact', () => {
    const provider = json.provider.grafana[0];
    expect(provider).toEqual({
      url: 'https://grafana.example.com',
      auth: '${var.grafana_auth}',
      http_headers: { Authorization: '${var.grafana_proxy_header}', 'X-Scope-OrgID': 'staging' },
    });
    // Map keys compared on the parsed JSON: the cdktf matchers ignore key case.
    expect(Object.keys(provider.http_headers)).toEqual(['Authorization', 'X-Scope-OrgID']);
    expect(json.variable.grafana_auth).toMatchObject({ sensitive: true, type: 'string', nullable: false });
    expect(json.terraform.required_providers.grafana).toEqual({ source: 'grafana/grafana', version: '~> 4.45' });
  });

  test('data sources get fixed uids; secrets go to secure_json_data_encoded or headers as variable references', () => {
    expect(synthesized).toHaveResourceWithProperties(DataSource, { uid: 'prometheus', type: 'prometheus', url: 'https://prometheus.example.com' });
    const [alertmanager, loki, prometheus] = resourcesOf(json, 'grafana_data_source');
    expect(prometheus).toEqual({
      provider: 'grafana',
      type: 'prometheus',
      name: 'Prometheus',
      uid: 'prometheus',
      url: 'https://prometheus.example.com',
      access_mode: 'proxy',
      basic_auth_enabled: true,
      basic_auth_username: 'grafana',
      json_data_encoded: '{"httpMethod":"POST","timeInterval":"15s"}',
      secure_json_data_encoded: '${jsonencode({"basicAuthPassword" = var.prometheus_proxy_password})}',
    });
    expect(alertmanager).toMatchObject({
      uid: 'alertmanager',
      type: 'alertmanager',
      json_data_encoded: '{"handleGrafanaManagedAlerts":false,"implementation":"prometheus"}',
      http_headers: { Authorization: 'Bearer ${var.am_token}' },
    });
    expect(loki).toMatchObject({ uid: 'loki', type: 'loki', url: 'https://loki.example.com' });
    expect(Object.keys(loki.http_headers)).toEqual(['X-Scope-OrgID']);
    expect(loki.json_data_encoded).toBeUndefined();
    expect(synthesized).not.toMatch(/is_default/);
  });

  test('AMP workspaces are queried with SigV4 through the Amazon Managed Service for Prometheus plugin', () => {
    const { stack: amp } = grafanaEnvironment({
      dataSources: {
        prometheus: GrafanaDataSource.amazonPrometheus({
          url: 'https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1234/',
          region: 'eu-west-1',
          authType: 'ec2_iam_role',
        }),
      },
    });
    const ds = onlyResource(synthJson(amp), 'grafana_data_source');
    expect(ds.type).toBe('grafana-amazonprometheus-datasource');
    expect(JSON.parse(ds.json_data_encoded)).toEqual({
      httpMethod: 'POST',
      sigV4Auth: true,
      sigV4AuthType: 'ec2_iam_role',
      sigV4Region: 'eu-west-1',
      timeInterval: '15s',
    });
    expect(ds.secure_json_data_encoded).toBeUndefined();
  });

  test("Grafana Cloud's hosted Prometheus uses basic auth with the instance id and an access policy token", () => {
    const { stack: cloud } = grafanaEnvironment({
      dataSources: {
        prometheus: GrafanaDataSource.grafanaCloudPrometheus({
          url: 'https://prometheus-prod-01-eu-west-0.grafana.net/api/prom',
          user: '123456',
          token: Secret.fromVariable('grafana_cloud_metrics_token'),
        }),
      },
    });
    expect(onlyResource(synthJson(cloud), 'grafana_data_source')).toMatchObject({
      basic_auth_enabled: true,
      basic_auth_username: '123456',
      secure_json_data_encoded: '${jsonencode({"basicAuthPassword" = var.grafana_cloud_metrics_token})}',
    });
  });

  test('an existing data source is referenced, not created, and rules query it by uid', () => {
    const { stack: existing, monitoring } = grafanaEnvironment({
      dataSources: { prometheus: GrafanaDataSource.existing('prometheus', { uid: 'grafanacloud-prom', type: 'prometheus' }) },
    });
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'Down', expr: 'up == 0' }] });
    const out = synthJson(existing);
    expect(out.resource.grafana_data_source).toBeUndefined();
    const rule = onlyResource(out, 'grafana_rule_group');
    expect(rule.depends_on).toBeUndefined();
    expect(rule.rule[0].data[0].datasource_uid).toBe('grafanacloud-prom');
    expect(monitoring.model.allDataSources.map((d) => d.uid)).toEqual(['grafanacloud-prom']);
  });

  test('the data sources are known to the environment, for the dashboards\' data source checks', () => {
    const { monitoring } = grafanaEnvironment();
    expect(monitoring.model.allDataSources).toEqual([
      { uid: 'prometheus', name: 'Prometheus', type: 'prometheus', url: 'https://prometheus.example.com', isDefault: false, jsonData: { httpMethod: 'POST', timeInterval: '15s' } },
    ]);
  });

  test('a secret shared with the Docker host is one variable', () => {
    const stack2 = new TerraformStack(Testing.app(), 'shared');
    const monitoring = new MonitoringStack(stack2, 'monitoring', {
      environment: 'staging',
      targets: [new DockerHostTarget({ grafana: false }), new GrafanaTarget(targetProps({ manage: { routing: true } }))],
    });
    new AlertRouting(monitoring, 'routing', {
      receivers: [Receiver.slack('team', { apiUrl: Secret.fromVariable('slack_url') })],
      route: { receiver: 'team' },
    });
    const out = synthJson(stack2);
    expect(Object.keys(out.variable).sort()).toEqual(['grafana_auth', 'prometheus_proxy_password', 'slack_url']);
    expect(stack2.node.findAll().filter((c) => c instanceof TerraformVariable)).toHaveLength(3);
    // Alertmanager reads it from a file, Grafana's contact point gets it from Terraform.
    expect(JSON.stringify(out.resource.docker_container)).toContain('"content":"${var.slack_url}"');
    expect(onlyResource(out, 'grafana_contact_point').slack[0].url).toBe('${var.slack_url}');
  });
});

describe('GrafanaTarget: dashboards and folders', () => {
  const { stack, monitoring } = grafanaEnvironment();
  new GrafanaDashboard(monitoring, 'api', { dashboard: dashboardJson('API', { templating: { list: [{ name: 'x', query: '${DS_PROMETHEUS}' }] } }), uid: 'api', folder: 'Services' });
  new GrafanaDashboard(monitoring, 'db', { dashboard: dashboardJson('Database'), uid: 'db', folder: 'Services' });
  new GrafanaDashboard(monitoring, 'home', { dashboard: dashboardJson('Home'), uid: 'home' });
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);

  test('one folder per title, with a uid derived from the environment and the title', () => {
    expect(resourcesOf(json, 'grafana_folder')).toEqual([{ provider: 'grafana', title: 'Services', uid: 'staging-services' }]);
    expect(synthesized).toHaveResourceWithProperties(Folder, { title: 'Services', uid: 'staging-services' });
  });

  test('dashboards carry config_json without id and version, their folder uid and overwrite', () => {
    const dashboards = resourcesOf(json, 'grafana_dashboard');
    expect(dashboards).toHaveLength(3);
    const api = dashboards.find((d) => JSON.parse(d.config_json.replace(/\$\$\{/g, '${')).uid === 'api')!;
    expect(api.folder).toMatch(/^\$\{grafana_folder\.monitoring_grafana_folder-staging-services_[0-9A-F]+\.uid\}$/);
    expect(api.overwrite).toBe(true);
    const model = JSON.parse(api.config_json.replace(/\$\$\{/g, '${'));
    expect(model.id).toBeUndefined();
    expect(model.version).toBeUndefined();
    expect(model).toMatchObject({ uid: 'api', title: 'API' });
    // Escaped for Terraform: ${DS_PROMETHEUS} reaches Grafana unchanged.
    expect(api.config_json).toContain('$${DS_PROMETHEUS}');
    const home = dashboards.find((d) => d.config_json.includes('"uid":"home"'))!;
    expect(home.folder).toBeUndefined();
    expect(synthesized).toHaveResourceWithProperties(Dashboard, { overwrite: true });
  });

  test('folderUids adopt existing folders; overwriteDashboards can be turned off', () => {
    const { stack: s, monitoring: m } = grafanaEnvironment({ folderUids: { Services: 'svc-folder' }, overwriteDashboards: false });
    new GrafanaDashboard(m, 'api', { dashboard: dashboardJson('API'), folder: 'Services' });
    const out = synthJson(s);
    expect(onlyResource(out, 'grafana_folder')).toMatchObject({ title: 'Services', uid: 'svc-folder' });
    expect(onlyResource(out, 'grafana_dashboard').overwrite).toBe(false);
  });

  test('dashboards declared after the target land (resources are created at synth)', () => {
    expect(resourcesOf(json, 'grafana_dashboard').map((d) => JSON.parse(d.config_json.replace(/\$\$\{/g, '${')).uid).sort()).toEqual(['api', 'db', 'home']);
  });
});

describe('GrafanaTarget: defaults', () => {
  test('by default only data sources, folders and dashboards are managed', () => {
    const { stack, monitoring } = grafanaEnvironment({ manage: undefined });
    new GrafanaDashboard(monitoring, 'api', { dashboard: dashboardJson('API'), folder: 'Services' });
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'Down', expr: 'up == 0', severity: Severity.CRITICAL }] });
    const out = synthJson(stack);
    expect(Object.keys(out.resource).sort()).toEqual(['grafana_dashboard', 'grafana_data_source', 'grafana_folder']);
  });

  test('the same program gives byte-identical output', () => {
    const build = () => {
      const { stack, monitoring } = grafanaEnvironment();
      new GrafanaDashboard(monitoring, 'b', { dashboard: dashboardJson('B'), folder: 'Zeta' });
      new GrafanaDashboard(monitoring, 'a', { dashboard: dashboardJson('A'), folder: 'Alpha' });
      new AlertGroup(monitoring, 'g', { rules: [{ alert: 'Down', expr: 'up == 0', labels: { z: '1', a: '2' } }] });
      return Testing.synth(stack, true);
    };
    const first = build();
    expect(build()).toBe(first);
    expect(first).not.toMatch(/\/work\/|\/tmp\//);
  });

  test('synthesizing twice does not create the resources twice', () => {
    const { stack, monitoring } = grafanaEnvironment();
    new GrafanaDashboard(monitoring, 'a', { dashboard: dashboardJson('A') });
    const first = Testing.synth(stack, true);
    expect(Testing.synth(stack, true)).toBe(first);
  });
});
