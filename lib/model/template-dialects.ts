// What Prometheus and Alertmanager give a Go template: functions, predefined variables, the data `.` holds, and
// (Alertmanager) the templates it ships. Sources, read at the tags named:
// - Prometheus v3.13.2 template/template.go (`NewTemplateExpander` funcMap, `AlertTemplateData`) and
//   model/rulefmt/rulefmt.go / rules/alerting.go (the `{{$labels := .Labels}}...` prefix every annotation and label
//   template gets); `toDuration` and `now` came in 3.6.0, `urlQueryEscape` in 3.8.0 (the images run 3.13; promtool
//   3.5, the tests' oracle, does not know these three).
// - Alertmanager v0.33.1 and v0.34.0 template/template.go (`DefaultFuncs`, `Data`, `Alert`, `KV`, `Pairs`) and
//   template/default.tmpl and email.tmpl (the templates every Alertmanager loads before the user's files);
//   the version each function came in is from the same file at each tag v0.25.0 ... v0.34.0.

/** The type of a value templates reach with `.Field` chains, as far as a check can tell. */
export type TemplateType =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'string' | 'number' | 'time'; readonly name: string }
  | {
      readonly kind: 'struct';
      readonly name: string;
      readonly fields: Readonly<Record<string, TemplateType>>;
      /** Fields or methods that need a newer program than the oldest one supported, with the minor version. */
      readonly since?: Readonly<Record<string, number>>;
    }
  | { readonly kind: 'map'; readonly name: string; readonly value: TemplateType; readonly methods: Readonly<Record<string, TemplateType>> }
  | { readonly kind: 'list'; readonly name: string; readonly element: TemplateType; readonly methods: Readonly<Record<string, TemplateType>> };

const UNKNOWN: TemplateType = { kind: 'unknown' };
const STRING: TemplateType = { kind: 'string', name: 'a string' };
/** time.Time has dozens of methods (`.Format`, `.Unix`, ...): not checked. */
const TIME: TemplateType = UNKNOWN;

/** A set of named functions, and since which minor version of the program each exists (absent: always). */
export interface TemplateDialect {
  /** The program, for messages: `Prometheus`, `Alertmanager`. */
  readonly program: string;
  /** What the template is, for messages: `an alert annotation or label`, `a notification template`. */
  readonly what: string;
  /** Functions the program registers (Go's builtins come on top). */
  readonly functions: ReadonlySet<string>;
  /** Functions that need a newer version than the oldest supported, with the minor version. */
  readonly functionsSince: Readonly<Record<string, number>>;
  /** Variables declared before the text (besides `$`). */
  readonly variables: Readonly<Record<string, TemplateType>>;
  /** What `.` (and `$`) is at the top of the text. */
  readonly data: TemplateType;
  /** Templates defined before the user's text, which `{{ template "name" }}` may call. */
  readonly builtinTemplates: ReadonlySet<string>;
}

const LABELS: TemplateType = { kind: 'map', name: 'map[string]string', value: STRING, methods: {} };

/** Prometheus' template functions (template/template.go, v3.13.2), without `tmpl`, which only console templates have. */
const PROMETHEUS_FUNCTIONS = [
  'query', 'first', 'label', 'value', 'strvalue', 'args', 'reReplaceAll', 'safeHtml', 'match', 'title', 'toUpper', 'toLower',
  'graphLink', 'tableLink', 'sortByLabel', 'stripPort', 'stripDomain', 'humanize', 'humanize1024', 'humanizeDuration',
  'humanizePercentage', 'humanizeTimestamp', 'toTime', 'toDuration', 'now', 'pathPrefix', 'externalURL', 'parseDuration',
  'urlQueryEscape',
];

/**
 * Alert annotations and labels of Prometheus rules (and of Loki's ruler, which expands them with Prometheus'
 * template package): `.` is `AlertTemplateData` and every text is prefixed with `{{$labels := .Labels}}`,
 * `{{$externalLabels := .ExternalLabels}}`, `{{$externalURL := .ExternalURL}}`, `{{$value := .Value}}`.
 */
export const PROMETHEUS_RULE_TEMPLATES: TemplateDialect = {
  program: 'Prometheus',
  what: 'an alert annotation or label',
  functions: new Set(PROMETHEUS_FUNCTIONS),
  functionsSince: {},
  variables: { $labels: LABELS, $externalLabels: LABELS, $externalURL: STRING, $value: UNKNOWN },
  data: {
    kind: 'struct',
    name: "the alert's template data",
    // Value is a float64, or a histogram with fields of its own.
    fields: { Labels: LABELS, ExternalLabels: LABELS, ExternalURL: STRING, Value: UNKNOWN },
  },
  builtinTemplates: new Set(),
};

const PAIR: TemplateType = { kind: 'struct', name: 'a Pair', fields: { Name: STRING, Value: STRING } };
const STRINGS: TemplateType = { kind: 'list', name: '[]string', element: STRING, methods: {} };
const PAIRS: TemplateType = { kind: 'list', name: 'Pairs', element: PAIR, methods: { Names: STRINGS, Values: STRINGS, String: STRING } };
/** Alertmanager's `KV`: a map with methods; any key is a field (missing keys give ""). */
const KV: TemplateType = {
  kind: 'map',
  name: 'KV',
  value: STRING,
  get methods() {
    return { SortedPairs: PAIRS, Remove: KV, Names: STRINGS, Values: STRINGS, String: STRING };
  },
};
const ALERT: TemplateType = {
  kind: 'struct',
  name: "an Alert (Alertmanager's template.Alert)",
  fields: { Status: STRING, Labels: KV, Annotations: KV, StartsAt: TIME, EndsAt: TIME, GeneratorURL: STRING, Fingerprint: STRING },
};
const ALERT_LIST: TemplateType = { kind: 'list', name: '[]Alert', element: ALERT, methods: {} };
const ALERTS: TemplateType = { kind: 'list', name: 'Alerts', element: ALERT, methods: { Firing: ALERT_LIST, Resolved: ALERT_LIST } };

/** Alertmanager's functions (`DefaultFuncs`), with the minor version each came in (absent: 0.25 or older). */
const ALERTMANAGER_FUNCTIONS_SINCE: Readonly<Record<string, number>> = {
  toUpper: 0,
  toLower: 0,
  title: 0,
  join: 0,
  match: 0,
  safeHtml: 0,
  reReplaceAll: 0,
  stringSlice: 0,
  trimSpace: 26,
  date: 28,
  tz: 28,
  since: 28,
  humanizeDuration: 28,
  safeUrl: 30,
  urlUnescape: 30,
  toJson: 30,
  list: 32,
  append: 32,
  dict: 32,
  now: 33,
  routeLabels: 34,
  toDate: 34,
  mustToDate: 34,
  base64encode: 34,
  base64decode: 34,
};

/** The templates of Alertmanager's default.tmpl and email.tmpl (v0.33.1). */
const ALERTMANAGER_DEFAULT_TEMPLATES = [
  '__alertmanager', '__alertmanagerURL', '__subject', '__description', '__text_alert_list', '__text_alert_list_markdown',
  'slack.default.title', 'slack.default.username', 'slack.default.fallback', 'slack.default.callbackid', 'slack.default.pretext',
  'slack.default.titlelink', 'slack.default.iconemoji', 'slack.default.iconurl', 'slack.default.text', 'slack.default.footer',
  'slack.default.color', 'pagerduty.default.description', 'pagerduty.default.client', 'pagerduty.default.clientURL',
  'pagerduty.default.instances', 'opsgenie.default.message', 'opsgenie.default.description', 'opsgenie.default.source',
  'wechat.default.message', 'wechat.default.to_user', 'wechat.default.to_party', 'wechat.default.to_tag', 'wechat.default.agent_id',
  'victorops.default.state_message', 'victorops.default.entity_display_name', 'victorops.default.monitoring_tool',
  'pushover.default.title', 'pushover.default.message', 'pushover.default.url', 'sns.default.subject', 'sns.default.message',
  'telegram.default.message', 'discord.default.content', 'discord.default.title', 'discord.default.message', 'webex.default.message',
  'msteams.default.summary', 'msteams.default.title', 'msteams.default.text', 'msteamsv2.default.title', 'msteamsv2.default.text',
  'jira.default.summary', 'jira.default.description', 'jira.default.priority', 'rocketchat.default.title', 'rocketchat.default.alias',
  'rocketchat.default.titlelink', 'rocketchat.default.emoji', 'rocketchat.default.iconurl', 'rocketchat.default.text',
  'mattermost.default.color', 'mattermost.default.username', 'mattermost.default.title', 'mattermost.default.titlelink',
  'mattermost.default.fallback', 'mattermost.default.text', 'email.default.subject', 'email.default.html',
];

/**
 * Alertmanager's notification templates and receiver fields: `.` is `template.Data` (Receiver, Status, Alerts,
 * GroupLabels, CommonLabels, CommonAnnotations, ExternalURL; NotificationReason from 0.32, RouteLabels from 0.34);
 * `{{ range .Alerts }}` gives each `template.Alert`.
 */
export const ALERTMANAGER_TEMPLATES: TemplateDialect = {
  program: 'Alertmanager',
  what: 'a notification template',
  functions: new Set(Object.keys(ALERTMANAGER_FUNCTIONS_SINCE)),
  functionsSince: Object.fromEntries(Object.entries(ALERTMANAGER_FUNCTIONS_SINCE).filter(([, minor]) => minor > 25)),
  variables: {},
  data: {
    kind: 'struct',
    name: "the notification data (Alertmanager's template.Data)",
    fields: {
      Receiver: STRING,
      Status: STRING,
      Alerts: ALERTS,
      NotificationReason: STRING,
      GroupLabels: KV,
      CommonLabels: KV,
      CommonAnnotations: KV,
      RouteLabels: KV,
      ExternalURL: STRING,
    },
    since: { NotificationReason: 32, RouteLabels: 34 },
  },
  builtinTemplates: new Set(ALERTMANAGER_DEFAULT_TEMPLATES),
};
