import { App, Testing, TerraformStack } from 'cdktf';
import { Container } from '@cdktf/provider-docker/lib/container';
import { Volume } from '@cdktf/provider-docker/lib/volume';
import { AlertGroup, AlertRouting, DockerHostTarget, GrafanaDashboard, MonitoringStack, Receiver, ServiceScrape } from '../../lib';
import { dockerEnvironment, synthJson, uploadsOf } from '../helpers/stacks';

describe('MonitoringStack', () => {
  test('MonitoringStack.of finds the environment from any child', () => {
    const { monitoring } = dockerEnvironment();
    const scrape = new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
    expect(MonitoringStack.of(scrape)).toBe(monitoring);
  });

  test('a ServiceScrape created outside any MonitoringStack gets a clear error', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    expect(() => new ServiceScrape(stack, 'api', { targets: ['api:8000'] })).toThrow(
      "ServiceScrape test/api, scope: is not inside a MonitoringStack; expected to be created with a MonitoringStack (or one of its children) as scope, e.g. new ServiceScrape(monitoring, '...', {...})",
    );
  });

  test('the environment name is validated', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    expect(() => new MonitoringStack(stack, 'm', { environment: 'Prod Env', target: new DockerHostTarget() })).toThrow(
      'MonitoringStack test/m, environment: got "Prod Env", expected a short lowercase name such as "dev" or "prod"',
    );
  });

  // Like cdk8s-plus' "synthesizes spec lazily": add…() calls made after construction still land.
  test('rules, jobs, routes and dashboards added after construction land in the synthesized files', () => {
    const { stack, monitoring } = dockerEnvironment();
    const group = new AlertGroup(monitoring, 'api-health', { rules: [{ alert: 'ApiDown', expr: 'up{job="api"} == 0' }] });
    const routing = new AlertRouting(monitoring, 'routing', { receivers: [Receiver.webhook('hook', { url: 'http://hook:80/' })], route: { receiver: 'hook' } });
    const json = synthJson(stack);
    const before = uploadsOf(json, 'prometheus').map((u) => u.file);
    expect(before).toEqual(['/etc/monitoring/prometheus.yml', '/etc/monitoring/rules/api-health.yml']);

    group.addRule({ alert: 'ApiSlow', expr: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 1' });
    new AlertGroup(monitoring, 'late', { rules: [{ record: 'job:up:sum', expr: 'sum by (job) (up)' }] });
    new ServiceScrape(monitoring, 'late-job', { targets: ['late:9000'] });
    routing.addReceiver(Receiver.webhook('second', { url: 'http://second:80/' }));
    routing.addRoute({ matchers: { severity: 'critical' }, receiver: 'second' });

    const after = synthJson(stack);
    const files = Object.fromEntries(uploadsOf(after, 'prometheus').map((u) => [u.file, u.content]));
    expect(Object.keys(files)).toEqual(['/etc/monitoring/prometheus.yml', '/etc/monitoring/rules/api-health.yml', '/etc/monitoring/rules/late.yml']);
    expect(files['/etc/monitoring/rules/api-health.yml']).toContain('alert: ApiSlow');
    expect(files['/etc/monitoring/prometheus.yml']).toContain('job_name: late-job');
    const am = uploadsOf(after, 'alertmanager')[0].content;
    expect(am).toContain('- name: second');
    expect(am).toContain('receiver: second');
    // the config volume name follows the content, so the container is replaced with fresh files
    const volumeNames = (j: Record<string, any>) => Object.values(j.resource.docker_volume).map((v: any) => v.name).filter((n: string) => n.includes('prometheus-config'));
    expect(volumeNames(after)).not.toEqual(volumeNames(json));
  });

  test('renderedFiles gives every file as text by path', () => {
    const { monitoring } = dockerEnvironment();
    new AlertGroup(monitoring, 'g', { rules: [{ alert: 'A', expr: 'up == 0' }] });
    new GrafanaDashboard(monitoring, 'd', { dashboard: { title: 'D', panels: [] }, folder: 'Team' });
    expect(Object.keys(monitoring.renderedFiles())).toEqual([
      'alertmanager/alertmanager.yml',
      'grafana/dashboards/Team/test-monitoring-d.json',
      'grafana/provisioning/dashboards/dashboards.yml',
      'grafana/provisioning/datasources/datasources.yml',
      'overview/index.html',
      'overview/paging.md',
      'prometheus/prometheus.yml',
      'prometheus/rules/g.yml',
    ]);
  });

  describe('checks across constructs at synth', () => {
    const synthError = (build: (m: MonitoringStack) => void): string => {
      const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'cm-')) });
      const stack = new TerraformStack(app, 'dev');
      const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'dev', target: new DockerHostTarget() });
      build(monitoring);
      try {
        app.synth();
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('synth succeeded');
    };

    test('two scrape jobs with the same name', () => {
      const message = synthError((m) => {
        new ServiceScrape(m, 'api', { targets: ['api:8000'] });
        new ServiceScrape(m, 'api2', { jobName: 'api', targets: ['api2:8000'] });
      });
      expect(message).toContain('ServiceScrape dev/monitoring/api2, jobName: got "api", which is already used by ServiceScrape dev/monitoring/api; expected a unique value');
    });

    test("a user job named like a built-in one replaces it (issue 14: the user's job applies, a warning says so)", () => {
      const { stack, monitoring } = dockerEnvironment();
      new ServiceScrape(monitoring, 'node', { targets: ['other:9100'] });
      synthJson(stack);
      const rendered = monitoring.renderedFiles()['prometheus/prometheus.yml'];
      expect(rendered.match(/job_name: node$/gm)).toHaveLength(1);
      expect(rendered).toContain('other:9100');
      expect(rendered).not.toContain('node-exporter:9100');
      expect(monitoring.node.findAll().flatMap((c) => c.node.metadata.map((m) => String(m.data))).filter((w) => w.includes('replaced-builtin-job'))).toEqual([
        expect.stringContaining('ServiceScrape test/monitoring/node: job "node" replaces the built-in job of the same name (DockerHostTarget scrapes node-exporter:9100)'),
      ]);
    });

    test('two rule groups with the same name', () => {
      const message = synthError((m) => {
        new AlertGroup(m, 'a', { groupName: 'api', rules: [{ alert: 'A', expr: 'up == 0' }] });
        new AlertGroup(m, 'b', { groupName: 'api', rules: [{ alert: 'B', expr: 'up == 0' }] });
      });
      expect(message).toContain('AlertGroup dev/monitoring/b, name: got "api", which is already used by AlertGroup dev/monitoring/a; expected a unique value');
    });

    test('the same alert name in two groups is allowed (one rule pack per service)', () => {
      const { stack, monitoring } = dockerEnvironment();
      new AlertGroup(monitoring, 'a', { rules: [{ alert: 'ServiceTargetDown', expr: 'up{job="a"} == 0' }] });
      new AlertGroup(monitoring, 'b', { rules: [{ alert: 'ServiceTargetDown', expr: 'up{job="b"} == 0' }] });
      expect(() => synthJson(stack)).not.toThrow();
    });

    test('a route naming a receiver that does not exist', () => {
      const message = synthError((m) => {
        new AlertRouting(m, 'routing', {
          receivers: [Receiver.webhook('hook', { url: 'http://hook:80/' })],
          route: { receiver: 'hook' },
          routes: [{ matchers: { severity: 'critical' }, receiver: 'pagerduty' }],
        });
      });
      expect(message).toContain('AlertRouting dev/monitoring/routing, route.routes[0].receiver: got "pagerduty", expected the name of a declared receiver (declared: "hook")');
    });

    test('two receivers with the same name', () => {
      const message = synthError((m) => {
        new AlertRouting(m, 'a', { receivers: [Receiver.webhook('hook', { url: 'http://a:80/' })], route: { receiver: 'hook' } });
        new AlertRouting(m, 'b', { receivers: [Receiver.webhook('hook', { url: 'http://b:80/' })] });
      });
      expect(message).toContain('AlertRouting dev/monitoring/b, receivers[].name: got "hook", which is already used by AlertRouting dev/monitoring/a');
    });

    test('two root routes', () => {
      const message = synthError((m) => {
        new AlertRouting(m, 'a', { receivers: [Receiver.webhook('a', { url: 'http://a:80/' })], route: { receiver: 'a' } });
        new AlertRouting(m, 'b', { receivers: [Receiver.webhook('b', { url: 'http://b:80/' })], route: { receiver: 'b' } });
      });
      expect(message).toContain('AlertRouting dev/monitoring/b, route: the environment already has a root route from AlertRouting dev/monitoring/a');
    });

    test('duplicate dashboard uid', () => {
      const message = synthError((m) => {
        new GrafanaDashboard(m, 'a', { dashboard: { title: 'A' }, uid: 'same' });
        new GrafanaDashboard(m, 'b', { dashboard: { title: 'B' }, uid: 'same' });
      });
      expect(message).toContain('GrafanaDashboard dev/monitoring/b, uid: got "same", which is already used by GrafanaDashboard dev/monitoring/a');
    });
  });
});

describe('GrafanaDashboard checks at synth', () => {
  const synthError = (dashboard: Record<string, unknown>): string => {
    const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'cm-')) });
    const stack = new TerraformStack(app, 'dev');
    const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'dev', target: new DockerHostTarget() });
    new GrafanaDashboard(monitoring, 'd', { dashboard });
    try {
      app.synth();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('synth succeeded');
  };
  const panel = (extra: Record<string, unknown>) => ({ type: 'timeseries', title: 'Requests', gridPos: { x: 0, y: 0, w: 12, h: 8 }, ...extra });

  test('bad PromQL in a panel names the dashboard, panel, refId and position', () => {
    const message = synthError({ title: 'API', panels: [panel({ datasource: { type: 'prometheus', uid: 'prometheus' }, targets: [{ refId: 'A', expr: 'sum(rate(http_requests_total[5m)' }] })] });
    expect(message).toContain('GrafanaDashboard dev/monitoring/d, dashboard "API", panel "Requests", refId A, expr: PromQL parse error at 1:32 near');
    expect(message).toContain('PromQL parse error at 1:');
  });

  test('a panel naming an unknown data source lists the declared ones', () => {
    const message = synthError({ title: 'API', panels: [panel({ datasource: { type: 'prometheus', uid: 'thanos' }, targets: [{ refId: 'A', expr: 'up' }] })] });
    expect(message).toContain('got "thanos"');
    expect(message).toContain('"prometheus", "alertmanager"');
  });

  test('overlapping panels are refused where the dashboard is given', () => {
    const { monitoring } = dockerEnvironment();
    expect(() => new GrafanaDashboard(monitoring, 'overlap', { dashboard: { title: 'O', panels: [panel({ title: 'a' }), panel({ title: 'b' })] } })).toThrow(
      /GrafanaDashboard test\/monitoring\/overlap, dashboard "O", panel "b", gridPos: .*overlaps/,
    );
  });
});

describe('with Testing.synthScope', () => {
  test('a MonitoringStack in a scope synthesizes the containers and the prometheus.yml upload', () => {
    const synthesized = Testing.synthScope((scope) => {
      const monitoring = new MonitoringStack(scope, 'monitoring', { environment: 'dev', target: new DockerHostTarget() });
      new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
    });
    expect(synthesized).toHaveResourceWithProperties(Container, { name: 'dev-prometheus', restart: 'unless-stopped', read_only: true });
    expect(synthesized).toHaveResourceWithProperties(Volume, { name: 'dev-prometheus-data' });
    const loader = Object.values(JSON.parse(synthesized).resource.docker_container as Record<string, any>).find((c) => c.name === 'dev-prometheus-config-loader');
    expect(loader.upload[0].content).toContain('job_name: api');
  });
});
