import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { rebuildReport } from '../report/build-report';
import type { FileResult, Report } from '../types';
import { WriteRefusedError, createFileAtomically, writeFileAtomically } from './atomic-write';

async function writeResult(file: FileResult, cwd: string): Promise<FileResult> {
  if (file.status !== 'changed' || file.output === undefined || file.output === file.source) return file;
  const absolute = path.resolve(cwd, file.path);
  try {
    if (file.created) {
      await createFileAtomically(absolute, file.output, file.path);
      return file;
    }
    // Someone may have edited the file since it was read; their edit wins.
    const current = await fs.readFile(absolute, 'utf8');
    if (file.source !== undefined && current !== file.source) {
      return failed(file, `${file.path}: changed on disk since it was read; not written, run again`);
    }
    await writeFileAtomically(absolute, file.output, file.path);
    return file;
  } catch (error) {
    if (error instanceof WriteRefusedError) return failed(file, error.message);
    return failed(file, `${file.path}: cannot write the file (${(error as Error).message})`);
  }
}

function failed(file: FileResult, message: string): FileResult {
  return { ...file, status: 'error', output: undefined, error: { message } };
}

/**
 * The one writer: writes the output of every changed file, atomically, and nothing else.
 * Returns the report as it stands afterwards: a file that could not be written is an error.
 * Paths are resolved against `report.cwd` (set by run), or the process's cwd.
 */
export async function writeResults(report: Report): Promise<Report> {
  const cwd = report.cwd ?? process.cwd();
  const files: FileResult[] = [];
  for (const file of report.files) files.push(await writeResult(file, cwd));
  return rebuildReport(report, files, cwd);
}
