import * as fs from 'fs';
import * as path from 'path';

/** The stack and MonitoringStack ids every benchmark program uses, so all of them write the same paths and ids. */
export const STACK_ID = 'bench';
export const MONITORING_ID = 'monitoring';
/** Where a program's rendered files go, relative to its outdir. */
export const RENDERED_DIR = path.join('stacks', STACK_ID, 'rendered', MONITORING_ID);
/** Where a program's cdk.tf.json goes, relative to its outdir. */
export const TF_JSON = path.join('stacks', STACK_ID, 'cdk.tf.json');

/** One file uploaded into a container, exactly as cdk.tf.json holds it (already escaped for Terraform). */
export interface Upload {
  readonly file: string;
  readonly content: string;
}

/**
 * The pre-rendered strings the two baselines start from, taken from the library's own output for the same size:
 * every upload's final text, the config volume names (which carry a hash of the files), the rendered files, and
 * (for the physical floor) cdk.tf.json without its uploads.
 */
export interface Fixture {
  /** `docker_container` uploads by container name (`bench-prometheus`, …). */
  readonly uploads: Record<string, Upload[]>;
  /** `docker_volume` names of the config volumes by component (`prometheus`, `alertmanager`, `grafana`). */
  readonly configVolumeNames: Record<string, string>;
  /** Rendered files by logical path (`prometheus/prometheus.yml`, …). */
  readonly rendered: Record<string, string>;
  /** cdk.tf.json with every container's `upload` removed (its place is kept: `null`). */
  readonly skeleton: Record<string, any>;
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

/** Reads the rendered files under an outdir. */
export function readRendered(outdir: string): Record<string, string> {
  const dir = path.join(outdir, RENDERED_DIR);
  const out: Record<string, string> = {};
  for (const rel of listFiles(dir)) out[rel] = fs.readFileSync(path.join(dir, rel), 'utf8');
  return out;
}

/** Builds the fixture from the library's output directory. */
export function fixtureFromOutput(outdir: string): Fixture {
  const skeleton = JSON.parse(fs.readFileSync(path.join(outdir, TF_JSON), 'utf8')) as Record<string, any>;
  const uploads: Record<string, Upload[]> = {};
  for (const container of Object.values<Record<string, any>>(skeleton.resource?.docker_container ?? {})) {
    if (Array.isArray(container.upload)) {
      uploads[container.name as string] = container.upload as Upload[];
      container.upload = null;
    }
  }
  const configVolumeNames: Record<string, string> = {};
  for (const volume of Object.values<Record<string, any>>(skeleton.resource?.docker_volume ?? {})) {
    const match = /^[a-z0-9-]+?-(prometheus|alertmanager|grafana)-config-[0-9a-f]+$/.exec(volume.name as string);
    if (match) configVolumeNames[match[1]] = volume.name as string;
  }
  return { uploads, configVolumeNames, rendered: readRendered(outdir), skeleton };
}

/** Writes rendered files under an outdir with the fewest system calls: one mkdir per directory, one write per file. */
export function writeRendered(outdir: string, rendered: Readonly<Record<string, string>>): void {
  const dir = path.join(outdir, RENDERED_DIR);
  const made = new Set<string>();
  for (const [rel, content] of Object.entries(rendered)) {
    const target = path.join(dir, rel);
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(target, content);
  }
}

/** Bytes of cdk.tf.json plus the rendered files under an outdir. */
export function outputBytes(outdir: string): number {
  let total = fs.statSync(path.join(outdir, TF_JSON)).size;
  const dir = path.join(outdir, RENDERED_DIR);
  for (const rel of listFiles(dir)) total += fs.statSync(path.join(dir, rel)).size;
  return total;
}

/**
 * Compares two outdirs: every rendered file, and cdk.tf.json byte for byte. Returns `identical`, `same JSON` (equal
 * once parsed: only whitespace differs, as with the floor's JSON.stringify) or what differs.
 */
export function compareOutputs(a: string, b: string): string {
  const ta = fs.readFileSync(path.join(a, TF_JSON), 'utf8');
  const tb = fs.readFileSync(path.join(b, TF_JSON), 'utf8');
  const ra = readRendered(a);
  const rb = readRendered(b);
  const ka = Object.keys(ra);
  const kb = Object.keys(rb);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `rendered file lists differ (${ka.length} vs ${kb.length} files)`;
  const differing = ka.find((k) => ra[k] !== rb[k]);
  if (differing) return `rendered file ${differing} differs`;
  if (ta === tb) return 'identical';
  if (JSON.stringify(sortDeep(JSON.parse(ta))) === JSON.stringify(sortDeep(JSON.parse(tb)))) return 'same JSON';
  return 'cdk.tf.json differs';
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
