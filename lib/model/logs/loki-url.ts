import { redactUrl } from '../clear-secrets';
import { invalid } from '../errors';

/** Loki's push API path (Loki v3.7.6 docs/sources/reference/loki-http-api.md, `POST /loki/api/v1/push`). */
export const LOKI_PUSH_PATH = '/loki/api/v1/push';

/**
 * The push URL agents send to, from Loki's base URL (`http://loki:3100`); a URL that already ends with the push path
 * is kept as it is.
 */
export function lokiPushUrl(lokiUrl: string, where = 'Log agent config', field = 'lokiUrl'): string {
  let url: URL | undefined;
  try {
    url = new URL(lokiUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    // The URL is shown with any credential masked: it must not reach a log in clear text.
    throw invalid(where, field, typeof lokiUrl === 'string' ? redactUrl(lokiUrl) : lokiUrl, 'the http(s) base URL of Loki without credentials or query, e.g. "http://loki:3100"');
  }
  const trimmed = lokiUrl.replace(/\/+$/, '');
  return trimmed.endsWith(LOKI_PUSH_PATH) ? trimmed : `${trimmed}${LOKI_PUSH_PATH}`;
}
