import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { coldSynth, CommandTiming, suite } from './cold';
import { childEnv, compileForBench } from './compile';
import type { BenchTarget } from './environment';
import { measureSize, runChild, SizeResult } from './measure';
import { summarizeProfile } from './profile';
import { checkLines, phaseTable, resultTable, targetLines } from './report';

/**
 * `npm run bench [-- options]`: synth speed and memory of generated environments, side by side with a bare cdktf
 * program and the physical floor; cold start of the dev stack; optionally the test suite and CPU profiles.
 *
 *   --sizes 10,100,1000,3000   environment sizes (services)
 *   --targets docker,grafana   targets to synthesize for (default both)
 *   --runs N                   runs per size (default: 5 up to 1,000 services, 3 above)
 *   --cold-runs N              runs of the cold `cdktf synth` (default 3); --no-cold skips it
 *   --suite                    also time the whole test suite (`npm test`; long)
 *   --profile                  also CPU-profile the library at 1,000 and 3,000 services (node --cpu-prof)
 *   --rules preset|bench       service-health rules: the rule-pack library's pack (default; falls back to the
 *                              benchmark's own rules while lib/presets/rules has none) or the benchmark's own
 *   --markdown FILE            also write the report as Markdown to FILE
 */
interface Options {
  sizes: number[];
  targets: BenchTarget[];
  runs?: number;
  coldRuns: number;
  suite: boolean;
  profile: boolean;
  markdown?: string;
  rules: 'preset' | 'bench';
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { sizes: [10, 100, 1000, 3000], targets: ['docker', 'grafana'], coldRuns: 3, suite: false, profile: false, rules: 'preset' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--sizes') options.sizes = value().split(',').map((v) => Number(v.replace(/_/g, '')));
    else if (arg === '--targets') {
      const targets = value().split(',');
      if (targets.some((t) => t !== 'docker' && t !== 'grafana')) throw new Error('--targets: expected docker and/or grafana');
      options.targets = targets as BenchTarget[];
    } else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--cold-runs') options.coldRuns = Number(value());
    else if (arg === '--no-cold') options.coldRuns = 0;
    else if (arg === '--suite') options.suite = true;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--markdown') options.markdown = value();
    else if (arg === '--rules') {
      const v = value();
      if (v !== 'preset' && v !== 'bench') throw new Error('--rules: expected preset or bench');
      options.rules = v;
    }
    else throw new Error(`unknown option ${arg}; see bench/run.ts`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: expected whole numbers ≥ 1');
  if (options.runs !== undefined && (!Number.isInteger(options.runs) || options.runs < 1)) throw new Error('--runs: expected a whole number ≥ 1');
  return options;
}

const TARGET_TITLES: Record<BenchTarget, string> = {
  docker: '### Docker host target (DockerHostTarget; bare = typed @cdktf/provider-docker program, bench/bare.ts)',
  grafana:
    '### Docker host without Grafana + GrafanaTarget (dashboards, alert rules, routing in Grafana; bare = generic cdktf program, bench/bare-generic.ts)',
};

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const root = path.resolve(__dirname, '..');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-monitoring-bench-'));
  const keepDir = path.join(os.tmpdir(), 'cdktf-monitoring-bench-logs');
  fs.mkdirSync(keepDir, { recursive: true });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const report: string[] = [];
  const say = (text: string) => {
    report.push(text);
    process.stdout.write(`${text}\n`);
  };

  try {
    const compiled = path.join(workDir, 'js');
    const files = compileForBench(root, compiled);
    const env = childEnv(root);
    const childJs = path.join(compiled, 'bench', 'child.js');
    const cpus = os.cpus();
    say(
      `cdktf-monitoring synth benchmark — node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ` +
        `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at start`,
    );
    log(`compiled ${files} files of lib/ and bench/ to ${compiled}`);

    const results = new Map<BenchTarget, SizeResult[]>();
    for (const target of options.targets) {
      const sizes: SizeResult[] = [];
      for (const services of options.sizes) {
        const runs = options.runs ?? (services <= 1000 ? 5 : 3);
        sizes.push(measureSize(services, { childJs, env, workDir, runs, log, rules: options.rules, target }));
      }
      results.set(target, sizes);
    }
    const used = [...results.values()][0]?.[0]?.runs.library[0]?.rules;
    say('');
    say(
      `Per service: one ServiceScrape, one AlertGroup (target down, 5xx error ratio, p95 latency; rules from ${
        used === 'preset' ? 'the rule-pack library, presets.rules.serviceHealth' : 'bench/rules.ts'
      }), one GrafanaDashboard (4 timeseries panels), one AlertRouting route to a per-team receiver (10 services per team).`,
    );
    say('Wall = one fresh `node` process, start to exit; CPU = its user + system time; work = building the constructs plus');
    say('app.synth() (no start-up, no module loading). Baselines exclude reading their fixture. Ratios are medians of');
    say('per-round ratios: library, bare cdktf and floor run once per round, interleaved, so they share the machine noise.');
    for (const [target, sizes] of results) {
      say('');
      say(TARGET_TITLES[target]);
      say('');
      say(resultTable(sizes));
      say('');
      say(phaseTable(sizes));
      say('');
      say('Output checks:');
      for (const line of checkLines(sizes)) say(line);
    }

    let cold: CommandTiming[] = [];
    if (options.coldRuns > 0) {
      log(`cold start: ${options.coldRuns} × npx cdktf synth …`);
      cold = coldSynth(root, workDir, options.coldRuns, env);
      say('');
      say('Cold start (dev stack, TypeScript compiled by ts-node on every run):');
      for (const c of cold) {
        say(`- ${c.command}: median ${(c.medianMs / 1000).toFixed(2)} s (runs: ${c.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')})${c.ok ? '' : ' — FAILED, see logs'}`);
      }
    }
    if (options.suite) {
      log('test suite: npm test …');
      const result = suite(root, workDir, env);
      fs.copyFileSync(result.log, path.join(keepDir, 'suite.log'));
      say(`- whole test suite (npm test): ${(result.medianMs / 1000).toFixed(1)} s${result.ok ? '' : ` — FAILED, log in ${path.join(keepDir, 'suite.log')}`}`);
    }

    for (const [target, sizes] of results) {
      say('');
      say(`Targets (${target}):`);
      for (const line of targetLines(sizes, target === 'docker' && cold[0]?.ok ? cold[0].medianMs : undefined)) say(line);
    }

    if (options.profile) {
      const profileDir = path.join(keepDir, 'profiles');
      fs.rmSync(profileDir, { recursive: true, force: true });
      fs.mkdirSync(profileDir, { recursive: true });
      say('');
      say(`CPU profiles (node --cpu-prof; files in ${profileDir}):`);
      for (const target of options.targets) {
        for (const services of [1000, 3000]) {
          const dir = path.join(profileDir, `${target}-${services}`);
          const outdir = path.join(workDir, `profile-${target}-${services}`, 'out');
          fs.mkdirSync(path.dirname(outdir), { recursive: true });
          const nodeFlags = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=200'];
          const result = runChild({ childJs, env, nodeFlags, rules: options.rules, target }, 'library', services, outdir);
          const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
          say(
            `- ${target}, ${services} services (load ${(result.loadMs / 1000).toFixed(2)} s, build ${(result.buildMs / 1000).toFixed(2)} s, ` +
              `synth ${(result.synthMs / 1000).toFixed(2)} s under the profiler)`,
          );
          if (file) say(summarizeProfile(path.join(dir, file), compiled));
        }
      }
    }
    if (options.markdown) fs.writeFileSync(options.markdown, `${report.join('\n')}\n`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main();
