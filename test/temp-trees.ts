import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const createdTrees: string[] = [];

/** A fresh temp directory holding the given files ('dir/name.js': content). */
export async function makeTree(files: Record<string, string | Buffer> = {}): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'awaitify-test-'));
  createdTrees.push(root);
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await fs.writeFile(path.join(root, name), content);
  }
  return root;
}

export function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

/** A git repository (its own user, no signing) with one commit holding the given files. */
export async function makeRepository(files: Record<string, string>): Promise<string> {
  const root = await makeTree(files);
  git(root, 'init', '-q');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'user.name', 'awaitify tests');
  git(root, 'config', 'commit.gpgsign', 'false');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'initial');
  return root;
}

/** For afterAll: removes every directory makeTree made in this test file. */
export async function removeTrees(): Promise<void> {
  const roots = createdTrees.splice(0);
  await Promise.all(roots.map((root) => fs.rm(root, { recursive: true, force: true })));
}
