import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { memoize } from './memoize';
import { toPosixPath } from './paths';

interface IgnoreLevel {
  directory: string;
  rules: Ignore;
}

export interface GitignoreRules {
  /**
   * Whether the .gitignore files from `base` down to the path's directory (and, at the top of a
   * git work tree, `.git/info/exclude`) ignore it. The last level that says anything wins, so a
   * deeper `!pattern` re-includes, as in git.
   */
  isIgnored(absolutePath: string, isDirectory: boolean, base: string): Promise<boolean>;
}

async function readText(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}

/**
 * The repository's own exclude file: `.git/info/exclude`, or for a linked worktree (`.git` is a
 * file saying `gitdir: …`) the one in the common git directory that all worktrees share.
 */
async function findExcludeFile(directory: string): Promise<string | undefined> {
  const dotGit = path.join(directory, '.git');
  const stat = await fs.stat(dotGit).catch(() => undefined);
  if (!stat) return undefined;
  if (stat.isDirectory()) return path.join(dotGit, 'info', 'exclude');
  const pointer = /^gitdir:\s*(.+?)\s*$/m.exec((await readText(dotGit)) ?? '');
  if (!pointer) return undefined;
  const gitDir = path.resolve(directory, pointer[1]);
  const common = (await readText(path.join(gitDir, 'commondir')))?.trim();
  return path.join(common ? path.resolve(gitDir, common) : gitDir, 'info', 'exclude');
}

/** A directory's rules: `.git/info/exclude` first (git gives it the lowest priority), then `.gitignore`. */
async function loadLevels(directory: string): Promise<IgnoreLevel[]> {
  const levels: IgnoreLevel[] = [];
  const excludeFile = await findExcludeFile(directory);
  const exclude = excludeFile === undefined ? undefined : await readText(excludeFile);
  if (exclude !== undefined) levels.push({ directory, rules: ignore().add(exclude) });
  const gitignore = await readText(path.join(directory, '.gitignore'));
  if (gitignore !== undefined) levels.push({ directory, rules: ignore().add(gitignore) });
  return levels;
}

/** Reads each .gitignore once; the levels of every directory are kept for the whole walk. */
export function createGitignoreRules(): GitignoreRules {
  const levelsOf = memoize(loadLevels);
  const chainOf = (directory: string, base: string) => chains(`${base}\0${directory}`);
  const chains = memoize(async (key: string): Promise<IgnoreLevel[]> => {
    const [base, directory] = key.split('\0');
    const parent = path.dirname(directory);
    const above = directory === base || parent === directory ? [] : await chainOf(parent, base);
    return [...above, ...(await levelsOf(directory))];
  });

  return {
    async isIgnored(absolutePath, isDirectory, base) {
      if (absolutePath === base) return false;
      let ignored = false;
      for (const level of await chainOf(path.dirname(absolutePath), base)) {
        const relative = toPosixPath(path.relative(level.directory, absolutePath)) + (isDirectory ? '/' : '');
        const verdict = level.rules.test(relative);
        if (verdict.ignored) ignored = true;
        else if (verdict.unignored) ignored = false;
      }
      return ignored;
    },
  };
}

/** The directory of the enclosing git work tree (the one holding `.git`), if any. */
export async function findGitRoot(directory: string): Promise<string | undefined> {
  for (let current = directory; ; current = path.dirname(current)) {
    try {
      await fs.access(path.join(current, '.git'));
      return current;
    } catch {
      if (path.dirname(current) === current) return undefined;
    }
  }
}
