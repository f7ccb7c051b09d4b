import { Duration } from '../../../lib/model/duration';
import { buildLokiSettings, lokiRuleFilePath } from '../../../lib/model/logs/loki-settings';
import { lokiPushUrl } from '../../../lib/model/logs/loki-url';

const WHERE = 'LogPipeline dev/monitoring/logs';

describe('buildLokiSettings', () => {
  test('fills in the defaults', () => {
    const s = buildLokiSettings({}, WHERE);
    expect(s.retention.equals(Duration.days(30))).toBe(true);
    expect(s).toMatchObject({ schemaFrom: '2024-01-01', dataDir: '/loki', httpPort: 3100, grpcPort: 9095, logLevel: 'info', ruler: undefined });
    expect(s.limits).toMatchObject({
      ingestionRateMb: 4,
      ingestionBurstSizeMb: 6,
      maxQuerySeries: 500,
      maxEntriesLimitPerQuery: 5000,
      maxGlobalStreamsPerUser: 5000,
      maxLabelNamesPerSeries: 15,
      maxLineSizeBytes: 262144,
    });
    expect(s.limits.rejectOldSamplesMaxAge.equals(Duration.days(7))).toBe(true);
  });

  test('a ruler gets its rules directory and interval, and rule files go under the tenant "fake"', () => {
    const s = buildLokiSettings({ ruler: { alertmanagerUrl: 'http://alertmanager:9093/' } }, WHERE);
    expect(s.ruler?.alertmanagerUrl).toBe('http://alertmanager:9093');
    expect(s.ruler?.rulesDir).toBe('/etc/loki/rules');
    expect(lokiRuleFilePath(s, 'api-logs.yml')).toBe('/etc/loki/rules/fake/api-logs.yml');
  });

  test('bad input', () => {
    expect(() => buildLokiSettings({ retention: '12h' }, WHERE)).toThrow(
      `${WHERE}, retention: got "12h", expected at least 24h (Loki's minimum retention period; a single host needs retention so the disk does not fill up)`,
    );
    expect(() => buildLokiSettings({ retention: '30 days' }, WHERE)).toThrow(`${WHERE}, retention: got "30 days", expected a Prometheus duration`);
    expect(() => buildLokiSettings({ schemaFrom: '2024-02-30' }, WHERE)).toThrow(`${WHERE}, schemaFrom: got "2024-02-30", expected a calendar date written YYYY-MM-DD, e.g. "2024-01-01"`);
    expect(() => buildLokiSettings({ ruler: { alertmanagerUrl: 'alertmanager:9093' } }, WHERE)).toThrow(
      `${WHERE}, ruler.alertmanagerUrl: got "alertmanager:9093", expected an http(s) URL of Alertmanager without credentials, e.g. "http://alertmanager:9093"`,
    );
    expect(() => buildLokiSettings({ ruler: { alertmanagerUrl: 'http://am:9093', rulesDir: '/loki/rules' } }, WHERE)).toThrow(
      `${WHERE}, ruler.rulesDir: got "/loki/rules", expected a directory outside dataDir ("/loki"): rule files are mounted read-only, the data volume is Loki's`,
    );
    expect(() => buildLokiSettings({ limits: { ingestionRateMb: 10, ingestionBurstSizeMb: 5 } }, WHERE)).toThrow(
      `${WHERE}, limits.ingestionBurstSizeMb: got 5, expected at least limits.ingestionRateMb (10)`,
    );
    expect(() => buildLokiSettings({ limits: { maxQuerySeries: 0 } }, WHERE)).toThrow(`${WHERE}, limits.maxQuerySeries: got 0, expected a whole number > 0`);
    expect(() => buildLokiSettings({ dataDir: 'loki' }, WHERE)).toThrow(`${WHERE}, dataDir: got "loki", expected an absolute directory path`);
    expect(() => buildLokiSettings({ httpPort: 3100, grpcPort: 3100 }, WHERE)).toThrow(`${WHERE}, grpcPort: got 3100, expected a port other than httpPort (3100)`);
  });
});

describe('lokiPushUrl', () => {
  test('appends the push path to the base URL, keeps a full push URL', () => {
    expect(lokiPushUrl('http://loki:3100')).toBe('http://loki:3100/loki/api/v1/push');
    expect(lokiPushUrl('http://loki:3100/')).toBe('http://loki:3100/loki/api/v1/push');
    expect(lokiPushUrl('http://loki:3100/loki/api/v1/push')).toBe('http://loki:3100/loki/api/v1/push');
    expect(() => lokiPushUrl('loki:3100')).toThrow('Log agent config, lokiUrl: got "loki:3100", expected the http(s) base URL of Loki without credentials or query, e.g. "http://loki:3100"');
  });
});
