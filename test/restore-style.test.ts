import { describe, expect, it } from 'vitest';
import { createParser } from '../src/engine/parse';
import { restoreFileStyle } from '../src/engine/restore-style';
import { transformSource } from '../src/engine/transform-source';

// The printer's post-pass (src/engine/restore-style.ts) on whole rewrites: the file's own
// semicolons, its comments next to their code, untouched code byte for byte.

const rewrite = (source: string, path = 'input.js'): string => {
  const result = transformSource(source, { path });
  expect(result.status, result.error?.message).toBe('changed');
  return result.output!;
};

describe('the file style after a rewrite', () => {
  it('keeps a semicolon-free file free of semicolons, with a guard before a line that starts with [', () => {
    const output = rewrite(
      [
        "'use strict'",
        '',
        "const fs = require('fs')",
        '',
        "fs.readFile('a.json', 'utf8', function (err, text) {",
        '  if (err) throw err',
        '  console.log(text)',
        '})',
        ';[1, 2].forEach(function (n) { console.log(n) })',
        '',
      ].join('\n'),
    );
    expect(output).toBe(
      [
        "'use strict'",
        '',
        "const fsp = require('fs/promises')",
        '',
        'void (async () => {',
        "  const text = await fsp.readFile('a.json', 'utf8')",
        '  console.log(text)',
        '})()',
        ';[1, 2].forEach(function (n) { console.log(n) })',
        '',
      ].join('\n'),
    );
  });

  it('keeps the comments of a callback that disappears, and drops a directive whose line is gone', () => {
    const output = rewrite(
      [
        "const fs = require('fs');",
        '// read the config',
        "fs.readFile('a.json', 'utf8', (err, text) => {",
        '  // eslint-disable-next-line no-throw-literal',
        '  if (err) throw err;',
        '  // parse it',
        '  console.log(text); // show',
        '});',
        '',
      ].join('\n'),
    );
    expect(output).toContain('// read the config\n');
    expect(output).toContain('  // parse it\n  console.log(text); // show\n');
    expect(output).not.toContain('eslint-disable-next-line');
  });

  it('leaves untouched statements byte for byte, odd spacing, blank lines and the last line included', () => {
    const untouched = "var  fs = require( 'fs' ) ;;\n\n\nfunction  odd ( a ){ return a }\n";
    const output = rewrite(`${untouched}fs.stat('a', (err, stats) => {\n  if (err) throw err;\n  odd(stats);\n});\n\n// the end`);
    expect(output).toContain(untouched.slice(untouched.indexOf(';;') + 2));
    expect(output.endsWith('\n\n// the end')).toBe(true);
  });

  it('keeps the trailing spaces of a blank line in code that was reprinted (ncp): unmoved as they were, moved with their code', () => {
    const source = [
      "var fs = require('fs');",
      'function copy(file, done) {',
      '  var started = 0;',
      '  ',
      '  started++;',
      "  fs.stat(file, function (err, stats) {",
      '    if (err) return done(err);',
      '    var size = stats.size;',
      '    ',
      '    console.log(size);',
      '    done(null, size);',
      '  });',
      '}',
      'module.exports = copy;',
      '',
    ].join('\n');
    const lines = rewrite(source).split('\n');
    expect(lines).toContain('  var started = 0;');
    expect(lines[lines.indexOf('  var started = 0;') + 1]).toBe('  ');
    // The callback's body moved out one level, its blank line with it.
    const moved = lines.findIndex((line) => /^\s*var size = stats\.size;$/.test(line));
    expect(lines[moved + 1]).toBe(lines[moved].match(/^\s*/)![0]);
  });
});

// New code follows the file's habits (src/engine/new-code-style.ts), on inputs written as the
// bench:real packages are (cmd-shim, fs-extra, write-file-atomic, graceful-fs).
const babel = createParser('babel');
const restore = (original: string, printed: string): string => restoreFileStyle(original, printed, babel);

describe('new code in the file’s habits', () => {
  const cmdShimLike = [
    'var fs = require("fs")',
    '  , path = require("path")',
    '',
    'function finish (fd, options, cb) {',
    '  if (options.closeAfter) fs.close(fd, function () { console.log("closed") })',
    '  else cb()',
    '}',
    '',
    'function trim (s) {',
    '  s = s.trim();',
    '  return s',
    '}',
    'module.exports = { finish: finish, trim: trim }',
    '',
  ].join('\n');

  it('a semicolon-free file with a few semicolons (cmd-shim): no semicolon on a new line, its own kept; var, one-line pattern', () => {
    const output = rewrite(cmdShimLike);
    const added = output.split('\n').filter((line) => !cmdShimLike.split('\n').includes(line));
    expect(added.length).toBeGreaterThan(3);
    expect(added.filter((line) => line.trimEnd().endsWith(';'))).toEqual([]);
    expect(output).toContain('var { promisify } = require("util")\n');
    expect(output).toContain('var closeAsync = promisify(fs.close)\n');
    expect(output).toContain('  if (options.closeAfter) void (async () => {');
    expect(output).toContain('  })()\n  else cb()\n');
    expect(output).toContain('  s = s.trim();\n');
    expect(output).not.toMatch(/\b(const|let) /);
  });

  it('the file’s space before a function’s parentheses, named or not', () => {
    const original = 'function copyDir (dir, cb) {\n  fs.readdir(dir, function (err, items) {\n    cb(err, items)\n  })\n}\np.then(null, function fail (err) {\n  return cleanup(err)\n})\n';
    const printed = 'async function copyDir(dir, cb) {\n  const items = await readdirAsync(dir)\n  cb(null, items)\n}\np.then(null, async function fail(err) {\n  await cleanup(err)\n})\nq(async function() {})\n';
    expect(restore(original, printed)).toBe(
      'async function copyDir (dir, cb) {\n  const items = await readdirAsync(dir)\n  cb(null, items)\n}\np.then(null, async function fail (err) {\n  await cleanup(err)\n})\nq(async function () {})\n',
    );
    // A file that writes both ways has no habit: nothing changes.
    const mixed = `${original}function other(a) {}\n`;
    expect(restore(mixed, `${printed}function other(a) {}\n`)).toContain('async function copyDir(dir, cb)');
  });

  it('a statement printed against the next one goes on its own line (graceful-fs legacy-streams)', () => {
    const original = "var Stream = require('stream').Stream\n\nmodule.exports = legacy\n";
    const printed = "const { fromCallback } = require('./awaitify-helpers.js');var Stream = require('stream').Stream\n\nmodule.exports = legacy\n";
    expect(restore(original, printed)).toBe("var { fromCallback } = require('./awaitify-helpers.js')\nvar Stream = require('stream').Stream\n\nmodule.exports = legacy\n");
    // nedb's `};` after a function declaration is one line of the original, not two glued statements.
    const nedbLike = 'function Persistence (options) {\n  this.options = options;\n};\n';
    expect(restore(nedbLike, `var { fromCallback } = require('./h.js');\n${nedbLike}`)).toBe(`var { fromCallback } = require('./h.js');\n${nedbLike}`);
  });

  it('keeps let and const where var would mean another thing: in a loop, or a name used outside the block', () => {
    const original = 'var fs = require("fs")\nfunction f (list, err) {\n  for (var i = 0; i < list.length; i++) {\n    go(list[i])\n  }\n  if (list) {\n    go(err)\n  }\n  return err\n}\n';
    const printed =
      'var fs = require("fs")\nfunction f (list, err) {\n  for (var i = 0; i < list.length; i++) {\n    const item = list[i]\n    setTimeout(() => go(item))\n  }\n  if (list) {\n    let err = null\n    go(err)\n  }\n  const done = true\n  return err\n}\n';
    const output = restore(original, printed);
    expect(output).toContain('    const item = list[i]\n');
    expect(output).toContain('    let err = null\n');
    expect(output).toContain('  var done = true\n');
  });

  it('an if without braces that the printer split goes on one line where the file writes them so', () => {
    const original = 'function next (er) {\n  if (er) return cb(er)\n  go()\n}\n';
    const printed = 'async function next (er) {\n  while (true) {\n    if (er)\n      throw er\n    await go()\n  }\n}\n';
    expect(restore(original, printed)).toContain('    if (er) throw er\n');
    const twoLines = 'function next (er) {\n  if (er)\n    return cb(er)\n  go()\n}\n';
    expect(restore(twoLines, printed)).toContain('    if (er)\n      throw er\n');
  });

  it('no blank lines around new blocks in a file that seldom writes them (fs-extra utimes); kept where the file does (tmp)', () => {
    const compact = 'function read (file, cb) {\n  fs.stat(file, function (err, stats) {\n    if (err) return cb(err)\n    cb(null, stats.size)\n  })\n}\n\nfunction other () {\n  go()\n}\n';
    const printed =
      'async function read (file, cb) {\n  var stats\n\n  try {\n    stats = await statAsync(file)\n  } catch (err) {\n    return cb(err)\n  }\n\n  cb(null, stats.size)\n}\n\nfunction other () {\n  go()\n}\n';
    expect(restore(compact, printed)).toBe(
      'async function read (file, cb) {\n  var stats\n  try {\n    stats = await statAsync(file)\n  } catch (err) {\n    return cb(err)\n  }\n  cb(null, stats.size)\n}\n\nfunction other () {\n  go()\n}\n',
    );
    const airy = compact.replace('function other () {\n  go()\n}', 'function other () {\n  go()\n\n  if (a) {\n    b()\n  }\n\n  c()\n}');
    expect(restore(airy, printed.replace('function other () {\n  go()\n}', 'function other () {\n  go()\n\n  if (a) {\n    b()\n  }\n\n  c()\n}'))).toContain('  var stats\n\n  try {');
  });

  it('a require added where a declarator went joins the block of requires (node-dir readfiles)', () => {
    const original = "var fs = require('fs'),\n    path = require('path');\n\n/**\n * doc\n */\nfunction a() {}\n";
    const printed = "var path = require('path');\n\nconst fsp = require('fs/promises');\n\n/**\n * doc\n */\nfunction a() {}\n";
    expect(restore(original, printed)).toBe("var path = require('path');\nvar fsp = require('fs/promises');\n\n/**\n * doc\n */\nfunction a() {}\n");
  });

  it('a comment left last in a new block, against its brace, goes above the statement before it (fstream writer)', () => {
    const original = 'function create (self) {\n  mkdir(self.path, function (er, made) {\n    // console.error("W created", er)\n    if (er) return self.error(er)\n    self.made = made\n  })\n}\n';
    const printed =
      'function create (self) {\n  void (async () => {\n    var made\n    try {\n      made = await mkdirAsync(self.path)\n    // console.error("W created", er)\n    } catch (er) {\n      return self.error(er)\n    }\n    self.made = made\n  })()\n}\n';
    expect(restore(original, printed)).toContain('    try {\n      // console.error("W created", er)\n      made = await mkdirAsync(self.path)\n    } catch (er) {\n');
  });
  it('a comma-first declarator list that lost its first declarator keeps its line breaks (nedb persistence)', () => {
    const original =
      "Persistence.prototype.persist = function (cb) {\n  var callback = cb || function () {}\n    , toPersist = ''\n    , self = this\n    ;\n\n  if (this.inMemoryOnly) { return callback(null); }\n  write(toPersist, self);\n};\n";
    // What recast prints for the declaration it reprints once the callback alias is gone, moved into a new function.
    const printed = "async function persistAsync () {\n  var toPersist = '', self = this;\n\n  if (this.inMemoryOnly) { return; }\n  write(toPersist, self);\n}\n";
    expect(restore(original, printed)).toBe(
      "async function persistAsync () {\n  var toPersist = ''\n    , self = this\n    ;\n\n  if (this.inMemoryOnly) { return; }\n  write(toPersist, self);\n}\n",
    );
    const rewritten = rewrite(
      [
        "var fs = require('fs');",
        '',
        'function Persistence () {}',
        '',
        'Persistence.prototype.persist = function (cb) {',
        '  var callback = cb || function () {}',
        "    , toPersist = ''",
        '    , self = this',
        '    ;',
        '',
        '  if (this.inMemoryOnly) { return callback(null); }',
        '  fs.writeFile(self.filename, toPersist, function (err) {',
        '    if (err) { return callback(err); }',
        "    self.emit('done');",
        '    return callback(null);',
        '  });',
        '};',
        '',
        'module.exports = Persistence;',
        '',
      ].join('\n'),
    );
    // The `};` of the function expression does not follow the declaration that replaced it.
    expect(rewritten).toContain("async function persistAsync () {\n  var toPersist = ''\n    , self = this\n    ;\n\n  if (this.inMemoryOnly) { return; }\n");
    expect(rewritten).toContain("  self.emit('done');\n}\n\nmodule.exports");
  });
});
