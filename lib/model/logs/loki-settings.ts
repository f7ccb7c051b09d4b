import { redactUrl } from '../clear-secrets';
import { Duration } from '../duration';
import { invalid } from '../errors';

/** Loki's per-tenant limits (`limits_config`) that matter on a single host. */
export interface LokiLimitsInput {
  /**
   * Ingestion rate limit in MB per second (lines plus structured metadata).
   * @default 4
   */
  readonly ingestionRateMb?: number;
  /**
   * Ingestion burst size in MB: at least the largest push an agent sends.
   * @default 6
   */
  readonly ingestionBurstSizeMb?: number;
  /**
   * Most series a metric query may return.
   * @default 500
   */
  readonly maxQuerySeries?: number;
  /**
   * Most lines a log query may return.
   * @default 5000
   */
  readonly maxEntriesLimitPerQuery?: number;
  /**
   * Most active streams: the guard against high-cardinality labels.
   * @default 5000
   */
  readonly maxGlobalStreamsPerUser?: number;
  /**
   * Most labels on one stream.
   * @default 15
   */
  readonly maxLabelNamesPerSeries?: number;
  /**
   * Longest accepted line in bytes; longer lines are refused.
   * @default 262144 (256 KiB)
   */
  readonly maxLineSizeBytes?: number;
  /**
   * Lines older than this are refused.
   * @default Duration.days(7)
   */
  readonly rejectOldSamplesMaxAge?: Duration | string;
}

/** The Loki ruler: evaluates LogQL alert rules from local files and sends alerts to Alertmanager. */
export interface LokiRulerInput {
  /** Alertmanager base URL as seen from the Loki container, e.g. `http://alertmanager:9093`. */
  readonly alertmanagerUrl: string;
  /**
   * Directory the rule files are mounted in (read-only); files go in its `fake/` subdirectory (the single tenant).
   * @default '/etc/loki/rules'
   */
  readonly rulesDir?: string;
  /**
   * How often rules are evaluated.
   * @default Duration.minutes(1)
   */
  readonly evaluationInterval?: Duration | string;
}

/** Log levels of Loki's own log. */
export type LokiLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Settings of a single-binary Loki on one host. */
export interface LokiSettingsInput {
  /**
   * How long lines are kept; the compactor deletes older ones. At least 24h (Loki's minimum).
   * @default Duration.days(30)
   */
  readonly retention?: Duration | string;
  /**
   * First day (YYYY-MM-DD, in the past) of the tsdb/v13 schema period. Never change it once Loki has stored data:
   * to move to a new schema, add a period instead.
   * @default '2024-01-01'
   */
  readonly schemaFrom?: string;
  /**
   * Directory for chunks, index, compactor and ruler scratch files: mount the named data volume here.
   * @default '/loki'
   */
  readonly dataDir?: string;
  /**
   * HTTP port (push API, queries, /ready).
   * @default 3100
   */
  readonly httpPort?: number;
  /**
   * gRPC port.
   * @default 9095
   */
  readonly grpcPort?: number;
  /**
   * Loki's own log level.
   * @default 'info'
   */
  readonly logLevel?: LokiLogLevel;
  /**
   * Per-tenant limits.
   * @default - Loki's defaults, listed on each field
   */
  readonly limits?: LokiLimitsInput;
  /**
   * The ruler for LogQL alert rules.
   * @default - no ruler section (rules are not evaluated)
   */
  readonly ruler?: LokiRulerInput;
}

/** Validated Loki settings, every default filled in (the fields mean what they mean in {@link LokiSettingsInput}). */
export interface LokiSettingsModel {
  /** Retention period (at least 24h). */
  readonly retention: Duration;
  /** First day of the schema period, YYYY-MM-DD. */
  readonly schemaFrom: string;
  /** Data directory: the named volume's mount point. */
  readonly dataDir: string;
  /** HTTP port. */
  readonly httpPort: number;
  /** gRPC port. */
  readonly grpcPort: number;
  /** Loki's own log level. */
  readonly logLevel: LokiLogLevel;
  /** Per-tenant limits. */
  readonly limits: {
    readonly ingestionRateMb: number;
    readonly ingestionBurstSizeMb: number;
    readonly maxQuerySeries: number;
    readonly maxEntriesLimitPerQuery: number;
    readonly maxGlobalStreamsPerUser: number;
    readonly maxLabelNamesPerSeries: number;
    readonly maxLineSizeBytes: number;
    readonly rejectOldSamplesMaxAge: Duration;
  };
  /**
   * The ruler.
   * @default - none
   */
  readonly ruler?: {
    readonly alertmanagerUrl: string;
    readonly rulesDir: string;
    readonly evaluationInterval: Duration;
  };
}

/** The tenant ID Loki uses for everything when `auth_enabled` is false (Loki docs: operations/multi-tenancy.md). */
export const LOKI_SINGLE_TENANT_ID = 'fake';

function positive(value: number | undefined, fallback: number, where: string, field: string, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw invalid(where, field, value, integer ? 'a whole number > 0' : 'a number > 0');
  }
  return value;
}

function port(value: number | undefined, fallback: number, where: string, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw invalid(where, field, value, 'a port number from 1 to 65535');
  return value;
}

function absoluteDir(value: string | undefined, fallback: string, where: string, field: string): string {
  const dir = value ?? fallback;
  if (typeof dir !== 'string' || !/^\/[^\s]*$/.test(dir) || dir.split('/').includes('..') || (dir.length > 1 && dir.endsWith('/'))) {
    throw invalid(where, field, value, 'an absolute directory path without spaces, ".." or a trailing "/", e.g. "/loki"');
  }
  return dir;
}

function schemaDate(value: string | undefined, where: string): string {
  const date = value ?? '2024-01-01';
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !parsed || parsed.toISOString().slice(0, 10) !== date) {
    throw invalid(where, 'schemaFrom', value, 'a calendar date written YYYY-MM-DD, e.g. "2024-01-01"');
  }
  return date;
}

function alertmanagerUrl(value: string, where: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') {
    throw invalid(where, 'ruler.alertmanagerUrl', typeof value === 'string' ? redactUrl(value) : value, 'an http(s) URL of Alertmanager without credentials, e.g. "http://alertmanager:9093"');
  }
  return value.replace(/\/+$/, '');
}

/** Validates Loki settings and fills in the defaults. `where` names the owner, e.g. `LogPipeline dev/monitoring/logs`. */
export function buildLokiSettings(input: LokiSettingsInput, where: string): LokiSettingsModel {
  if (input === null || typeof input !== 'object') throw invalid(where, 'loki', input, 'Loki settings (an object; {} for the defaults)');
  const retention = input.retention === undefined ? Duration.days(30) : Duration.from(input.retention, where, 'retention');
  if (retention.toMilliseconds() < Duration.hours(24).toMilliseconds()) {
    // Loki v3.7.6 docs/sources/operations/storage/retention.md: "The minimum retention period is 24h."
    throw invalid(where, 'retention', input.retention, 'at least 24h (Loki\'s minimum retention period; a single host needs retention so the disk does not fill up)');
  }
  const levels: LokiLogLevel[] = ['debug', 'info', 'warn', 'error'];
  if (input.logLevel !== undefined && !levels.includes(input.logLevel)) throw invalid(where, 'logLevel', input.logLevel, levels.map((l) => `"${l}"`).join(', '));
  const l = input.limits ?? {};
  const limits = {
    ingestionRateMb: positive(l.ingestionRateMb, 4, where, 'limits.ingestionRateMb', false),
    ingestionBurstSizeMb: positive(l.ingestionBurstSizeMb, 6, where, 'limits.ingestionBurstSizeMb', false),
    maxQuerySeries: positive(l.maxQuerySeries, 500, where, 'limits.maxQuerySeries', true),
    maxEntriesLimitPerQuery: positive(l.maxEntriesLimitPerQuery, 5000, where, 'limits.maxEntriesLimitPerQuery', true),
    maxGlobalStreamsPerUser: positive(l.maxGlobalStreamsPerUser, 5000, where, 'limits.maxGlobalStreamsPerUser', true),
    maxLabelNamesPerSeries: positive(l.maxLabelNamesPerSeries, 15, where, 'limits.maxLabelNamesPerSeries', true),
    maxLineSizeBytes: positive(l.maxLineSizeBytes, 256 * 1024, where, 'limits.maxLineSizeBytes', true),
    rejectOldSamplesMaxAge: l.rejectOldSamplesMaxAge === undefined ? Duration.days(7) : Duration.from(l.rejectOldSamplesMaxAge, where, 'limits.rejectOldSamplesMaxAge'),
  };
  if (limits.ingestionBurstSizeMb < limits.ingestionRateMb) {
    throw invalid(where, 'limits.ingestionBurstSizeMb', limits.ingestionBurstSizeMb, `at least limits.ingestionRateMb (${limits.ingestionRateMb})`);
  }
  const dataDir = absoluteDir(input.dataDir, '/loki', where, 'dataDir');
  const ruler = input.ruler === undefined
    ? undefined
    : {
        alertmanagerUrl: alertmanagerUrl(input.ruler.alertmanagerUrl, where),
        rulesDir: absoluteDir(input.ruler.rulesDir, '/etc/loki/rules', where, 'ruler.rulesDir'),
        evaluationInterval: input.ruler.evaluationInterval === undefined ? Duration.minutes(1) : Duration.from(input.ruler.evaluationInterval, where, 'ruler.evaluationInterval'),
      };
  if (ruler && ruler.evaluationInterval.toMilliseconds() === 0) {
    // The ruler evaluates groups with Prometheus' rule manager, whose ticker cannot run at a zero interval.
    throw invalid(where, 'ruler.evaluationInterval', '0s', 'a duration > 0, e.g. "1m"');
  }
  if (ruler && (ruler.rulesDir === dataDir || ruler.rulesDir.startsWith(`${dataDir}/`))) {
    throw invalid(where, 'ruler.rulesDir', ruler.rulesDir, `a directory outside dataDir ("${dataDir}"): rule files are mounted read-only, the data volume is Loki's`);
  }
  const httpPort = port(input.httpPort, 3100, where, 'httpPort');
  const grpcPort = port(input.grpcPort, 9095, where, 'grpcPort');
  if (httpPort === grpcPort) throw invalid(where, 'grpcPort', grpcPort, `a port other than httpPort (${httpPort})`);
  return { retention, schemaFrom: schemaDate(input.schemaFrom, where), dataDir, httpPort, grpcPort, logLevel: input.logLevel ?? 'info', limits, ruler };
}

/** Where a rule file must be mounted in the Loki container: `<rulesDir>/fake/<fileName>` (local ruler storage reads `<dir>/<tenant>/`). */
export function lokiRuleFilePath(settings: LokiSettingsModel, fileName: string): string {
  if (!settings.ruler) throw invalid('Loki settings', 'ruler', undefined, 'a ruler (settings.ruler) before rule files can be placed');
  return `${settings.ruler.rulesDir}/${LOKI_SINGLE_TENANT_ID}/${fileName}`;
}
