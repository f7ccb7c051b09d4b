import { Duration } from '../../model/duration';
import { invalid } from '../../model/errors';
import { Severity } from '../../model/severity';
import { targetDownSpec } from './common-specs';
import { plain, seconds } from './describe';
import { buildScopedPack, JobsOptions } from './jobs';
import { AlertSpec } from './pack-builder';
import { Scope, ScopeOptions } from './scope';
import { gauge, num, ramp } from './series';
import { RulePack, RulePackOptions } from './types';

/** The rules of {@link httpProbes}. */
export type HttpProbesRuleName =
  | 'HttpProbeExporterDown'
  | 'HttpProbeFailed'
  | 'HttpProbeSlow'
  | 'HttpProbeCertificateExpiringSoon'
  | 'HttpProbeCertificateExpiryCritical';

/** Config of {@link httpProbes}. */
export interface HttpProbesConfig extends RulePackOptions<HttpProbesRuleName>, ScopeOptions, JobsOptions<HttpProbesRuleName> {}

const WHERE = 'presets.httpProbes';
const TARGET = 'https://api.example.com/health';
const DAY = 86400;

/**
 * Alerts on blackbox-exporter 0.2x probes of health endpoints: the probe cannot be run, the endpoint is down
 * or slow, and its TLS certificate expires soon (warning) or very soon (critical). `instance` is the probed URL
 * (the usual multi-target relabelling).
 *
 * | rule | threshold (override `threshold`) | for | severity |
 * |---|---|---|---|
 * | HttpProbeExporterDown | – | 5m | warning |
 * | HttpProbeFailed | – | 2m | critical |
 * | HttpProbeSlow | probe duration in seconds, 1 | 5m | warning |
 * | HttpProbeCertificateExpiringSoon | days until the earliest certificate expires, 14 | – | warning |
 * | HttpProbeCertificateExpiryCritical | days until the earliest certificate expires, 3 | – | critical |
 */
export function httpProbes(config: HttpProbesConfig): RulePack {
  if (config === null || typeof config !== 'object') throw invalid(WHERE, 'config', config, 'a config object with at least runbookUrlPattern');
  const makeSpecs = (scope: Scope): AlertSpec<HttpProbesRuleName>[] => {
    const target = { ...scope.labels, instance: TARGET };
    const s = (metric: string): string => scope.series(metric, { instance: TARGET });
    const probe = (success: number, duration: number, steps: number) => [
      { series: s('probe_success'), values: gauge(success, steps) },
      { series: s('probe_duration_seconds'), values: gauge(duration, steps) },
    ];
    // The certificate expires `days` after each evaluation: its expiry timestamp moves with time.
    const certificate = (days: number, ctx: { steps: number; intervalSeconds: number }) => [
      { series: s('probe_ssl_earliest_cert_expiry'), values: ramp(ctx.intervalSeconds, ctx.steps, Math.round(days * DAY)) },
    ];
    const expiry = (alert: 'HttpProbeCertificateExpiringSoon' | 'HttpProbeCertificateExpiryCritical', days: number, severity: Severity): AlertSpec<HttpProbesRuleName> => ({
      alert,
      severity,
      threshold: { default: days, kind: 'positive' },
      expr: (st) => `${scope.selector('probe_ssl_earliest_cert_expiry')} - time() < ${num(st.threshold)} * ${DAY}`,
      summary: () => 'TLS certificate of {{ $labels.instance }} expires in {{ $value | humanizeDuration }}',
      description: (st) =>
        `The earliest-expiring certificate served by {{ $labels.instance }} expires in {{ $value | humanizeDuration }}, less than ${plain(st.threshold)} days. ` +
        'Renew it (or fix the automatic renewal) before clients refuse the connection.',
      test: {
        warmup: Duration.minutes(0),
        firing: (ctx) => ({ series: certificate(ctx.threshold / 2, ctx), alerts: [{ labels: target, value: Math.round((ctx.threshold / 2) * DAY) }] }),
        quiet: (ctx) => [{ name: 'certificate valid for long enough', series: certificate(ctx.threshold * 2, ctx) }],
      },
    });

    const specs: AlertSpec<HttpProbesRuleName>[] = [
      targetDownSpec({
        alert: 'HttpProbeExporterDown',
        scope,
        what: 'blackbox-exporter',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        instance: TARGET,
        consequence: 'The probe of this endpoint cannot run, so HttpProbeFailed cannot fire for it; check the blackbox exporter.',
      }),
      {
        alert: 'HttpProbeFailed',
        severity: Severity.CRITICAL,
        for: Duration.minutes(2),
        expr: () => `${scope.selector('probe_success')} == 0`,
        summary: () => 'Endpoint {{ $labels.instance }} is down',
        description: (st) =>
          `Every probe of {{ $labels.instance }} has failed for ${st.for.toPrometheus()}: no connection, a TLS error, a timeout or an unexpected status. ` +
          'Users of this endpoint see errors; the exporter\'s /probe?debug=true page shows why.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => ({ series: probe(0, 0.2, ctx.steps), alerts: [{ labels: target, value: 0 }] }),
          quiet: (ctx) => [{ name: 'probes succeed', series: probe(1, 0.2, ctx.steps) }],
        },
      },
      {
        alert: 'HttpProbeSlow',
        severity: Severity.WARNING,
        for: Duration.minutes(5),
        threshold: { default: 1, kind: 'positive' },
        expr: (st) => `${scope.selector('probe_duration_seconds')} > ${num(st.threshold)}\nand\n${scope.selector('probe_success')} == 1`,
        summary: () => 'Endpoint {{ $labels.instance }} answers in {{ $value | humanizeDuration }}',
        description: (st) =>
          `Probes of {{ $labels.instance }} have taken more than ${seconds(st.threshold)} for ${st.for.toPrometheus()} (now {{ $value | humanizeDuration }}). ` +
          'The endpoint still answers, but slowly; check its latency and what it depends on.',
        test: {
          warmup: Duration.minutes(0),
          firing: (ctx) => ({ series: probe(1, 2 * ctx.threshold, ctx.steps), alerts: [{ labels: target, value: 2 * ctx.threshold }] }),
          quiet: (ctx) => [
            { name: 'fast answers', series: probe(1, ctx.threshold / 2, ctx.steps) },
            { name: 'slow because the probe failed (HttpProbeFailed covers it)', series: probe(0, 2 * ctx.threshold, ctx.steps) },
          ],
        },
      },
      expiry('HttpProbeCertificateExpiringSoon', 14, Severity.WARNING),
      expiry('HttpProbeCertificateExpiryCritical', 3, Severity.CRITICAL),
    ];
    return specs;
  };
  return buildScopedPack(makeSpecs, config, 'blackbox', WHERE);
}
