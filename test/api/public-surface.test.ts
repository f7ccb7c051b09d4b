import * as fs from 'fs';
import * as path from 'path';
import { entrySurface } from './public-surface';

// Every type a public prop, parameter or return value names must be importable from the entry point that uses it
// (or from the main entry point): a user who can receive a value can also name its type.
const ROOT = path.resolve(__dirname, '../..');
const ENTRIES = [
  { specifier: 'cdktf-monitoring', file: 'lib/index.ts', also: [] as string[] },
  { specifier: 'cdktf-monitoring/aws', file: 'lib/targets/aws/index.ts', also: ['lib/index.ts'] },
  // the AWS CDK entry point stands alone: an AWS CDK app never imports the cdktf one
  { specifier: 'cdktf-monitoring/aws-cdk', file: 'lib/aws-cdk.ts', also: [] as string[] },
  { specifier: 'cdktf-monitoring/cdktn', file: 'lib/cdktn.ts', also: [] as string[] },
];

describe('public surface', () => {
  test("package.json's exports are exactly the entry points checked here", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
    expect(subpaths.map((k) => (k === '.' ? 'cdktf-monitoring' : `cdktf-monitoring/${k.slice(2)}`))).toEqual(ENTRIES.map((e) => e.specifier));
    for (const [key, target] of Object.entries<{ types: string }>(pkg.exports)) {
      if (key === './package.json') continue;
      const entry = ENTRIES.find((e) => e.specifier.endsWith(key === '.' ? 'monitoring' : key.slice(1)))!;
      expect(target.types).toBe(`./dist/${entry.file.replace(/\.ts$/, '.d.ts')}`);
    }
  });

  describe.each(ENTRIES)('$specifier', ({ file, also }) => {
    const surface = entrySurface(file, also);

    test('lists its exports, and every value export exists at run time', () => {
      expect(surface.exports.length).toBeGreaterThan(0);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const runtime = require(path.join(ROOT, file)) as Record<string, unknown>;
      const values = surface.valueExports.filter((name) => !name.includes('.'));
      expect(values.filter((name) => runtime[name] === undefined)).toEqual([]);
    });

    test('exports every type its public members name', () => {
      const report = surface.unexported.map((u) => `${u.name} (${u.file}), named by ${u.via}`);
      expect(report).toEqual([]);
    });
  });

  test('finds an unexported type, an undocumented prop and an optional prop without @default', () => {
    const surface = entrySurface('test/api/fixtures/incomplete-surface.ts', [], 'test/api/fixtures');
    expect(surface.exports).toEqual(['FixtureProps', 'useFixture']);
    expect(surface.unexported.map((u) => [u.name, u.via])).toEqual([['Unexported', 'useFixture(props) → FixtureProps.hidden']]);
    expect(surface.docProblems).toEqual([
      { member: 'FixtureProps.undocumented', problem: 'no JSDoc' },
      { member: 'FixtureProps.noDefault', problem: 'no @default' },
    ]);
  });
});
