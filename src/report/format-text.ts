import type { FileResult, Finding, Report } from '../types';
import { colorizeDiff, createFileDiff } from './diff';
import { describeFileError } from './file-error';
import { listFindingsByRule, plural } from './format-summary';
import { createPalette, type Palette } from './palette';

export interface TextFormatOptions {
  color: boolean;
  /** Print the diff of each changed file first. */
  diffs: boolean;
}

function paintSeverity(finding: Finding, palette: Palette): string {
  if (finding.severity === 'error') return palette.red(finding.severity);
  if (finding.severity === 'warning') return palette.yellow(finding.severity);
  return palette.cyan(finding.severity);
}

function formatFinding(finding: Finding, palette: Palette): string {
  const state = palette.dim(finding.applied ? '[rewritten]' : '[left as is]');
  return `  ${finding.line}:${finding.column}  ${paintSeverity(finding, palette)}  ${finding.ruleId}  ${finding.message} ${state}`;
}

function formatFileDetails(file: FileResult, palette: Palette): string[] {
  const lines: string[] = [];
  if (file.status === 'error') lines.push(`${palette.red('error')} ${describeFileError(file)}`);
  if (file.status === 'skipped') lines.push(palette.dim(`skipped ${file.path}: ${file.reason ?? 'left out'}`));
  if (file.findings.length > 0) {
    lines.push(palette.bold(file.path));
    for (const finding of file.findings) lines.push(formatFinding(finding, palette));
  }
  return lines;
}

function formatSummaryLines(report: Report): string[] {
  const { summary } = report;
  const counts = `${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${summary.failed} failed`;
  const byRule = listFindingsByRule(summary).map(([ruleId, count]) => `${ruleId} ${count}`);
  return [
    `Scanned ${plural(summary.scanned, 'file')}: ${counts}.`,
    summary.findings === 0 ? 'Findings: none.' : `Findings: ${summary.findings} (${byRule.join(', ')}).`,
  ];
}

/** For people: diffs, then findings and problems per file, then the summary. */
export function formatText(report: Report, options: TextFormatOptions): string {
  const palette = createPalette(options.color);
  const diffs = options.diffs ? report.files.map(createFileDiff).filter(Boolean).map((diff) => colorizeDiff(diff, palette)) : [];
  const details = report.files.flatMap((file) => formatFileDetails(file, palette));
  const blocks = [...diffs, details.join('\n'), formatSummaryLines(report).join('\n')].filter(Boolean);
  return blocks.map((block) => (block.endsWith('\n') ? block : `${block}\n`)).join('\n');
}
