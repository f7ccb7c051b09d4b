import { Duration } from '../duration';
import { invalid, missing } from '../errors';
import { checkLabelName, checkLabelValue, sortedRecord } from '../names';
import { LogStage } from './log-stage';
import { checkRe2 } from '../re2';
import { DropStageModel, LogStageModel, MultilineStageModel, TimestampStageModel } from './stage-model';
import { DropStageOptions, MultilineStageOptions, TimestampStageOptions } from './stage-options';
import { checkTimestampFormat } from './timestamp-format';

/** Names of extracted values: anything but empty text (Alloy and Promtail use them as map keys). */
function checkName(name: unknown, where: string, field: string): string {
  if (typeof name !== 'string' || name.trim() === '' || name !== name.trim()) {
    throw invalid(where, field, name, 'the name of an extracted value (non-empty, no leading or trailing spaces)');
  }
  return name;
}

function optionalName(name: unknown, where: string, field: string): string | undefined {
  return name === undefined ? undefined : checkName(name, where, field);
}

/** A string → string map with at least one entry, keys checked by `checkKey`, sorted by key. */
function checkMap(
  map: unknown,
  where: string,
  field: string,
  expected: string,
  checkKey: (key: string, field: string) => void,
): Record<string, string> {
  if (map === null || typeof map !== 'object' || Array.isArray(map) || Object.keys(map).length === 0) {
    throw invalid(where, field, map, expected);
  }
  for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
    checkKey(key, `${field} key`);
    if (typeof value !== 'string') throw invalid(where, `${field}.${key}`, value, `a string (${expected})`);
  }
  return sortedRecord(map as Record<string, string>) as Record<string, string>;
}

/**
 * JMESPath reads an unquoted `-` as minus, so `user-agent` (or an empty expression under the name `user-agent`) does
 * not compile in either agent (Alloy v1.18.1 loki.process.md, stage.json note); the segment must be quoted.
 */
function checkJmesPath(name: string, expression: string, where: string): void {
  const path = expression === '' ? name : expression;
  if (!/^[A-Za-z0-9_.-]+$/.test(path)) return;
  const bad = path.split('.').find((segment) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment));
  if (bad === undefined) return;
  const quoted = path.split('.').map((segment) => (segment === bad ? `"${segment}"` : segment)).join('.');
  throw invalid(
    where,
    `expressions.${name}`,
    expression,
    `a JMESPath expression in which the name ${JSON.stringify(bad)} is quoted (JMESPath reads "-" as minus), e.g. expressions: { ${JSON.stringify(name)}: '${quoted}' }`,
  );
}

function checkLocation(location: string | undefined, where: string): string | undefined {
  if (location === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: location });
  } catch {
    throw invalid(where, 'location', location, 'an IANA time zone such as "UTC" or "Europe/Berlin"');
  }
  return location;
}

function buildTimestamp(o: TimestampStageOptions, where: string): TimestampStageModel {
  if (o.source === undefined) throw missing(where, 'source', 'the name of the extracted value that holds the time, e.g. "time"');
  const source = checkName(o.source, where, 'source');
  if (o.format === undefined) throw missing(where, 'format', 'a named format such as "RFC3339" or a Go layout such as "2006-01-02 15:04:05"');
  checkTimestampFormat(o.format, where, 'format');
  const fallbackFormats = o.fallbackFormats ?? [];
  fallbackFormats.forEach((f, i) => checkTimestampFormat(f, where, `fallbackFormats[${i}]`));
  if (o.actionOnFailure !== undefined && o.actionOnFailure !== 'fudge' && o.actionOnFailure !== 'skip') {
    throw invalid(where, 'actionOnFailure', o.actionOnFailure, '"fudge" or "skip"');
  }
  return { kind: 'timestamp', source, format: o.format, fallbackFormats: [...fallbackFormats], location: checkLocation(o.location, where), actionOnFailure: o.actionOnFailure };
}

function buildDrop(o: DropStageOptions, where: string): DropStageModel {
  const sources = o.source === undefined ? [] : typeof o.source === 'string' ? [o.source] : [...o.source];
  sources.forEach((s, i) => checkName(s, where, typeof o.source === 'string' ? 'source' : `source[${i}]`));
  if (o.expression !== undefined) checkRe2(o.expression, where, 'expression');
  if (o.value !== undefined) {
    if (sources.length === 0) throw missing(where, 'source', 'the extracted value(s) to compare with `value`');
    if (o.expression !== undefined) throw invalid(where, 'value', o.value, 'either `value` or `expression`, not both (Promtail rejects both together)');
    checkLabelValue(o.value, where, 'value');
  }
  if (o.longerThanBytes !== undefined && (!Number.isInteger(o.longerThanBytes) || o.longerThanBytes <= 0)) {
    throw invalid(where, 'longerThanBytes', o.longerThanBytes, 'a whole number of bytes > 0');
  }
  const olderThan = o.olderThan === undefined ? undefined : Duration.from(o.olderThan, where, 'olderThan');
  if (olderThan !== undefined && olderThan.toMilliseconds() === 0) throw invalid(where, 'olderThan', o.olderThan, 'a duration longer than 0s');
  if (sources.length === 0 && o.expression === undefined && olderThan === undefined && o.longerThanBytes === undefined) {
    throw missing(where, 'expression', 'at least one condition: expression, source with value, olderThan or longerThanBytes (a drop stage without one drops nothing)');
  }
  if (o.reason !== undefined && (typeof o.reason !== 'string' || o.reason === '')) throw invalid(where, 'reason', o.reason, 'a non-empty string');
  if (o.separator !== undefined && typeof o.separator !== 'string') throw invalid(where, 'separator', o.separator, 'a string');
  return { kind: 'drop', source: sources, expression: o.expression, value: o.value, olderThan, longerThanBytes: o.longerThanBytes, reason: o.reason, separator: o.separator };
}

function buildMultiline(o: MultilineStageOptions, where: string): MultilineStageModel {
  if (o.firstLine === undefined) throw missing(where, 'firstLine', 'an RE2 expression that matches the first line of a block');
  checkRe2(o.firstLine, where, 'firstLine');
  const maxWaitTime = o.maxWaitTime === undefined ? undefined : Duration.from(o.maxWaitTime, where, 'maxWaitTime');
  if (maxWaitTime !== undefined && maxWaitTime.toMilliseconds() === 0) throw invalid(where, 'maxWaitTime', o.maxWaitTime, 'a duration longer than 0s');
  if (o.maxLines !== undefined && (!Number.isInteger(o.maxLines) || o.maxLines < 1)) throw invalid(where, 'maxLines', o.maxLines, 'a whole number ≥ 1');
  return { kind: 'multiline', firstLine: o.firstLine, maxWaitTime, maxLines: o.maxLines };
}

/**
 * Validates one stage. `where` names the stage, e.g. `LogPipeline dev/monitoring/logs, source "app", stages[2] (regex)`.
 */
export function buildLogStage(stage: LogStage, where: string): LogStageModel {
  if (!(stage instanceof LogStage)) {
    throw invalid(where, 'stage', stage, 'a LogStage such as LogStage.json({...}) or LogStage.labels([...])');
  }
  const spec = stage.spec;
  const labelKey = (key: string, field: string): void => checkLabelName(key, where, field);
  const nameKey = (key: string, field: string): void => void checkName(key, where, field);
  switch (spec.kind) {
    case 'json': {
      const expressions = checkMap(spec.options.expressions, where, 'expressions', 'extracted name → JMESPath expression, at least one', nameKey);
      for (const [name, expression] of Object.entries(expressions)) checkJmesPath(name, expression, where);
      return {
        kind: 'json',
        expressions,
        source: optionalName(spec.options.source, where, 'source'),
        dropMalformed: spec.options.dropMalformed,
      };
    }
    case 'logfmt':
      return {
        kind: 'logfmt',
        mapping: checkMap(spec.options.mapping, where, 'mapping', 'extracted name → logfmt key, at least one', nameKey),
        source: optionalName(spec.options.source, where, 'source'),
      };
    case 'regex': {
      if (spec.options.expression === undefined) throw missing(where, 'expression', 'an RE2 expression with named groups such as (?P<level>\\w+)');
      const info = checkRe2(spec.options.expression, where, 'expression');
      if (info.namedGroups.length === 0) {
        throw invalid(where, 'expression', spec.options.expression, 'at least one named group (?P<name>...): only named groups are extracted');
      }
      const dup = info.namedGroups.find((g, i) => info.namedGroups.indexOf(g) !== i);
      if (dup !== undefined) throw invalid(where, 'expression', spec.options.expression, `named groups with distinct names; "${dup}" appears twice`);
      if (info.unnamedGroups > 0) {
        throw invalid(where, 'expression', spec.options.expression, 'every capturing group named (?P<name>...) or made non-capturing (?:...); the stage requires named groups');
      }
      return { kind: 'regex', expression: spec.options.expression, source: optionalName(spec.options.source, where, 'source'), groups: info.namedGroups };
    }
    case 'timestamp':
      return buildTimestamp(spec.options, where);
    case 'labels': {
      const values = Array.isArray(spec.values)
        ? Object.fromEntries((spec.values as readonly string[]).map((name) => [name, '']))
        : (spec.values as Readonly<Record<string, string>>);
      return { kind: 'labels', values: checkMap(values, where, 'values', 'label names, or label name → extracted name, at least one', labelKey) };
    }
    case 'static_labels':
      return { kind: 'static_labels', values: checkMap(spec.values, where, 'values', 'label name → value, at least one', labelKey) };
    case 'drop':
      return buildDrop(spec.options, where);
    case 'multiline':
      return buildMultiline(spec.options, where);
    case 'output':
      return { kind: 'output', source: checkName(spec.source, where, 'source') };
  }
}
