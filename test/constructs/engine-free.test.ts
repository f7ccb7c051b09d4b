import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENGINE_PACKAGE, engineImports, importsOf } from '../helpers/engine-imports';

const LIB = path.join(__dirname, '../../lib');

/** Imports of the files in `dir` (one level) other than constructs, fs, path, a sibling or an engine-free layer. */
function importsOutsideTheLayers(dir: string): string[] {
  const outside: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    for (const spec of importsOf(path.join(dir, file))) {
      const ok = spec === 'constructs' || spec === 'fs' || spec === 'path' || /^\.\/[\w-]+$/.test(spec) || /^\.\.\/(model|render|presets|import)\//.test(spec);
      if (!ok) outside.push(`${file}: ${spec}`);
    }
  }
  return outside;
}

describe('the constructs, model and render layers import no IaC engine', () => {
  test.each(['constructs', 'model', 'render'])('nothing under lib/%s reaches cdktf, cdktn, aws-cdk-lib or their providers', (layer) => {
    expect(engineImports(path.join(LIB, layer), LIB)).toEqual([]);
  });

  test('lib/constructs imports only constructs, Node built-ins, its siblings and the engine-free layers (model, render, presets, import)', () => {
    expect(importsOutsideTheLayers(path.join(LIB, 'constructs'))).toEqual([]);
  });

  test('the engine packages', () => {
    for (const p of ['cdktf', 'cdktf/lib/synthesize/synthesizer', 'cdktn', 'aws-cdk-lib', 'aws-cdk-lib/aws-aps', '@cdktf/provider-docker/lib/container', '@cdktn/provider-aws', '@aws-cdk/assertions']) {
      expect(ENGINE_PACKAGE.test(p)).toBe(true);
    }
    for (const p of ['constructs', 'cdktf-monitoring', 'yaml', '@grafana/grafana-foundation-sdk', './cdktf']) expect(ENGINE_PACKAGE.test(p)).toBe(false);
  });

  describe('negative control: the check finds engine imports', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-monitoring-engine-free-'));
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      };
      write('constructs/clean.ts', "import { Construct } from 'constructs';\nimport { helper } from '../model/helper';\nexport const x = [Construct, helper];\n");
      write('constructs/deep.ts', "import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';\nexport const y = addCustomSynthesis;\n");
      write('constructs/typed.ts', "import type { Stack } from 'aws-cdk-lib';\nexport type Z = Stack;\n");
      write('constructs/required.ts', "const { Lazy } = require('cdktn');\nexport const w = import('@cdktf/provider-docker/lib/container');\nexport { Lazy };\n");
      write('constructs/reexport.ts', "export { Lazy } from '@cdktn/provider-aws';\n");
      write('constructs/adapter.ts', "import { CDKTF_ENGINE } from '../engines/cdktf';\nimport { DockerHost } from '../targets/docker/docker-host';\n");
      write('model/helper.ts', "import { Token } from 'cdktf';\nexport const helper = Token;\n");
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('direct imports of every form, and one through a sibling layer', () => {
      expect(engineImports(path.join(dir, 'constructs'), dir)).toEqual([
        { file: 'constructs/clean.ts', engine: 'cdktf', via: ['model/helper.ts'] },
        { file: 'constructs/deep.ts', engine: 'cdktf/lib/synthesize/synthesizer', via: [] },
        { file: 'constructs/reexport.ts', engine: '@cdktn/provider-aws', via: [] },
        { file: 'constructs/required.ts', engine: 'cdktn', via: [] },
        { file: 'constructs/required.ts', engine: '@cdktf/provider-docker/lib/container', via: [] },
        { file: 'constructs/typed.ts', engine: 'aws-cdk-lib', via: [] },
      ]);
    });

    test('imports of a target, an engine adapter or an engine package are outside the layers', () => {
      expect(importsOutsideTheLayers(path.join(dir, 'constructs'))).toEqual([
        'adapter.ts: ../engines/cdktf',
        'adapter.ts: ../targets/docker/docker-host',
        'deep.ts: cdktf/lib/synthesize/synthesizer',
        'reexport.ts: @cdktn/provider-aws',
        'required.ts: cdktn',
        'required.ts: @cdktf/provider-docker/lib/container',
        'typed.ts: aws-cdk-lib',
      ]);
    });

    test('the real lib/targets does import cdktf (the check reads real files)', () => {
      expect(engineImports(path.join(LIB, 'targets'), LIB).map((f) => f.engine)).toContain('cdktf');
    });
  });
});
