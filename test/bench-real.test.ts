import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { makeTree, removeTrees } from './temp-trees';

// The real-code benchmark's parts (bench/real/) on one tiny package made here: the counter on
// known texts, bench:real's per-package step, and the suite runner with a real `node --test`
// suite, passing on the identity rewrite and on awaitify, failing on broken rewrites.

const load = createRequire(__filename);
type Counts = Record<string, number>;
interface Fn {
  name: string;
  callback: boolean;
  converted: boolean;
}
const counter = load('../bench/real/counter.js') as {
  METRIC_IDS: string[];
  countSource(source: string, filename?: string): { counts: Counts; functions: Fn[]; parseError?: string };
  convertedApis(before: Fn[], after: Fn[]): { total: number; converted: number; names: string[] };
};
interface SuiteResult {
  ok: boolean;
  reasons: string[];
  before: { passed: number; failed: number; markers: number }[];
  after: { passed: number; failed: number; markers: number; exitCodes: unknown[] };
  rewrite: { callbackApisConverted: number; callbackApis: number; filesChanged: number };
}
type Rewrite = (dir: string, lib: string[]) => Promise<unknown>;
const { runSuite } = load('../bench/real/suite-runner.js') as {
  runSuite(options: { packageDir: string; lib: string[]; suite: object; rewrite: Rewrite; runs?: number }): Promise<SuiteResult>;
};
const { awaitifyRewrite, identityRewrite } = load('../bench/real/suites.js') as { awaitifyRewrite(args: string[]): Rewrite; identityRewrite: Rewrite };
const { benchPackage } = load('../bench/real/real.js') as {
  benchPackage(pkg: object, options: object, source: string): Promise<{
    files: number;
    filesChanged: number;
    before: Counts;
    after: Counts;
    callbackApis: number;
    callbackApisConverted: number;
    apisLeft: { name: string; line: number; reasons: string[] }[];
    problems: string[];
  }>;
};
const { reasonTable } = load('../bench/real/apis-left.js') as {
  reasonTable(packages: object[]): { reason: string; apis: number; only: number; example: string }[];
};

afterAll(removeTrees);

describe('the counter', () => {
  it('counts error-first callback literals by the name or the type of their first parameter', () => {
    const source = [
      "fs.readFile(p, 'utf8', (err, text) => use(text));",
      'fs.stat(p, function (er, st) {});',
      'db.get(k, (e) => {});',
      'db.put(k, v, function (error) {});',
      'list.map((item) => item);',
      'emitter.on(name, (err) => {});', // looks error-first: counted, as the definition says
      'x.y((err) => {}, 10);', // the function is not the last argument
      'promise.then((v) => v, (err) => {});', // a rejection handler is promise code
    ].join('\n');
    expect(counter.countSource(source).counts.errFirst).toBe(5);
    const typed = 'client.query(sql, (problem: Error | null, rows: string[]) => {});\nfs.stat(p, (failure: NodeJS.ErrnoException | null) => {});\nlist.forEach((value: string) => {});';
    expect(counter.countSource(typed, 'a.ts').counts.errFirst).toBe(2);
  });

  it('still counts a callback handed on inside a promise wrapper, not a queue or a listener', () => {
    const source = [
      'await fromCallback((done) => client.query(sql, done));',
      'new Promise((resolve, reject) => fs.close(fd, resolve));',
      'new Promise((resolve) => queue.push(resolve));',
      'new Promise((resolve) => stream.once("end", resolve));',
      'new Promise((resolve, reject) => fs.stat(p, (err, st) => (err ? reject(err) : resolve(st))));',
    ].join('\n');
    const { counts } = counter.countSource(source, 'a.mjs');
    expect(counts.errFirstWrapped).toBe(2);
    expect(counts.errFirstLiterals).toBe(1);
    expect(counts.errFirst).toBe(3);
  });

  it('counts callback functions by name and by use, async functions, async IIFEs and awaits', () => {
    const source = [
      'function load(name, cb) { fs.readFile(name, cb); }', // by name and by use
      'Store.prototype.save = function (doc, whenSaved) { whenSaved(null); };', // by use only
      'function each(list, done) {}', // by name only
      'function add(a, b) { return a + b; }',
      'async function main() { await load2(); (async () => { await x; })(); }',
      'const f = async () => 1;',
    ].join('\n');
    const { counts, functions } = counter.countSource(source);
    expect(counts.callbackFunctions).toBe(3);
    expect(counts.asyncFunctions).toBe(3);
    expect(counts.asyncIifes).toBe(1);
    expect(counts.awaits).toBe(2);
    expect(functions.filter((fn) => fn.callback).map((fn) => fn.name)).toEqual(['load', 'Store.prototype.save', 'each']);
  });

  it('does not take a value handed on last for a callback: an event argument, or a parameter whose properties are read', () => {
    const source = [
      'function walk(dir, opts, emitter, dstat) { if (dstat) emitter.emit("path", dir, dstat); }', // an event argument
      'function onstat(err, stat) { if (stat.isFile()) report(dir, stat); }', // a value with properties
      'function later(fn) { fs.stat("a", fn); }', // handed on to Node: a callback by use
      'function bound(fn) { run(fn.bind(null)); setImmediate(fn); }', // its function properties do not make it a value
      'function called(fn) { fn.extra = 1; fn(); }', // called: a callback whatever is read
    ].join('\n');
    const { counts, functions } = counter.countSource(source);
    expect(functions.filter((fn) => fn.callback).map((fn) => fn.name)).toEqual(['later', 'bound', 'called']);
    expect(counts.callbackFunctions).toBe(3);
  });

  it('takes a hand-on for a callback only where the callee takes one: Node, or a function of the file that does (to a fixed point)', () => {
    const source = [
      'function startCopy(source) { started++; return getStats(source); }', // a value walked through local helpers
      'function getStats(source) { if (busy) return setImmediate(function () { getStats(source); }); stat(source, function (err, stats) { if (err) return onError(err); onFile(item); }); }',
      'items.forEach(function (item) { startCopy(path.join(dir, item)); });', // a value handed to path.join
      'fs.unlink(file, function (err) { if (err) return cb(err); done(); });', // the error of an error-first callback
      'function outer(x, whenDone) { inner(x, whenDone); }', // handed on to a local function that calls it
      'function inner(y, k) { k(); }',
      'Walker.prototype.read = function (dir, andThen) { this._read(dir, andThen); };', // by the callee's member name
      'Walker.prototype._read = function (dir, then) { fs.readdir(dir, then); };',
      'function unknownTarget(fn) { registry.run(fn); }', // a callee nothing is known of says nothing
    ].join('\n');
    const { counts, functions } = counter.countSource(source);
    expect(functions.filter((fn) => fn.callback).map((fn) => fn.name)).toEqual(['outer', 'inner', 'Walker.prototype.read', 'Walker.prototype._read']);
    expect(counts.callbackFunctions).toBe(4);
  });

  it('finds middleware and middleware that became async', () => {
    const source = [
      'app.use(function (req, res, next) { next(); });',
      'app.use((err, req, res, next) => next(err));',
      'app.use(async (req, res, next) => { await x; next(); });',
      'function handler(a, b, next) {}',
    ].join('\n');
    const { counts } = counter.countSource(source);
    expect(counts.middleware).toBe(3);
    expect(counts.middlewareConverted).toBe(1);
  });

  it('matches converted callback APIs by name: async, or the dual API returning an async IIFE', () => {
    const before = counter.countSource('function a(cb) { cb(); }\nfunction b(cb) { cb(); }\nfunction c(cb) { cb(); }').functions;
    const after = counter.countSource(
      'async function a() {}\nfunction b(cb) { return settleCallback((async () => 1)(), cb); }\nfunction c(cb) { cb(); }',
    ).functions;
    expect(counter.convertedApis(before, after)).toEqual({ total: 3, converted: 2, names: ['a', 'b'] });
  });

  it('counts the dual API over a named async function as a converted API, and no async IIFE in it', () => {
    const before = counter.countSource('function load(file, cb) { cb(); }').functions;
    const result = counter.countSource(
      'function load(file, cb) { return settleCallback(loadAsync(file), cb); }\nasync function loadAsync(file) { return file; }',
    );
    expect(counter.convertedApis(before, result.functions)).toEqual({ total: 1, converted: 1, names: ['load'] });
    expect(result.counts.asyncFunctions).toBe(1);
    expect(result.counts.asyncIifes).toBe(0);
  });

  it('says which file does not parse and counts nothing for it', () => {
    const result = counter.countSource('function (', 'broken.js');
    expect(result.parseError).toMatch(/^broken\.js: /);
    expect(Object.values(result.counts).every((count) => count === 0)).toBe(true);
  });
});

// A tiny callback-era package with a real node:test suite.
const tinyPackage = {
  'package.json': JSON.stringify({ name: 'tiny-store', version: '1.0.0', engines: { node: '>=20' } }),
  'lib/store.js': [
    "const fs = require('fs');",
    "const path = require('path');",
    '',
    'function load(dir, name, cb) {',
    "  fs.readFile(path.join(dir, name), 'utf8', (err, text) => {",
    '    if (err) return cb(err);',
    '    cb(null, text.trim());',
    '  });',
    '}',
    '',
    'module.exports = { load };',
    '',
  ].join('\n'),
  'test/store.test.js': [
    "const test = require('node:test');",
    "const assert = require('node:assert');",
    "const { load } = require('../lib/store');",
    '',
    "test('loads a file', (t, done) => {",
    "  load(__dirname, 'data.txt', (err, text) => {",
    '    assert.ifError(err);',
    "    assert.strictEqual(text, 'hello');",
    '    done();',
    '  });',
    '});',
    '',
    "test('passes the error of a missing file', (t, done) => {",
    "  load(__dirname, 'missing.txt', (err) => {",
    "    assert.strictEqual(err.code, 'ENOENT');",
    '    done();',
    '  });',
    '});',
    '',
  ].join('\n'),
  'test/data.txt': 'hello\n',
};
const suite = { runner: 'node', files: ['test/store.test.js'], exclude: [] };

async function editLib(dir: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(dir, 'lib', 'store.js');
  await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')));
}

describe('bench:real on one package', () => {
  it('counts a copy before and after awaitify --write and leaves the source alone', async () => {
    const dir = await makeTree(tinyPackage);
    const result = await benchPackage({ name: 'tiny-store', version: '1.0.0', lib: ['lib'] }, { awaitifyArgs: [] }, dir);
    expect(result.problems).toEqual([]);
    expect(result.files).toBe(1);
    expect(result.filesChanged).toBe(1);
    expect(result.before.errFirst).toBe(1);
    expect(result.after.errFirst).toBe(0);
    expect(result.callbackApis).toBe(1);
    expect(result.callbackApisConverted).toBe(1);
    // The dual API is a named async function and a settleCallback wrapper: no async IIFE.
    expect(result.after.asyncFunctions).toBe(1);
    expect(result.after.asyncIifes).toBe(0);
    expect(await fs.readFile(path.join(dir, 'lib', 'store.js'), 'utf8')).toBe(tinyPackage['lib/store.js']);
  });

  it('lists the callback APIs left with the refusals found inside each, and none for an API awaitify never refused', async () => {
    const queue = [
      'const waiting = [];',
      '',
      'function enqueue(job, cb) {',
      '  waiting.push(cb);',
      '  job();',
      '}',
      '',
      'function syncNext(items, next) {',
      '  return items.length > 0 ? next : null;',
      '}',
      '',
      'module.exports = { enqueue, syncNext };',
      '',
    ].join('\n');
    const dir = await makeTree({ ...tinyPackage, 'lib/queue.js': queue });
    const result = await benchPackage({ name: 'tiny-store', version: '1.0.0', lib: ['lib'] }, { awaitifyArgs: [] }, dir);
    expect(result.callbackApisConverted).toBe(1);
    expect(result.apisLeft).toEqual([
      { name: 'lib/queue.js:enqueue', line: 3, reasons: ['timing/callback-stored-or-escaping passedAway'] },
      { name: 'lib/queue.js:syncNext', line: 8, reasons: ['(no refusal found)'] },
    ]);
    expect(reasonTable([{ package: 'tiny-store@1.0.0', apisLeft: result.apisLeft }])).toEqual([
      { reason: '(no refusal found)', apis: 1, only: 1, example: 'tiny-store lib/queue.js:8 syncNext' },
      { reason: 'timing/callback-stored-or-escaping passedAway', apis: 1, only: 1, example: 'tiny-store lib/queue.js:3 enqueue' },
    ]);
  });
});

describe('bench:suites runner on one package', () => {
  it('passes on the identity rewrite and on awaitify --write, which converts the callback API', async () => {
    const dir = await makeTree(tinyPackage);
    const identity = await runSuite({ packageDir: dir, lib: ['lib'], suite, rewrite: identityRewrite, runs: 2 });
    expect(identity.reasons).toEqual([]);
    expect(identity.before.map((run) => run.passed)).toEqual([2, 2]);
    expect(identity.after.passed).toBe(2);

    const converted = await runSuite({ packageDir: dir, lib: ['lib'], suite, rewrite: awaitifyRewrite([]), runs: 3 });
    expect(converted.reasons).toEqual([]);
    expect(converted.ok).toBe(true);
    expect(converted.rewrite.callbackApisConverted).toBe(1);
    expect(converted.rewrite.filesChanged).toBe(1);
  });

  it('fails on a rewrite that changes a value', async () => {
    const dir = await makeTree(tinyPackage);
    const wrongValue: Rewrite = (target) => editLib(target, (text) => text.replace('text.trim()', 'text'));
    const result = await runSuite({ packageDir: dir, lib: ['lib'], suite, rewrite: wrongValue, runs: 2 });
    expect(result.ok).toBe(false);
    expect(result.after.passed).toBeLessThan(result.before[0].passed);
    expect(result.reasons.join('\n')).toMatch(/passed after the rewrite/);
  });

  it('fails on a rewrite that leaves an unhandled rejection', async () => {
    const dir = await makeTree(tinyPackage);
    const floating: Rewrite = (target) =>
      editLib(target, (text) => text.replace('    cb(null, text.trim());', "    Promise.reject(new Error('lost'));\n    cb(null, text.trim());"));
    const result = await runSuite({ packageDir: dir, lib: ['lib'], suite, rewrite: floating, runs: 2 });
    expect(result.ok).toBe(false);
    expect(result.before[0].markers).toBe(0);
    expect(result.after.markers).toBeGreaterThan(0);
    expect(result.reasons.join('\n')).toMatch(/uncaught exception or unhandled rejection/);
  });
});
