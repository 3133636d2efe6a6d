import { createRequire } from 'node:module';
import * as path from 'node:path';
import { rebuildReport } from '../report/build-report';
import type { FileResult, Report } from '../types';

/** The part of prettier's API used here; prettier 2 returns strings where 3 returns promises. */
interface PrettierApi {
  format(source: string, options: object): string | Promise<string>;
  resolveConfig(file: string, options?: { editorconfig?: boolean }): Promise<object | null>;
}

/**
 * The prettier installed for the file's own project: resolved from the file's directory, as the
 * project's own `prettier --write` would run. awaitify ships none, so a project without prettier
 * gets undefined, never someone else's formatting.
 */
function createPrettierLoader(): (file: string) => PrettierApi | undefined {
  const loaded = new Map<string, PrettierApi>();
  return (file) => {
    const requireFromFile = createRequire(file);
    let resolved: string;
    try {
      resolved = requireFromFile.resolve('prettier');
    } catch {
      return undefined;
    }
    let prettier = loaded.get(resolved);
    if (!prettier) {
      prettier = requireFromFile(resolved) as PrettierApi;
      loaded.set(resolved, prettier);
    }
    return prettier;
  };
}

async function formatResult(file: FileResult, absolute: string, prettier: PrettierApi): Promise<FileResult> {
  try {
    // No config file: prettier's defaults, as `prettier --write` in that project would do.
    const config = (await prettier.resolveConfig(absolute, { editorconfig: true })) ?? {};
    const output = await prettier.format(file.output!, { ...config, filepath: absolute });
    if (output === file.source) return { ...file, status: 'unchanged', output: undefined };
    return { ...file, output };
  } catch (error) {
    const message = `${file.path}: prettier could not format the rewritten text, so nothing was changed (${(error as Error).message})`;
    return { ...file, status: 'error', output: undefined, error: { message } };
  }
}

/** Says which files were left unformatted and why, so that the user knows why they look as they do. */
function describeMissingPrettier(paths: string[]): string {
  const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');
  const them = paths.length === 1 ? 'it' : 'them';
  return `--prettier: no prettier is installed for ${shown} (awaitify uses the one each file's own directory resolves, and bundles none), so ${paths.length === 1 ? 'that change is' : 'those changes are'} as awaitify printed ${them}, not formatted. Install prettier in the project (npm i -D prettier) to format ${them}.`;
}

/**
 * Formats the output of every changed file with the prettier and configuration of the file's
 * own project, as its authors would. Unchanged files are never touched; changed files of a
 * project without prettier are kept unformatted and named in `report.notices`.
 */
export async function formatChangedWithPrettier(report: Report): Promise<Report> {
  const cwd = report.cwd ?? process.cwd();
  const loadPrettier = createPrettierLoader();
  const files: FileResult[] = [];
  const unformatted: string[] = [];
  for (const file of report.files) {
    if (file.status !== 'changed' || file.output === undefined) {
      files.push(file);
      continue;
    }
    const absolute = path.resolve(cwd, file.path);
    const prettier = loadPrettier(absolute);
    if (prettier) {
      files.push(await formatResult(file, absolute, prettier));
    } else {
      files.push(file);
      unformatted.push(file.path);
    }
  }
  const rebuilt = rebuildReport(report, files, cwd);
  if (unformatted.length > 0) rebuilt.notices = [...(rebuilt.notices ?? []), describeMissingPrettier(unformatted)];
  return rebuilt;
}
