import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverFixtures } from './helpers/fixtures';

// The noise of bench:real (bench/real/noise.js) over every fixture: each output must read as if
// the file's maintainer wrote it (no comment lost, no line changed only in punctuation or
// spacing, no numbered names, no no-op assignment, no async IIFE without await).

const load = createRequire(__filename);
type Counts = Record<string, number>;
const noise = load('../bench/real/noise.js') as {
  NOISE_IDS: string[];
  measureNoise(files: Record<string, { before?: string; after?: string }>): { counts: Counts; files: Record<string, Counts> };
};

const nonZero = (counts: Counts): Counts => Object.fromEntries(Object.entries(counts).filter(([, count]) => count !== 0));

describe('the noise counter', () => {
  it('sees each kind of noise in a diff made to have it', () => {
    const before = [
      "'use strict'",
      '',
      "var fs = require('fs') // keep",
      '/* block',
      '   comment */',
      "fs.readFile('a', function (err, data) {",
      '  // inner',
      '  if (err) throw err',
      '  console.log(data)',
      '})',
      'foo()',
      '',
    ].join('\n');
    const after = [
      "'use strict';",
      "var fs = require('fs') // keep",
      '/* block',
      '     comment */',
      ';(async () => {',
      "  const data = await fs.promises.readFile('a')",
      '  console.log(data);',
      '})()',
      ';(async () => { foo() })()',
      'function fromCallback(x) { return x }',
      'var cb2, cb; cb = cb; [cb, cb2] = [cb, cb2]',
      '',
    ].join('\n');
    const result = noise.measureNoise({ 'a.js': { before, after }, 'b.js': { before, after }, 'helpers.js': { after: 'module.exports = {}' } });
    expect(result.files['a.js']).toEqual({
      commentsLost: 1, // `// inner`; the block comment only re-indented is the same comment
      punctuationLines: 3, // `'use strict';`, the blank line after it, `console.log(data);`
      numberedNames: 1, // cb2
      helperCopies: 0,
      helperModules: 0,
      noOpAssignments: 2,
      iifesWithoutAwait: 1,
    });
    expect(result.counts.helperCopies).toBe(1); // fromCallback in a.js and b.js
    expect(result.counts.helperModules).toBe(1);
  });

  it('counts nothing for a move that only re-indents, or for an untouched file', () => {
    const before = "foo(1)\nbar(function () {\n  baz()\n})\n";
    const after = "foo(1)\nif (x) {\n  bar(function () {\n    baz()\n  })\n}\n";
    expect(nonZero(noise.measureNoise({ 'a.js': { before, after }, 'b.js': { before, after: before } }).counts)).toEqual({});
  });
});

describe('noise over every fixture output', () => {
  for (const fixture of discoverFixtures().filter((candidate) => candidate.hasOutput)) {
    it(fixture.id, () => {
      const before = readFileSync(fixture.inputPath, 'utf8');
      const after = readFileSync(fixture.outputPath, 'utf8');
      const result = noise.measureNoise({ [fixture.outputFileName]: { before, after } });
      expect(nonZero(result.counts)).toEqual({});
    });
  }
});
