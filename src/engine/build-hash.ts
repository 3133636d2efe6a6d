import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The packages whose behaviour is part of a file's result besides awaitify's own code. */
const enginePackages = ['jscodeshift', 'recast', '@babel/parser', 'ast-types'];

let memo: string | undefined;

/**
 * A hash of this build of awaitify, part of every `--cache` key: the content of every compiled
 * module of the engine (dist/src, or src when running from the sources) and the versions of
 * the parser and printer packages it runs on. Any rebuild that changes code misses the cache.
 */
export function buildHash(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  const sourceRoot = path.dirname(__dirname);
  for (const file of listModules(sourceRoot)) {
    hash.update(path.relative(sourceRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of enginePackages) hash.update(`${name}@${versionOf(name)}\0`);
  memo = hash.digest('hex');
  return memo;
}

function listModules(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...listModules(full));
    else if (/\.(js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.map')) found.push(full);
  }
  return found;
}

function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}
