import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { majorSpan } from '../src/transforms/callbacks-to-async/ecosystem/versions';
import { findEntry, findPackageCallee, isKnownControlFlowVersion } from '../src/transforms/callbacks-to-async/ecosystem/lookup';
import { createPackageFactsLookup, moduleAliasesOf, reExportedModule } from '../src/io/package-facts';

describe('majorSpan', () => {
  it('reads the majors of ranges and versions as package.json files write them', () => {
    const spans = ['~0.5.1', '^2.2.8', '2', '>=0.5 0', '4.2.11', '^0.30.0', '*', '>=3', '1.x || 2.x', '<1.0.0', '1.0.0 - 2.9.0', 'latest'].map((range) => majorSpan(range));
    expect(spans).toEqual([
      { min: 0, max: 0 },
      { min: 2, max: 2 },
      { min: 2, max: 2 },
      { min: 0, max: 0 },
      { min: 4, max: 4 },
      { min: 0, max: 0 },
      { min: 0, max: Infinity },
      { min: 3, max: Infinity },
      { min: 1, max: 2 },
      { min: 0, max: 0 },
      { min: 1, max: 2 },
      { min: 0, max: Infinity },
    ]);
  });

  it('gives undefined for what it cannot read (a git URL, a tag)', () => {
    expect([majorSpan('github:isaacs/mkdirp'), majorSpan('next')]).toEqual([undefined, undefined]);
  });
});

describe('findEntry and findPackageCallee', () => {
  it('picks the entry of the major the package has, and none for a range over two entries or no version', () => {
    const majors = [findEntry('mkdirp', { mkdirp: '~0.5.1' }), findEntry('mkdirp', { mkdirp: '^1.0.4' }), findEntry('mkdirp', { mkdirp: '*' }), findEntry('mkdirp', {}), findEntry('mkdirp', undefined)].map((entry) => entry?.majors);
    expect(majors).toEqual([{ min: 0, max: 0 }, { min: 1, max: Infinity }, undefined, undefined, undefined]);
  });

  it('says where a summary comes from, and refuses a promise API called with a callback', () => {
    const mkdirp = findPackageCallee('mkdirp', '', { mkdirp: '0.5.6' });
    const newer = findPackageCallee('mkdirp', '', { mkdirp: '3.0.1' });
    const fsMember = findPackageCallee('graceful-fs', 'readFile', { 'graceful-fs': '4.2.11' });
    const fsRead = findPackageCallee('graceful-fs', 'read', { 'graceful-fs': '4.2.11' });
    expect(mkdirp).toMatchObject({ kind: 'api', api: { access: 'promisify', known: { source: 'table', label: 'mkdirp 0.x', alwaysAsync: true } } });
    expect(newer).toMatchObject({ kind: 'refused' });
    expect(fsMember).toMatchObject({ kind: 'api', api: { access: 'promisify', name: 'readFile' } });
    expect(fsRead, 'several values: what a drop-in resolves with is not pinned down').toBeUndefined();
    expect(findPackageCallee('mz/fs', 'readFile', { mz: '2.7.0' })).toMatchObject({ kind: 'api', api: { access: 'direct' } });
  });
});

describe('isKnownControlFlowVersion', () => {
  it('writes the async package as native code for majors 2 and 3, or when no version is known', () => {
    const answers = [['async', '^3.2.0'], ['async', '2.6.4'], ['async', '^1.5.2'], ['async', '~0.9.0'], ['async', undefined], ['async-es', '3.2.6']].map(([specifier, range]) =>
      isKnownControlFlowVersion(specifier!, range === undefined ? {} : { [specifier!]: range }),
    );
    expect(answers).toEqual([true, true, false, false, true, true]);
  });
});

describe('createPackageFactsLookup', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'awaitify-facts-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('reads installed versions first, then the ranges, leaves npm aliases out, and sees gracefulify calls among the run files', async () => {
    const root = path.join(base, 'pkg');
    mkdirSync(path.join(root, 'lib'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules', 'mkdirp'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'pkg', dependencies: { mkdirp: '^0.5.0', rimraf: '~2.4.0', other: 'npm:rimraf@3' } }));
    writeFileSync(path.join(root, 'node_modules', 'mkdirp', 'package.json'), JSON.stringify({ name: 'mkdirp', version: '0.5.6' }));
    writeFileSync(path.join(root, 'lib', 'a.js'), "require('graceful-fs').gracefulify(require('fs'));\n");
    writeFileSync(path.join(root, 'lib', 'b.js'), 'function gracefulify (fs) {}\n');
    const withCall = await createPackageFactsLookup([path.join(root, 'lib', 'a.js')])(path.join(root, 'lib'));
    const definitionOnly = await createPackageFactsLookup([path.join(root, 'lib', 'b.js')])(path.join(root, 'lib'));
    expect(withCall).toEqual({ root, dependencies: { mkdirp: '0.5.6', rimraf: '~2.4.0' }, gracefulFs: true, reExports: new Map() });
    expect(definitionOnly?.gracefulFs).toBe(false);
  });
});

describe('local re-exports', () => {
  it('sees a file that only re-exports a module, comments and "use strict" aside, and nothing else', () => {
    const texts = [
      "module.exports = require('graceful-fs')\n",
      "'use strict';\n/* fs */\n// graceful\nmodule.exports = require(\"graceful-fs\");\n",
      "module.exports = require('graceful-fs')\nmodule.exports.extra = 1\n",
      "const fs = require('graceful-fs')\nmodule.exports = fs\n",
    ];
    expect(texts.map(reExportedModule)).toEqual(['graceful-fs', 'graceful-fs', undefined, undefined]);
  });

  it('maps the specifiers a file requires a re-exporting file with', () => {
    const reExports = new Map([[path.resolve('/p/lib/fs.js'), 'graceful-fs'], [path.resolve('/p/lib/util/index.js'), './other']]);
    const text = "const fs = require('./fs');\nconst u = require('./util');\nimport x from '../lib/fs.js';\n";
    expect(moduleAliasesOf(path.resolve('/p/lib/a.js'), text, reExports)).toEqual({ './fs': 'graceful-fs', '../lib/fs.js': 'graceful-fs' });
  });
});
