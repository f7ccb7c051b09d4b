import { invalid } from './errors';

// Which fields each relabel action takes, as Prometheus checks them when it loads prometheus.yml
// (model/relabel/relabel.go `Config.Validate`, Prometheus 3.x; checked with promtool 3.5 `check config`):
// labeldrop/labelkeep: "%s action requires only 'regex', and no other fields";
// keepequal/dropequal: "%s action requires only 'source_labels' and `target_label`, and no other fields".

interface RelabelFields {
  readonly sourceLabels?: readonly string[];
  readonly separator?: string;
  readonly targetLabel?: string;
  readonly regex?: string;
  readonly modulus?: number;
  readonly replacement?: string;
}

const ONLY: Readonly<Record<string, readonly (keyof RelabelFields)[]>> = {
  labeldrop: ['regex'],
  labelkeep: ['regex'],
  keepequal: ['sourceLabels', 'targetLabel'],
  dropequal: ['sourceLabels', 'targetLabel'],
};

const FIELDS: readonly (keyof RelabelFields)[] = ['sourceLabels', 'separator', 'targetLabel', 'regex', 'modulus', 'replacement'];

/** Refuses fields an action does not take: Prometheus refuses the whole file for them. */
export function checkRelabelFields(rule: RelabelFields, action: string, where: string, field: string): void {
  const allowed = ONLY[action];
  if (!allowed) return;
  for (const key of FIELDS) {
    const value = rule[key];
    const set = key === 'sourceLabels' ? value !== undefined && (value as readonly string[]).length > 0 : value !== undefined;
    if (set && !allowed.includes(key)) {
      const what = allowed.length === 1 ? `only ${allowed[0]}` : `only ${allowed.join(' and ')}`;
      throw invalid(
        where,
        `${field}.${key}`,
        value,
        `no ${key} with action "${action}": it takes ${what} (Prometheus refuses the file)` +
          (action === 'labeldrop' || action === 'labelkeep' ? `; ${action} matches label names against regex, to drop series use action "drop" with sourceLabels` : ''),
      );
    }
  }
}
