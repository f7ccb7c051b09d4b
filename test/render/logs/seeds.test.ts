import { parse } from 'yaml';
import { buildLogPipeline } from '../../../lib/model/logs/pipeline';
import { renderAlloyConfig } from '../../../lib/render/logs/alloy-config';
import { renderPromtailConfig } from '../../../lib/render/logs/promtail-config';
import { seedApplicationLogs, seedContainerLogs } from './fixtures';
import { checkAlloyAgainstSchema } from './schema/alloy-check';
import { parseAlloy } from './schema/alloy-parse';

/**
 * The scrape configs of the seed guide's Promtail file, verbatim
 * (shared/seeds/004_b5b70f9072792199.txt, "#### Promtail Configuration", monitoring/promtail/promtail-config.yml).
 */
const SEED_SCRAPE_CONFIGS = `
  - job_name: containers
    static_configs:
      - targets:
          - localhost
        labels:
          job: containerlogs
          __path__: /var/log/containers/*.log

    pipeline_stages:
      - json:
          expressions:
            output: log
            stream: stream
            attrs:
      - json:
          expressions:
            tag:
          source: attrs
      - regex:
          expression: (?P<container_name>(?:[^|]*))\\|
          source: tag
      - timestamp:
          format: RFC3339Nano
          source: time
      - labels:
          stream:
          container_name:
      - output:
          source: output

  - job_name: application
    static_configs:
      - targets:
          - localhost
        labels:
          job: applicationlogs
          __path__: /var/log/app/*.log

    pipeline_stages:
      - json:
          expressions:
            timestamp: timestamp
            level: level
            message: message
            service: service
      - timestamp:
          format: RFC3339
          source: timestamp
      - labels:
          level:
          service:
      - output:
          source: message
`;

/** `key:` with no value means "same as the key" in these stages, which the renderer writes as "". */
function nullsToEmpty(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(nullsToEmpty);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, nullsToEmpty(v)]));
  return value;
}

describe('the seed guide\'s Promtail pipelines', () => {
  const pipeline = buildLogPipeline({ sources: [seedContainerLogs(), seedApplicationLogs()] }, 'LogPipeline dev/monitoring/logs');

  test('render for Promtail as the seed wrote them (plus the missing `time` extraction)', () => {
    const seed = nullsToEmpty(parse(SEED_SCRAPE_CONFIGS)) as { pipeline_stages: Record<string, { expressions?: Record<string, string> }>[] }[];
    // The one fix: the seed's timestamp stage reads `time`, which its json stage never extracted.
    (seed[0].pipeline_stages[0].json.expressions as Record<string, string>).time = 'time';
    const rendered = parse(renderPromtailConfig(pipeline, 'http://loki:3100/loki/api/v1/push'));
    expect(rendered.scrape_configs).toEqual(seed);
    expect(rendered.clients).toEqual([{ url: 'http://loki:3100/loki/api/v1/push' }]);
  });

  test('render for Alloy from the same model, with the same stages in the same order', () => {
    const text = renderAlloyConfig(pipeline, 'http://loki:3100');
    const blocks = parseAlloy(text);
    expect(checkAlloyAgainstSchema(blocks)).toEqual([]);
    const stagesOf = (label: string): string[] => (blocks.find((b) => b.name === 'loki.process' && b.label === label)?.blocks ?? []).map((b) => b.name);
    expect(stagesOf('containers')).toEqual(['stage.json', 'stage.json', 'stage.regex', 'stage.timestamp', 'stage.labels', 'stage.output']);
    expect(stagesOf('application')).toEqual(['stage.json', 'stage.timestamp', 'stage.labels', 'stage.output']);
    expect(text).toContain(`loki.process "containers" {
  forward_to = [loki.write.default.receiver]

  stage.json {
    expressions = {
      "attrs"  = "",
      "output" = "log",
      "stream" = "stream",
      "time"   = "time",
    }
  }

  stage.json {
    expressions = {"tag" = ""}
    source      = "attrs"
  }

  stage.regex {
    expression = "(?P<container_name>(?:[^|]*))\\\\|"
    source     = "tag"
  }

  stage.timestamp {
    source = "time"
    format = "RFC3339Nano"
  }

  stage.labels {
    values = {
      "container_name" = "",
      "stream"         = "",
    }
  }

  stage.output {
    source = "output"
  }
}`);
    expect(text).toContain(`loki.process "application" {
  forward_to = [loki.write.default.receiver]

  stage.json {
    expressions = {
      "level"     = "level",
      "message"   = "message",
      "service"   = "service",
      "timestamp" = "timestamp",
    }
  }

  stage.timestamp {
    source = "timestamp"
    format = "RFC3339"
  }

  stage.labels {
    values = {
      "level"   = "",
      "service" = "",
    }
  }

  stage.output {
    source = "message"
  }
}`);
  });
});
