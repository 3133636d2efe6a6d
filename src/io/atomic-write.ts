import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Matches the `.awaitify-tmp-*` line in .gitignore. */
const tempPrefix = '.awaitify-tmp-';

/**
 * Replaces a file's content in one step: a temp file in the same directory (same file system),
 * then rename, so that readers see the old file or the new one, never half of one. A link is
 * followed to its target and stays a link; mode (and owner, where allowed) are kept.
 * A hard-linked file gets a new inode, as with most editors.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const target = await fs.realpath(file);
  const stat = await fs.stat(target);
  const temp = path.join(path.dirname(target), `${tempPrefix}${path.basename(target)}-${randomBytes(6).toString('hex')}`);
  try {
    await fs.writeFile(temp, text, { flag: 'wx', mode: stat.mode & 0o7777 });
    await fs.chmod(temp, stat.mode & 0o7777); // the umask may have cut the mode above
    await fs.chown(temp, stat.uid, stat.gid).catch(() => undefined); // only root may; fine otherwise
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
