import { checkRe2, matchesEmptyString } from '../../../lib/model/logs/re2';

const WHERE = 'LogPipeline dev/monitoring/logs, source "app", stages[1] (regex)';
const RE2 = "an RE2 regular expression (Go's regexp syntax, which Alloy and Promtail compile)";

describe('checkRe2', () => {
  test('accepts RE2 syntax and returns the named groups', () => {
    // The seed's tag parser.
    expect(checkRe2('(?P<container_name>(?:[^|]*))\\|', 'X', 'expression')).toEqual({ namedGroups: ['container_name'], unnamedGroups: 0 });
    // The CRI format from Promtail's docs: flags, named groups, \S.
    expect(checkRe2('^(?s)(?P<time>\\S+?) (?P<stream>stdout|stderr) (?P<flags>\\S+?) (?P<content>.*)$', 'X', 'expression').namedGroups).toEqual([
      'time',
      'stream',
      'flags',
      'content',
    ]);
    // Go 1.22+ also accepts (?<name>...); flag groups, POSIX classes, \Q...\E, \pL, \x{...}, \z, \A.
    expect(checkRe2('\\A(?<level>[[:alpha:]]+) (?i:error) \\Q[a.b]\\E \\pL\\p{Greek} \\x{263a}\\z', 'X', 'e').namedGroups).toEqual(['level']);
    expect(checkRe2('a{2,1000}', 'X', 'e').unnamedGroups).toBe(0);
    expect(checkRe2('(a)(b)', 'X', 'e').unnamedGroups).toBe(2);
  });

  test('rejects lookarounds with the column and a hint', () => {
    expect(() => checkRe2('(?<=user=)\\w+', WHERE, 'expression')).toThrow(
      `${WHERE}, expression: got "(?<=user=)\\\\w+", expected ${RE2}: lookbehind "(?<=" at column 1 is not supported by RE2; RE2 has no lookarounds: match the preceding text in a non-capturing group (?:...) instead`,
    );
    expect(() => checkRe2('^(?!debug).*', 'X', 'e')).toThrow('negative lookahead "(?!" at column 2 is not supported by RE2');
    expect(() => checkRe2('foo(?=bar)', 'X', 'e')).toThrow('lookahead "(?=" at column 4 is not supported by RE2');
    expect(() => checkRe2('(?<!x)y', 'X', 'e')).toThrow('negative lookbehind "(?<!" at column 1');
  });

  test('rejects backreferences and other Perl-only syntax', () => {
    expect(() => checkRe2('(\\w+) \\1', WHERE, 'expression')).toThrow(
      `${WHERE}, expression: got "(\\\\w+) \\\\1", expected ${RE2}: backreference "\\1" at column 7 is not supported by RE2; RE2 has no backreferences: repeat the pattern instead of referring to the group`,
    );
    expect(() => checkRe2('(?<q>["\'])x\\k<q>', 'X', 'e')).toThrow('backreference "\\k<" at column 12');
    expect(() => checkRe2('(?>a+)b', 'X', 'e')).toThrow('atomic group "(?>" at column 1');
    expect(() => checkRe2('(?x) a b', 'X', 'e')).toThrow('flag group "(?x)" at column 1 is not supported by RE2; RE2 knows the flags i, m, s and U');
    expect(() => checkRe2('\\u0041', 'X', 'e')).toThrow('escape "\\u" at column 1 is not supported by RE2; write \\x{0041} instead of \\u0041');
    expect(() => checkRe2('a{1001}', 'X', 'e')).toThrow('repeat count "{1001}" at column 2 is not supported by RE2; RE2 allows at most 1000');
    expect(() => checkRe2('[[:alfa:]]', 'X', 'e')).toThrow('POSIX class "[:alfa:]" at column 2 is not supported by RE2');
  });

  test('reports syntax errors as the compiler words them', () => {
    expect(() => checkRe2('(?P<level>\\w+', WHERE, 'expression')).toThrow(
      `${WHERE}, expression: got "(?P<level>\\\\w+", expected ${RE2} that compiles: unterminated group`,
    );
    expect(() => checkRe2('[a-', 'X', 'e')).toThrow('that compiles: unterminated character class');
    expect(() => checkRe2('*abc', 'X', 'e')).toThrow('that compiles: nothing to repeat');
    expect(() => checkRe2('', 'X', 'e')).toThrow(`X, e: got "", expected a non-empty ${RE2}`);
  });

  test('matchesEmptyString follows the anchoring Loki uses for label matchers', () => {
    expect(matchesEmptyString('.*')).toBe(true);
    expect(matchesEmptyString('.+')).toBe(false);
    expect(matchesEmptyString('api|')).toBe(true);
    expect(matchesEmptyString('(?i)api')).toBe(false);
  });
});
