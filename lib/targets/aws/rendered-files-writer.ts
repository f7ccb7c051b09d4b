import * as fs from 'fs';
import * as path from 'path';
import { ISynthesisSession, TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct } from 'constructs';
import { MonitoringStack } from '../../constructs/monitoring-stack';
import { RenderedFiles } from '../../render/environment-files';

/**
 * Writes `files()` under `cdktf.out/stacks/<stack>/rendered/<monitoring id>/` at synth, next to the environment's own
 * files. cdktf runs custom synthesis in post-order and the MonitoringStack clears that directory in its own, so the
 * writer is a sibling created after the MonitoringStack (visited after it), not a child of the target.
 * Once MonitoringStack collects files from its targets, this goes away.
 */
export function writeFilesAfterMonitoringStack(monitoring: MonitoringStack, files: () => RenderedFiles): void {
  const parent = monitoring.node.scope as Construct;
  const writer = new Construct(parent, `${monitoring.node.id}-aws-rendered-files`);
  addCustomSynthesis(writer, {
    onSynthesize: (session: ISynthesisSession) => {
      const stack = TerraformStack.of(monitoring);
      const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory, 'rendered', monitoring.node.id);
      for (const [file, content] of Object.entries(files())) {
        const target = path.join(dir, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
    },
  });
}
