import { createRequire } from 'node:module';
import * as path from 'node:path';
import { rebuildReport } from '../report/build-report';
import type { FileResult, Report } from '../types';

/** The part of prettier's API used here; prettier 2 returns strings where 3 returns promises. */
interface PrettierApi {
  format(source: string, options: object): string | Promise<string>;
  resolveConfig(file: string, options?: { editorconfig?: boolean }): Promise<object | null>;
}

type PrettierLoader = (file: string) => Promise<PrettierApi>;

/** The prettier of the project a file belongs to (resolved from its directory), else ours. */
function createPrettierLoader(): PrettierLoader {
  const loaded = new Map<string, PrettierApi>();
  return async (file) => {
    const requireFromFile = createRequire(file);
    let resolved: string;
    try {
      resolved = requireFromFile.resolve('prettier');
    } catch {
      return (await import('prettier')) as PrettierApi;
    }
    let prettier = loaded.get(resolved);
    if (!prettier) {
      prettier = requireFromFile(resolved) as PrettierApi;
      loaded.set(resolved, prettier);
    }
    return prettier;
  };
}

async function formatResult(file: FileResult, cwd: string, loadPrettier: PrettierLoader): Promise<FileResult> {
  if (file.status !== 'changed' || file.output === undefined) return file;
  const absolute = path.resolve(cwd, file.path);
  try {
    const prettier = await loadPrettier(absolute);
    const config = (await prettier.resolveConfig(absolute, { editorconfig: true })) ?? {};
    const output = await prettier.format(file.output, { ...config, filepath: absolute });
    if (output === file.source) return { ...file, status: 'unchanged', output: undefined };
    return { ...file, output };
  } catch (error) {
    const message = `${file.path}: prettier could not format the rewritten text, so nothing was changed (${(error as Error).message})`;
    return { ...file, status: 'error', output: undefined, error: { message } };
  }
}

/**
 * Formats the output of every changed file with the target project's own prettier and
 * config, as its authors would. Unchanged files are never touched.
 */
export async function formatChangedWithPrettier(report: Report): Promise<Report> {
  const cwd = report.cwd ?? process.cwd();
  const loadPrettier = createPrettierLoader();
  const files: FileResult[] = [];
  for (const file of report.files) files.push(await formatResult(file, cwd, loadPrettier));
  return rebuildReport(report, files, cwd);
}
