// Runs a job's `metric_relabel_configs` on the labels a selector asks for, the way Prometheus applies them to every
// scraped sample (model/relabel/relabel.go `Process`), to find selectors whose series the job drops. Only what is
// certain counts: a rule that reads a label whose value is not known, or a regex JavaScript cannot run, ends the
// simulation with "unknown", and no warning follows.
import { re2ToRegExp } from './re2';
import type { RelabelRule } from './scrape';

/** The outcome: the series is kept, dropped by rule `index`, or cannot be known. */
export type RelabelOutcome = { readonly kind: 'kept' } | { readonly kind: 'dropped'; readonly index: number } | { readonly kind: 'unknown' };

function matcher(regex: string | undefined): RegExp | undefined {
  try {
    // Prometheus anchors relabel regexes and lets `.` match newlines: ^(?s:regex)$.
    return re2ToRegExp(regex ?? '(.*)', { dotAll: true });
  } catch {
    return undefined;
  }
}

/** `$1`, `${1}`, `$name` references of a replacement, expanded from a match (Go's Regexp.Expand). */
function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    if (/^\d+$/.test(name)) return match[Number(name)] ?? '';
    return match.groups?.[name] ?? '';
  });
}

/**
 * Applies `rules` to a series with the `known` labels (every other label's value is unknown) and says whether it is
 * dropped. Labels absent from `known` and not listed in `absent` are unknown.
 */
export function simulateRelabel(rules: readonly RelabelRule[], known: Readonly<Record<string, string>>): RelabelOutcome {
  const labels = new Map(Object.entries(known));
  for (const [index, rule] of rules.entries()) {
    const action = rule.action ?? 'replace';
    const sources = rule.sourceLabels ?? [];
    if (action === 'labeldrop' || action === 'labelkeep' || action === 'labelmap') {
      const re = matcher(rule.regex);
      if (!re) return { kind: 'unknown' };
      // Label names change; fine as long as the known ones are untouched.
      for (const name of labels.keys()) {
        const hit = re.test(name);
        if ((action === 'labeldrop' && hit) || (action === 'labelkeep' && !hit)) return { kind: 'unknown' };
      }
      continue;
    }
    if (sources.some((s) => !labels.has(s))) {
      // The input is unknown: a filter's outcome is unknown; a write makes its target unknown.
      if (['keep', 'drop', 'keepequal', 'dropequal'].includes(action)) return { kind: 'unknown' };
      if (rule.targetLabel !== undefined) {
        if (/\$/.test(rule.targetLabel)) return { kind: 'unknown' };
        labels.delete(rule.targetLabel);
      }
      continue;
    }
    const value = sources.map((s) => labels.get(s)!).join(rule.separator ?? ';');
    const re = matcher(rule.regex);
    switch (action) {
      case 'keep':
      case 'drop': {
        if (!re) return { kind: 'unknown' };
        const hit = re.test(value);
        if ((action === 'keep' && !hit) || (action === 'drop' && hit)) return { kind: 'dropped', index };
        break;
      }
      case 'keepequal':
      case 'dropequal': {
        const target = rule.targetLabel === undefined ? undefined : labels.get(rule.targetLabel);
        if (target === undefined) return { kind: 'unknown' };
        if ((action === 'keepequal') !== (target === value)) return { kind: 'dropped', index };
        break;
      }
      case 'replace': {
        if (!re) return { kind: 'unknown' };
        const m = re.exec(value);
        if (!m || rule.targetLabel === undefined) break;
        const target = expand(rule.targetLabel, m);
        const result = expand(rule.replacement ?? '$1', m);
        if (result === '') labels.set(target, '');
        else labels.set(target, result);
        break;
      }
      case 'lowercase':
      case 'uppercase':
        if (rule.targetLabel !== undefined) labels.set(rule.targetLabel, action === 'lowercase' ? value.toLowerCase() : value.toUpperCase());
        break;
      default:
        // hashmod: the target's value is a hash, not known here.
        if (rule.targetLabel !== undefined) labels.delete(rule.targetLabel);
    }
  }
  return { kind: 'kept' };
}
