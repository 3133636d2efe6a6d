import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/transform-source';

/**
 * Installed packages as a corpus of real code the fixtures did not think of: every file must
 * transform without a crash, a second run must change nothing, and no module-level function
 * may be written twice or lost (a rewrite that moved statements under another once did both).
 * The checks only bite on files that change, so at least `minChanged` files must; a file may
 * fail to parse only when `allowedParseFailures` names it (path under node_modules).
 */
const packages = ['async/dist', 'graceful-fs', 'tmp/lib', 'write-file-atomic/lib', 'recast/lib', 'ast-types/lib', 'commander/lib', 'neo-async'];
const root = resolve(__dirname, '..', 'node_modules');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(c|m)?js$/.test(entry.name) && statSync(path).size < 300_000 ? [path] : [];
  });
}

const corpus = packages.flatMap((name) => files(join(root, name)));

function functionNames(source: string): string[] {
  return (source.match(/^(?:async )?function (\w+)/gm) ?? []).map((line) => line.replace(/^(?:async )?function /, '')).sort();
}

/** Files of the corpus awaitify may not parse (none today: any parse failure is a finding). */
const allowedParseFailures: readonly string[] = [];

const helperNames = /^(settleCallback|fromCallback|mapLimit|delay|immediate)\d*$/;

/** The async function behind a dual API (`loadAsync` beside `load`, a method's beside its class or object). */
const dualAsyncName = /^\w+Async\d*$/;

function withoutAddedHelpers(after: string[], before: string[]): string[] {
  const left = [...after];
  for (const name of new Set(after)) {
    if (!helperNames.test(name) && !dualAsyncName.test(name)) continue;
    const added = after.filter((item) => item === name).length - before.filter((item) => item === name).length;
    for (let i = 0; i < added; i++) left.splice(left.indexOf(name), 1);
  }
  return left;
}

// Measured when this was written: tmp/lib/tmp.js by default; with every --allow also
// async/dist/async.mjs, graceful-fs/graceful-fs.js and graceful-fs/legacy-streams.js.
describe.each([
  ['default options', [], 1],
  ['every --allow', ['timing/unknown-callee', 'timing/sync-callback-now-async', 'timing/next-tick-ordering'], 4],
])('real code with %s', (_label, allow, minChanged) => {
  it('has a corpus', () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  it('transforms every file without a crash, idempotently, keeping each function once', () => {
    const problems: string[] = [];
    let changed = 0;
    for (const path of corpus) {
      const source = readFileSync(path, 'utf8');
      const result = transformSource(source, { path, allow });
      if (result.status === 'error') {
        const parseFailureAllowed = /cannot parse/.test(result.error?.message ?? '') && allowedParseFailures.includes(relative(root, path));
        if (!parseFailureAllowed) problems.push(`${path}: ${result.error?.message}`);
        continue;
      }
      if (result.status !== 'changed' || result.output === undefined) continue;
      changed += 1;
      const again = transformSource(result.output, { path, allow });
      if (again.status !== 'unchanged') problems.push(`${path}: a second run gives ${again.status}`);
      const before = functionNames(source);
      // awaitify's own helpers and the async functions behind dual APIs are the only functions a run may add.
      const after = withoutAddedHelpers(functionNames(result.output), before);
      if (before.join() !== after.join()) problems.push(`${path}: functions ${before.join()} became ${after.join()}`);
    }
    expect(problems).toEqual([]);
    expect(changed, 'files the run changed (the checks above only bite on those)').toBeGreaterThanOrEqual(minChanged as number);
  });
});
