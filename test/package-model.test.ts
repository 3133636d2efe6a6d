import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageCallsOf } from '../src/analysis/package-calls';
import { buildPackageModel, buildPackageModels } from '../src/analysis/package-model';
import { stronglyConnectedComponents } from '../src/analysis/scc';
import type { CallbackApiSummary, PackageModel } from '../src/analysis/types';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

function api(model: PackageModel, id: string): CallbackApiSummary {
  const found = model.apis.find((entry) => entry.id === id);
  if (!found) throw new Error(`no API ${id}; found: ${model.apis.map((entry) => entry.id).join(', ')}`);
  return found;
}

const commonJsPackage = {
  'package.json': JSON.stringify({ name: 'cjs-fixture' }),
  'lib/fsutil.js': `
const fs = require('fs');
function noop() {}
function readJson(file, opts, cb) {
  if (typeof opts === 'function') { cb = opts; opts = {}; }
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    let data;
    try { data = JSON.parse(text); } catch (e) { return cb(e); }
    cb(null, data);
  });
}
function statOrDefault(p, cb) {
  cb = cb || noop;
  fs.stat(p, cb);
}
module.exports = { readJson, statOrDefault };
`,
  'lib/shapes.js': `
const fs = require('fs');
const { readJson } = require('./fsutil');
const cache = {};
exports.maybeNever = function (x, cb) { if (x) cb(null, 1); };
exports.syncOnOnePath = function (key, cb) {
  if (cache[key]) return cb(null, cache[key]);
  fs.readFile(key, cb);
};
exports.twice = function (p, cb) {
  fs.stat(p, (err, stat) => {
    if (err) cb(err);
    cb(null, stat);
  });
};
exports.loopCalls = function (items, cb) { items.forEach((item) => cb(null, item)); };
exports.timer = function (cb) { setTimeout(() => cb(null), 5); };
exports.tick = function (cb) { process.nextTick(cb, null); };
exports.immediate = function (cb) { setImmediate(() => { cb(null, 'x'); }); };
exports.promise = function (cb) { Promise.resolve(1).then((v) => cb(null, v), (err) => cb(err)); };
exports.viaPackageApi = function (cb) { readJson('x.json', cb); };
exports.throwsFirst = function (p, cb) {
  if (typeof p !== 'string') throw new TypeError('p');
  fs.readFile(p, cb);
};
exports.retry = function retry(n, cb) {
  fs.stat('x', (err) => {
    if (err && n > 0) return exports.retry(n - 1, cb);
    cb(err);
  });
};
function store(key, cb) { if (cache[key]) return cb(null, cache[key]); this._cb = cb; }
exports.store = store;
exports.unresolved = function (cb) { somewhere.doIt(cb); };
exports.afterAwait = async function (p, cb) {
  if (!p) return cb(new Error('no path'));
  const text = await fs.promises.readFile(p, 'utf8');
  cb(null, text);
};
exports.each = function (items, cb) {
  let i = 0;
  function next(err) {
    if (err) return cb(err);
    if (i === items.length) return cb(null);
    fs.stat(items[i++], next);
  }
  next();
};
exports.size = function (howMany) { return require('crypto').randomBytes(howMany); };
exports.sizes = function (howMany) { for (let i = 0; i < howMany; i++) fs.stat(String(i), howMany); };
`,
  'lib/ping.js': `
const pong = require('./pong');
module.exports = function ping(n, cb) {
  if (n === 0) return setImmediate(cb);
  pong(n - 1, (err) => { if (err) return cb(err); cb(null); });
};
`,
  'lib/pong.js': `
module.exports = function pong(n, cb) {
  const ping = require('./ping');
  ping(n, cb);
};
`,
  'lib/store.js': `
const fs = require('fs');
const util = require('util');
const EventEmitter = require('events');
function Store(dir) { this.dir = dir; }
util.inherits(Store, EventEmitter);
Store.prototype.fetch = function (key, cb) { fs.readFile(this.dir + key, cb); };
Store.prototype.fetchTwo = function (a, b, cb) {
  var self = this;
  self.fetch(a, function (err) {
    if (err) return cb(err);
    self.fetch(b, cb);
  });
};
class Reader { read(cb) { fs.readFile('a', cb); } }
class Other { read(cb) { cb(null, 1); } }
Reader.prototype.readTwice = function (cb) { this.read(cb); };
module.exports = { Store, Reader, Other };
`,
  'test/store.test.js': `
const { statOrDefault } = require('../lib/fsutil');
const shapes = require('../lib/shapes');
it('stats', statOrDefault);
if (shapes.timer.length !== 1) throw new Error('arity');
`,
};

describe('package model: CommonJS package of several files', () => {
  let model: PackageModel;
  it('reads every file of the package, tests included', async () => {
    const root = await makeTree(commonJsPackage);
    model = await buildPackageModel(root);
    expect(model.name).toBe('cjs-fixture');
    expect(Object.keys(model.modules).sort()).toEqual(['lib/fsutil.js', 'lib/ping.js', 'lib/pong.js', 'lib/shapes.js', 'lib/store.js', 'test/store.test.js']);
    expect(model.unreadable).toEqual([]);
    expect(model.modules['lib/shapes.js'].dependencies).toEqual(['./fsutil', 'crypto', 'fs']);
  });

  it('once, deferred by a Node API, with optional-argument shifting', () => {
    const readJson = api(model, 'lib/fsutil.js#readJson');
    expect(readJson).toMatchObject({ calls: 'once', timing: 'deferred', optional: ['opts'], callback: 'cb', exported: true });
    expect(readJson.paths).toEqual([{ calls: 1, sync: false, via: ['node-api'] }]);
    expect(readJson.values).toEqual({ errorCalls: 2, successArities: [1] });
  });

  it('a default callback, handed on to a Node API', () => {
    const stat = api(model, 'lib/fsutil.js#statOrDefault');
    expect(stat).toMatchObject({ calls: 'once', timing: 'deferred', defaultCallback: true });
    expect(stat.handedOn).toEqual([{ callee: { kind: 'node', module: 'fs', name: 'stat' }, text: 'fs.stat', line: 15 }]);
  });

  it('maybe never, sync on one path, maybe twice', () => {
    expect(api(model, 'lib/shapes.js#exports.maybeNever')).toMatchObject({ calls: 'maybe-never', timing: 'sync' });
    expect(api(model, 'lib/shapes.js#exports.syncOnOnePath')).toMatchObject({ calls: 'once', timing: 'sync-on-some-path' });
    const twice = api(model, 'lib/shapes.js#exports.twice');
    expect(twice).toMatchObject({ calls: 'maybe-twice', timing: 'deferred' });
    expect(twice.paths.map((p) => p.calls).sort()).toEqual([1, 2]);
    expect(api(model, 'lib/shapes.js#exports.loopCalls')).toMatchObject({ calls: 'maybe-twice', timing: 'sync' });
  });

  it('deferred through a timer, process.nextTick, setImmediate, a promise and another package API', () => {
    const via = (id: string) => api(model, `lib/shapes.js#exports.${id}`);
    expect(via('timer')).toMatchObject({ calls: 'once', timing: 'deferred', paths: [{ calls: 1, sync: false, via: ['timer'] }] });
    expect(via('tick')).toMatchObject({ calls: 'once', timing: 'deferred', paths: [{ calls: 1, sync: false, via: ['next-tick'] }] });
    expect(via('immediate')).toMatchObject({ calls: 'once', timing: 'deferred', paths: [{ calls: 1, sync: false, via: ['set-immediate'] }] });
    expect(via('promise')).toMatchObject({ calls: 'once', timing: 'deferred', paths: [{ calls: 1, sync: false, via: ['promise'] }] });
    const handedOn = via('viaPackageApi');
    expect(handedOn).toMatchObject({ calls: 'once', timing: 'deferred', paths: [{ calls: 1, sync: false, via: ['node-api'] }] });
    expect(handedOn.handedOn[0].callee).toEqual({ kind: 'package', id: 'lib/fsutil.js#readJson' });
  });

  it('an argument check that throws is a path of its own, not a missing call', () => {
    const throwsFirst = api(model, 'lib/shapes.js#exports.throwsFirst');
    expect(throwsFirst).toMatchObject({ calls: 'once', timing: 'deferred' });
    expect(throwsFirst.paths).toContainEqual({ calls: 0, sync: false, via: [], throws: true });
  });

  it('recursion and a cycle across two files reach a fixpoint', () => {
    expect(api(model, 'lib/shapes.js#exports.retry')).toMatchObject({ calls: 'once', timing: 'deferred', unknownBecause: [] });
    const ping = api(model, 'lib/ping.js#module.exports');
    const pong = api(model, 'lib/pong.js#module.exports');
    expect(ping).toMatchObject({ calls: 'once', timing: 'deferred' });
    expect(ping.paths).toEqual([{ calls: 1, sync: false, via: ['set-immediate'] }]);
    expect(pong).toMatchObject({ calls: 'once', timing: 'deferred' });
  });

  it('a stored callback and an unresolved callee are unknown, with the reason', () => {
    const store = api(model, 'lib/shapes.js#store');
    expect(store.calls).toBe('unknown');
    expect(store.stored).toEqual([{ where: 'this._cb', line: 32 }]);
    expect(store.unknownBecause).toEqual(['stored in this._cb (line 32)']);
    const unresolved = api(model, 'lib/shapes.js#exports.unresolved');
    expect(unresolved).toMatchObject({ calls: 'unknown', timing: 'unknown' });
    expect(unresolved.unknownBecause).toEqual(['given to somewhere.doIt(), which is not resolved (line 34)']);
  });

  it('in an async function, a call after an await is deferred; a number passed on is no callback', () => {
    const afterAwait = api(model, 'lib/shapes.js#exports.afterAwait');
    expect(afterAwait).toMatchObject({ calls: 'once', timing: 'sync-on-some-path' });
    expect(afterAwait.paths).toEqual([{ calls: 1, sync: false, via: ['promise'] }, { calls: 1, sync: true, via: [] }]);
    expect(model.apis.map((entry) => entry.id)).not.toContain('lib/shapes.js#exports.size');
    expect(model.apis.map((entry) => entry.id)).not.toContain('lib/shapes.js#exports.sizes');
  });

  it('a local next() loop through a Node API: its own fixpoint; an empty list calls back synchronously', () => {
    const each = api(model, 'lib/shapes.js#exports.each');
    expect(each).toMatchObject({ calls: 'once', timing: 'sync-on-some-path', unknownBecause: [] });
    expect(each.paths).toEqual([{ calls: 1, sync: false, via: ['node-api'] }, { calls: 1, sync: true, via: [] }]);
  });

  it('methods: prototype assignments and self = this resolve; a name two classes share does not', () => {
    const fetchTwo = api(model, 'lib/store.js#Store.prototype.fetchTwo');
    expect(fetchTwo).toMatchObject({ name: 'Store#fetchTwo', calls: 'once', timing: 'deferred' });
    expect(fetchTwo.handedOn[0].callee).toEqual({ kind: 'package', id: 'lib/store.js#Store.prototype.fetch' });
    const readTwice = api(model, 'lib/store.js#Reader.prototype.readTwice');
    expect(readTwice.calls).toBe('unknown');
    expect(readTwice.handedOn[0].callee).toEqual({ kind: 'unresolved', text: '.read' });
    expect(model.modules['lib/store.js'].inherits).toEqual([{ child: 'Store', parent: 'EventEmitter' }]);
  });

  it('escapes: passed to mocha from a test file, and inspected through .length', () => {
    expect(api(model, 'lib/fsutil.js#statOrDefault').escapes).toEqual([
      { file: 'test/store.test.js', line: 4, how: 'passed', detail: 'passed to it' },
    ]);
    expect(api(model, 'lib/shapes.js#exports.timer').escapes).toEqual([
      { file: 'test/store.test.js', line: 5, how: 'inspected', detail: 'shapes.timer.length read' },
    ]);
    expect(api(model, 'lib/fsutil.js#readJson').escapes).toEqual([]);
  });

  it('counts calls with an inline error-first callback and how many resolve', () => {
    // fs.readFile, fs.stat twice, pong(), self.fetch(); a promise's rejection handler is not counted.
    expect(model.inlineCallbackCalls).toEqual({ total: 5, resolved: 5, unresolvedByName: {} });
  });

  it('conversion groups: APIs that hand their callback to each other, across files, with their callers', () => {
    const groupOf = (id: string) => model.groups.find((group) => group.apis.includes(id))!;
    expect(groupOf('lib/fsutil.js#readJson').apis).toEqual(['lib/fsutil.js#readJson', 'lib/shapes.js#exports.viaPackageApi']);
    expect(groupOf('lib/ping.js#module.exports')).toEqual({ apis: ['lib/ping.js#module.exports', 'lib/pong.js#module.exports'], files: ['lib/ping.js', 'lib/pong.js'], callSites: 2 });
    expect(groupOf('lib/store.js#Store.prototype.fetch').apis).toEqual(['lib/store.js#Store.prototype.fetch', 'lib/store.js#Store.prototype.fetchTwo']);
    expect(groupOf('lib/shapes.js#exports.timer')).toEqual({ apis: ['lib/shapes.js#exports.timer'], files: ['lib/shapes.js'], callSites: 0 });
    // Every API is in exactly one group.
    expect(model.groups.flatMap((group) => group.apis).sort()).toEqual(model.apis.map((api) => api.id).sort());
  });

  it('is plain data', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

const esmPackage = {
  'package.json': JSON.stringify({ name: 'esm-fixture', type: 'module' }),
  'src/read.mjs': `
import fs from 'node:fs';
export function readText(p, cb) { fs.readFile(p, 'utf8', cb); }
export default function readLines(p, cb) {
  readText(p, (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\\n'));
  });
}
`,
  'src/index.mjs': `
export * from './read.mjs';
export { default as lines } from './read.mjs';
`,
  'src/use.mjs': `
import * as all from './index.mjs';
import readLines from './read.mjs';
import { lines } from './index.mjs';
import { readFile } from 'fs';
export const viaStar = (p, cb) => all.readText(p, cb);
export function viaDefault(p, cb) { readLines(p, cb); }
export function viaRenamed(p, cb) { lines(p, cb); }
export function named(p, cb) { readFile(p, cb); }
export async function later() { const { readText } = await import('./read.mjs'); return readText; }
`,
};

describe('package model: ES modules', () => {
  it('follows export *, default exports, renamed re-exports and named Node imports', async () => {
    const root = await makeTree(esmPackage);
    const model = await buildPackageModel(root);
    expect(model.modules['src/use.mjs'].format).toBe('esm');
    expect(model.modules['src/use.mjs'].dependencies).toEqual(['./index.mjs', './read.mjs', 'fs']);
    expect(api(model, 'src/read.mjs#readLines')).toMatchObject({ calls: 'once', timing: 'deferred', exported: true });
    for (const id of ['viaStar', 'viaDefault', 'viaRenamed', 'named']) {
      expect(api(model, `src/use.mjs#${id}`)).toMatchObject({ calls: 'once', timing: 'deferred', unknownBecause: [] });
    }
    expect(api(model, 'src/use.mjs#viaRenamed').handedOn[0].callee).toEqual({ kind: 'package', id: 'src/read.mjs#readLines' });
    expect(api(model, 'src/use.mjs#named').handedOn[0].callee).toEqual({ kind: 'node', module: 'fs', name: 'readFile' });
  });
});

describe('package model: TypeScript', () => {
  it('reads typed parameters, class methods, and an import written with .js for a .ts file', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'ts-fixture' }),
      'src/load.ts': `import * as fs from 'fs';
export function load(p: string, cb: (err: Error | null, text?: string) => void): void {
  fs.readFile(p, 'utf8', cb);
}
export class Cache {
  private seen = new Map<string, string>();
  get(p: string, cb?: (err: Error | null, text?: string) => void): void {
    const hit = this.seen.get(p);
    if (hit !== undefined) return cb?.(null, hit);
    load(p, (err, text) => { if (err) return cb?.(err); cb?.(null, text); });
  }
}
`,
      'src/main.ts': `import { load } from './load.js';
export const twice = (p: string, done: (err: Error | null) => void) => load(p, (err) => { done(err); done(null); });
`,
    });
    const model = await buildPackageModel(root);
    expect(model.unreadable).toEqual([]);
    expect(api(model, 'src/load.ts#load')).toMatchObject({ calls: 'once', timing: 'deferred', params: ['p', 'cb'] });
    expect(api(model, 'src/load.ts#Cache.prototype.get')).toMatchObject({ name: 'Cache#get', calls: 'once', timing: 'sync-on-some-path' });
    expect(api(model, 'src/main.ts#twice')).toMatchObject({ calls: 'maybe-twice', timing: 'deferred' });
  });
});

describe('strongly connected components', () => {
  it('come out callees first, cycles together', () => {
    const edges: Record<string, string[]> = { d: ['a'], a: ['b'], b: ['a', 'c'], c: [], e: ['e'] };
    const components = stronglyConnectedComponents(['d', 'a', 'b', 'c', 'e'], (node) => edges[node]);
    expect(components.map((component) => [...component].sort())).toEqual([['c'], ['a', 'b'], ['d'], ['e']]);
  });

  it('a chain deeper than the call stack', () => {
    const nodes = Array.from({ length: 100_000 }, (_, index) => `f${index}`);
    const components = stronglyConnectedComponents(nodes, (node) => (node === 'f99999' ? [] : [`f${Number(node.slice(1)) + 1}`]));
    expect(components.length).toBe(100_000);
    expect(components[0]).toEqual(['f99999']);
  });
});

describe('package roots', () => {
  it('a monorepo has one model per package.json; files outside the given paths are read too', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'mono', private: true }),
      'packages/a/package.json': JSON.stringify({ name: 'a' }),
      'packages/a/index.js': `exports.go = function (cb) { require('fs').stat('.', cb); };`,
      'packages/a/bin/cli.js': `require('../index').go(function (err) { if (err) throw err; });`,
      'packages/a/bin/a': `#!/usr/bin/env node\nrequire('../index').go(function (err) { if (err) throw err; });\n`,
      'packages/a/bin/notes': `plain text, not a script\n`,
      'packages/b/package.json': JSON.stringify({ name: 'b' }),
      'packages/b/index.js': `exports.go = function (cb) { setTimeout(cb, 1); };`,
      'packages/b/node_modules/dep/index.js': `exports.never = 1;`,
    });
    const models = await buildPackageModels([path.join(root, 'packages/a/index.js'), path.join(root, 'packages/b/index.js')], root);
    expect(models.map((model) => model.name)).toEqual(['a', 'b']);
    expect(Object.keys(models[0].modules)).toEqual(['bin/a', 'bin/cli.js', 'index.js']);
    expect(Object.keys(models[1].modules)).toEqual(['index.js']);
    expect(models[0].inlineCallbackCalls).toEqual({ total: 2, resolved: 2, unresolvedByName: {} });
    expect(api(models[1], 'index.js#exports.go')).toMatchObject({ calls: 'once', timing: 'deferred' });
  });

  it("require('..') is the package's main, the package's own name is itself, and a static member may name a function", async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'copier', main: './lib/copy.js' }),
      'lib/copy.js': `module.exports = copy;\ncopy.copy = copy;\nfunction copy(from, to, cb) { require('fs').copyFile(from, to, cb); }\n`,
      'test/a.js': `require('..').copy('a', 'b', function (err) {});\nrequire('copier')('a', 'b', function (err) {});\nrequire('copier/lib/copy.js')('a', 'b', function (er) {});\n`,
      'test/b.js': `const fs = require('graceful-fs');\nfs.stat('a', function (err, stat) {});\n`,
    });
    const model = await buildPackageModel(root);
    expect(model.inlineCallbackCalls).toEqual({ total: 4, resolved: 4, unresolvedByName: {} });
    expect(api(model, 'lib/copy.js#copy')).toMatchObject({ calls: 'once', timing: 'deferred', exported: true });
  });

  it("a member of the module's own object set to a Node function (nedb's storage.appendFile = fs.appendFile) resolves to it, in its file and through require; set twice, to neither", async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'storage-model' }),
      'lib/storage.js': `var fs = require('fs'), mkdirp = require('mkdirp'), storage = {};
storage.appendFile = fs.appendFile;
storage.mkdirp = mkdirp;
storage.twice = fs.unlink;
storage.twice = fs.rmdir;
storage.append = function (file, text, cb) {
  storage.appendFile(file, text, function (err) { cb(err); });
};
module.exports = storage;
`,
      'lib/app.js': `var storage = require('./storage');
function save(file, cb) {
  storage.appendFile(file, 'x', function (err) { return cb(err); });
}
storage.mkdirp('d', function (err) {});
storage.twice('d', function (err) {});
module.exports = save;
`,
    });
    const model = await buildPackageModel(root);
    expect(model.inlineCallbackCalls).toEqual({ total: 4, resolved: 2, unresolvedByName: { 'storage.mkdirp': 1, 'storage.twice': 1 } });
    expect(api(model, 'lib/storage.js#storage.append')).toMatchObject({ calls: 'once', timing: 'deferred' });
    expect(api(model, 'lib/app.js#save')).toMatchObject({ calls: 'once', timing: 'deferred' });
  });

  it('escapes: stored in an array, bound, registered, read through Symbol.toStringTag, and its own arguments.length', async () => {
    const root = await makeTree({
      'package.json': '{}',
      'lib/tasks.js': `const fs = require('fs');
function a(cb) { fs.stat('a', cb); }
function b(cb) { fs.stat('b', cb); }
function c(x, cb) { if (arguments.length < 2) { cb = x; } fs.stat('c', cb); }
function d(cb) { fs.stat('d', cb); }
const tasks = [a];
const bound = b.bind(null);
if (d[Symbol.toStringTag] === 'AsyncFunction') throw new Error();
module.exports = { a, b, c, d, tasks, bound };
`,
    });
    const model = await buildPackageModel(root);
    const escapes = (id: string) => api(model, id).escapes.map((escape) => [escape.how, escape.detail, escape.line]);
    expect(escapes('lib/tasks.js#a')).toEqual([['stored', 'put in an array', 6]]);
    expect(escapes('lib/tasks.js#b')).toEqual([['passed', 'b.bind(…)', 7]]);
    expect(escapes('lib/tasks.js#c')).toEqual([['inspected', 'reads arguments.length', 4]]);
    expect(escapes('lib/tasks.js#d')).toEqual([['inspected', 'd[Symbol.toStringTag] read', 8]]);
  });

  it('a name the file only ever gives new C() calls C\'s own method, even where two classes share the name', async () => {
    const root = await makeTree({
      'package.json': '{}',
      'lib/db.js': `const fs = require('fs');
function Db(file) { this.file = file; }
Db.prototype.insert = function (doc, cb) { fs.appendFile(this.file, JSON.stringify(doc), cb); };
function Index() {}
Index.prototype.insert = function (doc) { return doc; };
module.exports = Db;
`,
      'test/db.test.js': `const Db = require('../lib/db');
let d;
beforeEach(function () { d = new Db('x'); });
it('inserts', function (done) { d.insert({}, function (err) { done(err); }); });
let e = new Db('y');
e = makeOther();
it('other', function (done) { e.insert({}, function (err) { done(err); }); });
`,
      'test/other.test.js': `const Db = require('../lib/db');
const d = new Db('z');
d.insert({}, function (err) {});
function helper(d) { d.insert({}, function (err) {}); }
`,
    });
    const model = await buildPackageModel(root);
    // d.insert resolves in db.test.js (to Db#insert); e is reassigned, and in other.test.js d is also a
    // parameter somewhere in the file: there .insert stays unresolved (Index#insert shares the name).
    expect(model.inlineCallbackCalls).toEqual({ total: 4, resolved: 1, unresolvedByName: { 'e.insert': 1, 'd.insert': 2 } });
    expect(model.groups.find((group) => group.apis.includes('lib/db.js#Db.prototype.insert'))).toMatchObject({ files: ['lib/db.js', 'test/db.test.js'], callSites: 1 });
  });

  it('a file that does not parse is listed with its reason and the rest is read', async () => {
    const root = await makeTree({
      'package.json': '{}',
      'good.js': `exports.f = function (cb) { process.nextTick(() => cb(null)); };`,
      'bad.js': `function (`,
    });
    const model = await buildPackageModel(root);
    expect(model.unreadable.map((entry) => entry.file)).toEqual(['bad.js']);
    expect(model.unreadable[0].message).toMatch(/Unexpected token/);
    expect(api(model, 'good.js#exports.f')).toMatchObject({ calls: 'once', timing: 'deferred' });
  });
});

describe('package model: the summary shapes in ES modules, across files', () => {
  const esmShapes = {
    'package.json': JSON.stringify({ name: 'esm-shapes', type: 'module' }),
    'src/io.js': `import { readFile, stat } from 'node:fs';
export function once(p, cb) { readFile(p, 'utf8', (err, text) => { if (err) return cb(err); cb(null, text); }); }
export function twice(p, cb) { stat(p, (err, st) => { if (err) cb(err); cb(null, st); }); }
export function maybeNever(flag, cb) { if (flag) setTimeout(() => cb(null), 1); }
export function syncOnOnePath(p, cb) { if (!p) return cb(new Error('no path')); readFile(p, cb); }
`,
    'src/later.js': `export const timer = (cb) => { setTimeout(() => cb(null, 1), 1); };
export const tick = (cb) => { process.nextTick(() => cb(null)); };
export const immediate = (cb) => { setImmediate(cb); };
export const promise = (cb) => { Promise.resolve(2).then((v) => cb(null, v), cb); };
export const microtask = (cb) => { queueMicrotask(() => cb(null)); };
`,
    'src/use.js': `import { once, twice } from './io.js';
import * as later from './later.js';
const state = {};
export function handedOn(p, cb) { once(p, cb); }
export function viaTwice(p, cb) { twice(p, (err, st) => { if (err) return cb(err); cb(null, st); }); }
export function viaTimer(cb) { later.timer(cb); }
export function stored(key, cb) { if (!key) return cb(new Error('no key')); state.waiting = cb; }
export function escaping(p, cb) { once(p, cb); }
export const registry = [escaping];
`,
  };

  it('once, twice, maybe never, sync on one path, deferred through each mechanism, handed on across files, stored, escaping', async () => {
    const model = await buildPackageModel(await makeTree(esmShapes));
    expect(model.modules['src/use.js'].format).toBe('esm');
    expect(api(model, 'src/io.js#once')).toMatchObject({ calls: 'once', timing: 'deferred', paths: [{ calls: 1, sync: false, via: ['node-api'] }] });
    expect(api(model, 'src/io.js#twice')).toMatchObject({ calls: 'maybe-twice', timing: 'deferred' });
    expect(api(model, 'src/io.js#maybeNever')).toMatchObject({ calls: 'maybe-never', timing: 'deferred' });
    expect(api(model, 'src/io.js#syncOnOnePath')).toMatchObject({ calls: 'once', timing: 'sync-on-some-path' });
    const mechanisms = { timer: 'timer', tick: 'next-tick', immediate: 'set-immediate', promise: 'promise', microtask: 'promise' } as const;
    for (const [name, via] of Object.entries(mechanisms)) {
      expect(api(model, `src/later.js#${name}`), name).toMatchObject({ calls: 'once', timing: 'deferred', paths: [{ calls: 1, sync: false, via: [via] }] });
    }
    const handedOn = api(model, 'src/use.js#handedOn');
    expect(handedOn).toMatchObject({ calls: 'once', timing: 'deferred', handedOn: [{ callee: { kind: 'package', id: 'src/io.js#once' }, text: 'once', line: 4 }] });
    // What a callee may do reaches its callers: twice's second call-back goes through viaTwice's inline callback.
    expect(api(model, 'src/use.js#viaTwice')).toMatchObject({ calls: 'maybe-twice', timing: 'deferred' });
    expect(api(model, 'src/use.js#viaTimer')).toMatchObject({ calls: 'once', timing: 'deferred', paths: [{ calls: 1, sync: false, via: ['timer'] }] });
    const stored = api(model, 'src/use.js#stored');
    expect(stored).toMatchObject({ calls: 'unknown' });
    expect(stored.stored).toEqual([{ where: 'state.waiting', line: 7 }]);
    expect(api(model, 'src/use.js#escaping').escapes).toEqual([{ file: 'src/use.js', line: 9, how: 'stored', detail: expect.any(String) }]);
  });
});

describe('package model: util.inherits method lookup', () => {
  it('a method called on an instance of a child class resolves to the parent prototype method, across files', async () => {
    const root = await makeTree({
      'package.json': '{}',
      'lib/base.js': `const fs = require('fs');
function Base(dir) { this.dir = dir; }
Base.prototype.load = function (name, cb) { fs.readFile(this.dir + name, cb); };
module.exports = Base;
`,
      'lib/child.js': `const util = require('util');
const Base = require('./base');
function Child(dir) { Base.call(this, dir); }
util.inherits(Child, Base);
module.exports = Child;
`,
      'lib/other.js': `function Other() {}
Other.prototype.load = function (name, cb) { cb(null, name); cb(null, name); };
module.exports = Other;
`,
      'app.js': `const Child = require('./lib/child');
const c = new Child('/tmp/');
c.load('x', function (err, text) { console.log(err, text); });
`,
    });
    const model = await buildPackageModel(root);
    // Two prototypes have a load, so the name alone cannot tell; the instance's chain does.
    expect(model.inlineCallbackCalls).toEqual({ total: 1, resolved: 1, unresolvedByName: {} });
    const calls = packageCallsOf(model, path.join(root, 'app.js'));
    expect(calls.map((call) => [call.callee, call.target.id, call.target.summary?.calls])).toEqual([['c.load', 'lib/base.js#Base.prototype.load', 'once']]);
  });
});
