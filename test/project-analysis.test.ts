import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/engine/run';
import { ProjectAnalysis, type ProjectCall } from '../src/project/analysis';
import { findEntryFiles } from '../src/project/entry-points';
import { loadProject } from '../src/project/load';
import type { Report } from '../src/types';
import { repoRoot, storeApp, typeErrors, writeChanges } from './project-helpers';
import { makeTree, removeTrees } from './temp-trees';

// The questions project mode asks of the checker, each on a small project of its own, and the
// decisions it takes from the answers.

afterAll(removeTrees);

const tsconfig = JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', types: [] }, include: ['src'] });

async function analyse(files: Record<string, string>): Promise<{ analysis: ProjectAnalysis; root: string; callAt: (file: string, text: string) => ProjectCall }> {
  const root = await makeTree({ 'tsconfig.json': tsconfig, ...files });
  const analysis = new ProjectAnalysis(await loadProject(path.join(root, 'tsconfig.json'), []));
  const callAt = (file: string, text: string) => {
    const found = analysis.allCalls().find((call) => call.file === path.join(root, file) && call.node.getText().startsWith(text));
    if (!found) throw new Error(`no call ${text} in ${file}`);
    return found;
  };
  return { analysis, root, callAt };
}

describe('typed callbacks', () => {
  const library = `
export interface Row { id: number }
export declare function query(sql: string): Promise<Row[]>;
export declare function query(sql: string, done: (failure: Error | null, rows: Row[]) => void): void;
export declare function legacy(sql: string, done: (problem: Error | null, count: number) => void): void;
export declare function pair(sql: string, done: (err: Error | null, a: number, b: number) => void): void;
export declare function each(items: Error[], fn: (err: Error) => void): void;
export declare function old(sql: string, done: (e: any, value: string) => void): void;
export declare namespace old { function __promisify__(sql: string): Promise<string>; }
export declare function wrong(sql: string): Promise<string>;
export declare function wrong(sql: string, done: (e: Error | undefined, rows: Row[]) => void): void;
`;
  const use = `
import { query, legacy, pair, each, old, wrong } from './library';
query('q', (failure, rows) => console.log(failure, rows));
legacy('q', (problem, count) => console.log(problem, count));
pair('q', (err, a, b) => console.log(err, a, b));
each([new Error('x')], (err) => { if (err) console.log(err.message); });
old('q', (e, value) => console.log(e, value));
wrong('q', (e, rows) => console.log(e, rows));
[new Error('y')].map((e) => e.message);
`;

  it('are error-first by the type of their first parameter, not by its name', async () => {
    const { analysis, callAt } = await analyse({ 'src/library.d.ts': library, 'src/use.ts': use });
    const kind = (text: string) => analysis.typedCallback(callAt('src/use.ts', text).node);
    // A promise overload whose value is the callback's: convertible.
    expect(kind("query('q'")).toEqual({ kind: 'promise-form', valueCount: 1 });
    // Error-first, but nothing to await instead of the callback.
    expect(kind("legacy('q'")).toEqual({ kind: 'error-first' });
    expect(kind("pair('q'")).toEqual({ kind: 'error-first' });
    // @types/node style: `__promisify__` says error-first even where the parameter is `any`.
    expect(kind("old('q'")).toEqual({ kind: 'error-first' });
    // The promise resolves to a string, the callback received rows: not the same thing.
    expect(kind("wrong('q'")).toEqual({ kind: 'error-first' });
    // Named like errors, typed as something else.
    expect(kind('each(')).toEqual({ kind: 'not-error-first' });
    expect(kind("[new Error('y')].map(")).toEqual({ kind: 'not-error-first' });
  });

  it('recognises @types/node style __promisify__ declarations as error-first', async () => {
    const { analysis, callAt } = await analyse({
      'src/library.d.ts': `export declare function stat(p: string, cb: (e: unknown, size: number) => void): void;\nexport declare namespace stat { function __promisify__(p: string): Promise<number>; }\n`,
      'src/use.ts': `import { stat } from './library';\nstat('p', (e, size) => console.log(e, size));\n`,
    });
    // `unknown` says nothing by itself; the namespace does.
    expect(analysis.typedCallback(callAt('src/use.ts', "stat('p'").node)).toEqual({ kind: 'error-first' });
  });
});

describe('what a call reaches', () => {
  it('follows re-exports and aliases to the function, and gives up on what it cannot see', async () => {
    const { analysis, callAt } = await analyse({
      'src/store.ts': `export function load(id: string, cb: (err: Error | null, v?: string) => void): void { setTimeout(() => cb(null, id), 0); }\n`,
      'src/index.ts': `export * from './store';\nexport { load as fetchRecord } from './store';\n`,
      'src/use.ts': `import * as api from './index';\nimport { fetchRecord } from './index';\nimport dflt = require('./store');\napi.load('a', () => {});\nfetchRecord('b', () => {});\ndflt.load('c', () => {});\nconst any: any = {};\nany.load('d', () => {});\n`,
    });
    const name = (text: string) => [...(analysis.targetsOf(callAt('src/use.ts', text).node) ?? [])].map((node) => (node as { name?: { getText(): string } }).name?.getText());
    expect(name("api.load('a'")).toEqual(['load']);
    expect(name("fetchRecord('b'")).toEqual(['load']);
    expect(name("dflt.load('c'")).toEqual(['load']);
    expect(analysis.targetsOf(callAt('src/use.ts', "any.load('d'").node)).toBeUndefined();
  });

  it('counts every implementation behind an interface, and every override of a method', async () => {
    const { analysis, callAt } = await analyse({
      'src/types.ts': `export interface Store { load(id: string, cb: (err: Error | null, v?: string) => void): void }\n`,
      'src/impl.ts': `import type { Store } from './types';\nexport class A implements Store { load(id: string, cb: (err: Error | null, v?: string) => void): void { cb(null, id); } }\nexport class B implements Store { load(id: string, cb: (err: Error | null, v?: string) => void): void { cb(null, id + id); } }\nexport class C extends A { override load(id: string, cb: (err: Error | null, v?: string) => void): void { cb(null, 'c'); } }\nexport const literal: Store = { load(id, cb) { cb(null, id); } };\nexport const other = { load(id: string) { return id; } };\n`,
      'src/use.ts': `import type { Store } from './types';\nimport { A } from './impl';\nexport function viaInterface(s: Store) { s.load('x', () => {}); }\nexport function viaClass(a: A) { a.load('y', () => {}); }\n`,
    });
    const owners = (text: string) =>
      [...(analysis.targetsOf(callAt('src/use.ts', text).node) ?? [])].map((node) => (node.parent as unknown as { name?: { getText(): string } }).name?.getText() ?? 'object literal').sort();
    // The literal typed as Store counts; the other one, of no declared type, does not.
    expect(owners("s.load('x'")).toEqual(['A', 'B', 'C', 'object literal']);
    expect(owners("a.load('y'")).toEqual(['A', 'C']);
    expect(analysis.declaredMembersOf(callAt('src/use.ts', "s.load('x'").node).length).toBe(1);
    expect(analysis.declaredMembersOf(callAt('src/use.ts', "a.load('y'").node)).toEqual([]);
  });
});

describe('public entry points', () => {
  it('reads main, module and exports (conditions, subpaths, patterns), and traces built files back to their source', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ main: 'dist/index.js', exports: { '.': { require: './dist/index.js' }, './extra': './dist/extra.js', './tools/*': './dist/tools/*.js' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] }),
    });
    const files = ['src/index.ts', 'src/extra.ts', 'src/tools/a.ts', 'src/internal.ts'].map((file) => path.join(root, file));
    const entries = findEntryFiles({ outDir: path.join(root, 'dist'), rootDir: path.join(root, 'src') }, path.join(root, 'tsconfig.json'), root, new Set(files));
    expect(entries.map((file) => path.relative(root, file)).sort()).toEqual(['src/extra.ts', 'src/index.ts', 'src/tools/a.ts']);
  });
});

const storeJs = `const fs = require('fs');
function get(id, cb) {
  fs.readFile(id, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text);
  });
}
function put(id, text, cb) {
  fs.writeFile(id, text, (err) => {
    if (err) return cb(err);
    cb(null);
  });
}
module.exports = { get, put };
`;

async function jsProject(files: Record<string, string>): Promise<string> {
  const root = await makeTree({
    'jsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'ES2022' }, include: ['src'] }),
    'package.json': JSON.stringify({ name: 'js-project', private: true, main: 'src/main.js' }),
    ...files,
  });
  await fs.symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

describe('dual API decisions', () => {
  it('keeps the callback form of a function used as a value, and names the use', async () => {
    const root = await jsProject({
      'src/store.js': storeJs,
      'src/main.js': `const store = require('./store');\nstore.get('a.txt', (err, text) => {\n  if (err) return;\n  console.log(text);\n});\nconst save = store.put;\nsave('b.txt', 'x', () => {});\n`,
    });
    const report = await run({ paths: ['src'], cwd: root, project: true });
    const apis = report.summary.project?.apis ?? [];
    expect(apis.find((api) => api.name === 'get')).toMatchObject({ dual: false, callersConverted: 1 });
    expect(apis.find((api) => api.name === 'put')).toMatchObject({ dual: true, keptDual: 'used-as-value' });
    expect(report.summary.project?.callersLeft).toEqual([{ name: 'put', definedIn: 'src/store.js', path: 'src/main.js', line: 6, column: 20, reason: 'used-as-value' }]);
    expect(report.files.find((file) => file.path === 'src/main.js')?.findings.some((finding) => finding.ruleId === 'timing/extra-microtask-ticks' && finding.line === 6)).toBe(true);
  });

  it('keeps the callback form when a call on a value of no type may reach the function (a module object passed around)', async () => {
    const root = await jsProject({
      'src/store.js': storeJs,
      'src/helper.js': `function useStore(s) {\n  s.get('b.txt', (err, text) => console.log(err ? err.code : text));\n}\nmodule.exports = { useStore };\n`,
      'src/main.js': `const store = require('./store');\nconst { useStore } = require('./helper');\nstore.get('a.txt', (err, text) => {\n  if (err) return;\n  console.log(text);\n});\nuseStore(store);\n`,
    });
    const report = await run({ paths: ['src'], cwd: root, project: true });
    expect(report.summary.project?.apis.find((api) => api.name === 'get')).toMatchObject({ dual: true, keptDual: 'callers-left', callersConverted: 1 });
    expect(report.summary.project?.callersLeft).toEqual([{ name: 'get', definedIn: 'src/store.js', path: 'src/helper.js', line: 2, column: 3, reason: 'unresolved' }]);
    expect(report.files.find((file) => file.path === 'src/helper.js')?.status).toBe('unchanged');
  });

  it('turns on by itself when a config file is in scope and a callback API crosses files, and says so', async () => {
    const root = await jsProject({
      'src/store.js': storeJs,
      'src/main.js': `const { get } = require('./store');\nget('a.txt', (err, text) => {\n  if (err) return;\n  console.log(text);\n});\n`,
    });
    const report = await run({ paths: ['src'], cwd: root });
    expect(report.summary.project).toMatchObject({ config: 'jsconfig.json', mode: 'automatic', reason: 'jsconfig.json is in scope and get of src/store.js is used in src/main.js' });
    expect(report.files.find((file) => file.path === 'src/main.js')?.output).toContain("text = await get('a.txt');");
    expect((await run({ paths: ['src'], cwd: root, project: false })).summary.project).toBeUndefined();
  });

  it('stays off when no other file uses the converted function, or no config file is in scope', async () => {
    const alone = await jsProject({ 'src/store.js': storeJs, 'src/main.js': `console.log('nothing to do with the store');\n` });
    expect((await run({ paths: ['src'], cwd: alone })).summary.project).toBeUndefined();
    const noConfig = await makeTree({ 'src/store.js': storeJs, 'src/main.js': `const { get } = require('./store');\nget('a', (err) => {});\n` });
    expect((await run({ paths: ['src'], cwd: noConfig })).summary.project).toBeUndefined();
  });

  it('stays off, without an error, when the config file in scope cannot be read; asked for, that is an error', async () => {
    const root = await jsProject({
      'src/store.js': storeJs,
      'src/main.js': `const { get } = require('./store');\nget('a.txt', (err, text) => {\n  if (err) return;\n  console.log(text);\n});\n`,
    });
    await fs.writeFile(path.join(root, 'jsconfig.json'), '{ "compilerOptions": ');
    const report = await run({ paths: ['src'], cwd: root });
    expect(report.summary.project).toBeUndefined();
    expect(report.files.find((file) => file.path === 'src/store.js')?.status).toBe('changed');
    await expect(run({ paths: ['src'], cwd: root, project: 'jsconfig.json' })).rejects.toThrow(/jsconfig\.json/);
  });

  it('does not convert calls through an interface when one implementation stays a callback, and says why', async () => {
    const root = await makeTree({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', types: ['node'] }, include: ['src'] }),
      'package.json': JSON.stringify({ name: 'ts-project', private: true }),
      'src/types.ts': `export interface Store {\n  load(id: string, cb: (err: Error | null, text?: string) => void): void;\n}\n`,
      'src/stores.ts': `import { readFile } from 'fs';\nimport type { Store } from './types';\n\nexport class FileStore implements Store {\n  load(id: string, cb: (err: Error | null, text?: string) => void): void {\n    readFile(id, 'utf8', (err, text) => {\n      if (err) return cb(err);\n      cb(null, text);\n    });\n  }\n}\n\nexport class EchoStore implements Store {\n  load(id: string, cb: (err: Error | null, text?: string) => void): void {\n    cb(null, id);\n    cb(null, id);\n  }\n}\n`,
      'src/service.ts': `import type { Store } from './types';\n\nexport class Service {\n  constructor(private readonly store: Store) {}\n\n  show(id: string): void {\n    this.store.load(id, (err, text) => {\n      if (err) return;\n      console.log(text);\n    });\n  }\n}\n`,
    });
    await fs.symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const report = await run({ paths: ['src'], cwd: root, project: true });
    const service = report.files.find((file) => file.path === 'src/service.ts');
    expect(service?.status).toBe('unchanged');
    expect(report.files.find((file) => file.path === 'src/types.ts')?.status).toBe('unchanged');
    expect(report.summary.project?.callersLeft).toEqual([{ name: 'FileStore.load', definedIn: 'src/stores.ts', path: 'src/service.ts', line: 7, column: 5, reason: 'not-converted' }]);
  });

  it('leaves TypeScript callers of a function typed by an alias as they are, so the project still type-checks', async () => {
    const root = await makeTree({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'ES2022', types: ['node'], noEmit: true }, include: ['src'] }),
      'package.json': JSON.stringify({ name: 'alias-project', private: true }),
      'src/store.ts': `import { readFile } from 'fs';\n\nexport type Loader = (id: string, cb: (err: Error | null, text?: string) => void) => void;\n\nexport const load: Loader = (id, cb) => {\n  readFile(id, 'utf8', (err, text) => {\n    if (err) return cb(err);\n    cb(null, text);\n  });\n};\n`,
      'src/main.ts': `import { load } from './store';\n\nload('a.txt', (err, text) => {\n  if (err) return;\n  console.log(text);\n});\n`,
    });
    await fs.symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const report = await run({ paths: ['src'], cwd: root, project: true });
    expect(report.files.find((file) => file.path === 'src/main.ts')?.status).toBe('unchanged');
    expect(report.summary.project?.callersLeft.map((caller) => `${caller.path}:${caller.line} ${caller.reason}`)).toEqual(['src/main.ts:3 not-converted']);
    await writeChanges(report);
    expect(typeErrors(root)).toEqual([]);
  });

  it('with --api promise, says that a caller outside the run passes a callback that is never called', async () => {
    const root = await jsProject({
      'src/store.js': storeJs,
      'src/main.js': `const { get } = require('./store');\nget('a.txt', (err, text) => {\n  if (err) return;\n  console.log(text);\n});\n`,
      'scripts/old.js': `const store = require('../src/store');\nstore.put('b', 'x', (err) => console.log(err));\n`,
    });
    await fs.writeFile(path.join(root, 'jsconfig.json'), JSON.stringify({ include: ['src', 'scripts'] }));
    const report: Report = await run({ paths: ['src'], cwd: root, project: true, api: 'promise' });
    const finding = report.files.find((file) => file.path === 'src/store.js')?.findings.find((entry) => entry.ruleId === 'timing/callback-maybe-not-called');
    expect(finding?.message).toContain('scripts/old.js:2:1');
    expect(finding?.message).toContain('never called');
  });
});

// Project mode measured against tsc --noEmit (bench/project.js): test/bench.test.ts, from the
// output of bench/run.js --quick, which measures that project anyway.
describe('cost', () => {
  it('loads ts-morph only when project mode runs', () => {
    const script = `
      const { run } = require(${JSON.stringify(path.join(repoRoot, 'dist/src/index.js'))});
      const loaded = () => Object.keys(require.cache).some((file) => /[\\\\/]ts-morph[\\\\/]/.test(file));
      (async () => {
        await run({ paths: ['.'], cwd: ${JSON.stringify(path.join(repoRoot, 'examples'))}, project: false });
        const before = loaded();
        await run({ paths: ['app'], cwd: process.argv[1], project: true });
        console.log(JSON.stringify({ before, after: loaded() }));
      })();`;
    const result = spawnSync(process.execPath, ['-e', script, storeApp], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ before: false, after: true });
  });
});
