import { showValue } from '../errors';

/**
 * A finding that should not stop a build (a construct passes it to `Annotations.of(this).addWarning`).
 * Its text has the same shape as a {@link MonitoringConfigError}: `<where>, <field>: <detail>`.
 */
export interface LogPipelineWarning {
  /** Where the input was given, e.g. `LogPipeline dev/monitoring/logs, source "app", stages[3] (labels)`. */
  readonly where: string;
  /** The field that holds it, e.g. `values`. */
  readonly field: string;
  /** The full message. */
  readonly message: string;
}

function warning(where: string, field: string, detail: string): LogPipelineWarning {
  return { where, field, message: `${where}, ${field}: ${detail}` };
}

/** A label whose values are unbounded: every value opens a new Loki stream. */
export function highCardinalityLabel(where: string, field: string, label: string, reason: string): LogPipelineWarning {
  return warning(
    where,
    field,
    `label ${showValue(label)} is likely high-cardinality (${reason}): every distinct value creates a new Loki stream, ` +
      'which slows ingestion and queries and can hit max_global_streams_per_user; expected labels with few values ' +
      '(level, service, container, stream). Keep the value in the log line and filter at query time, e.g. ' +
      `{service="api"} | json | ${label}="..."`,
  );
}

/** A stage reads an extracted value or label that nothing before it provides. */
export function unknownExtractedKey(where: string, field: string, key: string, known: readonly string[]): LogPipelineWarning {
  const list = known.length === 0 ? 'none' : [...known].sort().map((k) => showValue(k)).join(', ');
  return warning(
    where,
    field,
    `reads ${showValue(key)}, which no earlier stage extracts and no label of the source provides, so the stage will ` +
      `find nothing; expected one of the known names (${list}), or add it to an earlier json/logfmt/regex stage`,
  );
}
