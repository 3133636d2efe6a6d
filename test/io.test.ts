import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, RunOptionsError } from '../src/engine/run';
import { collectFiles } from '../src/io/collect-files';
import { createMinNodeMajorLookup, parseMinNodeMajor } from '../src/io/engines';
import { defaultFileLimits, explainMinified, explainTooBig, parseSize } from '../src/io/file-limits';
import { findUncommittedFiles } from '../src/io/git-status';
import { readSourceFile } from '../src/io/read-file';
import { writeResults } from '../src/io/write-results';
import { buildReport } from '../src/report/build-report';
import type { FileResult } from '../src/types';
import { git, makeRepository, makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

const jsExtensions = ['.js', '.ts'];

async function collectRelative(root: string, paths: string[] = ['.'], ignore: string[] = []) {
  const collected = await collectFiles({ paths, cwd: root, extensions: jsExtensions, ignore });
  return {
    files: collected.files.map((file) => path.relative(root, file).split(path.sep).join('/')),
    skipped: collected.skipped.map((entry) => ({ path: path.relative(root, entry.path), reason: entry.reason })),
    missing: collected.missing,
  };
}

describe('parseMinNodeMajor', () => {
  it.each([
    ['>=14', 14],
    ['>= 8.0.0', 8],
    ['^12.20 || >=14', 12],
    ['^12.20.0 || ^14.13.1 || >=16.0.0', 12],
    ['>=18 <22', 18],
    ['16.x', 16],
    ['~10.2', 10],
    ['v14', 14],
    ['12 - 16', 12],
    ['>14', 15],
    ['>14.2', 14],
    ['<16', 0],
    ['*', 0],
    ['>=20.0.0-rc.1', 20],
  ])('%s -> %s', (range, major) => {
    expect(parseMinNodeMajor(range)).toBe(major);
  });

  it('gives up on what it cannot read', () => {
    expect(parseMinNodeMajor('latest')).toBeUndefined();
    expect(parseMinNodeMajor('>=14 || lts')).toBeUndefined();
  });
});

describe('createMinNodeMajorLookup', () => {
  it('uses the nearest package.json with engines.node, looking through nameless marker files', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({ name: 'app', engines: { node: '>=14' } }),
      'src/esm/package.json': JSON.stringify({ type: 'module' }),
      'packages/old/package.json': JSON.stringify({ name: 'old', engines: { node: '^10.13 || >=12' } }),
      'packages/plain/package.json': JSON.stringify({ name: 'plain' }),
    });
    const lookup = createMinNodeMajorLookup();
    expect(await lookup(path.join(root, 'src/esm'))).toBe(14);
    expect(await lookup(path.join(root, 'packages/old'))).toBe(10);
    expect(await lookup(path.join(root, 'packages/plain'))).toBeUndefined();
  });
});

describe('readSourceFile', () => {
  it('keeps a byte-order mark in the text', async () => {
    const root = await makeTree({ 'a.js': '\ufefflet a = 1;\n' });
    expect(await readSourceFile(path.join(root, 'a.js'), 'a.js')).toEqual({ text: '\ufefflet a = 1;\n' });
  });

  it('reports a file that is not UTF-8 with the line and column of the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('let a = 1;\nlet é = "'), Buffer.from([0xff, 0xfe]), Buffer.from('";\n')]);
    const root = await makeTree({ 'latin.js': bytes });
    const outcome = await readSourceFile(path.join(root, 'latin.js'), 'latin.js');
    expect(outcome).toEqual({
      error: {
        message: 'latin.js: not valid UTF-8 (first bad byte at line 2, column 10); only UTF-8 files are rewritten',
        line: 2,
        column: 10,
      },
    });
  });

  it('reports a file it cannot read, naming it', async () => {
    const root = await makeTree();
    const outcome = await readSourceFile(path.join(root, 'gone.js'), 'gone.js');
    expect('error' in outcome && outcome.error.message).toMatch(/^gone\.js: cannot read the file \(ENOENT/);
  });
});

describe('collectFiles', () => {
  it('walks directories for the given extensions, skipping node_modules and .git', async () => {
    const root = await makeTree({
      'a.js': '',
      'b.ts': '',
      'notes.txt': '',
      'src/deep/c.js': '',
      'node_modules/dep/index.js': '',
      'src/node_modules/inner.js': '',
      '.git/hooks/x.js': '',
    });
    expect(await collectRelative(root)).toEqual({ files: ['a.js', 'b.ts', 'src/deep/c.js'], skipped: [], missing: [] });
  });

  it('respects .gitignore files at every level, including re-includes', async () => {
    const root = await makeTree({
      '.gitignore': 'dist/\n*.gen.js\n',
      'dist/out.js': '',
      'keep.js': '',
      'x.gen.js': '',
      'lib/.gitignore': '!special.gen.js\nlocal.js\n',
      'lib/special.gen.js': '',
      'lib/other.gen.js': '',
      'lib/local.js': '',
      'lib/kept.js': '',
    });
    expect((await collectRelative(root)).files).toEqual(['keep.js', 'lib/kept.js', 'lib/special.gen.js']);
  });

  it('reads .gitignore files from the top of the git work tree when given a subdirectory', async () => {
    const root = await makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'generated/\n', 'src/generated/a.js': '', 'src/b.js': '' });
    expect((await collectRelative(root, ['src'])).files).toEqual(['src/b.js']);
  });

  it('skips --ignore globs: bare names at any depth, paths from cwd', async () => {
    const root = await makeTree({ 'vendor/lib.js': '', 'src/vendor/x.js': '', 'src/a.min.js': '', 'src/a.js': '', 'test/t.js': '' });
    expect((await collectRelative(root, ['.'], ['vendor', '*.min.js', 'test/**'])).files).toEqual(['src/a.js']);
  });

  it('lists files named directly but left out by a rule as skipped, with the reason', async () => {
    const root = await makeTree({ '.gitignore': 'ignored.js\n', 'ignored.js': '', 'notes.txt': '', 'node_modules/m.js': '', 'vendor/v.js': '', 'ok.js': '' });
    const collected = await collectRelative(root, ['ignored.js', 'notes.txt', 'node_modules/m.js', 'vendor/v.js', 'ok.js'], ['vendor']);
    expect(collected.files).toEqual(['ok.js']);
    expect(collected.skipped).toEqual([
      { path: 'ignored.js', reason: 'ignored by .gitignore' },
      { path: 'notes.txt', reason: 'extension ".txt" is not one of .js .ts (see --extensions)' },
      { path: path.join('node_modules', 'm.js'), reason: 'inside node_modules' },
      { path: path.join('vendor', 'v.js'), reason: 'matches --ignore "vendor"' },
    ]);
  });

  it('does not follow links to directories and processes a linked file once', async () => {
    const root = await makeTree({ 'src/a.js': '' });
    await fs.symlink(path.join(root, 'src'), path.join(root, 'loop'));
    await fs.symlink(path.join(root, 'src/a.js'), path.join(root, 'link.js'));
    expect((await collectRelative(root)).files).toEqual(['link.js']);
  });

  it('reports paths that do not exist', async () => {
    const root = await makeTree();
    expect((await collectRelative(root, ['nope', 'also/nope.js'])).missing).toEqual(['nope', 'also/nope.js']);
  });
});

function changedResult(filePath: string, source: string, output: string): FileResult {
  return { path: filePath, status: 'changed', source, output, findings: [] };
}

describe('writeResults', () => {
  it('writes changed files atomically, keeps their mode and leaves no temp files', async () => {
    const root = await makeTree({ 'tool.js': 'old\n', 'secret.js': 'old\n' });
    await fs.chmod(path.join(root, 'tool.js'), 0o755);
    await fs.chmod(path.join(root, 'secret.js'), 0o600);
    const report = buildReport([changedResult('tool.js', 'old\n', 'new\n'), changedResult('secret.js', 'old\n', 'new\n')], root);
    const after = await writeResults(report);
    expect(after.summary).toMatchObject({ changed: 2, failed: 0 });
    expect(await fs.readFile(path.join(root, 'tool.js'), 'utf8')).toBe('new\n');
    expect((await fs.stat(path.join(root, 'tool.js'))).mode & 0o777).toBe(0o755);
    expect((await fs.stat(path.join(root, 'secret.js'))).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(root)).sort()).toEqual(['secret.js', 'tool.js']);
  });

  it('writes through a symbolic link to its target and leaves the link a link', async () => {
    const root = await makeTree({ 'real/target.js': 'old\n' });
    await fs.symlink(path.join(root, 'real/target.js'), path.join(root, 'link.js'));
    await writeResults(buildReport([changedResult('link.js', 'old\n', 'new\n')], root));
    expect((await fs.lstat(path.join(root, 'link.js'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(path.join(root, 'real/target.js'), 'utf8')).toBe('new\n');
  });

  it('never writes files that did not change', async () => {
    const root = await makeTree({ 'same.js': 'same\n' });
    const past = new Date('2001-01-01T00:00:00Z');
    await fs.utimes(path.join(root, 'same.js'), past, past);
    const results: FileResult[] = [
      { path: 'same.js', status: 'unchanged', source: 'same\n', findings: [] },
      changedResult('same.js', 'same\n', 'same\n'),
    ];
    await writeResults(buildReport(results, root));
    expect((await fs.stat(path.join(root, 'same.js'))).mtime.getTime()).toBe(past.getTime());
  });

  it('does not overwrite a file edited since it was read, and says so', async () => {
    const root = await makeTree({ 'a.js': 'edited meanwhile\n' });
    const after = await writeResults(buildReport([changedResult('a.js', 'old\n', 'new\n')], root));
    expect(after.files[0]).toMatchObject({ status: 'error', error: { message: 'a.js: changed on disk since it was read; not written, run again' } });
    expect(await fs.readFile(path.join(root, 'a.js'), 'utf8')).toBe('edited meanwhile\n');
  });
});

describe('findUncommittedFiles', () => {
  it('finds modified, staged and untracked files, not committed ones', async () => {
    const root = await makeRepository({ 'clean.js': '1\n', 'modified.js': '1\n', 'staged.js': '1\n', 'sub dir/clean too.js': '1\n' });
    await fs.writeFile(path.join(root, 'modified.js'), '2\n');
    await fs.writeFile(path.join(root, 'staged.js'), '2\n');
    git(root, 'add', 'staged.js');
    await fs.writeFile(path.join(root, 'untracked.js'), '1\n');
    const files = ['clean.js', 'modified.js', 'staged.js', 'untracked.js', 'sub dir/clean too.js'].map((name) => path.join(root, name));
    const result = await findUncommittedFiles(files);
    expect(result.dirty.map((file) => path.basename(file)).sort()).toEqual(['modified.js', 'staged.js', 'untracked.js']);
    expect(result.unknown).toEqual([]);
  });

  it('finds nothing outside a git work tree', async () => {
    const root = await makeTree({ 'a.js': '' });
    expect(await findUncommittedFiles([path.join(root, 'a.js')])).toEqual({ dirty: [], unknown: [] });
  });
});

describe('run', () => {
  it('reports every file with paths relative to cwd, forward slashes, and keeps going past errors', async () => {
    const root = await makeTree({ 'src/lib/ok.js': 'let a = 1;\n', 'src/bad.js': 'const x = ;\n', 'src/latin.js': Buffer.from([0x61, 0xe9, 0x0a]) });
    const seen: string[] = [];
    const report = await run({ paths: ['src'], cwd: root, onFile: (result, done, total) => seen.push(`${done}/${total} ${result.path}`) });
    expect(report.files.map((file) => [file.path, file.status])).toEqual([
      ['src/bad.js', 'error'],
      ['src/latin.js', 'error'],
      ['src/lib/ok.js', 'unchanged'],
    ]);
    expect(report.files[0].error).toMatchObject({ line: 1, column: 11 });
    expect(report.files[0].error?.message).toMatch(/^src\/bad\.js: cannot parse/);
    expect(seen).toHaveLength(3);
    expect(seen[2]).toMatch(/^3\/3 /);
    expect(report.cwd).toBe(root);
  });

  it('rejects options that cannot work before touching any file', async () => {
    const root = await makeTree();
    await expect(run({ paths: ['.'], cwd: root, transforms: ['nope'] })).rejects.toThrow(RunOptionsError);
    await expect(run({ paths: ['.'], cwd: root, transforms: ['nope'] })).rejects.toThrow(/Unknown transform "nope" \(known: callbacks-to-async/);
    await expect(run({ paths: ['.'], cwd: root, allow: ['timing/nope'] })).rejects.toThrow(/Unknown rule id "timing\/nope"/);
    await expect(run({ paths: ['missing'], cwd: root })).rejects.toThrow('No such file or directory: missing');
    await expect(run({ paths: ['.'], cwd: root, extensions: ['.j s'] })).rejects.toThrow(/Invalid extensions/);
  });
});

describe('file limits', () => {
  it('reads sizes with units', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('500kb')).toBe(512000);
    expect(parseSize('2MB')).toBe(2 * 1024 * 1024);
    expect(parseSize('1.5m')).toBe(1572864);
    expect(parseSize('0')).toBe(0);
    expect(parseSize('big')).toBeUndefined();
    expect(parseSize('-1')).toBeUndefined();
    expect(parseSize('3 lb')).toBeUndefined();
  });

  it('skips over the size limit only, and never with the limit 0', () => {
    expect(explainTooBig(1024 * 1024, defaultFileLimits)).toBeUndefined();
    expect(explainTooBig(1024 * 1024 + 1, defaultFileLimits)).toBe('larger than the size limit (1 MB > 1 MB; see --max-file-size)');
    expect(explainTooBig(5e9, { ...defaultFileLimits, maxFileSize: 0 })).toBeUndefined();
  });

  it('calls a text minified by its mean line length, not a short one-liner or ordinary code', () => {
    const oneLine = `${'a=1;'.repeat(400)}\n`;
    expect(explainMinified(oneLine, defaultFileLimits)).toMatch(/^looks minified \(mean line length 801 characters > 300/);
    expect(explainMinified(oneLine, { ...defaultFileLimits, skipMinified: false })).toBeUndefined();
    expect(explainMinified('module.exports = { a: 1, b: 2 };', defaultFileLimits)).toBeUndefined();
    const code = 'const fs = require("fs");\nfs.readFile(file, (err, text) => console.log(text));\n'.repeat(200);
    expect(explainMinified(code, defaultFileLimits)).toBeUndefined();
    const longLines = `${'x'.repeat(290)}\n`.repeat(10);
    expect(explainMinified(longLines, defaultFileLimits)).toBeUndefined();
  });
});

describe('collectFiles: globs and .git/info/exclude', () => {
  it('expands a pattern that is not a path, lists a pattern or directory that gives nothing as unmatched', async () => {
    const root = await makeTree({ 'src/a.js': '', 'src/b/c.ts': '', 'src/d.md': '', 'empty/.keep': '' });
    const collected = await collectFiles({ paths: ['src/**/*', 'nothing/*.js', 'empty', 'missing'], cwd: root, extensions: ['.js', '.ts'], ignore: [] });
    expect(collected.files.map((file) => path.relative(root, file))).toEqual(['src/a.js', 'src/b/c.ts']);
    expect(collected.unmatched.map((entry) => entry.given)).toEqual(['nothing/*.js', 'empty']);
    expect(collected.missing).toEqual(['missing']);
  });

  it('nothing under a matched directory that .gitignore or --ignore leaves out is processed', async () => {
    const root = await makeTree({ '.gitignore': 'build/\n', 'build/out.js': '', 'vendor/v.js': '', 'src/a.js': '' });
    const collected = await collectFiles({ paths: ['*'], cwd: root, extensions: ['.js'], ignore: ['vendor'] });
    expect(collected.files.map((file) => path.relative(root, file))).toEqual(['src/a.js']);
  });

  it('a file whose name looks like a pattern is taken as a name when it exists', async () => {
    const root = await makeTree({ 'pages/[id].js': '', 'pages/1.js': '' });
    const collected = await collectFiles({ paths: ['pages/[id].js'], cwd: root, extensions: ['.js'], ignore: [] });
    expect(collected.files.map((file) => path.relative(root, file))).toEqual(['pages/[id].js']);
  });
});
