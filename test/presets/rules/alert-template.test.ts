import { buildRuleTests } from '../../../lib/model/rule-tests';
import { buildRuleGroup } from '../../../lib/model/rules';
import { expandAlertTemplate } from '../../../lib/presets/rules';
import { goFormatG, humanize, humanizeDuration, humanizePercentage } from '../../../lib/presets/rules/go-format';
import { renderPromtoolTests } from '../../../lib/render/promtool-tests';
import { renderRuleFile } from '../../../lib/render/rule-file';
import { checkAndTestRules } from '../../oracle-helpers/promtool';

const TEMPLATE =
  'h={{ $value | humanize }} p={{ $value | humanizePercentage }} d={{ $value | humanizeDuration }} v={{ $value }} ' +
  'f={{ printf "%.2f" $value }} k={{ $value | humanize1024 }} l={{ $labels.i }} x={{ $labels.missing }}';
const VALUES = [0, 0.000123, 0.0042, 0.5, 1, 1.5, 59.9, 95, 1234.5678, 86399, 90061.5, 1e6, 123456789, -3.2, 0.123456, 1048576, 2e-7];

describe('expected annotations', () => {
  test('match what Prometheus prints (promtool is the judge)', () => {
    const group = buildRuleGroup({ name: 'templates', rules: [{ alert: 'Shown', expr: 'sample', annotations: { text: TEMPLATE } }] }, 'test');
    const tests = buildRuleTests(
      [
        {
          name: 'every formatting function',
          inputSeries: VALUES.map((v, i) => ({ series: `sample{i="${i}"}`, values: String(v) })),
          alertRuleTests: [
            {
              evalTime: '0s',
              alertname: 'Shown',
              expAlerts: VALUES.map((value, i) => ({
                expLabels: { i: String(i) },
                expAnnotations: { text: expandAlertTemplate(TEMPLATE, { labels: { i: String(i) }, value }) },
              })),
            },
          ],
        },
      ],
      group,
      'test',
    );
    const result = checkAndTestRules(group.fileName, renderRuleFile(group), 'templates.test.yml', renderPromtoolTests(tests));
    expect({ status: result.test.status, output: result.test.output.trim() }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
  });

  test('formats like Go', () => {
    expect([goFormatG(1e6), goFormatG(123456), goFormatG(0.0001), goFormatG(0.00001), goFormatG(1234.5678, 4)]).toEqual(['1e+06', '123456', '0.0001', '1e-05', '1235']);
    expect([humanize(1234567), humanize(0.005), humanizePercentage(0.1234), humanizeDuration(90), humanizeDuration(0.25)]).toEqual([
      '1.235M',
      '5m',
      '12.34%',
      '1m 30s',
      '250ms',
    ]);
  });

  test('trim markers and external labels', () => {
    expect(expandAlertTemplate('a  {{- $labels.job -}}  b {{ $externalLabels.environment }}', { labels: { job: 'api' }, value: 1, externalLabels: { environment: 'dev' } })).toBe(
      'aapib dev',
    );
  });

  test('refuses what it cannot expand', () => {
    expect(() => expandAlertTemplate('{{ range $x := query "up" }}{{ end }}', { labels: {}, value: 1 })).toThrow(
      'the template action {{ range $x := query "up" }} in "{{ range $x := query \\"up\\" }}{{ end }}" cannot be expanded here; give the expected text explicitly',
    );
  });
});
