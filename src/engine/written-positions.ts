import type { FileResult, Finding, Report } from '../types';
import { createParser, resolveParserName } from './parse';
import { mapOffsets } from './restore-style';
import { splitSource } from './source-text';

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function toOffset(starts: number[], line: number, column: number): number {
  return (starts[line - 1] ?? starts[starts.length - 1]) + column - 1;
}

function toPosition(starts: number[], offset: number): { line: number; column: number } {
  let line = 1;
  while (line < starts.length && starts[line] <= offset) line++;
  return { line, column: offset - starts[line - 1] + 1 };
}

/** A written file's findings, moved into the written text; where they were is kept in `before`. */
function movePositions(file: FileResult): FileResult {
  if (file.status !== 'changed' || file.source === undefined || file.output === undefined || file.created || file.findings.length === 0) return file;
  const source = splitSource(file.source);
  const output = splitSource(file.output);
  const map = mapOffsets(source.body, output.body, createParser(resolveParserName(undefined, file.path)));
  if (!map) return file;
  const sourceStarts = lineStarts(source.body);
  const outputStarts = lineStarts(output.body);
  const move = (line: number, column: number) => toPosition(outputStarts, map(toOffset(sourceStarts, line, column)));
  const findings = file.findings.map((finding): Finding => {
    const start = move(finding.line, finding.column);
    const end = move(finding.endLine, finding.endColumn);
    const endAfterStart = end.line > start.line || (end.line === start.line && end.column >= start.column);
    return {
      ...finding,
      line: start.line,
      column: start.column,
      endLine: endAfterStart ? end.line : start.line,
      endColumn: endAfterStart ? end.column : start.column,
      before: { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    };
  });
  return { ...file, findings, written: true };
}

/**
 * After --write the files hold the output: findings point into it (the line a reader opens),
 * with the position in the text as it was in `before`.
 */
export function pointIntoWrittenFiles(report: Report): Report {
  return { ...report, files: report.files.map(movePositions) };
}
