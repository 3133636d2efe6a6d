import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileResult, Report, TransformSourceOptions } from '../src/types';
import { projectRoot, spawnAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

// --jobs and --cache, run through the built command (npm test builds first): worker threads
// need the compiled worker entry, dist/src/engine/transform-worker.js.

const storeJs = `const fs = require('fs');
function load(id, cb) {
  fs.readFile(id, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}
module.exports = { load };
`;

// The same function, now calling back a second time on success: no longer a one-shot callback API.
const storeTwiceJs = storeJs.replace("    cb(null, text.trim());\n", "    cb(null, text.trim());\n    cb(null, '');\n");

const appJs = `const store = require('./lib/store');
store.load(__dirname + '/data.txt', (err, text) => {
  if (err) throw err;
  console.log('loaded', text);
});
console.log('started');
`;

const otherJs = `setTimeout(() => {
  console.log('later');
}, 10);
`;

async function storePackage(): Promise<string> {
  return makeTree({
    'package.json': JSON.stringify({ name: 'scale-fixture', version: '1.0.0' }),
    'lib/store.js': storeJs,
    'app.js': appJs,
    'other.js': otherJs,
    'data.txt': 'hello\n',
  });
}

function fileOf(report: Report, name: string): FileResult {
  const found = report.files.find((file) => file.path === name);
  if (!found) throw new Error(`no ${name} in ${report.files.map((file) => file.path).join(', ')}`);
  return found;
}

function json(outcome: { code: number | null; stdout: string; stderr: string }): Report {
  expect(outcome.code, outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout) as Report;
}

/** The `awaitify: cache: H of N results from …` line: [hits, lookups]. */
function cacheLine(stderr: string): [number, number] {
  const match = /awaitify: cache: (\d+) of (\d+) results from /.exec(stderr);
  if (!match) throw new Error(`no cache line in: ${stderr}`);
  return [Number(match[1]), Number(match[2])];
}

describe('--jobs', () => {
  it('gives the same report, byte for byte, with --jobs 1, 2 and 3, and without the cheap first pass', async () => {
    const root = await makeTree();
    await fs.cp(path.join(projectRoot, 'examples'), root, { recursive: true });
    await fs.cp(await storePackage(), path.join(root, 'store'), { recursive: true });
    await fs.writeFile(path.join(root, 'store/lib/paths.js'), "const path = require('path');\nexports.dataFile = (name) => path.join(__dirname, name);\n");
    const reports = ['1', '2', '3'].map((jobs) => spawnAwaitify(root, ['.', '--jobs', jobs, '--report', 'json']));
    const first = json(reports[0]);
    expect(first.summary.changed).toBeGreaterThan(5);
    expect(first.summary.crossFile?.calleesAwaited).toBeGreaterThan(0);
    expect(fileOf(first, 'store/lib/paths.js').status).toBe('unchanged');
    for (const outcome of reports.slice(1)) expect(outcome.stdout).toBe(reports[0].stdout);
    // The text, markdown and SARIF reports are pure functions of this one. Without the first
    // pass, the same report as the command's (a run of the API with the first pass, as the
    // command does it, was a fourth run over the tree to the same text).
    const { run } = (await import(path.join(projectRoot, 'dist/src/engine/run.js'))) as typeof import('../src/engine/run');
    const { formatReport } = (await import(path.join(projectRoot, 'dist/src/report/format.js'))) as typeof import('../src/report/format');
    const everyFile = formatReport(await run({ paths: ['.'], cwd: root, jobs: 2, firstPass: false }), 'json');
    expect(everyFile).toBe(reports[1].stdout);
  }, 240_000);

  it('refuses a --jobs that is not a whole number of 1 or more', async () => {
    const root = await storePackage();
    const outcome = spawnAwaitify(root, ['.', '--jobs', '0']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--jobs 0: expected a whole number of 1 or more');
  });

  it('the worker pool transforms on real worker threads and hands results back in the order asked', async () => {
    const { createTransformPool } = (await import(path.join(projectRoot, 'dist/src/engine/transform-pool.js'))) as typeof import('../src/engine/transform-pool');
    const { transformSafely } = (await import(path.join(projectRoot, 'dist/src/engine/transform-safely.js'))) as typeof import('../src/engine/transform-safely');
    const inputs: Array<[string, TransformSourceOptions]> = [
      [appJs, { path: 'app.js' }],
      [otherJs, { path: 'other.js' }],
      [storeJs, { path: 'lib/store.js' }],
      ['const = ;', { path: 'broken.js' }],
    ];
    // Three jobs: this thread and two workers, each worker holding up to two files.
    const pool = createTransformPool(3);
    try {
      const results = await Promise.all(inputs.map(([text, options]) => pool.transform(text, options)));
      expect(pool.started).toBe(2);
      expect(results).toEqual(inputs.map(([text, options]) => transformSafely(text, options)));
      expect(results.map((result) => result.status)).toEqual(['changed', 'unchanged', 'changed', 'error']);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('this thread is one of the jobs: with --jobs 2 it transforms files beside one worker', async () => {
    const { createTransformPool } = (await import(path.join(projectRoot, 'dist/src/engine/transform-pool.js'))) as typeof import('../src/engine/transform-pool');
    const { transformSafely } = (await import(path.join(projectRoot, 'dist/src/engine/transform-safely.js'))) as typeof import('../src/engine/transform-safely');
    const inputs: Array<[string, TransformSourceOptions]> = [appJs, otherJs, storeJs, appJs, storeJs, otherJs].map((text, index) => [text, { path: `f${index}.js` }]);
    const pool = createTransformPool(2);
    try {
      const results = await Promise.all(inputs.map(([text, options]) => pool.transform(text, options)));
      expect(pool.started).toBe(1);
      // The worker takes two files at once; the third waits for a thread, and this one is free.
      expect(pool.ranHere).toBeGreaterThan(0);
      expect(pool.ranHere).toBeLessThan(inputs.length);
      expect(results).toEqual(inputs.map(([text, options]) => transformSafely(text, options)));
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('how many workers', () => {
  it('never more than --jobs, and one for every few files: a small run starts none', async () => {
    const { workersFor, minFilesPerWorker } = await import('../src/engine/transform-pool');
    expect(minFilesPerWorker).toBe(4);
    expect(workersFor(2, 100)).toBe(2);
    expect(workersFor(8, 10)).toBe(2);
    expect(workersFor(2, 3)).toBe(1);
    expect(workersFor(1, 1000)).toBe(1);
  });
});

describe('--cache', () => {
  it('a second run over an unchanged tree takes every result from the cache and reports the same', async () => {
    const root = await storePackage();
    const cold = spawnAwaitify(root, ['.', '--cache', '--report', 'json']);
    // Three files, and app.js twice more: with the summary of store.load, then awaiting it once lib/store.js converted.
    expect(cacheLine(cold.stderr)).toEqual([0, 5]);
    const warm = spawnAwaitify(root, ['.', '--cache', '--report', 'json']);
    expect(cacheLine(warm.stderr)).toEqual([5, 5]);
    expect(warm.stdout).toBe(cold.stdout);
    expect(json(warm).summary.changed).toBe(3);
    const entries = await fs.readdir(path.join(root, 'node_modules/.cache/awaitify'), { recursive: true });
    // Five results, and the package model's facts of the three files in facts/.
    expect(entries.filter((entry) => entry.endsWith('.json') && !entry.startsWith('facts'))).toHaveLength(5);
    expect(entries.filter((entry) => entry.endsWith('.json') && entry.startsWith('facts'))).toHaveLength(3);
  }, 120_000);

  it('a change in a callee\'s file invalidates its caller\'s entry, not the entries of files that do not call it', async () => {
    const root = await storePackage();
    const location = path.join(root, 'cache-here');
    const first = spawnAwaitify(root, ['.', '--cache-location', location, '--print']);
    expect(first.stdout).toContain('await store.load(');

    await fs.writeFile(path.join(root, 'lib/store.js'), storeTwiceJs);
    const second = spawnAwaitify(root, ['.', '--cache-location', location, '--report', 'json']);
    const uncached = spawnAwaitify(root, ['.', '--report', 'json']);
    // From the cache: app.js's and other.js's first pass (their texts did not change). Not:
    // lib/store.js (changed), and app.js again, which is told something else about store.load.
    expect(cacheLine(second.stderr)).toEqual([2, 4]);
    expect(second.stdout).toBe(uncached.stdout);
    const app = fileOf(json(second), 'app.js');
    expect(app.findings.map((finding) => finding.ruleId)).toContain('timing/multiple-callback-calls');
    const printed = spawnAwaitify(root, ['.', '--cache-location', location, '--print']);
    expect(printed.stdout).not.toContain('await store.load(');
  }, 120_000);

  it('--cache-location alone turns the cache on; a key changes with the text and with any option', async () => {
    const root = await storePackage();
    const location = path.join(root, 'elsewhere');
    spawnAwaitify(root, ['.', '--cache-location', location]);
    expect((await fs.readdir(location)).length).toBeGreaterThan(0);
    const { cacheKey } = (await import(path.join(projectRoot, 'dist/src/engine/file-transformer.js'))) as typeof import('../src/engine/file-transformer');
    const key = cacheKey(appJs, { path: 'app.js' });
    expect(cacheKey(appJs, { path: 'app.js' })).toBe(key);
    expect(cacheKey(appJs, { path: 'app.js', dependencies: { mkdirp: '0.5.6' } })).not.toBe(key);
    expect(cacheKey(`${appJs}\n`, { path: 'app.js' })).not.toBe(key);
  }, 120_000);
});
