import { RuleDefinition, Severity } from '../lib';

/**
 * The service-health alert group of one generated service: target down, 5xx error ratio and p95 latency.
 * Alert names carry the service (`alertPrefix`): the library rejects one alert name in two groups.
 * The benchmark uses the rule-pack library's `serviceHealth` pack (lib/presets/rules) when it exists; these rules
 * are the fallback while it does not, and `npm run bench -- --rules bench` selects them (see ./environment.ts).
 */
export function benchServiceHealthRules(job: string, alertPrefix: string, labels: Readonly<Record<string, string>>): RuleDefinition[] {
  const sel = `job="${job}"`;
  return [
    {
      alert: `${alertPrefix}TargetDown`,
      expr: `up{${sel}} == 0`,
      for: '2m',
      severity: Severity.CRITICAL,
      labels,
      summary: `${job} target {{ $labels.instance }} is down`,
      description: `Prometheus has not scraped {{ $labels.instance }} of job ${job} for 2 minutes.`,
    },
    {
      alert: `${alertPrefix}HighErrorRatio`,
      // A ratio of 5xx to all requests (0.05 = 5 % of requests), not a per-second rate.
      expr:
        `sum by (job) (rate(http_requests_total{${sel},code=~"5.."}[5m])) / ` +
        `sum by (job) (rate(http_requests_total{${sel}}[5m])) > 0.05`,
      for: '5m',
      severity: Severity.WARNING,
      labels,
      summary: `More than 5% of ${job} requests fail`,
      description: '{{ $value | humanizePercentage }} of requests to {{ $labels.job }} returned 5xx over the last 5 minutes.',
    },
    {
      alert: `${alertPrefix}HighLatencyP95`,
      expr: `histogram_quantile(0.95, sum by (job, le) (rate(http_request_duration_seconds_bucket{${sel}}[5m]))) > 0.5`,
      for: '10m',
      severity: Severity.WARNING,
      labels,
      summary: `${job} p95 latency above 500ms`,
      description: 'p95 latency of {{ $labels.job }} is {{ $value | humanizeDuration }}.',
    },
  ];
}
