import { Duration } from '../../model/duration';
import { RuleTestCase } from '../../model/rule-tests';
import { AlertingRuleDefinition } from '../../model/rules';
import { Severity } from '../../model/severity';

/** A change to one rule of a pack, so a team can tune a rule without forking the pack. */
export interface RuleOverride {
  /**
   * Leaves the rule (and its tests) out of the pack.
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Replaces the rule's threshold. Its meaning and unit are listed with each rule (a ratio, seconds, hours, …).
   * @default - the pack's threshold for the rule
   */
  readonly threshold?: number;
  /**
   * Replaces how long the condition must hold before the alert fires.
   * @default - the pack's `for` for the rule
   */
  readonly for?: Duration | string;
  /**
   * Replaces the `severity` label.
   * @default - the pack's severity for the rule
   */
  readonly severity?: Severity;
  /**
   * Extra labels for this rule, added to (and taking precedence over) the pack's `labels`. Use `severity` for the
   * severity label.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Per-rule overrides keyed by rule name. `Name` is the pack's union of rule names, so a misspelt rule name is a
 * compile error (and a runtime error for JavaScript callers).
 */
export type RuleOverrides<Name extends string> = { readonly [K in Name]?: RuleOverride };

/** Options every rule pack takes. */
export interface RulePackOptions<Name extends string> {
  /**
   * Where each alert's runbook lives. `{{alert}}` is replaced by the alert name, e.g.
   * `https://runbooks.example.com/{{alert}}`; set it once per environment (see `rulePacks()`).
   */
  readonly runbookUrlPattern: string;
  /**
   * Labels added to every rule of the pack, e.g. `{ team: 'platform' }`.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Per-rule changes by rule name: disable, threshold, `for`, severity, extra labels.
   * @default {}
   */
  readonly overrides?: RuleOverrides<Name>;
}

/** What a rule pack returns: its alerting rules, and promtool test cases that show each one firing and staying quiet. */
export interface RulePack {
  /** The alerting rules, ready for `AlertGroup` `rules`. */
  readonly rules: readonly AlertingRuleDefinition[];
  /** promtool test cases: at least one firing and one quiet case per rule. */
  readonly tests: readonly RuleTestCase[];
}
