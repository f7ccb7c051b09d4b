import {
  QueryVariableBuilder,
  TextBoxVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PackDataSource } from './panels';

/**
 * Template variables of the dashboard packs. Every variable is multi-value with "All" meaning `.*`, so panels
 * select with `label=~"$name"`.
 */

/**
 * A multi-value variable listing the values of `label` on the series `selector` selects
 * (`label_values(up{job="node"}, instance)`), refreshed when the time range changes.
 */
export function labelValuesVariable(ds: PackDataSource, name: string, title: string, selector: string, label: string): QueryVariableBuilder {
  // The same function form works for Prometheus and Loki variable queries.
  const query = `label_values(${selector}, ${label})`;
  return new QueryVariableBuilder(name)
    .label(title)
    .datasource({ type: ds.type, uid: ds.uid })
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current({ selected: true, text: ['All'], value: ['$__all'] });
}

/** A free-text variable, e.g. a search term for a line filter; empty matches everything. */
export function textVariable(name: string, title: string): TextBoxVariableBuilder {
  return new TextBoxVariableBuilder(name).label(title).defaultValue('').current({ selected: false, text: '', value: '' });
}

/** `label=~"$name"`: the matcher that applies a variable from {@link labelValuesVariable}. */
export function byVariable(label: string, name: string = label): string {
  return `${label}=~"$${name}"`;
}
