import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/engine/run';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

/** The package facts the engine reads (dependencies, gracefulify, local re-exports) reach the transform. */
const readOne = (module: string) => `const fs = require('${module}');

fs.readFile('a.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log(text);
});
`;

describe('ecosystem callees in a run', () => {
  it('reads a dependency range from package.json, and a local module that re-exports graceful-fs as graceful-fs', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'pkg', dependencies: { 'graceful-fs': '^4.1.2', mkdirp: '~0.5.1' } }),
      'lib/fs.js': "'use strict'\n// the file system, made graceful\nmodule.exports = require('graceful-fs')\n",
      'lib/a.js': readOne('./fs'),
      'lib/b.js': "const mkdirp = require('mkdirp');\n\nmkdirp('out', (err) => {\n  if (err) throw err;\n  console.log('made');\n});\n",
    });
    const report = await run({ paths: ['lib'], cwd: root });
    const byPath = Object.fromEntries(report.files.map((file) => [file.path, file]));
    expect(byPath['lib/a.js'].output).toContain('const readFileAsync = promisify(fs.readFile);');
    expect(byPath['lib/a.js'].findings.map((finding) => finding.message)).toContain(
      "fs.readFile (graceful-fs 4.x, known from awaitify's ecosystem table): the callback body now runs as a promise job once the operation completes.",
    );
    expect(byPath['lib/b.js'].output).toContain("await mkdirpAsync('out');");
    expect(byPath['lib/b.js'].findings.some((finding) => finding.ruleId === 'timing/unknown-callee')).toBe(false);
  });

  it('keeps plain fs calls going through the patched module in a package that calls gracefulify', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'pkg', dependencies: { 'graceful-fs': '^4.2.0' } }),
      'lib/setup.js': "require('graceful-fs').gracefulify(require('fs'));\n",
      'lib/a.js': readOne('fs'),
    });
    const other = await makeTree({ 'package.json': JSON.stringify({ name: 'other' }), 'lib/a.js': readOne('fs') });
    const patched = (await run({ paths: ['lib'], cwd: root })).files.find((file) => file.path === 'lib/a.js');
    const plain = (await run({ paths: ['lib'], cwd: other })).files.find((file) => file.path === 'lib/a.js')!;
    expect(patched?.output).toContain("await promisify(fs.readFile)('a.txt', 'utf8')");
    expect(plain.output).toContain("await fsp.readFile('a.txt', 'utf8')");
  });

  it('leaves a package callee unknown when no version is known', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'pkg' }),
      'a.js': "const mkdirp = require('mkdirp');\n\nmkdirp('out', (err) => {\n  if (err) throw err;\n  console.log('made');\n});\n",
    });
    const report = await run({ paths: ['a.js'], cwd: root });
    expect(report.files[0].findings.map((finding) => finding.ruleId)).toContain('timing/unknown-callee');
  });

  it('summarises a dependency the table does not list from its source in node_modules, and says so', async () => {
    const library = `var fs = require('fs');
module.exports = function readConfig(file, cb) {
  fs.readFile(file, 'utf8', function (err, text) {
    if (err) return cb(err);
    cb(null, text.trim());
  });
};
module.exports.now = function now(cb) {
  cb(null, Date.now());
};
`;
    const use = `const readConfig = require('read-config');

readConfig('a.txt', (err, text) => {
  if (err) throw err;
  console.log(text);
});
readConfig.now((err, time) => {
  if (err) throw err;
  console.log(time);
});
`;
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'pkg', dependencies: { 'read-config': '^1.0.0' } }),
      'node_modules/read-config/package.json': JSON.stringify({ name: 'read-config', version: '1.2.3' }),
      'node_modules/read-config/index.js': library,
      'lib/a.js': use,
    });
    // The run also creates the package's helper module: find the converted file by its path.
    const file = (await run({ paths: ['lib'], cwd: root })).files.find((result) => result.path === 'lib/a.js')!;
    expect(file.output).toContain("const readConfigAsync = promisify(readConfig);");
    expect(file.findings.map((finding) => finding.message)).toContain(
      'readConfig (read-config@1.2.3, summarised from its source in node_modules: calls back once, later): the callback body now runs as a promise job once the operation completes.',
    );
    // now() calls back synchronously: no summary, so the unknown-callee assumption, flagged.
    expect(file.findings.filter((finding) => finding.ruleId === 'timing/unknown-callee').map((finding) => finding.line)).toEqual([7]);
  });
});
