import * as fs from 'fs';
import * as path from 'path';
import { Fixture, TF_JSON, writeRendered } from './fixture';

/**
 * The physical floor: put the final strings into the final JSON object, write it with JSON.stringify and
 * fs.writeFileSync, and write the rendered files. No construct tree, no tokens, no rendering.
 */
export function floorProgram(outdir: string, fixture: Fixture): void {
  const doc = fixture.skeleton;
  for (const container of Object.values<Record<string, any>>(doc.resource?.docker_container ?? {})) {
    if (container.upload === null) container.upload = fixture.uploads[container.name as string];
  }
  const target = path.join(outdir, TF_JSON);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(doc, null, 2));
  writeRendered(outdir, fixture.rendered);
}
