import { Testing } from 'cdktf';
import { AlertGroup, Exporter, rules, Secret, ServiceLevelObjective, ServiceScrape, Severity, SloIndicator } from '../../lib';
import { dockerEnvironment } from '../helpers/stacks';

// Construct ids are unique among siblings; what a construct renders (a job, a rule group and its files) is named by
// `name` when given and by the id otherwise, so constructs for one service compose.
describe('names of what constructs render', () => {
  test('a ServiceScrape and an AlertGroup for one service: distinct ids, one name', () => {
    const { stack, monitoring } = dockerEnvironment();
    new ServiceScrape(monitoring, 'postgres-scrape', {
      name: 'postgres',
      exporter: Exporter.postgres({ address: 'postgres:5432', database: 'app', user: 'exporter', password: Secret.fromVariable('pg') }),
    });
    const packs = rules.rulePacks({ runbookUrlPattern: 'https://runbooks.example.com/{{alert}}' });
    new AlertGroup(monitoring, 'postgres-alerts', { ...packs.postgres({ job: 'postgres' }), name: 'postgres' });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    const files = monitoring.renderedFiles();
    expect(files['prometheus/prometheus.yml']).toContain('job_name: postgres\n');
    expect(files['prometheus/rules/postgres.yml']).toContain('name: postgres\n');
    expect(Object.keys(files)).toContain('tests/postgres.test.yml');
    expect(JSON.stringify(JSON.parse(Testing.synth(stack)).resource.docker_container)).toContain('"dev-postgres-exporter"');
  });

  test('without name, the id; the older jobName and groupName still work, and agree with name or are refused', () => {
    const { monitoring } = dockerEnvironment();
    expect(new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] }).jobName).toBe('api');
    expect(new ServiceScrape(monitoring, 'web-scrape', { targets: ['web:8000'], jobName: 'web' }).jobName).toBe('web');
    expect(new ServiceScrape(monitoring, 'worker-scrape', { targets: ['w:8000'], name: 'worker', jobName: 'worker' }).jobName).toBe('worker');
    expect(() => new ServiceScrape(monitoring, 'x', { targets: ['x:8000'], name: 'x', jobName: 'y' })).toThrow(
      'ServiceScrape test/monitoring/x, jobName: got "y", expected the same value as name ("x"), or only one of the two',
    );
    const rule = { alert: 'Down', expr: 'up == 0', severity: Severity.CRITICAL };
    expect(new AlertGroup(monitoring, 'g1', { rules: [rule] }).groupName).toBe('g1');
    expect(new AlertGroup(monitoring, 'g2', { rules: [rule], groupName: 'two' }).groupName).toBe('two');
    expect(new AlertGroup(monitoring, 'g3', { rules: [rule], name: 'three' }).groupName).toBe('three');
    expect(() => new AlertGroup(monitoring, 'g4', { rules: [rule], name: 'four', groupName: 'vier' })).toThrow('groupName: got "vier"');
  });

  test('a ServiceLevelObjective named apart from its id', () => {
    const { stack, monitoring } = dockerEnvironment();
    const slo = new ServiceLevelObjective(monitoring, 'api-slo', {
      name: 'api-availability',
      service: 'api',
      objective: 0.999,
      indicator: SloIndicator.availability({ errors: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}' }),
    });
    expect(slo.alertGroup.groupName).toBe('slo-api-availability');
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(monitoring.renderedFiles()['prometheus/rules/slo-api-availability.yml']).toContain('alert: ApiAvailabilityErrorBudgetFastBurn');
  });
});
