import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/program';
import { transforms } from '../src/transforms';
import { makeRepository, makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

/**
 * A sample that callbacks-to-async converts. Tests in the "needs callbacks-to-async" blocks
 * below fail until that transform lands; every other test passes without it.
 */
const CALLBACK_SAMPLE = "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n";
const PLAIN = 'let answer = 42;\n';
const SYNTAX_ERROR = 'const x = ;\n';

const projectRoot = path.resolve(__dirname, '..');
const builtBin = path.join(projectRoot, 'dist/bin/awaitify.js');

interface Terminal {
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
}

/** Runs main() in-process with captured output. */
async function awaitify(cwd: string, args: string[], terminal: Terminal = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: terminal.stdoutIsTTY ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: terminal.stderrIsTTY ?? false, columns: 100 },
    env: terminal.env ?? {},
    cwd,
  });
  return { code, stdout, stderr };
}

/** Runs the built command as a user would. */
function spawnAwaitify(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [builtBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function read(root: string, name: string): string {
  return readFileSync(path.join(root, name), 'utf8');
}

describe('awaitify: usage', () => {
  it('--help lists every transform with its description', async () => {
    const { code, stdout } = await awaitify(os.tmpdir(), ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: awaitify [options] [paths...]');
    for (const transform of transforms) expect(stdout).toMatch(new RegExp(`${transform.meta.id}\\s+${transform.meta.description.slice(0, 20)}`));
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    const { code, stdout } = await awaitify(os.tmpdir(), ['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  it.each([
    [['-t', 'nope'], /Unknown transform "nope" \(known: callbacks-to-async/],
    [['--transform', 'callbacks-to-async,other'], /Unknown transform "other"/],
    [['--parser', 'coffee'], /argument 'coffee' is invalid. Allowed choices are auto, babel, flow, ts, tsx/],
    [['--report', 'xml'], /Allowed choices are text, json, markdown/],
    [['--api', 'sync'], /Allowed choices are dual, promise/],
    [['--target', 'deno'], /Allowed choices are auto, node, browser/],
    [['--allow', 'timing/nope'], /Unknown rule id "timing\/nope" \(known: timing\//],
    [['--extensions', 'j s'], /Invalid extensions/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--check', '--write'], /'--check' cannot be used with option '--write'/],
    [['missing-dir'], /No such file or directory: missing-dir/],
    [['--report-file', 'no/such/dir/r.json'], /--report-file no\/such\/dir\/r.json: directory .* does not exist/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const root = await makeTree({ 'a.js': PLAIN });
    const { code, stdout, stderr } = await awaitify(root, args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });
});

describe('awaitify: files and reports', () => {
  it('exits 0 and summarizes when nothing needs rewriting', async () => {
    const root = await makeTree({ 'a.js': PLAIN, 'src/b.ts': 'const b: number = 1;\n' });
    const { code, stdout, stderr } = await awaitify(root, []);
    expect(code).toBe(0);
    expect(stdout).toBe('Scanned 2 files: 0 changed, 2 unchanged, 0 skipped, 0 failed.\nFindings: none.\n');
    expect(stderr).toBe('');
  });

  it('a dry run leaves every file as it was', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'b.js': PLAIN });
    await awaitify(root, ['.']);
    expect(read(root, 'a.js')).toBe(CALLBACK_SAMPLE);
    expect(read(root, 'b.js')).toBe(PLAIN);
    expect((await fs.readdir(root)).sort()).toEqual(['a.js', 'b.js']);
  });

  it('reports a syntax error with file:line:column, processes the other files and exits 1', async () => {
    const root = await makeTree({ 'a.js': PLAIN, 'broken.js': `${PLAIN}${SYNTAX_ERROR}`, 'c.js': PLAIN });
    const { code, stdout } = await awaitify(root, ['--report', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.files.map((file: { path: string; status: string }) => `${file.path} ${file.status}`)).toEqual([
      'a.js unchanged',
      'broken.js error',
      'c.js unchanged',
    ]);
    expect(report.files[1].error).toMatchObject({ line: 2, column: 11 });
    const text = await awaitify(root, []);
    expect(text.stdout).toContain('error broken.js:2:11: cannot parse: Unexpected token');
  });

  it('--report json prints only JSON, with paths relative to cwd in forward slashes', async () => {
    const root = await makeTree({ 'src/lib/a.js': PLAIN, 'src/bad.js': SYNTAX_ERROR });
    const { stdout, stderr } = await awaitify(root, ['--report', 'json', 'src']);
    const report = JSON.parse(stdout);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['src/bad.js', 'src/lib/a.js']);
    expect(report.summary).toMatchObject({ scanned: 2, unchanged: 1, failed: 1 });
    // The person at the terminal still learns about the failure.
    expect(stderr).toContain('src/bad.js:1:11: cannot parse');
  });

  it('--report markdown prints tables', async () => {
    const root = await makeTree({ 'a.js': PLAIN, 'bad.js': SYNTAX_ERROR });
    const { stdout } = await awaitify(root, ['--report', 'markdown']);
    expect(stdout).toMatch(/^# awaitify report\n/);
    expect(stdout).toContain('| 2 | 0 | 1 | 0 | 1 | 0 |');
    expect(stdout).toContain('- bad.js:1:11: cannot parse');
  });

  it('--report-file writes the report there (format from the extension) and the text report to stdout', async () => {
    const root = await makeTree({ 'a.js': PLAIN, 'out/.keep': '' });
    const { code, stdout } = await awaitify(root, ['--report-file', 'out/report.json', 'a.js']);
    expect(code).toBe(0);
    expect(stdout).toContain('Scanned 1 file');
    expect(JSON.parse(read(root, 'out/report.json')).files).toEqual([{ path: 'a.js', status: 'unchanged', findings: [] }]);
    await awaitify(root, ['--report-file', 'out/report.md', 'a.js']);
    expect(read(root, 'out/report.md')).toMatch(/^# awaitify report/);
  });

  it('--check exits 0 when no file would change', async () => {
    const root = await makeTree({ 'a.js': PLAIN });
    expect((await awaitify(root, ['--check'])).code).toBe(0);
  });

  it('reports a file that is not UTF-8 and exits 1', async () => {
    const root = await makeTree({ 'a.js': PLAIN, 'latin1.js': Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a]) });
    const { code, stdout } = await awaitify(root, []);
    expect(code).toBe(1);
    expect(stdout).toContain('error latin1.js:1:4: not valid UTF-8 (first bad byte at line 1, column 4)');
  });

  it('skips node_modules, .gitignore entries and --ignore globs; --extensions narrows the search', async () => {
    const root = await makeTree({
      '.gitignore': 'build/\n',
      'a.js': PLAIN,
      'b.ts': PLAIN,
      'build/out.js': SYNTAX_ERROR,
      'node_modules/dep/index.js': SYNTAX_ERROR,
      'vendor/lib.js': SYNTAX_ERROR,
    });
    const paths = async (args: string[]) => JSON.parse((await awaitify(root, ['--report', 'json', ...args])).stdout).files.map((f: { path: string }) => f.path);
    expect(await paths(['--ignore', 'vendor'])).toEqual(['a.js', 'b.ts']);
    expect(await paths(['--ignore', 'vendor', '--extensions', 'ts'])).toEqual(['b.ts']);
    expect(await paths([])).toEqual(['a.js', 'b.ts', 'vendor/lib.js']);
  });

  it('lists a named file that a rule leaves out as skipped', async () => {
    const root = await makeTree({ '.gitignore': 'gen.js\n', 'gen.js': PLAIN });
    const { code, stdout } = await awaitify(root, ['gen.js']);
    expect(code).toBe(0);
    expect(stdout).toContain('skipped gen.js: ignored by .gitignore');
    expect(stdout).toContain('0 changed, 0 unchanged, 1 skipped, 0 failed');
  });

  it('--prettier leaves unchanged files alone', async () => {
    const root = await makeTree({ 'ugly.js': 'let   a=1\n' });
    const { code } = await awaitify(root, ['--prettier', '--write']);
    expect(code).toBe(0);
    expect(read(root, 'ugly.js')).toBe('let   a=1\n');
  });
});

describe('awaitify: colour and progress', () => {
  const files = { 'bad.js': SYNTAX_ERROR };

  it('colours on a terminal', async () => {
    const { stdout } = await awaitify(await makeTree(files), [], { stdoutIsTTY: true });
    expect(stdout).toContain('\u001b[31merror\u001b[39m');
  });

  it.each([
    ['not a terminal', [], {}],
    ['--no-color', ['--no-color'], { stdoutIsTTY: true }],
    ['NO_COLOR', [], { stdoutIsTTY: true, env: { NO_COLOR: '1' } }],
  ] as const)('does not colour: %s', async (_, args, terminal) => {
    const { stdout } = await awaitify(await makeTree(files), [...args], terminal);
    expect(stdout).not.toContain('\u001b[');
  });

  it('--color colours even in a pipe', async () => {
    const { stdout } = await awaitify(await makeTree(files), ['--color']);
    expect(stdout).toContain('\u001b[31m');
  });

  const manyFiles = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`f${index}.js`, PLAIN]));

  it('draws a progress bar on a terminal stderr for more than a few files', async () => {
    const { stderr } = await awaitify(await makeTree(manyFiles), [], { stderrIsTTY: true });
    expect(stderr).toContain('8/8 f7.js');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it.each([
    ['in CI', manyFiles, { stderrIsTTY: true, env: { CI: 'true' } }],
    ['when stderr is not a terminal', manyFiles, {}],
    ['for a few files', { 'a.js': PLAIN }, { stderrIsTTY: true }],
  ] as const)('draws no progress bar %s', async (_, tree, terminal) => {
    const { stderr } = await awaitify(await makeTree(tree), [], terminal);
    expect(stderr).toBe('');
  });
});

describe('awaitify: the built command', () => {
  it('is executable and starts with a shebang', () => {
    expect(readFileSync(builtBin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(builtBin).mode & 0o111).not.toBe(0);
  });

  it('pipes pure JSON and exits 1 for a syntax error', async () => {
    const root = await makeTree({ 'a.js': PLAIN, 'bad.js': SYNTAX_ERROR });
    const { code, stdout, stderr } = spawnAwaitify(root, ['--report', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).summary).toMatchObject({ scanned: 2, failed: 1 });
    expect(stderr).toContain('bad.js:1:11');
  });

  it('exits 2 on bad usage and 0 when done', async () => {
    const root = await makeTree({ 'a.js': PLAIN });
    expect(spawnAwaitify(root, ['--parser', 'nope']).code).toBe(2);
    expect(spawnAwaitify(root, []).code).toBe(0);
  });
});

// Everything below needs callbacks-to-async to convert CALLBACK_SAMPLE; it fails until then.
describe('awaitify: needs callbacks-to-async to convert the callback sample', () => {
  it('a dry run prints a unified diff and writes nothing', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE });
    const { code, stdout, stderr } = await awaitify(root, []);
    expect(code).toBe(0);
    expect(stdout).toContain('--- a/a.js\n+++ b/a.js\n@@ ');
    expect(stdout).toContain("-fs.readFile('a.txt', 'utf8', (err, text) => {");
    expect(stdout).toContain('1 changed');
    expect(stderr).toContain('Dry run: nothing was written; --write would change 1 file.');
    expect(read(root, 'a.js')).toBe(CALLBACK_SAMPLE);
  });

  it('colours the diff on a terminal', async () => {
    const { stdout } = await awaitify(await makeTree({ 'a.js': CALLBACK_SAMPLE }), [], { stdoutIsTTY: true });
    expect(stdout).toContain('\u001b[31m-fs.readFile(');
  });

  it('--write writes the change, and a second run finds nothing to do', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'b.js': PLAIN });
    const first = await awaitify(root, ['--write']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Wrote 1 file.');
    expect(first.stdout).not.toContain('+++ b/a.js');
    expect(read(root, 'a.js')).not.toBe(CALLBACK_SAMPLE);
    expect(read(root, 'a.js')).toContain('await');
    expect(read(root, 'b.js')).toBe(PLAIN);
    const second = await awaitify(root, ['--check']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 changed');
  });

  it('--check exits 1 when a file would change, and writes nothing', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE });
    expect((await awaitify(root, ['--check'])).code).toBe(1);
    expect(read(root, 'a.js')).toBe(CALLBACK_SAMPLE);
  });

  it('--report json lists the change with its findings', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE });
    const report = JSON.parse((await awaitify(root, ['--report', 'json'])).stdout);
    expect(report.files[0]).toMatchObject({ path: 'a.js', status: 'changed' });
    for (const finding of report.files[0].findings) {
      // `data` only when the message has placeholders to fill.
      const keys = ['applied', 'column', ...('data' in finding ? ['data'] : []), 'endColumn', 'endLine', 'line', 'message', 'messageId', 'ruleId', 'severity'];
      expect(Object.keys(finding).sort()).toEqual(keys);
    }
  });

  it('--report markdown folds the diff into a details section', async () => {
    const { stdout } = await awaitify(await makeTree({ 'a.js': CALLBACK_SAMPLE }), ['--report', 'markdown']);
    expect(stdout).toContain('<details>\n<summary><code>a.js</code></summary>\n\n```diff\n--- a/a.js\n');
  });

  it('--write refuses files with uncommitted changes in git, names them and exits 2; --force writes', async () => {
    const root = await makeRepository({ 'a.js': PLAIN, 'clean.js': CALLBACK_SAMPLE });
    await fs.writeFile(path.join(root, 'a.js'), CALLBACK_SAMPLE);
    const refused = await awaitify(root, ['--write']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--write refused, nothing was written; these files have uncommitted changes:\n  a.js\n');
    expect(refused.stderr).not.toContain('clean.js');
    expect(read(root, 'a.js')).toBe(CALLBACK_SAMPLE);
    expect(read(root, 'clean.js')).toBe(CALLBACK_SAMPLE);
    const forced = await awaitify(root, ['--write', '--force']);
    expect(forced.code).toBe(0);
    expect(read(root, 'a.js')).not.toBe(CALLBACK_SAMPLE);
  });

  it('--write writes files that are committed in git', async () => {
    const repository = await makeRepository({ 'a.js': CALLBACK_SAMPLE });
    expect((await awaitify(repository, ['--write'])).code).toBe(0);
    expect(read(repository, 'a.js')).not.toBe(CALLBACK_SAMPLE);
  });

  it('keeps CRLF line ends through --write (built command)', async () => {
    const crlf = CALLBACK_SAMPLE.replace(/\n/g, '\r\n');
    const root = await makeTree({ 'crlf.js': crlf });
    expect(spawnAwaitify(root, ['--write']).code).toBe(0);
    const written = read(root, 'crlf.js');
    expect(written).not.toBe(crlf);
    expect(written.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('keeps a byte-order mark through --write', async () => {
    const root = await makeTree({ 'bom.js': `\ufeff${CALLBACK_SAMPLE}` });
    expect((await awaitify(root, ['--write'])).code).toBe(0);
    const written = read(root, 'bom.js');
    expect(written).not.toBe(`\ufeff${CALLBACK_SAMPLE}`);
    expect(written.startsWith('\ufeff')).toBe(true);
    expect(written.slice(1)).not.toContain('\ufeff');
  });

  it('keeps a shebang line and the executable mode through --write', async () => {
    const script = `#!/usr/bin/env node\n${CALLBACK_SAMPLE}`;
    const root = await makeTree({ 'tool.js': script });
    await fs.chmod(path.join(root, 'tool.js'), 0o755);
    expect((await awaitify(root, ['--write'])).code).toBe(0);
    const written = read(root, 'tool.js');
    expect(written).not.toBe(script);
    expect(written.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(path.join(root, 'tool.js')).mode & 0o777).toBe(0o755);
  });

  it('--write goes through a symbolic link and leaves the link in place', async () => {
    const root = await makeTree({ 'real/a.js': CALLBACK_SAMPLE });
    await fs.symlink(path.join(root, 'real/a.js'), path.join(root, 'link.js'));
    expect((await awaitify(root, ['--write', 'link.js'])).code).toBe(0);
    expect((await fs.lstat(path.join(root, 'link.js'))).isSymbolicLink()).toBe(true);
    expect(read(root, 'real/a.js')).toContain('await');
  });
});
