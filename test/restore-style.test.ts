import { describe, expect, it } from 'vitest';
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
});
