import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import { isInside } from '../io/paths';

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** The nearest package.json from `directory` up, with its directory. */
function findPackage(directory: string): { dir: string; manifest: Record<string, unknown> } | undefined {
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    const file = path.join(current, 'package.json');
    if (existsSync(file)) {
      try {
        const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (manifest && typeof manifest === 'object') return { dir: current, manifest: manifest as Record<string, unknown> };
      } catch {
        return undefined;
      }
    }
    if (existsSync(path.join(current, '.git')) || path.dirname(current) === current) return undefined;
  }
}

/** Every string target of `main`, `module` and `exports` (conditions and subpaths, nested). */
function entryTargets(manifest: Record<string, unknown>): string[] {
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(manifest.main);
  collect(manifest.module);
  collect(manifest.exports);
  // Node's default entry when a package names none.
  if (targets.length === 0) targets.push('index.js');
  return targets;
}

/**
 * The source files of the project that are the package's public entry points: what package.json
 * `main`, `module` and `exports` name (a built file under outDir is traced back to its source under
 * rootDir; a `*` pattern makes its whole directory public), or index.js when it names none.
 */
export function findEntryFiles(options: ts.CompilerOptions, configPath: string, cwd: string, fileNames: ReadonlySet<string>): string[] {
  const found = findPackage(path.dirname(configPath)) ?? findPackage(cwd);
  if (!found) return [];
  const entries = new Set<string>();
  for (const target of entryTargets(found.manifest)) {
    if (target.includes('*')) {
      const directory = path.resolve(found.dir, target.slice(0, target.indexOf('*')));
      for (const file of fileNames) if (isInside(directory, file) || isInside(mapToSource(options, configPath, directory), file)) entries.add(file);
      continue;
    }
    const absolute = path.resolve(found.dir, target);
    for (const candidate of candidatesFor(absolute, options, configPath)) {
      if (fileNames.has(candidate)) {
        entries.add(candidate);
        break;
      }
    }
  }
  return [...entries];
}

/** A path under outDir, as the same path under rootDir (or the config's directory). */
function mapToSource(options: ts.CompilerOptions, configPath: string, file: string): string {
  if (!options.outDir || !isInside(options.outDir, file)) return file;
  return path.join(options.rootDir ?? path.dirname(configPath), path.relative(options.outDir, file));
}

function candidatesFor(absolute: string, options: ts.CompilerOptions, configPath: string): string[] {
  const bases = [absolute, mapToSource(options, configPath, absolute)];
  const candidates: string[] = [];
  for (const base of bases) {
    const stem = base.replace(/\.(c|m)?jsx?$/, '');
    candidates.push(base, ...sourceExtensions.map((extension) => stem + extension), ...sourceExtensions.map((extension) => path.join(base, `index${extension}`)));
  }
  return candidates;
}
