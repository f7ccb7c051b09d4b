import { Schema } from './yaml-schema';

const STAGES = 'scrape_configs[].pipeline_stages[]';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The Promtail configuration keys this library emits, each checked against the reference of the pinned release:
 * grafana/loki tag v3.6.11 (the last release with a Promtail image), docs/sources/send-data/promtail/configuration.md
 * ("configuration.md" below) and docs/sources/send-data/promtail/stages/<stage>.md ("stages/<stage>.md"); line numbers
 * at that tag.
 */
export const PROMTAIL_SCHEMA: Schema = {
  // configuration.md:105 "[server: <server_config>]"; 178 "[http_listen_port: <int> | default = 80]"; 184 "[grpc_listen_port: <int> | default = 9095]"
  server: { type: 'block' },
  'server.http_listen_port': { type: 'int' },
  'server.grpc_listen_port': { type: 'int' },
  // configuration.md:118 "[positions: <position_config>]"; 363 "[filename: <string> | default = "/var/log/positions.yaml"]"
  positions: { type: 'block' },
  'positions.filename': { type: 'string' },
  // configuration.md:114 "clients: - [<client_config>]"; 234 "url: <string>" (no brackets: required)
  clients: { type: 'list(block)' },
  'clients[].url': { type: 'string', required: true },
  // configuration.md:120 "scrape_configs: - [<scrape_config>]"; 379 "job_name: <string>" (required); 382 "[pipeline_stages: <pipeline_stages>]"
  scrape_configs: { type: 'list(block)' },
  'scrape_configs[].job_name': { type: 'string', required: true },
  'scrape_configs[].pipeline_stages': { type: 'list(block)' },

  // configuration.md:459 "docker_sd_configs: [ - <docker_sd_config> ... ]"; ### docker_sd_configs 2023 "host: <string>" (required),
  // 2048 "[ filters: [ - name: <string> values: <string>, [...] ] ]", 2054 "[ refresh_interval: <duration> | default = 60s ]"
  'scrape_configs[].docker_sd_configs': { type: 'list(block)' },
  'scrape_configs[].docker_sd_configs[].host': { type: 'string', required: true },
  'scrape_configs[].docker_sd_configs[].filters': { type: 'list(block)' },
  'scrape_configs[].docker_sd_configs[].filters[].name': { type: 'string', required: true },
  'scrape_configs[].docker_sd_configs[].filters[].values': { type: 'list(string)', required: true },
  'scrape_configs[].docker_sd_configs[].refresh_interval': { type: 'duration' },
  // configuration.md:431 "relabel_configs: - [<relabel_config>]"; ### relabel_configs 1543 "[ source_labels: '[' <labelname> [, ...] ']' ]",
  // 1550 "[ target_label: <labelname> ]", 1553 "[ regex: <regex> | default = (.*) ]", 1560 "[ replacement: <string> | default = $1 ]"
  'scrape_configs[].relabel_configs': { type: 'list(block)' },
  'scrape_configs[].relabel_configs[].source_labels': { type: 'list(string)' },
  'scrape_configs[].relabel_configs[].target_label': { type: 'string' },
  'scrape_configs[].relabel_configs[].regex': { type: 'string' },
  'scrape_configs[].relabel_configs[].replacement': { type: 'string' },
  // configuration.md:435 "static_configs: - [<static_config>]"; ### static_configs 1604 "targets: - localhost",
  // 1609 "labels:" with 1611 "__path__: <string>", 1614 "__path_exclude__: <string>", 1617 "[ <labelname>: <labelvalue> ... ]"
  'scrape_configs[].static_configs': { type: 'list(block)' },
  'scrape_configs[].static_configs[].targets': { type: 'list(string)' },
  'scrape_configs[].static_configs[].labels': { type: 'map(string)', keys: /^(__path__|__path_exclude__|[a-zA-Z_][a-zA-Z0-9_]*)$/ },

  // stages/json.md:20 "json:", 28 "expressions: [ <string>: <string> ... ]", 32 "[source: <string>]", 36 "[drop_malformed: <bool> | default = false]"
  [`${STAGES}.json`]: { type: 'block' },
  [`${STAGES}.json.expressions`]: { type: 'map(string)', required: true },
  [`${STAGES}.json.source`]: { type: 'string' },
  [`${STAGES}.json.drop_malformed`]: { type: 'boolean' },
  // stages/logfmt.md:19 "logfmt:", 23 "mapping: [ <string>: <string> ... ]", 27 "[source: <string>]"
  [`${STAGES}.logfmt`]: { type: 'block' },
  [`${STAGES}.logfmt.mapping`]: { type: 'map(string)', required: true },
  [`${STAGES}.logfmt.source`]: { type: 'string' },
  // stages/regex.md:21 "regex:", 23 "expression: <string>" (required), 26 "[source: <string>]"
  [`${STAGES}.regex`]: { type: 'block' },
  [`${STAGES}.regex.expression`]: { type: 'string', required: true },
  [`${STAGES}.regex.source`]: { type: 'string' },
  // stages/timestamp.md:21 "timestamp:", 23 "source: <string>", 29 "format: <string>", 35 "[fallback_formats: []<string>]",
  // 38 "[location: <string>]", 43 "[action_on_failure: <string>]" "Valid values are: [skip, fudge]"
  [`${STAGES}.timestamp`]: { type: 'block' },
  [`${STAGES}.timestamp.source`]: { type: 'string', required: true },
  [`${STAGES}.timestamp.format`]: { type: 'string', required: true },
  [`${STAGES}.timestamp.fallback_formats`]: { type: 'list(string)' },
  [`${STAGES}.timestamp.location`]: { type: 'string' },
  [`${STAGES}.timestamp.action_on_failure`]: { type: 'string', oneOf: ['skip', 'fudge'] },
  // stages/labels.md:20 "labels: [ <string>: [<string>] ... ]" (key: label name; value: extracted name, empty = same)
  [`${STAGES}.labels`]: { type: 'map(string)', keys: LABEL_NAME },
  // stages/static_labels.md:19 "static_labels: [ <string>: [<string>] ... ]"
  [`${STAGES}.static_labels`]: { type: 'map(string)', keys: LABEL_NAME },
  // stages/drop.md:26 "drop:", 28 "[source: [<string>] | <string>]", 31 "[separator: <string> | default = ";"]", 37 "[expression: <string>]",
  // 42 "[value: <string>]", 46 "[older_than: <duration>]" (a Go duration), 51 "[longer_than: <string>|<int>]",
  // 57 "[drop_counter_reason: <string> | default = "drop_stage"]"
  [`${STAGES}.drop`]: { type: 'block' },
  [`${STAGES}.drop.source`]: { type: 'string|list(string)' },
  [`${STAGES}.drop.separator`]: { type: 'string' },
  [`${STAGES}.drop.expression`]: { type: 'string' },
  [`${STAGES}.drop.value`]: { type: 'string' },
  [`${STAGES}.drop.older_than`]: { type: 'duration' },
  [`${STAGES}.drop.longer_than`]: { type: 'bytes' },
  [`${STAGES}.drop.drop_counter_reason`]: { type: 'string' },
  // stages/multiline.md:21 "multiline:", 24 "firstline: <string>" ("This expression must be provided"), 32 "max_wait_time: <duration>"
  // ("parsed as a Go duration"), 36 "max_lines: <integer>"
  [`${STAGES}.multiline`]: { type: 'block' },
  [`${STAGES}.multiline.firstline`]: { type: 'string', required: true },
  [`${STAGES}.multiline.max_wait_time`]: { type: 'duration' },
  [`${STAGES}.multiline.max_lines`]: { type: 'int' },
  // stages/output.md:20 "output:", 22 "source: <string>"
  [`${STAGES}.output`]: { type: 'block' },
  [`${STAGES}.output.source`]: { type: 'string', required: true },
};
