import { checkPrometheus3Image, imageMajorVersion } from '../../lib/model/image-lines';

describe('image lines', () => {
  test.each([
    ['prom/prometheus:v2.55.1', 2],
    ['prom/prometheus:v3.13.3', 3],
    ['registry.example.com:5000/prom/prometheus:v3.5.0-distroless@sha256:' + 'a'.repeat(64), 3],
    ['prom/prometheus@sha256:' + 'b'.repeat(64), undefined],
    ['registry.example.com:5000/prometheus', undefined],
    ['prom/prometheus:main', undefined],
  ])('%s → %p', (image, major) => {
    expect(imageMajorVersion(image)).toBe(major);
  });

  test('a Prometheus 2.x image is refused: the rendered flags are for 3.x', () => {
    expect(() => checkPrometheus3Image('prom/prometheus:v2.55.1', 'AwsManagedTarget', 'agentImages.prometheus')).toThrow(
      'AwsManagedTarget, agentImages.prometheus: got "prom/prometheus:v2.55.1", expected a Prometheus 3.x image (e.g. "prom/prometheus:v3.13.3"): ' +
        'the rendered configuration and flags are for Prometheus 3 (--agent, fallback_scrape_protocol), which 2.x refuses',
    );
    expect(() => checkPrometheus3Image('prom/prometheus:v3.13.3', 'W', 'f')).not.toThrow();
  });
});
