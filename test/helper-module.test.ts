import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/engine/run';
import { runAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

// One helper module per package (src/engine/helper-module.ts): files of a package that need
// fromCallback import it from the module the run creates, never a copy per file; the created
// file shows in the diff, is written with --write and listed in the JSON report.

afterAll(removeTrees);

const client = 'exports.get = (key, cb) => process.nextTick(() => cb(null, `value of ${key}`));\n';
const caller = (key: string, semi: string) =>
  `const client = require('./client')${semi}\n\nclient.get('${key}', (err, value) => {\n  if (err) throw err${semi}\n  console.log(value)${semi}\n})${semi}\n`;

const cjsPackage = {
  'package.json': '{ "name": "demo" }\n',
  'lib/client.js': client,
  'lib/a.js': caller('a', ''),
  'lib/nested/b.js': caller('b', ';').replace("'./client'", "'../client'"),
};

describe('the package helper module', () => {
  it('is one file at the package root that every converted file requires, and the dry run shows it as created', async () => {
    const root = await makeTree(cjsPackage);
    const report = await run({ paths: ['lib'], cwd: root, allow: ['timing/unknown-callee'] });
    const module = report.files.find((file) => file.path === 'awaitify-helpers.js')!;
    expect(module).toMatchObject({ status: 'changed', created: true, source: '' });
    expect(module.output).toContain('module.exports = { fromCallback };');
    expect(module.output!.match(/function fromCallback/g)).toHaveLength(1);
    const a = report.files.find((file) => file.path === 'lib/a.js')!;
    const b = report.files.find((file) => file.path === 'lib/nested/b.js')!;
    expect(a.output).toContain("const { fromCallback } = require('../awaitify-helpers.js')\n");
    expect(b.output).toContain("const { fromCallback } = require('../../awaitify-helpers.js');\n");
    for (const file of [a, b]) expect(file.output).not.toContain('function fromCallback');

    const dry = await runAwaitify(root, ['lib', '--report', 'json']);
    const json = JSON.parse(dry.stdout) as { files: Array<{ path: string; created?: boolean }> };
    expect(json.files.find((file) => file.path === 'awaitify-helpers.js')).toMatchObject({ created: true });
    const text = await runAwaitify(root, ['lib']);
    expect(text.stdout).toContain('--- /dev/null\n+++ b/awaitify-helpers.js');
  });

  it('is imported in place of a rewritten first require that carries a comment, without failing the file', async () => {
    // The fixture of class methods that become dual APIs: its header comment sits on the first require.
    const store = await fs.readFile(path.join(__dirname, '../__testfixtures__/callbacks-to-async/user-fn-class-methods-dual.input.js'), 'utf8');
    const root = await makeTree({ 'package.json': '{ "name": "demo" }\n', 'lib/store.js': store });
    const report = await run({ paths: ['lib'], cwd: root });
    const file = report.files.find((entry) => entry.path === 'lib/store.js')!;
    expect(file.status, file.error?.message).toBe('changed');
    expect(file.output).toMatch(/keeps its meaning\.\nconst \{ settleCallback \} = require\('\.\.\/awaitify-helpers\.js'\);\n/);
  });

  it('is written by --write, the package runs the same, and a second run changes nothing', async () => {
    const root = await makeTree(cjsPackage);
    const before = ['lib/a.js', 'lib/nested/b.js'].map((file) => execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' }));
    const written = await runAwaitify(root, ['lib', '--write', '--force']);
    expect(written.code, written.stderr).toBe(0);
    const module = await fs.readFile(path.join(root, 'awaitify-helpers.js'), 'utf8');
    expect(module).toContain('function fromCallback');
    const after = ['lib/a.js', 'lib/nested/b.js'].map((file) => execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' }));
    expect(after).toEqual(before);
    const again = await run({ paths: ['lib'], cwd: root });
    expect(again.files.filter((file) => file.status === 'changed').map((file) => file.path)).toEqual([]);
  });

  it('follows the package: ES modules import it, --helpers-path puts it elsewhere', async () => {
    const root = await makeTree({
      'package.json': '{ "name": "demo", "type": "module" }\n',
      'src/client.js': 'export const get = (key, cb) => process.nextTick(() => cb(null, key));\n',
      'src/a.js': "import { get } from './client.js';\n\nget('a', (err, value) => {\n  if (err) throw err;\n  console.log(value);\n});\n",
    });
    const report = await run({ paths: ['src'], cwd: root, allow: ['timing/unknown-callee'], helpersPath: 'src/lib/helpers.js' });
    const module = report.files.find((file) => file.path === 'src/lib/helpers.js')!;
    expect(module.output).toContain('export function fromCallback');
    expect(report.files.find((file) => file.path === 'src/a.js')!.output).toContain("import { fromCallback } from './lib/helpers.js';\n");
  });

  it('is written as the package writes (cmd-shim: no semicolons, double quotes, four spaces, no use strict) and runs the same', async () => {
    const style = (key: string) =>
      `var client = require("./client")\n  , util = require("util")\n\nclient.get("${key}", function (err, value) {\n    if (err) throw err\n    console.log(value)\n})\n`;
    const root = await makeTree({ 'package.json': '{ "name": "demo" }\n', 'lib/client.js': client, 'lib/a.js': style('a'), 'lib/b.js': style('b') });
    const before = ['lib/a.js', 'lib/b.js'].map((file) => execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' }));
    const written = await runAwaitify(root, ['lib', '--write', '--force', '--allow', 'timing/unknown-callee']);
    expect(written.code, written.stderr).toBe(0);
    const module = await fs.readFile(path.join(root, 'awaitify-helpers.js'), 'utf8');
    expect(module).toContain('function fromCallback (start) {\n    return new Promise((resolve, reject) => {\n        start(');
    expect(module).not.toMatch(/;\s*$/m);
    expect(module).not.toContain("'");
    expect(module).not.toContain('use strict');
    expect(module).toContain('module.exports = { fromCallback }\n');
    const after = ['lib/a.js', 'lib/b.js'].map((file) => execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' }));
    expect(after).toEqual(before);
  });

  it('stays in the file when there is no package (a single text, no package.json)', async () => {
    const root = await makeTree({ 'a.js': caller('a', ';'), 'client.js': client });
    const report = await run({ paths: ['a.js'], cwd: root, allow: ['timing/unknown-callee'] });
    expect(report.files.map((file) => file.path)).toEqual(['a.js']);
    expect(report.files[0].output).toContain('function fromCallback');
  });
});
