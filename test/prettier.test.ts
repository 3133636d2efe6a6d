import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);

// awaitify bundles no prettier: `--prettier` uses the one the converted file's own directory
// resolves. Temp trees live outside this repository, so they see none unless one is installed
// in them. "Installed" here is this repository's own copy of prettier linked into the tree's
// node_modules, the layout pnpm makes: Node resolves it from the tree like any installed package.
// The packed-tarball test (package.test.ts) installs prettier from npm in a real consumer too.

const CALLBACK_SAMPLE = "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n";
const ourPrettier = path.join(projectRoot, 'node_modules', 'prettier');

async function installPrettier(directory: string): Promise<void> {
  await fs.mkdir(path.join(directory, 'node_modules'), { recursive: true });
  await fs.symlink(ourPrettier, path.join(directory, 'node_modules', 'prettier'), 'dir');
}

describe('--prettier', () => {
  it("formats with the project's prettier and its configuration", async () => {
    const root = await makeTree({ 'src/a.js': CALLBACK_SAMPLE, '.prettierrc': JSON.stringify({ semi: false, singleQuote: false }) });
    await installPrettier(root);
    const { code, stdout, stderr } = await runAwaitify(root, ['--prettier', 'src']);
    expect(code).toBe(0);
    expect(stdout).toContain('+const fsp = require("fs/promises")\n');
    expect(stdout).toContain('+  const text = await fsp.readFile("a.txt", "utf8")\n');
    expect(stderr).not.toContain('prettier');
  });

  it("uses prettier's defaults when the project has prettier and no configuration", async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE });
    await installPrettier(root);
    const { code, stdout } = await runAwaitify(root, ['--prettier']);
    expect(code).toBe(0);
    // awaitify keeps the file's single quotes; prettier's default is double quotes.
    expect(stdout).toContain('+const fsp = require("fs/promises");\n');
  });

  it('formats nothing and says so when the project has no prettier', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, '.prettierrc': JSON.stringify({ semi: false }) });
    const plain = await runAwaitify(root, []);
    const { code, stdout, stderr } = await runAwaitify(root, ['--prettier']);
    expect(code).toBe(0);
    expect(stdout).toBe(plain.stdout);
    expect(stderr).toContain('awaitify: --prettier: no prettier is installed for a.js');
    expect(stderr).toContain('npm i -D prettier');
  });

  it('resolves prettier per file: one project of the run has it, the other has not', async () => {
    const root = await makeTree({ 'with/a.js': CALLBACK_SAMPLE, 'without/b.js': CALLBACK_SAMPLE });
    await installPrettier(path.join(root, 'with'));
    const { code, stderr } = await runAwaitify(root, ['--prettier', '--write', '--force', 'with', 'without']);
    expect(code).toBe(0);
    expect(await fs.readFile(path.join(root, 'with/a.js'), 'utf8')).toContain('const fsp = require("fs/promises");\n');
    expect(await fs.readFile(path.join(root, 'without/b.js'), 'utf8')).toContain("const fsp = require('fs/promises');\n");
    expect(stderr).toContain('no prettier is installed for without/b.js (');
    expect(stderr).not.toContain('with/a.js');
  });
});
