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
   * Whether the .gitignore files from `base` down to the path's directory ignore it. The last
   * level that says anything wins, so a deeper `!pattern` re-includes, as in git.
   */
  isIgnored(absolutePath: string, isDirectory: boolean, base: string): Promise<boolean>;
}

async function loadLevel(directory: string): Promise<IgnoreLevel | undefined> {
  try {
    const text = await fs.readFile(path.join(directory, '.gitignore'), 'utf8');
    return { directory, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

/** Reads each .gitignore once; the levels of every directory are kept for the whole walk. */
export function createGitignoreRules(): GitignoreRules {
  const levelOf = memoize(loadLevel);
  const chainOf = (directory: string, base: string) => chains(`${base}\0${directory}`);
  const chains = memoize(async (key: string): Promise<IgnoreLevel[]> => {
    const [base, directory] = key.split('\0');
    const parent = path.dirname(directory);
    const above = directory === base || parent === directory ? [] : await chainOf(parent, base);
    const own = await levelOf(directory);
    return own ? [...above, own] : above;
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
