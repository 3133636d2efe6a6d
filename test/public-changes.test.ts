import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

// `load` is exported (dual API by default), `save` is exported but --api promise drops its
// callback form, `inner` is used only in the file (it loses its callback form, and is no
// public change).
const LIBRARY = `const fs = require('fs');

function inner(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text);
  });
}

function load(file, cb) {
  inner(file, (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

module.exports = { load };
`;

const reportSchema = JSON.parse(readFileSync(path.join(projectRoot, 'schema/report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateReport = ajv.compile(reportSchema);

async function report(format: string, extra: string[] = []) {
  const root = await makeTree({ 'lib.js': LIBRARY });
  return runAwaitify(root, ['lib.js', '--report', format, ...extra]);
}

describe('public changes list (issue #15 item 5)', () => {
  it('JSON: the exported API, its form and fn.length, valid against the schema; the in-file API is not listed', async () => {
    const outcome = await report('json');
    const json = JSON.parse(outcome.stdout.slice(outcome.stdout.indexOf('{\n')));
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json.summary.publicChanges).toEqual([{ path: 'lib.js', name: 'load', line: 10, form: 'dual', lengthBefore: 2, lengthAfter: 2 }]);
  });

  it('--api promise: the export loses its callback form and fn.length drops by one', async () => {
    const outcome = await report('json', ['--api', 'promise']);
    const json = JSON.parse(outcome.stdout.slice(outcome.stdout.indexOf('{\n')));
    expect(json.summary.publicChanges).toEqual([{ path: 'lib.js', name: 'load', line: 10, form: 'promise', lengthBefore: 2, lengthAfter: 1 }]);
  });

  it('text, Markdown and SARIF carry it too', async () => {
    const text = (await report('text')).stdout;
    expect(text).toContain('Public changes (exported callback APIs):\n  load (lib.js:10) returns a promise when called without a callback; callers that pass one still work (dual API).');
    const markdown = (await report('markdown')).stdout;
    expect(markdown).toContain('## Public changes\n\n- load (lib.js:10) returns a promise when called without a callback');
    const sarif = JSON.parse((await report('sarif')).stdout);
    expect(sarif.runs[0].properties.publicChanges).toEqual([{ path: 'lib.js', name: 'load', line: 10, form: 'dual', lengthBefore: 2, lengthAfter: 2 }]);
  });

  it('an optional-argument shift: the dual wrapper keeps the parameters as written, so fn.length is unchanged; --api promise reports the drop', async () => {
    const shifting = `const fs = require('fs');

function read(file, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  fs.readFile(file, options.encoding || 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text);
  });
}

module.exports = { read };
`;
    const root = await makeTree({ 'lib.js': shifting });
    const dual = JSON.parse((await runAwaitify(root, ['lib.js', '--report', 'json'])).stdout);
    expect(dual.summary.publicChanges).toEqual([{ path: 'lib.js', name: 'read', line: 3, form: 'dual', lengthBefore: 3, lengthAfter: 3 }]);
    const promise = JSON.parse((await runAwaitify(root, ['lib.js', '--report', 'json', '--api', 'promise'])).stdout);
    // The promise form has the shift's default: `options = {}` ends fn.length before it.
    expect(promise.summary.publicChanges).toEqual([{ path: 'lib.js', name: 'read', line: 3, form: 'promise', lengthBefore: 3, lengthAfter: 1 }]);
  });

  it('a run that converts no exported API has no list', async () => {
    const root = await makeTree({ 'a.js': "const fs = require('fs');\nfs.readFile('a.txt', (err) => console.log(!!err));\n" });
    const json = JSON.parse((await runAwaitify(root, ['a.js', '--report', 'json'])).stdout);
    expect(json.summary.publicChanges).toBeUndefined();
  });
});
