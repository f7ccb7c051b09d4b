import * as fs from 'fs';
import * as path from 'path';
import { foundationSdkSubpaths, node10Declarations, node10TypesVersions, SUBPATH_ENTRIES } from '../../scripts/node10-types';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

// What TypeScript's node10 resolution (the `cdktf init` tsconfig) reads instead of the exports map. The packaging test
// type-checks an app with it; these checks keep package.json and the generator in step.
describe('declarations for node10 resolution', () => {
  test("package.json's typesVersions sends node10 to dist/node10, one file per entry point of the exports map", () => {
    expect(pkg.typesVersions).toEqual(node10TypesVersions());
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json').map((k) => k.slice(2));
    expect(subpaths).toEqual(Object.keys(SUBPATH_ENTRIES));
    for (const entry of Object.keys(SUBPATH_ENTRIES)) {
      expect(`./dist/lib/${SUBPATH_ENTRIES[entry].replace('../lib/', '')}.d.ts`).toBe(pkg.exports[`./${entry}`].types);
    }
    expect(pkg.files).toContain('dist/node10/*.d.ts');
    expect(pkg.scripts.build).toContain('scripts/node10-types.ts');
  });

  test('every subpath of the foundation SDK is declared, so dashboard packs are typed under node10', () => {
    const subpaths = foundationSdkSubpaths();
    expect(subpaths).toEqual(expect.arrayContaining(['dashboard', 'timeseries', 'prometheus', 'loki', 'cog']));
    const sdk = node10Declarations()['foundation-sdk.d.ts'];
    for (const sub of subpaths) {
      expect(sdk).toContain(`declare module '@grafana/grafana-foundation-sdk/${sub}' {\n  export * from '@grafana/grafana-foundation-sdk/dist/${sub}';\n}`);
      expect(fs.existsSync(path.join(ROOT, `node_modules/@grafana/grafana-foundation-sdk/dist/${sub}/index.d.ts`))).toBe(true);
    }
  });

  test('each entry file re-exports its entry point and loads the SDK declarations', () => {
    const files = node10Declarations();
    expect(files['index.d.ts']).toContain("export * from '../lib/index';");
    expect(files['aws.d.ts']).toContain("export * from '../lib/targets/aws/index';");
    expect(files['aws-cdk.d.ts']).toContain("export * from '../lib/aws-cdk';");
    expect(files['cdktn.d.ts']).toContain("export * from '../lib/cdktn';");
    for (const file of ['index.d.ts', 'aws.d.ts', 'aws-cdk.d.ts', 'cdktn.d.ts']) expect(files[file].startsWith('/// <reference path="./foundation-sdk.d.ts" />\n')).toBe(true);
  });
});
