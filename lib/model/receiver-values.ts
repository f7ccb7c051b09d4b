import { parseMailAddress, parseMailAddressList } from './email-address';
import { invalid } from './errors';

// Value rules of receiver fields that Alertmanager enforces when it loads the file or sends a notification.

/**
 * `to` and `from` of an email integration. Alertmanager parses them with Go's net/mail when it sends, so display
 * names are accepted (`"Ops" <ops@example.com>`); a text that is no address list fails every notification.
 */
export function checkEmailAddresses(options: { readonly to: string; readonly from: string }, where: string): void {
  if (parseMailAddressList(options.to) === undefined) {
    throw invalid(where, 'to', options.to, 'one or more email addresses, comma-separated, each optionally with a display name (e.g. "ops@example.com" or "\\"Ops\\" <ops@example.com>, oncall@example.com")');
  }
  if (parseMailAddress(options.from) === undefined) {
    throw invalid(where, 'from', options.from, 'an email address, optionally with a display name (e.g. "alerts@example.com" or "Alerts <alerts@example.com>")');
  }
}

/** `max_alerts` of a webhook: a uint64 in Alertmanager's config, so a negative or fractional number fails to load. */
export function checkMaxAlerts(value: number | undefined, where: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalid(where, 'maxAlerts', value, 'a whole number ≥ 0 (0 sends every alert; Alertmanager reads max_alerts as an unsigned integer)');
  }
}
