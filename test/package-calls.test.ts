import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelOfFile, packageCallsOf } from '../src/analysis/package-calls';
import { buildPackageModel } from '../src/analysis/package-model';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

describe('packageCallsOf: the calls of a file that reach a function of its package', () => {
  it('resolves calls across files (CommonJS and ESM) with the callee summary, and leaves Node APIs and unknowns out', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'calls-fixture' }),
      'lib/store.js': `
const fs = require('fs');
function load(id, cb) {
  fs.readFile(id, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}
function twice(cb) { cb(null, 1); cb(null, 2); }
module.exports = { load, twice };
`,
      'lib/esm.mjs': `
import { readFile } from 'node:fs';
export function read(p, cb) { readFile(p, cb); }
`,
      'app.js': `
const store = require('./lib/store');
const fs = require('fs');
store.load('a', (err, text) => { console.log(err, text); });
store.twice((err, v) => console.log(v));
fs.stat('x', (err) => {});
other((err) => {});
`,
      'app.mjs': `
import { read } from './lib/esm.mjs';
read('p', (error, text) => {});
`,
    });
    const model = await buildPackageModel(root);
    const app = path.join(root, 'app.js');
    expect(modelOfFile([model], app)).toBe(model);
    const calls = packageCallsOf(model, app);
    expect(calls.map((call) => [call.callee, call.line, call.column, call.last, call.target.id, call.target.sameFile])).toEqual([
      ['store.load', 4, 1, 'error-first-function', 'lib/store.js#load', false],
      ['store.twice', 5, 1, 'error-first-function', 'lib/store.js#twice', false],
    ]);
    expect(calls[0].target.file).toBe(path.join(root, 'lib/store.js'));
    expect(calls[0].target.summary).toMatchObject({ calls: 'once', timing: 'deferred', values: { errorCalls: 1, successArities: [1] } });
    expect(calls[1].target.summary).toMatchObject({ calls: 'maybe-twice', timing: 'sync' });
    const esm = packageCallsOf(model, path.join(root, 'app.mjs'));
    expect(esm.map((call) => [call.callee, call.target.id, call.target.summary?.calls, call.target.summary?.timing])).toEqual([['read', 'lib/esm.mjs#read', 'once', 'deferred']]);
    // A file the model did not read has no calls.
    expect(packageCallsOf(model, path.join(root, '..', 'elsewhere.js'))).toEqual([]);
  });
});
