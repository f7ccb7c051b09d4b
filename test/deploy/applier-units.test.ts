import { unmappedAttributes } from './applier';
import { containerCreateRequest, parseGoDuration, uploadArchive } from './provider-container';
import { parseTemplate, resolveValue, terraformJsonEncode, UNKNOWN } from './terraform-values';

/** The deploy test's applier without an engine: expressions, the provider's request shapes, the unmapped check. */
describe('deploy applier: Terraform values', () => {
  const resolve = (path: readonly (string | number)[]) =>
    ({ 'var.pw': 's3cret', 'docker_volume.v.name': 'dev-x', 'docker_image.i.image_id': 'sha256:abc' } as Record<string, unknown>)[path.join('.')] ?? UNKNOWN;

  test('references, escapes and jsonencode resolve as Terraform does', () => {
    expect(resolveValue('${docker_volume.v.name}', resolve)).toBe('dev-x');
    expect(resolveValue('a-${var.pw}-b', resolve)).toBe('a-s3cret-b');
    expect(resolveValue('$${DS_PROMETHEUS} %%{ raw }', resolve)).toBe('${DS_PROMETHEUS} %{ raw }');
    expect(resolveValue('${jsonencode({"redis://redis:6379" = var.pw})}', resolve)).toBe('{"redis://redis:6379":"s3cret"}');
    expect(resolveValue({ image: '${docker_image.i.image_id}', list: ['${var.pw}'] }, resolve)).toEqual({ image: 'sha256:abc', list: ['s3cret'] });
    expect(resolveValue('${docker_image.other.image_id}', resolve)).toBe(UNKNOWN);
  });

  test('jsonencode sorts keys and escapes <, >, & like Go', () => {
    expect(terraformJsonEncode({ b: '<&>', a: 1 })).toBe('{"a":1,"b":"\\u003c\\u0026\\u003e"}');
  });

  test('what the applier does not understand is refused, not guessed', () => {
    expect(() => parseTemplate('%{ if true }x%{ endif }')).toThrow(/directives/);
    expect(() => resolveValue('${upper(var.pw)}', resolve)).toThrow(/upper\(\) is not supported/);
    expect(() => parseTemplate('${var.a + 1}')).toThrow(/operators/);
  });
});

describe('deploy applier: provider request shapes (kreuzwerker/docker v3.6.2)', () => {
  test('an upload is a one-entry tar named by the absolute path, mode from permissions, else 0644/0744', () => {
    const tar = uploadArchive({ file: '/etc/monitoring/secrets/pw', content: 'x', permissions: '0440' });
    expect(tar.subarray(0, 26).toString()).toBe('/etc/monitoring/secrets/pw');
    expect(tar.subarray(100, 107).toString()).toBe('0000440');
    expect(uploadArchive({ file: '/a', content: 'x', executable: true }).subarray(100, 107).toString()).toBe('0000744');
    expect(uploadArchive({ file: '/a', content: 'x' }).subarray(100, 107).toString()).toBe('0000644');
  });

  test('create request: MiB → bytes, durations → ns, volumes → binds, network_mode default bridge, ephemeral ports', () => {
    const { body } = containerCreateRequest(
      {
        name: 'c',
        image: 'sha256:abc',
        memory: 64,
        read_only: true,
        volumes: [{ volume_name: 'v', container_path: '/etc/m', read_only: true }],
        mounts: [{ type: 'bind', source: '/', target: '/host/root', read_only: true, bind_options: { propagation: 'rslave' } }],
        healthcheck: { test: ['CMD', 'wget'], interval: '10s', timeout: '5s', start_period: '1m30s', retries: 3 },
        ports: [{ internal: 9090, external: 9090, ip: '127.0.0.1' }],
      },
      { ephemeralHostPorts: true, failFastUnhealthy: true },
    );
    expect(body.HostConfig).toMatchObject({
      Memory: 64 * 1024 * 1024,
      ReadonlyRootfs: true,
      Binds: ['v:/etc/m:ro'],
      NetworkMode: 'bridge',
      PortBindings: { '9090/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      Mounts: [{ Type: 'bind', Source: '/', Target: '/host/root', ReadOnly: true, BindOptions: { Propagation: 'rslave' } }],
    });
    expect(body.Healthcheck).toEqual({ Test: ['CMD', 'wget'], Interval: 10e9, Timeout: 5e9, StartPeriod: 90e9, Retries: 3 });
    expect(parseGoDuration('500ms')).toBe(5e8);
  });

  test('an attribute the applier does not map is reported', () => {
    const tf = { resource: { docker_container: { c: { name: 'c', image: 'i', privileged: true, ports: [{ internal: 1, udp: true }] } }, docker_config: { x: {} } } };
    expect(unmappedAttributes(tf)).toEqual(['docker_config (resource type)', 'docker_container.ports.udp', 'docker_container.privileged']);
  });
});
