import type { Mode, RunResult, SizeResult } from './measure';

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const mb = (kb: number) => (kb / 1024).toFixed(0);
const x = (ratio: number) => `${ratio.toFixed(2)}×`;

function med(runs: readonly RunResult[], pick: (r: RunResult) => number): number {
  return median(runs.map(pick));
}

/** Median of per-round ratios library/other: both ran in the same round, under the same noise. */
export function pairedRatio(size: SizeResult, other: Mode, pick: (r: RunResult) => number): number {
  return median(size.runs.library.map((run, i) => pick(run) / pick(size.runs[other][i])));
}

/** The main table, in Markdown. */
export function resultTable(sizes: readonly SizeResult[]): string {
  const lines = [
    '| services | runs | library wall s (min–max) | bare cdktf wall s | floor wall s | library ÷ bare: wall / CPU / work | library ÷ floor (wall) | peak RSS MB library / bare / floor | output MB (files) |',
    '|---:|---:|---|---:|---:|---|---:|---|---:|',
  ];
  for (const size of sizes) {
    const { library, bare, floor } = size.runs;
    const wall = (r: RunResult) => r.wallMs;
    const walls = library.map(wall);
    lines.push(
      `| ${size.services.toLocaleString('en-US')} | ${library.length} | ${s(med(library, wall))} (${s(Math.min(...walls))}–${s(Math.max(...walls))}) ` +
        `| ${s(med(bare, wall))} | ${s(med(floor, wall))} ` +
        `| ${x(pairedRatio(size, 'bare', wall))} / ${x(pairedRatio(size, 'bare', (r) => r.cpuMs))} / ${x(pairedRatio(size, 'bare', (r) => r.workMs))} ` +
        `| ${x(pairedRatio(size, 'floor', wall))} ` +
        `| ${mb(med(library, (r) => r.maxRssKb))} / ${mb(med(bare, (r) => r.maxRssKb))} / ${mb(med(floor, (r) => r.maxRssKb))} ` +
        `| ${(size.outputBytes / 1e6).toFixed(1)} (${size.renderedFiles + 1}) |`,
    );
  }
  return lines.join('\n');
}

/** Where the library's time goes, by phase (medians). */
export function phaseTable(sizes: readonly SizeResult[]): string {
  const lines = [
    '| services | library: load modules s | build constructs s | synth (validate, render, resolve, write) s | CPU s | bare: load s | build s | synth s | CPU s |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const size of sizes) {
    const { library, bare } = size.runs;
    lines.push(
      `| ${size.services.toLocaleString('en-US')} | ${s(med(library, (r) => r.loadMs))} | ${s(med(library, (r) => r.buildMs))} | ${s(med(library, (r) => r.synthMs))} ` +
        `| ${s(med(library, (r) => r.cpuMs))} | ${s(med(bare, (r) => r.loadMs))} | ${s(med(bare, (r) => r.buildMs))} | ${s(med(bare, (r) => r.synthMs))} ` +
        `| ${s(med(bare, (r) => r.cpuMs))} |`,
    );
  }
  return lines.join('\n');
}

/** Output checks: determinism and that the baselines emit what the library emits. */
export function checkLines(sizes: readonly SizeResult[]): string[] {
  return sizes.map(
    (size) =>
      `- ${size.services} services: library output across runs: ${size.deterministic}; bare cdktf vs library: ${size.bareMatches}; ` +
      `floor vs library: ${size.floorMatches}`,
  );
}

/** Marginal cost per service between two sizes, from medians of `pick`. */
function marginalMs(a: SizeResult, b: SizeResult, pick: (r: RunResult) => number): number {
  return (med(b.runs.library, pick) - med(a.runs.library, pick)) / (b.services - a.services);
}

/** The targets, each with its measured value and PASS/FAIL. */
export function targetLines(sizes: readonly SizeResult[], coldSynthMs?: number): string[] {
  const out: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const at = (n: number) => sizes.find((size) => size.services === n);
  const k = at(1000);
  if (k) {
    const wall = med(k.runs.library, (r) => r.wallMs);
    const rss = med(k.runs.library, (r) => r.maxRssKb) / 1024;
    const ratio = pairedRatio(k, 'bare', (r) => r.wallMs);
    const workRatio = pairedRatio(k, 'bare', (r) => r.workMs);
    out.push(`- 1,000 services in ≤ 3 s (median wall): ${s(wall)} s: ${verdict(wall <= 3000)}`);
    out.push(`- peak RSS ≤ 500 MB at 1,000 services: ${rss.toFixed(0)} MB: ${verdict(rss <= 500)}`);
    const cpuRatio = pairedRatio(k, 'bare', (r) => r.cpuMs);
    out.push(
      `- ≤ 1.5× the bare cdktf program at 1,000 services (wall): ${x(ratio)}: ${verdict(ratio <= 1.5)} ` +
        `(CPU time: ${x(cpuRatio)}; build + synth only: ${x(workRatio)})`,
    );
  }
  const big = at(3000);
  if (big) out.push(`- peak RSS at 3,000 services (for reference): ${(med(big.runs.library, (r) => r.maxRssKb) / 1024).toFixed(0)} MB`);
  const [h, t, th] = [at(100), at(1000), at(3000)];
  if (h && t && th) {
    const line = (label: string, pick: (r: RunResult) => number) => {
      const m1 = marginalMs(h, t, pick);
      const m2 = marginalMs(t, th, pick);
      return { text: `${label} ${m1.toFixed(2)} → ${m2.toFixed(2)} ms/service (×${(m2 / m1).toFixed(2)})`, growth: m2 / m1 };
    };
    const wallLine = line('wall', (r) => r.wallMs);
    const cpuLine = line('CPU', (r) => r.cpuMs);
    out.push(
      `- linear from 100 to 3,000 (marginal cost per service, 100→1,000 vs 1,000→3,000): ${wallLine.text}; ${cpuLine.text}: ` +
        `${verdict(cpuLine.growth <= 1.25)} (judged on CPU time, which the machine's noise disturbs least; linear = ×1.00, ≤ ×1.25 allowed for GC)`,
    );
  }
  if (!k) out.push('- (the 1,000-service targets need --sizes to include 1000)');
  if (coldSynthMs !== undefined) out.push(`- dev stack cold \`npx cdktf synth\` < 10 s: ${s(coldSynthMs)} s: ${verdict(coldSynthMs < 10000)}`);
  return out;
}
