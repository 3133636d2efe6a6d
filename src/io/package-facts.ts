import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { memoize } from './memoize';

/** What a file's package tells the transforms about its callees (TransformOptions.dependencies, .gracefulFs). */
export interface PackageFacts {
  /** The directory holding the package.json. */
  root: string;
  /** By npm name: the version installed in node_modules, else the range package.json asks for. */
  dependencies: Record<string, string>;
  /** A file of the run in this package calls `gracefulify(` (graceful-fs patches plain fs). */
  gracefulFs: boolean;
  /** Files of the run in this package that only re-export a module (`module.exports = require('graceful-fs')`), by absolute path. */
  reExports: Map<string, string>;
}

const reExportPattern = /^\s*(?:(['"])use strict\1;?\s*)?module\.exports\s*=\s*require\((['"])([^'"]+)\2\);?\s*$/;

/** The module a file's text only re-exports, comments aside; undefined for any other file. */
export function reExportedModule(text: string): string | undefined {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return reExportPattern.exec(code)?.[3];
}

/**
 * For a file's relative requires and imports (`require('./fs')`), the module each one only
 * re-exports, by the specifier as written: the transforms read `./fs` as `graceful-fs`.
 */
export function moduleAliasesOf(file: string, text: string, reExports: Map<string, string>): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const { specifier, candidates } of relativeRequires(file, text)) {
    for (const candidate of candidates) {
      const target = reExports.get(candidate);
      if (target && !target.startsWith('.')) {
        aliases[specifier] = target;
        break;
      }
    }
  }
  return aliases;
}

/** A file's relative requires and imports (`require('./fs')`), each with the files it may name, in Node's order. */
export function relativeRequires(file: string, text: string): Array<{ specifier: string; candidates: string[] }> {
  return [...text.matchAll(/(?:require\(|from\s+)(['"])(\.{1,2}\/[^'"]*)\1/g)].map((match) => {
    const base = path.resolve(path.dirname(file), match[2]);
    return { specifier: match[2], candidates: [base, `${base}.js`, `${base}.cjs`, path.join(base, 'index.js')] };
  });
}

export type PackageFactsLookup = (directory: string) => Promise<PackageFacts | undefined>;

interface Manifest {
  name?: unknown;
  dependencies?: unknown;
  optionalDependencies?: unknown;
  peerDependencies?: unknown;
  devDependencies?: unknown;
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // missing or broken
  }
}

/** The declared ranges, runtime dependencies last so that they win; `npm:` aliases name another package and are left out. */
function declaredRanges(manifest: Manifest): Record<string, string> {
  const ranges: Record<string, string> = {};
  for (const field of [manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies, manifest.dependencies]) {
    if (!field || typeof field !== 'object') continue;
    for (const [name, range] of Object.entries(field)) {
      if (typeof range === 'string' && !range.startsWith('npm:')) ranges[name] = range;
    }
  }
  return ranges;
}

/** The version of `name` that `require` from the package root finds: node_modules of the root or above. */
async function installedVersion(root: string, name: string): Promise<string | undefined> {
  for (let directory = root; ; directory = path.dirname(directory)) {
    const manifest = await readJson(path.join(directory, 'node_modules', name, 'package.json'));
    if (manifest && typeof manifest.version === 'string') return manifest.version;
    if (path.dirname(directory) === directory) return undefined;
  }
}

/** The nearest directory at or above `directory` whose package.json has a name. */
async function findPackageRoot(directory: string): Promise<{ root: string; manifest: Manifest } | undefined> {
  for (let current = directory; ; current = path.dirname(current)) {
    const manifest = await readJson(path.join(current, 'package.json'));
    if (manifest && typeof manifest.name === 'string') return { root: current, manifest };
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * For files of a run (absolute paths), the facts of each file's package, read once per package:
 * its dependencies (installed versions first) and whether one of the run's files in it calls
 * `gracefulify(`. Only package.json files and the run's own files are read.
 */
export function createPackageFactsLookup(runFiles: readonly string[]): PackageFactsLookup {
  const ofRoot = memoize(async (root: string): Promise<PackageFacts> => {
    const manifest = (await readJson(path.join(root, 'package.json'))) as Manifest;
    const dependencies = declaredRanges(manifest);
    for (const name of Object.keys(dependencies)) {
      const installed = await installedVersion(root, name);
      if (installed) dependencies[name] = installed;
    }
    const inPackage = runFiles.filter((file) => file.startsWith(root + path.sep));
    let gracefulFs = false;
    const reExports = new Map<string, string>();
    for (const file of inPackage) {
      const text = await fs.readFile(file, 'utf8').catch(() => '');
      if (/(?<!function\s+)\bgracefulify\s*\(/.test(text)) gracefulFs = true;
      const reExported = reExportedModule(text);
      if (reExported !== undefined) reExports.set(file, reExported);
    }
    return { root, dependencies, gracefulFs, reExports };
  });
  const rootOf = memoize(async (directory: string) => (await findPackageRoot(directory))?.root);
  return async (directory) => {
    const root = await rootOf(directory);
    return root === undefined ? undefined : ofRoot(root);
  };
}

/** The dependencies a file requires or imports by their bare name (`require('x')`, `from 'x'`). */
export function requiredDependencies(text: string, dependencies: Readonly<Record<string, string>>): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:require\(|from\s+)(['"])([^'"./][^'"]*)\1/g)) {
    if (Object.prototype.hasOwnProperty.call(dependencies, match[2])) found.add(match[2]);
  }
  return [...found];
}
