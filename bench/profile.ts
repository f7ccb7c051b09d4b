import * as fs from 'fs';
import * as path from 'path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, a library file, Node itself, or the engine (GC, program). */
export function categoryOf(url: string, functionName: string, compiledRoot: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (file.startsWith(compiledRoot)) return path.relative(compiledRoot, file).replace(/\.js$/, '.ts');
  if (file.startsWith('node:')) return 'node internals';
  return file;
}

/** A short summary of a .cpuprofile: self time by package or library file, and the heaviest functions. */
export function summarizeProfile(file: string, compiledRoot: string, top = 12): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfByCategory = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveLib = new Map<string, number>();
  let total = 0;
  const key = (n: ProfileNode) => {
    const cat = categoryOf(n.callFrame.url, n.callFrame.functionName, compiledRoot);
    return `${n.callFrame.functionName || '(anonymous)'} ${cat}:${n.callFrame.lineNumber + 1}`;
  };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const node = byId.get(id)!;
    const cat = categoryOf(node.callFrame.url, node.callFrame.functionName, compiledRoot);
    selfByCategory.set(cat, (selfByCategory.get(cat) ?? 0) + dt);
    selfByFunction.set(key(node), (selfByFunction.get(key(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!n.callFrame.url.includes(`${compiledRoot}/lib/`)) continue;
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusiveLib.set(k, (inclusiveLib.get(k) ?? 0) + dt);
    }
  });
  const rows = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${k}`);
  return [
    `  profile ${path.basename(file)}: ${total.toFixed(0)} ms sampled`,
    '  self time by package / library file:',
    ...rows(selfByCategory, top),
    '  self time by function:',
    ...rows(selfByFunction, top),
    '  inclusive time of library functions:',
    ...rows(inclusiveLib, top),
  ].join('\n');
}
