import { Duration } from '../duration';
import { TimestampFailureAction } from './stage-options';

/** A validated json stage. */
export interface JsonStageModel {
  /** The stage type, `json`. */
  readonly kind: 'json';
  /** Extracted name → JMESPath expression (`''` = the name), sorted by name. */
  readonly expressions: Readonly<Record<string, string>>;
  /**
   * Extracted value to parse.
   * @default - the log line
   */
  readonly source?: string;
  /**
   * Drop lines that are not JSON.
   * @default - the agents' default (false)
   */
  readonly dropMalformed?: boolean;
}

/** A validated logfmt stage. */
export interface LogfmtStageModel {
  /** The stage type, `logfmt`. */
  readonly kind: 'logfmt';
  /** Extracted name → logfmt key (`''` = the name), sorted by name. */
  readonly mapping: Readonly<Record<string, string>>;
  /**
   * Extracted value to parse.
   * @default - the log line
   */
  readonly source?: string;
}

/** A validated regex stage. */
export interface RegexStageModel {
  /** The stage type, `regex`. */
  readonly kind: 'regex';
  /** The RE2 expression, as given. */
  readonly expression: string;
  /**
   * Extracted value to match.
   * @default - the log line
   */
  readonly source?: string;
  /** The named groups: what the stage extracts. */
  readonly groups: readonly string[];
}

/** A validated timestamp stage. */
export interface TimestampStageModel {
  /** The stage type, `timestamp`. */
  readonly kind: 'timestamp';
  /** Extracted value that holds the time. */
  readonly source: string;
  /** Named format or Go layout. */
  readonly format: string;
  /** Formats tried after `format` (empty: none). */
  readonly fallbackFormats: readonly string[];
  /**
   * IANA time zone for layouts without an offset.
   * @default - UTC
   */
  readonly location?: string;
  /**
   * What happens when the time is missing or does not parse.
   * @default - the agents' default ('fudge')
   */
  readonly actionOnFailure?: TimestampFailureAction;
}

/** A validated labels stage: label name → extracted name (`''` = the label name). */
export interface LabelsStageModel {
  /** The stage type, `labels`. */
  readonly kind: 'labels';
  /** Label name → extracted name it takes its value from. */
  readonly values: Readonly<Record<string, string>>;
}

/** A validated static_labels stage. */
export interface StaticLabelsStageModel {
  /** The stage type, `static_labels`. */
  readonly kind: 'static_labels';
  /** Label name → fixed value. */
  readonly values: Readonly<Record<string, string>>;
}

/** A validated drop stage. */
export interface DropStageModel {
  /** The stage type, `drop`. */
  readonly kind: 'drop';
  /** Extracted values to test (empty: the log line). */
  readonly source: readonly string[];
  /**
   * RE2 expression that drops matching lines.
   * @default - no expression condition
   */
  readonly expression?: string;
  /**
   * Exact value of the source that drops the line.
   * @default - no value condition
   */
  readonly value?: string;
  /**
   * Drops lines older than this.
   * @default - no age condition
   */
  readonly olderThan?: Duration;
  /**
   * Drops lines longer than this many bytes.
   * @default - no length condition
   */
  readonly longerThanBytes?: number;
  /**
   * Reason label of the dropped-lines counter.
   * @default - the agents' default ('drop_stage')
   */
  readonly reason?: string;
  /**
   * Separator between several source values.
   * @default - the agents' default (';')
   */
  readonly separator?: string;
}

/** A validated multiline stage. */
export interface MultilineStageModel {
  /** The stage type, `multiline`. */
  readonly kind: 'multiline';
  /** RE2 expression matching the first line of a block. */
  readonly firstLine: string;
  /**
   * Longest wait for more lines.
   * @default - the agents' default (3s)
   */
  readonly maxWaitTime?: Duration;
  /**
   * Most lines in a block.
   * @default - the agents' default (128)
   */
  readonly maxLines?: number;
}

/** A validated output stage: the extracted value that becomes the log line. */
export interface OutputStageModel {
  /** The stage type, `output`. */
  readonly kind: 'output';
  /** Extracted value that becomes the line. */
  readonly source: string;
}

/** Any validated stage; renderers switch on `kind` (the stage name both agents use). */
export type LogStageModel =
  | JsonStageModel
  | LogfmtStageModel
  | RegexStageModel
  | TimestampStageModel
  | LabelsStageModel
  | StaticLabelsStageModel
  | DropStageModel
  | MultilineStageModel
  | OutputStageModel;
