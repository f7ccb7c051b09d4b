import { Duration } from '../duration';

/** Options of a json stage: parses the line (or an extracted value) as JSON and extracts values with JMESPath. */
export interface JsonStageOptions {
  /**
   * Extracted name → JMESPath expression. An empty expression means the name itself, e.g. `{ level: '' }`.
   * Wrap names with a hyphen in double quotes inside the expression: `{ agent: '"user-agent"' }`.
   */
  readonly expressions: Readonly<Record<string, string>>;
  /**
   * Name of an extracted value to parse instead of the log line.
   * @default - the log line
   */
  readonly source?: string;
  /**
   * Drop lines that are not valid JSON instead of passing them on unchanged.
   * @default false
   */
  readonly dropMalformed?: boolean;
}

/** Options of a logfmt stage: parses `key=value` pairs. */
export interface LogfmtStageOptions {
  /** Extracted name → logfmt key. An empty key means the name itself, e.g. `{ level: '' }`. */
  readonly mapping: Readonly<Record<string, string>>;
  /**
   * Name of an extracted value to parse instead of the log line.
   * @default - the log line
   */
  readonly source?: string;
}

/** Options of a regex stage: every named group `(?P<name>...)` becomes an extracted value. */
export interface RegexStageOptions {
  /** An RE2 expression (Go syntax) with at least one named group, e.g. `^(?P<level>\w+) (?P<message>.*)$`. */
  readonly expression: string;
  /**
   * Name of an extracted value to match instead of the log line.
   * @default - the log line
   */
  readonly source?: string;
}

/** What the timestamp stage does when the value is missing or does not parse. */
export type TimestampFailureAction = 'fudge' | 'skip';

/** Options of a timestamp stage: sets the entry's time from an extracted value. */
export interface TimestampStageOptions {
  /** Name of the extracted value that holds the time, e.g. `time`. */
  readonly source: string;
  /**
   * A named format (`RFC3339`, `RFC3339Nano`, `Unix`, `UnixMs`, `UnixUs`, `UnixNs`, `ANSIC`, `RFC1123`, ...) or a Go
   * reference layout such as `2006-01-02 15:04:05.000`.
   */
  readonly format: string;
  /**
   * Formats tried when `format` does not parse.
   * @default []
   */
  readonly fallbackFormats?: readonly string[];
  /**
   * IANA time zone for layouts without an offset, e.g. `Europe/Berlin`.
   * @default - UTC
   */
  readonly location?: string;
  /**
   * `fudge` keeps the previous entry's time plus 1ns, `skip` keeps the time the line was read.
   * @default 'fudge'
   */
  readonly actionOnFailure?: TimestampFailureAction;
}

/** Options of a drop stage. All given conditions must hold for a line to be dropped. */
export interface DropStageOptions {
  /**
   * Extracted value(s) to test; several are joined with `separator`.
   * @default - the log line
   */
  readonly source?: string | readonly string[];
  /**
   * RE2 expression; the line is dropped when it matches the source.
   * @default - no expression condition
   */
  readonly expression?: string;
  /**
   * Drop when the source equals this value exactly (needs `source`, excludes `expression`).
   * @default - no value condition
   */
  readonly value?: string;
  /**
   * Drop lines whose timestamp is older than this.
   * @default - no age condition
   */
  readonly olderThan?: Duration | string;
  /**
   * Drop lines longer than this many bytes.
   * @default - no length condition
   */
  readonly longerThanBytes?: number;
  /**
   * The `reason` label of the dropped-lines counter.
   * @default 'drop_stage'
   */
  readonly reason?: string;
  /**
   * Separator between the values of several sources.
   * @default ';'
   */
  readonly separator?: string;
}

/** Options of a multiline stage: joins continuation lines (stack traces) to the line that starts a block. */
export interface MultilineStageOptions {
  /** RE2 expression that matches the first line of a block, e.g. `^\d{4}-\d{2}-\d{2}`. */
  readonly firstLine: string;
  /**
   * How long to wait for more lines before the block is sent.
   * @default Duration.seconds(3)
   */
  readonly maxWaitTime?: Duration | string;
  /**
   * Most lines in one block.
   * @default 128
   */
  readonly maxLines?: number;
}
