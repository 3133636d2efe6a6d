import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { FileResult } from '../types';
import type { Palette } from './palette';

/** The unified diff of a changed file (`--- a/path`, `+++ b/path`), or '' when there is none. */
export function createFileDiff(file: FileResult): string {
  if (file.status !== 'changed' || file.source === undefined || file.output === undefined) return '';
  // A file the run creates (the package's helper module) comes from nothing, as git shows it.
  return createTwoFilesPatch(file.created ? '/dev/null' : `a/${file.path}`, `b/${file.path}`, file.source, file.output, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}

export function colorizeDiff(diff: string, palette: Palette): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return palette.bold(line);
      if (line.startsWith('+')) return palette.green(line);
      if (line.startsWith('-')) return palette.red(line);
      if (line.startsWith('@@')) return palette.cyan(line);
      return line;
    })
    .join('\n');
}
