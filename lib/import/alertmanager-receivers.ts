import { integrationRequirement } from '../model/alertmanager-versions';
import { duplicate, missing } from '../model/errors';
import { GLOBAL_FIELDS, missingInherited } from '../model/receivers/global';
import { AlertmanagerGlobal, Integration, Receiver } from '../model/receivers';
import { integrationSpec, INTEGRATIONS_NOT_SUPPORTED } from '../model/receivers/specs';
import { importIntegration, INTEGRATION_KEYS } from './alertmanager-integrations';
import { refuseNotSupported } from './alertmanager-fields';
import { unsupportedIntegration } from './messages';
import { SourceNode } from './yaml-source';

/** The imported receivers, and the newest Alertmanager minor version one of them needs (0 when none). */
export interface ImportedReceivers {
  readonly receivers: Receiver[];
  readonly needsMinor: number;
}

/**
 * Imports the `receivers:` list; each receiver is validated like typed input (`Receiver.validate`), with the file's
 * `global` applied the way Alertmanager applies it.
 */
export function importReceivers(node: SourceNode | undefined, global: AlertmanagerGlobal | undefined): ImportedReceivers {
  const receivers: Receiver[] = [];
  const seen = new Map<string, string>();
  let needsMinor = 0;
  for (const item of node?.seq('a list of receivers') ?? []) {
    const bare = item.map('a receiver: a map with `name:` and integrations such as `email_configs:`');
    const name = bare.req('name', 'the receiver name').string('a receiver name');
    const first = seen.get(name);
    if (first !== undefined) throw duplicate(bare.get('name')!.where, `${item.path}.name`, name, first);
    seen.set(name, item.path);
    const map = bare.named(`receiver ${name}`);
    const integrations: Integration[] = [];
    for (const key of map.keys()) {
      if (key in INTEGRATIONS_NOT_SUPPORTED) {
        const at = map.keyOf(key);
        throw unsupportedIntegration(at.where, at.field, key, INTEGRATION_KEYS, INTEGRATIONS_NOT_SUPPORTED[key]);
      }
    }
    refuseNotSupported(map, 'a receiver', ['name', ...INTEGRATION_KEYS], {
      labels: 'receiver labels (Alertmanager 0.33+, for filtering in its API) are not modelled: remove them; routing does not use them',
    });
    map.checkKeys('a receiver', ['name', ...INTEGRATION_KEYS]);
    for (const key of map.keys().filter((k) => k !== 'name')) {
      // File order, so the first error reported is the first in the file.
      for (const config of map.opt(key)?.seq(`a list of ${key} entries`) ?? []) {
        const integration = importIntegration(key, config);
        // Fields Alertmanager requires once `global` is applied, reported at the entry with the YAML names.
        const lack = missingInherited(integration, global)[0];
        if (lack) {
          const spec = integrationSpec(integration.type)!;
          const field = spec.fields.find((f) => f.prop === lack.prop)!;
          const yamlKey = field.kind === 'secret' ? `${field.key}_file` : field.key;
          const globalField = GLOBAL_FIELDS.find((f) => f.prop === lack.from)!;
          const globalKey = globalField.kind === 'secret' ? `${globalField.key}_file` : globalField.key;
          throw missing(config.where, `${config.path}.${yamlKey}`, `${lack.what}, here or as global \`${globalKey}\``);
        }
        needsMinor = Math.max(needsMinor, integrationRequirement(integration)?.minor ?? 0);
        integrations.push(integration);
      }
    }
    const receiver = integrations.length === 0 ? Receiver.discard(name) : Receiver.of(name, integrations);
    // The same validation as typed input.
    receiver.validate(`${bare.node.where}, ${item.path}`, global ?? {});
    receivers.push(receiver);
  }
  return { receivers, needsMinor };
}
