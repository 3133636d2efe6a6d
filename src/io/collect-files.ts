import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { expandGlob, isGlobPattern } from './expand-glob';
import { createGitignoreRules, findGitRoot, type GitignoreRules } from './gitignore';
import { createGlobMatcher, type GlobMatcher } from './ignore-globs';
import { isInside } from './paths';

export interface CollectOptions {
  /** Files and directories as given (relative to cwd or absolute). */
  paths: string[];
  cwd: string;
  /** Lower-case, with the dot: '.js'. */
  extensions: string[];
  /** --ignore globs, relative to cwd. */
  ignore: string[];
}

export interface CollectedFiles {
  /** Absolute paths to process, sorted, each real file once. */
  files: string[];
  /** Files named on the command line that the rules leave out. */
  skipped: { path: string; reason: string }[];
  /** Directories that could not be listed. */
  unreadable: { path: string; message: string }[];
  /** Paths as given that do not exist (and are not glob patterns). */
  missing: string[];
  /** Paths and patterns as given that gave no file at all: a pattern matching nothing, an empty directory. */
  unmatched: { given: string; reason: string }[];
}

/** Never walked into, whatever .gitignore says. */
const alwaysSkippedDirectories = new Set(['node_modules', '.git']);

interface Walk {
  cwd: string;
  extensions: Set<string>;
  gitignore: GitignoreRules;
  matchIgnoreGlob: GlobMatcher;
  found: CollectedFiles;
}

/**
 * Finds the files to process. Directories are walked (extensions filter, .gitignore,
 * .git/info/exclude, --ignore, node_modules, links to directories not followed); a path that does
 * not exist but is a glob pattern is expanded and its matches filtered the same way; files named
 * directly are checked against the same rules and listed as skipped, with the reason, when a rule
 * leaves them out. A path or pattern that gives no file at all is listed in `unmatched`.
 */
export async function collectFiles(options: CollectOptions): Promise<CollectedFiles> {
  const walk: Walk = {
    cwd: options.cwd,
    extensions: new Set(options.extensions),
    gitignore: createGitignoreRules(),
    matchIgnoreGlob: createGlobMatcher(options.ignore, options.cwd),
    found: { files: [], skipped: [], unmatched: [], unreadable: [], missing: [] },
  };
  for (const given of options.paths) {
    const before = walk.found.files.length + walk.found.skipped.length + walk.found.unreadable.length;
    const absolute = path.resolve(options.cwd, given);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat && isGlobPattern(given)) {
      await addGlobMatches(given, walk);
    } else if (!stat) {
      walk.found.missing.push(given);
      continue;
    } else if (stat.isDirectory()) {
      await walkDirectory(absolute, await findIgnoreBase(absolute, options.cwd), walk);
    } else if (stat.isFile()) {
      await addNamedFile(absolute, walk);
    } else {
      walk.found.skipped.push({ path: absolute, reason: 'not a regular file' });
    }
    const after = walk.found.files.length + walk.found.skipped.length + walk.found.unreadable.length;
    if (after === before) walk.found.unmatched.push({ given, reason: describeNoMatch(given, stat !== undefined, walk) });
  }
  walk.found.files = await uniqueByRealPath(walk.found.files);
  return walk.found;
}

function describeNoMatch(given: string, exists: boolean, walk: Walk): string {
  const extensions = [...walk.extensions].join(' ');
  const rules = '.gitignore, .git/info/exclude, --ignore and node_modules left out';
  if (!exists) return `no file matches the pattern "${given}" (${extensions}; ${rules})`;
  return `no ${extensions} file in "${given}" (${rules}; see --extensions)`;
}

/** A glob's matches are filtered as a directory's contents are: a file left out is not listed as skipped. */
async function addGlobMatches(pattern: string, walk: Walk): Promise<void> {
  const matches = await expandGlob(pattern, walk.cwd);
  for (const directory of matches.directories) {
    const base = await findIgnoreBase(directory, walk.cwd);
    if (await findExclusion(directory, true, base, walk)) continue;
    await walkDirectory(directory, base, walk);
  }
  for (const file of matches.files) {
    if (!walk.extensions.has(path.extname(file).toLowerCase())) continue;
    if (await findExclusion(file, false, await findIgnoreBase(path.dirname(file), walk.cwd), walk)) continue;
    walk.found.files.push(file);
  }
}

/** .gitignore files count from the top of the git work tree, or from cwd outside one. */
async function findIgnoreBase(directory: string, cwd: string): Promise<string> {
  return (await findGitRoot(directory)) ?? (isInside(cwd, directory) ? cwd : directory);
}

async function addNamedFile(file: string, walk: Walk): Promise<void> {
  const relative = path.relative(walk.cwd, file).split(path.sep);
  const extension = path.extname(file).toLowerCase();
  let reason: string | undefined;
  if (relative.includes('node_modules')) reason = 'inside node_modules';
  else if (!walk.extensions.has(extension)) {
    reason = `extension "${extension}" is not one of ${[...walk.extensions].join(' ')} (see --extensions)`;
  } else reason = await findExclusion(file, false, await findIgnoreBase(path.dirname(file), walk.cwd), walk);
  if (reason) walk.found.skipped.push({ path: file, reason });
  else walk.found.files.push(file);
}

async function findExclusion(target: string, isDirectory: boolean, base: string, walk: Walk): Promise<string | undefined> {
  const pattern = walk.matchIgnoreGlob(target);
  if (pattern !== undefined) return `matches --ignore "${pattern}"`;
  if (await walk.gitignore.isIgnored(target, isDirectory, base)) return 'ignored by .gitignore';
  return undefined;
}

async function walkDirectory(directory: string, base: string, walk: Walk): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(directory, { withFileTypes: true });
  } catch (error) {
    walk.found.unreadable.push({ path: directory, message: `cannot list the directory (${(error as Error).message})` });
    return;
  }
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (alwaysSkippedDirectories.has(entry.name)) continue;
      if (await findExclusion(full, true, base, walk)) continue;
      await walkDirectory(full, base, walk);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      if (!walk.extensions.has(path.extname(entry.name).toLowerCase())) continue;
      // Links to directories are not followed (cycles); a broken link is kept and fails on read.
      if (entry.isSymbolicLink() && (await isLinkToNonFile(full))) continue;
      if (await findExclusion(full, false, base, walk)) continue;
      walk.found.files.push(full);
    }
  }
}

async function isLinkToNonFile(link: string): Promise<boolean> {
  const target = await fs.stat(link).catch(() => undefined);
  return target !== undefined && !target.isFile();
}

/** A file reached both through a link and directly is processed once. */
async function uniqueByRealPath(files: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const file of [...files].sort()) {
    const real = await fs.realpath(file).catch(() => file);
    if (seen.has(real)) continue;
    seen.add(real);
    unique.push(file);
  }
  return unique;
}
