import { Token } from 'cdktf';
import { derivedGrafanaUid, GRAFANA_UID } from '../../model/dashboard';
import { checkUrlHasNoSecret } from '../../model/clear-secrets';
import { badUid, badUrl, CREDENTIAL_IN_URL } from './messages';

/** Throws unless `uid` follows Grafana's uid rules (1–40 letters, digits, `-`, `_`). */
export function checkUid(uid: unknown, where: string, field: string): string {
  if (typeof uid !== 'string' || !GRAFANA_UID.test(uid)) throw badUid(where, field, uid);
  return uid;
}

/**
 * Throws unless `url` is an http(s) URL without a credential (`user:pass@`, `?token=`); Terraform tokens (resolved
 * at apply) pass.
 * @param instead the Secret to use instead of a credential in the URL
 */
export function checkHttpUrl(url: unknown, where: string, field: string, instead = CREDENTIAL_IN_URL): string {
  if (typeof url === 'string' && Token.isUnresolved(url)) return url;
  // Before the URL check, whose message shows the URL as given.
  if (typeof url === 'string') checkUrlHasNoSecret(url, where, field, instead);
  if (typeof url !== 'string' || !/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/.test(url)) throw badUrl(where, field, url);
  return url;
}

/** A uid derived from `text` (see derivedGrafanaUid). */
export const derivedUid = derivedGrafanaUid;
