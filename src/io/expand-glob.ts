import { glob, isDynamicPattern } from 'tinyglobby';
import * as path from 'node:path';

/** Whether a path as given is a glob pattern (`src/**\/*.js`, `packages/*\/lib`) rather than a name. */
export function isGlobPattern(given: string): boolean {
  return isDynamicPattern(given);
}

export interface GlobMatches {
  /** Absolute paths of the files the pattern matched. */
  files: string[];
  /** Absolute paths of the outermost directories it matched (their contents are walked). */
  directories: string[];
}

/**
 * Expands a pattern relative to cwd with tinyglobby. node_modules and .git are never entered,
 * links are not followed (as in a directory walk), and dot files match only when the pattern
 * says so. A directory inside another matched directory is dropped: the walk reaches it anyway.
 */
export async function expandGlob(pattern: string, cwd: string): Promise<GlobMatches> {
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: false,
    expandDirectories: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  const files: string[] = [];
  const directories: string[] = [];
  for (const match of matches.sort()) {
    if (match.endsWith('/')) {
      const directory = path.resolve(match);
      const outer = directories[directories.length - 1];
      if (outer === undefined || !directory.startsWith(outer + path.sep)) directories.push(directory);
    } else {
      files.push(path.resolve(match));
    }
  }
  return { files, directories };
}
