/** The directory part of a glob before its first wildcard: `/var/log/app/*.log` → `/var/log/app`. */
export function globBaseDir(glob: string): string {
  const parts = glob.split('/');
  const firstWild = parts.findIndex((p) => /[*?[{]/.test(p));
  const dirParts = firstWild < 0 ? parts.slice(0, -1) : parts.slice(0, firstWild);
  const dir = dirParts.join('/');
  return dir === '' ? '/' : dir;
}

/** The smallest set of directories that covers `dirs` (a directory under another listed one is dropped), sorted. */
export function coveringDirs(dirs: readonly string[]): string[] {
  const unique = [...new Set(dirs)].sort();
  return unique.filter((d) => !unique.some((p) => p !== d && d.startsWith(`${p}/`)));
}
