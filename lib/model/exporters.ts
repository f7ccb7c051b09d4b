import { Duration } from './duration';
import { checkUrlHasNoSecret } from './clear-secrets';
import { invalid } from './errors';
import { checkRe2 } from './re2';
import { checkTarget } from './scrape';
import { Secret } from './secret';

/** A file an exporter reads a secret from. `jsonKey` wraps the value as `{"<jsonKey>": "<value>"}`. */
export interface ExporterSecretFile {
  /** The secret written to the file. */
  readonly secret: Secret;
  /** Path inside the exporter's container. */
  readonly path: string;
  /** When set, the file holds a JSON object mapping this key to the secret (redis_exporter's password file). @default - the file holds the secret alone */
  readonly jsonKey?: string;
}

/** What a target needs to run one exporter next to Prometheus. */
export interface ExporterDeployment {
  /** The exporter kind, which selects the image. */
  readonly kind: 'postgres' | 'redis' | 'blackbox';
  /** Container/network alias, e.g. `db-postgres-exporter`; unique per environment. */
  readonly name: string;
  /** The port its `/metrics` (or `/probe`) listens on. */
  readonly port: number;
  /** Command-line arguments. */
  readonly args: readonly string[];
  /** Non-secret environment variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Secret files it reads. */
  readonly secretFiles: readonly ExporterSecretFile[];
}

/** HTTP prober settings of a blackbox module. */
export interface BlackboxHttpOptions {
  /** Status codes that count as success. @default [] (any 2xx) */
  readonly validStatusCodes?: readonly number[];
  /** HTTP method. @default "GET" */
  readonly method?: 'GET' | 'HEAD' | 'POST';
  /** Fail when the final URL is not https (for public endpoints). @default false */
  readonly failIfNotSsl?: boolean;
  /** Do not follow redirects. @default false (follow) */
  readonly noFollowRedirects?: boolean;
  /** IP protocol to try first. @default "ip4" (Docker networks are IPv4) */
  readonly preferredIpProtocol?: 'ip4' | 'ip6';
  /** Fail when the body does not match any of these regular expressions. @default [] */
  readonly failIfBodyNotMatchesRegexp?: readonly string[];
}

/** A blackbox-exporter module: how a probe is made. */
export interface BlackboxModuleOptions {
  /** Module name, referenced by the scrape job. @default "http_2xx" */
  readonly name?: string;
  /** Probe timeout; keep it under the scrape timeout. @default 5s */
  readonly timeout?: Duration | string;
  /** HTTP settings. @default - GET, any 2xx, follow redirects, IPv4 first */
  readonly http?: BlackboxHttpOptions;
}

/** A validated blackbox module. */
export interface BlackboxModuleModel {
  /** The module name probes refer to (`params.module`). */
  readonly name: string;
  /** The probe timeout. */
  readonly timeout: Duration;
  /** The HTTP prober settings. */
  readonly http: BlackboxHttpOptions;
}

/** Options of {@link Exporter.postgres}. */
export interface PostgresExporterOptions {
  /** The database server as `host:port`, e.g. `postgres:5432`. */
  readonly address: string;
  /** The database to connect to. @default "postgres" */
  readonly database?: string;
  /** The monitoring user (grant it `pg_monitor`). */
  readonly user: string;
  /** The user's password, read from a file (`DATA_SOURCE_PASS_FILE`). */
  readonly password: Secret;
  /** libpq `sslmode`. @default "disable" (a private Docker network; use "verify-full" across hosts) */
  readonly sslMode?: 'disable' | 'require' | 'verify-ca' | 'verify-full';
}

/** Options of {@link Exporter.redis}. */
export interface RedisExporterOptions {
  /** The Redis server as `host:port`, e.g. `redis:6379`. */
  readonly address: string;
  /** Redis password (`requirepass`), read from a file. @default - no password */
  readonly password?: Secret;
}

/** Options of {@link Exporter.blackbox}. */
export interface BlackboxProbeOptions {
  /** URLs to probe, e.g. `['http://api:8000/health']`. */
  readonly urls: readonly string[];
  /** How to probe them. @default - module `http_2xx`: GET, any 2xx is up */
  readonly module?: BlackboxModuleOptions;
}

/** The blackbox exporter's name and port; one instance serves every probe of an environment. */
export const BLACKBOX = { name: 'blackbox-exporter', port: 9115 } as const;

/**
 * An exporter that a `ServiceScrape` deploys next to Prometheus and scrapes, for programs that have no
 * `/metrics` endpoint of their own: PostgreSQL, Redis, and HTTP health endpoints probed by blackbox-exporter.
 */
export class Exporter {
  /** postgres-exporter for a PostgreSQL server; the password reaches it as a file. */
  public static postgres(options: PostgresExporterOptions): Exporter {
    return new Exporter('postgres', options);
  }
  /** redis-exporter for a Redis server; the password reaches it as a file. */
  public static redis(options: RedisExporterOptions): Exporter {
    return new Exporter('redis', options);
  }
  /** blackbox-exporter probes of HTTP endpoints (up/down, latency, TLS certificate expiry). */
  public static blackbox(options: BlackboxProbeOptions): Exporter {
    return new Exporter('blackbox', options);
  }

  private constructor(
    /** Which exporter. */
    public readonly kind: 'postgres' | 'redis' | 'blackbox',
    /** Its options as given. */
    public readonly options: PostgresExporterOptions | RedisExporterOptions | BlackboxProbeOptions,
  ) {}
}

/** Validates a blackbox module. */
export function buildBlackboxModule(options: BlackboxModuleOptions = {}, where: string): BlackboxModuleModel {
  const name = options.name ?? 'http_2xx';
  if (!/^[a-zA-Z0-9_-]+$/.test(name)) throw invalid(where, 'exporter.module.name', name, 'a module name of letters, digits, "_" and "-"');
  const http = options.http ?? {};
  (http.validStatusCodes ?? []).forEach((code, i) => {
    if (!Number.isInteger(code) || code < 100 || code > 599) throw invalid(where, `exporter.module.http.validStatusCodes[${i}]`, code, 'an HTTP status code 100..599');
  });
  // blackbox_exporter compiles these with Go's regexp (RE2), unanchored.
  (http.failIfBodyNotMatchesRegexp ?? []).forEach((re, i) => {
    checkRe2(re, where, `exporter.module.http.failIfBodyNotMatchesRegexp[${i}]`, { program: 'blackbox_exporter' });
  });
  return { name, timeout: Duration.from(options.timeout ?? '5s', where, 'exporter.module.timeout'), http };
}

/** Why a probe URL must not carry a credential, and what to do instead. */
const PROBE_URL_CREDENTIAL =
  "a probe URL without a credential: probe URLs are written into prometheus.yml as targets and become the probe's instance label; " +
  'probe an endpoint that needs none, e.g. a health path';

/** Checks probe URLs. */
export function checkProbeUrls(urls: readonly string[], where: string): void {
  if (!Array.isArray(urls) || urls.length === 0) {
    throw invalid(where, 'exporter.urls', urls, 'a non-empty list of URLs to probe, e.g. ["http://api:8000/health"]');
  }
  urls.forEach((url, i) => {
    // Before the URL check, whose message shows the URL as given.
    checkUrlHasNoSecret(url, where, `exporter.urls[${i}]`, PROBE_URL_CREDENTIAL);
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw invalid(where, `exporter.urls[${i}]`, url, 'an http:// or https:// URL');
    }
  });
}

/** The deployment (container settings) of a postgres or redis exporter for the scrape job `jobName`. */
export function exporterDeployment(exporter: Exporter, jobName: string, where: string): ExporterDeployment {
  const name = `${jobName}-exporter`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  if (exporter.kind === 'postgres') {
    const o = exporter.options as PostgresExporterOptions;
    checkTarget(o.address, where, 'exporter.address');
    if (typeof o.user !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_$-]*$/.test(o.user)) throw invalid(where, 'exporter.user', o.user, 'a PostgreSQL user name');
    if (!(o.password instanceof Secret)) throw invalid(where, 'exporter.password', '<redacted>', 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...))');
    const database = o.database ?? 'postgres';
    if (!/^[a-zA-Z0-9_$-]+$/.test(database)) throw invalid(where, 'exporter.database', database, 'a database name');
    return {
      kind: 'postgres',
      name,
      port: 9187,
      args: [],
      environment: {
        DATA_SOURCE_URI: `${o.address}/${database}?sslmode=${o.sslMode ?? 'disable'}`,
        DATA_SOURCE_USER: o.user,
        DATA_SOURCE_PASS_FILE: o.password.filePath,
      },
      secretFiles: [{ secret: o.password, path: o.password.filePath }],
    };
  }
  if (exporter.kind === 'redis') {
    const o = exporter.options as RedisExporterOptions;
    checkTarget(o.address, where, 'exporter.address');
    if (o.password !== undefined && !(o.password instanceof Secret)) {
      throw invalid(where, 'exporter.password', '<redacted>', 'a Secret (Secret.fromVariable(...) or Secret.fromFile(...))');
    }
    const uri = `redis://${o.address}`;
    const passwordFile = o.password ? `${o.password.filePath}.json` : undefined;
    return {
      kind: 'redis',
      name,
      port: 9121,
      args: [`--redis.addr=${uri}`, ...(passwordFile ? [`--redis.password-file=${passwordFile}`] : [])],
      environment: {},
      secretFiles: o.password ? [{ secret: o.password, path: passwordFile!, jsonKey: uri }] : [],
    };
  }
  throw new Error(`internal: ${exporter.kind} exporters are shared, not deployed per job`);
}
