import * as fs from 'fs';
import * as path from 'path';
import type { RenderedFiles } from '../../render/environment-files';

/** Writes `files` (relative path → text) under `dir`, creating directories as needed. */
export function writeFiles(dir: string, files: RenderedFiles): void {
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}
