import { IMAGE_FACTS } from './images';
import { ContainerSpec, resolveDeferred } from './spec';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * A Markdown table of what a Docker host runs, made from the same specs the target turns into resources: the README
 * shows it, and a test keeps the two equal.
 */
export function containerTable(specs: readonly ContainerSpec[]): string {
  const rows = specs.map((spec) => {
    const facts = IMAGE_FACTS[spec.imageKey];
    const user = spec.user ?? `${facts.user.uid}:${facts.user.gid} (image)`;
    const writes = [
      ...(spec.dataVolume ? [`${spec.dataVolume.path} (volume${spec.dataVolume.preventDestroy ? ', prevent_destroy' : ''})`] : []),
      ...Object.keys(spec.tmpfs).map((p) => `${p} (tmpfs)`),
    ];
    const health = spec.healthcheck.test.slice(1).join(' ').replace(/^bash -c .*GET (\S+) .*$/, 'bash /dev/tcp GET $1');
    const socket = spec.dockerSocket === undefined ? undefined : resolveDeferred(spec.dockerSocket);
    const exceptions = [
      ...spec.hostMounts.map((m) => `${m.hostPath} → ${m.containerPath}${m.readOnly ? ' (ro' : ' (rw'}${m.propagation ? `, ${m.propagation}` : ''}): ${m.reason}`),
      ...(socket ? [`${socket.hostPath} → ${socket.containerPath} (ro, group_add ${socket.groupId}): ${socket.reason}`] : []),
      ...spec.capabilities.map((c) => `CAP_${c.name}: ${c.reason}`),
      ...spec.exceptions,
    ];
    return `| ${[spec.name, `\`${spec.image}\``, user, writes.join(', ') || '–', `\`${health}\``, exceptions.join('; ') || '–'].map(cell).join(' | ')} |`;
  });
  return ['| container | image | user | writes | healthcheck | exceptions, with their reason |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
