/**
 * The Alloy components, arguments and blocks this library emits, each checked against the component reference of
 * the pinned release: grafana/alloy tag v1.18.1, docs/sources/reference/components/<group>/<component>.md (line numbers
 * at that tag; "process.md" is loki/loki.process.md). Every component used is "stage: general-availability" in its
 * front matter, so `alloy run` needs no --stability.level flag.
 */

/** Argument types as the reference tables name them. */
export type AlloyArgType =
  | 'string'
  | 'duration'
  | 'bool'
  | 'number'
  | 'list(string)'
  | 'map(string)'
  | 'list(map(string))'
  | 'list(LogsReceiver)'
  | 'RelabelRules';

/** One block (a component or a nested block) and what it may contain. */
export interface AlloyBlockSchema {
  readonly arguments: Readonly<Record<string, { readonly type: AlloyArgType; readonly required?: boolean }>>;
  readonly blocks?: Readonly<Record<string, AlloyBlockSchema>>;
  /** Fields other components may reference (the "Exported fields" table), with their type. */
  readonly exports?: Readonly<Record<string, 'list(map(string))' | 'RelabelRules' | 'LogsReceiver'>>;
  /** Components only: the block carries a label. */
  readonly labelled?: boolean;
}

// Shared rule block (docs/sources/shared/reference/components/rule-block.md:17 `regex` string, :20 `source_labels`
// list(string), :21 `target_label` string; all optional).
const RULE: AlloyBlockSchema = {
  arguments: { regex: { type: 'string' }, source_labels: { type: 'list(string)' }, target_label: { type: 'string' } },
};

/** The stages of loki.process: process.md:55-79 lists `stage.drop`, `stage.json`, ... as blocks. */
const STAGES: Readonly<Record<string, AlloyBlockSchema>> = {
  // process.md:503 `expressions` map(string), :505 `drop_malformed` bool, :506 `source` string
  'stage.json': { arguments: { expressions: { type: 'map(string)' }, drop_malformed: { type: 'bool' }, source: { type: 'string' } } },
  // process.md:681 `mapping` map(string), :683 `source` string
  'stage.logfmt': { arguments: { mapping: { type: 'map(string)' }, source: { type: 'string' } } },
  // process.md:1291 `expression` string (required, "Each capture group must be named"), :1292 `source` string
  'stage.regex': { arguments: { expression: { type: 'string', required: true }, source: { type: 'string' } } },
  // process.md:1807 `format` string (required), :1808 `source` string (required), :1809 `action_on_failure` string,
  // :1811 `fallback_formats` list(string), :1812 `location` string
  'stage.timestamp': {
    arguments: {
      format: { type: 'string', required: true },
      source: { type: 'string', required: true },
      action_on_failure: { type: 'string' },
      fallback_formats: { type: 'list(string)' },
      location: { type: 'string' },
    },
  },
  // process.md:600 `values` map(string)
  'stage.labels': { arguments: { values: { type: 'map(string)' } } },
  // process.md:1522 `values` map(string)
  'stage.static_labels': { arguments: { values: { type: 'map(string)' } } },
  // process.md:212 `drop_counter_reason` string, :213 `expression` string, :214 `longer_than` string, :215 `older_than`
  // duration, :216 `separator` string, :217 `source` string ("Name or comma-separated list of names"), :218 `value` string
  'stage.drop': {
    arguments: {
      drop_counter_reason: { type: 'string' },
      expression: { type: 'string' },
      longer_than: { type: 'string' },
      older_than: { type: 'duration' },
      separator: { type: 'string' },
      source: { type: 'string' },
      value: { type: 'string' },
    },
  },
  // process.md:1050 `firstline` string (required), :1051 `max_lines` number, :1052 `max_wait_time` duration
  'stage.multiline': { arguments: { firstline: { type: 'string', required: true }, max_lines: { type: 'number' }, max_wait_time: { type: 'duration' } } },
  // process.md:1103 `source` string (required)
  'stage.output': { arguments: { source: { type: 'string', required: true } } },
};

export const ALLOY_SCHEMA: Readonly<Record<string, AlloyBlockSchema>> = {
  // discovery/discovery.docker.md:33 `host` string (required), :46 `refresh_interval` duration; :69 block `filter`,
  // :101 `name` string (required), :102 `values` list(string) (required); exports :126 `targets` list(map(string))
  'discovery.docker': {
    labelled: true,
    arguments: { host: { type: 'string', required: true }, refresh_interval: { type: 'duration' } },
    blocks: { filter: { arguments: { name: { type: 'string', required: true }, values: { type: 'list(string)', required: true } } } },
    exports: { targets: 'list(map(string))' },
  },
  // discovery/discovery.relabel.md:52 `targets` list(map(string)) (required); :62 block `rule` (shared rule block);
  // exports :80 `output` list(map(string)), :81 `rules` RelabelRules
  'discovery.relabel': {
    labelled: true,
    arguments: { targets: { type: 'list(map(string))', required: true } },
    blocks: { rule: RULE },
    exports: { output: 'list(map(string))', rules: 'RelabelRules' },
  },
  // loki/loki.source.docker.md:37 `forward_to` list(LogsReceiver) (required), :38 `host` string (required), :39 `labels`
  // map(string) ("yes"), :40 `targets` list(map(string)) (required), :42 `relabel_rules` RelabelRules
  'loki.source.docker': {
    labelled: true,
    arguments: {
      forward_to: { type: 'list(LogsReceiver)', required: true },
      host: { type: 'string', required: true },
      labels: { type: 'map(string)', required: true },
      targets: { type: 'list(map(string))', required: true },
      relabel_rules: { type: 'RelabelRules' },
    },
  },
  // local/local.file_match.md:41 `path_targets` list(map(string)) (required), keys :51 `__path__`, :52 `__path_exclude__`
  // and "additional keys" (labels); exports :80 `targets` list(map(string))
  'local.file_match': {
    labelled: true,
    arguments: { path_targets: { type: 'list(map(string))', required: true } },
    exports: { targets: 'list(map(string))' },
  },
  // loki/loki.source.file.md:44 `forward_to` list(LogsReceiver) (required), :45 `targets` list(map(string)) (required)
  'loki.source.file': {
    labelled: true,
    arguments: { forward_to: { type: 'list(LogsReceiver)', required: true }, targets: { type: 'list(map(string))', required: true } },
  },
  // process.md:42 `forward_to` list(LogsReceiver) (required); stage blocks above; exports :2078 `receiver` LogsReceiver
  'loki.process': {
    labelled: true,
    arguments: { forward_to: { type: 'list(LogsReceiver)', required: true } },
    blocks: STAGES,
    exports: { receiver: 'LogsReceiver' },
  },
  // loki/loki.write.md:46 block `endpoint`, :74 `url` string (required); exports :188 `receiver` LogsReceiver
  'loki.write': {
    labelled: true,
    arguments: {},
    blocks: { endpoint: { arguments: { url: { type: 'string', required: true } } } },
    exports: { receiver: 'LogsReceiver' },
  },
};
