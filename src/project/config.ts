import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The files project mode loads a project from, in the order they are looked for in a directory. */
export const projectConfigNames = ['tsconfig.json', 'jsconfig.json'] as const;

/** A `--project` that cannot be used; run() turns it into a RunOptionsError (exit 2). */
export class ProjectConfigError extends Error {
  override name = 'ProjectConfigError';
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

async function isDirectory(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (stat) => stat.isDirectory(),
    () => false,
  );
}

/** The tsconfig.json or jsconfig.json of one directory, if it has one. */
export async function configInDirectory(directory: string): Promise<string | undefined> {
  for (const name of projectConfigNames) {
    const file = path.join(directory, name);
    if (await isFile(file)) return file;
  }
  return undefined;
}

/**
 * The nearest tsconfig.json or jsconfig.json from `directory` upward, stopping after the top
 * of the git work tree (a directory holding `.git`) or the file system root.
 */
export async function findProjectConfig(directory: string): Promise<string | undefined> {
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    const found = await configInDirectory(current);
    if (found) return found;
    const atTop = (await fs.stat(path.join(current, '.git')).then(() => true, () => false)) || path.dirname(current) === current;
    if (atTop) return undefined;
  }
}

/**
 * What `--project <value>` names: a config file, or a directory holding one. Anything else is
 * refused by name.
 */
export async function resolveProjectOption(value: string, cwd: string): Promise<string> {
  const absolute = path.resolve(cwd, value);
  if (await isFile(absolute)) return absolute;
  if (await isDirectory(absolute)) {
    const found = await configInDirectory(absolute);
    if (found) return found;
    throw new ProjectConfigError(`--project ${value}: no ${projectConfigNames.join(' or ')} in that directory`);
  }
  throw new ProjectConfigError(`--project ${value}: no such file`);
}
