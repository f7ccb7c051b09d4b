import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';

/**
 * Synthesizes one stack the way `cdktf synth` does (App.synth into an outdir) and returns its parsed cdk.tf.json.
 * `make` builds the stack in the given app.
 */
export function synthStack(outdir: string, stackId: string, make: (app: App) => TerraformStack): Record<string, any> {
  const app = new App({ outdir });
  make(app);
  app.synth();
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stackId, 'cdk.tf.json'), 'utf8'));
}

/** A value for every declared Terraform variable: URLs point at the test's webhook container, the rest are dummies. */
export function variableValues(tf: Record<string, any>, webhookUrl: string): Record<string, string> {
  return Object.fromEntries(Object.keys(tf.variable ?? {}).map((name) => [name, /url/i.test(name) ? webhookUrl : `deploy-test-${name}`]));
}
