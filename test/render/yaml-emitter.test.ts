import { parse, stringify } from 'yaml';
import { emitYaml, YAML_OPTIONS } from '../../lib/render/yaml-emitter';
import { allEnvironments } from '../oracles/environments';

// The fast emitter must write exactly what the `yaml` package writes.
const reference = (value: unknown) => stringify(value, YAML_OPTIONS);

describe('emitYaml', () => {
  test.each([
    'plain', 'a: b', '{{ $labels.job }}', "It's down", 'x #y', 'line1\nline2', 'line1\nline2\n', ' lead', 'trail ', '22:00', 'on', 'Yes', 'y',
    'NO', '1e3', '0x1f', '-1', '- x', 'a:b', 'ends:', 'http://x:9/y', '"q"', '%x', '`x', 'a\tb', 'é ü', 'null', '~', '', '.inf', '=', '<<',
    '2024-01-01', 'a\n\nb', '  x\ny', 'up{job="api"} == 0', 'sum by (le) (rate(x[5m])) > 0.5', '!tag', '&anchor', '*alias', '? q', '[a]', 'x\r\ny',
    'tab\tend', '{"a": 1}', '{a\\b}', '[x] "y"', '{{ $value | humanizePercentage }} of requests', '{ trailing ', '[', '{\u00e9}', 'Error ratio: {{ $value }}', 'a: "b" \\ c', 'x # y: z', ' both ', 'é: x', 'tab:\tx', 'k: v #c', ':x', '- a: b', 'semi;colon', 'a,b', '#hash', '@at', '>fold', '|pipe', 'trailing\n\n', '\nleading newline', '5m', '0.05', '+1', 'true', 'False',
  ])('the scalar %j, as a value, a key and a list item, at several depths', (text) => {
    for (const value of [{ k: text }, { [text === '' ? 'empty' : text]: 'v' }, { list: [text, { k: text, other: [text] }] }, { a: { b: { c: text } } }]) {
      expect(emitYaml(value)).toBe(reference(value));
    }
  });

  test('numbers, booleans, empty collections and nesting', () => {
    const value = { n: 3, f: 0.0144, big: 1e21, neg: -2, t: true, e: {}, l: [], nested: [{ a: [], b: {}, c: [[1, 2], []] }], deep: { x: [{ y: [{ z: 'q' }] }] } };
    expect(emitYaml(value)).toBe(reference(value));
  });

  test('every rendered YAML file of every stack and example', () => {
    let compared = 0;
    for (const { monitoring } of allEnvironments()) {
      for (const [file, text] of Object.entries(monitoring.renderedFiles())) {
        if (!/\.ya?ml$/.test(file)) continue;
        const data = parse(text, { version: '1.1' });
        expect({ file, yaml: emitYaml(data) }).toEqual({ file, yaml: reference(data) });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
