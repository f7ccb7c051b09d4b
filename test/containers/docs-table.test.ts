import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { containerTable } from '../../lib/containers/docs-table';
import { DockerHost } from '../../lib/targets/docker/docker-host';
import { DevStack } from '../../stacks/dev';

test("docs/docker-host.md shows exactly the dev stack's container specs", () => {
  const dev = new DevStack(Testing.app(), 'dev');
  const table = containerTable((dev.monitoring.node.findChild('docker') as DockerHost).containerSpecs());
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/docker-host.md'), 'utf8');
  expect(doc).toContain(`\n${table}\n`);
});
