import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else found.set(rel, fs.readFileSync(path.join(dir, rel), 'utf8'));
    }
  };
  walk('');
  return found;
}

// docs/api/ is generated from the JSDoc by TypeDoc (`npm run docs`, typedoc.json) and committed, so the reference can
// be read on the repository's pages. Generation is deterministic (no source links, no dates); this test fails when the
// committed pages are not what the JSDoc gives today, and when TypeDoc warns (an exported member that names a type no
// entry point exports, a broken {@link}): typedoc.json treats warnings as errors.
test('docs/api is the API reference TypeDoc generates from the JSDoc today (regenerate: npm run docs)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-typedoc-'));
  try {
    const typedoc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typedoc/bin/typedoc'), '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(`${typedoc.stdout}${typedoc.stderr}`).not.toMatch(/\[(warning|error)\]/);
    expect(typedoc.status).toBe(0);
    const generated = filesUnder(out);
    const committed = filesUnder(path.join(ROOT, 'docs/api'));
    expect([...committed.keys()].sort()).toEqual([...generated.keys()].sort());
    const differing = [...generated].filter(([file, text]) => committed.get(file) !== text).map(([file]) => file);
    expect(differing).toEqual([]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 150_000);
