import {
  DropStageOptions,
  JsonStageOptions,
  LogfmtStageOptions,
  MultilineStageOptions,
  RegexStageOptions,
  TimestampStageOptions,
} from './stage-options';

/** What a {@link LogStage} was created with; validated when the pipeline is built (where the construct path is known). */
export type LogStageSpec =
  | { readonly kind: 'json'; readonly options: JsonStageOptions }
  | { readonly kind: 'logfmt'; readonly options: LogfmtStageOptions }
  | { readonly kind: 'regex'; readonly options: RegexStageOptions }
  | { readonly kind: 'timestamp'; readonly options: TimestampStageOptions }
  | { readonly kind: 'labels'; readonly values: readonly string[] | Readonly<Record<string, string>> }
  | { readonly kind: 'static_labels'; readonly values: Readonly<Record<string, string>> }
  | { readonly kind: 'drop'; readonly options: DropStageOptions }
  | { readonly kind: 'multiline'; readonly options: MultilineStageOptions }
  | { readonly kind: 'output'; readonly source: string };

/**
 * One processing stage of a log pipeline. The same stage renders as a `stage.<kind>` block of Alloy's
 * `loki.process` and as a Promtail `pipeline_stages` entry. Stages run in order and share a map of extracted values.
 *
 * ```ts
 * LogSource.files({ name: 'app', paths: ['/var/log/app/*.log'], stages: [
 *   LogStage.json({ expressions: { time: 'timestamp', level: '', message: '' } }),
 *   LogStage.timestamp({ source: 'time', format: 'RFC3339' }),
 *   LogStage.labels(['level']),
 *   LogStage.output('message'),
 * ] })
 * ```
 */
export class LogStage {
  /** Parses the line (or `source`) as JSON; each expression is a JMESPath query. */
  public static json(options: JsonStageOptions): LogStage {
    return new LogStage({ kind: 'json', options });
  }

  /** Parses the line (or `source`) as logfmt (`level=info msg="..."`). */
  public static logfmt(options: LogfmtStageOptions): LogStage {
    return new LogStage({ kind: 'logfmt', options });
  }

  /** Matches an RE2 expression; its named groups `(?P<name>...)` become extracted values. */
  public static regex(options: RegexStageOptions): LogStage {
    return new LogStage({ kind: 'regex', options });
  }

  /** Sets the entry's time from an extracted value. */
  public static timestamp(options: TimestampStageOptions): LogStage {
    return new LogStage({ kind: 'timestamp', options });
  }

  /**
   * Turns extracted values into labels: a list of names (label = extracted name) or label → extracted name.
   * Labels with many values (user or request ids, IPs, paths) draw a warning: each value is a new Loki stream.
   */
  public static labels(values: readonly string[] | Readonly<Record<string, string>>): LogStage {
    return new LogStage({ kind: 'labels', values });
  }

  /** Adds fixed labels. */
  public static staticLabels(values: Readonly<Record<string, string>>): LogStage {
    return new LogStage({ kind: 'static_labels', values });
  }

  /** Drops lines that meet every given condition (expression, value, age, length). */
  public static drop(options: DropStageOptions): LogStage {
    return new LogStage({ kind: 'drop', options });
  }

  /** Joins continuation lines (stack traces) to the first line of their block. */
  public static multiline(options: MultilineStageOptions): LogStage {
    return new LogStage({ kind: 'multiline', options });
  }

  /** Replaces the log line with an extracted value, e.g. the `message` field of a JSON line. */
  public static output(source: string): LogStage {
    return new LogStage({ kind: 'output', source });
  }

  private constructor(
    /** What the stage was created with. */
    public readonly spec: LogStageSpec,
  ) {}

  /** The stage name as both agents spell it (`json`, `static_labels`, ...). */
  public get kind(): LogStageSpec['kind'] {
    return this.spec.kind;
  }
}
