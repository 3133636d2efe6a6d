import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

// A package: `load` converts; in its own file a named callback still passes it one and a
// table stores it (a use as a value); lib/use.js, in the run, converts its call; bin/cli.js,
// outside the run's paths, keeps its callback.
const PACKAGE = {
  'package.json': JSON.stringify({ name: 'callers-left', version: '1.0.0', engines: { node: '>=20' } }),
  'lib/store.js': `const fs = require('fs');

function load(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

function report(err, text) {
  console.log(err ? err.code : text);
}
load('a.txt', report);

const loaders = { text: load };

module.exports = { load, loaders };
`,
  'lib/use.js': `const store = require('./store');

function first(file, cb) {
  store.load(file, (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\\n')[0]);
  });
}

module.exports = { first };
`,
  'bin/cli.js': `const store = require('../lib/store');

store.load(process.argv[2], (err, text) => {
  if (err) throw err;
  console.log(text);
});
`,
};

const reportSchema = JSON.parse(readFileSync(path.join(projectRoot, 'schema/report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateReport = ajv.compile(reportSchema);

async function report(format: string) {
  const root = await makeTree(PACKAGE);
  return runAwaitify(root, ['lib', '--report', format]);
}

const expected = [
  { path: 'lib/store.js', line: 13, column: 1, reason: 'not-converted' },
  { path: 'lib/store.js', line: 15, column: 25, reason: 'used-as-value' },
  { path: 'bin/cli.js', line: 3, column: 1, reason: 'outside-run' },
];

describe('callers left with a callback, per converted API (issue #15 item 5)', () => {
  it('JSON: listed in the summary and on the API finding, each with its reason, valid against the schema', async () => {
    const outcome = await report('json');
    const json = JSON.parse(outcome.stdout.slice(outcome.stdout.indexOf('{\n')));
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json.summary.callersLeft).toEqual([{ path: 'lib/store.js', name: 'load', line: 3, callers: expected }]);
    const store = json.files.find((file: { path: string }) => file.path === 'lib/store.js');
    const apiFinding = store.findings.find((finding: { messageId?: string; line: number }) => finding.messageId?.startsWith('functionNowAsync') && finding.line === 3);
    expect(apiFinding.callersLeft).toEqual(expected);
    // lib/use.js's call now awaits: it is no caller left.
    expect(JSON.stringify(json.summary.callersLeft)).not.toContain('lib/use.js');
  });

  it('text: under the API finding and in the summary', async () => {
    const text = (await report('text')).stdout;
    const lines = text.split('\n');
    const finding = lines.findIndex((line) => line.includes('load is now async'));
    expect(lines.slice(finding + 1).join(' ')).toMatch(/^\s+Callers left with a callback: lib\/store\.js:13:1 \(still passes a callback\), lib\/store\.js:15:25 \(used as a value\), bin\/cli\.js:3:1 \(outside the run\)\./);
    expect(text).toContain('Callers left with a callback (they keep working through the dual API):\n  load (lib/store.js:3): lib/store.js:13:1 (still passes a callback), lib/store.js:15:25 (used as a value), bin/cli.js:3:1 (outside the run)');
  });

  it('Markdown: a section, and the API finding row names them', async () => {
    const markdown = (await report('markdown')).stdout;
    expect(markdown).toContain('## Callers left with a callback\n\nThey keep working through the dual API.\n\n- load (lib/store.js:3): lib/store.js:13:1 (still passes a callback)');
    const row = markdown.split('\n').find((line) => line.includes('lib/store.js:3:1') && line.includes('is now async'));
    expect(row).toContain('Callers left with a callback: lib/store.js:13:1 (still passes a callback), lib/store.js:15:25 (used as a value), bin/cli.js:3:1 (outside the run).');
  });

  it('SARIF: related locations of the API result, and the list in the run properties', async () => {
    const sarif = JSON.parse((await report('sarif')).stdout);
    const run = sarif.runs[0];
    expect(run.properties.callersLeft).toEqual([{ path: 'lib/store.js', name: 'load', line: 3, callers: expected }]);
    const result = run.results.find((entry: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>; relatedLocations?: unknown[] }) =>
      entry.locations[0].physicalLocation.artifactLocation.uri === 'lib/store.js' && entry.locations[0].physicalLocation.region.startLine === 3);
    expect(result.relatedLocations.map((location: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } }; properties: { reason: string } }) => [
      location.physicalLocation.artifactLocation.uri,
      location.physicalLocation.region.startLine,
      location.physicalLocation.region.startColumn,
      location.properties.reason,
    ])).toEqual(expected.map((caller) => [caller.path, caller.line, caller.column, caller.reason]));
  });
});
