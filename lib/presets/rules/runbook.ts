import { invalid } from '../../model/errors';

const PLACEHOLDER = /\{\{\s*alert\s*\}\}/g;

/** Checks a runbook URL pattern: an http(s) URL, optionally with `{{alert}}` placeholders. */
export function checkRunbookUrlPattern(pattern: string, where: string, field: string): void {
  if (typeof pattern !== 'string' || !/^https?:\/\/\S+$/.test(pattern.replace(PLACEHOLDER, 'x'))) {
    throw invalid(where, field, pattern, 'an http(s) URL where {{alert}} stands for the alert name, e.g. "https://runbooks.example.com/{{alert}}"');
  }
}

/** The runbook URL of one alert: every `{{alert}}` in the pattern replaced by the alert name. */
export function runbookUrl(pattern: string, alert: string): string {
  return pattern.replace(PLACEHOLDER, alert);
}
