import { createHash } from 'node:crypto';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * What a run left in its sandbox: every entry under the run's cwd, except the program's own files,
 * as one line each, sorted by path: `dir/`, `path  <size> bytes  sha256:<first 16 hex>`, or
 * `path -> target` for a symbolic link. Two runs with the same side effects on disk give the
 * same list.
 */
export async function listSandboxFiles(dir: string, programFiles: string | readonly string[]): Promise<string[]> {
  const skipped = new Set(typeof programFiles === 'string' ? [programFiles] : programFiles);
  const listed: string[] = [];
  async function walk(current: string): Promise<void> {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      const path = relative(dir, full).split('\\').join('/');
      if (skipped.has(path)) continue;
      if (entry.isSymbolicLink()) listed.push(`${path} -> ${await readlink(full)}`);
      else if (entry.isDirectory()) {
        listed.push(`${path}/`);
        await walk(full);
      } else if (entry.isFile()) {
        const content = await readFile(full);
        listed.push(`${path}  ${content.length} bytes  sha256:${createHash('sha256').update(content).digest('hex').slice(0, 16)}`);
      } else listed.push(`${path}  (not a file)`);
    }
  }
  await walk(dir);
  return listed.sort();
}
