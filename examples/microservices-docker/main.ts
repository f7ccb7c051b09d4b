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

    new AlertGroup(monitoring, 'services', {
      rules: [
        {
          alert: 'ServiceDown',
          expr: 'up{tier="backend"} == 0',
          for: Duration.minutes(1),
          severity: Severity.CRITICAL,
          summary: '{{ $labels.job }} is down',
          description: '{{ $labels.instance }} of {{ $labels.job }} has not answered a scrape for a minute.',
        },
        {
          alert: 'ServiceHighErrorRatio',
          expr: 'sum by (job) (rate(http_requests_total{tier="backend",status=~"5.."}[5m])) / sum by (job) (rate(http_requests_total{tier="backend"}[5m])) > 0.05',
          for: Duration.minutes(5),
          severity: Severity.WARNING,
          summary: '{{ $labels.job }} fails more than 5% of requests',
          description: '{{ $value | humanizePercentage }} of requests to {{ $labels.job }} returned 5xx.',
        },
      ],
    });

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
