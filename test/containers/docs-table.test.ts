import * as fs from 'fs';
import * as path from 'path';
import { BEGIN, devContainerTable, END } from '../../scripts/docker-host-table';

test("docs/docker-host.md shows exactly the dev stack's container specs (regenerate: npx ts-node --transpile-only scripts/docker-host-table.ts)", () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/docker-host.md'), 'utf8');
  const block = doc.slice(doc.indexOf(BEGIN) + BEGIN.length, doc.indexOf(END));
  expect(block).toBe(`\n${devContainerTable()}\n`);
});
