import { Duration } from '../../../lib/model/duration';
import { LogSource } from '../../../lib/model/logs/log-source';
import { LogStage } from '../../../lib/model/logs/log-stage';

/**
 * The two Promtail pipelines of the seed guide (shared/seeds/004_b5b70f9072792199.txt, "Promtail Configuration"),
 * expressed in the model. One fix: the seed's first json stage does not extract `time`, so its timestamp stage finds
 * nothing; `time: 'time'` is added here (the model warns about the original, see seeds.test.ts).
 */
export function seedContainerLogs(options: { fixTime: boolean } = { fixTime: true }): LogSource {
  return LogSource.files({
    name: 'containers',
    paths: ['/var/log/containers/*.log'],
    labels: { job: 'containerlogs' },
    stages: [
      LogStage.json({ expressions: { output: 'log', stream: 'stream', attrs: '', ...(options.fixTime ? { time: 'time' } : {}) } }),
      LogStage.json({ expressions: { tag: '' }, source: 'attrs' }),
      LogStage.regex({ expression: '(?P<container_name>(?:[^|]*))\\|', source: 'tag' }),
      LogStage.timestamp({ format: 'RFC3339Nano', source: 'time' }),
      LogStage.labels(['stream', 'container_name']),
      LogStage.output('output'),
    ],
  });
}

/** The seed's structured application logs: JSON with timestamp, level, message and service. */
export function seedApplicationLogs(): LogSource {
  return LogSource.files({
    name: 'application',
    paths: ['/var/log/app/*.log'],
    labels: { job: 'applicationlogs' },
    stages: [
      LogStage.json({ expressions: { timestamp: 'timestamp', level: 'level', message: 'message', service: 'service' } }),
      LogStage.timestamp({ format: 'RFC3339', source: 'timestamp' }),
      LogStage.labels(['level', 'service']),
      LogStage.output('message'),
    ],
  });
}

/** A small pipeline for the exact-text renderer tests. */
export function smallSources(): LogSource[] {
  return [
    LogSource.dockerContainers({
      labels: { env: 'dev' },
      stages: [LogStage.logfmt({ mapping: { level: '', msg: '' } }), LogStage.labels(['level'])],
    }),
    LogSource.files({ name: 'syslog', paths: ['/var/log/syslog'], labels: { job: 'syslog' } }),
  ];
}

/** Every source option and every stage with every option, for the schema tests. */
export function everyOptionSources(): LogSource[] {
  return [
    LogSource.dockerContainers({
      name: 'docker',
      dockerHost: 'unix:///var/run/docker.sock',
      labels: { env: 'dev', host: 'box1' },
      filters: [{ name: 'label', values: ['logging=enabled'] }, { name: 'status', values: ['running'] }],
      refreshInterval: Duration.seconds(30),
      stages: [
        LogStage.multiline({ firstLine: '^\\d{4}-\\d{2}-\\d{2}', maxWaitTime: Duration.seconds(3), maxLines: 200 }),
        LogStage.regex({ expression: '^(?P<time>\\S+) (?P<level>\\w+) (?P<rest>(?s:.*))$' }),
        LogStage.logfmt({ mapping: { msg: '', caller: 'src' }, source: 'rest' }),
        LogStage.json({ expressions: { user: 'user.name' }, source: 'rest', dropMalformed: true }),
        LogStage.timestamp({
          source: 'time',
          format: '2006-01-02T15:04:05.000Z07:00',
          fallbackFormats: ['RFC3339', 'UnixMs'],
          location: 'Europe/Berlin',
          actionOnFailure: 'skip',
        }),
        LogStage.labels({ level: '', severity: 'level' }),
        LogStage.staticLabels({ team: 'platform' }),
        LogStage.drop({ source: ['level', 'msg'], separator: '#', expression: 'debug#.*healthz.*', reason: 'health checks' }),
        LogStage.drop({ source: 'level', value: 'trace' }),
        LogStage.drop({ olderThan: Duration.days(1), longerThanBytes: 8192, reason: 'too old or long' }),
        LogStage.output('msg'),
      ],
    }),
    LogSource.files({
      name: 'app',
      paths: ['/var/log/app/*.log', '/srv/app/logs/**/*.log'],
      exclude: '/var/log/app/*.gz',
      labels: { job: 'app' },
      stages: [LogStage.json({ expressions: { level: '' } }), LogStage.labels(['level'])],
    }),
  ];
}
