/**
 * Example: the monitoring of a Docker host running eight microservices behind Traefik (like the seeds'
 * chat platform guide), written once as constructs. Run `CHECKPOINT_DISABLE=1 npx cdktf synth` in this folder.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AlertGroup,
  AlertRouting,
  DockerHostTarget,
  Duration,
  MonitoringStack,
  Receiver,
  Secret,
  ServiceScrape,
  Severity,
  rules,
} from '../../lib';

/** The services and their metrics ports. */
export const SERVICES: Readonly<Record<string, number>> = {
  auth: 8081,
  profile: 8082,
  discovery: 8083,
  media: 8084,
  chat: 8085,
  notification: 8086,
  admin: 8087,
  data: 8088,
};

/** One environment for the microservices, on a Docker host whose services share the `backend` network. */
export class MicroservicesStack extends TerraformStack {
  /** The environment's monitoring. */
  public readonly monitoring: MonitoringStack;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    const monitoring = new MonitoringStack(this, 'monitoring', {
      environment: 'chat',
      target: new DockerHostTarget({ attachNetworks: ['backend'] }),
      prometheus: { retention: Duration.days(30), retentionSize: '20GB' },
    });
    this.monitoring = monitoring;

    for (const [service, port] of Object.entries(SERVICES)) {
      new ServiceScrape(monitoring, service, { jobName: `${service}-service`, targets: [`${service}-service:${port}`], labels: { tier: 'backend' } });
    }
    new ServiceScrape(monitoring, 'traefik', { targets: ['traefik:8080'], labels: { tier: 'edge' } });

    // One rule pack instance for all eight services: one rule per alert selects them all (job=~"auth-service|…"),
    // and one promtool test file (tests/services.test.yml) tests every service. The metric shape is the one the
    // seed guide's own queries use (aiohttp_prometheus): http_requests_total with a `status` label, and
    // http_request_duration_seconds. Per-job overrides tune the services that differ.
    const packs = rules.rulePacks({ runbookUrlPattern: 'https://runbooks.example.com/chat/{{alert}}', labels: { tier: 'backend' } });
    new AlertGroup(monitoring, 'services', packs.serviceHealth({
      jobs: Object.keys(SERVICES).map((service) => `${service}-service`),
      statusLabel: 'status',
      overrides: { ServiceHighErrorRatio: { severity: Severity.WARNING } },
      jobOverrides: {
        // chat is interactive: slow answers hurt sooner
        'chat-service': { ServiceHighLatencyP95: { threshold: 0.5 }, ServiceHighLatencyP99: { threshold: 1 } },
        // media uploads and transcoding take seconds by design
        'media-service': { ServiceHighLatencyP95: { threshold: 5 }, ServiceHighLatencyP99: { threshold: 15 } },
        // auth fails closed: a lower error ratio already locks users out
        'auth-service': { ServiceHighErrorRatio: { threshold: 0.01 } },
      },
    }));

    new AlertRouting(monitoring, 'routing', {
      receivers: [
        Receiver.slack('slack', { apiUrl: Secret.fromVariable('slack_webhook_url'), channel: '#chat-alerts', sendResolved: true }),
        Receiver.email('oncall-email', {
          to: 'oncall@example.com',
          from: 'alertmanager@example.com',
          smarthost: 'smtp.example.com:587',
          authUsername: 'alertmanager@example.com',
          authPassword: Secret.fromVariable('smtp_password'),
          subject: '[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}',
        }),
      ],
      route: { receiver: 'slack' },
      // critical alerts page by email and still reach the team's channel
      routes: [
        { matchers: { severity: 'critical' }, receiver: 'oncall-email', continue: true },
        { receiver: 'slack', muteTimeIntervals: ['release-window'] },
      ],
      timeIntervals: [{ name: 'release-window', periods: [{ weekdays: ['tuesday'], times: [{ start: '14:00', end: '15:00' }], location: 'Europe/Berlin' }] }],
      expectations: [
        { labels: { severity: 'critical', job: 'chat-service' }, receivers: ['oncall-email', 'slack'] },
        { labels: { severity: 'warning', job: 'chat-service' }, receivers: ['slack'] },
      ],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new MicroservicesStack(app, 'chat');
  app.synth();
}
