import { Secret } from '../model/secret';
import { literalSecret } from './messages';
import { SourceMap, SourceNode } from './yaml-source';

/** `{ [key]: value }` when value is defined, else `{}`: keeps optional fields out of imported objects. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A `*_file` path as a Secret; the path must be absolute (it is read inside the container). */
export function fileSecret(node: SourceNode, program: string): Secret {
  const path = node.string('a file path');
  if (!path.startsWith('/')) {
    throw node.invalid(`an absolute path inside the ${program} container, e.g. "/run/secrets/${node.path.split('.').pop()?.replace(/_file$/, '')}"`);
  }
  return Secret.fromFile(path);
}

/**
 * Reads a secret that may be given as `<key>_file` (imported as Secret.fromFile) but never literally as `<key>`.
 * @returns the Secret, or undefined when neither key is set
 */
export function secretField(map: SourceMap, key: string, program: string, fileKey = `${key}_file`): Secret | undefined {
  const literal = map.opt(key);
  if (literal !== undefined) throw literalSecret(literal.where, literal.field, fileKey, program);
  const file = map.opt(fileKey);
  return file === undefined ? undefined : fileSecret(file, program);
}
