import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { addsToEnvironment, codeBlocks, compileErrors, documentationFiles, pastedIntoOneStack, runModule } from './code-blocks';

// The documentation cannot drift from the API: every TypeScript block of README.md and docs/*.md compiles against
// lib/ as `cdktf-monitoring`, and every block that adds to an environment is pasted into the README's stack, all at
// once, which then synthesizes with its validations on.
const ROOT = path.resolve(__dirname, '../..');
const blocks = documentationFiles().flatMap(codeBlocks);

describe('documentation code blocks', () => {
  test('the README and every docs page have TypeScript to check', () => {
    expect(blocks.filter((b) => b.doc === 'README.md').map((b) => b.fileName)).toEqual(['monitoring.ts', 'main.ts', '__tests__/main-test.ts']);
    expect(blocks.filter(addsToEnvironment).length).toBeGreaterThan(10);
  });

  test('every block compiles', () => {
    const files = new Map(blocks.map((b) => [b.virtualPath, b.code]));
    const origin = (file: string, line: number) => {
      const block = blocks.find((b) => b.virtualPath === file)!;
      return `${block.doc}:${block.line + 1 + line}`;
    };
    expect(compileErrors(files, origin)).toEqual([]);
  }, 120_000);

  describe("every block that adds to an environment, pasted into the README's stack", () => {
    const base = blocks.find((b) => b.doc === 'README.md' && b.fileName === 'monitoring.ts')!;
    const additions = blocks.filter(addsToEnvironment);
    const code = pastedIntoOneStack(base, additions);
    const virtualPath = path.join(ROOT, 'test/docs/__snippets__/pasted/monitoring.ts');

    test('compiles', () => {
      const lines = code.split('\n');
      const origin = (_file: string, line: number) => {
        const marker = lines.slice(0, line + 1).reverse().find((l) => /^\s*\{ \/\/ \S+:\d+$/.test(l));
        return `pasted line ${line + 1}${marker ? ` (from ${marker.trim().slice(5)})` : ' (README tour)'}`;
      };
      expect(compileErrors(new Map([[virtualPath, code]]), origin)).toEqual([]);
    }, 120_000);

    test('synthesizes with validations, and renders what the blocks declare', () => {
      const load = (specifier: string): unknown => {
        if (specifier === 'cdktf-monitoring') return require('../../lib');
        if (specifier === 'cdktf-monitoring/aws') return require('../../lib/targets/aws');
        return require(specifier);
      };
      const { Dev } = runModule(code, load) as { Dev: new (scope: unknown, id: string) => any };
      const stack = new Dev(Testing.app(), 'dev');
      expect(() => Testing.synth(stack, true)).not.toThrow();
      const files: Record<string, string> = stack.monitoring.renderedFiles();
      // from the README tour, docs/scraping.md, docs/rule-packs.md, docs/logs.md and docs/slos.md
      for (const job of ['api', 'postgres', 'orders-db', 'redis', 'api-probe', 'sessions']) expect(files['prometheus/prometheus.yml']).toContain(`job_name: ${job}\n`);
      expect(files['prometheus/rules/host.yml']).not.toContain('HostHighLoad');
      expect(files['prometheus/rules/host.yml']).toContain('alert: HostDiskAlmostFull');
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['prometheus/rules/sessions.yml', 'prometheus/rules/slo-api-availability.yml']));
      expect(Object.keys(files).some((f) => f.startsWith('loki/'))).toBe(true);
    });
  });

  test('the README is a front door: at most about 300 lines, and every page it links exists', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    const links = [...readme.matchAll(/\]\(((?:docs\/)[^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]);
    expect(links.filter((l) => !fs.existsSync(path.join(ROOT, l)))).toEqual([]);
    const pages = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
    expect(pages.filter((p) => !links.includes(p))).toEqual([]);
  });
});
