/** One entry of a tar archive. */
export interface TarEntry {
  /** Path inside the archive, as written into the header (may be absolute, as the provider's uploads are). */
  readonly name: string;
  readonly type: 'file' | 'dir' | 'symlink';
  /** File content (files only). */
  readonly content?: Buffer | string;
  /** Link target (symlinks only). */
  readonly linkTarget?: string;
  /** Permission bits. @default 0o644 for files, 0o755 for directories, 0o777 for symlinks */
  readonly mode?: number;
  /** @default 0 */
  readonly uid?: number;
  /** @default 0 */
  readonly gid?: number;
  /** Modification time in seconds since the epoch. @default now */
  readonly mtime?: number;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  // width - 1 digits, then NUL, as Go's archive/tar and GNU tar write numeric fields.
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, typeflag: string, entry: Pick<TarEntry, 'mode' | 'uid' | 'gid' | 'mtime' | 'linkTarget'>, mode: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    // USTAR splits a long path into prefix (155) / name (100) at a slash.
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar: path too long for a ustar header: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, 'utf8');
  h.write(octal(mode, 8), 100, 8, 'ascii');
  h.write(octal(entry.uid ?? 0, 8), 108, 8, 'ascii');
  h.write(octal(entry.gid ?? 0, 8), 116, 8, 'ascii');
  h.write(octal(size, 12), 124, 12, 'ascii');
  h.write(octal(entry.mtime ?? Math.floor(Date.now() / 1000), 12), 136, 12, 'ascii');
  h.write('        ', 148, 8, 'ascii'); // checksum placeholder: eight spaces
  h.write(typeflag, 156, 1, 'ascii');
  if (entry.linkTarget) h.write(entry.linkTarget, 157, 100, 'utf8');
  h.write('ustar\u000000', 257, 8, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7) + ' ', 148, 8, 'ascii');
  return h;
}

/** Builds an uncompressed USTAR archive of `entries`, in the order given. */
export function tarArchive(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    if (entry.type === 'file') {
      const content = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content ?? '', 'utf8');
      parts.push(header(entry.name, content.length, '0', entry, entry.mode ?? 0o644), content);
      const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
      if (pad) parts.push(Buffer.alloc(pad, 0));
    } else if (entry.type === 'dir') {
      parts.push(header(entry.name.endsWith('/') ? entry.name : `${entry.name}/`, 0, '5', entry, entry.mode ?? 0o755));
    } else {
      parts.push(header(entry.name, 0, '2', entry, entry.mode ?? 0o777));
    }
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}
