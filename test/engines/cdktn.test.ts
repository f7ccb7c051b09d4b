import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packStaged, run } from '../packaging/pack';

// cdktn cannot be a dev dependency here (it wants constructs <10.8.0; this repository has 10.8), so the engine is tested
// the way a user gets it: the packed library installed into a cdktn app with cdktn 0.24.0 and a constructs it accepts,
// from the npm registry. cdktn itself runs on this machine's Node 20 (only cdktn-cli needs Node >= 22.19; docs/cdktn.md).
const CDKTN = '0.24.0';
const CONSTRUCTS = '10.7.2';

/** A cdktn app with a target of its own: its one resource is a Terraform output holding the rendered prometheus.yml. */
const APP_JS = `const { AnnotationMetadataEntryType, App, TerraformOutput, TerraformStack } = require('cdktn');
const { AlertGroup, CDKTN_ENGINE, MonitoringStack, ServiceScrape, Severity } = require('cdktf-monitoring/cdktn');

class OutputTarget {
  constructor() {
    this.kind = 'OutputTarget';
    this.engine = CDKTN_ENGINE;
  }
  bind(monitoring) {
    const prometheusYml = monitoring.engine.lazyString(() => monitoring.renderedFiles()['prometheus/prometheus.yml']);
    new TerraformOutput(CDKTN_ENGINE.stackOf(monitoring), 'prometheus_yml', { value: prometheusYml });
  }
}

const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'ops');
const monitoring = new MonitoringStack(stack, 'monitoring', { environment: 'ops', target: new OutputTarget() });
new AlertGroup(monitoring, 'web-health', {
  rules: [{ alert: 'WebDown', expr: 'up{job="web"} == 0', for: '2m', severity: Severity.CRITICAL, summary: 'web is down' }],
});
// declared after the target created its output: the output's value is produced at synth
new ServiceScrape(monitoring, 'web', { targets: ['web:8080'] });
app.synth();
const warnings = monitoring.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => m.data);
console.log(JSON.stringify({ engine: monitoring.engine.name, stack: CDKTN_ENGINE.stackOf(monitoring).node.path, warnings }));
`;

describe('CDKTN_ENGINE in a cdktn app (cdktn 0.24.0)', () => {
  test('npm pack → install beside cdktn and constructs → synth: lazy values, rendered files, warnings, the stack', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-cdktn-'));
    try {
      const tarball = packStaged(work);
      const app = path.join(work, 'app');
      fs.mkdirSync(app);
      fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'ops-cdktn', private: true, version: '0.1.0' }));
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn', tarball, `cdktn@${CDKTN}`, `constructs@${CONSTRUCTS}`], app);
      expect(fs.existsSync(path.join(app, 'node_modules/cdktf'))).toBe(false);
      fs.writeFileSync(path.join(app, 'main.js'), APP_JS);

      const out = path.join(app, 'cdktf.out');
      const printed = JSON.parse(run(process.execPath, ['main.js', out], app).trim().split('\n').pop()!);
      expect(printed.engine).toBe('cdktn');
      expect(printed.stack).toBe('ops');
      expect(printed.warnings).toEqual([expect.stringContaining('no AlertRouting declared')]);

      const tf = JSON.parse(fs.readFileSync(path.join(out, 'stacks/ops/cdk.tf.json'), 'utf8'));
      expect(tf.output.prometheus_yml.value).toContain('job_name: web\n');
      const rendered = path.join(out, 'stacks/ops/rendered/monitoring');
      expect(fs.readFileSync(path.join(rendered, 'prometheus/prometheus.yml'), 'utf8')).toBe(tf.output.prometheus_yml.value);
      expect(fs.readFileSync(path.join(rendered, 'prometheus/rules/web-health.yml'), 'utf8')).toContain('alert: WebDown');
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 600_000);
});
