import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { Duration } from '../../lib/model/duration';

/** The text of a fixture under test/import/fixtures/ (each names the seed file it was copied from). */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/** The message `fn` throws; fails the test when it throws nothing. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}

/** Parses YAML as Prometheus and Alertmanager do (YAML 1.1). */
export function readYaml(text: string): any {
  return parse(text, { version: '1.1', merge: true });
}

/** Canonical duration text (`60s` → `1m`), so durations compare by length, not spelling. */
export function canonicalDuration(value: unknown): string | undefined {
  return value === undefined ? undefined : Duration.parse(String(value)).toPrometheus();
}

/** Drops keys whose value is undefined, so `toEqual` compares what is set. */
export function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The rule groups of a rule file in a form that compares by meaning: canonical durations, no empty maps. */
export function normalizeRuleGroups(doc: any): unknown[] {
  return (doc.groups ?? []).map((group: any) =>
    defined({
      name: group.name,
      interval: canonicalDuration(group.interval),
      limit: group.limit || undefined,
      rules: group.rules.map((rule: any) =>
        defined({
          alert: rule.alert,
          record: rule.record,
          expr: String(rule.expr),
          for: canonicalDuration(rule.for),
          keep_firing_for: canonicalDuration(rule.keep_firing_for),
          labels: rule.labels && Object.keys(rule.labels).length > 0 ? rule.labels : undefined,
          annotations: rule.annotations && Object.keys(rule.annotations).length > 0 ? rule.annotations : undefined,
        }),
      ),
    }),
  );
}

/** The scrape jobs of a prometheus.yml, compared by meaning: targets of all static_configs merged, `*_sd_configs` as written, canonical durations. */
export function normalizeScrapeJobs(doc: any): unknown[] {
  return (doc.scrape_configs ?? [])
    .map((job: any) =>
      defined({
        job_name: job.job_name,
        targets: job.static_configs?.flatMap((c: any) => c.targets).sort(),
        labels: job.static_configs?.[0]?.labels,
        ...Object.fromEntries(Object.entries(job).filter(([key]) => key.endsWith('_sd_configs'))),
        metrics_path: job.metrics_path,
        scheme: job.scheme,
        scrape_interval: canonicalDuration(job.scrape_interval),
        scrape_timeout: canonicalDuration(job.scrape_timeout),
        params: job.params,
        honor_labels: job.honor_labels,
        basic_auth: job.basic_auth,
        authorization: job.authorization ? { type: 'Bearer', ...job.authorization } : job.bearer_token_file ? { type: 'Bearer', credentials_file: job.bearer_token_file } : undefined,
        tls_config: job.tls_config,
        relabel_configs: job.relabel_configs?.map((r: any) => ({ ...r, action: r.action?.toLowerCase() })),
        metric_relabel_configs: job.metric_relabel_configs?.map((r: any) => ({ ...r, action: r.action?.toLowerCase() })),
      }),
    )
    .sort((a: any, b: any) => (a.job_name < b.job_name ? -1 : 1));
}

/**
 * An alertmanager.yml reduced to what it means, with Alertmanager's own semantics applied: `global` SMTP/Slack
 * defaults pushed into each integration, `match`/`match_re` and `matchers` as one sorted list of `label<op>"value"`,
 * the root route's defaults filled in, canonical durations, receivers by name.
 */
export function normalizeAlertmanager(doc: any): any {
  const g = doc.global ?? {};
  const email = (c: any) =>
    defined({
      to: c.to,
      from: c.from ?? g.smtp_from,
      smarthost: c.smarthost ?? g.smtp_smarthost,
      auth_username: c.auth_username ?? g.smtp_auth_username,
      auth_password_file: c.auth_password_file ?? g.smtp_auth_password_file,
      require_tls: c.require_tls ?? g.smtp_require_tls ?? true,
      headers: c.headers,
      html: c.html,
      text: c.text,
      send_resolved: c.send_resolved ?? false,
    });
  const slack = (c: any) => ({ ...c, api_url_file: c.api_url_file ?? g.slack_api_url_file, send_resolved: c.send_resolved ?? false });
  const resolved = (c: any) => ({ ...c, send_resolved: c.send_resolved ?? true });
  const route = (r: any, root: boolean): any =>
    defined({
      receiver: r.receiver,
      matchers: matcherList(r, ['matchers', 'match', 'match_re']),
      continue: r.continue || undefined,
      group_by: r.group_by ?? (root ? [] : undefined),
      group_wait: canonicalDuration(r.group_wait ?? (root ? '30s' : undefined)),
      group_interval: canonicalDuration(r.group_interval ?? (root ? '5m' : undefined)),
      repeat_interval: canonicalDuration(r.repeat_interval ?? (root ? '4h' : undefined)),
      routes: r.routes?.map((child: any) => route(child, false)),
    });
  return defined({
    resolve_timeout: canonicalDuration(g.resolve_timeout),
    route: route(doc.route, true),
    inhibit_rules: doc.inhibit_rules?.map((i: any) =>
      defined({
        source: matcherList(i, ['source_matchers', 'source_match', 'source_match_re']),
        target: matcherList(i, ['target_matchers', 'target_match', 'target_match_re']),
        equal: i.equal,
      }),
    ),
    receivers: [...(doc.receivers ?? [])]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((r: any) =>
        defined({
          name: r.name,
          email_configs: r.email_configs?.map(email),
          slack_configs: r.slack_configs?.map(slack),
          pagerduty_configs: r.pagerduty_configs?.map(resolved),
          webhook_configs: r.webhook_configs?.map(resolved),
        }),
      ),
  });
}

function matcherList(owner: any, [list, eq, re]: string[]): string[] | undefined {
  const out: string[] = [];
  for (const text of owner[list] ?? []) {
    const m = /^\s*([a-zA-Z_]\w*)\s*(=~|!=|!~|=)\s*"?(.*?)"?\s*$/.exec(text);
    if (!m) throw new Error(`test normalizer: cannot read matcher ${text}`);
    out.push(`${m[1]}${m[2]}${JSON.stringify(m[3])}`);
  }
  for (const [k, v] of Object.entries(owner[eq] ?? {})) out.push(`${k}=${JSON.stringify(String(v))}`);
  for (const [k, v] of Object.entries(owner[re] ?? {})) out.push(`${k}=~${JSON.stringify(String(v))}`);
  return out.length > 0 ? out.sort() : undefined;
}
