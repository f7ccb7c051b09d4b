import { LogSource } from '../../../lib/model/logs/log-source';
import { LogStage } from '../../../lib/model/logs/log-stage';
import { LogPipelineInput, buildLogPipeline } from '../../../lib/model/logs/pipeline';
import { everyOptionSources, seedApplicationLogs, seedContainerLogs } from '../../render/logs/fixtures';

const WHERE = 'LogPipeline dev/monitoring/logs';
const RE2 = "an RE2 regular expression (Go's regexp syntax, which Alloy and Promtail compile)";

function files(...stages: LogStage[]): LogPipelineInput {
  return { sources: [LogSource.files({ name: 'app', paths: ['/var/log/app/*.log'], stages: [LogStage.json({ expressions: { level: '', msg: '', time: '' } }), ...stages] })] };
}

describe('buildLogPipeline', () => {
  test('builds both seed pipelines without warnings', () => {
    const pipeline = buildLogPipeline({ sources: [seedContainerLogs(), seedApplicationLogs()] }, WHERE);
    expect(pipeline.warnings).toEqual([]);
    expect(pipeline.sources.map((s) => [s.name, s.kind, s.stages.map((st) => st.kind)])).toEqual([
      ['containers', 'file', ['json', 'json', 'regex', 'timestamp', 'labels', 'output']],
      ['application', 'file', ['json', 'timestamp', 'labels', 'output']],
    ]);
  });

  test('defaults: Docker containers through the socket, named "containers"', () => {
    const [source] = buildLogPipeline({ sources: [LogSource.dockerContainers()] }, WHERE).sources;
    expect(source).toEqual({ kind: 'docker', name: 'containers', labels: {}, stages: [], dockerHost: 'unix:///var/run/docker.sock', filters: [], refreshInterval: undefined });
  });

  test('every option and stage validates', () => {
    const pipeline = buildLogPipeline({ sources: everyOptionSources() }, WHERE);
    expect(pipeline.sources).toHaveLength(2);
    expect(pipeline.warnings).toEqual([]);
  });

  describe('bad input', () => {
    test('a pipeline with no source', () => {
      expect(() => buildLogPipeline({ sources: [] }, WHERE)).toThrow(
        `${WHERE}, sources: got [], expected at least one log source, e.g. [LogSource.dockerContainers()] or [LogSource.files({ paths: ["/var/log/app/*.log"] })]; a pipeline without a source ships nothing`,
      );
      expect(() => buildLogPipeline({} as LogPipelineInput, WHERE)).toThrow(
        `${WHERE}, sources: is required: expected at least one log source, e.g. [LogSource.dockerContainers()] or [LogSource.files({ paths: ["/var/log/app/*.log"] })]`,
      );
    });

    test('a regex stage that does not compile', () => {
      expect(() => buildLogPipeline(files(LogStage.regex({ expression: '(?P<user>\\w+', source: 'msg' })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (regex), expression: got "(?P<user>\\\\w+", expected ${RE2} that compiles: missing closing ) for the group opened at column 1`,
      );
      expect(() => buildLogPipeline(files(LogStage.regex({ expression: '(?<=user=)(?P<user>\\w+)' })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (regex), expression: got "(?<=user=)(?P<user>\\\\w+)", expected ${RE2}: lookbehind "(?<=" at column 1 is not supported by RE2; RE2 has no lookarounds: match the preceding text in a non-capturing group (?:...) instead`,
      );
      expect(() => buildLogPipeline(files(LogStage.regex({ expression: '^(\\w+) (.*)$' })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (regex), expression: got "^(\\\\w+) (.*)$", expected at least one named group (?P<name>...): only named groups are extracted`,
      );
      expect(() => buildLogPipeline(files(LogStage.multiline({ firstLine: '^\\[(?!INFO)' })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (multiline), firstLine: got "^\\\\[(?!INFO)", expected ${RE2}: negative lookahead "(?!" at column 4 is not supported by RE2`,
      );
    });

    test('a timestamp stage with an unknown format', () => {
      expect(() => buildLogPipeline(files(LogStage.timestamp({ source: 'time', format: 'ISO8601' })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (timestamp), format: got "ISO8601", expected a named format (ANSIC, UnixDate, RubyDate, RFC822, RFC822Z, RFC850, RFC1123, RFC1123Z, RFC3339, RFC3339Nano, Unix, UnixMs, UnixUs, UnixNs) or a Go reference layout written with the parts of Mon Jan 2 15:04:05 -0700 MST 2006, such as "2006-01-02 15:04:05" or "02/Jan/2006:15:04:05 -0700"; for ISO 8601 timestamps use "RFC3339" (or "RFC3339Nano" with fractions)`,
      );
      expect(() => buildLogPipeline(files(LogStage.timestamp({ source: 'time', format: 'RFC3339', fallbackFormats: ['%s'] })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (timestamp), fallbackFormats[0]: got "%s"`,
      );
      expect(() => buildLogPipeline(files(LogStage.timestamp({ source: 'time', format: 'RFC3339', location: 'Mars/Olympus' })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (timestamp), location: got "Mars/Olympus", expected an IANA time zone such as "UTC" or "Europe/Berlin"`,
      );
    });

    test('labels that are not valid label names', () => {
      expect(() => buildLogPipeline(files(LogStage.labels(['log-level'])), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (labels), values key: got "log-level", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*`,
      );
      expect(() => buildLogPipeline(files(LogStage.staticLabels({ '2fa': 'on' })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (static_labels), values key: got "2fa", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*`,
      );
      expect(() => buildLogPipeline({ sources: [LogSource.files({ name: 'app', paths: ['/var/log/a.log'], labels: { __path__: '/etc/passwd' } })] }, WHERE)).toThrow(
        `${WHERE}, source "app", labels key: got "__path__", expected a label name that does not start with "__" (reserved for Prometheus internal use)`,
      );
      expect(() => buildLogPipeline({ sources: [LogSource.dockerContainers({ labels: { 'app.kubernetes.io/name': 'x' } })] }, WHERE)).toThrow(
        `${WHERE}, source "containers", labels key: got "app.kubernetes.io/name", expected a Prometheus label name matching [a-zA-Z_][a-zA-Z0-9_]*`,
      );
      expect(() => buildLogPipeline({ sources: [LogSource.dockerContainers({ labels: { container: 'x' } })] }, WHERE)).toThrow(
        `${WHERE}, source "containers", labels key: got "container", expected a label the source does not set itself (it sets "container", "stream", "service")`,
      );
    });

    test('other mistakes', () => {
      expect(() => buildLogPipeline({ sources: [LogSource.dockerContainers(), LogSource.dockerContainers()] }, WHERE)).toThrow(
        `${WHERE}, sources[1].name: got "containers", which is already used by sources[0]; expected a unique value`,
      );
      expect(() => buildLogPipeline({ sources: [LogSource.files({ name: 'app', paths: ['var/log/*.log'] })] }, WHERE)).toThrow(
        `${WHERE}, source "app", paths[0]: got "var/log/*.log", expected an absolute glob path on the host below a fixed directory, without "..", e.g. "/var/log/app/*.log" (the directory is mounted into the agent)`,
      );
      expect(() => buildLogPipeline({ sources: [LogSource.files({ name: 'everything', paths: ['/**/*.log'] })] }, WHERE)).toThrow('paths[0]: got "/**/*.log"');
      expect(() => buildLogPipeline({ sources: [LogSource.files({ name: 'my-app', paths: ['/var/log/a.log'] })] }, WHERE)).toThrow(
        `${WHERE}, sources[0].name: got "my-app", expected a source name of letters, digits and "_" that does not start with a digit (it names Alloy components and the Promtail job)`,
      );
      expect(() => buildLogPipeline({ sources: [LogSource.dockerContainers({ stages: [LogStage.json({ expressions: { 'user-agent': '' } })] })] }, WHERE)).toThrow(
        `${WHERE}, source "containers", stages[0] (json), expressions.user-agent: got "", expected a JMESPath expression in which the name "user-agent" is quoted (JMESPath reads "-" as minus), e.g. expressions: { "user-agent": '"user-agent"' }`,
      );
      expect(() => buildLogPipeline(files(LogStage.json({ expressions: { agent: 'request.user-agent' } })), WHERE)).toThrow(`e.g. expressions: { "agent": 'request."user-agent"' }`);
      expect(() => buildLogPipeline(files(LogStage.drop({})), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (drop), expression: is required: expected at least one condition: expression, source with value, olderThan or longerThanBytes (a drop stage without one drops nothing)`,
      );
      expect(() => buildLogPipeline(files(LogStage.drop({ value: 'debug' })), WHERE)).toThrow(
        `${WHERE}, source "app", stages[1] (drop), source: is required: expected the extracted value(s) to compare with \`value\``,
      );
      expect(() => buildLogPipeline({ sources: [LogSource.dockerContainers({ filters: [{ name: 'labels', values: ['a=b'] }] })] }, WHERE)).toThrow(
        `${WHERE}, source "containers", filters[0].name: got "labels", expected a Docker container filter name (ancestor, before, expose, exited, health, id, isolation, is-task, label, name, network, publish, since, status, volume)`,
      );
      expect(() => buildLogPipeline({ sources: [LogSource.dockerContainers({ dockerHost: '/var/run/docker.sock' })] }, WHERE)).toThrow(
        `${WHERE}, source "containers", dockerHost: got "/var/run/docker.sock", expected a Docker daemon address such as "unix:///var/run/docker.sock" or "tcp://docker-socket-proxy:2375"`,
      );
    });
  });

  describe('warnings', () => {
    test('a high-cardinality label', () => {
      const pipeline = buildLogPipeline(
        { sources: [LogSource.dockerContainers({ stages: [LogStage.json({ expressions: { user_id: 'user.id', level: '' } }), LogStage.labels(['level', 'user_id'])] })] },
        WHERE,
      );
      expect(pipeline.warnings.map((w) => w.message)).toEqual([
        `${WHERE}, source "containers", stages[1] (labels), values: label "user_id" is likely high-cardinality (one value per identified object): ` +
          'every distinct value creates a new Loki stream, which slows ingestion and queries and can hit max_global_streams_per_user; ' +
          'expected labels with few values (level, service, container, stream). Keep the value in the log line and filter at query time, ' +
          'e.g. {service="api"} | json | user_id="..."',
      ]);
      expect(pipeline.warnings[0]).toMatchObject({ where: `${WHERE}, source "containers", stages[1] (labels)`, field: 'values' });
    });

    test('flags the usual suspects and leaves bounded labels alone', () => {
      const labels = ['request_id', 'traceId', 'session_id', 'ip', 'client_ip', 'email', 'path', 'url', 'user', 'level', 'service', 'method', 'status'];
      const pipeline = buildLogPipeline(
        { sources: [LogSource.dockerContainers({ stages: [LogStage.json({ expressions: Object.fromEntries(labels.map((l) => [l, ''])) }), LogStage.labels(labels)] })] },
        WHERE,
      );
      expect(pipeline.warnings.map((w) => /label "(\w+)"/.exec(w.message)?.[1]).sort()).toEqual(
        ['client_ip', 'email', 'ip', 'path', 'request_id', 'session_id', 'traceId', 'url', 'user'].sort(),
      );
    });

    test('a stage that reads a name nothing provides (the seed as written)', () => {
      const pipeline = buildLogPipeline({ sources: [seedContainerLogs({ fixTime: false })] }, WHERE);
      expect(pipeline.warnings.map((w) => w.message)).toEqual([
        `${WHERE}, source "containers", stages[3] (timestamp), source: reads "time", which no earlier stage extracts and no label of the source provides, ` +
          'so the stage will find nothing; expected one of the known names ("attrs", "container_name", "filename", "job", "output", "stream", "tag"), ' +
          'or add it to an earlier json/logfmt/regex stage',
      ]);
    });
  });
});
