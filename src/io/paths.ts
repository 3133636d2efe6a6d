import * as path from 'node:path';

/** Report paths use forward slashes on every platform. */
export function toPosixPath(filePath: string): string {
  return filePath.split(path.sep).join('/');
}

/** A path as the report shows it: relative to cwd, forward slashes. */
export function toReportPath(cwd: string, absolutePath: string): string {
  return toPosixPath(path.relative(cwd, absolutePath)) || '.';
}

export function isInside(directory: string, candidate: string): boolean {
  const relative = path.relative(directory, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
