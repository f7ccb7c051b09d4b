import { Duration } from '../model/duration';
import { AlertmanagerGlobal } from '../model/receivers';
import { GLOBAL_FIELDS } from '../model/receivers/global';
import { ALERTMANAGER, importFields } from './alertmanager-fields';
import { SourceNode } from './yaml-source';

export { ALERTMANAGER };

/** The imported `global` section. */
export interface ImportedGlobal {
  /** `resolve_timeout`. @default - Alertmanager's default (5m) */
  readonly resolveTimeout?: Duration;
  /** Everything else of `global`: the defaults the integrations inherit. @default - none */
  readonly global?: AlertmanagerGlobal;
}

/**
 * Imports Alertmanager's `global` section by the table of lib/model/receivers/global.ts: every field Alertmanager
 * v0.34 has is read (secrets from their `_file` forms), so nothing of it is dropped.
 */
export function importAlertmanagerGlobal(node: SourceNode | undefined): ImportedGlobal {
  if (node === undefined || node.isNull) return {};
  const map = node.map('global settings');
  const global = importFields(map, GLOBAL_FIELDS, 'global', ['resolve_timeout']) as AlertmanagerGlobal;
  const resolve = map.opt('resolve_timeout');
  return {
    resolveTimeout: resolve === undefined ? undefined : Duration.parse(resolve.string('a duration'), resolve.where, resolve.field),
    global: Object.keys(global).length > 0 ? global : undefined,
  };
}
