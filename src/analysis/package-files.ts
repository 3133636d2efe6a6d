import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Package roots and the files of a package. A file belongs to the package whose package.json
 * is nearest above it; a monorepo has several. Every source file of the package is read (tests,
 * bin/, files outside the run's paths or --ignored): their calls count, they are never written.
 */

/** Larger files are bundles or generated code: their calls are not the package's own protocol. */
export const maxModelFileBytes = 512 * 1024;
/** A package with more source files than this is read up to here (a vendored tree, a mistake). */
export const maxModelFiles = 5000;

export interface PackageRootFinder {
  /** The directory of the nearest package.json above the file, or undefined when there is none. */
  (file: string): Promise<string | undefined>;
}

export function createPackageRootFinder(): PackageRootFinder {
  const known = new Map<string, Promise<string | undefined>>();
  const lookup = (directory: string): Promise<string | undefined> => {
    let found = known.get(directory);
    if (!found) {
      found = fs.stat(path.join(directory, 'package.json')).then(
        (stat) => (stat.isFile() ? directory : undefined),
        () => undefined,
      ).then((here) => {
        if (here) return here;
        const parent = path.dirname(directory);
        return parent === directory || path.basename(directory) === 'node_modules' ? undefined : lookup(parent);
      });
      known.set(directory, found);
    }
    return found;
  };
  return (file) => lookup(path.dirname(path.resolve(file)));
}

/** The root of the package a file of the run belongs to (see groupByPackage). */
export async function packageRootFor(file: string, fallbackRoot: string, findRoot: PackageRootFinder): Promise<string> {
  const inside = !path.relative(fallbackRoot, path.resolve(file)).startsWith('..');
  return (await findRoot(file)) ?? (inside ? fallbackRoot : path.dirname(path.resolve(file)));
}

/**
 * The files the run was given, grouped by package root. A file with no package.json above it
 * belongs to `fallbackRoot` (the run's directory) when it lies inside it, else to its own directory.
 */
export async function groupByPackage(files: readonly string[], fallbackRoot: string): Promise<Map<string, string[]>> {
  const findRoot = createPackageRootFinder();
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const root = await packageRootFor(file, fallbackRoot, findRoot);
    const group = groups.get(root) ?? [];
    group.push(path.resolve(file));
    groups.set(root, group);
  }
  return groups;
}

/**
 * Every source file of the package under `root`: node_modules, hidden directories and nested
 * packages (a directory with its own package.json) are left out, as are minified and oversized files.
 */
export async function listPackageFiles(root: string, extensions: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0 && files.length < maxModelFiles) {
    const directory = pending.shift()!;
    let entries;
    try {
      entries = await fs.readdir(directory, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (directory !== root && entries.some((entry) => entry.isFile() && entry.name === 'package.json')) continue;
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) pending.push(full);
      } else if (entry.isFile() && extensions.includes(path.extname(entry.name).toLowerCase()) && !/\.min\.[cm]?js$/i.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(full);
      } else if (entry.isFile() && path.extname(entry.name) === '' && path.basename(directory) === 'bin' && (await isNodeScript(full))) {
        files.push(full);
      }
    }
  }
  return files.slice(0, maxModelFiles).sort();
}

/** `bin/cli` with a `#!/usr/bin/env node` line: JavaScript without an extension. */
async function isNodeScript(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return /^#!.*\bnode\b/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export interface PackageManifest {
  name?: string;
  /** The `main` field, relative to the root (`./index.js` when absent, as Node reads it). */
  main: string;
}

/** What the model needs of the package.json: its name (self-references) and main (`require('..')`). */
export async function readPackageManifest(root: string): Promise<PackageManifest> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { name?: unknown; main?: unknown };
    return {
      ...(typeof manifest.name === 'string' && { name: manifest.name }),
      main: typeof manifest.main === 'string' && manifest.main !== '' ? manifest.main : './index.js',
    };
  } catch {
    return { main: './index.js' };
  }
}
