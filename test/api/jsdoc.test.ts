import { entrySurface } from './public-surface';

// Every public prop has JSDoc, and every optional one says what happens without it (`@default`). "Public" is
// everything the entry points export and every type their members name, followed transitively.
describe('JSDoc of the public surface', () => {
  test.each([
    ['cdktf-monitoring', 'lib/index.ts', [] as string[]],
    ['cdktf-monitoring/aws', 'lib/targets/aws/index.ts', ['lib/index.ts']],
  ])('%s: every public prop is documented, every optional one with @default', (_name, file, also) => {
    const problems = entrySurface(file, also).docProblems.map((p) => `${p.member}: ${p.problem}`);
    expect(problems).toEqual([]);
  });
});
