import { execFile } from 'node:child_process';
import * as path from 'node:path';

/** Why the changed files could not be listed: a usage problem (bad ref, not a repository). */
export class GitChangesError extends Error {
  override name = 'GitChangesError';
}

function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new GitChangesError(stderr.trim().split('\n')[0] || error.message));
      else resolve(stdout);
    });
  });
}

function splitNul(output: string): string[] {
  return output.split('\0').filter(Boolean);
}

/**
 * Files changed since the merge base of `ref` and HEAD, as a pull request shows them: what
 * the branch committed since it left `ref`, plus uncommitted and untracked files (not
 * ignored). Deleted files are left out. Absolute paths.
 */
export async function findChangedFiles(ref: string, cwd: string): Promise<string[]> {
  if (ref.startsWith('-')) throw new GitChangesError(`"${ref}" is not a git revision`);
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch {
    throw new GitChangesError(`${cwd} is not inside a git work tree`);
  }
  let base: string;
  try {
    base = (await git(['merge-base', ref, 'HEAD'], top)).trim();
  } catch (error) {
    throw new GitChangesError(`no merge base of "${ref}" and HEAD (${(error as Error).message}); with actions/checkout, set fetch-depth: 0`);
  }
  const changed = await git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', base, '--'], top);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], top);
  const files = new Set([...splitNul(changed), ...splitNul(untracked)]);
  return [...files].sort().map((file) => path.join(top, file));
}
