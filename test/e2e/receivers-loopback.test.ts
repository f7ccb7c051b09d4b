import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { AlertRouting, Duration, Receiver, Secret } from '../../lib';
import { dockerEnvironment } from '../helpers/stacks';
import { freePort, ProcessGroup, waitFor } from '../helpers/processes';

/**
 * Receivers end to end on loopback: a rendered alertmanager.yml with a `global` and twelve integrations (eleven kinds) runs in the tool
 * cache's real Alertmanager; every API endpoint points at one HTTP server of this test, which records each request. The
 * secrets are files (as on the Docker host), some inherited from `global`. An alert posted to Alertmanager's API must
 * reach every integration, with the credentials read from the files.
 */
describe('receivers on loopback: one alert reaches twelve integrations of eleven kinds in real Alertmanager, credentials from files and global', () => {
  const processes = new ProcessGroup();
  const received: { method: string; path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  let server: http.Server;
  let work: string;
  let amPort: number;

  beforeAll(async () => {
    const port = await freePort();
    amPort = await freePort();
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        // Enough of each API's answer for Alertmanager to count the notification as sent.
        const json = req.url?.startsWith('/telegram/') ? { ok: true, result: { message_id: 1, date: 0, chat: { id: -100, type: 'group' } } } : req.url?.startsWith('/rocketchat/') ? { success: true } : {};
        res.writeHead(req.url?.startsWith('/pagerduty') ? 202 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-receivers-'));
    const base = `http://127.0.0.1:${port}`;
    const secret = (name: string, value: string) => {
      const file = path.join(work, name);
      fs.writeFileSync(file, value);
      return Secret.fromFile(file);
    };
    const { monitoring } = dockerEnvironment({
      alertmanager: {
        version: '0.33',
        global: {
          // Inherited by every integration without an httpConfig of its own (the second webhook).
          httpConfig: { basicAuth: { username: 'am', password: secret('basic', 'basic-pass') } },
          slackApiUrl: secret('slack_url', `${base}/slack/T0/B0`),
          opsgenieApiUrl: `${base}/opsgenie/`,
          opsgenieApiKey: secret('opsgenie_key', 'og-key'),
          telegramApiUrl: `${base}/telegram`,
          telegramBotToken: secret('telegram_token', 'tg-token'),
          pagerdutyUrl: `${base}/pagerduty`,
          victoropsApiUrl: `${base}/victorops/`,
          victoropsApiKey: secret('victorops_key', 'vo-key'),
          mattermostWebhookUrl: secret('mattermost_url', `${base}/mattermost`),
          webexApiUrl: `${base}/webex`,
        },
      },
    });
    const none = { httpConfig: {} }; // an own (empty) http_config: no inherited basic auth
    new AlertRouting(monitoring, 'routing', {
      route: { receiver: 'everyone', groupBy: ['alertname'], groupWait: Duration.seconds(1), groupInterval: Duration.seconds(1) },
      receivers: [
        Receiver.of('everyone', [
          Receiver.integration.webhook({ url: `${base}/hook-bearer`, httpConfig: { authorization: { credentials: secret('hook_token', 'hook-token') } } }),
          Receiver.integration.webhook({ url: `${base}/hook-inherited` }),
          Receiver.integration.slack({ channel: '#alerts', title: 'slack {{ .CommonLabels.alertname }}', ...none }),
          Receiver.integration.discord({ webhookUrl: secret('discord_url', `${base}/discord`), title: 'discord', ...none }),
          Receiver.integration.msteams({ webhookUrl: secret('teams_url', `${base}/teams`), ...none }),
          Receiver.integration.mattermost({ channel: 'alerts', ...none }),
          Receiver.integration.telegram({ chatId: -100, ...none }),
          Receiver.integration.opsgenie({ priority: 'P2', ...none }),
          Receiver.integration.pagerduty({ routingKey: secret('pd_key', 'pd-routing-key'), ...none }),
          Receiver.integration.victorops({ routingKey: 'ops', ...none }),
          Receiver.integration.webex({ roomId: 'room-1', httpConfig: { authorization: { credentials: secret('webex_token', 'webex-token') } } }),
          Receiver.integration.incidentio({ url: `${base}/incidentio`, alertSourceToken: secret('incidentio_token', 'io-token'), ...none }),
        ]),
      ],
    });
    expect(monitoring.model.validate()).toEqual([]);
    const config = path.join(work, 'alertmanager.yml');
    fs.writeFileSync(config, monitoring.renderedFiles()['alertmanager/alertmanager.yml']);
    processes.start('alertmanager', [
      `--config.file=${config}`,
      `--storage.path=${path.join(work, 'data')}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
    ]);
    await waitFor('Alertmanager to be ready', 20_000, async () => ((await fetch(`http://127.0.0.1:${amPort}/-/ready`)).ok ? true : undefined), () => processes.logs());
    const alert = [{ labels: { alertname: 'ReceiversE2E', severity: 'critical' }, annotations: { summary: 'loopback' } }];
    const posted = await fetch(`http://127.0.0.1:${amPort}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alert) });
    expect(posted.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await processes.stopAll();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }, 30_000);

  const request = (prefix: string) =>
    waitFor(`a request to ${prefix}`, 20_000, async () => received.find((r) => r.path.startsWith(prefix)), () => `${JSON.stringify(received.map((r) => r.path))}\n${processes.logs()}`);
  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

  test('webhooks: the own bearer token, and the basic auth inherited from global.httpConfig', async () => {
    expect((await request('/hook-bearer')).headers.authorization).toBe('Bearer hook-token');
    const inherited = await request('/hook-inherited');
    expect(inherited.headers.authorization).toBe(basic('am', 'basic-pass'));
    expect(JSON.parse(inherited.body).commonLabels.alertname).toBe('ReceiversE2E');
  }, 30_000);

  test('Slack and Mattermost post to the URLs read from global files; Discord and Teams to their own files', async () => {
    const slack = await request('/slack/T0/B0');
    expect(JSON.parse(slack.body)).toMatchObject({ channel: '#alerts', attachments: [expect.objectContaining({ title: 'slack ReceiversE2E' })] });
    expect(slack.headers.authorization).toBeUndefined(); // its own empty http_config: nothing inherited
    expect(JSON.parse((await request('/mattermost')).body)).toMatchObject({ channel: 'alerts' });
    expect(JSON.parse((await request('/discord')).body)).toMatchObject({ embeds: [expect.objectContaining({ title: 'discord' })] });
    expect((await request('/teams')).method).toBe('POST');
  }, 30_000);

  test('Telegram, Opsgenie, PagerDuty, VictorOps, Webex and incident.io carry the keys read from files', async () => {
    expect((await request('/telegram/')).path).toBe('/telegram/bottg-token/sendMessage');
    const opsgenie = await request('/opsgenie/');
    expect(opsgenie.headers.authorization).toBe('GenieKey og-key');
    expect(JSON.parse(opsgenie.body)).toMatchObject({ priority: 'P2' });
    expect(JSON.parse((await request('/pagerduty')).body)).toMatchObject({ routing_key: 'pd-routing-key', event_action: 'trigger' });
    expect((await request('/victorops/')).path).toBe('/victorops/vo-key/ops');
    const webex = await request('/webex');
    expect(webex.headers.authorization).toBe('Bearer webex-token');
    expect(JSON.parse(webex.body)).toMatchObject({ roomId: 'room-1' });
    expect((await request('/incidentio')).headers.authorization).toBe('Bearer io-token');
  }, 30_000);
});
