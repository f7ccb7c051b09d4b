import { AlertmanagerSettings } from '../model/environment';
import { missing } from '../model/errors';
import { Receiver } from '../model/receivers';
import { InhibitRuleOptions, RootRouteOptions } from '../model/routing';
import { TimeIntervalOptions } from '../model/time-intervals';
import { importAlertmanagerGlobal } from './alertmanager-global';
import { importReceivers } from './alertmanager-receivers';
import { importInhibitRules, importRootRoute, importTimeIntervals } from './alertmanager-routes';
import { newestField } from '../model/receivers/fields';
import { GLOBAL_FIELDS } from '../model/receivers/global';
import { unsupportedField } from './messages';
import { optional } from './shared';
import { parseSource } from './yaml-source';

/** Options of {@link importAlertmanagerConfig}. */
export interface ImportAlertmanagerOptions {
  /**
   * The text of the notification templates the file lists under `templates:`, by name (without `.tmpl`), e.g.
   * `{ slack: fs.readFileSync('slack.tmpl', 'utf8') }`. The importer reads no files, so a file that lists templates
   * is refused unless their text is given here; it is passed on as AlertRouting's `templates`.
   * @default - none
   */
  readonly templates?: Readonly<Record<string, string>>;
}

/**
 * An imported alertmanager.yml. It is a valid `AlertRoutingProps` (`new AlertRouting(monitoring, 'routing', imported)`);
 * `settings` goes to the MonitoringStack's `alertmanager` prop.
 */
export interface ImportedAlertmanagerConfig {
  /** The receivers, each a {@link Receiver} with its secrets as `Secret.fromFile`. */
  readonly receivers: Receiver[];
  /** The root route with its child routes; `match`/`match_re` are converted to Matchers. */
  readonly route: RootRouteOptions;
  /** Inhibit rules; `source_match`/`target_match` are converted to Matchers. */
  readonly inhibitRules: InhibitRuleOptions[];
  /** `time_intervals` and `mute_time_intervals`. */
  readonly timeIntervals: TimeIntervalOptions[];
  /** The templates given in {@link ImportAlertmanagerOptions.templates}, when the file lists templates. @default - none */
  readonly templates?: Readonly<Record<string, string>>;
  /**
   * `global.resolve_timeout`, the rest of `global` (the defaults the integrations inherit, as `global`), and the
   * version ("0.<minor>") when a receiver or `global` needs an Alertmanager newer than 0.27. Pass it as the
   * MonitoringStack's `alertmanager` prop; {@link AlertRouting.fromAlertmanagerConfig} applies it itself.
   */
  readonly settings: AlertmanagerSettings;
}

const TOP_KEYS = ['global', 'route', 'receivers', 'inhibit_rules', 'time_intervals', 'mute_time_intervals', 'templates'];

/** Top-level keys Alertmanager has (config/config.go v0.34.0) that the library does not take, with the reason. */
const TOP_NOT_SUPPORTED: Readonly<Record<string, string>> = {
  tracing: "Alertmanager's own tracing (0.30+) is not configured by cdktf-monitoring; remove it, or keep it in a file you manage",
  event_recorder: 'the event recorder (0.33+, behind a feature flag) is not configured by cdktf-monitoring',
};

/**
 * Imports an alertmanager.yml as typed routing: receivers, the route tree, inhibit rules and time intervals.
 *
 * Secrets must come from files: `*_file` fields become `Secret.fromFile(path)`; a literal `api_url`, `routing_key`,
 * `service_key`, `auth_password`, `api_key` or HTTP password is refused. Every integration and field of Alertmanager
 * 0.34/0.35 is read; fields Alertmanager does not have (the seeds' `subject:`/`body:` on email) get "did you mean",
 * the few it has that the library does not take get "not supported by cdktf-monitoring" with the reason, and routes
 * to undeclared receivers are refused, each with the file position and the field. `global` is returned whole in
 * `settings.global`; the integrations keep only what the file sets on them, and inherit the rest from it.
 *
 * @param yamlText the alertmanager.yml content
 * @param where the name the file is reported under in errors, e.g. `alertmanager.yml`
 * @param options the text of the template files the configuration lists
 */
export function importAlertmanagerConfig(yamlText: string, where: string, options: ImportAlertmanagerOptions = {}): ImportedAlertmanagerConfig {
  const top = parseSource(yamlText, where);
  if (top.isNull) throw missing(top.where, 'route', 'an Alertmanager configuration with `route:` and `receivers:`');
  const file = top.map('an Alertmanager configuration: a map with `route:` and `receivers:`');
  for (const [key, reason] of Object.entries(TOP_NOT_SUPPORTED)) {
    if (!file.has(key)) continue;
    const at = file.keyOf(key);
    throw unsupportedField(at.where, at.field, 'an Alertmanager configuration', key, TOP_KEYS, reason);
  }
  file.checkKeys('an Alertmanager configuration', TOP_KEYS);
  const global = importAlertmanagerGlobal(file.opt('global'));
  const timeIntervals = importTimeIntervals([file.opt('time_intervals'), file.opt('mute_time_intervals')]);
  const { receivers, needsMinor } = importReceivers(file.opt('receivers'), global.global);
  const globalMinor = global.global === undefined ? undefined : newestField(global.global, GLOBAL_FIELDS)?.minor;
  const minor = Math.max(needsMinor, globalMinor ?? 0);
  const route = importRootRoute(file.req('route', 'a root route with `receiver:`'), {
    receivers: receivers.map((r) => r.name),
    timeIntervals: timeIntervals.map((t) => t.name),
  });
  const inhibitRules = importInhibitRules(file.opt('inhibit_rules'));
  const templateList = file.opt('templates');
  const listed = templateList?.strings('a list of template file paths') ?? [];
  if (listed.length > 0 && options.templates === undefined) {
    throw templateList!.invalid(
      'templates given as text: the importer reads no files; pass them with importAlertmanagerConfig(yaml, where, { templates: { <name>: <text> } })',
    );
  }
  return {
    receivers,
    route,
    inhibitRules,
    timeIntervals,
    ...optional('templates', listed.length > 0 ? options.templates : undefined),
    settings: {
      ...optional('resolveTimeout', global.resolveTimeout),
      // The oldest Alertmanager that reads every field used, when newer than the oldest line the renderer targets.
      ...optional('version', minor >= 28 ? (`0.${minor}` as const) : undefined),
      ...optional('global', global.global),
    },
  };
}
