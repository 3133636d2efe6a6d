import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { writeResults } from '../src/io/write-results';
import type { Report } from '../src/types';
import { makeTree } from './temp-trees';

export const repoRoot = path.resolve(__dirname, '..');
export const storeApp = path.join(repoRoot, 'test', 'projects', 'store-app');

/** The entries of the fixture project: CommonJS, ES module, and the TypeScript part once compiled. */
export const entries = ['app/main.js', 'esm/main.mjs', 'ts/main.js'];

/**
 * A fresh copy of a fixture project in a temp directory (a git repository is not needed:
 * writeResults is called directly), with node_modules linked to this repository's so that
 * `types: ["node"]` resolves.
 */
export async function copyProject(source: string = storeApp): Promise<string> {
  const root = await makeTree();
  await fs.cp(source, root, { recursive: true });
  await fs.symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

/** Compiles the project's .ts files next to themselves, as CommonJS, so that node can run them. */
export async function compileTypeScript(root: string, directory = 'ts'): Promise<void> {
  const folder = path.join(root, directory);
  for (const name of await fs.readdir(folder)) {
    if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
    const source = await fs.readFile(path.join(folder, name), 'utf8');
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: name,
    }).outputText;
    await fs.writeFile(path.join(folder, name.replace(/\.ts$/, '.js')), output);
  }
}

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(root: string, entry: string): NodeRun {
  const result = spawnSync(process.execPath, [entry], { cwd: root, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `file: TS1234 message` for every error tsc --noEmit reports on the project's tsconfig.json. */
export function typeErrors(root: string): string[] {
  const configPath = path.join(root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const file = diagnostic.file ? path.relative(root, diagnostic.file.fileName) : '';
    return `${file}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/** Writes what the run changed (the library's one writer). */
export async function writeChanges(report: Report): Promise<void> {
  const written = await writeResults(report);
  const failed = written.files.filter((file) => file.status === 'error');
  if (failed.length > 0) throw new Error(failed.map((file) => file.error?.message).join('\n'));
}
