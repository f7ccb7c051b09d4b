import { createHash } from 'crypto';
import { slug } from './names';
import type { Secret } from './secret';

/** A dashboard as Grafana's JSON model (what `DashboardBuilder.build()` returns, or exported JSON). */
export type DashboardJson = Record<string, unknown>;

/** A validated dashboard, ready to provision. */
export interface DashboardModel {
  /** Stable uid (Grafana: at most 40 characters of letters, digits, `-` and `_`). */
  readonly uid: string;
  /** The dashboard title, unique in its folder. */
  readonly title: string;
  /** Folder title in Grafana; undefined = General. @default - the General folder */
  readonly folder?: string;
  /** The dashboard JSON, with uid and title set and `id`/`version` removed. */
  readonly json: DashboardJson;
  /** The construct that declared it, for messages. */
  readonly declaredBy: string;
}

/** A data source the environment provides to Grafana. */
export interface DataSourceModel {
  /** The uid dashboards and alert rules refer to it by. */
  readonly uid: string;
  /** The name Grafana shows. */
  readonly name: string;
  /** The plugin type, e.g. `prometheus`, `loki`, `alertmanager`. */
  readonly type: string;
  /** Where Grafana reaches it. */
  readonly url: string;
  /** Whether it is the organization's default data source. */
  readonly isDefault: boolean;
  /** Plugin settings (`jsonData`). @default - none */
  readonly jsonData?: Readonly<Record<string, unknown>>;
  /** The basic auth user; its password is `secureJsonData.basicAuthPassword`. @default - no basic auth */
  readonly basicAuthUser?: string;
  /**
   * Secret plugin settings (`secureJsonData`) by key, e.g. `basicAuthPassword`: read from a file on the Docker host's
   * Grafana, from a sensitive Terraform variable through the Grafana API.
   * @default - none
   */
  readonly secureJsonData?: Readonly<Record<string, Secret>>;
  /**
   * The construct that declared the data source (ElasticsearchDataSource, JaegerDataSource, …); the data sources a
   * target adds for its own services have none.
   * @default - added by a target
   */
  readonly declaredBy?: string;
}

/** Grafana's uid rule: 1 to 40 characters, letters, digits, `-` and `_`. */
export const GRAFANA_UID = /^[a-zA-Z0-9_-]{1,40}$/;

/**
 * A Grafana uid derived from `text`: its slug when that is 1 to 40 characters, else the first 31 characters of the
 * slug and 8 hex digits of its SHA-256. The same text always gives the same uid, in every checkout.
 */
export function derivedGrafanaUid(text: string): string {
  const readable = slug(text);
  if (readable.length > 0 && readable.length <= 40) return readable;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const head = readable.slice(0, 31).replace(/-+$/, '');
  return head === '' ? `uid-${hash}` : `${head}-${hash}`;
}
