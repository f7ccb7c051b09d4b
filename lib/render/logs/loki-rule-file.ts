import { Duration } from '../../model/duration';
import { RuleModel } from '../../model/rules';
import { renderRule } from '../rule-file';
import { compact, generatedHeader, toYaml } from '../yaml';

/** Options of {@link renderLokiRuleFile}. */
export interface LokiRuleFileOptions {
  /**
   * Evaluation interval of the group.
   * @default - the ruler's evaluation_interval
   */
  readonly interval?: Duration;
  /**
   * Most alerts one rule may produce (0 = no limit).
   * @default - no limit
   */
  readonly limit?: number;
}

/**
 * Renders a rule file for Loki's ruler: the Prometheus rule-file format (`groups:` → `name`, `interval`, `limit`,
 * `rules:`) with LogQL expressions (Loki v3.7.6 docs/sources/alert/_index.md). Build the rules with
 * `buildLogRuleGroup`/`buildLogAlertRule`, which check the LogQL; mount the file at `lokiRuleFilePath(...)`.
 */
export function renderLokiRuleFile(groupName: string, rules: readonly RuleModel[], options: LokiRuleFileOptions = {}): string {
  const group = compact({
    name: groupName,
    interval: options.interval?.toPrometheus(),
    limit: options.limit,
    rules: rules.map(renderRule),
  });
  return toYaml({ groups: [group] }, generatedHeader(`Loki rule group "${groupName}" (LogQL, evaluated by the Loki ruler).`));
}
