import { GoTemplateSyntaxError, parseGoTemplate, TemplateParseOptions } from '../../lib/model/go-template';

const OPTIONS: TemplateParseOptions = { functions: new Set(['humanize', 'toUpper', 'query', 'first', 'value']), variables: ['$labels', '$value'] };

/** `[message, offset]` of the parse error of `text`, or undefined when it parses. */
function errorOf(text: string, options = OPTIONS): [string, number] | undefined {
  try {
    parseGoTemplate(text, options);
    return undefined;
  } catch (e) {
    if (e instanceof GoTemplateSyntaxError) return [e.message, e.offset];
    throw e;
  }
}

describe("parseGoTemplate: what Go's text/template parses", () => {
  test.each([
    'plain text without actions',
    '{{ $labels.instance }} is down ({{ $value | humanize }})',
    '{{- $labels.job -}}\n  trimmed',
    '{{/* a comment */}}{{- /* trimmed comment */ -}}',
    '{{ if gt $value 0.5 }}high{{ else if lt $value 0.1 }}low{{ else }}mid{{ end }}',
    '{{ with $labels.team }}{{ . }}{{ else with $labels.owner }}{{ . }}{{ else }}nobody{{ end }}',
    '{{ range $k, $v := $labels }}{{ $k }}={{ $v }}{{ if eq $k "x" }}{{ break }}{{ end }}{{ continue }}{{ end }}',
    '{{ range $e := . }}{{ $e }}{{ else }}empty{{ end }}',
    '{{ $x := 1 }}{{ $x = 2 }}{{ $x }}',
    '{{ define "a" }}A {{ . }}{{ end }}{{ template "a" . }}{{ template "a" }}',
    '{{ block "b" . }}default{{ end }}',
    '{{ printf "%.2f %s %d %v %q" 1.5 "s" 0x1F 1e3 \'c\' }}',
    '{{ index $labels "a-b" }} {{ len "abc" }} {{ slice "abc" 1 2 }} {{ not true }} {{ and 1 nil }}',
    '{{ (query "up") | first | value }}',
    '{{ ($labels).instance }}',
    '{{ `raw\nstring` }}',
    '{{ 0b101 }} {{ 0o17 }} {{ 1_000 }} {{ -2 }} {{ +3.5e-2 }} {{ .5 }} {{ 0x1p-2 }} {{ 1i }}',
    '{{\n  $labels.job\n}}',
    '{{ "\\u00e9\\x41\\101\\n\\"" }}',
  ])('%j', (text) => {
    expect(errorOf(text)).toBeUndefined();
  });

  test('returns the definitions and the tree', () => {
    const parsed = parseGoTemplate('{{ define "x" }}X{{ end }}{{ block "y" . }}Y{{ end }}{{ template "x" . }}', OPTIONS);
    expect(parsed.definitions.map((d) => d.name)).toEqual(['x', 'y']);
    expect(parsed.root.map((n) => n.kind)).toEqual(['template', 'template']);
  });
});

describe("parseGoTemplate: what Go's parser refuses, in its words, at the culprit", () => {
  test.each([
    ['{{ .Labels.foo', 'unclosed action', 0],
    ['{{ $labels.instance }', 'unexpected "}" in operand', 20],
    ['a {{ /* x */ }}', 'unexpected "/" in command', 5],
    ['{{/* never closed', 'unclosed comment', 0],
    ['{{/* x */ y }}', 'comment ends before closing delimiter', 7],
    ['{{ "abc }}', 'unterminated quoted string', 3],
    ['{{ `abc }}', 'unterminated raw quoted string', 3],
    ["{{ 'ab' }}", "malformed character constant: 'ab'", 3],
    ['{{ (1 }}', 'unclosed left paren', 6],
    ['{{ 1) }}', 'unexpected right paren', 4],
    ['{{ toUpper: }}', 'expected :=', 10],
    ['{{ $labels.job# }}', "bad character U+0023 '#'", 14],
    ['{{ 089 }}', 'illegal number syntax: "089"', 3],
    ['{{ 1x }}', 'bad number syntax: "1x"', 3],
    ['{{ "\\d" }}', 'invalid syntax in string "\\d"', 3],
    ['{{ humanise $value }}', 'function "humanise" not defined', 3],
    ['{{ $lables.job }}', 'undefined variable "$lables"', 3],
    ['{{ $y = 2 }}', 'undefined variable "$y"', 3],
    ['{{ }}', 'missing command in command', 3],
    ['{{ if }}x{{ end }}', 'missing command in if', 6],
    ['{{ if .X }}x', 'unexpected EOF', 12],
    ['{{ end }}', 'unexpected {{end}}', 3],
    ['{{ else }}', 'unexpected {{else}}', 3],
    ['{{ range . }}{{ else if . }}{{ end }}{{ end }}', 'unexpected <if> in input', 21],
    ['{{ break }}', '{{break}} outside {{range}}', 3],
    ['{{ range . }}{{ continue 1 }}{{ end }}', 'unexpected "1" in {{continue}}', 25],
    ['{{ template .Name }}', 'unexpected ".Name" in template clause', 12],
    ['{{ define "x" }}{{ define "y" }}{{ end }}{{ end }}', 'unexpected <define> in command', 19],
    ['{{ define "x" }}x', 'unexpected EOF', 17],
    ['{{ "a" | "b" }}', 'non executable command in pipeline stage 2', 9],
    ['{{ "a".b }}', 'unexpected . after term "a"', 3],
    ['{{ $x, $y := . }}', 'too many declarations in command', 3],
    ['{{ range $a, 1 }}{{ end }}', 'range can only initialize variables', 13],
    ['{{ a\u00a0b }}', 'bad character U+00A0', 4],
    ['{{ \u00a0 }}', 'unrecognized character in action: U+00A0', 3],
  ])('%j → %s', (text, message, offset) => {
    expect(errorOf(text)).toEqual([message, offset]);
  });

  test('variables declared in a control are gone after its end; those of a define start afresh', () => {
    expect(errorOf('{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}')).toEqual(['undefined variable "$x"', 38]);
    expect(errorOf('{{ define "d" }}{{ $labels }}{{ end }}')).toEqual(['undefined variable "$labels"', 19]);
  });
});
