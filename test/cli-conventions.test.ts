import { spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/program';
import { builtBin, projectRoot } from './helpers/cli';
import { git, makeRepository, makeTree, removeTrees } from './temp-trees';

// Issue 21: the conventions ESLint, prettier and jscodeshift taught, with real files and real
// processes (the built command; npm test builds first).

afterAll(removeTrees);

const CALLBACK_SAMPLE = "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n";
const PLAIN = 'let answer = 42;\n';
const SYNTAX_ERROR = 'const x = ;\n';

interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnBuilt(cwd: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Spawned {
  const result = spawnSync(process.execPath, [builtBin, ...args], {
    cwd,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', FORCE_COLOR: undefined, ...options.env } as NodeJS.ProcessEnv,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonPaths(outcome: Spawned): string[] {
  return JSON.parse(outcome.stdout).files.map((file: { path: string }) => file.path);
}

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  env?: Record<string, string>;
  /** stderr on a terminal of this width. */
  stderrColumns?: number;
}

/** main() in-process: stdout as a terminal (or not) of a given width. */
async function inProcess(cwd: string, args: string[], terminal: Terminal = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text), isTTY: terminal.isTTY ?? false, columns: terminal.columns },
    stderr: { write: (text: string) => (stderr += text), isTTY: terminal.stderrColumns !== undefined, columns: terminal.stderrColumns },
    env: terminal.env ?? {},
    cwd,
  });
  return { code, stdout, stderr };
}

const expectedRewrite = (() => {
  let cached: string | undefined;
  return async () => {
    cached ??= spawnBuilt(await makeTree(), ['--stdin', '--stdin-filename', 'a.js'], { input: CALLBACK_SAMPLE }).stdout;
    return cached;
  };
})();

describe('--help', () => {
  it('documents every option of issue 21', async () => {
    const { code, stdout } = await inProcess(projectRoot, ['--help']);
    expect(code).toBe(0);
    for (const option of ['--print', '--stdin', '--stdin-filename <path>', '--no-error-on-unmatched-pattern', '--max-file-size <size>', '--include-minified']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toContain("awaitify 'src/**/*.js' 'lib/*.ts'");
    expect((await inProcess(projectRoot, ['scan', '--help'])).stdout).toContain('--max-file-size <size>');
  });
});

describe('inputs: globs, unmatched paths, .git/info/exclude', () => {
  it('expands a quoted glob itself, filtered like a directory walk (extensions, node_modules, --ignore)', async () => {
    const root = await makeTree({
      'packages/a/src/x.js': PLAIN,
      'packages/b/src/y.ts': PLAIN,
      'packages/b/src/notes.md': '# notes\n',
      'packages/b/src/gen.min.js': PLAIN,
      'packages/a/node_modules/dep/index.js': SYNTAX_ERROR,
      'other/z.js': PLAIN,
    });
    expect(jsonPaths(spawnBuilt(root, ['packages/*/src/**', '--report', 'json', '--ignore', '*.min.js']))).toEqual([
      'packages/a/src/x.js',
      'packages/b/src/y.ts',
    ]);
    // A directory the pattern matches is walked.
    expect(jsonPaths(spawnBuilt(root, ['packages/*', '--report', 'json']))).toEqual(['packages/a/src/x.js', 'packages/b/src/gen.min.js', 'packages/b/src/y.ts']);
    expect(jsonPaths(spawnBuilt(root, ['**/*.ts', 'other', '--report', 'json']))).toEqual(['other/z.js', 'packages/b/src/y.ts']);
  });

  it.each([
    ['a pattern that matches nothing', ['src/**/*.jsx'], /Nothing to process: no file matches the pattern "src\/\*\*\/\*\.jsx"/],
    ['a mistyped directory', ['scr'], /No such file or directory: scr/],
    ['an empty directory', ['empty'], /Nothing to process: no \.js .* file in "empty"/],
    ['a directory whose files are all ignored', ['ignored'], /Nothing to process: no \.js .* file in "ignored"/],
  ])('exits 2 and says so for %s, processing nothing', async (_, args, message) => {
    const root = await makeTree({ 'src/a.js': SYNTAX_ERROR, '.gitignore': 'ignored/\n', 'ignored/x.js': PLAIN });
    await fs.mkdir(path.join(root, 'empty'));
    const outcome = spawnBuilt(root, [...args, 'src']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(message);
    expect(outcome.stderr).toContain('--no-error-on-unmatched-pattern');
    expect(outcome.stdout).toBe('');
  });

  it('--no-error-on-unmatched-pattern goes on with what matched, and exits 0 on nothing at all', async () => {
    const root = await makeTree({ 'src/a.js': PLAIN });
    await fs.mkdir(path.join(root, 'empty'));
    const some = spawnBuilt(root, ['--no-error-on-unmatched-pattern', 'lib/**/*.js', 'scr', 'src', '--report', 'json']);
    expect(some.code).toBe(0);
    expect(jsonPaths(some)).toEqual(['src/a.js']);
    const none = spawnBuilt(root, ['--no-error-on-unmatched-pattern', 'empty']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Scanned 0 files');
  });

  it('honours .git/info/exclude like a .gitignore at the top of the work tree', async () => {
    const root = await makeRepository({ 'src/a.js': PLAIN, 'src/local/scratch.js': SYNTAX_ERROR, 'src/keep.js': PLAIN });
    await fs.appendFile(path.join(root, '.git/info/exclude'), 'local/\nsrc/keep.js\n');
    await fs.writeFile(path.join(root, 'src/.gitignore'), '!keep.js\n');
    const outcome = spawnBuilt(root, ['src', '--report', 'json']);
    expect(outcome.code).toBe(0);
    // local/ is excluded; a deeper .gitignore re-includes keep.js, as in git.
    expect(jsonPaths(outcome)).toEqual(['src/a.js', 'src/keep.js']);
    expect(spawnBuilt(root, ['src/local/scratch.js']).stdout).toContain('skipped src/local/scratch.js: ignored by .gitignore');
  });

  it('honours .git/info/exclude of the common git directory from a linked worktree', async () => {
    const root = await makeRepository({ 'a.js': PLAIN, 'scratch.js': SYNTAX_ERROR });
    await fs.appendFile(path.join(root, '.git/info/exclude'), 'scratch.js\n');
    const linked = path.join(root, 'linked');
    git(root, 'worktree', 'add', '-q', linked);
    expect(jsonPaths(spawnBuilt(linked, ['.', '--report', 'json']))).toEqual(['a.js']);
  });
});

describe('stdin and --print', () => {
  it('--stdin prints the rewritten source on stdout and the report on stderr', async () => {
    const root = await makeTree();
    const outcome = spawnBuilt(root, ['--stdin', '--stdin-filename', 'src/a.js'], { input: CALLBACK_SAMPLE });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain("const text = await fsp.readFile('a.txt', 'utf8');");
    expect(outcome.stdout).not.toContain('Scanned');
    expect(outcome.stderr).toContain('src/a.js\n  2:1  info     timing/callback-moved-to-microtask');
    expect(outcome.stderr).toContain('Scanned 1 file: 1 changed');
    // The output is a file's worth of code, as the same text written to disk gets with --write.
    const onDisk = await makeTree({ 'src/a.js': CALLBACK_SAMPLE });
    expect(spawnBuilt(onDisk, ['--write']).code).toBe(0);
    expect(outcome.stdout).toBe(readFileSync(path.join(onDisk, 'src/a.js'), 'utf8'));
  });

  it('--stdin-filename picks the parser and the engines.node of the package.json near it', async () => {
    const root = await makeTree({ 'legacy/package.json': JSON.stringify({ name: 'legacy', engines: { node: '>=12' } }) });
    expect(spawnBuilt(root, ['--stdin', '--stdin-filename', 'legacy/a.js', '--respect-engines'], { input: CALLBACK_SAMPLE }).stdout).toContain(
      "const fsp = require('fs').promises;",
    );
    // By default engines.node only feeds the report's Node floor.
    const byDefault = spawnBuilt(root, ['--stdin', '--stdin-filename', 'legacy/a.js'], { input: CALLBACK_SAMPLE });
    expect(byDefault.stdout).toContain("require('fs/promises')");
    expect(byDefault.stderr).toContain('package.json allows ">=12": update engines.node to ">=14"');
    expect(spawnBuilt(root, ['--stdin', '--stdin-filename', 'a.js'], { input: CALLBACK_SAMPLE }).stdout).toContain("require('fs/promises')");
    const typed = 'const n: number = 1;\n';
    const asTs = spawnBuilt(root, ['--stdin', '--stdin-filename', 'a.ts'], { input: typed });
    expect(asTs).toMatchObject({ code: 0, stdout: typed });
    expect(spawnBuilt(root, ['--stdin', '--stdin-filename', 'a.js'], { input: typed }).code).toBe(1);
  });

  it('--stdin gives unchanged text back as it was, and nothing but an error (exit 1) for a syntax error', async () => {
    const root = await makeTree();
    expect(spawnBuilt(root, ['--stdin'], { input: PLAIN })).toMatchObject({ code: 0, stdout: PLAIN });
    const broken = spawnBuilt(root, ['--stdin', '--stdin-filename', 'lib/x.js'], { input: SYNTAX_ERROR });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('error lib/x.js:1:11: cannot parse');
  });

  it('--stdin --report json puts the JSON report on stderr', async () => {
    const outcome = spawnBuilt(await makeTree(), ['--stdin', '--stdin-filename', 'a.js', '--report', 'json'], { input: CALLBACK_SAMPLE });
    expect(outcome.stdout).toContain('await fsp.readFile');
    expect(JSON.parse(outcome.stderr).files[0]).toMatchObject({ path: 'a.js', status: 'changed' });
  });

  it.each([
    [['--stdin', 'a.js'], /--stdin reads one source from stdin; give no paths/],
    [['--stdin-filename', 'a.js'], /--stdin-filename needs --stdin/],
    [['--stdin', '--write'], /'--stdin' cannot be used with option '--write'/],
    [['--print', '--check'], /'--print' cannot be used with option '--check'/],
    [['--max-file-size', 'big'], /--max-file-size big: expected a size like 1048576, 500kb or 2mb/],
  ])('exits 2 on %j', async (args, message) => {
    const outcome = spawnBuilt(await makeTree({ 'a.js': PLAIN }), args);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(message);
  });

  it('--print prints the whole transformed file of one file, changed or not, the report on stderr', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'b.js': PLAIN });
    const outcome = spawnBuilt(root, ['a.js', '--print']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(await expectedRewrite());
    expect(outcome.stderr).toContain('Scanned 1 file: 1 changed');
    expect(spawnBuilt(root, ['b.js', '--print']).stdout).toBe(PLAIN);
    expect(readFileSync(path.join(root, 'a.js'), 'utf8')).toBe(CALLBACK_SAMPLE);
  });

  it('--print over several files prints each changed one after a header line', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'b.js': PLAIN, 'c/d.js': CALLBACK_SAMPLE });
    const outcome = spawnBuilt(root, ['--print']);
    const rewrite = await expectedRewrite();
    expect(outcome.stdout).toBe(`==> a.js <==\n${rewrite}\n==> c/d.js <==\n${rewrite}`);
  });
});

describe('output: --check, pipes, colour, width', () => {
  it('--check lists the files that would change and exits 1', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'b.js': PLAIN, 'lib/c.js': CALLBACK_SAMPLE });
    const outcome = spawnBuilt(root, ['--check']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('--check: 2 files would change:\n  a.js\n  lib/c.js\nRun awaitify --write to change them.\n');
  });

  it('ends quietly with its usual exit code when the reader of its output exits early (| head)', async () => {
    // Over 64 KB of output, so that it outlives the pipe buffer: head is gone before the end.
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`${'long-name-'.repeat(12)}${index}.js`, SYNTAX_ERROR]));
    const root = await makeTree(files);
    const script = `"${process.execPath}" "${builtBin}" . | head -n 1; exit "\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
    expect(result.stdout).toMatch(/^error long-name-.*cannot parse.*\n$/);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1); // a syntax error: 1, as without the pipe
    const clean = await makeTree(Object.fromEntries(Array.from({ length: 400 }, (_, index) => [`${'long-name-'.repeat(12)}${index}.js`, PLAIN])));
    const cleanResult = spawnSync('bash', ['-c', `"${process.execPath}" "${builtBin}" . --report json | head -c 10; exit "\${PIPESTATUS[0]}"`], {
      cwd: clean,
      encoding: 'utf8',
    });
    expect(cleanResult).toMatchObject({ status: 0, stderr: '' });
  });

  it.each([
    ['FORCE_COLOR=1 colours in a pipe', {}, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR wins over NO_COLOR', {}, { FORCE_COLOR: 'true', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0 keeps a terminal plain', { isTTY: true }, { FORCE_COLOR: '0' }, false],
    ['NO_COLOR keeps a terminal plain', { isTTY: true }, { NO_COLOR: '1' }, false],
    ['a terminal is coloured', { isTTY: true }, {}, true],
  ] as const)('%s', async (_, terminal, env, coloured) => {
    const { stdout } = await inProcess(await makeTree({ 'bad.js': SYNTAX_ERROR }), [], { ...terminal, env });
    expect(stdout.includes('\u001b[31merror\u001b[39m')).toBe(coloured);
  });

  it('FORCE_COLOR colours the built command in a pipe', async () => {
    const outcome = spawnBuilt(await makeTree({ 'bad.js': SYNTAX_ERROR }), [], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(outcome.stdout).toContain('\u001b[31merror\u001b[39m');
  });

  it('wraps long messages to the terminal width on a terminal only', async () => {
    const tree = { [`${'deep/'.repeat(4)}bad.js`]: `${'\n'.repeat(3)}${SYNTAX_ERROR}`, 'a.js': CALLBACK_SAMPLE };
    // --write: no diffs, so every line but the code frames (' | ') is the report's own.
    const onTerminal = await inProcess(await makeTree(tree), ['--write', '--no-color'], { isTTY: true, columns: 60 });
    const lines = onTerminal.stdout.split('\n').filter((line) => !line.includes(' | '));
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(onTerminal.stdout).toContain('error deep/deep/deep/deep/bad.js:4:11: cannot parse:\n      Unexpected token');
    // After --write the position is the written file's, then where the spot was (`3:1 (was 2:1)`).
    expect(onTerminal.stdout).toMatch(/^ {2}\d+:1(?: \(was 2:1\))? +info {5}timing\/callback-moved-to-microtask\n {4}fs\.readFile: the callback body/m);
    const usage = await inProcess(await makeTree(tree), ['src/**/*.jsx'], { stderrColumns: 50 });
    expect(usage.code).toBe(2);
    const usageLines = usage.stderr.trimEnd().split('\n');
    expect(usageLines.length).toBeGreaterThan(3);
    for (const line of usageLines) expect(line.length, line).toBeLessThanOrEqual(50);
    const inPipe = await inProcess(await makeTree(tree), ['--write'], { isTTY: false, columns: 60 });
    expect(inPipe.stdout).toContain('fs.readFile: the callback body now runs as a promise job once the operation completes. [rewritten]');
  });
});

describe('writes: read-only files and folders', () => {
  it('refuses a read-only file by name (mode check, root too), writes the rest and exits 1', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'locked.js': CALLBACK_SAMPLE, 'z.js': CALLBACK_SAMPLE });
    await fs.chmod(path.join(root, 'locked.js'), 0o444);
    const outcome = await inProcess(root, ['--write']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain('error locked.js: the file is read-only; not written');
    expect(readFileSync(path.join(root, 'locked.js'), 'utf8')).toBe(CALLBACK_SAMPLE);
    expect((await fs.stat(path.join(root, 'locked.js'))).mode & 0o777).toBe(0o444);
    expect(readFileSync(path.join(root, 'a.js'), 'utf8')).toBe(await expectedRewrite());
    expect(readFileSync(path.join(root, 'z.js'), 'utf8')).toBe(await expectedRewrite());
  });

  it('refuses a writable file in a read-only folder with a clear message and leaves no temp file', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'frozen/b.js': CALLBACK_SAMPLE });
    await fs.chmod(path.join(root, 'frozen'), 0o555);
    try {
      const outcome = await inProcess(root, ['--write']);
      expect(outcome.code).toBe(1);
      expect(outcome.stdout).toContain(`error frozen/b.js: not written: its folder ${path.join(root, 'frozen')} is read-only, and awaitify writes a temporary file beside the file`);
      expect(await fs.readdir(path.join(root, 'frozen'))).toEqual(['b.js']);
      expect(readFileSync(path.join(root, 'a.js'), 'utf8')).toBe(await expectedRewrite());
    } finally {
      await fs.chmod(path.join(root, 'frozen'), 0o755);
    }
  });

  /**
   * As a user without root's bypass: `setpriv` to nobody when this runs as root and nobody can
   * reach the built command; the permissions are then real (files owned by root, a folder owned
   * by root), not modes. Otherwise (not root, or no way down) the same outcome through modes.
   */
  const asNobody = canRunAsNobody();
  it(`refuses by name what this user cannot write (built command, ${asNobody ? 'as nobody through setpriv' : 'as this user, through modes'})`, async () => {
    const root = await makeTree({ 'mine.js': CALLBACK_SAMPLE, 'theirs.js': CALLBACK_SAMPLE, 'locked/inside.js': CALLBACK_SAMPLE });
    const command = asNobody
      ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, builtBin, '--write']
      : [process.execPath, builtBin, '--write'];
    await fs.chmod(root, 0o755);
    if (asNobody) {
      // nobody owns the tree and mine.js; root keeps theirs.js (0644) and the folder locked/ (0755).
      for (const owned of ['.', 'mine.js', 'locked/inside.js']) await fs.chown(path.join(root, owned), 65534, 65534);
    } else {
      await fs.chmod(path.join(root, 'theirs.js'), 0o444);
      await fs.chmod(path.join(root, 'locked'), 0o555);
    }
    try {
      const result = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toContain('error theirs.js: the file is read-only; not written');
      expect(result.stdout).toMatch(/error locked\/inside\.js: not written: its folder \S+locked is read-only/);
      expect(result.stderr).not.toMatch(/EACCES|\.awaitify-tmp-/);
      expect(readFileSync(path.join(root, 'theirs.js'), 'utf8')).toBe(CALLBACK_SAMPLE);
      expect(readFileSync(path.join(root, 'locked/inside.js'), 'utf8')).toBe(CALLBACK_SAMPLE);
      expect(readFileSync(path.join(root, 'mine.js'), 'utf8')).toBe(await expectedRewrite());
      expect(await fs.readdir(path.join(root, 'locked'))).toEqual(['inside.js']);
    } finally {
      await fs.chmod(path.join(root, 'locked'), 0o755);
    }
  });

  it('a run killed with SIGKILL while writing leaves every file whole: the old text or the new one', async () => {
    const count = 300;
    const root = await makeTree(Object.fromEntries(Array.from({ length: count }, (_, index) => [`f${index}.js`, CALLBACK_SAMPLE])));
    const rewrite = await expectedRewrite();
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [builtBin, '--write'], { cwd: root, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    const watcher = (await import('node:fs')).watch(root);
    await new Promise<void>((resolve) => {
      watcher.on('change', (event, name) => {
        if (event === 'rename' && String(name).endsWith('.js')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    watcher.close();
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.on('exit', resolve)));
    const texts = await Promise.all(Array.from({ length: count }, (_, index) => fs.readFile(path.join(root, `f${index}.js`), 'utf8')));
    for (const text of texts) expect([CALLBACK_SAMPLE, rewrite]).toContain(text);
    expect(texts.filter((text) => text === rewrite).length).toBeGreaterThan(0);
  });
});

describe('big and minified files', () => {
  const minified = `${Array.from({ length: 400 }, (_, index) => `var a${index}=function(b){return b+${index}};`).join('')}\n`;

  it('skips a file over --max-file-size unread and a minified one, with the reason, and processes the rest', async () => {
    const big = `${PLAIN.repeat(2000)}`; // 34 KB of ordinary lines
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'big.js': big, 'dist/bundle.js': minified });
    const outcome = spawnBuilt(root, ['--report', 'json', '--max-file-size', '20kb']);
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(report.files).toEqual([
      expect.objectContaining({ path: 'a.js', status: 'changed' }),
      { path: 'big.js', status: 'skipped', findings: [], reason: 'larger than the size limit (33.2 KB > 20 KB; see --max-file-size)' },
      { path: 'dist/bundle.js', status: 'skipped', findings: [], reason: expect.stringMatching(/^looks minified \(mean line length \d+ characters > 300; see --include-minified\)$/) },
    ]);
    const reportSchema = JSON.parse(readFileSync(path.join(projectRoot, 'schema/report.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(reportSchema);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const text = spawnBuilt(root, ['--max-file-size', '20kb']);
    expect(text.stdout).toContain('skipped big.js: larger than the size limit (33.2 KB > 20 KB; see --max-file-size)');
    expect(text.stdout).toContain('1 changed, 0 unchanged, 2 skipped, 0 failed');
  });

  it('the default limit is 1 MB; --max-file-size 0 and --include-minified process everything', async () => {
    // Comments: over 1 MB, yet quick to parse.
    const root = await makeTree({ 'huge.js': `// ${'x'.repeat(60)}\n`.repeat(18_000), 'bundle.js': minified });
    expect(JSON.parse(spawnBuilt(root, ['--report', 'json', 'huge.js']).stdout).files[0]).toMatchObject({ status: 'skipped', reason: expect.stringContaining('> 1 MB') });
    const all = JSON.parse(spawnBuilt(root, ['--report', 'json', '--max-file-size', '0', '--include-minified']).stdout);
    expect(all.files.map((file: { status: string }) => file.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('skips a minified text on stdin and gives it back as it was', async () => {
    const outcome = spawnBuilt(await makeTree(), ['--stdin', '--stdin-filename', 'bundle.js'], { input: minified });
    expect(outcome).toMatchObject({ code: 0, stdout: minified });
    expect(outcome.stderr).toContain('skipped bundle.js: looks minified');
  });
});

function canRunAsNobody(): boolean {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, builtBin, '--version'], { encoding: 'utf8' });
  return probe.status === 0;
}
