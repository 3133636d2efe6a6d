import type { FileResult } from '../types';

/** `path:line:column` as editors and terminals link it; line and column only where known. */
export function formatLocation(path: string, line?: number, column?: number): string {
  if (line === undefined) return path;
  return column === undefined ? `${path}:${line}` : `${path}:${line}:${column}`;
}

/** One line for a failed file: `src/a.js:3:7: cannot parse: ...`. */
export function describeFileError(file: FileResult): string {
  const error = file.error ?? { message: 'failed' };
  // Engine messages start with the path already; the location prefix names it once.
  const prefix = `${file.path}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return `${formatLocation(file.path, error.line, error.column)}: ${message}`;
}
