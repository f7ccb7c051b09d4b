import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SECRETS_DIR } from '../../lib/model/secret';
import { requireTool } from '../helpers/tools';

/**
 * Writes an alertmanager.yml into a fresh directory, with the secret files it names (which exist only inside the
 * containers) pointed at stub files there, so amtool can load it. Returns the file's path.
 */
export function writeAlertmanagerConfig(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-paging-'));
  for (const match of text.matchAll(new RegExp(`${SECRETS_DIR}/([\\w.-]+)`, 'g'))) {
    fs.mkdirSync(path.join(dir, 'secrets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'secrets', match[1]), 'stub\n');
  }
  const file = path.join(dir, 'alertmanager.yml');
  fs.writeFileSync(file, text.split(`${SECRETS_DIR}/`).join(`${dir}/secrets/`));
  return file;
}

/**
 * The receivers `amtool config routes test` resolves for an alert with `labels`, in its order (it prints them
 * comma-separated). Labels are passed quoted (`name="value"`), as amtool's matcher parser reads them.
 */
export function amtoolReceivers(configFile: string, labels: Readonly<Record<string, string>>): string[] {
  const args = ['config', 'routes', 'test', `--config.file=${configFile}`, ...Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`)];
  const result = spawnSync(requireTool('amtool'), args, { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`amtool ${args.join(' ')} failed (${result.status}): ${result.stdout}${result.stderr}`);
  const line = result.stdout.trim().split('\n').pop() ?? '';
  return line === '' ? [] : line.split(',');
}
