/**
 * The error and warning texts of the Grafana target, built with the shared helpers of `model/errors.ts`
 * so they keep the library's one format: `<where>, <field>: got <value>, expected <expectation>`.
 */
import { duplicate, invalid, missing, MonitoringConfigError } from '../../model/errors';
import { Secret } from '../../model/secret';

/** What a Grafana uid must look like. */
export const GRAFANA_UID_EXPECTATION = "a Grafana uid: 1 to 40 characters of letters, digits, '-' and '_'";

/** A uid that Grafana would reject. */
export function badUid(where: string, field: string, uid: unknown): MonitoringConfigError {
  return invalid(where, field, uid, GRAFANA_UID_EXPECTATION);
}

/** What to use instead of a credential in a Grafana or data source URL. */
export const CREDENTIAL_IN_URL =
  'a URL without a credential, with the credential in auth, basicAuth, bearerToken or httpHeaders as a Secret.fromVariable("<terraform variable>")';

/** What to use instead of a literal credential header. */
export const CREDENTIAL_HEADER =
  'a Secret.fromVariable("<terraform variable>") or a Terraform reference to a sensitive value as the header value (a literal lands in cdk.tf.json)';

/** A URL that is not http(s). */
export function badUrl(where: string, field: string, url: unknown): MonitoringConfigError {
  return invalid(where, field, url, 'an http:// or https:// URL, e.g. "https://grafana.example.com" (or a Terraform token)');
}

/** A secret the Grafana integration needs is not given. */
export function missingSecret(where: string, field: string): MonitoringConfigError {
  return missing(where, field, 'a Secret.fromVariable("<terraform variable>"): Grafana needs it to send this notification');
}

/** A `Secret.fromFile`, which a remote Grafana cannot read. */
export function fileSecretForGrafana(where: string, field: string, secret: Secret): MonitoringConfigError {
  return invalid(
    where,
    field,
    `Secret.fromFile(${secret.name})`,
    'Secret.fromVariable("<terraform variable>"): the file path is only readable inside the Docker host\'s containers, ' +
      'and a remote Grafana gets secrets from Terraform, never from a file',
  );
}

/** A value that must be a Secret is something else (a literal would land in cdk.tf.json). */
export function notASecret(where: string, field: string): MonitoringConfigError {
  return invalid(where, field, '<redacted>', 'a Secret.fromVariable("<terraform variable>") or a Terraform reference to a sensitive value; literal secrets would be written into cdk.tf.json');
}

/** A notification policy nested deeper than the provider allows. */
export function policyTooDeep(where: string, field: string, depth: number, maxDepth: number): MonitoringConfigError {
  return invalid(
    where,
    field,
    `a route ${depth} levels below the root route`,
    `at most ${maxDepth} levels: grafana_notification_policy (grafana/grafana ~> 4.45) nests policies ${maxDepth} deep; ` +
      'flatten the routes, e.g. with more matchers on one level',
  );
}

/** The root route sends to a receiver without integrations. */
export function discardRoot(where: string, receiver: string): MonitoringConfigError {
  return invalid(
    where,
    'route.receiver',
    receiver,
    "a receiver with at least one integration: Grafana's root notification policy needs a contact point and cannot be muted; " +
      'route the alerts nobody should get to the discard receiver with a child route instead',
  );
}

/** Two dashboards of one folder whose titles Grafana treats as the same. */
export function sameTitleIgnoringCase(where: string, title: string, other: string, otherWhere: string, folder: string): MonitoringConfigError {
  return invalid(
    where,
    'title',
    title,
    `a title unique in folder ${JSON.stringify(folder)} ignoring case: Grafana treats it as the same title as ${JSON.stringify(other)} of ${otherWhere}`,
  );
}

/** Two folder titles that map to the same derived uid. */
export function folderUidClash(where: string, title: string, uid: string, other: string): MonitoringConfigError {
  return invalid(
    where,
    'folder',
    title,
    `a folder title whose derived uid ${JSON.stringify(uid)} differs from that of folder ${JSON.stringify(other)}; ` +
      'use one spelling, or give both a uid with GrafanaTarget folderUids',
  );
}

/** Two data sources of the environment with one uid. */
export function duplicateDataSource(where: string, field: string, uid: string, firstSeenAt: string): MonitoringConfigError {
  return duplicate(where, field, uid, firstSeenAt);
}

/** Routing is managed but nobody declared any. */
export function noRouting(where: string): MonitoringConfigError {
  return invalid(
    where,
    'manage.routing',
    true,
    'an AlertRouting in the environment (GrafanaTarget replaces the organization\'s whole notification policy tree with it), ' +
      'or manage.routing: false to keep the tree Grafana has',
  );
}

/** Warning: another target may evaluate the alerting rules and notify too. */
export function duplicateEvaluationWarning(where: string, others: readonly string[]): string {
  return (
    `${where}: alerting rules are evaluated and notified by Grafana (manage.alertRules); ${others.join(', ')} may evaluate ` +
    'and notify the same rules itself, so check that each alert notifies once (or turn manage.alertRules off)'
  );
}

/** Warning: a group interval Grafana cannot use as is. */
export function intervalRoundedWarning(where: string, requested: string, used: number): string {
  return (
    `${where}, interval: Grafana evaluates rule groups on a 10s tick, so the interval ${requested} becomes ${used}s ` +
    'in Grafana (Prometheus keeps its own); set an interval that is a multiple of 10s to silence this'
  );
}

/** Warning: something of the model Grafana has no counterpart for. */
export function leftOutWarning(where: string, what: string, why: string): string {
  return `${where}: ${what} left out in Grafana: ${why}`;
}
