/**
 * Rewrites the container table in docs/docker-host.md from the dev stack's specs (the test in
 * test/containers/docs-table.test.ts fails until it is rerun after a spec changes):
 *   npx ts-node --transpile-only scripts/docker-host-table.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { containerTable } from '../lib/containers/docs-table';
import { DockerHost } from '../lib/targets/docker/docker-host';
import { DevStack } from '../stacks/dev';

export const BEGIN = '<!-- containers:begin (scripts/docker-host-table.ts) -->';
export const END = '<!-- containers:end -->';

/** The table of the dev stack's containers, as docs/docker-host.md shows it. */
export function devContainerTable(): string {
  const dev = new DevStack(Testing.app(), 'dev');
  return containerTable((dev.monitoring.node.findChild('docker') as DockerHost).containerSpecs());
}

if (require.main === module) {
  const file = path.join(__dirname, '../docs/docker-host.md');
  const doc = fs.readFileSync(file, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/docker-host.md has no ${BEGIN} … ${END} block`);
  fs.writeFileSync(file, `${doc.slice(0, start + BEGIN.length)}\n${devContainerTable()}\n${doc.slice(end)}`);
}
