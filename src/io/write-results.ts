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
  const settled = new Map<string, FileResult>();
  // A file that awaits another file's functions (cross-file mode) is written after that file, and
  // not at all when it could not be: a caller must never await a function that still takes a callback.
  let pending = [...report.files];
  while (pending.length > 0) {
    const ready = pending.filter((file) => (file.awaitsFrom ?? []).every((other) => settled.has(other) || other === file.path));
    // A cycle of files awaiting each other: written in report order.
    const batch = ready.length > 0 ? ready : pending;
    for (const file of batch) {
      const failedFirst = (file.awaitsFrom ?? []).find((other) => settled.get(other)?.status === 'error');
      const result = failedFirst ? failed(file, `${file.path}: not written: it would await functions of ${failedFirst}, which could not be written`) : await writeResult(file, cwd);
      settled.set(file.path, result);
    }
    pending = pending.filter((file) => !batch.includes(file));
  }
  return rebuildReport(report, report.files.map((file) => settled.get(file.path)!), cwd);
}
