import type { OwnApi } from './grammar';

/**
 * Variants of the own callback API's work written in the idioms of issue #16, chosen by the
 * function's id (like the factory-made functions of print.ts), so the model and the programs a
 * seed draws stay the same: a counter join over an index `for` loop with a failed flag, a named
 * callback that retries itself after a timer, a `called` guard, `return fs.x(…)` in the
 * branches of an if after fs.exists, a local step function called at the tails of branches,
 * a callback value that shadows the parameter its call reads, and a conditional error with the
 * hand-on as the bare `else` of an if. `input` is the path the
 * function got ('input.txt', or 'missing.txt' on an error path).
 */
export interface IdiomVariant {
  lines: string[];
  /** Uses `opened(name)`, which prints that a read starts. */
  opened: boolean;
}

export function idiomVariant(source: OwnApi['source'], id: number): IdiomVariant | undefined {
  switch (source) {
    case 'join':
      // id % 3 === 0 is the flagged side-by-side join and 2 the refused one (print.ts); 1 is this loop.
      if (id % 3 !== 1) return undefined;
      return {
        opened: true,
        lines: [
          "const files = [input, opened('other.txt')];",
          'const sizes = [];',
          'let pending = files.length;',
          'let failed = false;',
          'for (let i = 0; i < files.length; i++) {',
          "  fs.readFile(files[i], 'utf8', (err, text) => {",
          '    if (failed) return;',
          '    if (err) return cb(failed = err);',
          '    sizes[i] = text.length;',
          "    if (--pending === 0) cb(null, sizes.join('+'));",
          '  });',
          '}',
        ],
      };
    case 'nextLoop':
      if (id % 2 !== 1) return undefined;
      return {
        opened: false,
        lines: [
          'let attempts = 0;',
          "fs.readFile(input, 'utf8', function CB(err, text) {",
          '  attempts++;',
          "  if (err && attempts < 3) return setTimeout(function () { fs.readFile(input, 'utf8', CB); }, 10);",
          '  if (err) return cb(err);',
          '  cb(null, text.length + attempts);',
          '});',
        ],
      };
    case 'fs':
      if (id % 2 !== 1) return undefined;
      return {
        opened: false,
        lines: [
          'let called = false;',
          "fs.readFile(input, 'utf8', (err, text) => {",
          '  if (called) return;',
          '  called = true;',
          '  if (err) return cb(err);',
          '  cb(null, text.length);',
          '});',
        ],
      };
    case 'exists':
      // A local step function that calls back (fs-extra's createFile), called at the tails of
      // the branches: one id in four (2 is the factory-made function).
      if (id % 4 === 0) {
        return {
          opened: false,
          lines: [
            "const dir = input === 'missing.txt' ? 'no-such-dir' : 'data';",
            'function readIt(path) {',
            "  fs.readFile(path, 'utf8', (err, text) => {",
            '    if (err) return cb(err);',
            '    cb(null, text.length);',
            '  });',
            '}',
            'fs.exists(dir, (found) => {',
            "  if (found) return readIt(input);",
            "  fs.exists(input, (there) => {",
            "    if (!there) return cb(new Error('no ' + dir));",
            '    readIt(input);',
            '  });',
            '});',
          ],
        };
      }
      // `return fs.x(…, cb)` whose value is undefined, in the branches of an if that ends the
      // callback, one of them with a value nothing reads.
      if (id % 2 !== 1) return undefined;
      return {
        opened: false,
        lines: [
          'fs.exists(input, (found) => {',
          '  if (found) {',
          '    return fs.stat(input, (err, stats) => {',
          '      if (err) return cb(err);',
          '      cb(null, stats.size);',
          '    });',
          '  } else return fs.stat(input, (err, stats) => {',
          '    if (err) return cb(err);',
          '    cb(null, 0);',
          '  });',
          '});',
        ],
      };
    case 'handOn':
      // rimraf's fixWinEPERM: a conditional error (`cb(test ? null : er2)`), and the hand-on
      // written as the bare `else` of an if. One id in eight (2 mod 4 is the factory-made function).
      if (id % 8 === 4) {
        return {
          opened: false,
          lines: [
            'fs.lstat(input, (er2, lstats) => {',
            '  if (er2)',
            "    cb(er2.code === 'EISDIR' ? null : er2);",
            '  else if (lstats.isDirectory())',
            '    cb(null, lstats);',
            '  else',
            '    fs.stat(input, cb);',
            '});',
          ],
        };
      }
      // The callback's value shadows the parameter the call reads (fs-extra's createSymlink:
      // `symlinkType(p, type, function (err, type) {…})`): the parameter is set, not redeclared.
      if (id % 2 !== 1) return undefined;
      return {
        opened: false,
        lines: [
          'fs.realpath(input, (err, input) => {',
          '  if (err) return cb(err);',
          '  fs.stat(input, cb);',
          '});',
        ],
      };
    default:
      return undefined;
  }
}
