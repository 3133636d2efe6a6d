import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findGitRoot } from './gitignore';
import { toPosixPath } from './paths';

function git(args: string[], cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/** Paths from `git status --porcelain -z`: "XY path\0", renames and copies add "\0from". */
function parsePorcelain(output: string): string[] {
  const paths: string[] = [];
  const entries = output.split('\0');
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index];
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') index += 1;
  }
  return paths;
}

/** Few enough paths per command to stay under command-line limits. */
const pathsPerCommand = 200;

export interface UncommittedFiles {
  /** Modified, staged or untracked: writing would mix awaitify's change with one not committed. */
  dirty: string[];
  /** In a git work tree, but git could not answer (not installed, unsafe directory, ...). */
  unknown: string[];
}

/** Groups files (by the real file a write would change) under the git work tree holding them. */
async function groupByWorkTree(files: string[]): Promise<Map<string, Map<string, string>>> {
  const groups = new Map<string, Map<string, string>>();
  for (const file of files) {
    const real = await fs.realpath(file).catch(() => file);
    const top = await findGitRoot(path.dirname(real));
    if (!top) continue; // outside git: nothing to lose
    const members = groups.get(top) ?? new Map<string, string>();
    members.set(toPosixPath(path.relative(top, real)), file);
    groups.set(top, members);
  }
  return groups;
}

/** Which of the given files (absolute paths, returned as given) git does not have committed. */
export async function findUncommittedFiles(files: string[]): Promise<UncommittedFiles> {
  const result: UncommittedFiles = { dirty: [], unknown: [] };
  for (const [top, members] of await groupByWorkTree(files)) {
    const relativePaths = [...members.keys()];
    for (let start = 0; start < relativePaths.length; start += pathsPerCommand) {
      const chunk = relativePaths.slice(start, start + pathsPerCommand);
      const pathspecs = chunk.map((relative) => `:(literal)${relative}`);
      const output = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...pathspecs], top);
      if (output === undefined) {
        result.unknown.push(...chunk.map((relative) => members.get(relative)!));
        continue;
      }
      for (const reported of parsePorcelain(output)) {
        const file = members.get(reported);
        if (file !== undefined) result.dirty.push(file);
      }
    }
  }
  return result;
}
