import { Token } from 'cdktf';
import { derivedGrafanaUid, GRAFANA_UID } from '../../model/dashboard';
import { badUid, badUrl } from './messages';

/** Throws unless `uid` follows Grafana's uid rules (1–40 letters, digits, `-`, `_`). */
export function checkUid(uid: unknown, where: string, field: string): string {
  if (typeof uid !== 'string' || !GRAFANA_UID.test(uid)) throw badUid(where, field, uid);
  return uid;
}

/** Throws unless `url` is an http(s) URL; Terraform tokens (resolved at apply) pass. */
export function checkHttpUrl(url: unknown, where: string, field: string): string {
  if (typeof url === 'string' && Token.isUnresolved(url)) return url;
  if (typeof url !== 'string' || !/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/.test(url)) throw badUrl(where, field, url);
  if (/^https?:\/\/[^/?#]*@/.test(url)) {
    throw badUrl(where, field, '<url with credentials>');
  }
  return url;
}

/** A uid derived from `text` (see derivedGrafanaUid). */
export const derivedUid = derivedGrafanaUid;
