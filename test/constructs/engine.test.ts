import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { Construct, IConstruct, RootConstruct } from 'constructs';
import { AlertGroup, CDKTF_ENGINE, DockerHostTarget, IMonitoringEngine, IMonitoringTarget, LogAgent, LogPipeline, LogSource, MonitoringStack, ServiceScrape } from '../../lib';
import { environmentTopology } from '../../lib/constructs/environment-topology';
import { AwsManagedTarget } from '../../lib/targets/aws';
import { GrafanaTarget } from '../../lib/targets/grafana';
import { TargetDockerHost } from '../../lib/model/topology';
import { targetProps } from '../targets/grafana/helpers';
import { dockerEnvironment } from '../helpers/stacks';
import { messageOf } from '../helpers/errors';

const STACK = Symbol('test stack');

/** An engine that is not cdktf: it records what the constructs ask of it. */
class RecordingEngine implements IMonitoringEngine {
  public readonly warnings: string[] = [];
  public readonly writers: { path: string; write: (dir: string) => void }[] = [];
  constructor(public readonly name = 'recording') {}
  lazyString(produce: () => string): string {
    return produce();
  }
  addWarning(scope: IConstruct, message: string): void {
    this.warnings.push(`[${scope.node.path}] ${message}`);
  }
  onSynthesize(monitoring: IConstruct, write: (dir: string) => void): void {
    this.writers.push({ path: monitoring.node.path, write });
  }
  stackOf(scope: IConstruct): IConstruct | undefined {
    return [...scope.node.scopes].reverse().find((s) => (s as unknown as Record<symbol, unknown>)[STACK] === true);
  }
}

/** A stack of the recording engine: a plain construct, marked. */
function engineStack(root: Construct, id: string): Construct {
  const stack = new Construct(root, id);
  Object.defineProperty(stack, STACK, { value: true });
  return stack;
}

function fakeTarget(engine: IMonitoringEngine, kind = 'FakeTarget', hosts: TargetDockerHost[] = []): IMonitoringTarget & { bound: string[] } {
  const bound: string[] = [];
  return { kind, engine, bound, bind: (m) => void bound.push(m.node.path), topology: () => ({ hosts, services: [] }) };
}

describe('the constructs on an engine that is not cdktf (a plain constructs tree)', () => {
  test('MonitoringStack takes its targets\' engine; warnings and synth output go through it', () => {
    const engine = new RecordingEngine();
    const target = fakeTarget(engine);
    const monitoring = new MonitoringStack(engineStack(new RootConstruct(), 'stack'), 'monitoring', { environment: 'dev', target });
    expect(monitoring.engine).toBe(engine);
    expect(target.bound).toEqual(['stack/monitoring']);
    new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] });
    new AlertGroup(monitoring, 'api-health', { rules: [{ alert: 'WorkerDown', expr: 'up{job="worker"} == 0' }] });

    expect(monitoring.node.validate()).toEqual([]);
    expect(engine.warnings).toEqual([
      expect.stringMatching(/^\[stack\/monitoring\/api-health\] AlertGroup stack\/monitoring\/api-health, rule WorkerDown: selects job="worker" .*\(warning "unscraped-job"; /),
      '[stack/monitoring] MonitoringStack stack/monitoring: no AlertRouting declared; alerts fire but notify nobody (they go to the "default-discard" receiver)',
    ]);

    expect(engine.writers.map((w) => w.path)).toEqual(['stack/monitoring']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-monitoring-engine-'));
    try {
      engine.writers[0].write(dir);
      expect(fs.readFileSync(path.join(dir, 'prometheus/prometheus.yml'), 'utf8')).toContain('job_name: api\n');
      expect(fs.readFileSync(path.join(dir, 'prometheus/rules/api-health.yml'), 'utf8')).toContain('alert: WorkerDown');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a LogPipeline warns through the engine', () => {
    const engine = new RecordingEngine();
    const monitoring = new MonitoringStack(engineStack(new RootConstruct(), 'stack'), 'monitoring', { environment: 'dev', target: fakeTarget(engine) });
    new LogPipeline(monitoring, 'logs', { sources: [LogSource.dockerContainers()], agent: LogAgent.PROMTAIL });
    expect(engine.warnings.filter((w) => w.startsWith('[stack/monitoring/logs] '))).toEqual([
      expect.stringContaining('LogPipeline stack/monitoring/logs, agent: Promtail reached end of life on 2026-03-02'),
    ]);
  });

  test('one MonitoringStack per environment and stack: the engine says which stack a construct is in', () => {
    const engine = new RecordingEngine();
    const root = new RootConstruct();
    const [a, b] = [engineStack(root, 'a'), engineStack(root, 'b')];
    new MonitoringStack(a, 'monitoring', { environment: 'dev', target: fakeTarget(engine) });
    expect(() => new MonitoringStack(b, 'monitoring', { environment: 'dev', target: fakeTarget(engine) })).not.toThrow();
    expect(messageOf(() => new MonitoringStack(a, 'again', { environment: 'dev', target: fakeTarget(engine) }))).toMatch(
      /^MonitoringStack a\/again, environment: got "dev", which MonitoringStack a\/monitoring in the same stack already uses/,
    );
  });
});

describe('one engine per MonitoringStack', () => {
  test('targets on two engines: the error names both targets and their engines', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const other = fakeTarget(new RecordingEngine('aws-cdk'), 'AwsCdkTarget');
    expect(messageOf(() => new MonitoringStack(stack, 'monitoring', { environment: 'dev', targets: [new DockerHostTarget(), other] }))).toBe(
      'MonitoringStack test/monitoring, targets[1] (AwsCdkTarget): runs on the aws-cdk engine, but targets[0] (DockerHostTarget) runs on the cdktf engine; ' +
        'expected every target of one MonitoringStack on the same engine (give the targets of each engine a MonitoringStack of their own, in a stack of that engine)',
    );
    expect(other.bound).toEqual([]); // refused before any target is bound
  });

  test('two engine objects of one name are two engines', () => {
    const root = new RootConstruct();
    expect(
      messageOf(() => new MonitoringStack(engineStack(root, 's'), 'monitoring', { environment: 'dev', targets: [fakeTarget(new RecordingEngine()), fakeTarget(new RecordingEngine())] })),
    ).toBe(
      'MonitoringStack s/monitoring, targets[1] (FakeTarget): runs on the recording engine (another engine object of the same name), but targets[0] (FakeTarget) ' +
        'runs on the recording engine; expected every target of one MonitoringStack on the same engine (give the targets of each engine a MonitoringStack of their own, in a stack of that engine)',
    );
  });

  test('a target without an engine (written before engines existed) is refused by name', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const old = { kind: 'OldTarget', bind: () => undefined } as unknown as IMonitoringTarget;
    expect(messageOf(() => new MonitoringStack(stack, 'monitoring', { environment: 'dev', targets: [new DockerHostTarget(), old] }))).toBe(
      'MonitoringStack test/monitoring, targets[1] (OldTarget).engine: got no engine; expected the IaC engine the target\'s resources belong to ' +
        '(an IMonitoringEngine with name, lazyString, addWarning, onSynthesize and stackOf, e.g. CDKTF_ENGINE for a cdktf target)',
    );
    const half = { kind: 'HalfTarget', engine: { name: 'x' }, bind: () => undefined } as unknown as IMonitoringTarget;
    expect(messageOf(() => new MonitoringStack(stack, 'm2', { environment: 'stg', target: half }))).toContain('targets[0] (HalfTarget).engine: got an object that is not an engine;');
  });
});

describe('CDKTF_ENGINE', () => {
  test('the three cdktf targets give it, and the MonitoringStack exposes it', () => {
    expect(dockerEnvironment().monitoring.engine).toBe(CDKTF_ENGINE);
    for (const target of [new DockerHostTarget(), new AwsManagedTarget({ region: 'eu-west-1' }), new GrafanaTarget(targetProps())]) expect(target.engine).toBe(CDKTF_ENGINE);
    expect(CDKTF_ENGINE.name).toBe('cdktf');
  });

  test('lazyString is resolved at synth, after later changes', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    let value = 'early';
    new TerraformOutput(stack, 'o', { value: CDKTF_ENGINE.lazyString(() => value) });
    value = 'late';
    expect(JSON.parse(Testing.synth(stack)).output.o.value).toBe('late');
  });

  test('addWarning: cdktf warning metadata, once per construct and message, without a stack trace', () => {
    const { monitoring } = dockerEnvironment();
    CDKTF_ENGINE.addWarning(monitoring, 'careful');
    CDKTF_ENGINE.addWarning(monitoring, 'careful');
    CDKTF_ENGINE.addWarning(monitoring, 'also');
    expect(monitoring.node.metadata.filter((m) => m.type === '@cdktf/warn')).toEqual([
      { type: '@cdktf/warn', data: 'careful', trace: undefined },
      { type: '@cdktf/warn', data: 'also', trace: undefined },
    ]);
  });

  test('stackOf: the TerraformStack, or undefined outside one', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const inner = new Construct(new Construct(stack, 'a'), 'b');
    expect(CDKTF_ENGINE.stackOf(inner)).toBe(stack);
    expect(CDKTF_ENGINE.stackOf(new Construct(app, 'loose'))).toBeUndefined();
  });

  test('onSynthesize writes the rendered files to cdktf.out/stacks/<stack>/rendered/<id>', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-monitoring-engine-out-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'dev');
      const monitoring = new MonitoringStack(stack, 'mon', { environment: 'dev', target: new DockerHostTarget() });
      new ServiceScrape(monitoring, 'api', { targets: ['api:8000'] }); // declared after the MonitoringStack: written at synth
      app.synth();
      expect(fs.readFileSync(path.join(outdir, 'stacks/dev/rendered/mon/prometheus/prometheus.yml'), 'utf8')).toContain('job_name: api\n');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('environment topology: each target reports its own, the environment numbers the hosts', () => {
  const host = (alias?: string): TargetDockerHost => ({ alias, label: alias?.replace(/^agent-/, ''), containers: [], createdNetworks: [alias ?? 'net'], loaders: 0 });

  test('hosts in target order; unnamed hosts numbered by position; GrafanaTarget added as a managed service', () => {
    const engine = new RecordingEngine();
    const topology = environmentTopology([
      fakeTarget(engine, 'A', [host(), host('agent-app-1')]),
      { kind: 'GrafanaTarget', engine, bind: () => undefined },
      fakeTarget(engine, 'B', [host()]),
    ]);
    expect(topology.targetKinds).toEqual(['A', 'GrafanaTarget', 'B']);
    expect(topology.hosts.map((h) => [h.id, h.label, h.createdNetworks[0]])).toEqual([
      ['docker', undefined, 'net'],
      ['agent-app-1', 'app-1', 'agent-app-1'],
      ['docker-3', undefined, 'net'],
    ]);
    expect(topology.services.map((s) => s.id)).toEqual(['grafana-api']);
  });

  test('the Docker host target reports its containers from its Terraform resources', () => {
    const { monitoring } = dockerEnvironment();
    const topology = environmentTopology(monitoring.targets);
    expect(topology.hosts.map((h) => h.id)).toEqual(['docker']);
    expect(topology.hosts[0].containers.map((c) => c.alias)).toEqual(expect.arrayContaining(['prometheus', 'alertmanager', 'grafana']));
  });
});
