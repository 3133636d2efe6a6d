import { readFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { runAwaitify } from './helpers/cli';
import { copyProject, repoRoot } from './project-helpers';
import { removeTrees } from './temp-trees';

// --project on the command line, its config key, and what the reports say about it.

afterAll(removeTrees);

const validate = (() => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'schema/report.schema.json'), 'utf8')));
})();

describe('awaitify --project', () => {
  it('reports project mode in JSON that the schema accepts', async () => {
    const root = await copyProject();
    const outcome = await runAwaitify(root, ['--project', 'tsconfig.json', '--report', 'json']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.summary.project).toMatchObject({ config: 'tsconfig.json', mode: 'requested', callersLeft: [] });
  });

  it('says in the text summary what it did, and which callers were left with a callback', async () => {
    const root = await copyProject();
    const outcome = await runAwaitify(root, ['--project', '--ignore', 'legacy']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toContain('Project mode (tsconfig.json, asked for with --project): ');
    expect(outcome.stdout).toContain(
      "Callers left with a callback (they keep working through the dual API): legacy/nightly.js:6:3 list of lib/store.js (outside the run's paths).",
    );
  });

  it('takes a value that is not a .json file as a path to process', async () => {
    const root = await copyProject();
    const outcome = await runAwaitify(root, ['--project', 'esm', '--report', 'json']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['esm/index.mjs', 'esm/main.mjs', 'esm/reader.mjs']);
    expect(report.summary.project.config).toBe('tsconfig.json');
  });

  it('refuses a config file that does not exist, with exit code 2', async () => {
    const root = await copyProject();
    const outcome = await runAwaitify(root, ['--project', 'nope.json']);
    expect(outcome).toMatchObject({ code: 2, stdout: '' });
    expect(outcome.stderr).toBe('awaitify: --project nope.json: no such file\n');
  });

  it('--no-project and the config key project: false keep it off', async () => {
    const root = await copyProject();
    const off = await runAwaitify(root, ['--no-project', '--report', 'json']);
    expect(JSON.parse(off.stdout).summary.project).toBeUndefined();
    const automatic = await runAwaitify(root, ['--report', 'json']);
    expect(JSON.parse(automatic.stdout).summary.project.mode).toBe('automatic');
    await fs.writeFile(path.join(root, 'awaitify.config.json'), JSON.stringify({ project: false }));
    const configured = await runAwaitify(root, ['--report', 'json']);
    expect(JSON.parse(configured.stdout).summary.project).toBeUndefined();
    await fs.writeFile(path.join(root, 'awaitify.config.json'), JSON.stringify({ project: 3 }));
    const bad = await runAwaitify(root, []);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('awaitify.config.json: "project" must be a file name or true or false (got 3)');
  });

  it('writes the converted project and keeps the project summary after --write', async () => {
    const root = await copyProject();
    const outcome = await runAwaitify(root, ['--project', '--write', '--force']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toContain('Project mode (tsconfig.json, asked for with --project)');
    expect(await fs.readFile(path.join(root, 'lib/store.js'), 'utf8')).toContain('async function list() {');
  });
});
