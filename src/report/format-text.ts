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

function paintSeverity(severity: Finding['severity'], text: string, palette: Palette): string {
  if (severity === 'error') return palette.red(text);
  if (severity === 'warning') return palette.yellow(text);
  return palette.cyan(text);
}

/** One line a finding, columns aligned within the file (padding before colour, which has no width). */
function formatFindings(findings: Finding[], palette: Palette): string[] {
  const locations = findings.map((finding) => `${finding.line}:${finding.column}`);
  const width = (texts: string[]) => Math.max(...texts.map((text) => text.length));
  const locationWidth = width(locations);
  const severityWidth = width(findings.map((finding) => finding.severity));
  const ruleWidth = width(findings.map((finding) => finding.ruleId));
  return findings.map((finding, index) => {
    const severity = paintSeverity(finding.severity, finding.severity.padEnd(severityWidth), palette);
    const state = palette.dim(finding.applied ? '[rewritten]' : '[left as is]');
    return `  ${locations[index].padEnd(locationWidth)}  ${severity}  ${finding.ruleId.padEnd(ruleWidth)}  ${finding.message} ${state}`;
  });
}

function formatFileDetails(file: FileResult, palette: Palette): string[] {
  const lines: string[] = [];
  if (file.status === 'error') lines.push(`${palette.red('error')} ${describeFileError(file)}`);
  if (file.status === 'skipped') lines.push(palette.dim(`skipped ${file.path}: ${file.reason ?? 'left out'}`));
  if (file.findings.length > 0) {
    lines.push(palette.bold(file.path), ...formatFindings(file.findings, palette));
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
