import { duplicate } from '../model/errors';
import { Integration, Receiver } from '../model/receivers';
import { IntegrationDefaults } from './alertmanager-global';
import { importIntegration, INTEGRATIONS } from './alertmanager-integrations';
import { unsupportedIntegration } from './messages';
import { SourceNode } from './yaml-source';

/** Integrations Alertmanager has that the library has no receiver for, with a hint where there is a way out. */
const OTHER_INTEGRATIONS: Readonly<Record<string, string | undefined>> = {
  victorops_configs: undefined,
  pushover_configs: undefined,
  sns_configs: undefined,
  telegram_configs: undefined,
  wechat_configs: undefined,
  webex_configs: undefined,
  discord_configs: undefined,
  jira_configs: undefined,
  rocketchat_configs: undefined,
  msteams_configs: 'Office 365 connectors are retired: use `msteamsv2_configs` (Teams Workflows, Alertmanager 0.28)',
};

/** The imported receivers, and whether one of them needs Alertmanager 0.28. */
export interface ImportedReceivers {
  readonly receivers: Receiver[];
  readonly needs028: boolean;
}

/** Imports the `receivers:` list; each receiver is validated like typed input (`Receiver.validate`). */
export function importReceivers(node: SourceNode | undefined, defaults: IntegrationDefaults): ImportedReceivers {
  const receivers: Receiver[] = [];
  const seen = new Map<string, string>();
  let needs028 = false;
  for (const item of node?.seq('a list of receivers') ?? []) {
    const bare = item.map('a receiver: a map with `name:` and integrations such as `email_configs:`');
    const name = bare.req('name', 'the receiver name').string('a receiver name');
    const first = seen.get(name);
    if (first !== undefined) throw duplicate(bare.get('name')!.where, `${item.path}.name`, name, first);
    seen.set(name, item.path);
    const map = bare.named(`receiver ${name}`);
    const supported = Object.keys(INTEGRATIONS);
    const integrations: Integration[] = [];
    for (const key of map.keys()) {
      if (key in OTHER_INTEGRATIONS) {
        const at = map.keyOf(key);
        throw unsupportedIntegration(at.where, at.field, key, supported, OTHER_INTEGRATIONS[key]);
      }
    }
    map.checkKeys('a receiver', ['name', ...supported]);
    for (const key of map.keys().filter((k) => k !== 'name')) {
      // File order, so the first error reported is the first in the file.
      for (const config of map.opt(key)?.seq(`a list of ${key} entries`) ?? []) integrations.push(importIntegration(key, config, defaults));
      if (key === 'msteamsv2_configs' && map.opt(key) !== undefined) needs028 = true;
    }
    const receiver = integrations.length === 0 ? Receiver.discard(name) : Receiver.of(name, integrations);
    // The same validation as typed input.
    receiver.validate(`${bare.node.where}, ${item.path}`);
    receivers.push(receiver);
  }
  return { receivers, needs028 };
}
