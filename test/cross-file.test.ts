import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/engine/run';
import { writeResults } from '../src/io/write-results';
import { formatReport } from '../src/report/format';
import { transformSource } from '../src/engine/transform-source';
import type { FileResult, PackageCallee, Report } from '../src/types';
import { runAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';
import { withoutAwaitifyHelpers } from './helpers/helper-module';

afterAll(removeTrees);

/**
 * Cross-file conversion through the package model, on real files: a plain JavaScript package
 * (no tsconfig, no jsconfig) whose app calls callback functions of lib/.
 */
const storeJs = `const fs = require('fs');
function load(id, cb) {
  fs.readFile(id, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}
function twice(cb) {
  fs.stat(__filename, (err, st) => {
    if (err) cb(err);
    cb(null, st.isFile());
  });
}
module.exports = { load, twice };
`;

const appJs = `const store = require('./lib/store');
const { later } = require('./vendor/later');
store.load(__dirname + '/data.txt', (err, text) => {
  if (err) throw err;
  console.log('loaded', text);
});
store.twice((err, isFile) => {
  if (err) throw err;
  console.log('twice', isFile);
});
later(3, (err, value) => {
  if (err) throw err;
  console.log('later', value);
});
console.log('started');
`;

const laterJs = `exports.later = function later(value, cb) {
  setTimeout(() => cb(null, value * 2), 1);
};
`;

function storePackage(): Promise<string> {
  return makeTree({
    'package.json': JSON.stringify({ name: 'store-fixture', version: '1.0.0' }),
    'lib/store.js': storeJs,
    'vendor/later.js': laterJs,
    'app.js': appJs,
    'data.txt': 'hello\n',
  });
}

function fileOf(report: Report, name: string): FileResult {
  const found = report.files.find((file) => file.path === name);
  if (!found) throw new Error(`no ${name} in ${report.files.map((file) => file.path).join(', ')}`);
  return found;
}

function rulesAt(file: FileResult, line: number): string[] {
  return file.findings.filter((finding) => finding.line === line).map((finding) => `${finding.ruleId}${finding.messageId ? `/${finding.messageId}` : ''}`);
}

function runNode(root: string): string {
  return execFileSync(process.execPath, ['app.js'], { cwd: root, encoding: 'utf8' });
}

describe('cross-file conversion through the package model (plain JavaScript, no config file)', () => {
  it('awaits a function of another file that became async, judges the others by their summaries, and runs the same in node', async () => {
    const root = await storePackage();
    const before = runNode(root);
    // vendor/ is outside the run's paths: read by the model, never written.
    const report = await run({ paths: ['app.js', 'lib'], cwd: root });
    const app = fileOf(report, 'app.js');
    const store = fileOf(report, 'lib/store.js');
    expect(store.convertedApis?.map((api) => api.name)).toEqual(['load']);
    expect(app.output).toContain("const text = await store.load(__dirname + '/data.txt');");
    expect(app.output).not.toContain('fromCallback((done) => store.load');
    expect(app.awaitsFrom).toEqual(['lib/store.js']);
    // twice may call back twice (its summary): kept with its callback, said by the model.
    expect(rulesAt(app, 7)).toEqual(['timing/multiple-callback-calls/packageCalleeTwice']);
    expect(app.output).toContain('store.twice((err, isFile) => {');
    // later (outside the run, once and later by its summary) converts through the local wrapper, with no unknown-callee flag.
    expect(app.output).toContain('await fromCallback((done) => later(3, done))');
    expect(rulesAt(app, 11)).toEqual(['timing/callback-moved-to-microtask/operationCallback']);
    expect(report.files.map((file) => file.path)).not.toContain('vendor/later.js');
    expect(report.summary.crossFile).toMatchObject({ packages: ['.'], filesRead: 3, callsResolved: 3, calleesAwaited: 1, fellBack: [] });
    expect(formatReport(report, 'text')).toContain('Across files (package model): 1 callee of other files awaited, 3 calls of other files\' functions resolved.');

    await writeResults(report);
    expect(await fs.readFile(path.join(root, 'vendor/later.js'), 'utf8')).toBe(laterJs);
    expect(runNode(root)).toBe(before);
  });

  it('follows `var load = _store.load` after `var _store = require(\'./lib/store\')` (fs-extra\'s way): the call awaits load itself, no wrapper', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'store-fixture', version: '1.0.0' }),
      'lib/store.js': storeJs,
      'app.js': `var _store = require('./lib/store');
var load = _store.load;
function show(file, cb) {
  load(file, function (err, text) {
    if (err) return cb(err);
    cb(null, '[' + text + ']');
  });
}
show(__dirname + '/data.txt', (err, shown) => console.log('shown', err, shown));
show(__dirname + '/missing.txt', (err) => console.log('missing', err.code));
console.log('started');
`,
      'data.txt': 'hello\n',
    });
    const before = runNode(root);
    const report = await run({ paths: ['app.js', 'lib'], cwd: root });
    const app = fileOf(report, 'app.js');
    expect(app.output).toContain('var text = await load(file);');
    expect(app.output).not.toContain('fromCallback');
    expect(app.awaitsFrom).toEqual(['lib/store.js']);
    await writeResults(report);
    expect(runNode(root)).toBe(before);
  });

  it('follows `storage.appendFile = fs.appendFile; module.exports = storage` (nedb\'s lib/storage.js): another file\'s `storage.appendFile(…, cb)` is fs.appendFile, promisified at the call, with no unknown-callee flag', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'storage-fixture', version: '1.0.0' }),
      'lib/storage.js': `var fs = require('fs')
  , storage = {};

storage.appendFile = fs.appendFile;
storage.readFile = fs.readFile;

module.exports = storage;
`,
      'app.js': `var storage = require('./lib/storage');
function log(file, line, cb) {
  storage.appendFile(file, line + '\\n', 'utf8', function (err) {
    if (err) { return cb(err); }
    storage.readFile(file, 'utf8', function (err, text) {
      if (err) { return cb(err); }
      return cb(null, text.split('\\n').length - 1);
    });
  });
}
log(__dirname + '/log.txt', 'one', function (err, lines) {
  console.log('logged', err, lines);
  log(__dirname + '/no-such-dir/log.txt', 'two', function (err) { console.log('failed', err.code); });
});
console.log('started');
`,
    });
    const runs = () => [1, 2, 3].map(() => {
      const out = runNode(root);
      return fs.rm(path.join(root, 'log.txt'), { force: true }).then(() => out);
    });
    const before = await Promise.all(runs());
    const report = await run({ paths: ['app.js', 'lib'], cwd: root });
    const app = fileOf(report, 'app.js');
    expect(app.output).toContain("await promisify(storage.appendFile)(file, line + '\\n', 'utf8');");
    expect(app.output).toContain("var text = await promisify(storage.readFile)(file, 'utf8');");
    expect(app.output).not.toContain('fromCallback');
    expect(app.findings.filter((finding) => finding.ruleId === 'timing/unknown-callee')).toEqual([]);
    await writeResults(report);
    expect(await Promise.all(runs())).toEqual(before);
  });

  it('--no-cross-file converts each file on its own: another file\'s function is an unknown callee, as before', async () => {
    const root = await storePackage();
    const { code, stdout } = await runAwaitify(root, ['app.js', 'lib', '--no-cross-file', '--report', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Report;
    expect(json.summary.crossFile).toBeUndefined();
    const app = fileOf(json, 'app.js');
    expect(rulesAt(app, 3)).toContain('timing/unknown-callee/assumedOnceAsync');
    expect(rulesAt(app, 7)).toContain('timing/unknown-callee/assumedOnceAsync');
    const withModel = JSON.parse((await runAwaitify(root, ['app.js', 'lib', '--report', 'json'])).stdout) as Report;
    expect(withModel.summary.crossFile?.calleesAwaited).toBe(1);
    expect(fileOf(withModel, 'app.js').findings.some((finding) => finding.ruleId === 'timing/unknown-callee')).toBe(false);
  });

  it('in rounds: a function that converts because it awaits another file\'s makes its own callers convertible', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'chain-fixture' }),
      'lib/store.js': storeJs,
      'lib/service.js': `const store = require('./store');
function shout(id, cb) {
  store.load(id, (err, text) => {
    if (err) return cb(err);
    cb(null, text.toUpperCase());
  });
}
module.exports = { shout };
`,
      'main.js': `const { shout } = require('./lib/service');
shout(__dirname + '/data.txt', (err, text) => {
  if (err) throw err;
  console.log('shouted', text);
});
console.log('started');
`,
      'data.txt': 'hello\n',
    });
    const node = () => execFileSync(process.execPath, ['main.js'], { cwd: root, encoding: 'utf8' });
    const before = node();
    const report = await run({ paths: ['.'], cwd: root, forWrite: true });
    expect(fileOf(report, 'lib/service.js').output).toContain('const text = await store.load(id);');
    expect(fileOf(report, 'main.js').output).toContain("const text = await shout(__dirname + '/data.txt');");
    expect(fileOf(report, 'main.js').awaitsFrom).toEqual(['lib/service.js']);
    expect(fileOf(report, 'lib/service.js').awaitsFrom).toEqual(['lib/store.js']);
    await writeResults(report);
    expect(node()).toBe(before);
  });

  it('with no package.json above the files, reads only the files given (a run from a home directory reads nothing else)', async () => {
    const root = await makeTree({ 'lib/store.js': storeJs, 'app.js': appJs, 'elsewhere/big.js': 'exports.x = 1;\n' });
    const one = await run({ paths: ['app.js'], cwd: root });
    expect(one.summary.crossFile).toMatchObject({ packages: ['.'], filesRead: 1, callsResolved: 0 });
    const both = await run({ paths: ['app.js', 'lib'], cwd: root });
    expect(both.summary.crossFile).toMatchObject({ filesRead: 2, calleesAwaited: 1 });
    expect(fileOf(both, 'app.js').output).toContain('await store.load(');
  });

  it('where project mode runs (a jsconfig.json, --project), its type checker does the cross-file work instead', async () => {
    const root = await storePackage();
    await fs.writeFile(path.join(root, 'jsconfig.json'), JSON.stringify({ compilerOptions: { checkJs: false }, include: ['app.js', 'lib/**/*.js'] }));
    const report = await run({ paths: ['app.js', 'lib'], cwd: root, project: 'jsconfig.json' });
    expect(report.summary.project?.config).toBe('jsconfig.json');
    expect(report.summary.crossFile).toBeUndefined();
    expect(fileOf(report, 'app.js').output).toContain('await store.load(');
  });

  it('flags each caller of a function that may call back synchronously, now awaited', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'zalgo-fixture' }),
      'lib/cache.js': `const fs = require('fs');
const seen = {};
function get(key, cb) {
  if (seen[key]) return cb(null, seen[key]);
  fs.readFile(key, 'utf8', (err, text) => {
    if (err) return cb(err);
    seen[key] = text;
    cb(null, text);
  });
}
module.exports = { get };
`,
      'main.js': `const cache = require('./lib/cache');
cache.get(__filename, (err, text) => {
  if (err) throw err;
  console.log(text.length > 0);
});
`,
    });
    const report = await run({ paths: ['.'], cwd: root });
    const main = fileOf(report, 'main.js');
    expect(main.output).toContain('await cache.get(__filename)');
    expect(rulesAt(main, 2)).toContain('timing/sync-callback-now-async/callerContinuation');
  });
});

describe('prototype methods across files', () => {
  it('a Foo.prototype method of one file is awaited by another file\'s caller of `new Foo`, and the package runs the same', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'proto-fixture', version: '1.0.0' }),
      'lib/store.js': `var fs = require('fs');
function Store(dir) { this.dir = dir; }
Store.prototype.load = function (name, cb) {
  fs.readFile(this.dir + '/' + name, 'utf8', function (err, text) {
    if (err) return cb(err);
    cb(null, text.trim());
  });
};
module.exports = Store;
`,
      'lib/user.js': `var Store = require('./store');
var store = new Store(__dirname + '/..');
function loadUpper(name, cb) {
  store.load(name, function (err, text) {
    if (err) return cb(err);
    cb(null, text.toUpperCase());
  });
}
module.exports = loadUpper;
`,
      'app.js': `const loadUpper = require('./lib/user');
loadUpper('data.txt', (err, text) => {
  if (err) throw err;
  console.log('loaded', text);
  loadUpper('missing.txt', (err) => console.log('missing', err.code));
});
console.log('started');
`,
      'data.txt': 'hello\n',
    });
    const before = runNode(root);
    const report = await run({ paths: ['lib'], cwd: root, forWrite: true });
    expect(fileOf(report, 'lib/store.js').convertedApis?.map((api) => `${api.owner}.${api.name}`)).toEqual(['Store.load']);
    const user = fileOf(report, 'lib/user.js');
    expect(user.output).toContain('var text = await store.load(name);'); // var: the file writes var only
    expect(user.awaitsFrom).toEqual(['lib/store.js']);
    await writeResults(report);
    expect(runNode(root)).toBe(before);
  });
});

describe('conversion groups are written wholly or not at all', () => {
  it('a read-only definer converts nothing its callers would await: they keep their callbacks, and the package still runs', async () => {
    const root = await storePackage();
    const before = runNode(root);
    await fs.chmod(path.join(root, 'lib/store.js'), 0o444);
    const report = await run({ paths: ['app.js', 'lib'], cwd: root, forWrite: true });
    expect(report.summary.crossFile?.fellBack).toEqual([{ path: 'lib/store.js', reason: 'lib/store.js: the file is read-only; not written' }]);
    expect(formatReport(report, 'text')).toContain('Not awaited across files: the functions of lib/store.js, which cannot be written');
    const app = fileOf(report, 'app.js');
    expect(app.output).not.toContain('await store.load(');
    expect(app.awaitsFrom).toBeUndefined();
    const written = await writeResults(report);
    expect(fileOf(written, 'lib/store.js').status).toBe('error');
    expect(await fs.readFile(path.join(root, 'lib/store.js'), 'utf8')).toBe(storeJs);
    expect(fileOf(written, 'app.js').status).toBe('changed');
    expect(runNode(root)).toBe(before);
  });

  it('a caller is not written when the file it awaits could not be (changed on disk since it was read)', async () => {
    const root = await storePackage();
    const report = await run({ paths: ['app.js', 'lib'], cwd: root, forWrite: true });
    expect(fileOf(report, 'app.js').awaitsFrom).toEqual(['lib/store.js']);
    // Someone edits lib/store.js between the run and the write: it is not written, so neither is app.js.
    const edited = `${storeJs}// edited\n`;
    await fs.writeFile(path.join(root, 'lib/store.js'), edited);
    const written = await writeResults(report);
    expect(fileOf(written, 'lib/store.js').error?.message).toContain('changed on disk since it was read');
    expect(fileOf(written, 'app.js').error?.message).toBe('app.js: not written: it would await functions of lib/store.js, which could not be written');
    expect(await fs.readFile(path.join(root, 'app.js'), 'utf8')).toBe(appJs);
    expect(await fs.readFile(path.join(root, 'lib/store.js'), 'utf8')).toBe(edited);
  });

  it('a definer that does not parse converts nothing, and its callers keep calling it with a callback', async () => {
    const root = await storePackage();
    await fs.writeFile(path.join(root, 'lib/store.js'), `${storeJs}function (\n`);
    const report = await run({ paths: ['app.js', 'lib'], cwd: root });
    expect(fileOf(report, 'lib/store.js').status).toBe('error');
    const app = fileOf(report, 'app.js');
    expect(app.output).not.toContain('await store.load(');
    expect(app.awaitsFrom).toBeUndefined();
  });
});

describe('the jscodeshift entry converts each file on its own (single-file mode)', () => {
  // A jscodeshift worker sees one file at a time and cannot know whether the file that defines a
  // callee is in its run and will be written: awaiting it could leave a caller awaiting a
  // function that still takes a callback. So the entry gives the command's --no-cross-file output.
  it('writes what `awaitify --no-cross-file --write` writes, byte for byte', async () => {
    const repo = path.resolve(__dirname, '..');
    const spawn = (command: string, args: string[], cwd: string) =>
      execFileSync(process.execPath, [command, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const names = ['app.js', 'lib/store.js'];
    const viaCli = await storePackage();
    spawn(path.join(repo, 'dist', 'bin', 'awaitify.js'), [...names, '-t', 'callbacks-to-async', '--write', '--no-cross-file'], viaCli);
    const viaJscodeshift = await storePackage();
    spawn(path.join(repo, 'node_modules', '.bin', 'jscodeshift'), ['-t', path.join(repo, 'dist', 'transforms', 'callbacks-to-async.js'), ...names, '--fail-on-error'], viaJscodeshift);
    // Byte for byte but for where the fromCallback helper lives (the CLI's package helper module).
    for (const name of names) {
      const shifted = await fs.readFile(path.join(viaJscodeshift, name), 'utf8');
      const written = await fs.readFile(path.join(viaCli, name), 'utf8');
      expect(withoutAwaitifyHelpers(shifted), name).toBe(withoutAwaitifyHelpers(written));
    }
    const app = await fs.readFile(path.join(viaJscodeshift, 'app.js'), 'utf8');
    expect(app).toContain('fromCallback((done) => store.load(');
    // With the model (the command's default) the same call awaits the converted function instead: see the first test.
  });
});

describe('a call of another file\'s callback function is judged by its summary (TransformOptions.packageCallees)', () => {
  const source = `const { load } = require('./store');
load('a', (err, text) => {
  if (err) throw err;
  console.log(text);
});
console.log('after');
`;
  const callee = (summary: Partial<PackageCallee>): PackageCallee[] => [{ at: '2:1', name: 'load', definedIn: 'store.js', calls: 'once', timing: 'deferred', ...summary }];
  const ids = (result: FileResult) => result.findings.map((finding) => `${finding.ruleId}/${finding.messageId}/${finding.applied ? 'applied' : 'left'}`);

  it('once and later: converts through the wrapper with nothing flagged, under --strict too', () => {
    for (const strict of [false, true]) {
      const result = transformSource(source, { path: 'app.js', strict, packageCallees: callee({}) });
      expect(result.status).toBe('changed');
      expect(result.output).toContain("await fromCallback((done) => load('a', done))");
      expect(ids(result)).not.toContain('timing/unknown-callee/assumedOnceAsync/applied');
    }
    // Without the summary --strict refuses the unknown callee.
    expect(ids(transformSource(source, { path: 'app.js', strict: true }))).toContain('timing/unknown-callee/unknownFunction/left');
  });

  it('may call back twice: keeps its callback', () => {
    const result = transformSource(source, { path: 'app.js', packageCallees: callee({ calls: 'maybe-twice' }) });
    expect(result.status).toBe('unchanged');
    expect(ids(result)).toEqual(['timing/multiple-callback-calls/packageCalleeTwice/left']);
  });

  it('synchronous on some path: converts and flags it by default, refuses under --strict', () => {
    expect(ids(transformSource(source, { path: 'app.js', packageCallees: callee({ timing: 'sync-on-some-path' }) }))).toContain('timing/sync-callback-now-async/packageCalleeSyncAllowed/applied');
    expect(ids(transformSource(source, { path: 'app.js', strict: true, packageCallees: callee({ timing: 'sync' }) }))).toEqual(['timing/sync-callback-now-async/packageCalleeSync/left']);
  });

  it('calls back from a process.nextTick or a promise job: converts and flags the continuation by default, refuses under --strict', () => {
    // Awaited, the continuation runs a promise job after the callee's tick: ticks and promise
    // jobs queued after the call now come first (fuzz --multi-file seed 1013).
    const flagged = transformSource(source, { path: 'app.js', packageCallees: callee({ viaMicrotask: true }) });
    expect(flagged.status).toBe('changed');
    expect(ids(flagged)).toContain('timing/next-tick-ordering/packageCalleeMicrotaskAllowed/applied');
    expect(ids(transformSource(source, { path: 'app.js', strict: true, packageCallees: callee({ viaMicrotask: true }) }))).toEqual(['timing/next-tick-ordering/packageCalleeMicrotask/left']);
  });

  it('proves nothing (may never call back, throws on some path, unknown timing): the unknown-callee policy, as without the model', () => {
    for (const summary of [{ calls: 'maybe-never' as const }, { throws: true }, { timing: 'unknown' as const }]) {
      expect(ids(transformSource(source, { path: 'app.js', packageCallees: callee(summary) })), JSON.stringify(summary)).toContain('timing/unknown-callee/assumedOnceAsync/applied');
    }
  });
});

describe('a prototype method no file of the package reads but as a dropped-value call (TransformOptions.droppedMethods)', () => {
  const readerJs = `var fs = require('fs');
function Reader(file) { this.file = file; }
Reader.prototype.start = function () {
  var self = this;
  self._stat();
  console.log('start returned', self.file);
};
Reader.prototype._stat = function () {
  console.log('base stat', this.file);
};
// A Node callback API never reads what its callback returns.
Reader.prototype.restart = function () {
  var self = this;
  fs.stat(self.file, function () {
    return self._stat();
  });
};
Reader.prototype.fail = function (er) {
  console.log('failed', er.code);
};
module.exports = Reader;
`;
  const linkReaderJs = `var fs = require('fs');
var Reader = require('./reader');
function LinkReader(file) { Reader.call(this, file); }
LinkReader.prototype = Object.create(Reader.prototype);
// override the _stat method.
LinkReader.prototype._stat = function () {
  var self = this;
  fs.readFile(self.file, 'utf8', function (er, text) {
    if (er) return self.fail(er);
    console.log('read', text.trim());
    Reader.prototype._stat.call(self);
  });
};
module.exports = LinkReader;
`;
  const appJs = `const LinkReader = require('./lib/link-reader');
new LinkReader(__dirname + '/data.txt').start();
new LinkReader(__dirname + '/missing.txt').start();
new LinkReader(__dirname + '/data.txt').restart();
Promise.resolve().then(() => console.log('microtask'));
console.log('started');
`;

  function methodPackage(files: Record<string, string> = {}): Promise<string> {
    return makeTree({
      'package.json': JSON.stringify({ name: 'method-fixture', version: '1.0.0' }),
      'lib/reader.js': readerJs,
      'lib/link-reader.js': linkReaderJs,
      'app.js': appJs,
      'data.txt': 'hello\n',
      ...files,
    });
  }

  it('called as a statement from another file: the IIFE that ended it is folded, the method is async, and the package runs the same', async () => {
    const root = await methodPackage();
    const before = runNode(root);
    const report = await run({ paths: ['lib', 'app.js'], cwd: root, forWrite: true });
    const link = fileOf(report, 'lib/link-reader.js');
    expect(link.output).toContain('// override the _stat method.\nLinkReader.prototype._stat = async function () {\n  var self = this;\n  var text;\n');
    expect(link.output).not.toContain('async () =>');
    expect(rulesAt(link, 6)).toContain('timing/return-value-now-promise/methodFolded');
    // Code outside the package may read what it returns: a public change.
    // restart (called as a statement by app.js) ended with the IIFE of its fs.stat, which returned `self._stat()` to fs.
    expect(fileOf(report, 'lib/reader.js').output).toContain('Reader.prototype.restart = async function () {');
    expect(report.summary.publicChanges).toEqual([
      { path: 'lib/link-reader.js', name: '_stat', owner: 'LinkReader', line: 6, form: 'async' },
      { path: 'lib/reader.js', name: 'restart', owner: 'Reader', line: 12, form: 'async' },
    ]);
    await writeResults(report);
    expect(runNode(root)).toBe(before);
  });

  it('another file reads what it returns: the IIFE stays, and so does the method', async () => {
    const root = await methodPackage({
      'lib/reader.js': readerJs.replace('  self._stat();\n', '  var result = self._stat();\n  console.log(\'stat gave\', result);\n'),
    });
    const report = await run({ paths: ['lib', 'app.js'], cwd: root, forWrite: true });
    const link = fileOf(report, 'lib/link-reader.js');
    expect(link.output).toContain('LinkReader.prototype._stat = function () {');
    expect(link.output).toContain('(async () => {');
    expect(rulesAt(link, 6)).not.toContain('timing/return-value-now-promise/methodFolded');
  });

  it('a computed read whose key may be any name (`obj[name]` of a parameter, called) keeps every method as it was', async () => {
    const root = await methodPackage({
      'lib/call.js': 'module.exports = function call(obj, name) { return obj[name](); };\n',
    });
    const report = await run({ paths: ['lib', 'app.js'], cwd: root, forWrite: true });
    expect(fileOf(report, 'lib/link-reader.js').output).toContain('(async () => {');
  });
});

describe('a callback handed on by name to another file\'s function is judged by its summary too', () => {
  const source = `const fs = require('fs');
const { load } = require('./store');
function read(key, cb) {
  fs.stat(key, (err) => {
    if (err) return load(key, cb);
    cb(null, 'here');
  });
}
module.exports = { read };
`;
  const callee = (summary: Partial<PackageCallee>): PackageCallee[] => [{ at: '5:21', name: 'load', definedIn: 'store.js', calls: 'once', timing: 'deferred', ...summary }];
  const ids = (result: FileResult) => result.findings.map((finding) => `${finding.ruleId}/${finding.messageId}/${finding.applied ? 'applied' : 'left'}`);

  it('once and later: the function converts, and only the values handed back are assumed', () => {
    const result = transformSource(source, { path: 'app.js', packageCallees: callee({}) });
    expect(result.output).toContain('await fromCallback((done) => load(key, done))');
    expect(ids(result)).toContain('timing/unknown-callee/handedOnValuesAssumed/applied');
    expect(ids(result)).not.toContain('timing/unknown-callee/handedOnAssumed/applied');
  });

  it('may call back twice: the function keeps its callback', () => {
    const result = transformSource(source, { path: 'app.js', packageCallees: callee({ calls: 'maybe-twice' }) });
    expect(result.status).toBe('unchanged');
    expect(ids(result)).toContain('timing/callback-stored-or-escaping/passedAway/left');
  });

  it('without a summary: an unknown callee, flagged at the call; --strict keeps the callback', () => {
    expect(ids(transformSource(source, { path: 'app.js' }))).toContain('timing/unknown-callee/handedOnAssumed/applied');
    expect(transformSource(source, { path: 'app.js', strict: true }).status).toBe('unchanged');
  });

  it('in a package, the model gives the summary: a function of another file that may call back twice keeps the caller callback-style', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'hand-on-fixture', version: '1.0.0' }),
      'store.js': storeJs,
      'app.js': source.replace("const { load } = require('./store');", "const { twice: load } = require('./store');").replace('return load(key, cb)', 'return load(cb)'),
    });
    const report = await run({ paths: ['app.js', 'store.js'], cwd: root });
    const app = fileOf(report, 'app.js');
    expect(app.status).toBe('unchanged');
    expect(rulesAt(app, 5)).toContain('timing/callback-stored-or-escaping/passedAway');
  });
});
