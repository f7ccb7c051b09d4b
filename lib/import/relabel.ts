import { RELABEL_ACTIONS, RelabelAction, RelabelRule } from '../model/scrape';
import { checkRe2 } from '../model/re2';
import { optional } from './shared';
import { SourceNode } from './yaml-source';

const RELABEL_KEYS = ['source_labels', 'separator', 'regex', 'modulus', 'target_label', 'replacement', 'action'];

/** Imports a `relabel_configs` / `metric_relabel_configs` list; `buildScrapeJob` validates the rules afterwards. */
export function importRelabelRules(node: SourceNode): RelabelRule[] {
  return node.seq('a list of relabel rules').map((item) => {
    const map = item.map('a relabel rule');
    map.checkKeys('a relabel rule', RELABEL_KEYS);
    const actionNode = map.opt('action');
    // Prometheus reads the action case-insensitively.
    const action = actionNode?.string('a relabel action').toLowerCase();
    if (actionNode && !(RELABEL_ACTIONS as readonly string[]).includes(action!)) {
      throw actionNode.invalid(`one of ${RELABEL_ACTIONS.join(', ')}`);
    }
    const regex = map.optString('regex', 'a regular expression');
    // Prometheus compiles it with Go's regexp (RE2); the message points at the `regex:` line.
    if (regex !== undefined) {
      const node = map.get('regex')!;
      checkRe2(regex, node.where, node.field, { program: 'Prometheus', allowEmpty: true });
    }
    return {
      ...optional('sourceLabels', map.opt('source_labels')?.strings('a list of label names')),
      ...optional('separator', map.optString('separator', 'a separator')),
      ...optional('targetLabel', map.optString('target_label', 'a label name')),
      ...optional('regex', regex),
      ...optional('modulus', map.opt('modulus')?.integer()),
      ...optional('replacement', map.optString('replacement', 'a replacement')),
      ...optional('action', action as RelabelAction | undefined),
    };
  });
}
