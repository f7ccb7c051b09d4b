import { Exporter, Secret, ServiceScrape } from '../../lib';
import { container, dockerEnvironment, programContainers, synthJson, uploadsOf } from '../helpers/stacks';

describe('exporters on the Docker host', () => {
  test('postgres-exporter gets the DSN parts as env and the password as a file from a sensitive variable', () => {
    const { stack, monitoring } = dockerEnvironment({}, { attachNetworks: ['app'] });
    new ServiceScrape(monitoring, 'db', {
      exporter: Exporter.postgres({ address: 'postgres:5432', database: 'app', user: 'monitor', password: Secret.fromVariable('pg_password'), sslMode: 'require' }),
    });
    const json = synthJson(stack);
    const exporter = container(json, 'db-exporter');
    expect(exporter.env).toEqual(['DATA_SOURCE_PASS_FILE=/etc/monitoring/secrets/pg_password', 'DATA_SOURCE_URI=postgres:5432/app?sslmode=require', 'DATA_SOURCE_USER=monitor']);
    expect(exporter.upload).toBeUndefined();
    expect(uploadsOf(json, 'db-exporter')).toEqual([{ file: '/etc/monitoring/secrets/pg_password', content: '${var.pg_password}', permissions: '0440' }]);
    expect(exporter.group_add).toEqual(['0']);
    expect(exporter.healthcheck.test).toContain('http://127.0.0.1:9187/');
    expect(exporter.networks_advanced).toEqual([{ name: expect.stringContaining('docker_network'), aliases: ['db-exporter'] }, { name: 'app' }]);
    expect(exporter.read_only).toBe(true);
    expect(json.variable.pg_password).toMatchObject({ sensitive: true });
    expect(monitoring.renderedFiles()['prometheus/prometheus.yml']).toContain('  - job_name: db\n    static_configs:\n      - targets:\n          - db-exporter:9187\n');
  });

  test('redis-exporter reads its password from a JSON password file built by Terraform', () => {
    const { stack, monitoring } = dockerEnvironment();
    new ServiceScrape(monitoring, 'cache', { exporter: Exporter.redis({ address: 'redis:6379', password: Secret.fromVariable('redis_password') }) });
    const out = synthJson(stack);
    const exporter = container(out, 'cache-exporter');
    expect(exporter.command).toEqual(['--redis.addr=redis://redis:6379', '--redis.password-file=/etc/monitoring/secrets/redis_password.json']);
    expect(exporter.healthcheck.test).toContain('http://127.0.0.1:9121/health');
    expect(uploadsOf(out, 'cache-exporter')[0].content).toBe('${jsonencode({"redis://redis:6379" = var.redis_password})}');
  });

  test('one blackbox-exporter serves every probe; modules are rendered to blackbox.yml', () => {
    const { stack, monitoring } = dockerEnvironment();
    new ServiceScrape(monitoring, 'api-health', { exporter: Exporter.blackbox({ urls: ['http://api:8000/health'] }) });
    new ServiceScrape(monitoring, 'site', {
      exporter: Exporter.blackbox({ urls: ['https://example.com/'], module: { name: 'https_strict', http: { failIfNotSsl: true, validStatusCodes: [200] } } }),
    });
    const json = synthJson(stack);
    expect(programContainers(json).filter((c) => c.name.includes('blackbox'))).toHaveLength(1);
    expect(container(json, 'blackbox-exporter').user).toBe('65534:65534');
    expect(monitoring.renderedFiles()['blackbox/blackbox.yml']).toContain('  https_strict:\n    prober: http\n    timeout: 5s\n    http:\n      valid_status_codes:\n        - 200\n      fail_if_not_ssl: true\n');
    expect(uploadsOf(json, 'blackbox-exporter')[0].file).toBe('/etc/monitoring/blackbox.yml');
  });

  test('bad exporter input is refused with the construct, field and value', () => {
    const { monitoring } = dockerEnvironment();
    expect(() => new ServiceScrape(monitoring, 'a', { exporter: Exporter.blackbox({ urls: ['api:8000/health'] }) })).toThrow(
      'ServiceScrape test/monitoring/a, exporter.urls[0]: got "api:8000/health", expected an http:// or https:// URL',
    );
    expect(() => new ServiceScrape(monitoring, 'b', { exporter: Exporter.postgres({ address: 'postgres:5432', user: 'm', password: 'pw' as unknown as Secret }) })).toThrow(
      'ServiceScrape test/monitoring/b, exporter.password: got "<redacted>", expected a Secret',
    );
    expect(() => new ServiceScrape(monitoring, 'c', { targets: ['redis:6379'], exporter: Exporter.redis({ address: 'redis:6379' }) })).toThrow(
      'ServiceScrape test/monitoring/c, targets: got ["redis:6379"], expected no targets when an exporter is given',
    );
  });
});
