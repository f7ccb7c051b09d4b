import { goFormatFixed, goFormatG, humanize, humanize1024, humanizeDuration, humanizePercentage } from './go-format';

/** What an alert template sees: the labels of the series the expression returned, and its value. */
export interface AlertTemplateData {
  /** `$labels`: the labels of the series the expression returned. */
  readonly labels: Readonly<Record<string, string>>;
  /** `$value`: the value of that series. */
  readonly value: number;
  /**
   * `$externalLabels`.
   * @default {}
   */
  readonly externalLabels?: Readonly<Record<string, string>>;
  /**
   * `$externalURL`.
   * @default ''
   */
  readonly externalUrl?: string;
}

const FUNCTIONS: Record<string, (v: number) => string> = {
  humanize,
  humanize1024,
  humanizePercentage,
  humanizeDuration,
};

const VALUE = String.raw`(?:\$value|\.Value)`;
const LABEL = String.raw`(?:\$labels|\.Labels)\.([a-zA-Z_][a-zA-Z0-9_]*)`;
const EXTERNAL_LABEL = String.raw`(?:\$externalLabels|\.ExternalLabels)\.([a-zA-Z_][a-zA-Z0-9_]*)`;

function evaluate(action: string, data: AlertTemplateData): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^${LABEL}$`).exec(action))) return data.labels[m[1]] ?? '';
  if ((m = new RegExp(`^index (?:\\$labels|\\.Labels) "([a-zA-Z_][a-zA-Z0-9_]*)"$`).exec(action))) {
    return data.labels[m[1]] ?? '';
  }
  if ((m = new RegExp(`^${EXTERNAL_LABEL}$`).exec(action))) return data.externalLabels?.[m[1]] ?? '';
  if (/^(?:\$externalURL|\.ExternalURL)$/.test(action)) return data.externalUrl ?? '';
  if (new RegExp(`^${VALUE}$`).test(action)) return goFormatG(data.value);
  if ((m = new RegExp(`^${VALUE}\\s*\\|\\s*(\\w+)$`).exec(action)) && FUNCTIONS[m[1]]) return FUNCTIONS[m[1]](data.value);
  if ((m = new RegExp(`^(\\w+) ${VALUE}$`).exec(action)) && FUNCTIONS[m[1]]) return FUNCTIONS[m[1]](data.value);
  if ((m = new RegExp(`^printf "%\\.(\\d+)f" ${VALUE}$`).exec(action))) return goFormatFixed(data.value, Number(m[1]));
  if ((m = new RegExp(`^printf "%\\.(\\d+)g" ${VALUE}$`).exec(action))) return goFormatG(data.value, Number(m[1]));
  return undefined;
}

/**
 * Expands the small part of Prometheus' alert template language that rule packs use — `{{ $labels.x }}`,
 * `{{ $value }}`, `{{ $value | humanize }}` (and `humanize1024`, `humanizePercentage`, `humanizeDuration`),
 * `{{ printf "%.2f" $value }}`, `{{ $externalLabels.x }}` — the way Prometheus prints it. Used to compute the
 * annotations a promtool test expects. Throws on anything else: give such annotations to the test explicitly.
 */
export function expandAlertTemplate(text: string, data: AlertTemplateData): string {
  let out = '';
  let rest = text;
  for (;;) {
    const start = rest.indexOf('{{');
    if (start < 0) return out + rest;
    const end = rest.indexOf('}}', start + 2);
    if (end < 0) throw new Error(`unclosed template action in ${JSON.stringify(text)}`);
    let before = rest.slice(0, start);
    let body = rest.slice(start + 2, end);
    let after = rest.slice(end + 2);
    if (body.startsWith('- ')) {
      before = before.trimEnd();
      body = body.slice(1);
    }
    if (body.endsWith(' -')) {
      after = after.trimStart();
      body = body.slice(0, -1);
    }
    const value = evaluate(body.trim(), data);
    if (value === undefined) {
      throw new Error(`the template action {{${body}}} in ${JSON.stringify(text)} cannot be expanded here; give the expected text explicitly`);
    }
    out += before + value;
    rest = after;
  }
}

/** Expands every value of an annotation (or label) set with {@link expandAlertTemplate}. */
export function expandAll(record: Readonly<Record<string, string>>, data: AlertTemplateData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) out[key] = expandAlertTemplate(value, data);
  return out;
}
