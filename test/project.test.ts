import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/engine/run';
import type { FileResult, ProjectApi, Report } from '../src/types';
import { compileTypeScript, copyProject, entries, runNode, typeErrors, writeChanges, type NodeRun } from './project-helpers';
import { removeTrees } from './temp-trees';

// Project mode on test/projects/store-app: CommonJS and ES modules, JavaScript and TypeScript,
// re-exports (`module.exports = require(…)`, `export *`), aliased and destructured requires,
// a default export, class methods, a call through an interface reached by a typed field, a typed
// library callback with unusual parameter names, and an error-named callback that is not
// error-first. Each test works on its own copy in a temp directory and runs it in real node.

afterAll(removeTrees);

function file(report: Report, name: string): FileResult {
  const found = report.files.find((entry) => entry.path === name);
  if (!found) throw new Error(`${name} is not in the report`);
  return found;
}

function output(report: Report, name: string): string {
  const result = file(report, name);
  return result.output ?? result.source ?? '';
}

function api(report: Report, name: string): ProjectApi {
  const found = report.summary.project?.apis.find((entry) => entry.name === name);
  if (!found) throw new Error(`${name} is not among the project's converted APIs`);
  return found;
}

async function runEntries(root: string): Promise<NodeRun[]> {
  await compileTypeScript(root);
  return entries.map((entry) => runNode(root, entry));
}

describe('project mode on a multi-file project', () => {
  let before: NodeRun[];
  let root: string;
  let report: Report;
  let errorsBefore: string[];

  beforeAll(async () => {
    const original = await copyProject();
    errorsBefore = typeErrors(original);
    before = await runEntries(original);
    root = await copyProject();
    report = await run({ paths: ['.'], cwd: root, project: true });
  });

  it('runs its entries without errors before the rewrite (the baseline is real)', () => {
    for (const [index, result] of before.entries()) {
      expect(result.stderr, entries[index]).toBe('');
      expect(result.code, entries[index]).toBe(0);
      expect(result.stdout.split('\n').length, entries[index]).toBeGreaterThan(5);
    }
    expect(errorsBefore).toEqual([]);
  });

  it('has at least 8 files of both module systems and both languages', () => {
    const sources = report.files.map((entry) => entry.path);
    expect(sources.length).toBeGreaterThanOrEqual(8);
    for (const extension of ['.js', '.mjs', '.ts']) expect(sources.some((name) => name.endsWith(extension)), extension).toBe(true);
  });

  it('converts every cross-file caller in one run and says what it did', () => {
    const project = report.summary.project!;
    expect(project).toMatchObject({ config: 'tsconfig.json', mode: 'requested', callersLeft: [], typedCalls: 1, interfacesUpdated: 1 });
    expect(report.files.filter((entry) => entry.status === 'error')).toEqual([]);
    const summary = project.apis.map(({ name, path: where, callers, callersConverted, dual, keptDual }) => ({ name, path: where, callers, callersConverted, dual, keptDual }));
    expect(summary).toEqual([
      { name: 'summary', path: 'app/report.js', callers: 1, callersConverted: 1, dual: false, keptDual: undefined },
      { name: 'readNote', path: 'esm/reader.mjs', callers: 1, callersConverted: 1, dual: false, keptDual: undefined },
      { name: 'countWords', path: 'esm/reader.mjs', callers: 1, callersConverted: 1, dual: false, keptDual: undefined },
      { name: 'nightly', path: 'legacy/nightly.js', callers: 1, callersConverted: 1, dual: false, keptDual: undefined },
      { name: 'Catalog.describe', path: 'lib/catalog.js', callers: 1, callersConverted: 1, dual: true, keptDual: 'method' },
      { name: 'load', path: 'lib/store.js', callers: 3, callersConverted: 3, dual: true, keptDual: 'public-entry' },
      { name: 'list', path: 'lib/store.js', callers: 2, callersConverted: 2, dual: false, keptDual: undefined },
      { name: 'stat', path: 'lib/store.js', callers: 2, callersConverted: 2, dual: false, keptDual: undefined },
      { name: 'FileStore.load', path: 'ts/file-store.ts', callers: 1, callersConverted: 1, dual: true, keptDual: 'method' },
      { name: 'countRows', path: 'ts/query.ts', callers: 1, callersConverted: 1, dual: false, keptDual: undefined },
      { name: 'Service.title', path: 'ts/service.ts', callers: 1, callersConverted: 1, dual: true, keptDual: 'method' },
      { name: 'readSettings', path: 'ts/settings.ts', callers: 1, callersConverted: 1, dual: false, keptDual: undefined },
    ]);
  });

  it('follows every way a caller reaches the function', () => {
    // Aliased and destructured require.
    expect(output(report, 'app/report.js')).toContain('const text = await fetchRecord(id);');
    expect(output(report, 'app/report.js')).toContain('const size = await stat(id);');
    // `module.exports = require('./store')` re-export, the package entry, a class method on a module-level instance.
    expect(output(report, 'app/main.js')).toContain('const ids = await all.list();');
    expect(output(report, 'app/main.js')).toContain("const text = await load('beta');");
    expect(output(report, 'app/main.js')).toContain("const description = await catalog.describe('gamma');");
    // `module.exports = summary` required under the same name, and a function of a file outside app/.
    expect(output(report, 'app/main.js')).toContain("line = await summary('alpha');");
    expect(output(report, 'app/main.js')).toContain('const message = await nightly();');
    // `export *`, a namespace import and an aliased named import.
    expect(output(report, 'esm/main.mjs')).toContain("await notes.readNote('beta')");
    expect(output(report, 'esm/main.mjs')).toContain("const count = await words('gamma');");
    // `this.store.load` through a field typed by an interface; a default import under another name.
    expect(output(report, 'ts/service.ts')).toContain('const text = await this.store.load(id);');
    expect(output(report, 'ts/main.ts')).toContain('const settings = await loadSettings(dataDir);');
  });

  it('drops the callback form only where every caller converted and the function is not public', () => {
    const store = output(report, 'lib/store.js');
    expect(store).toContain('async function list() {');
    expect(store).toContain('async function stat(id) {');
    // load is exported by lib/index.js, the package's "main": other packages may pass a callback.
    expect(store).toContain('function load(id, cb) {\n  return settleCallback(');
    expect(output(report, 'ts/settings.ts')).toContain('export default async function readSettings(dir: string): Promise<Settings> {');
  });

  it('gives TypeScript functions promise types and updates the interface the callers go through', () => {
    expect(output(report, 'ts/types.ts')).toBe(
      '/** Where records come from; the service only knows this interface. */\n' +
        'export interface Store {\n' +
        '  load(id: string, cb?: (err: Error | null, text?: string) => void): Promise<string> | undefined;\n' +
        '}\n',
    );
    expect(output(report, 'ts/query.ts')).toContain('export async function countRows(table: string): Promise<number> {');
  });

  it('leaves untouched files byte for byte', async () => {
    for (const name of ['lib/index.js', 'lib/all.js', 'esm/index.mjs', 'ts/problems.ts']) {
      expect(file(report, name).status, name).toBe('unchanged');
    }
  });

  it('runs with the same output before and after, and its TypeScript part type-checks after', async () => {
    await writeChanges(report);
    expect(typeErrors(root)).toEqual([]);
    const after = await runEntries(root);
    for (const [index, entry] of entries.entries()) {
      expect(after[index], entry).toEqual(before[index]);
    }
  });

  it('changes nothing on a second run over what it wrote', async () => {
    // The test above wrote the changes (and compiled the TypeScript part next to it: left out).
    expect(await fs.readFile(path.join(root, 'lib/store.js'), 'utf8')).toBe(output(report, 'lib/store.js'));
    const again = await run({ paths: ['.'], cwd: root, project: true, ignore: ['ts/*.js'] });
    expect(again.files.filter((entry) => entry.status === 'changed').map((entry) => entry.path)).toEqual([]);
  });
});

describe('project mode with callers outside the run', () => {
  it('keeps the dual API for a caller outside the run, names it in the report, and that caller still works', async () => {
    const original = await copyProject();
    const [beforeMain] = await runEntries(original);
    const root = await copyProject();
    const report = await run({ paths: ['.'], cwd: root, project: true, ignore: ['legacy'] });

    expect(report.files.some((entry) => entry.path.startsWith('legacy/'))).toBe(false);
    expect(report.summary.project?.callersLeft).toEqual([
      { name: 'list', definedIn: 'lib/store.js', path: 'legacy/nightly.js', line: 6, column: 3, reason: 'outside-run' },
    ]);
    expect(api(report, 'list')).toMatchObject({ dual: true, keptDual: 'callers-left', callers: 2, callersConverted: 1 });
    expect(api(report, 'stat')).toMatchObject({ dual: false });
    const finding = file(report, 'lib/store.js').findings.find((entry) => entry.ruleId === 'timing/extra-microtask-ticks');
    expect(finding).toMatchObject({ line: 14, applied: true });
    expect(finding?.message).toContain('legacy/nightly.js:6:3');
    expect(output(report, 'lib/store.js')).toContain('function list(cb) {\n  return settleCallback(');

    await writeChanges(report);
    // legacy/nightly.js was read, never written.
    expect(await fs.readFile(path.join(root, 'legacy/nightly.js'), 'utf8')).toBe(await fs.readFile(path.join(original, 'legacy/nightly.js'), 'utf8'));
    const [afterMain] = await runEntries(root);
    expect(afterMain).toEqual(beforeMain);
    expect(afterMain.stdout).toContain('nightly: 3 records');
  });
});

describe('types decide where names cannot', () => {
  it('converts a typed callback API with unusual parameter names only with the checker', async () => {
    const root = await copyProject();
    const alone = await run({ paths: ['ts/query.ts'], cwd: root, project: false });
    expect(file(alone, 'ts/query.ts').status).toBe('unchanged');

    const project = await run({ paths: ['ts/query.ts'], cwd: root, project: true });
    const query = output(project, 'ts/query.ts');
    expect(query).toContain('const rows = await client.query(`select * from ${table}`);');
    expect(query).not.toContain('problem');
    expect(project.summary.project?.typedCalls).toBe(1);
  });

  it('leaves an error-named callback that is not error-first alone, and does not call it an unknown callee', async () => {
    const root = await copyProject();
    const alone = await run({ paths: ['ts/main.ts'], cwd: root, project: false });
    const line = 27;
    expect(file(alone, 'ts/main.ts').findings.some((entry) => entry.line === line && entry.ruleId === 'timing/unknown-callee')).toBe(true);

    const project = await run({ paths: ['ts/main.ts'], cwd: root, project: true });
    const main = file(project, 'ts/main.ts');
    expect(main.findings.filter((entry) => entry.line === line)).toEqual([]);
    expect(output(project, 'ts/main.ts')).toContain("reportProblems([new Error('disk full')], (err) => {\n  if (err) console.log('problem:', err.message);\n});");
  });
});
