import { randomBytes } from 'node:crypto';
import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';

/** Matches the `.awaitify-tmp-*` line in .gitignore. */
const tempPrefix = '.awaitify-tmp-';

/** A file awaitify will not write, and why; the message names the file. */
export class WriteRefusedError extends Error {
  override name = 'WriteRefusedError';
}

async function canAccess(file: string, mode: number): Promise<boolean> {
  return fs.access(file, mode).then(
    () => true,
    () => false,
  );
}

/**
 * Read-only by its mode (no write bit for anyone: root could write it anyway, but the owner said
 * no, as ESLint and prettier respect) or by the permissions of the user running awaitify.
 */
async function isReadOnly(target: string, stat: Stats, accessMode: number): Promise<boolean> {
  return (stat.mode & 0o222) === 0 || !(await canAccess(target, accessMode));
}

/** Why the file cannot be replaced through a temp file beside it, or undefined. */
async function findWriteProblem(file: string, target: string, stat: Stats): Promise<string | undefined> {
  if (await isReadOnly(target, stat, constants.W_OK)) return `${file}: the file is read-only; not written`;
  const folder = path.dirname(target);
  if (await isReadOnly(folder, await fs.stat(folder), constants.W_OK | constants.X_OK)) return folderRefusal(file, folder);
  return undefined;
}

function folderRefusal(file: string, folder: string, cause?: string): string {
  return `${file}: not written: its folder ${folder} is read-only${cause ? ` (${cause})` : ''}, and awaitify writes a temporary file beside the file and renames it over, never in place`;
}

/** Why `file` could not be written (read-only file or folder), or undefined; for the run to plan around it before anything is written. */
export async function explainWriteProblem(file: string, displayPath = file): Promise<string | undefined> {
  try {
    const target = await fs.realpath(file);
    return await findWriteProblem(displayPath, target, await fs.stat(target));
  } catch (error) {
    return `${displayPath}: cannot be written (${(error as Error).message})`;
  }
}

const permissionCodes = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Replaces a file's content in one step: a temp file in the same directory (same file system),
 * flushed to disk, then rename, so that readers (and a run killed at any moment) see the old
 * file or the new one, never half of one. A link is followed to its target and stays a link;
 * mode (and owner, where allowed) are kept. A hard-linked file gets a new inode, as with most
 * editors. A read-only file, or one in a read-only folder, is refused (WriteRefusedError).
 * `displayPath` names the file in messages.
 */
export async function writeFileAtomically(file: string, text: string, displayPath = file): Promise<void> {
  const target = await fs.realpath(file);
  const stat = await fs.stat(target);
  const problem = await findWriteProblem(displayPath, target, stat);
  if (problem) throw new WriteRefusedError(problem);
  const temp = path.join(path.dirname(target), `${tempPrefix}${path.basename(target)}-${randomBytes(6).toString('hex')}`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(temp, 'wx', stat.mode & 0o7777);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (permissionCodes.has(code)) throw new WriteRefusedError(folderRefusal(displayPath, path.dirname(target), code));
    throw error;
  }
  try {
    try {
      await handle.writeFile(text);
      await handle.chmod(stat.mode & 0o7777); // the umask may have cut the mode above
      await handle.chown(stat.uid, stat.gid).catch(() => undefined); // only root may; fine otherwise
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Creates a file that does not exist yet (the package's helper module), in one step: a temp file
 * beside it, flushed, then linked to its name, which fails rather than replace a file someone
 * created meanwhile. The folder is created when missing.
 */
export async function createFileAtomically(file: string, text: string, displayPath = file): Promise<void> {
  const folder = path.dirname(file);
  await fs.mkdir(folder, { recursive: true });
  const temp = path.join(folder, `${tempPrefix}${path.basename(file)}-${randomBytes(6).toString('hex')}`);
  try {
    await fs.writeFile(temp, text, { flag: 'wx' });
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new WriteRefusedError(`${displayPath}: created by someone else since the run looked; not written, run again`);
    if (permissionCodes.has(code)) throw new WriteRefusedError(folderRefusal(displayPath, folder, code));
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}
