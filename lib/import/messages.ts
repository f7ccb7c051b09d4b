/**
 * Messages of the YAML importers. They use the shape of lib/model/errors.ts (`<where>, <field>: <detail>`), where
 * `<where>` starts with `<file>:<line>:<column>` and `<field>` is the path of the YAML node (`receivers[1].email_configs[0].subject`).
 */
import { MonitoringConfigError } from '../model/errors';
import { editDistance } from '../model/edit-distance';

/** Quotes names as YAML keys in messages: `` `expr` ``. */
export function keyList(keys: readonly string[]): string {
  return keys.map((k) => `\`${k}\``).join(', ');
}

/** A YAML syntax error. */
export function syntaxError(where: string, code: string, message: string): MonitoringConfigError {
  return new MonitoringConfigError(where, 'YAML', `syntax error (${code}): ${message}; expected valid YAML`);
}

/** The closest known key to a misspelt one, if any is close enough to be a likely typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  if (best && best.distance <= Math.max(1, Math.floor(best.key.length / 4))) return best.key;
  // `expresion` → `expr`, `annotation` → `annotations`: one is the start of the other.
  return known.find((k) => k.length >= 3 && (key.startsWith(k) || k.startsWith(key)) && key.length >= 3);
}


/**
 * A key the program (Prometheus, Alertmanager) does not have at all, e.g. `expresion:` in a rule.
 * With a `hint` the hint replaces the list of known keys (`email_configs has no \`subject\`; set ...`).
 * `programFields` (what the program has beyond `known`) are guessed too: `lables` → "did you mean `labels`?".
 */
export function noSuchField(where: string, field: string, owner: string, key: string, known: readonly string[], hint?: string, programFields: readonly string[] = []): MonitoringConfigError {
  if (hint !== undefined) return new MonitoringConfigError(where, field, `${owner} has no \`${key}\`; ${hint}`);
  const guess = closestKey(key, known) ?? closestKey(key, programFields);
  const notYet = guess !== undefined && !known.includes(guess) ? ', which cdktf-monitoring does not support (yet)' : '';
  const didYouMean = guess === undefined ? '' : ` (did you mean \`${guess}\`${notYet}?)`;
  return new MonitoringConfigError(where, field, `${owner} has no \`${key}\`${didYouMean}; expected one of ${keyList(known)}`);
}

/** A key the program has, but the library does not model (yet). */
export function unsupportedField(where: string, field: string, owner: string, key: string, supported: readonly string[], hint?: string): MonitoringConfigError {
  const tail = hint === undefined ? '' : `; ${hint}`;
  return new MonitoringConfigError(
    where,
    field,
    `\`${key}\` of ${owner} is not supported by cdktf-monitoring (yet)${tail}; supported: ${keyList(supported)}`,
  );
}

/** A secret written literally into the file. The value is never echoed. */
export function literalSecret(where: string, field: string, fileKey: string | undefined, program: string, note?: string): MonitoringConfigError {
  const fileForm = fileKey === undefined ? '' : `use \`${fileKey}\` (a path inside the ${program} container; imported as Secret.fromFile) or `;
  return new MonitoringConfigError(
    where,
    field,
    `is a literal secret (value not shown); secrets must not be literals in config files: ${fileForm}declare it in code with Secret.fromVariable(...)` +
      (note === undefined ? '' : `; ${note}`),
  );
}

/** An Alertmanager integration (`opsgenie_configs`, ...) the library has no receiver for. */
export function unsupportedIntegration(where: string, field: string, key: string, supported: readonly string[], hint?: string): MonitoringConfigError {
  const tail = hint === undefined ? '' : ` (${hint})`;
  return new MonitoringConfigError(
    where,
    field,
    `the ${key.replace(/_configs$/, '')} integration (\`${key}\`) is not supported by cdktf-monitoring${tail}; supported integrations: ${keyList(supported)}`,
  );
}

/**
 * A scrape job whose service discovery mechanism the library does not render (consul, ec2, ...), or a Kubernetes job
 * where no EKS scraper can run it. `supported` lists the `*_sd_configs` keys that import.
 */
export function unsupportedDiscovery(where: string, field: string, key: string, supported: readonly string[]): MonitoringConfigError {
  return new MonitoringConfigError(
    where,
    field,
    `service discovery with \`${key}\` is not supported by cdktf-monitoring; supported: \`static_configs\`, ${keyList(supported)} ` +
      '(list the targets in static_configs, or write them to a file for file_sd_configs)',
  );
}

/** One job whose static_configs carry different labels. */
export function differentLabelSets(where: string, field: string, first: unknown, other: unknown): MonitoringConfigError {
  return new MonitoringConfigError(
    where,
    field,
    `has labels ${JSON.stringify(other)} but static_configs[0] has ${JSON.stringify(first)}; a ServiceScrape has one label set for all its targets: ` +
      'split the job into one job per label set, each with its own job_name (the `job` label then differs, so check the alerts and dashboards that select it), ' +
      'or give every static_configs entry the same labels',
  );
}

/** Two rules of one group with the same name and labels (a warning: Prometheus loads them). */
export function indistinguishableWarning(where: string, field: string, name: string, firstField: string): string {
  return (
    `${where}, ${field}: rule ${JSON.stringify(name)} has the same name and labels as ${firstField}; Prometheus loads both, ` +
    'but only their expressions can tell their alerts (or recorded series) apart (promtool lint "duplicate-rules"): ' +
    'give one a distinguishing label such as `severity`, or remove one'
  );
}

/** The top of a rule file is a list of rules instead of `groups:`. */
export function bareRuleList(where: string): MonitoringConfigError {
  return new MonitoringConfigError(
    where,
    '(top level)',
    'is a list of rules, not a rule file; expected `groups:` with named groups, e.g. `groups: [{ name: my-group, rules: [...] }]`',
  );
}
