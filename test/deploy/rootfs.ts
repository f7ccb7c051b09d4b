import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TarEntry, tarArchive } from './tar';

/** Owner and mode of a path in an image. */
export interface Ownership {
  readonly uid?: number;
  readonly gid?: number;
  readonly mode?: number;
}

/**
 * A root filesystem assembled in memory for `FROM scratch` images: directories, files copied from the host or given
 * inline, symlinks, and ELF programs with the shared libraries `ldd` says they load. Parents are created root-owned
 * 0755 unless added explicitly first.
 */
export class Rootfs {
  private readonly entries = new Map<string, TarEntry>();
  private readonly mtime = Math.floor(Date.now() / 1000);

  /** Adds a directory (and its parents). */
  public dir(dir: string, own: Ownership = {}): this {
    const clean = path.posix.normalize(dir).replace(/\/$/, '');
    if (clean === '' || clean === '/') return this;
    this.dir(path.posix.dirname(clean));
    const name = clean.slice(1);
    const existing = this.entries.get(name);
    if (!existing || Object.keys(own).length > 0) {
      this.entries.set(name, { name, type: 'dir', mode: own.mode ?? 0o755, uid: own.uid ?? 0, gid: own.gid ?? 0, mtime: this.mtime });
    }
    return this;
  }

  /** Adds a file with inline content. */
  public file(file: string, content: Buffer | string, own: Ownership = {}): this {
    this.dir(path.posix.dirname(file));
    const name = file.replace(/^\//, '');
    this.entries.set(name, { name, type: 'file', content, mode: own.mode ?? 0o644, uid: own.uid ?? 0, gid: own.gid ?? 0, mtime: this.mtime });
    return this;
  }

  /** Copies a host file (following symlinks), keeping its permission bits unless `own.mode` is given. */
  public copy(file: string, hostPath: string, own: Ownership = {}): this {
    const stat = fs.statSync(hostPath);
    return this.file(file, fs.readFileSync(hostPath), { ...own, mode: own.mode ?? stat.mode & 0o7777 });
  }

  /** Copies a host directory tree: files, directories and symlinks (kept as links, even dangling ones). */
  public copyTree(dir: string, hostDir: string): this {
    this.dir(dir);
    for (const entry of fs.readdirSync(hostDir, { withFileTypes: true })) {
      const host = path.join(hostDir, entry.name);
      const inImage = path.posix.join(dir, entry.name);
      if (entry.isSymbolicLink()) this.symlink(inImage, fs.readlinkSync(host));
      else if (entry.isDirectory()) this.copyTree(inImage, host);
      else this.copy(inImage, host);
    }
    return this;
  }

  /** Adds a symlink. */
  public symlink(link: string, target: string): this {
    this.dir(path.posix.dirname(link));
    const name = link.replace(/^\//, '');
    this.entries.set(name, { name, type: 'symlink', linkTarget: target, uid: 0, gid: 0, mtime: this.mtime });
    return this;
  }

  /**
   * Copies an ELF program and every shared library it loads, at the paths `ldd` reports (Debian's Go builds link
   * only libc). A static program brings nothing else.
   */
  public program(file: string, hostPath: string): this {
    this.copy(file, hostPath, { mode: 0o755 });
    const ldd = spawnSync('ldd', [hostPath], { encoding: 'utf8' });
    if (ldd.error) throw new Error(`ldd is needed to find the libraries of ${hostPath}: ${ldd.error.message} (apt-get install -y libc-bin)`);
    for (const line of ldd.stdout.split('\n')) {
      // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)"
      const m = line.match(/^\s*(?:\S+\s+=>\s+)?(\/\S+)\s+\(0x[0-9a-f]+\)/);
      if (m && !this.entries.has(m[1].slice(1))) this.copy(m[1], fs.realpathSync(m[1]), { mode: 0o755 });
    }
    return this;
  }

  /** True when the path was added. */
  public has(file: string): boolean {
    return this.entries.has(file.replace(/^\//, ''));
  }

  /** The tar archive of the tree, directories before their contents. */
  public tar(): Buffer {
    const sorted = [...this.entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return tarArchive(sorted);
  }
}
