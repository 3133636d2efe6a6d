import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

const validateReport = (() => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(projectRoot, 'schema/report.schema.json'), 'utf8')));
})();

/** A package where the run is given lib/ only: test/ and bin/ are read for the model all the same. */
const files = {
  'package.json': JSON.stringify({ name: 'scan-fixture' }),
  'lib/read.js': `const fs = require('fs');
function readConfig(file, opts, cb) {
  if (typeof opts === 'function') { cb = opts; opts = {}; }
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text);
  });
}
module.exports = { readConfig };
`,
  'lib/twice.js': `const { readConfig } = require('./read');
exports.loadTwice = function (file, cb) {
  readConfig(file, (err, text) => {
    if (err) cb(err);
    cb(null, text);
  });
};
`,
  'bin/cli.js': `const { readConfig } = require('../lib/read');
readConfig('a.json', function (err) { if (err) throw err; });
`,
  'test/read.test.js': `const { loadTwice } = require('../lib/twice');
it('loads', loadTwice);
`,
};

describe('awaitify scan: the package model', () => {
  it('lists each callback API of the package and its protocol in words', async () => {
    const root = await makeTree(files);
    const { code, stdout } = await runAwaitify(root, ['scan', 'lib']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const start = lines.findIndex((line) => line.startsWith('Package '));
    expect(lines.slice(start, start + 9)).toEqual([
      'Package scan-fixture (.): 4 files read, 2 callback APIs found; 3 of 3 calls with an inline error-first callback have a known callee.',
      '  lib/read.js:2 readConfig(file, [opts], cb): calls back once on every path, always later (through a Node API).',
      '    passes 1 error call, on success 1 value',
      '  lib/twice.js:2 exports.loadTwice(file, cb): may call back twice, always later (through a Node API).',
      '    passes 1 error call, on success 1 value',
      '    escapes: passed to it (test/read.test.js:2)',
      '  converts together: readConfig, exports.loadTwice (2 calls in bin/cli.js, lib/read.js, lib/twice.js; outside the run: bin/cli.js)',
      '',
      // readConfig's optional `opts` shift is read (callback-idioms/optional-args.ts): it converts.
      'Scanned 2 files: 1 changed, 1 unchanged, 0 skipped, 0 failed.',
    ]);
  });

  it('gives the packages in the JSON report, valid against the schema', async () => {
    const root = await makeTree(files);
    const { code, stdout } = await runAwaitify(root, ['scan', 'lib', '--report', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(validateReport(report) ? [] : validateReport.errors).toEqual([]);
    const [pkg] = report.summary.packages;
    expect(pkg).toMatchObject({ root: '.', name: 'scan-fixture', filesRead: 4, inlineCallbackCalls: { total: 3, resolved: 3, topUnresolved: [] } });
    expect(pkg.apis.map((api: { id: string; calls: string }) => [api.id, api.calls])).toEqual([
      ['lib/read.js#readConfig', 'once'],
      ['lib/twice.js#exports.loadTwice', 'maybe-twice'],
    ]);
    expect(pkg.groups).toEqual([
      { apis: ['lib/read.js#readConfig', 'lib/twice.js#exports.loadTwice'], files: ['bin/cli.js', 'lib/read.js', 'lib/twice.js'], callSites: 2, filesOutsideRun: ['bin/cli.js'] },
    ]);
  });

  it('a dry run without scan builds no model', async () => {
    const root = await makeTree(files);
    const { stdout } = await runAwaitify(root, ['lib', '--report', 'json']);
    expect(JSON.parse(stdout).summary.packages).toBeUndefined();
  });
});
