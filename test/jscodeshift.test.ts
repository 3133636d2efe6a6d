import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The transforms are also jscodeshift transforms. These tests run the real jscodeshift
// binary (workers, babel-register and all) over files in a temp directory.

const repo = path.resolve(__dirname, '..');
const jscodeshiftBin = path.join(repo, 'node_modules', '.bin', 'jscodeshift');
const transformFile = path.join(repo, 'dist', 'transforms', 'callbacks-to-async.js');

/** Files with something to convert, nothing to convert, and an extension left out. */
const inputs: Record<string, string> = {
  'convert.js': "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n",
  'plain.js': "'use strict';\nconst path = require('path');\nmodule.exports = (name) => path.join(__dirname, name);\n",
  'plain.mjs': "import { readFileSync } from 'node:fs';\nexport const text = readFileSync(new URL('./plain.js', import.meta.url), 'utf8');\n",
  'typed.ts': 'interface Item {\n  name: string;\n}\nexport const items: Item[] = [{ name: "a" }];\n',
  // Not in --extensions, so jscodeshift must not even hand it to the transform.
  'legacy.cjs': "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n",
};
const converted = 'convert.js';

const tempDirs: string[] = [];

function makeInputDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'awaitify-jscodeshift-'));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function readDir(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

function jscodeshift(dir: string, ...flags: string[]) {
  const args = [jscodeshiftBin, '-t', transformFile, dir, '--extensions=js,mjs,ts', '--fail-on-error', ...flags];
  const result = spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  const transcript = `jscodeshift ${flags.join(' ')}: exit ${result.status}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, transcript };
}

/** The per-file counts jscodeshift prints at the end ("0 errors", "1 ok", ...). */
function counts(stdout: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const match of stdout.matchAll(/^(\d+) (errors|unmodified|skipped|ok)$/gm)) found[match[2]] = Number(match[1]);
  return found;
}

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('dist/transforms/callbacks-to-async.js as a jscodeshift transform', () => {
  it('loads with plain require: a default function, a parser, undefined when nothing changes', () => {
    const probe = [
      'const transform = require(process.argv[1]);',
      "const api = { report() { throw new Error('no findings expected'); }, stats() {} };",
      "const out = transform.default({ path: 'plain.js', source: 'module.exports = 1;\\n' }, api, {});",
      'console.log(JSON.stringify({ default: typeof transform.default, parser: transform.parser, out: out === undefined ? "undefined" : out }));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', probe, transformFile], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ default: 'function', parser: 'babel', out: 'undefined' });
  });

  describe('jscodeshift -t <transform> <dir> --extensions=js,mjs,ts', () => {
    const dir = makeInputDir(inputs);
    let written = '';
    /** The first run's transcript: the findings of the next test are in it. */
    let firstRun: ReturnType<typeof jscodeshift> | undefined;

    it('exits 0, rewrites the file it converts and leaves every other file byte for byte', () => {
      const run = jscodeshift(dir);
      firstRun = run;
      expect(run.status, run.transcript).toBe(0);
      expect(run.stdout, run.transcript).toMatch(/^Processing 4 files/m);
      expect(counts(run.stdout), run.transcript).toEqual({ errors: 0, unmodified: 0, skipped: 3, ok: 1 });

      const after = readDir(dir);
      written = after[converted];
      expect(written, 'convert.js is unchanged on disk').not.toBe(inputs[converted]);
      expect(written).toContain('await ');
      for (const name of Object.keys(inputs).filter((n) => n !== converted)) {
        expect(after[name], `${name} changed`).toBe(inputs[name]);
      }
    });

    it('prints the findings the transform reports through api.report', () => {
      // In the run above (a run of its own cost a jscodeshift start, its workers and babel-register).
      const run = firstRun;
      if (!run) throw new Error('needs the run above');
      const reports = run.stdout.split('\n').filter((line) => /^\s*REP /.test(line));
      expect(reports.length, run.transcript).toBeGreaterThan(0);
      for (const line of reports) expect(line).toContain(path.join(dir, converted));
      // `if (err) throw err` in the callback: an uncaught exception becomes a rejection.
      expect(reports.join('\n'), run.transcript).toMatch(/convert\.js:3:\d+ timing\/throw-becomes-rejection \(changed\)/);
    });

    it('changes nothing on a second run', () => {
      const before = readDir(dir);
      // In band, without babel-register: the first run tested those; each costs seconds to start.
      const run = jscodeshift(dir, '--no-babel', '--run-in-band');
      expect(run.status, run.transcript).toBe(0);
      expect(counts(run.stdout), run.transcript).toMatchObject({ errors: 0, ok: 0 });
      expect(readDir(dir)).toEqual(before);
    });

    it('--dry --print prints the rewrite, writes nothing, with and without babel-register', () => {
      for (const flags of [[], ['--no-babel', '--run-in-band']]) {
        const fresh = makeInputDir(inputs);
        const run = jscodeshift(fresh, '--dry', '--print', ...flags);
        expect(run.status, run.transcript).toBe(0);
        expect(counts(run.stdout), run.transcript).toEqual({ errors: 0, unmodified: 0, skipped: 3, ok: 1 });
        expect(written, 'needs the rewrite above').not.toBe('');
        expect(run.stdout, run.transcript).toContain(written);
        expect(run.stdout).not.toContain(inputs['typed.ts']);
        expect(readDir(fresh)).toEqual(inputs);
      }
    });
  });

  it('reports a file that does not parse as an error, leaves it alone, and --fail-on-error exits 1', () => {
    const broken = "const fs = require('fs');\nfs.readFile('a.txt', (err, text) => {\n";
    const dir = makeInputDir({ 'broken.js': broken, 'plain.js': inputs['plain.js'] });
    const run = jscodeshift(dir, '--no-babel', '--run-in-band');
    expect(run.status, run.transcript).toBe(1);
    expect(run.stdout, run.transcript).toMatch(/ERR .*broken\.js/);
    expect(counts(run.stdout), run.transcript).toEqual({ errors: 1, unmodified: 0, skipped: 1, ok: 0 });
    expect(readFileSync(path.join(dir, 'broken.js'), 'utf8')).toBe(broken);
  });
});
