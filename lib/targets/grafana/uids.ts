import { createHash } from 'crypto';
import { Token } from 'cdktf';
import { GRAFANA_UID } from '../../model/dashboard';
import { slug } from '../../model/names';
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

/**
 * A uid derived from `text`: its slug when that is 1 to 40 characters, else the first 31 characters of the slug
 * and 8 hex digits of its SHA-256. The same text always gives the same uid, in every checkout.
 */
export function derivedUid(text: string): string {
  const readable = slug(text);
  if (readable.length > 0 && readable.length <= 40) return readable;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const head = readable.slice(0, 31).replace(/-+$/, '');
  return head === '' ? `uid-${hash}` : `${head}-${hash}`;
}
