import { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { GRAFANA_UID } from '../../model/dashboard';
import { invalid } from '../../model/errors';
import { MatcherInput } from '../../model/matchers';
import { checkLabelName, checkMetricName, slug } from '../../model/names';
import { checkRe2 } from '../../model/re2';
import { PackDataSource } from './panels';

/** Options every dashboard pack takes. */
export interface DashboardPackOptions {
  /** The dashboard title. @default - the pack's title, naming the job when one is given */
  readonly title?: string;
  /**
   * The dashboard uid (1–40 letters, digits, `-`, `_`); keep it stable, links use it.
   * @default - the pack's name, followed by the job when it is not the pack's default job (e.g. `service-api`)
   */
  readonly uid?: string;
  /** The uid of the data source every panel queries. @default "prometheus" ("loki" for the logs pack) */
  readonly dataSourceUid?: string;
  /** More label matchers added to every selector, e.g. `{ env: 'prod' }` or `[Matcher.re('instance', 'web-.*')]`. @default - none */
  readonly selector?: MatcherInput;
  /** Tags added to the pack's own tags. @default - none */
  readonly tags?: readonly string[];
  /** How often the dashboard refreshes, e.g. `30s`, `1m`; empty string turns auto-refresh off. @default "30s" */
  readonly refresh?: string;
  /** The start of the default time range, relative to now. @default "now-6h" */
  readonly timeFrom?: string;
}

/** What a pack passes to {@link startDashboard}. */
export interface PackIdentity {
  /** Where messages say the bad option was given, e.g. `presets.dashboards.service`. */
  readonly where: string;
  /** The pack's uid prefix, e.g. `service`. */
  readonly name: string;
  /** The title when none is given. */
  readonly title: string;
  /** The data source type the pack queries. */
  readonly dataSourceType: 'prometheus' | 'loki';
  /** The job whose selector the pack uses; named in the uid when it differs from `defaultJob`. */
  readonly job?: string;
  /** The pack's default job. */
  readonly defaultJob?: string;
  /** The pack's own tags. */
  readonly tags: readonly string[];
}

/** A started dashboard and the data source its panels use. */
export interface StartedDashboard {
  /** The dashboard with title, uid, tags, refresh and time range set. */
  readonly dashboard: DashboardBuilder;
  /** The data source every panel of the pack queries. */
  readonly ds: PackDataSource;
}

const REFRESH = /^$|^[1-9][0-9]*(s|m|h|d)$/;
const TIME_FROM = /^now(-[1-9][0-9]*(s|m|h|d|w|M|y))?(\/[smhdwMy])?$/;

/** Checks the options all packs share and starts the dashboard: title, uid, tags, refresh, time range. */
export function startDashboard(options: DashboardPackOptions, pack: PackIdentity): StartedDashboard {
  const { where } = pack;
  if (options === null || typeof options !== 'object') throw invalid(where, 'options', options, 'an options object');
  const title = options.title ?? pack.title;
  if (typeof title !== 'string' || title.trim() === '') throw invalid(where, 'title', title, 'a non-empty dashboard title');
  const suffix = pack.job !== undefined && pack.job !== pack.defaultJob ? slug(pack.job) : '';
  const uid = options.uid ?? (suffix ? `${pack.name}-${suffix}` : pack.name).slice(0, 40).replace(/-+$/, '');
  if (typeof uid !== 'string' || !GRAFANA_UID.test(uid)) {
    throw invalid(where, 'uid', uid, "a Grafana uid: 1 to 40 characters of letters, digits, '-' and '_'");
  }
  const dataSourceUid = options.dataSourceUid ?? pack.dataSourceType;
  if (typeof dataSourceUid !== 'string' || !GRAFANA_UID.test(dataSourceUid)) {
    throw invalid(where, 'dataSourceUid', dataSourceUid, "a data source uid: 1 to 40 characters of letters, digits, '-' and '_'");
  }
  const extraTags = options.tags ?? [];
  if (!Array.isArray(extraTags) || extraTags.some((t) => typeof t !== 'string' || t.trim() === '')) {
    throw invalid(where, 'tags', extraTags, 'a list of non-empty strings');
  }
  const refresh = options.refresh ?? '30s';
  if (typeof refresh !== 'string' || !REFRESH.test(refresh)) {
    throw invalid(where, 'refresh', refresh, 'an interval such as "30s", "1m" or "" (off)');
  }
  const timeFrom = options.timeFrom ?? 'now-6h';
  if (typeof timeFrom !== 'string' || !TIME_FROM.test(timeFrom)) {
    throw invalid(where, 'timeFrom', timeFrom, 'a relative time such as "now-6h" or "now-7d"');
  }
  const tags = [...new Set([...pack.tags, ...extraTags])];
  const dashboard = new DashboardBuilder(title).uid(uid).tags(tags).refresh(refresh).time({ from: timeFrom, to: 'now' }).timezone('browser');
  return { dashboard, ds: { type: pack.dataSourceType, uid: dataSourceUid } };
}

/** Checks an optional metric-name option and returns it or the default. */
export function metricOption(value: string | undefined, fallback: string, where: string, field: string): string {
  const metric = value ?? fallback;
  checkMetricName(metric, where, field);
  return metric;
}

/** Checks an optional label-name option and returns it or the default. */
export function labelOption(value: string | undefined, fallback: string, where: string, field: string): string {
  const label = value ?? fallback;
  checkLabelName(label, where, field);
  return label;
}

/** Checks an optional regular-expression option (RE2, which Prometheus and Loki compile) and returns it. */
export function regexOption(value: string | undefined, fallback: string, where: string, field: string): string {
  const regex = value ?? fallback;
  checkRe2(regex, where, field, { program: 'Prometheus and Loki' });
  return regex;
}

/** Checks an optional job option: a non-empty string. */
export function jobOption(value: string | undefined, fallback: string | undefined, where: string, field = 'job'): string | undefined {
  const job = value ?? fallback;
  if (job !== undefined && (typeof job !== 'string' || job.trim() === '')) {
    throw invalid(where, field, job, 'a non-empty Prometheus job name');
  }
  return job;
}
