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
      unusedDestructured: 0, // the test below
      unusedCallbackParams: 0,
      styleLines: 2, // `const data` in a var-only file, `cb = cb;` with a semicolon in a semicolon-free one
    });
    expect(result.counts.helperCopies).toBe(1); // fromCallback in a.js and b.js
    expect(result.counts.helperModules).toBe(1);
  });

  it('counts a blank line that lost its whitespace between tokens that stayed adjacent, not one re-indented with its code', () => {
    const before = 'function f() {\n  a();\n  \n  b();\n}\nfunction g() {\n  c();\n  \n  d();\n}\n';
    const after = 'function f() {\n  a();\n\n  b();\n}\nasync function g() {\n    c();\n    \n    d();\n}\n';
    expect(noise.measureNoise({ 'a.js': { before, after } }).files['a.js'].punctuationLines).toBe(1);
  });

  it('sees new lines in another style than the file: semicolons, quotes, a function\'s space, const in a var file; and a created module against the package', () => {
    const before = 'var fs = require("fs")\n\nfunction read (file, cb) {\n  fs.readFile(file, "utf8", function (err, text) {\n    cb(err, text)\n  })\n}\nmodule.exports = read\n';
    const after =
      'var fs = require("fs")\nconst fsp = require(\'fs/promises\');\n\nasync function read(file, cb) {\n  var text = await fsp.readFile(file, "utf8")\n  cb(null, text)\n}\nmodule.exports = read\n';
    const styled = 'var fs = require("fs")\nvar fsp = require("fs/promises")\n\nasync function read (file, cb) {\n  var text = await fsp.readFile(file, "utf8")\n  cb(null, text)\n}\nmodule.exports = read\n';
    expect(noise.measureNoise({ 'a.js': { before, after } }).files['a.js'].styleLines).toBe(2); // the fsp line (const, quote, semicolon), the function line
    expect(noise.measureNoise({ 'a.js': { before, after: styled } }).counts.styleLines).toBe(0);
    const helpers = (text: string) => noise.measureNoise({ 'a.js': { before, after: styled }, 'helpers.js': { after: text } }).counts.styleLines;
    expect(helpers("'use strict';\nfunction a (x) {\n  return x;\n}\nmodule.exports = { a };\n")).toBe(3);
    expect(helpers('function a (x) {\n  return x\n}\nmodule.exports = { a }\n')).toBe(0);
  });

  it('leaves a new let inside a loop of a var-only file alone: var would keep the last pass\'s value', () => {
    const before = 'var n = 0\nfunction poll (cb) {\n  cb(null, n)\n}\nmodule.exports = poll\n';
    const after = 'var n = 0\nasync function poll () {\n  while (true) {\n    let st\n    if (n++ > 1) return st\n  }\n}\nmodule.exports = poll\n';
    expect(noise.measureNoise({ 'a.js': { before, after } }).counts.styleLines).toBe(0);
    expect(noise.measureNoise({ 'a.js': { before, after: after.replace('  while (true) {\n    let st\n', '  let st\n  while (true) {\n') } }).counts.styleLines).toBe(1);
  });

  it('leaves a new let in a nested block alone where it shadows a var or parameter of its function: var would be that same binding', () => {
    const before = 'function read (file, cb) {\n  var err = null\n  if (file) {\n    fs.readFile(file, function (err, data) {\n      cb(err, data)\n    })\n  }\n}\nmodule.exports = read\n';
    const after = 'async function read (file, cb) {\n  var err = null\n  if (file) {\n    let err = null\n    var data = await go(file)\n    cb(err, data)\n  }\n}\nmodule.exports = read\n';
    expect(noise.measureNoise({ 'a.js': { before, after } }).counts.styleLines).toBe(0);
    expect(noise.measureNoise({ 'a.js': { before, after: after.replace('let err = null', 'let failure = null') } }).counts.styleLines).toBe(1);
  });

  it('counts the `;` dropped after a function expression, unless the statement became a function declaration', () => {
    const before = 'function A () {}\nA.prototype.load = function (cb) {\n  go(cb);\n};\nmodule.exports = A;\n';
    const declared = 'function A () {}\nA.prototype.load = function (cb) {\n  return settle(loadAsync.call(this), cb);\n};\nasync function loadAsync () {\n  go(cb);\n}\nmodule.exports = A;\n';
    expect(noise.measureNoise({ 'a.js': { before, after: declared } }).counts.punctuationLines).toBe(0);
    expect(noise.measureNoise({ 'a.js': { before, after: before.replace('};', '}') } }).counts.punctuationLines).toBe(1);
  });

  it('counts destructured names used nowhere else, and async functions that keep an unused callback parameter', () => {
    const before = 'function load(file, cb) {\n  lock(file, function (err, handle, fd) {\n    cb(err, fd);\n  });\n}\n';
    const unused = 'async function load(file, cb) {\n  const [handle, fd] = await lockAsync(file);\n  return fd;\n}\n';
    const counts = noise.measureNoise({ 'a.js': { before, after: unused } }).counts;
    expect(counts.unusedDestructured).toBe(1); // handle
    expect(counts.unusedCallbackParams).toBe(1); // cb
    const clean = 'async function load(file) {\n  const [, fd] = await lockAsync(file);\n  const { a, b: c } = fd;\n  return [a, c];\n}\n';
    expect(nonZero(noise.measureNoise({ 'a.js': { before, after: clean } }).counts)).toEqual({});
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
