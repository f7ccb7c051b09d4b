import { CONFIG_ROOT } from '../model/layout';
import { ContainerSpec, ImageFacts, OwnedPath, resolveDeferred, resolveProgram } from './spec';

/** What a fresh named volume starts as where the image has no directory: Docker creates it root:root 0755. */
const FRESH_VOLUME: OwnedPath = { uid: 0, gid: 0, mode: 0o755 };
/** tmpfs mounts default to mode 1777. */
const TMPFS: OwnedPath = { uid: 0, gid: 0, mode: 0o1777 };

/** The uid and gids a spec's program runs with. */
export function effectiveUser(spec: ContainerSpec, facts: ImageFacts, extraGroups: readonly number[] = []): { uid: number; gids: number[] } {
  if (spec.user) {
    const [uid, gid] = spec.user.split(':').map(Number);
    return { uid, gids: [gid ?? uid, ...extraGroups] };
  }
  return { uid: facts.user.uid, gids: [facts.user.gid, ...extraGroups] };
}

/**
 * Whether `user` may create files in a directory owned as `owner`, with every capability dropped: no
 * CAP_DAC_OVERRIDE, so root is an ordinary owner too.
 */
export function canWrite(user: { uid: number; gids: readonly number[] }, owner: OwnedPath): boolean {
  if (user.uid === owner.uid) return (owner.mode & 0o300) === 0o300;
  if (user.gids.includes(owner.gid)) return (owner.mode & 0o030) === 0o030;
  return (owner.mode & 0o003) === 0o003;
}

/** Whether `user` may connect to a unix socket owned as `owner` (read and write permission on the socket file). */
export function canUseSocket(user: { uid: number; gids: readonly number[] }, owner: OwnedPath): boolean {
  if (user.uid === owner.uid) return (owner.mode & 0o600) === 0o600;
  if (user.gids.includes(owner.gid)) return (owner.mode & 0o060) === 0o060;
  return (owner.mode & 0o006) === 0o006;
}

/**
 * Checks a spec against the facts of its image and returns what is wrong (empty when nothing is):
 * the healthcheck's program exists in the image; the user can write every writable path (a data volume starts with
 * the owner and mode of the image's directory there, or root:root 0755 where the image has none; a tmpfs is 1777);
 * every writable path is a volume or a tmpfs; the config the command names is one of the files it is given.
 */
export function checkSpecAgainstFacts(spec: ContainerSpec, facts: ImageFacts, configFiles: readonly string[] = []): string[] {
  const problems: string[] = [];
  const [kind, program] = spec.healthcheck.test;
  if (kind === 'CMD' && resolveProgram(program, facts) === undefined) {
    problems.push(`healthcheck runs "${program}", which ${facts.repository}:${facts.tag} does not have (it has ${facts.binaries.join(', ')})`);
  }
  const user = effectiveUser(spec, facts);
  for (const path of spec.writablePaths) {
    let owner: OwnedPath | undefined;
    if (spec.tmpfs[path] !== undefined) owner = TMPFS;
    else if (spec.dataVolume?.path === path) owner = facts.ownedPaths[path] ?? FRESH_VOLUME;
    if (!owner) {
      problems.push(`writes ${path}, which is neither a data volume nor a tmpfs (the root filesystem is read-only)`);
      continue;
    }
    if (!canWrite(user, owner)) {
      problems.push(
        `runs as ${user.uid}:${user.gids[0]} and cannot write ${path} (owned ${owner.uid}:${owner.gid}, mode ${owner.mode.toString(8)}) with every capability dropped`,
      );
    }
  }
  const socket = spec.dockerSocket === undefined ? undefined : resolveDeferred(spec.dockerSocket);
  if (socket) {
    // dockerd creates its socket root:<--group, default "docker"> 0660 (docker/docker cmd/dockerd daemon_unix.go,
    // listeners.Init with the socket group); connecting needs read and write on it.
    const gid = typeof socket.groupId === 'number' ? socket.groupId : Number(socket.groupId);
    const withGroups = effectiveUser(spec, facts, Number.isInteger(gid) ? [gid] : []);
    if (withGroups.uid !== 0 && !(Number.isInteger(gid) && canUseSocket(withGroups, { uid: 0, gid, mode: 0o660 }))) {
      problems.push(`mounts the Docker socket but runs as ${withGroups.uid}:${withGroups.gids[0]} without its group (${socket.groupId}), so it cannot connect`);
    }
  }
  if (spec.configComponent && facts.configFlag) {
    const args = spec.command === undefined ? [] : resolveDeferred(spec.command);
    const env = spec.env ?? [];
    const given = [...args, ...env].find((a) => a.startsWith(`${facts.configFlag}=`));
    if (!given) {
      problems.push(`does not tell the program where its config is (${facts.configFlag})`);
    } else {
      const path = given.slice(facts.configFlag.length + 1);
      const inVolume = configFiles.some((f) => f === path || f.startsWith(`${path}/`));
      if (!path.startsWith(`${CONFIG_ROOT}/`) || !inVolume) problems.push(`reads its config from ${path}, where no rendered file is placed`);
    }
  }
  return problems;
}
