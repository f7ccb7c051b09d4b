import { checkRe2, matchesEmptyString, re2Expectation, re2ToRegExp } from '../../lib/model/re2';

const WHERE = 'LogPipeline dev/monitoring/logs, source "app", stages[1] (regex)';
const RE2 = "an RE2 regular expression (Go's regexp syntax, which Alloy and Promtail compile)";
const PROM = "an RE2 regular expression (Go's regexp syntax, which Prometheus compiles)";

/** The message checkRe2 throws for `pattern`, or undefined. */
function messageOf(pattern: string, program?: string): string | undefined {
  try {
    checkRe2(pattern, 'X', 'regex', { program, allowEmpty: true });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('checkRe2: valid RE2 is accepted, JavaScript-only syntax is not required', () => {
  test('returns the named groups', () => {
    // The seed's tag parser.
    expect(checkRe2('(?P<container_name>(?:[^|]*))\\|', 'X', 'expression')).toEqual({ namedGroups: ['container_name'], unnamedGroups: 0 });
    // The CRI format from Promtail's docs: flags, named groups, \S.
    expect(checkRe2('^(?s)(?P<time>\\S+?) (?P<stream>stdout|stderr) (?P<flags>\\S+?) (?P<content>.*)$', 'X', 'expression').namedGroups).toEqual([
      'time',
      'stream',
      'flags',
      'content',
    ]);
    expect(checkRe2('(a)(b)', 'X', 'e').unnamedGroups).toBe(2);
    // RE2 allows one name twice (JavaScript does not).
    expect(checkRe2('(?P<x>a)|(?P<x>b)', 'X', 'e').namedGroups).toEqual(['x', 'x']);
  });

  test.each([
    ['(?i)api.*', 'a case-insensitive flag group'],
    ['(?P<svc>[a-z]+)-\\d+', 'a Python-style named group'],
    ['(?<level>\\w+)', 'a named group without P (Go 1.22+)'],
    ['\\Aabc\\z', '\\A and \\z'],
    ['\\Q[a.b]\\E', '\\Q...\\E'],
    ['[[:alpha:]]+[[:^digit:]]', 'POSIX classes'],
    ['\\pL\\p{Greek}\\PN\\p{^Latin}', 'Unicode classes'],
    ['\\x{263a}\\x41\\101', 'hex and octal escapes'],
    ['(?i-s:a.b)(?U)c+', 'flags switched on and off'],
    ['a{2,1000}', 'the largest repeat count'],
    ['a{,5}}]', 'braces and brackets that are literals'],
    ['(?)', 'an empty flag group'],
    ['', 'the empty expression, where allowed'],
  ])('%j (%s)', (pattern) => {
    expect(messageOf(pattern)).toBeUndefined();
  });
});

describe('checkRe2: what RE2 lacks is refused with the reason and the column', () => {
  test('lookbehind', () => {
    expect(() => checkRe2('(?<=user=)\\w+', WHERE, 'expression')).toThrow(
      `${WHERE}, expression: got "(?<=user=)\\\\w+", expected ${RE2}: lookbehind "(?<=" at column 1 is not supported by RE2; RE2 has no lookarounds: match the preceding text in a non-capturing group (?:...) instead`,
    );
  });

  test('lookahead, in a relabel regex of Prometheus', () => {
    expect(messageOf('foo(?=bar)', 'Prometheus')).toBe(
      `X, regex: got "foo(?=bar)", expected ${PROM}: lookahead "(?=" at column 4 is not supported by RE2; RE2 has no lookarounds: match the text itself, or negate with a separate rule (a !~ matcher, a drop action or stage)`,
    );
  });

  test('negative lookahead and lookbehind', () => {
    expect(messageOf('^(?!debug).*')).toContain('negative lookahead "(?!" at column 2 is not supported by RE2');
    expect(messageOf('(?<!x)y')).toContain('negative lookbehind "(?<!" at column 1 is not supported by RE2');
  });

  test('backreferences', () => {
    expect(() => checkRe2('(\\w+) \\1', WHERE, 'expression')).toThrow(
      `${WHERE}, expression: got "(\\\\w+) \\\\1", expected ${RE2}: backreference "\\1" at column 7 is not supported by RE2; RE2 has no backreferences: repeat the pattern instead of referring to the group`,
    );
    expect(messageOf('(?<q>["\'])x\\k<q>')).toContain('backreference "\\k<" at column 12 is not supported by RE2');
    expect(messageOf('(?P<q>a)(?P=q)')).toContain('backreference "(?P=" at column 9 is not supported by RE2; RE2 has no backreferences');
  });

  test('possessive quantifiers', () => {
    expect(messageOf('a*+b')).toBe(
      `X, regex: got "a*+b", expected ${RE2}: possessive quantifier "*+" at column 2 is not supported by RE2; RE2 never backtracks, so the plain quantifier does the same`,
    );
  });

  test('atomic groups, recursion, comments, extended mode', () => {
    expect(messageOf('(?>a+)b')).toContain('atomic group "(?>" at column 1 is not supported by RE2; RE2 never backtracks, so a plain group (?:...) does the same');
    expect(messageOf('(a(?R)?b)')).toContain('recursion "(?R" at column 3 is not supported by RE2');
    expect(messageOf('a(?#note)')).toContain('comment "(?#" at column 2 is not supported by RE2');
    expect(messageOf('(?x) a b')).toBe(
      `X, regex: got "(?x) a b", expected ${RE2}: flag group "(?x)" at column 1 is not supported by RE2; RE2 knows the flags i, m, s and U, e.g. (?i) or (?i:...) (no x: write the expression without spaces and comments)`,
    );
  });

  test('escapes Go does not know', () => {
    expect(messageOf('\\u0041')).toBe(`X, regex: got "\\\\u0041", expected ${RE2}: escape "\\u" at column 1 is not supported by RE2; write \\x{0041} instead of \\u0041`);
    expect(messageOf('a\\Z')).toContain('escape "\\Z" at column 2 is not supported by RE2; use \\z for the end of the text');
    // \C is RE2's "any byte"; Go's regexp refuses it.
    expect(messageOf('a\\C')).toContain('escape "\\C" at column 2 is not supported by RE2; Go\'s regexp has no \\C');
    expect(messageOf('\\8')).toBe(`X, regex: got "\\\\8", expected ${RE2} that compiles: invalid escape sequence "\\8" at column 1`);
  });

  test('repeat counts above 1000 and unknown POSIX classes', () => {
    expect(messageOf('a{1001}')).toContain('repeat count "{1001}" at column 2 is not supported by RE2; RE2 allows at most 1000');
    expect(messageOf('[[:alfa:]]')).toContain('POSIX class "[:alfa:]" at column 2 is not supported by RE2');
  });
});

describe('checkRe2: syntax errors in Go\'s words, with the column', () => {
  test.each([
    ['(?P<level>\\w+', 'missing closing ) for the group opened at column 1'],
    ['a)', 'unexpected ) at column 2: no group is open here; escape it as \\) for a literal )'],
    ['[a-', 'missing closing ] for the character class opened at column 1'],
    ['*abc', 'missing argument to repetition operator "*" at column 1: put the character or group to repeat before it'],
    ['a**', 'invalid nested repetition operator "*" at column 3: repeat a group instead, e.g. (?:a*)*'],
    ['[z-a]', 'invalid character class range "z-a" at column 2'],
    ['a{3,2}', 'invalid repeat count "{3,2}" at column 2: the minimum is above the maximum'],
    ['[\\b]', 'invalid escape sequence "\\b" at column 2 in a character class: write \\x08 for a backspace'],
    ['(?P<a-b>x)', 'invalid named capture "(?P<a-b>" at column 1: a group name has letters, digits and underscores'],
    ['\\p{Klingon}', 'invalid character class range "\\p{Klingon}" at column 1: no Unicode category or script has that name (e.g. \\pL, \\p{Lu}, \\p{Greek})'],
    ['(?-)', 'invalid or unsupported Perl syntax "(?-)" at column 1; RE2 knows the flags i, m, s and U, e.g. (?i) or (?i:...)'],
  ])('%j', (pattern, reason) => {
    expect(messageOf(pattern)).toBe(`X, regex: got ${JSON.stringify(pattern)}, expected ${RE2} that compiles: ${reason}`);
  });

  test('the empty expression where a non-empty one is needed', () => {
    expect(() => checkRe2('', 'X', 'e')).toThrow(`X, e: got "", expected a non-empty ${RE2.replace(/^an /, '')}`);
  });

  test('the program is named in the expectation', () => {
    expect(re2Expectation('Alertmanager')).toBe("an RE2 regular expression (Go's regexp syntax, which Alertmanager compiles)");
    expect(re2Expectation()).toBe(RE2);
  });
});

describe('re2ToRegExp: RE2 semantics in JavaScript, for the library\'s own matching', () => {
  test.each([
    ['(?i)api.*', 'API-gateway', true],
    ['(?P<svc>[a-z]+)-\\d+', 'ab-12', true],
    ['\\Qa.b\\E', 'axb', false],
    ['\\Qa.b\\E', 'a.b', true],
    ['x(?i)y', 'xY', true],
    ['x(?i)y', 'XY', false],
    ['(?i:a)b', 'Ab', true],
    ['(?i:a)b', 'AB', false],
    ['(?i)[[:lower:]]+', 'ABC', true],
    ['[[:^digit:]]+', 'abc', true],
    ['\\pL+', 'héllo', true],
    ['\\s', '\u000b', false], // Go's \s has no \v
    ['\\d', '٣', false], // Go's \d is ASCII
    ['a.b', 'a\nb', false],
    ['5..', '503', true],
    ['5..', '5030', false], // anchored
    ['api|web', 'web', true],
  ])('%j on %j → %s', (pattern, text, expected) => {
    expect(re2ToRegExp(pattern).test(text)).toBe(expected);
  });

  test('options: dotAll as Prometheus uses it, unanchored, multi-line flag', () => {
    expect(re2ToRegExp('a.b', { dotAll: true }).test('a\nb')).toBe(true);
    expect(re2ToRegExp('api', { anchored: false }).test('my-api-1')).toBe(true);
    expect(re2ToRegExp('(?m)^b$', { anchored: false }).test('a\nb\nc')).toBe(true);
    expect(re2ToRegExp('^b$', { anchored: false }).test('a\nb\nc')).toBe(false);
    expect(re2ToRegExp('(?U)a+', { anchored: false }).exec('aaa')?.[0]).toBe('a');
  });

  test('group names become g0, g1, ... (RE2 allows a name twice, JavaScript does not)', () => {
    expect(re2ToRegExp('(?P<x>a)(?P<x>b)').exec('ab')?.groups).toEqual({ g0: 'a', g1: 'b' });
  });

  test('refuses what is not RE2, saying why', () => {
    expect(() => re2ToRegExp('(?=a)')).toThrow('not RE2: lookahead "(?=" at column 1 is not supported by RE2');
  });

  test('matchesEmptyString follows the anchoring Loki uses for label matchers', () => {
    expect(matchesEmptyString('.*')).toBe(true);
    expect(matchesEmptyString('.+')).toBe(false);
    expect(matchesEmptyString('api|')).toBe(true);
    expect(matchesEmptyString('(?i)api')).toBe(false);
    expect(matchesEmptyString('(?=x)')).toBe(false);
  });
});
