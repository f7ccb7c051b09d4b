import { Testing } from 'cdktf';
import { StagingStack } from '../../../stacks/staging';
import { onlyResource, resourcesOf, warningsOf } from './helpers';

describe('StagingStack: Prometheus and Alertmanager on a Docker host, the rest on an existing Grafana', () => {
  const stack = new StagingStack(Testing.app(), 'staging');
  const synthesized = Testing.synth(stack, true);
  const json = JSON.parse(synthesized);

  test('synthesizes with validations; the state path is relative', () => {
    expect(json.terraform.backend.local.path).toBe('terraform.staging.tfstate');
    expect(synthesized).not.toMatch(/\/work\/|\/tmp\/|\/home\//);
  });

  test('the Docker host runs Prometheus and Alertmanager but no Grafana', () => {
    const names = resourcesOf(json, 'docker_container').map((c) => c.name).sort();
    expect(names).toContain('staging-prometheus');
    expect(names).toContain('staging-alertmanager');
    expect(names).not.toContain('staging-grafana');
  });

  test('the existing Grafana gets data sources, folders, the dashboard, rule groups and routing', () => {
    const count = (type: string) => resourcesOf(json, type).length;
    expect({
      dataSources: count('grafana_data_source'),
      folders: count('grafana_folder'),
      dashboards: count('grafana_dashboard'),
      ruleGroups: count('grafana_rule_group'),
      contactPoints: count('grafana_contact_point'),
      muteTimings: count('grafana_mute_timing'),
      policies: count('grafana_notification_policy'),
    }).toEqual({ dataSources: 2, folders: 2, dashboards: 1, ruleGroups: 2, contactPoints: 1, muteTimings: 2, policies: 1 });
    expect(resourcesOf(json, 'grafana_rule_group').flatMap((g) => g.rule.map((r: any) => r.name))).toEqual(['ApiDown', 'ApiHighErrorRatio', 'HostDiskAlmostFull']);
    expect(onlyResource(json, 'grafana_notification_policy').contact_point).toBe('staging-slack');
  });

  test('Prometheus evaluates but leaves notifying to Grafana; the recording rule stays on Prometheus', () => {
    const files = stack.monitoring.renderedFiles();
    expect(files['prometheus/prometheus.yml']).not.toContain('alertmanagers');
    expect(files['prometheus/rules/api-health.yml']).toContain('record: job:http_requests:rate5m');
    expect(synthesized).not.toContain('"name": "job:http_requests:rate5m"');
  });

  test('every secret and address is a Terraform variable; secrets are sensitive', () => {
    expect(Object.keys(json.variable).sort()).toEqual([
      'grafana_auth',
      'grafana_url',
      'staging_alertmanager_proxy_url',
      'staging_prometheus_proxy_url',
      'staging_proxy_password',
      'staging_slack_webhook_url',
    ]);
    for (const name of ['grafana_auth', 'staging_proxy_password', 'staging_slack_webhook_url']) expect(json.variable[name].sensitive).toBe(true);
    expect(json.provider.grafana[0]).toEqual({ url: '${var.grafana_url}', auth: '${var.grafana_auth}' });
  });

  test('no Grafana target warnings: 30s evaluation fits Grafana\'s 10s tick, nothing is left out', () => {
    expect(warningsOf(stack).filter((w) => w.startsWith('GrafanaTarget') || w.includes('left out') || w.includes('10s tick'))).toEqual([]);
  });

  test('the output is deterministic', () => {
    expect(Testing.synth(new StagingStack(Testing.app(), 'staging'), true)).toBe(synthesized);
  });
});
